"use client";
import { DiagramEditor } from "@/components/diagram/diagram-editor";
import { VerdictCard } from "@/components/grading/verdict-card";
import { toCanvasFeedback, type Diagram, type DiagramGrade } from "@/lib/diagram";

/** A graded diagram: the learner's canvas with the feedback drawn on it, then the item list. */
export function DiagramReview({ diagram, grade }: { diagram: Diagram; grade: DiagramGrade }) {
  const items = [
    ...grade.components.missing.map((m) => ({ tone: "red", text: m.message, testId: "diagram-missing-component" })),
    ...grade.edges.reversed.map((e) => ({ tone: "red", text: e.message, testId: "diagram-reversed-edge" })),
    ...grade.edges.missing.map((e) => ({ tone: "amber", text: e.message, testId: "diagram-missing-edge" })),
    ...grade.edges.extra.map((e) => ({ tone: "amber", text: e.message, testId: "diagram-extra-edge" })),
    ...grade.components.extra.map((c) => ({ tone: "slate", text: c.message, testId: "diagram-extra-component" })),
    ...grade.e6Extras.map((x) => ({ tone: x.isFound ? "green" : "slate", text: x.message, testId: "diagram-e6" })),
  ];
  const TONES: Record<string, string> = { red: "text-red-800", amber: "text-amber-800", green: "text-green-800", slate: "text-slate-600" };
  return (
    <div className="space-y-4">
      <VerdictCard score={grade.score} level={grade.level}>
        <p className="mt-2 text-sm text-slate-600">{grade.summary}</p>
      </VerdictCard>
      <DiagramEditor value={diagram} onChange={() => undefined} feedback={toCanvasFeedback(grade)} isReadOnly heightPx={480} ariaLabel="Your graded diagram" />
      <ul className="space-y-1 rounded-lg border border-slate-200 bg-white p-5 text-sm">
        {items.map((item, i) => <li key={i} className={TONES[item.tone]} data-testid={item.testId}>{item.text}</li>)}
      </ul>
    </div>
  );
}
