/** Diff of two pipeline results: config changes, metric deltas per model, alert changes. */
export type RunLike = {
  config: unknown;
  metrics: Record<string, { auc: number; logLoss: number; ne: number; calibration: number }>;
  alerts: { kind: string; state: string }[];
};

export type RunDiff = {
  configChanges: { path: string; a: unknown; b: unknown }[];
  metricDeltas: { model: string; metric: string; a: number; b: number; delta: number }[];
  alertChanges: { kind: string; a: string; b: string }[];
};

function flatten(v: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = Array.isArray(v) ? JSON.stringify(v) : v;
  return out;
}

export function diffRuns(a: RunLike, b: RunLike): RunDiff {
  const fa = flatten(a.config);
  const fb = flatten(b.config);
  const configChanges = [...new Set([...Object.keys(fa), ...Object.keys(fb)])]
    .filter((k) => fa[k] !== fb[k])
    .map((path) => ({ path, a: fa[path], b: fb[path] }));
  const metricDeltas: RunDiff["metricDeltas"] = [];
  for (const model of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
    for (const metric of ["auc", "logLoss", "ne", "calibration"] as const) {
      const va = a.metrics[model]?.[metric] ?? NaN;
      const vb = b.metrics[model]?.[metric] ?? NaN;
      metricDeltas.push({ model, metric, a: va, b: vb, delta: vb - va });
    }
  }
  const state = (r: RunLike) => new Map(r.alerts.map((x) => [x.kind, x.state]));
  const sa = state(a);
  const sb = state(b);
  const alertChanges = [...new Set([...sa.keys(), ...sb.keys()])]
    .filter((k) => (sa.get(k) ?? "inactive") !== (sb.get(k) ?? "inactive"))
    .map((kind) => ({ kind, a: sa.get(kind) ?? "inactive", b: sb.get(kind) ?? "inactive" }));
  return { configChanges, metricDeltas, alertChanges };
}
