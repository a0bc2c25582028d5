/**
 * Runs once when the Next.js server starts (Node runtime). Registers the lean routes that
 * scripts/web-server.mjs serves without Next's request pipeline: the same handler functions, from
 * the same module instances (so caches, session invalidation and the live latency window are shared).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ registerNodeRoutes }, predict] = await Promise.all([import("@/lib/node-route"), import("@/app/api/predict/route")]);
  registerNodeRoutes({ "POST /api/predict": predict.POST });
}
