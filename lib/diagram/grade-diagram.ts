/**
 * Grades a whiteboard diagram as a graph against the reference — pure: diagram in, grade out.
 *
 * Score (0–100, the grader's bands below 0–44 / E5 45–74 / E6 75–100):
 *   components  35 × present / all reference components
 *   arrows      35 × (correct + ½ × reversed-only) / required reference arrows
 *   E6 extras   15 each (feedback loop, offline/online store split), scaled by the two parts above
 *               so extras cannot carry a thin diagram
 *   penalty     −2 per wrong arrow between two known components, at most −10
 * A complete E5 diagram (every box and arrow) scores 70; adding one E6 extra lifts it into E6.
 * Boxes the reference does not know are reported, not penalised; arrows touching them are reported
 * as extra but cost nothing.
 */
import { levelOf } from "@/lib/grading/score-answer";
import { labelHasQualifier, matchLabel } from "./match-labels";
import { DEFAULT_REFERENCE, type DiagramReference, type ReferenceEdge } from "./reference";
import type { Diagram } from "./schema";
import type { CorrectEdge, DiagramGrade, E6Extra, ExtraEdge, MissingComponent, MissingEdge, PresentComponent, ReversedEdge } from "./types";

const COMPONENT_POINTS = 35;
const EDGE_POINTS = 35;
const E6_POINTS_EACH = 15;
const WRONG_EDGE_PENALTY = 2;
const MAX_PENALTY = 10;

export function gradeDiagram(diagram: Diagram, reference: DiagramReference = DEFAULT_REFERENCE): DiagramGrade {
  const componentLabel = new Map(reference.components.map((c) => [c.id, c.label]));
  const nameOf = (componentId: string) => componentLabel.get(componentId) ?? componentId;

  const matches = diagram.nodes.map((node) => {
    const match = matchLabel(node.label, reference.components);
    return { nodeId: node.id, label: node.label, componentId: match?.componentId ?? null, phrase: match?.phrase ?? null };
  });
  const componentOfNode = new Map(matches.map((m) => [m.nodeId, m.componentId]));
  const labelOfNode = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const nodesOf = (componentId: string) => matches.filter((m) => m.componentId === componentId).map((m) => m.nodeId);

  const present: PresentComponent[] = [];
  const missingIds = new Set<string>();
  for (const component of reference.components) {
    const nodeIds = nodesOf(component.id);
    if (nodeIds.length === 0) { missingIds.add(component.id); continue; }
    const labels = nodeIds.map((id) => `"${labelOfNode.get(id) ?? id}"`).join(" and ");
    present.push({ componentId: component.id, label: component.label, nodeIds, message: `${labels} → ${component.label}` });
  }
  const extraComponents = matches
    .filter((m) => m.componentId === null)
    .map((m) => ({ nodeId: m.nodeId, label: m.label, message: `"${m.label}" is not one of the reference components; it is not graded.` }));

  const correct: CorrectEdge[] = [];
  const reversed: ReversedEdge[] = [];
  const extra: ExtraEdge[] = [];
  let wrongEdges = 0;
  const support = new Set(reference.supportComponentIds);
  for (const edge of diagram.edges) {
    const from = componentOfNode.get(edge.source) ?? null;
    const to = componentOfNode.get(edge.target) ?? null;
    const arrow = `"${labelOfNode.get(edge.source) ?? edge.source}" → "${labelOfNode.get(edge.target) ?? edge.target}"`;
    const base = { edgeId: edge.id, source: edge.source, target: edge.target };
    if (edge.source === edge.target) { extra.push({ ...base, message: `${arrow} points a box at itself.` }); continue; }
    if (from === null || to === null) { extra.push({ ...base, message: `${arrow} touches a box the reference does not know; it is not graded.` }); continue; }
    if (from === to) { correct.push({ ...base, referenceEdgeId: null, kind: "within", message: `${arrow} stays inside ${nameOf(from)}.` }); continue; }
    const forward = findEdge(reference.edges, from, to, "forward");
    if (forward) { correct.push({ ...base, referenceEdgeId: forward.id, kind: forward.kind, message: `${arrow} carries ${forward.carries}.` }); continue; }
    if (support.has(from) || support.has(to)) { correct.push({ ...base, referenceEdgeId: null, kind: "support", message: `${arrow}: support boxes may connect to anything.` }); continue; }
    const backward = findEdge(reference.edges, from, to, "backward");
    if (backward) {
      reversed.push({ ...base, referenceEdgeId: backward.id, message: `Reversed: ${arrow} should point from ${nameOf(backward.source)} to ${nameOf(backward.target)} (it carries ${backward.carries}).` });
      continue;
    }
    wrongEdges += 1;
    extra.push({ ...base, message: `${arrow}: ${nameOf(from)} does not feed ${nameOf(to)} in the reference flow.` });
  }

  const required = reference.edges.filter((e) => e.kind === "required");
  const coveredIds = new Set(correct.map((e) => e.referenceEdgeId));
  const reversedIds = new Set(reversed.map((e) => e.referenceEdgeId));
  const missingEdges: MissingEdge[] = required
    .filter((e) => !coveredIds.has(e.id) && !reversedIds.has(e.id) && !missingIds.has(e.source) && !missingIds.has(e.target))
    .map((e) => ({
      referenceEdgeId: e.id, sourceComponentId: e.source, targetComponentId: e.target, sourceNodeIds: nodesOf(e.source), targetNodeIds: nodesOf(e.target),
      message: `Missing arrow: ${nameOf(e.source)} → ${nameOf(e.target)} (${e.carries}).`,
    }));
  const missing: MissingComponent[] = reference.components
    .filter((c) => missingIds.has(c.id))
    .map((c) => {
      const blocked = required.filter((e) => e.source === c.id || e.target === c.id);
      const arrows = blocked.map((e) => `${nameOf(e.source)} → ${nameOf(e.target)}`).join(", ");
      return { componentId: c.id, label: c.label, blockedEdgeIds: blocked.map((e) => e.id), message: `Missing: ${c.label} — it ${c.role}.${arrows ? ` Then draw ${arrows}.` : ""}` };
    });

  const e6Extras = [findFeedbackLoop(correct), findStoreSplit(diagram, matches, reference)];

  const componentPoints = (COMPONENT_POINTS * present.length) / Math.max(1, reference.components.length);
  const edgeCredit = required.reduce((sum, e) => sum + (coveredIds.has(e.id) ? 1 : reversedIds.has(e.id) ? 0.5 : 0), 0);
  const edgePoints = (EDGE_POINTS * edgeCredit) / Math.max(1, required.length);
  const baseFraction = (componentPoints + edgePoints) / (COMPONENT_POINTS + EDGE_POINTS);
  const e6Points = E6_POINTS_EACH * e6Extras.filter((x) => x.isFound).length * baseFraction;
  const penaltyPoints = Math.min(MAX_PENALTY, WRONG_EDGE_PENALTY * wrongEdges);
  const score = Math.round(Math.max(0, Math.min(100, componentPoints + edgePoints + e6Points - penaltyPoints)));

  return {
    score,
    level: levelOf(score),
    components: { present, missing, extra: extraComponents, matches },
    edges: { correct, reversed, missing: missingEdges, extra },
    e6Extras,
    breakdown: { componentPoints: round1(componentPoints), edgePoints: round1(edgePoints), e6Points: round1(e6Points), penaltyPoints },
    summary: `${present.length}/${reference.components.length} components, ${required.filter((e) => coveredIds.has(e.id)).length}/${required.length} required arrows, ${reversed.length} reversed, ${extra.length} extra, ${e6Extras.filter((x) => x.isFound).length}/${e6Extras.length} E6 extras.`,
  };
}

function findEdge(edges: readonly ReferenceEdge[], from: string, to: string, direction: "forward" | "backward"): ReferenceEdge | undefined {
  return edges.find((e) =>
    direction === "forward"
      ? (e.source === from && e.target === to) || (e.isBidirectional && e.source === to && e.target === from)
      : !e.isBidirectional && e.source === to && e.target === from,
  );
}

function findFeedbackLoop(correct: readonly CorrectEdge[]): E6Extra {
  const loop = correct.filter((e) => e.kind === "e6");
  return {
    id: "feedback-loop", label: "Feedback loop", isFound: loop.length > 0, nodeIds: [...new Set(loop.flatMap((e) => [e.source, e.target]))], edgeIds: loop.map((e) => e.edgeId),
    message: loop.length > 0
      ? "Feedback loop: serving logs flow back into collection, so today's traffic becomes tomorrow's training data."
      : "E6: close the loop with an arrow from Serving (its logs) or Monitoring back to Data collection.",
  };
}

function findStoreSplit(diagram: Diagram, matches: DiagramGrade["components"]["matches"], reference: DiagramReference): E6Extra {
  const split = reference.storeSplit;
  const stores = split ? diagram.nodes.filter((n) => matches.some((m) => m.nodeId === n.id && m.componentId === split.componentId)) : [];
  const offline = split ? stores.filter((n) => labelHasQualifier(n.label, split.offline)) : [];
  const online = split ? stores.filter((n) => labelHasQualifier(n.label, split.online) && !offline.includes(n)) : [];
  const isFound = offline.length > 0 && online.length > 0;
  return {
    id: "feature-store-split", label: "Offline/online store split", isFound, nodeIds: isFound ? [...offline, ...online].map((n) => n.id) : [], edgeIds: [],
    message: isFound
      ? "Feature store split: an offline store for training and an online store for low-latency serving."
      : "E6: split the feature store into an offline store (training) and an online store (serving lookups).",
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
