/** Served models: a run's ServingBundle, stored by the worker and read by /api/predict. */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { ServingBundle } from "@/lib/pipeline/serving/bundle";
import { db } from "./client";

const layerSchema = z.object({ inDim: z.number().int(), outDim: z.number().int(), w: z.array(z.number()), b: z.array(z.number()), activation: z.enum(["relu", "linear"]) });
const bundleSchema = z.object({
  bundleVersion: z.literal(1),
  model: z.object({ kind: z.enum(["logistic", "mlp"]), featureNames: z.array(z.string()), mean: z.array(z.number()), std: z.array(z.number()), layers: z.array(layerSchema), wide: layerSchema.nullable() }),
  spec: z.object({ kind: z.enum(["standard", "seed"]), windowsDays: z.array(z.number()), priorStrength: z.number(), priorRates: z.tuple([z.number(), z.number(), z.number()]), names: z.array(z.string()), dim: z.number().int(), rowLength: z.number().int() }),
  ttlSeconds: z.number(),
  snapshotAt: z.number(),
  servingNow: z.number(),
  isSkewed: z.boolean(),
  baseRate: z.number(),
});

export async function saveModelVersion({ runId, bundle }: { runId: string; bundle: ServingBundle }): Promise<{ id: string }> {
  return db.modelVersion.create({ data: { runId, kind: bundle.model.kind, bundle: bundle as unknown as Prisma.InputJsonValue }, select: { id: true } });
}

export type ModelVersionDto = { id: string; runId: string; kind: string; createdAt: Date; bundle: ServingBundle };

/** The newest model of a run, only if the run belongs to `userId` (a learner predicts with their own runs). */
export async function getServingModel({ runId, userId }: { runId: string; userId: string }): Promise<ModelVersionDto | null> {
  const row = await db.modelVersion.findFirst({ where: { runId, run: { userId } }, orderBy: { createdAt: "desc" }, select: { id: true, runId: true, kind: true, createdAt: true, bundle: true } });
  if (!row) return null;
  const parsed = bundleSchema.safeParse(row.bundle);
  return parsed.success ? { ...row, bundle: parsed.data } : null;
}

/** The learner's runs that have a served model, newest first (for the predict page's picker). */
export async function listServableRuns({ userId }: { userId: string }): Promise<{ runId: string; scenario: string; scale: string; seed: number; kind: string }[]> {
  const rows = await db.modelVersion.findMany({ where: { run: { userId } }, orderBy: { createdAt: "desc" }, take: 20, select: { runId: true, kind: true, run: { select: { scenario: true, scale: true, seed: true } } } });
  return rows.map((r) => ({ runId: r.runId, kind: r.kind, ...r.run }));
}
