/**
 * Validated server environment; the only module that reads process.env for app settings.
 * `npm start` (scripts/start.ts) fills DATABASE_URL, NEXTAUTH_SECRET and NEXTAUTH_URL when unset.
 */
import { z } from "zod";

const serverEnvSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Retries of a failed simulation run (lib/jobs/pipeline-run-job.ts getRunRetryLimit). */
  RUN_RETRY_LIMIT: z.string().regex(/^([0-9]|10)?$/, "RUN_RETRY_LIMIT must be an integer from 0 to 10").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function getEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** GitHub sign-in is offered only when both variables are set. */
export function isGithubEnabled(env: ServerEnv = getEnv()): boolean {
  return Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
}
