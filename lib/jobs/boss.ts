/** The PostgreSQL-backed job queue (pg-boss 10, the newest release that supports Node 20). */
import PgBoss from "pg-boss";

export const PIPELINE_RUN_QUEUE = "pipeline-run-job";
/**
 * Where pg-boss copies a run's job once it has failed on every try (RELIABILITY JOB-05). Nothing
 * consumes it: it is the record to inspect (`SELECT data, output FROM pgboss.job WHERE name = …`),
 * kept like any queued job (14 days) and then archived by pg-boss.
 */
export const PIPELINE_RUN_DEAD_LETTER_QUEUE = "pipeline-run-dead-letter-job";

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

/** Started once per process; creates its schema and the queues on first use. */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString, max: 4 });
    boss.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "pg-boss error", error: String(error) })));
    await boss.start();
    // The dead-letter queue must exist first: a queue's dead_letter column references it.
    await boss.createQueue(PIPELINE_RUN_DEAD_LETTER_QUEUE);
    await boss.createQueue(PIPELINE_RUN_QUEUE, { name: PIPELINE_RUN_QUEUE, deadLetter: PIPELINE_RUN_DEAD_LETTER_QUEUE });
    // createQueue does nothing for a queue that exists (a database from before the dead-letter queue).
    if ((await boss.getQueue(PIPELINE_RUN_QUEUE))?.deadLetter !== PIPELINE_RUN_DEAD_LETTER_QUEUE) {
      await boss.updateQueue(PIPELINE_RUN_QUEUE, { name: PIPELINE_RUN_QUEUE, deadLetter: PIPELINE_RUN_DEAD_LETTER_QUEUE });
    }
    return boss;
  })();
  // A failed start (PostgreSQL down) is not kept: the next call tries again.
  const pending = globalForBoss.boss;
  pending.catch(() => {
    if (globalForBoss.boss === pending) delete globalForBoss.boss;
  });
  return pending;
}
