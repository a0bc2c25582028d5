/**
 * Runs once when the Next.js server starts (Node runtime). Registers the JSON API's route handlers
 * for the lean router scripts/web-server.mjs puts in front of Next (lib/node-route.ts): the same
 * handler functions, from the same module instances (so caches, session invalidation and the live
 * latency window are shared). A route missing here is still served, by Next.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuse to serve with a missing or short NEXTAUTH_SECRET (or no DATABASE_URL) rather than start and
  // fail on the first signed-in request (RELIABILITY SESS-06): the process exits non-zero at start.
  // Next only logs a failing register() and serves on, so exit here.
  const { getEnv } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    process.stderr.write(`${JSON.stringify({ level: "error", time: new Date().toISOString(), service: "web", msg: "refusing to start", error: (error as Error).message })}\n`);
    process.exit(1);
  }
  const [{ registerNodeRoutes }, attempts, attempt, grade, runs, run, cancel, predict, predictStats, mock, mockOne, mockAnswer, health, signUp, password, signOutEverywhere] = await Promise.all([
    import("@/lib/node-route"),
    import("@/app/api/attempts/route"),
    import("@/app/api/attempts/[id]/route"),
    import("@/app/api/attempts/[id]/grade/route"),
    import("@/app/api/runs/route"),
    import("@/app/api/runs/[id]/route"),
    import("@/app/api/runs/[id]/cancel/route"),
    import("@/app/api/predict/route"),
    import("@/app/api/predict/stats/route"),
    import("@/app/api/mock/route"),
    import("@/app/api/mock/[id]/route"),
    import("@/app/api/mock/[id]/answer/route"),
    import("@/app/api/health/route"),
    import("@/app/api/account/sign-up/route"),
    import("@/app/api/account/password/route"),
    import("@/app/api/account/sign-out-everywhere/route"),
  ]);
  registerNodeRoutes({
    "GET /api/attempts": attempts.GET,
    "POST /api/attempts": attempts.POST,
    "GET /api/attempts/[id]": attempt.GET,
    "POST /api/attempts/[id]/grade": grade.POST,
    "GET /api/runs": runs.GET,
    "POST /api/runs": runs.POST,
    "GET /api/runs/[id]": run.GET,
    "POST /api/runs/[id]/cancel": cancel.POST,
    "POST /api/predict": predict.POST,
    "GET /api/predict/stats": predictStats.GET,
    "GET /api/mock": mock.GET,
    "POST /api/mock": mock.POST,
    "GET /api/mock/[id]": mockOne.GET,
    "POST /api/mock/[id]/answer": mockAnswer.POST,
    "GET /api/health": health.GET,
    "POST /api/account/sign-up": signUp.POST,
    "POST /api/account/password": password.POST,
    "POST /api/account/sign-out-everywhere": signOutEverywhere.POST,
  });
}
