/**
 * RELIABILITY JOB-07 end to end: the start form sends one Idempotency-Key per intent, so submitting
 * it twice makes one run; and the key holds across the server's web processes, which share nothing
 * but PostgreSQL.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";
import { countRuns, expectError, freshUser } from "../security/support";

const start = (ctx: APIRequestContext, key: string | null, seed = 31) =>
  ctx.post("/api/runs", { data: { scenario: "baseline", scale: "1M", seed }, headers: key === null ? {} : { "idempotency-key": key } });

/** The runs are not what these tests are about: cancel them so the worker does not train them. */
async function cancelAll(ctx: APIRequestContext): Promise<void> {
  const { runs } = (await (await ctx.get("/api/runs")).json()) as { runs: { id: string }[] };
  for (const run of runs) await ctx.post(`/api/runs/${run.id}/cancel`);
}

test("[JOB-07][SIMULATIONS]: submitting the start form twice before it answers, or double-clicking Start run, makes one run", async ({ page, request }) => {
  const email = uniqueEmail("double-submit");
  await createAccount(request, email);
  await signIn(page, email);
  const posts: { key: string | undefined; status: Promise<number> }[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && new URL(req.url()).pathname === "/api/runs") {
      posts.push({ key: req.headers()["idempotency-key"], status: req.response().then((r) => r?.status() ?? 0) });
    }
  });

  await page.goto("/simulations?scenario=baseline&scale=1M&seed=21");
  await expect(page.getByRole("combobox")).toHaveValue("baseline");
  // Two submits in one task: the second runs before React re-renders the button as disabled.
  await page.getByRole("form", { name: "Start a simulation" }).evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page).toHaveURL(/\/simulations\/[a-z0-9]+$/);
  const statuses = (await Promise.all(posts.map((p) => p.status))).sort();
  console.log(`JOB-07 | form submitted twice: ${posts.length} POSTs, keys ${new Set(posts.map((p) => p.key)).size} distinct, statuses ${statuses.join(",")} | runs ${await countRuns(page.request)}`);
  expect(posts).toHaveLength(2);
  expect(posts[0]?.key).toMatch(/^[0-9a-f-]{32,36}$/);
  expect(posts[1]?.key).toBe(posts[0]?.key);
  expect(statuses).toEqual([200, 202]);
  expect(await countRuns(page.request)).toBe(1);

  // A real double click on a fresh form is a new intent: one more run, whatever the second click does.
  await page.goto("/simulations?scenario=baseline&scale=1M&seed=22");
  await expect(page.getByRole("combobox")).toHaveValue("baseline");
  await page.getByRole("button", { name: "Start run" }).dblclick();
  await expect(page).toHaveURL(/\/simulations\/[a-z0-9]+$/);
  expect(await countRuns(page.request)).toBe(2);
  expect(new Set(posts.slice(2).map((p) => p.key)).size).toBe(1);
  await cancelAll(page.request);
});

test("[JOB-07] the API across web processes: one key racing 6 times or resent 50 ms later → one run, 200 with its id; another learner's same key is their own run; a malformed key → 400", async ({ playwright, baseURL }) => {
  const a = await freshUser(playwright, baseURL, "idem-e2e-a");
  const b = await freshUser(playwright, baseURL, "idem-e2e-b");
  const key = `e2e-${Date.now()}`;

  const racing = await Promise.all(Array.from({ length: 6 }, () => start(a.ctx, key)));
  const bodies = await Promise.all(racing.map(async (r) => ({ status: r.status(), runId: ((await r.json()) as { runId?: string }).runId })));
  await new Promise((r) => setTimeout(r, 50));
  const resent = await start(a.ctx, key);
  const other = await start(b.ctx, key);
  const otherId = ((await other.json()) as { runId: string }).runId;
  console.log(`JOB-07 | 6 racing POSTs over HTTP: statuses ${bodies.map((x) => x.status).sort().join(",")}, run ids ${new Set(bodies.map((x) => x.runId)).size} | resent 50 ms later → ${resent.status()} | other learner → ${other.status()} | runs A ${await countRuns(a.ctx)}, B ${await countRuns(b.ctx)}`);
  expect(bodies.map((x) => x.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
  expect(new Set(bodies.map((x) => x.runId)).size).toBe(1);
  expect(resent.status()).toBe(200);
  expect(((await resent.json()) as { runId: string }).runId).toBe(bodies[0]?.runId);
  expect(other.status()).toBe(202);
  expect(otherId).not.toBe(bodies[0]?.runId);
  expect(await countRuns(a.ctx)).toBe(1);
  expect(await countRuns(b.ctx)).toBe(1);
  expect((await b.ctx.get(`/api/runs/${bodies[0]?.runId}`)).status()).toBe(404);

  for (const bad of ["k".repeat(201), "two words"]) {
    const body = await expectError(await start(a.ctx, bad, 32), 400, `Idempotency-Key ${bad.slice(0, 12)}`);
    expect(body.error.message).toContain("Idempotency-Key");
    expect(body.error.issues?.[0]?.field).toBe("Idempotency-Key");
  }
  expect(await countRuns(a.ctx)).toBe(1);
  await cancelAll(a.ctx);
  await cancelAll(b.ctx);
  await a.ctx.dispose();
  await b.ctx.dispose();
});
