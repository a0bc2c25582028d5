/**
 * Whiteboard diagram drill — pure: a diagram (boxes + arrows) in, a graph grade out.
 *
 *   import { parseDiagram, gradeDiagram, toCanvasFeedback } from "@/lib/diagram";
 *   const diagram = parseDiagram(json);            // zod: ≤ 40 boxes, ≤ 80 arrows, labels ≤ 60 chars
 *   const grade = gradeDiagram(diagram);           // { score, level, components, edges, e6Extras, ... }
 *   <DiagramEditor value={diagram} onChange={...} feedback={toCanvasFeedback(grade)} />
 *
 * The reference graph and its decisions are documented in ./reference.ts.
 */
export { diagramSchema, diagramNodeSchema, diagramEdgeSchema, parseDiagram, EMPTY_DIAGRAM, MAX_DIAGRAM_NODES, MAX_DIAGRAM_EDGES, MAX_NODE_LABEL_CHARS, type Diagram, type DiagramNode, type DiagramEdge } from "./schema";
export { DEFAULT_REFERENCE, REFERENCE_COMPONENT_LABELS, type DiagramReference, type ReferenceComponent, type ReferenceEdge, type ReferenceEdgeKind, type ComponentGroup } from "./reference";
export { REFERENCE_DIAGRAM } from "./reference-diagram";
export { matchLabel, normalizeLabel, type LabelMatch } from "./match-labels";
export { gradeDiagram } from "./grade-diagram";
export { toCanvasFeedback, type DiagramFeedback, type NodeFeedbackStatus, type EdgeFeedbackStatus } from "./canvas-feedback";
export type * from "./types";
