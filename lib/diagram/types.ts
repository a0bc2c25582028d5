/** The grader's result: plain JSON, every item carries the node/edge ids the canvas colours. */
import type { GradeLevel } from "@/lib/grading/types";
import type { ReferenceEdgeKind } from "./reference";

export type PresentComponent = {
  componentId: string;
  /** The reference component's label. */
  label: string;
  /** Boxes that matched it (two for an offline/online feature store split). */
  nodeIds: string[];
  message: string;
};

export type MissingComponent = {
  componentId: string;
  label: string;
  /** Required reference arrows that cannot be drawn until this box exists. */
  blockedEdgeIds: string[];
  message: string;
};

export type ExtraComponent = { nodeId: string; label: string; message: string };

/** How a learner arrow earned "correct": a reference arrow (by kind), an arrow to a support box, or one inside a component. */
export type CorrectEdgeKind = ReferenceEdgeKind | "support" | "within";

export type CorrectEdge = { edgeId: string; source: string; target: string; referenceEdgeId: string | null; kind: CorrectEdgeKind; message: string };
export type ReversedEdge = { edgeId: string; source: string; target: string; referenceEdgeId: string; message: string };
export type ExtraEdge = { edgeId: string; source: string; target: string; message: string };
export type MissingEdge = {
  referenceEdgeId: string;
  sourceComponentId: string;
  targetComponentId: string;
  /** Boxes the arrow should join (both components are present). */
  sourceNodeIds: string[];
  targetNodeIds: string[];
  message: string;
};

export type E6ExtraId = "feedback-loop" | "feature-store-split";
export type E6Extra = { id: E6ExtraId; label: string; isFound: boolean; nodeIds: string[]; edgeIds: string[]; message: string };

export type DiagramGrade = {
  /** 0–100 on the grader's bands: below 0–44, E5 45–74, E6 75–100. */
  score: number;
  level: GradeLevel;
  components: {
    present: PresentComponent[];
    missing: MissingComponent[];
    extra: ExtraComponent[];
    /** Every box: the reference component it matched (null = extra) and the synonym that matched. */
    matches: { nodeId: string; label: string; componentId: string | null; phrase: string | null }[];
  };
  edges: { correct: CorrectEdge[]; reversed: ReversedEdge[]; missing: MissingEdge[]; extra: ExtraEdge[] };
  e6Extras: E6Extra[];
  /** How the score was built, for a "why this score" line. */
  breakdown: { componentPoints: number; edgePoints: number; e6Points: number; penaltyPoints: number };
  summary: string;
};
