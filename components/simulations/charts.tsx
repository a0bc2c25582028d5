"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ComposedChart, Tooltip, XAxis, YAxis, Cell } from "recharts";

const COLORS = ["#2a55de", "#e8710a", "#0f9d58", "#9334e6"];

export function RocChart({ curves }: { curves: { name: string; points: { x: number; y: number }[] }[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis type="number" dataKey="x" domain={[0, 1]} tick={{ fontSize: 11 }} label={{ value: "false positive rate", position: "insideBottom", offset: -8, fontSize: 11 }} />
        <YAxis type="number" dataKey="y" domain={[0, 1]} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v) => Number(v).toFixed(3)} />
        <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" />
        {curves.map((c, i) => <Line key={c.name} data={c.points} dataKey="y" name={c.name} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />)}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function ReliabilityChart({ bins }: { bins: { meanPredicted: number; observedRate: number; count: number }[] }) {
  const data = bins.filter((b) => b.count > 0).map((b) => ({ x: b.meanPredicted, y: b.observedRate, count: b.count }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis type="number" dataKey="x" domain={[0, "auto"]} tick={{ fontSize: 11 }} label={{ value: "mean predicted", position: "insideBottom", offset: -8, fontSize: 11 }} />
        <YAxis type="number" domain={[0, "auto"]} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v) => Number(v).toFixed(3)} />
        <ReferenceLine segment={[{ x: 0, y: 0 }, { x: 1, y: 1 }]} stroke="#94a3b8" strokeDasharray="4 4" ifOverflow="hidden" />
        <Line dataKey="y" name="observed rate" stroke="#2a55de" isAnimationActive={false} />
        <Scatter dataKey="y" fill="#2a55de" />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function PsiBars({ rows }: { rows: { feature: string; psi: number; threshold: number }[] }) {
  const data = rows.map((r) => ({ ...r, threshold: Number.isFinite(r.threshold) ? r.threshold : null }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, data.length * 18)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 110 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="feature" tick={{ fontSize: 10 }} width={110} />
        <Tooltip formatter={(v, name) => [Number(v).toFixed(3), String(name)]} />
        <Bar dataKey="psi" name="PSI" isAnimationActive={false}>
          {data.map((r) => <Cell key={r.feature} fill={r.threshold !== null && r.psi > r.threshold ? "#dc2626" : "#2a55de"} />)}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function SimpleBars({ rows, valueLabel, color = "#2a55de" }: { rows: { name: string; value: number }[]; valueLabel: string; color?: string }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} angle={-30} textAnchor="end" height={50} />
        <YAxis tick={{ fontSize: 11 }} />
        <Tooltip formatter={(v) => [Number(v).toLocaleString("en"), valueLabel]} />
        <Bar dataKey="value" fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TickLines({ rows, lines }: { rows: Record<string, number | string | null>[]; lines: { key: string; name: string; threshold?: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 10 }} />
        <YAxis tick={{ fontSize: 11 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {lines.map((l, i) => <Line key={l.key} dataKey={l.key} name={l.name} stroke={COLORS[i % COLORS.length]} dot={false} connectNulls isAnimationActive={false} />)}
        {lines.filter((l) => l.threshold !== undefined && Number.isFinite(l.threshold)).map((l) => <ReferenceLine key={`${l.key}-t`} y={l.threshold} stroke="#dc2626" strokeDasharray="4 4" />)}
      </LineChart>
    </ResponsiveContainer>
  );
}
