/**
 * RELIABILITY JOB-07: POST /api/runs with an Idempotency-Key, through the real route handler against
 * PostgreSQL (only the session lookup is replaced: the test names the user in a header). A repeat by
 * the same learner, 50 ms later or racing, makes no second run and answers 200 with the first run's
 * id; another learner's identical key is a different run; a malformed key is a 400 naming the header.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth", () => ({
  requireUser: async (req: Request) => {
    const id = req.headers.get("x-test-user");
    if (!id) throw new AppError("UNAUTHORIZED", "Sign in first");
    return { id, email: `${id}@example.com`, name: null };
  },
}));

const { POST } = await import("@/app/api/runs/route");
const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");
const { getBoss } = await import("@/lib/jobs/boss");

const body = { scenario: "baseline", scale: "1M", seed: 3 };
const noParams = { params: Promise.resolve({}) };

function post(userId: string, key: string | null, json: unknown = body): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-test-user": userId };
  if (key !== null) headers["idempotency-key"] = key;
  return POST(new Request("http://localhost/api/runs", { method: "POST", headers, body: JSON.stringify(json) }), noParams);
}
async function read(res: Response) {
  return { status: res.status, ...((await res.json()) as { runId?: string; error?: { code: string; message: string; issues?: { field: string }[] } }) };
}
const newUser = async (tag: string) => (await createUser({ email: `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`, passwordHash: "x" })).id;
const runCount = (userId: string) => db.simulationRun.count({ where: { userId } });

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, timeout: 1000 }).catch(() => undefined);
  await db.$disconnect();
});

describe("POST /api/runs with an Idempotency-Key", () => {
  it("[JOB-07] the same key twice, 50 ms apart: one run; 202 then 200 with the same run id", async () => {
    const user = await newUser("idem-seq");
    const first = await read(await post(user, "intent-1"));
    await new Promise((r) => setTimeout(r, 50));
    const second = await read(await post(user, "intent-1"));
    console.log(`JOB-07 | sequential (50 ms apart): ${first.status} ${first.runId}, ${second.status} ${second.runId} | runs ${await runCount(user)}`);
    expect(first.status).toBe(202);
    expect(second).toEqual({ status: 200, runId: first.runId, url: `/simulations/${first.runId}` });
    expect(await runCount(user)).toBe(1);
    // Without a key every POST is a new run, as before.
    expect((await post(user, null)).status).toBe(202);
    expect(await runCount(user)).toBe(2);
  });

  it("[JOB-07] 8 concurrent POSTs with one key: exactly one run; one 202 and seven 200 with the same id", async () => {
    const user = await newUser("idem-race");
    const answers = await Promise.all(Array.from({ length: 8 }, async () => read(await post(user, "0b7e2c1e-race"))));
    const statuses = answers.map((a) => a.status).sort();
    const ids = new Set(answers.map((a) => a.runId));
    console.log(`JOB-07 | 8 concurrent: statuses ${statuses.join(",")} | distinct run ids ${ids.size} | runs ${await runCount(user)}`);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    expect(ids.size).toBe(1);
    expect(await runCount(user)).toBe(1);
  });

  it("[JOB-07] another learner's identical key is their own run: neither sees nor blocks the other's", async () => {
    const [a, b] = [await newUser("idem-a"), await newUser("idem-b")];
    const fromA = await read(await post(a, "shared-key"));
    const fromB = await read(await post(b, "shared-key"));
    const againA = await read(await post(a, "shared-key"));
    const againB = await read(await post(b, "shared-key"));
    expect([fromA.status, fromB.status]).toEqual([202, 202]);
    expect(fromB.runId).not.toBe(fromA.runId);
    expect(againA).toMatchObject({ status: 200, runId: fromA.runId });
    expect(againB).toMatchObject({ status: 200, runId: fromB.runId });
    const owners = await db.simulationRun.findMany({ where: { id: { in: [fromA.runId!, fromB.runId!] } }, select: { id: true, userId: true } });
    expect(Object.fromEntries(owners.map((r) => [r.id, r.userId]))).toEqual({ [fromA.runId!]: a, [fromB.runId!]: b });
  });

  it.each([
    ["empty", ""],
    ["201 characters", "k".repeat(201)],
    ["an inner space", "two words"],
    ["an inner tab", "a\tb"],
    ["non-ASCII", "clé"],
  ])("[JOB-07] a malformed key (%s) → 400 naming Idempotency-Key; no run", async (_, key) => {
    const user = await newUser("idem-bad");
    const res = await read(await post(user, key));
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe("BAD_REQUEST");
    expect(res.error?.message).toContain("Idempotency-Key");
    expect(res.error?.issues?.[0]?.field).toBe("Idempotency-Key");
    expect(await runCount(user)).toBe(0);
  });

  it("[JOB-07] 200 visible ASCII characters are accepted", async () => {
    const user = await newUser("idem-long");
    const key = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x21 + (i % 94))).join("");
    expect((await post(user, key)).status).toBe(202);
    expect((await post(user, key)).status).toBe(200);
    expect(await runCount(user)).toBe(1);
  });

  it("[JOB-07] the same key with another seed → 409 naming Idempotency-Key; no second run", async () => {
    const user = await newUser("idem-conflict");
    expect((await post(user, "intent-c")).status).toBe(202);
    const other = await read(await post(user, "intent-c", { ...body, seed: 4 }));
    expect(other.status).toBe(409);
    expect(other.error?.issues?.[0]?.field).toBe("Idempotency-Key");
    expect(await runCount(user)).toBe(1);
  });

  it("[JOB-07] a key older than 24 hours starts a new run; the old run keeps its row, not its key", async () => {
    const user = await newUser("idem-expiry");
    const first = await read(await post(user, "intent-old"));
    await db.simulationRun.update({ where: { id: first.runId! }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const later = await read(await post(user, "intent-old"));
    expect(later.status).toBe(202);
    expect(later.runId).not.toBe(first.runId);
    const keys = await db.simulationRun.findMany({ where: { userId: user }, select: { id: true, idempotencyKey: true } });
    expect(Object.fromEntries(keys.map((r) => [r.id, r.idempotencyKey]))).toEqual({ [first.runId!]: null, [later.runId!]: "intent-old" });
  });
});
