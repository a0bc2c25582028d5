import { describe, expect, it } from "vitest";
import { MAX_DIAGRAM_NODES, MAX_NODE_LABEL_CHARS, diagramSchema, parseDiagram, REFERENCE_DIAGRAM } from "@/lib/diagram";

describe("diagramSchema", () => {
  it("accepts the reference diagram", () => {
    expect(parseDiagram(REFERENCE_DIAGRAM)).toEqual(REFERENCE_DIAGRAM);
  });

  it("rejects more than the maximum number of boxes", () => {
    const nodes = Array.from({ length: MAX_DIAGRAM_NODES + 1 }, (_, i) => ({ id: `n${i}`, label: "Box", x: 0, y: 0 }));
    expect(diagramSchema.safeParse({ nodes, edges: [] }).success).toBe(false);
  });

  it("rejects labels over the limit and empty labels", () => {
    const long = { nodes: [{ id: "a", label: "x".repeat(MAX_NODE_LABEL_CHARS + 1), x: 0, y: 0 }], edges: [] };
    expect(diagramSchema.safeParse(long).success).toBe(false);
    expect(diagramSchema.safeParse({ nodes: [{ id: "a", label: "  ", x: 0, y: 0 }], edges: [] }).success).toBe(false);
  });

  it("rejects arrows to unknown boxes and duplicate ids, naming the path", () => {
    const result = diagramSchema.safeParse({
      nodes: [{ id: "a", label: "A", x: 0, y: 0 }, { id: "a", label: "B", x: 0, y: 0 }],
      edges: [{ id: "e", source: "a", target: "zzz" }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["nodes.1.id", "edges.0.target"]);
  });

  it("rejects non-finite coordinates", () => {
    expect(diagramSchema.safeParse({ nodes: [{ id: "a", label: "A", x: Number.NaN, y: 0 }], edges: [] }).success).toBe(false);
  });
});
