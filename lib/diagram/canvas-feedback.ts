/**
 * The grade reduced to what the canvas draws: a status per box and per arrow, and the missing
 * pieces listed in a panel on the canvas. Pure; the editor takes this as its `feedback` prop.
 */
import type { DiagramGrade } from "./types";

/** ok = matched a reference component; extra = the reference does not know it. */
export type NodeFeedbackStatus = "ok" | "extra";
/** ok = right arrow; bonus = an E6 extra (the feedback loop); reversed = points the wrong way; extra = not in the flow. */
export type EdgeFeedbackStatus = "ok" | "bonus" | "reversed" | "extra";

export type DiagramFeedback = {
  nodeStatus: Record<string, NodeFeedbackStatus>;
  edgeStatus: Record<string, EdgeFeedbackStatus>;
  /** Reference component labels with no box. */
  missingComponents: string[];
  /** "Evaluation pipeline → Analysis tools" for required arrows between boxes that exist. */
  missingEdges?: string[];
  /** One line per E6 extra found, e.g. "Feedback loop". */
  e6Found?: string[];
  score?: number;
  level?: DiagramGrade["level"];
};

export function toCanvasFeedback(grade: DiagramGrade): DiagramFeedback {
  const nodeStatus: Record<string, NodeFeedbackStatus> = {};
  for (const match of grade.components.matches) nodeStatus[match.nodeId] = match.componentId === null ? "extra" : "ok";
  const edgeStatus: Record<string, EdgeFeedbackStatus> = {};
  for (const edge of grade.edges.correct) edgeStatus[edge.edgeId] = edge.kind === "e6" ? "bonus" : "ok";
  for (const edge of grade.edges.reversed) edgeStatus[edge.edgeId] = "reversed";
  for (const edge of grade.edges.extra) edgeStatus[edge.edgeId] = "extra";
  const labelOf = new Map([...grade.components.present, ...grade.components.missing].map((c) => [c.componentId, c.label]));
  return {
    nodeStatus,
    edgeStatus,
    missingComponents: grade.components.missing.map((c) => c.label),
    missingEdges: grade.edges.missing.map((e) => `${labelOf.get(e.sourceComponentId) ?? e.sourceComponentId} → ${labelOf.get(e.targetComponentId) ?? e.targetComponentId}`),
    e6Found: grade.e6Extras.filter((x) => x.isFound).map((x) => x.label),
    score: grade.score,
    level: grade.level,
  };
}
