/**
 * CLI: run the feed-ranking pipeline once and print one JSON object (contract in issue 4).
 *   npm run -s sim -- [--input events.csv | --users N --events N] [--scenario ID] [--seed S] [--models logistic,mlp] [--full] --json
 * Bad arguments exit 2 with a message on stderr; a failed stage exits 1 (the JSON is still printed).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createNodePorts } from "../lib/jobs/node-ports";
import { parsePipelineConfig, runPipeline, SCENARIO_IDS } from "../lib/pipeline";
import type { PipelineConfigInput, PipelineResult } from "../lib/pipeline";

const MAX_N = 50_000_000;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const args: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) fail(`unexpected argument ${JSON.stringify(a)}`);
    const key = a.slice(2);
    if (["json", "full", "help"].includes(key)) { args[key] = true; continue; }
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) fail(`--${key} needs a value`);
    args[key] = v;
    i++;
  }
  return args;
}

function positiveInt(name: string, v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > MAX_N) fail(`--${name} must be an integer in 1..${MAX_N}, got ${JSON.stringify(v)}`);
  return n;
}

const HELP = `usage: npm run -s sim -- [--input events.csv | --users N --events N] [--scenario ID] [--seed S] [--models logistic,mlp] [--full] --json
scenarios: ${SCENARIO_IDS.join(", ")}`;

export function summarizeForCli(r: PipelineResult, peakRssMb: number) {
  return {
    status: r.status, error: r.error, scenario: r.scenario.id, seed: r.config.seed, backend: r.backend.name,
    rows: { in: r.rows.in, clean: r.rows.clean, malformed: r.rows.malformed, duplicates: r.rows.duplicates, labeled: r.rows.labeled, train: r.rows.train, test: r.rows.test },
    malformedSamples: r.data.malformedSamples,
    stages: r.stageSeconds,
    metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, m]) => [k, { auc: m.auc, prAuc: m.prAuc, logLoss: m.logLoss, ne: m.ne, calibration: m.calibration }])),
    oracleAuc: r.data.oracleAuc,
    alerts: r.alerts.map((a) => ({ component: a.component, kind: a.kind, severity: a.severity, state: a.state, firstFiredAt: a.firstFiredAt })),
    serving: { p50Ms: r.serving.p50Ms, p95Ms: r.serving.p95Ms, p99Ms: r.serving.p99Ms, fallbacks: r.serving.fallbacks, batchRowsPerSecond: r.serving.batchRowsPerSecond },
    tensors: r.tensors,
    peakRssMb,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) { process.stdout.write(`${HELP}\n`); return; }
  const input = typeof args.input === "string" ? args.input : undefined;
  if (args.input === true) fail("--input needs a path");
  if (input && (args.users || args.events)) fail("use either --input or --users/--events, not both");
  if (input && (!existsSync(input) || !statSync(input).isFile())) fail(`input file not found: ${input}`);
  const scenario = args.scenario;
  if (scenario !== undefined && !(SCENARIO_IDS as readonly unknown[]).includes(scenario)) fail(`unknown scenario ${JSON.stringify(scenario)}; expected one of ${SCENARIO_IDS.join(", ")}`);
  const seedRaw = args.seed;
  const seed = seedRaw === undefined ? undefined : Number(seedRaw);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)) fail(`--seed must be an integer in 0..2147483647, got ${JSON.stringify(seedRaw)}`);
  const users = positiveInt("users", args.users);
  const events = positiveInt("events", args.events);
  const models = typeof args.models === "string" ? args.models.split(",") : undefined;
  const cfgInput = {
    ...(seed !== undefined ? { seed } : {}),
    ...(scenario ? { scenario } : {}),
    data: input ? { source: "file" } : { source: "simulate", ...(users ? { users } : {}), ...(events ? { events } : {}) },
    ...(models ? { model: { kinds: models } } : {}),
  } as PipelineConfigInput;
  let config;
  try {
    config = parsePipelineConfig(cfgInput);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const node = createNodePorts();
  const result = await runPipeline(config, {
    ...node.ports,
    ...(input ? { openEvents: () => createReadStream(input, { highWaterMark: 1 << 20 }) } : {}),
  });
  const peak = node.peakRssBytes();
  const peakRssMb = Math.round((Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1_048_576) * 10) / 10;
  const out = args.full ? { ...result, peakRssMb } : summarizeForCli(result, peakRssMb);
  process.stdout.write(`${JSON.stringify(out, null, args.json ? 0 : 2)}\n`);
  if (result.status !== "succeeded") process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
