// GET /api/predict/stats — latency percentiles of recent predictions served by this machine's web processes
import { otherMethods, withRoute } from "@/lib/http";
import { latencyStats } from "@/lib/serving/predict";

export const dynamic = "force-dynamic";

export const GET = withRoute(async () => Response.json(latencyStats()));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
