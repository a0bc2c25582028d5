"use client";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressSummary } from "@/lib/progress/summarize";

const PALETTE = ["#2a55de", "#0f9d58", "#e8710a", "#9334e6", "#d93025", "#12b5cb", "#b06000", "#5f6368", "#e52592", "#188038", "#1967d2"];

/** Score of every graded attempt over time, one line per drill, on the band background. */
export function ScoreChart({ scores }: { scores: ProgressSummary["scores"] }) {
  const drills = [...new Map(scores.map((s) => [s.drillSlug, s.drillTitle])).entries()];
  const rows = scores.map((s, i) => ({ i: i + 1, at: s.at.slice(0, 10), [s.drillSlug]: s.score }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <ReferenceArea y1={0} y2={44} fill="#fee2e2" fillOpacity={0.5} />
        <ReferenceArea y1={45} y2={74} fill="#fef3c7" fillOpacity={0.5} />
        <ReferenceArea y1={75} y2={100} fill="#dcfce7" fillOpacity={0.5} />
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="i" tick={{ fontSize: 11 }} label={{ value: "attempt", position: "insideBottomRight", offset: -2, fontSize: 11 }} />
        <YAxis domain={[0, 100]} ticks={[0, 45, 75, 100]} tick={{ fontSize: 11 }} />
        <Tooltip labelFormatter={(i) => `Attempt ${Number(i)} · ${rows[Number(i) - 1]?.at ?? ""}`} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {drills.map(([slug, title], k) => (
          <Line key={slug} dataKey={slug} name={title} stroke={PALETTE[k % PALETTE.length]} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
