/**
 * The whiteboard diagram as a directed graph: boxes (nodes) and arrows (edges, source → target).
 * Plain JSON; the schema bounds its size so a stored or submitted diagram stays small.
 */
import { z } from "zod";
import { isStorableText } from "@/lib/text-safety";

export const MAX_DIAGRAM_NODES = 40;
export const MAX_DIAGRAM_EDGES = 80;
export const MAX_NODE_LABEL_CHARS = 60;
const MAX_ID_CHARS = 64;
/** Canvas coordinates are pixels; the bound only rejects nonsense. */
const MAX_COORDINATE = 100_000;

const idSchema = z.string().trim().min(1).max(MAX_ID_CHARS).refine(isStorableText, "ids must be valid text without NUL characters");
const coordinateSchema = z.number().finite().min(-MAX_COORDINATE).max(MAX_COORDINATE);

export const diagramNodeSchema = z.object({
  id: idSchema,
  label: z.string().trim().min(1, "A box needs a label").max(MAX_NODE_LABEL_CHARS).refine(isStorableText, "A label must be valid text without NUL characters"),
  x: coordinateSchema,
  y: coordinateSchema,
});

export const diagramEdgeSchema = z.object({ id: idSchema, source: idSchema, target: idSchema });

export const diagramSchema = z
  .object({
    nodes: z.array(diagramNodeSchema).max(MAX_DIAGRAM_NODES),
    edges: z.array(diagramEdgeSchema).max(MAX_DIAGRAM_EDGES),
  })
  .superRefine((diagram, ctx) => {
    const nodeIds = new Set<string>();
    diagram.nodes.forEach((node, i) => {
      if (nodeIds.has(node.id)) ctx.addIssue({ code: "custom", path: ["nodes", i, "id"], message: `Duplicate node id ${node.id}` });
      nodeIds.add(node.id);
    });
    const edgeIds = new Set<string>();
    diagram.edges.forEach((edge, i) => {
      if (edgeIds.has(edge.id)) ctx.addIssue({ code: "custom", path: ["edges", i, "id"], message: `Duplicate edge id ${edge.id}` });
      edgeIds.add(edge.id);
      for (const end of ["source", "target"] as const) {
        if (!nodeIds.has(edge[end])) ctx.addIssue({ code: "custom", path: ["edges", i, end], message: `Expected ${end} to be a node id, got ${edge[end]}` });
      }
    });
  });

export type DiagramNode = z.infer<typeof diagramNodeSchema>;
export type DiagramEdge = z.infer<typeof diagramEdgeSchema>;
export type Diagram = z.infer<typeof diagramSchema>;

export const EMPTY_DIAGRAM: Diagram = { nodes: [], edges: [] };

export function parseDiagram(input: unknown): Diagram {
  return diagramSchema.parse(input);
}
