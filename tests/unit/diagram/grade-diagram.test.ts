import { describe, expect, it } from "vitest";
import { gradeDiagram, REFERENCE_DIAGRAM, toCanvasFeedback, type Diagram } from "@/lib/diagram";

/** The twelve boxes and eight required arrows, no E6 extras: a complete E5 drawing. */
const E5_DIAGRAM: Diagram = {
  nodes: [
    ["c", "Data collection"], ["v", "Data verification"], ["x", "Feature extraction"], ["fs", "Feature store"], ["m", "ML code"],
    ["ev", "Evaluation pipeline"], ["mon", "Monitoring"], ["s", "Serving infrastructure"], ["an", "Analysis tools"],
    ["cfg", "Configuration"], ["pm", "Process management"], ["rm", "Resource management"],
  ].map(([id = "", label = ""], i) => ({ id, label, x: (i % 4) * 200, y: Math.floor(i / 4) * 120 })),
  edges: [
    ["c", "v"], ["v", "x"], ["x", "fs"], ["fs", "m"], ["m", "ev"], ["ev", "mon"], ["ev", "an"], ["mon", "s"],
  ].map(([source = "", target = ""]) => ({ id: `${source}-${target}`, source, target })),
};

const withoutNode = (d: Diagram, id: string): Diagram => ({ nodes: d.nodes.filter((n) => n.id !== id), edges: d.edges.filter((e) => e.source !== id && e.target !== id) });
const reverseEdge = (d: Diagram, id: string): Diagram => ({ ...d, edges: d.edges.map((e) => (e.id === id ? { ...e, source: e.target, target: e.source } : e)) });

describe("gradeDiagram", () => {
  it("scores the reference diagram at E6 with nothing wrong", () => {
    const grade = gradeDiagram(REFERENCE_DIAGRAM);
    expect(grade.level).toBe("E6");
    expect(grade.score).toBe(100);
    expect(grade.components.missing).toEqual([]);
    expect(grade.components.extra).toEqual([]);
    expect(grade.edges.reversed).toEqual([]);
    expect(grade.edges.missing).toEqual([]);
    expect(grade.edges.extra).toEqual([]);
    expect(grade.e6Extras.map((x) => [x.id, x.isFound])).toEqual([["feedback-loop", true], ["feature-store-split", true]]);
  });

  it("scores a complete drawing without E6 extras at the top of E5", () => {
    const grade = gradeDiagram(E5_DIAGRAM);
    expect(grade.score).toBe(70);
    expect(grade.level).toBe("E5");
    expect(grade.e6Extras.every((x) => !x.isFound)).toBe(true);
  });

  it("reports exactly one missing component and one reversed edge, nothing else wrong", () => {
    const diagram = reverseEdge(withoutNode(E5_DIAGRAM, "an"), "m-ev");
    const grade = gradeDiagram(diagram);
    expect(grade.components.missing.map((c) => c.componentId)).toEqual(["analysis"]);
    expect(grade.components.missing[0]?.blockedEdgeIds).toEqual(["evaluation->analysis"]);
    expect(grade.components.missing[0]?.message).toMatch(/Missing: Analysis tools/);
    expect(grade.edges.reversed).toEqual([
      expect.objectContaining({ edgeId: "m-ev", source: "ev", target: "m", referenceEdgeId: "model->evaluation", message: expect.stringMatching(/^Reversed: .*should point from ML code \/ model to Evaluation pipeline/) as unknown }),
    ]);
    expect(grade.components.extra).toEqual([]);
    expect(grade.edges.extra).toEqual([]);
    expect(grade.edges.missing).toEqual([]);
    expect(grade.edges.correct).toHaveLength(6);
    expect(toCanvasFeedback(grade)).toMatchObject({
      missingComponents: ["Analysis tools"],
      missingEdges: [],
      edgeStatus: { "m-ev": "reversed", "c-v": "ok" },
    });
    expect(Object.values(toCanvasFeedback(grade).nodeStatus).every((s) => s === "ok")).toBe(true);
  });

  it("lists a required arrow as missing when both of its boxes exist", () => {
    const grade = gradeDiagram({ ...E5_DIAGRAM, edges: E5_DIAGRAM.edges.filter((e) => e.id !== "x-fs") });
    expect(grade.edges.missing).toEqual([
      expect.objectContaining({ referenceEdgeId: "extraction->feature-store", sourceNodeIds: ["x"], targetNodeIds: ["fs"] }),
    ]);
    expect(grade.components.missing).toEqual([]);
  });

  it("matches labels through synonyms, case, punctuation and typos", () => {
    const labels: Record<string, string> = {
      c: "INGESTION", v: "data-checks", x: "Featurization!", fs: "feature  store", m: "Model training", ev: "evaluation",
      mon: "Moniter", s: "Prediction service", an: "analytics", cfg: "config", pm: "Airflow (orchestration)", rm: "Compute",
    };
    const diagram = { ...E5_DIAGRAM, nodes: E5_DIAGRAM.nodes.map((n) => ({ ...n, label: labels[n.id] ?? n.label })) };
    const grade = gradeDiagram(diagram);
    expect(grade.components.missing).toEqual([]);
    expect(grade.components.extra).toEqual([]);
    expect(grade.score).toBe(70);
    expect(grade.components.matches.find((m) => m.nodeId === "c")).toMatchObject({ componentId: "collection", phrase: "ingestion" });
  });

  it("accepts monitoring and serving joined in either direction", () => {
    expect(gradeDiagram(reverseEdge(E5_DIAGRAM, "mon-s")).score).toBe(70);
  });

  it("reports extra boxes and wrong arrows, penalising only arrows between known components", () => {
    const diagram: Diagram = {
      nodes: [...E5_DIAGRAM.nodes, { id: "cg", label: "Candidate generation", x: 0, y: 500 }],
      edges: [...E5_DIAGRAM.edges, { id: "v-s", source: "v", target: "s" }, { id: "cg-m", source: "cg", target: "m" }],
    };
    const grade = gradeDiagram(diagram);
    expect(grade.components.extra).toEqual([expect.objectContaining({ nodeId: "cg", label: "Candidate generation" })]);
    expect(grade.edges.extra.map((e) => e.edgeId)).toEqual(["v-s", "cg-m"]);
    expect(grade.breakdown.penaltyPoints).toBe(2);
    expect(grade.score).toBe(68);
    expect(toCanvasFeedback(grade).nodeStatus.cg).toBe("extra");
  });

  it("finds the feedback loop and colours it as a bonus", () => {
    const diagram = { ...E5_DIAGRAM, edges: [...E5_DIAGRAM.edges, { id: "loop", source: "s", target: "c" }] };
    const grade = gradeDiagram(diagram);
    expect(grade.e6Extras.find((x) => x.id === "feedback-loop")).toMatchObject({ isFound: true, edgeIds: ["loop"] });
    expect(grade.level).toBe("E6");
    expect(toCanvasFeedback(grade).edgeStatus.loop).toBe("bonus");
  });

  it("does not let E6 extras carry a thin diagram", () => {
    const thin: Diagram = {
      nodes: [
        { id: "c", label: "Logging", x: 0, y: 0 }, { id: "s", label: "Serving", x: 200, y: 0 },
        { id: "off", label: "Offline store", x: 0, y: 100 }, { id: "on", label: "Online store", x: 200, y: 100 },
      ],
      edges: [{ id: "loop", source: "s", target: "c" }],
    };
    const grade = gradeDiagram(thin);
    expect(grade.e6Extras.every((x) => x.isFound)).toBe(true);
    expect(grade.level).toBe("below");
  });

  it("is deterministic and leaves its input untouched", () => {
    const copy = structuredClone(REFERENCE_DIAGRAM);
    expect(gradeDiagram(REFERENCE_DIAGRAM)).toEqual(gradeDiagram(REFERENCE_DIAGRAM));
    expect(REFERENCE_DIAGRAM).toEqual(copy);
  });
});
