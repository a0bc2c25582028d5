/**
 * RELIABILITY AZ-01 … AZ-03 through the running app: learner B aims at learner A's 100 attempts and
 * 10 runs by id, on pages and the API, reads and writes. Every answer is the same 404 a random id gets,
 * none of A's text reaches B, and A's rows are byte-for-byte unchanged afterwards.
 *
 * A's 100 attempts: 20 made through the API (the submission limit is 30 a minute), then copied in SQL
 * with new ids; A's 10 runs: one queued through the API and cancelled, then copied as finished runs.
 */
import { expect, test } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, expectError, freshUser, sendRaw } from "./support";

test.describe("[SECURITY][AZ] another learner's records, by id, on pages and the API", () => {
  test.describe.configure({ timeout: 240_000 });

  test("[AZ-01][AZ-02][AZ-03] B gets 404 for A's 100 attempts and 10 runs (read, grade, cancel), sees none of A's text, lists none of A's rows; A's rows unchanged", async ({ playwright, baseURL, browser }) => {
    const a = await freshUser(playwright, baseURL, "az-owner");
    const b = await freshUser(playwright, baseURL, "az-other");
    const marker = `owner-secret-${Date.now()}`;
    for (let i = 0; i < 20; i++) {
      const res = await sendRaw(a.ctx, "POST", "/api/attempts", JSON.stringify({ drillSlug: "tradeoffs", answer: `${marker} answer ${i}: latency versus freshness`, durationMs: 1000 }));
      expect(res.status()).toBe(201);
    }
    const run = await sendRaw(a.ctx, "POST", "/api/runs", JSON.stringify({ scenario: "baseline", scale: "1M", seed: 7 }));
    expect(run.status()).toBe(202);
    const { runId } = (await run.json()) as { runId: string };
    expect((await a.ctx.post(`/api/runs/${runId}/cancel`)).status()).toBe(202);

    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      const owner = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [a.email])).rows[0]!.id;
      // 80 more attempts and 9 more (finished) runs, copied with fresh ids.
      await client.query(
        `INSERT INTO "Attempt" (id, "userId", "drillId", mode, answer, "startedAt", "submittedAt", "durationMs")
         SELECT 'azcopy' || md5(random()::text || a.id || g), a."userId", a."drillId", a.mode, a.answer || ' copy ' || g, a."startedAt", a."submittedAt", a."durationMs"
         FROM "Attempt" a CROSS JOIN generate_series(1, 4) g WHERE a."userId" = $1`,
        [owner],
      );
      await client.query(
        `INSERT INTO "SimulationRun" (id, "userId", scenario, scale, seed, config, status, progress, "shareToken", "finishedAt")
         SELECT 'azrun' || md5(random()::text || g), r."userId", r.scenario, r.scale, r.seed, r.config, 'succeeded', r.progress, md5(random()::text || g) || md5(random()::text), now()
         FROM "SimulationRun" r CROSS JOIN generate_series(1, 9) g WHERE r.id = $1`,
        [runId],
      );
      const checksum = async () =>
        (
          await client.query<{ sum: string }>(
            `SELECT md5(string_agg(x, '|' ORDER BY x)) AS sum FROM (
               SELECT a.id || a.answer || a."userId" || coalesce(g.score::text, '-') || coalesce(g."gradedAt"::text, '-') AS x FROM "Attempt" a LEFT JOIN "Grade" g ON g."attemptId" = a.id WHERE a."userId" = $1
               UNION ALL SELECT r.id || r.status || r."cancelRequested" || r."userId" FROM "SimulationRun" r WHERE r."userId" = $1) t`,
            [owner],
          )
        ).rows[0]!.sum;
      const attemptIds = (await client.query<{ id: string }>(`SELECT id FROM "Attempt" WHERE "userId" = $1`, [owner])).rows.map((r) => r.id);
      const runIds = (await client.query<{ id: string }>(`SELECT id FROM "SimulationRun" WHERE "userId" = $1`, [owner])).rows.map((r) => r.id);
      expect(attemptIds).toHaveLength(100);
      expect(runIds).toHaveLength(10);
      const before = await checksum();

      // The 404 B gets for A's records must be exactly the one a random id gets.
      const randomAttempt = await expectError(await b.ctx.get("/api/attempts/nosuchattempt000000000000"), 404, "random attempt");
      const randomRun = await expectError(await b.ctx.get("/api/runs/nosuchrun0000000000000000"), 404, "random run");
      let leaks = 0;
      let notFound = 0;
      let total = 0;
      const check = async (label: string, res: Awaited<ReturnType<typeof b.ctx.get>>, expected: unknown) => {
        total += 1;
        const text = await res.text();
        if (text.includes(marker)) leaks += 1;
        expect(res.status(), label).toBe(404);
        expect(JSON.parse(text), label).toEqual(expected);
        notFound += 1;
      };
      // AZ-01 read + AZ-02 write, API: 100 × GET, 100 × POST grade, 10 × GET run, 10 × POST cancel.
      for (const id of attemptIds) {
        await check(`GET attempt ${id}`, await b.ctx.get(`/api/attempts/${id}`), randomAttempt);
        await check(`POST grade ${id}`, await b.ctx.post(`/api/attempts/${id}/grade`), randomAttempt);
      }
      for (const id of runIds) {
        await check(`GET run ${id}`, await b.ctx.get(`/api/runs/${id}?include=result`), randomRun);
        await check(`POST cancel ${id}`, await b.ctx.post(`/api/runs/${id}/cancel`), randomRun);
      }
      // AZ-01 pages: B's browser opens A's 100 attempt pages and 10 run pages.
      const context = await browser.newContext({ storageState: await b.ctx.storageState() });
      const page = await context.newPage();
      let pageNotFound = 0;
      for (const path of [...attemptIds.map((id) => `/attempts/${id}`), ...runIds.map((id) => `/simulations/${id}`)]) {
        const res = await page.goto(path);
        total += 1;
        if ((await page.content()).includes(marker)) leaks += 1;
        expect(res?.status(), path).toBe(404);
        pageNotFound += 1;
      }
      await context.close();
      // AZ-03: B's lists with A's id in the query contain none of A's rows.
      for (const path of [`/api/attempts?userId=${owner}`, `/api/runs?userId=${owner}`, `/api/mock?userId=${owner}`]) {
        const text = await (await b.ctx.get(path)).text();
        total += 1;
        expect(text, path).not.toContain(owner);
        expect(text, path).not.toContain(marker);
        for (const id of [...attemptIds, ...runIds]) expect(text.includes(id), `${path} lists ${id}`).toBe(false);
      }
      console.log(`AZ-01/02 | B → A's records | ${notFound} API answers 404 (identical to a random id) + ${pageNotFound} pages 404 of ${total} requests | leaks ${leaks}`);
      expect(leaks).toBe(0);
      expect(await checksum(), "A's attempts, grades and runs unchanged").toBe(before);
      // A still sees all of them.
      expect(((await (await a.ctx.get("/api/attempts")).json()) as { attempts: unknown[] }).attempts).toHaveLength(100);
    } finally {
      await client.end();
      await a.ctx.dispose();
      await b.ctx.dispose();
    }
  });
});
