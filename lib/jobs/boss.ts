/** The PostgreSQL-backed job queue (pg-boss 10, the newest release that supports Node 20). */
import PgBoss from "pg-boss";

export const PIPELINE_RUN_QUEUE = "pipeline-run-job";

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** Started once per process; creates its schema and the queue on first use. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString, max: 4 });
    boss.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "pg-boss error", error: String(error) })));
    await boss.start();
    await boss.createQueue(PIPELINE_RUN_QUEUE);
    return boss;
  })();
  // A failed start (PostgreSQL down) is not kept: the next call tries again.
  const pending = globalForBoss.boss;
  pending.catch(() => {
    if (globalForBoss.boss === pending) delete globalForBoss.boss;
  });
  return pending;
}
