/**
 * Benchmark: our engine vs the pandas/scikit-learn anchor on the same generated files.
 *   npm run bench:pipeline [-- --sizes 10000,100000,1000000]
 * Generates data with ../shared/anchors/seed-pipeline/gen_data.py (Debian python3 + pandas/sklearn)
 * into $TMPDIR/btm-bench, runs the anchor's seed_pipeline.py and our `sim` CLI (separate processes,
 * so each reports its own peak RSS), and prints a markdown table.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fitPowerLaw } from "../lib/pipeline/resources/capacity";

const PY = "/usr/bin/python3";
const ANCHOR = path.resolve(process.cwd(), process.env.BENCH_ANCHOR_DIR ?? "../shared/anchors/seed-pipeline");
const DATA = path.join(tmpdir(), "btm-bench");
const sizesArg = process.argv.indexOf("--sizes");
const SIZES = sizesArg > 0 ? (process.argv[sizesArg + 1] ?? "").split(",").map(Number) : [10_000, 100_000, 1_000_000];

type Ours = { status: string; stages: Record<string, number>; metrics: Record<string, { auc: number; logLoss: number; ne: number; calibration: number }>; serving: { p50Ms: number; p99Ms: number }; peakRssMb: number; alerts: unknown[] };
type Anchor = { stage_s: Record<string, number>; features_vectorized_s: number; metrics: Record<string, { roc_auc: number; log_loss: number }>; serving: { p50_ms: number; p99_ms: number }; peak_rss_mb: number };

const LR_STAGES = ["collect", "verify", "clean", "features", "train-logistic", "evaluate"];
const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");

function ensureData(n: number): string {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `interactions_${n}_s42.csv`);
  if (!existsSync(file)) execFileSync(PY, [path.join(ANCHOR, "gen_data.py"), String(n), "42", file], { stdio: ["ignore", "ignore", "inherit"] });
  return file;
}

function runOurs(file: string, models: string): Ours {
  const out = execFileSync("npx", ["tsx", "scripts/sim.ts", "--input", file, "--models", models, "--json"], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out) as Ours;
}

function runAnchor(file: string): Anchor {
  const out = execFileSync(PY, [path.join(ANCHOR, "seed_pipeline.py"), file], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out) as Anchor;
}

function main() {
  const rows: string[] = [];
  const growth: { n: number; seconds: number }[] = [];
  rows.push("| N | ours load / verify / clean / features / train LR / evaluate (s) | anchor load / verify / clean / features (vectorized) / train / evaluate (s) | LR pipeline ours (s) | anchor competent (s) | ratio (target ≤ 0.5) | anchor seed-faithful (s) | MLP train (s) | AUC LR / MLP (ours, point-in-time) | AUC anchor PIT LR | MLP NE / calibration | predict p99 ours / anchor (ms) | peak RSS ours / anchor (MB) |");
  rows.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const n of SIZES) {
    const file = ensureData(n);
    process.stderr.write(`bench: N=${n} anchor…\n`);
    const a = runAnchor(file);
    process.stderr.write(`bench: N=${n} ours (logistic only)…\n`);
    const lr = runOurs(file, "logistic");
    process.stderr.write(`bench: N=${n} ours (logistic + mlp)…\n`);
    const both = runOurs(file, "logistic,mlp");
    const ours = LR_STAGES.map((s) => lr.stages[s] ?? NaN);
    const oursTotal = ours.reduce((x, y) => x + y, 0);
    const s = a.stage_s;
    const anchorStages = [s.load!, s.verify!, s.clean!, a.features_vectorized_s, s.train!, s.evaluate!];
    const anchorCompetent = anchorStages.reduce((x, y) => x + y, 0);
    const anchorSeed = Object.values(s).reduce((x, y) => x + y, 0);
    growth.push({ n, seconds: oursTotal });
    const mlp = both.metrics.mlp;
    rows.push(`| ${n.toLocaleString("en")} | ${ours.map((x) => fmt(x, 3)).join(" / ")} | ${anchorStages.map((x) => fmt(x, 3)).join(" / ")} | ${fmt(oursTotal)} | ${fmt(anchorCompetent)} | ${fmt(oursTotal / anchorCompetent)} | ${fmt(anchorSeed)} | ${fmt(both.stages["train-mlp"] ?? NaN)} | ${fmt(lr.metrics.logistic?.auc ?? NaN, 4)} / ${fmt(mlp?.auc ?? NaN, 4)} | ${fmt(a.metrics.time_split_point_in_time?.roc_auc ?? NaN, 4)} | ${fmt(mlp?.ne ?? NaN, 4)} / ${fmt(mlp?.calibration ?? NaN, 3)} | ${fmt(both.serving.p99Ms, 4)} / ${fmt(a.serving.p99_ms, 4)} | ${fmt(both.peakRssMb, 0)} / ${fmt(a.peak_rss_mb, 0)} |`);
  }
  const { k } = fitPowerLaw(growth);
  process.stdout.write(`${rows.join("\n")}\n\nLR pipeline time ≈ c·N^k with k = ${fmt(k)} (1 = linear).\n`);
}

main();
