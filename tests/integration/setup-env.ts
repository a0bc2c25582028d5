// Runs in each test worker before the test file: points lib/db at the run's fresh database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.LOG_SILENT = "1";
