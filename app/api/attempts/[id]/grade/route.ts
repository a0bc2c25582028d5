// POST /api/attempts/:id/grade — grade (again) one of the signed-in learner's attempts
import { getAttempt } from "@/lib/db/attempts";
import { AppError } from "@/lib/errors";
import { gradeAttempt } from "@/lib/grading/server/grade-attempt";
import { otherMethods, requireRecordId, withRoute } from "@/lib/http";

export const POST = withRoute<{ id: string }>(async ({ params, user }) => {
  const attempt = await getAttempt({ id: requireRecordId(params.id, "Attempt"), userId: user.id });
  if (!attempt) throw new AppError("NOT_FOUND", "Attempt not found");
  const outcome = await gradeAttempt({ attemptId: attempt.id });
  if (!outcome.ok) throw new AppError("UNAVAILABLE", "Grading failed; your answer is still saved. Try again shortly.", { retryAfterSeconds: 30 });
  return Response.json({ score: outcome.result.score, level: outcome.result.level });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
