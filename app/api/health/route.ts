// GET /api/health — liveness plus database reachability (503 when the database is down)
import { pingDatabase } from "@/lib/db/health";
import { otherMethods, withPublicRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = withPublicRoute(async ({ log }) => {
  try {
    const ms = await pingDatabase();
    return Response.json({ status: "ok", database: { reachable: true, latencyMs: Math.round(ms * 10) / 10 } });
  } catch (error) {
    log.warn({ error: (error as Error).message }, "health: database unreachable");
    return Response.json({ status: "degraded", database: { reachable: false } }, { status: 503, headers: { "retry-after": "5" } });
  }
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
