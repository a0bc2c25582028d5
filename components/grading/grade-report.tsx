import { Markdown } from "@/components/markdown";
import { segmentAnswer } from "@/lib/attempts/highlight";
import type { StoredGrade } from "@/lib/db/grades";
import { LevelBadge } from "./level-badge";

const STATUS_STYLE = {
  met: { icon: "✓", className: "text-green-700", label: "Met" },
  partial: { icon: "◐", className: "text-amber-700", label: "Partly met" },
  missed: { icon: "✗", className: "text-red-700", label: "Missed" },
} as const;

/** The verdict on a band scale: below 0–44 · E5 45–74 · E6 75–100. */
function ScoreScale({ score }: { score: number }) {
  return (
    <div className="space-y-1" aria-hidden>
      <div className="relative flex h-3 overflow-hidden rounded-full">
        <div className="h-full bg-red-200" style={{ width: "45%" }} />
        <div className="h-full bg-amber-200" style={{ width: "30%" }} />
        <div className="h-full bg-green-200" style={{ width: "25%" }} />
        <div className="absolute top-[-2px] h-4 w-1 rounded bg-slate-900" style={{ left: `calc(${Math.min(100, Math.max(0, score))}% - 2px)` }} />
      </div>
      <div className="flex justify-between text-[11px] text-slate-500">
        <span>below E5</span>
        <span>E5 · 45</span>
        <span>E6 · 75</span>
        <span>100</span>
      </div>
    </div>
  );
}

export function GradeReport({ grade, answer, modelAnswer }: { grade: StoredGrade; answer: string; modelAnswer: string | null }) {
  const numbered = grade.criteria.map((c, i) => ({ ...c, n: i + 1 }));
  const byId = new Map(numbered.map((c) => [c.id, c]));
  const missed = grade.missed.map((id) => byId.get(id)).filter((c): c is (typeof numbered)[number] => Boolean(c));
  const earned = numbered.filter((c) => c.status !== "missed");
  const segments = segmentAnswer(
    answer,
    earned.flatMap((c) => (c.evidence ? [{ start: c.evidence.start, end: c.evidence.end, label: String(c.n) }] : [])),
  );

  return (
    <div className="space-y-6">
      <section aria-labelledby="verdict-heading" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="grade-verdict">
        <h2 id="verdict-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Verdict</h2>
        <div className="mt-2 flex items-baseline gap-3">
          <span className="text-4xl font-bold tabular-nums" data-testid="grade-score">{grade.score}</span>
          <span className="text-slate-500">/ 100</span>
          <LevelBadge level={grade.level} />
          <span className="ml-auto text-xs text-slate-500">rubric v{grade.rubricVersion}</span>
        </div>
        <div className="mt-3"><ScoreScale score={grade.score} /></div>
        {grade.contradictions.length > 0 ? (
          <div className="mt-4 space-y-2">
            {grade.contradictions.map((c) => (
              <p key={c.id} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                <strong>Capped at {c.cap}:</strong> “{c.evidence.quote}” — {c.feedback}
              </p>
            ))}
          </div>
        ) : null}
      </section>

      {grade.runFacts ? (
        <section aria-labelledby="runfacts-heading" className="rounded-lg border border-violet-200 bg-white p-5" data-testid="run-facts">
          <h2 id="runfacts-heading" className="text-sm font-semibold tracking-wide text-violet-700 uppercase">Against what your run showed</h2>
          <p className="mt-1 text-xs text-slate-500">
            Rubric {grade.runFacts.rubricScore} · run facts {grade.runFacts.score} → combined {grade.score} (the run can lower the verdict, never raise it)
          </p>
          <ul className="mt-3 space-y-2 text-sm">
            {grade.runFacts.checks.map((c) => (
              <li key={c.id}>
                <span className={c.isMet ? "text-green-700" : "text-red-700"}>{c.isMet ? "✓" : "✗"}</span> {c.label}
                {c.evidence ? <p className="ml-4 border-l-2 border-violet-200 pl-2 text-xs text-slate-600">“{c.evidence}”</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="dimensions-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="dimensions-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">By dimension</h2>
        <ul className="mt-3 space-y-2">
          {grade.dimensions.map((d) => (
            <li key={d.id} className="grid grid-cols-[12rem_1fr_3rem] items-center gap-3 text-sm">
              <span className="text-slate-700">{d.label}</span>
              <span className="h-2.5 overflow-hidden rounded-full bg-slate-100" role="meter" aria-label={d.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(d.score)}>
                <span className={`block h-full rounded-full ${d.score >= 75 ? "bg-green-500" : d.score >= 45 ? "bg-amber-500" : "bg-red-400"}`} style={{ width: `${Math.max(2, d.score)}%` }} />
              </span>
              <span className="text-right tabular-nums text-slate-600">{Math.round(d.score)}</span>
            </li>
          ))}
        </ul>
      </section>

      {missed.length > 0 ? (
        <section aria-labelledby="missing-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="missing-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">What to add, most valuable first</h2>
          <ol className="mt-3 space-y-3">
            {missed.map((c) => (
              <li key={c.id} className="text-sm" data-testid="criterion-missing">
                <div className="flex items-center gap-2">
                  <span className={STATUS_STYLE[c.status].className} aria-label={STATUS_STYLE[c.status].label}>{STATUS_STYLE[c.status].icon}</span>
                  <span className="font-medium text-slate-900">{c.n}. {c.title}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-[11px] text-slate-600">{c.level}</span>
                  <span className="text-xs text-slate-500">+{Math.round(c.impact)} pts</span>
                </div>
                {c.feedback ? <p className="mt-1 text-slate-700">{c.feedback}</p> : null}
                {c.note ? <p className="mt-1 text-xs text-slate-500">{c.note}</p> : null}
                {c.status === "partial" && c.evidence ? <p className="mt-1 text-xs text-slate-500">You wrote: “{c.evidence.quote}”</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="met-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="met-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">What earned credit</h2>
        {earned.filter((c) => c.status === "met").length === 0 ? <p className="mt-2 text-sm text-slate-600">No criterion was fully met yet.</p> : null}
        <ul className="mt-3 space-y-2">
          {earned.filter((c) => c.status === "met").map((c) => (
            <li key={c.id} className="text-sm" data-testid="criterion-met">
              <span className="text-green-700">✓</span> <span className="font-medium">{c.n}. {c.title}</span>{" "}
              <span className="rounded bg-slate-100 px-1.5 text-[11px] text-slate-600">{c.level}</span>
              {c.evidence ? <p className="mt-0.5 border-l-2 border-green-300 pl-2 text-slate-600">“{c.evidence.quote}”</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="annotated-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="annotated-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">Your answer, with the evidence highlighted</h2>
        <p className="mt-1 text-xs text-slate-500">Numbers refer to the criteria above.</p>
        <div className="mt-3 font-mono text-sm whitespace-pre-wrap text-slate-800" data-testid="annotated-answer">
          {segments.map((s, i) =>
            s.labels.length > 0 ? (
              <mark key={i} className="rounded bg-yellow-100 px-0.5" title={`Criteria ${s.labels.join(", ")}`}>
                {s.text}
                <sup className="ml-0.5 text-[10px] text-slate-500">{s.labels.join(",")}</sup>
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </div>
      </section>

      {modelAnswer ? (
        <details className="rounded-lg border border-slate-200 bg-white p-5" data-testid="model-answer">
          <summary className="cursor-pointer text-sm font-semibold tracking-wide text-slate-500 uppercase">Model answer</summary>
          <div className="mt-3"><Markdown>{modelAnswer}</Markdown></div>
        </details>
      ) : null}
    </div>
  );
}
