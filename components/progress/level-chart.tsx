"use client";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressSummary } from "@/lib/progress/summarize";

const LABELS = ["below E5", "E5", "E6"];

/** Level trajectory: the best level of the last three graded attempts, as a step line. */
export function LevelChart({ trajectory }: { trajectory: ProgressSummary["levelTrajectory"] }) {
  const rows = trajectory.map((p, i) => ({ i: i + 1, rank: p.levelRank, at: p.at.slice(0, 10) }));
  return (
    <ResponsiveContainer width="100%" height={180}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="i" tick={{ fontSize: 11 }} />
        <YAxis domain={[0, 2]} ticks={[0, 1, 2]} tickFormatter={(v: number) => LABELS[v] ?? ""} tick={{ fontSize: 11 }} width={64} />
        <Tooltip formatter={(v) => LABELS[Number(v)] ?? ""} labelFormatter={(i) => `Attempt ${Number(i)}`} />
        <Line type="stepAfter" dataKey="rank" name="Level" stroke="#2a55de" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
