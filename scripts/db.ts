/**
 * Database chores against DATABASE_URL, for a PostgreSQL that `npm start` does not manage (another
 * machine's web or worker, a test's own server):
 *   DATABASE_URL=… npm run db:deploy   apply the committed migrations
 *   DATABASE_URL=… npm run db:seed     write drills and rubrics from prisma/content (only what changed)
 */
import { migrateDatabase } from "@/lib/db/migrate";

async function main() {
  const command = process.argv[2];
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  if (command === "migrate") {
    const result = await migrateDatabase({ databaseUrl });
    console.log(JSON.stringify({ migrated: result.applied, ms: Math.round(result.ms) }));
  } else if (command === "seed") {
    // Imported late: the Prisma client reads DATABASE_URL when its module loads.
    const { seedFromContentFiles } = await import("@/lib/db/seed-files");
    const { db } = await import("@/lib/db/client");
    console.log(JSON.stringify(await seedFromContentFiles()));
    await db.$disconnect();
  } else {
    throw new Error(`unknown command ${JSON.stringify(command)}: use "migrate" or "seed"`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
