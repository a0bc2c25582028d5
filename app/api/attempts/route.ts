// POST /api/attempts — store a learner's answer to a drill, then grade it (a grading failure keeps it)
// GET  /api/attempts — the signed-in learner's attempts, newest first
import { submitAttemptSchema } from "@/lib/attempts/schema";
import { listAttempts } from "@/lib/db/attempts";
import { submitAnswer } from "@/lib/grading/server/submit-answer";
import { otherMethods, readJson, withRoute } from "@/lib/http";
import { consumeLimit } from "@/lib/rate-limit";

export const POST = withRoute(async ({ req, user, log }) => {
  await consumeLimit("attempts", user.id);
  const input = await readJson(req, submitAttemptSchema);
  const { attemptId, graded } = await submitAnswer({ userId: user.id, ...input });
  log.info({ attemptId, drill: input.drillSlug, chars: input.answer.length, graded }, "attempt stored");
  return Response.json({ id: attemptId, url: `/attempts/${attemptId}`, graded }, { status: 201 });
});

export const GET = withRoute(async ({ user }) => {
  const attempts = await listAttempts({ userId: user.id });
  return Response.json({ attempts });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
