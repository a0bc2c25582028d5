/**
 * Benchmark: our engine vs the pandas/scikit-learn anchor on the same generated files.
 *   npm run bench:pipeline [-- --sizes 10000,100000,1000000] [--reps 3]
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
const repsArg = process.argv.indexOf("--reps");
/** Runs per side and size; every reported time is the median (the VM is shared and noisy). */
const REPS = repsArg > 0 ? Math.max(1, Number(process.argv[repsArg + 1])) : 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const medianBy = <T>(runs: T[], f: (r: T) => number) => median(runs.map(f));

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
  rows.push("| N | ours load / verify / clean / features / train LR / evaluate (s) | anchor load / verify / clean / features (vectorized) / train / evaluate (s) | LR pipeline ours (s) | linear extrapolation from the previous size (s) | anchor competent (s) | ratio (target ≤ 0.5) | anchor seed-faithful (s) | MLP train (s) | AUC LR / MLP (ours, point-in-time) | AUC anchor PIT LR | MLP NE / calibration | predict p99 ours / anchor (ms) | peak RSS ours / anchor (MB) |");
  rows.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const n of SIZES) {
    const file = ensureData(n);
    const as: Anchor[] = [];
    const lrs: Ours[] = [];
    const boths: Ours[] = [];
    for (let r = 0; r < REPS; r++) {
      process.stderr.write(`bench: N=${n} run ${r + 1}/${REPS}: anchor, ours (logistic), ours (logistic + mlp)\n`);
      as.push(runAnchor(file));
      lrs.push(runOurs(file, "logistic"));
      boths.push(runOurs(file, "logistic,mlp"));
    }
    const a = as[0]!;
    const lr = lrs[0]!;
    const both = boths[0]!;
    const ours = LR_STAGES.map((st) => medianBy(lrs, (x) => x.stages[st] ?? NaN));
    const oursTotal = medianBy(lrs, (x) => LR_STAGES.reduce((t, st) => t + (x.stages[st] ?? NaN), 0));
    const anchorStageOf = (x: Anchor) => [x.stage_s.load!, x.stage_s.verify!, x.stage_s.clean!, x.features_vectorized_s, x.stage_s.train!, x.stage_s.evaluate!];
    const anchorStages = [0, 1, 2, 3, 4, 5].map((i) => medianBy(as, (x) => anchorStageOf(x)[i]!));
    const anchorCompetent = medianBy(as, (x) => anchorStageOf(x).reduce((t, y) => t + y, 0));
    const anchorSeed = medianBy(as, (x) => Object.values(x.stage_s).reduce((t, y) => t + y, 0));
    const mlpTrain = medianBy(boths, (x) => x.stages["train-mlp"] ?? NaN);
    const p99 = medianBy(boths, (x) => x.serving.p99Ms);
    const anchorP99 = medianBy(as, (x) => x.serving.p99_ms);
    const prev = growth.at(-1);
    const extrapolated = prev ? (prev.seconds * n) / prev.n : NaN;
    growth.push({ n, seconds: oursTotal });
    const mlp = both.metrics.mlp;
    rows.push(`| ${n.toLocaleString("en")} | ${ours.map((x) => fmt(x, 3)).join(" / ")} | ${anchorStages.map((x) => fmt(x, 3)).join(" / ")} | ${fmt(oursTotal)} | ${fmt(extrapolated)} | ${fmt(anchorCompetent)} | ${fmt(oursTotal / anchorCompetent)} | ${fmt(anchorSeed)} | ${fmt(mlpTrain)} | ${fmt(lr.metrics.logistic?.auc ?? NaN, 4)} / ${fmt(mlp?.auc ?? NaN, 4)} | ${fmt(a.metrics.time_split_point_in_time?.roc_auc ?? NaN, 4)} | ${fmt(mlp?.ne ?? NaN, 4)} / ${fmt(mlp?.calibration ?? NaN, 3)} | ${fmt(p99, 4)} / ${fmt(anchorP99, 4)} | ${fmt(Math.max(...boths.map((x) => x.peakRssMb)), 0)} / ${fmt(Math.max(...as.map((x) => x.peak_rss_mb)), 0)} |`);
  }
  const { k } = fitPowerLaw(growth);
  process.stdout.write(`${rows.join("\n")}\n\nMedians of ${REPS} runs per side. LR pipeline time ≈ c·N^k with k = ${fmt(k)} (1 = linear; small N is dominated by fixed TF.js start-up).\n`);
}

main();
