/**
 * Runs every scenario at every scale preset once through the HTTP API, as the browser does (sign up,
 * POST /api/runs, poll GET /api/runs/:id), and prints a table: status, wall seconds, alerts fired.
 *   BASE_URL=http://localhost:3000 npm run -s smoke:scenarios [-- --scales 1M,100M,1B --scenarios a,b]
 * Exits 1 if any run does not succeed.
 */
import { SCENARIO_IDS } from "@/lib/pipeline/scenarios/catalog";
import { SCALE_IDS } from "@/lib/simulations/schema";

const BASE = process.env.BASE_URL ?? "http://localhost:3000";
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]?.split(",") : undefined;
};
const scales = arg("scales") ?? [...SCALE_IDS];
const scenarios = arg("scenarios") ?? [...SCENARIO_IDS];

type Session = { cookie: string };

async function signUp(tag: string): Promise<Session> {
  const email = `smoke-${tag}-${Date.now()}@example.com`;
  const password = "smoke test password";
  const res = await fetch(`${BASE}/api/account/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in failed: ${signIn.status}`);
  return { cookie: session.split(";")[0]! };
}

async function runOne(session: Session, scenario: string, scale: string, seed: number) {
  const started = performance.now();
  const res = await fetch(`${BASE}/api/runs`, { method: "POST", headers: { "content-type": "application/json", cookie: session.cookie }, body: JSON.stringify({ scenario, scale, seed }) });
  if (res.status !== 202) return { scenario, scale, status: `HTTP ${res.status}`, seconds: 0, fired: "" };
  const { runId } = (await res.json()) as { runId: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const poll = await fetch(`${BASE}/api/runs/${runId}?include=result`, { headers: { cookie: session.cookie } });
    const { run } = (await poll.json()) as { run: { status: string; result?: { alerts?: { kind: string; hasFired: boolean }[] } } };
    if (!["queued", "running"].includes(run.status)) {
      const fired = (run.result?.alerts ?? []).filter((a) => a.hasFired).map((a) => a.kind).join(", ");
      return { scenario, scale, status: run.status, seconds: Math.round((performance.now() - started) / 100) / 10, fired };
    }
  }
}

async function main() {
  const rows: Awaited<ReturnType<typeof runOne>>[] = [];
  for (const scale of scales) {
    // One learner per scale and at most three runs in flight: within the per-learner queue limit.
    const session = await signUp(scale.toLowerCase());
    const queue = [...scenarios];
    const workers = Array.from({ length: 3 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const row = await runOne(session, s, scale, 7);
        rows.push(row);
        process.stderr.write(`${row.scale.padEnd(5)} ${row.scenario.padEnd(22)} ${row.status.padEnd(10)} ${row.seconds}s  ${row.fired}\n`);
      }
    });
    await Promise.all(workers);
  }
  console.log(JSON.stringify({ total: rows.length, succeeded: rows.filter((r) => r.status === "succeeded").length, rows }, null, 2));
  if (rows.some((r) => r.status !== "succeeded")) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
