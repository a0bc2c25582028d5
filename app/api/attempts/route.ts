// POST /api/attempts — store a learner's answer to a drill (stored first, before any grading)
// GET  /api/attempts — the signed-in learner's attempts, newest first
import { submitAttemptSchema } from "@/lib/attempts/schema";
import { createAttempt, listAttempts } from "@/lib/db/attempts";
import { readJson, withRoute } from "@/lib/http";

export const POST = withRoute(async ({ req, user, log }) => {
  const input = await readJson(req, submitAttemptSchema);
  const attempt = await createAttempt({ userId: user.id, drillSlug: input.drillSlug, answer: input.answer, durationMs: input.durationMs });
  log.info({ attemptId: attempt.id, drill: input.drillSlug, chars: input.answer.length }, "attempt stored");
  return Response.json({ id: attempt.id, url: `/attempts/${attempt.id}` }, { status: 201 });
});

export const GET = withRoute(async ({ user }) => {
  const attempts = await listAttempts({ userId: user.id });
  return Response.json({ attempts });
});
