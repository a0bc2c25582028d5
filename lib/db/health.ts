import { db } from "./client";

/** Round-trips the database; resolves to its latency in ms, or rejects within `timeoutMs`. */
export async function pingDatabase({ timeoutMs = 2000 }: { timeoutMs?: number } = {}): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database ping timed out")), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}
