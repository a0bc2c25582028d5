/**
 * Pure conversions between the Diagram DTO and React Flow's nodes/edges, plus the small geometry
 * the editor needs (which side of a box an arrow leaves from, where a new box goes, fresh ids).
 */
import type { Edge, Node } from "@xyflow/react";
import type { Diagram, DiagramEdge, DiagramNode } from "@/lib/diagram";

export type ComponentNodeData = { label: string; status?: "ok" | "extra" };
export type ComponentFlowNode = Node<ComponentNodeData, "component">;
export type HandleSide = "top" | "right" | "bottom" | "left";

/** Approximate box size before React Flow has measured it, px. */
export const DEFAULT_NODE_SIZE = { width: 168, height: 56 } as const;
const GRID = { columns: 4, columnPx: 220, rowPx: 120, originPx: 40 } as const;

export function toFlowNode(node: DiagramNode, previous?: ComponentFlowNode): ComponentFlowNode {
  return { ...previous, id: node.id, type: "component", position: { x: node.x, y: node.y }, data: { label: node.label } };
}

export function toFlowEdge(edge: DiagramEdge, previous?: Edge): Edge {
  return { ...previous, id: edge.id, source: edge.source, target: edge.target };
}

/** Applies an external Diagram to the canvas state, keeping React Flow's measurements and selection. */
export function mergeDiagram(diagram: Diagram, nodes: readonly ComponentFlowNode[], edges: readonly Edge[]): { nodes: ComponentFlowNode[]; edges: Edge[] } {
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  return {
    nodes: diagram.nodes.map((n) => toFlowNode(n, nodeById.get(n.id))),
    edges: diagram.edges.map((e) => toFlowEdge(e, edgeById.get(e.id))),
  };
}

/** Canvas state → Diagram DTO (positions rounded to whole pixels). */
export function toDiagram(nodes: readonly ComponentFlowNode[], edges: readonly Edge[]): Diagram {
  return {
    nodes: nodes.map((n) => ({ id: n.id, label: n.data.label, x: Math.round(n.position.x), y: Math.round(n.position.y) })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

/** Stable key of a Diagram, to tell an external change from the echo of our own onChange. */
export function diagramKey(diagram: Diagram): string {
  return JSON.stringify(diagram);
}

type Box = { x: number; y: number; width: number; height: number };

/** Sides an arrow leaves and enters by, facing each other along the dominant axis. */
export function pickHandles(source: Box, target: Box): { sourceHandle: HandleSide; targetHandle: HandleSide } {
  const dx = target.x + target.width / 2 - (source.x + source.width / 2);
  const dy = target.y + target.height / 2 - (source.y + source.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? { sourceHandle: "right", targetHandle: "left" } : { sourceHandle: "left", targetHandle: "right" };
  return dy >= 0 ? { sourceHandle: "bottom", targetHandle: "top" } : { sourceHandle: "top", targetHandle: "bottom" };
}

export function boxOf(node: ComponentFlowNode): Box {
  return { x: node.position.x, y: node.position.y, width: node.measured?.width ?? DEFAULT_NODE_SIZE.width, height: node.measured?.height ?? DEFAULT_NODE_SIZE.height };
}

/** Grid slot for the n-th box, so quick-added boxes do not pile up. */
export function nextPosition(count: number): { x: number; y: number } {
  return { x: GRID.originPx + (count % GRID.columns) * GRID.columnPx, y: GRID.originPx + Math.floor(count / GRID.columns) * GRID.rowPx };
}

/** The first `${prefix}-${n}` not already taken (deterministic, no randomness). */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = used.size + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** An arrow may be added when both ends exist, differ, and the same arrow is not drawn yet. */
export function canConnect(edges: readonly { source: string; target: string }[], source: string | null, target: string | null): boolean {
  if (!source || !target || source === target) return false;
  return !edges.some((e) => e.source === source && e.target === target);
}
