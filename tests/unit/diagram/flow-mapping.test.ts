import { describe, expect, it } from "vitest";
import { canConnect, diagramKey, mergeDiagram, nextId, nextPosition, pickHandles, toDiagram } from "@/components/diagram/flow-mapping";
import { REFERENCE_DIAGRAM } from "@/lib/diagram";

const box = (x: number, y: number) => ({ x, y, width: 160, height: 50 });

describe("diagram canvas mapping", () => {
  it("round-trips a Diagram through React Flow nodes and edges", () => {
    const { nodes, edges } = mergeDiagram(REFERENCE_DIAGRAM, [], []);
    expect(toDiagram(nodes, edges)).toEqual(REFERENCE_DIAGRAM);
    expect(diagramKey(toDiagram(nodes, edges))).toBe(diagramKey(REFERENCE_DIAGRAM));
  });

  it("keeps measurements and selection when an external value is merged", () => {
    const first = mergeDiagram(REFERENCE_DIAGRAM, [], []);
    const measured = first.nodes.map((n) => ({ ...n, measured: { width: 170, height: 60 }, selected: n.id === "model" }));
    const moved = { ...REFERENCE_DIAGRAM, nodes: REFERENCE_DIAGRAM.nodes.map((n) => (n.id === "model" ? { ...n, x: 999 } : n)) };
    const merged = mergeDiagram(moved, measured, first.edges).nodes.find((n) => n.id === "model");
    expect(merged).toMatchObject({ position: { x: 999 }, measured: { width: 170, height: 60 }, selected: true });
  });

  it("points arrows out of the side facing the target", () => {
    expect(pickHandles(box(0, 0), box(300, 10))).toEqual({ sourceHandle: "right", targetHandle: "left" });
    expect(pickHandles(box(300, 0), box(0, 10))).toEqual({ sourceHandle: "left", targetHandle: "right" });
    expect(pickHandles(box(0, 0), box(20, 200))).toEqual({ sourceHandle: "bottom", targetHandle: "top" });
    expect(pickHandles(box(0, 200), box(20, 0))).toEqual({ sourceHandle: "top", targetHandle: "bottom" });
  });

  it("refuses self-loops and duplicate arrows but allows the reverse arrow", () => {
    const edges = [{ source: "a", target: "b" }];
    expect(canConnect(edges, "a", "a")).toBe(false);
    expect(canConnect(edges, "a", "b")).toBe(false);
    expect(canConnect(edges, "b", "a")).toBe(true);
    expect(canConnect(edges, null, "a")).toBe(false);
  });

  it("makes fresh deterministic ids and grid positions", () => {
    expect(nextId("box", ["box-1", "box-3"])).toBe("box-4");
    expect(nextId("box", ["box-2"])).toBe("box-3");
    expect(nextId("edge", [])).toBe("edge-1");
    expect(nextPosition(0)).toEqual({ x: 40, y: 40 });
    expect(nextPosition(5)).toEqual({ x: 260, y: 160 });
  });
});
