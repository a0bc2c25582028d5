/**
 * MOCK_TIME_SCALE: a test setting that shrinks every phase budget (e.g. "0.02" turns 45 minutes into
 * 54 s) so an end-to-end run walks the whole flow in seconds. Read here only, never in the core.
 */
import { z } from "zod";

const timeScaleSchema = z.coerce.number().gt(0).max(1).default(1);

export function readMockTimeScale(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MOCK_TIME_SCALE?.trim() || undefined;
  const parsed = timeScaleSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Expected MOCK_TIME_SCALE to be a number in (0, 1], got ${JSON.stringify(raw)}`);
  return parsed.data;
}
