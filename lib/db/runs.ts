/**
 * Simulation runs. Owners read and cancel their own; anyone with the share token reads a
 * run's config and results (never its owner). Status changes go through nextRunStatus and are
 * applied with a conditional update, so two writers cannot both move a run.
 */
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { IDEMPOTENCY_KEY_TTL_HOURS, MAX_ACTIVE_RUNS_GLOBAL, MAX_ACTIVE_RUNS_PER_USER, type StartRunInput } from "@/lib/simulations/schema";
import { nextRunStatus, type RunEvent, type RunStatus } from "@/lib/simulations/status";
import { db } from "./client";

export type RunProgress = { fraction: number; stages: { stage: string; status: "started" | "finished" | "failed"; seconds?: number }[] };

export type RunSummaryDto = {
  id: string;
  scenario: string;
  scale: string;
  seed: number;
  status: RunStatus;
  progress: RunProgress;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};
export type RunDetailDto = RunSummaryDto & { config: unknown; result: unknown; shareToken: string | null; cancelRequested: boolean };

const summarySelect = { id: true, scenario: true, scale: true, seed: true, status: true, progress: true, error: true, createdAt: true, startedAt: true, finishedAt: true } satisfies Prisma.SimulationRunSelect;
const EMPTY_PROGRESS: RunProgress = { fraction: 0, stages: [] };

function parseProgress(value: unknown): RunProgress {
  const v = value as Partial<RunProgress> | null;
  return { fraction: typeof v?.fraction === "number" ? v.fraction : 0, stages: Array.isArray(v?.stages) ? v.stages : [] };
}

function toSummary(row: Prisma.SimulationRunGetPayload<{ select: typeof summarySelect }>): RunSummaryDto {
  return { ...row, progress: parseProgress(row.progress) };
}

/** A run started with an Idempotency-Key: `isReplay` when the key had already started it. */
export type StartedRun = { id: string; isReplay: boolean };

const keyedRunSelect = { id: true, scenario: true, scale: true, seed: true, createdAt: true } satisfies Prisma.SimulationRunSelect;
type KeyedRun = Prisma.SimulationRunGetPayload<{ select: typeof keyedRunSelect }>;

const isKeyFresh = (run: KeyedRun, now: Date) => now.getTime() - run.createdAt.getTime() < IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000;

/** The same key with another scenario, scale or seed is a client bug, not a retry: 409. */
function toReplay(run: KeyedRun, input: StartRunInput): StartedRun {
  if (run.scenario !== input.scenario || run.scale !== input.scale || run.seed !== input.seed) {
    throw new AppError("CONFLICT", "This Idempotency-Key already started a run with another scenario, scale or seed; send a new key for a new run", {
      issues: [{ field: "Idempotency-Key", message: "already used for a different run" }],
    });
  }
  return { id: run.id, isReplay: true };
}

/**
 * The learner's run started with this Idempotency-Key within IDEMPOTENCY_KEY_TTL_HOURS, or null.
 * Read before the start limiter, so a client's retry of an accepted start is answered, not counted.
 */
export async function findRunByIdempotencyKey({ userId, idempotencyKey, input, now = new Date() }: { userId: string; idempotencyKey: string; input: StartRunInput; now?: Date }): Promise<StartedRun | null> {
  const run = await db.simulationRun.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: keyedRunSelect });
  return run && isKeyFresh(run, now) ? toReplay(run, input) : null;
}

/**
 * Creates a queued run unless the learner or the whole queue is at its limit (429). With an
 * Idempotency-Key, a start the key already made (within IDEMPOTENCY_KEY_TTL_HOURS) is returned
 * instead, so a double click or a client retry makes one run; the key is unique per learner
 * (userId, idempotencyKey), so two learners' keys never meet.
 */
export async function createRun({ userId, input, config, idempotencyKey, now = new Date() }: { userId: string; input: StartRunInput; config: unknown; idempotencyKey?: string | null; now?: Date }): Promise<StartedRun> {
  try {
    return await db.$transaction(async (tx) => {
      // Serialise concurrent starts by the same learner so the limit cannot be raced past (nor the key).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${userId}))`;
      if (idempotencyKey) {
        const earlier = await tx.simulationRun.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: keyedRunSelect });
        if (earlier && isKeyFresh(earlier, now)) return toReplay(earlier, input);
        // An expired key is free again: the old run keeps its row, not its key.
        if (earlier) await tx.simulationRun.update({ where: { id: earlier.id }, data: { idempotencyKey: null } });
      }
      const [mine, everyone] = await Promise.all([
        tx.simulationRun.count({ where: { userId, status: { in: ["queued", "running"] } } }),
        tx.simulationRun.count({ where: { status: { in: ["queued", "running"] } } }),
      ]);
      if (mine >= MAX_ACTIVE_RUNS_PER_USER) {
        throw new AppError("RATE_LIMITED", `You already have ${mine} runs queued or running (at most ${MAX_ACTIVE_RUNS_PER_USER}); wait for one to finish or cancel one.`, { retryAfterSeconds: 30 });
      }
      if (everyone >= MAX_ACTIVE_RUNS_GLOBAL) {
        throw new AppError("RATE_LIMITED", "The simulation queue is full; try again in a few minutes.", { retryAfterSeconds: 120 });
      }
      const run = await tx.simulationRun.create({
        data: { userId, scenario: input.scenario, scale: input.scale, seed: input.seed, config: config as Prisma.InputJsonValue, progress: EMPTY_PROGRESS, shareToken: randomBytes(18).toString("base64url"), idempotencyKey: idempotencyKey ?? null },
        select: { id: true },
      });
      return { id: run.id, isReplay: false };
    });
  } catch (error) {
    // The advisory lock makes this unreachable for one database; the unique index is the backstop
    // (e.g. a lock lost with its connection): the other insert won, so answer with its run.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = await findRunByIdempotencyKey({ userId, idempotencyKey, input, now });
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** A start whose job could not be queued fails at once and frees its key, so the client's retry starts afresh. */
export async function failUnqueuedRun({ id }: { id: string }): Promise<void> {
  await transition(id, "fail", { error: "could not be queued", finishedAt: new Date(), idempotencyKey: null });
}

export async function setRunJobId({ id, jobId }: { id: string; jobId: string }): Promise<void> {
  await db.simulationRun.update({ where: { id }, data: { jobId } });
}

export async function listRuns({ userId, take = 50 }: { userId: string; take?: number }): Promise<RunSummaryDto[]> {
  const rows = await db.simulationRun.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take, select: summarySelect });
  return rows.map(toSummary);
}

const detailSelect = { ...summarySelect, config: true, result: true, shareToken: true, cancelRequested: true } satisfies Prisma.SimulationRunSelect;

export async function getRun({ id, userId }: { id: string; userId: string }): Promise<RunDetailDto | null> {
  const row = await db.simulationRun.findFirst({ where: { id, userId }, select: detailSelect });
  return row && { ...toSummary(row), config: row.config, result: row.result, shareToken: row.shareToken, cancelRequested: row.cancelRequested };
}

/** Read-only view for a share link: no owner, no share token. */
export async function getSharedRun({ shareToken }: { shareToken: string }): Promise<RunDetailDto | null> {
  const row = await db.simulationRun.findUnique({ where: { shareToken }, select: detailSelect });
  return row && { ...toSummary(row), config: row.config, result: row.result, shareToken: null, cancelRequested: row.cancelRequested };
}

/** Applies a status event if it is valid for the run's current status; returns the new status or null. */
async function transition(id: string, event: RunEvent, data: Prisma.SimulationRunUpdateInput = {}): Promise<RunStatus | null> {
  const row = await db.simulationRun.findUnique({ where: { id }, select: { status: true } });
  if (!row) return null;
  const next = nextRunStatus(row.status, event);
  if (!next) return null;
  const { count } = await db.simulationRun.updateMany({ where: { id, status: row.status }, data: { ...data, status: next } as Prisma.SimulationRunUpdateManyMutationInput });
  return count === 1 ? next : null;
}

/** Owner cancels: a queued run ends now; a running one is asked to stop at its next stage. */
export async function requestCancel({ id, userId }: { id: string; userId: string }): Promise<RunStatus | null> {
  const row = await db.simulationRun.findFirst({ where: { id, userId }, select: { status: true } });
  if (!row) return null;
  if (row.status === "queued") return (await transition(id, "cancel", { finishedAt: new Date(), error: "cancelled before it started" })) ?? row.status;
  if (row.status === "running") await db.simulationRun.update({ where: { id }, data: { cancelRequested: true } });
  return row.status;
}

// ── worker side ────────────────────────────────────────────────────────────────────────────────

/** A running run whose heartbeat is older than this has lost its worker (crash, kill -9, lost machine). */
export const HEARTBEAT_STALE_MS = Number(process.env.RUN_HEARTBEAT_STALE_MS) || 30_000;
/** A live run beats at least three times per stale window, so a slow beat under load is never read as a lost worker. */
export const HEARTBEAT_EVERY_MS = Math.min(5_000, Math.floor(HEARTBEAT_STALE_MS / 3));

export async function getRunForWorker({ id }: { id: string }) {
  return db.simulationRun.findUnique({ where: { id }, select: { id: true, status: true, config: true, cancelRequested: true, tries: true, heartbeatAt: true } });
}

export async function startRun({ id }: { id: string }): Promise<boolean> {
  return (await transition(id, "start", { startedAt: new Date(), heartbeatAt: new Date(), tries: { increment: 1 }, progress: EMPTY_PROGRESS, error: null })) === "running";
}

export async function beatRun({ id }: { id: string }): Promise<void> {
  await db.simulationRun.updateMany({ where: { id, status: "running" }, data: { heartbeatAt: new Date() } });
}

export function isHeartbeatStale(heartbeatAt: Date | null, now = new Date()): boolean {
  return !heartbeatAt || now.getTime() - heartbeatAt.getTime() > HEARTBEAT_STALE_MS;
}

/**
 * Runs left "running" by a worker that died: sent back to the queue (or failed once out of tries).
 * Returns the ids to dispatch again. Safe to call from every worker: the status change is conditional.
 */
export async function reclaimStaleRuns({ maxTries, now = new Date() }: { maxTries: number; now?: Date }): Promise<string[]> {
  const stale = await db.simulationRun.findMany({
    where: { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - HEARTBEAT_STALE_MS) } }] },
    select: { id: true, tries: true },
  });
  const requeued: string[] = [];
  for (const run of stale) {
    const willRetry = run.tries < maxTries;
    const next = await transition(run.id, willRetry ? "retry" : "fail", { error: "its worker stopped mid-run", ...(willRetry ? {} : { finishedAt: now }) });
    if (next === "queued") requeued.push(run.id);
  }
  return requeued;
}

export async function saveRunProgress({ id, progress }: { id: string; progress: RunProgress }): Promise<{ cancelRequested: boolean }> {
  const row = await db.simulationRun.update({ where: { id }, data: { progress: progress as unknown as Prisma.InputJsonValue, heartbeatAt: new Date() }, select: { cancelRequested: true } });
  return row;
}

export async function finishRun({ id, result }: { id: string; result: unknown }): Promise<boolean> {
  return (await transition(id, "succeed", { result: result as Prisma.InputJsonValue, finishedAt: new Date() })) === "succeeded";
}

export async function failRun({ id, error, willRetry }: { id: string; error: string; willRetry: boolean }): Promise<void> {
  await transition(id, willRetry ? "retry" : "fail", { error: error.slice(0, 1000), ...(willRetry ? {} : { finishedAt: new Date() }) });
}

export async function cancelRunningRun({ id }: { id: string }): Promise<void> {
  await transition(id, "cancel", { finishedAt: new Date(), error: "cancelled by its owner" });
}
