// POST /api/predict — score one (user, post) with a run's trained model and online features
import { z } from "zod";
import { otherMethods, readJson, withRoute } from "@/lib/http";
import { DEVICE_SLOTS } from "@/lib/pipeline/features/spec";
import { consumeLimit } from "@/lib/rate-limit";
import { predict } from "@/lib/serving/predict";

const predictSchema = z.object({
  runId: z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "runId must be a run id"),
  userId: z.number({ error: "userId must be a number" }).int("userId must be a whole number").min(0, "userId must not be negative").max(50_000_000, "userId is too large"),
  postId: z.number({ error: "postId must be a number" }).int("postId must be a whole number").min(0, "postId must not be negative").max(50_000_000, "postId is too large"),
  device: z.enum(DEVICE_SLOTS, { error: `device must be one of: ${DEVICE_SLOTS.join(", ")}` }).default("iOS"),
});

export const POST = withRoute(async ({ req, user }) => {
  await consumeLimit("predict", user.id);
  const input = await readJson(req, predictSchema);
  return Response.json(await predict({ learnerId: user.id, input }));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
