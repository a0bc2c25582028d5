// GET /api/attempts/:id — one of the signed-in learner's attempts (404 for anyone else's)
import { getAttempt } from "@/lib/db/attempts";
import { AppError } from "@/lib/errors";
import { otherMethods, requireRecordId, withRoute } from "@/lib/http";

export const GET = withRoute<{ id: string }>(async ({ params, user }) => {
  const attempt = await getAttempt({ id: requireRecordId(params.id, "Attempt"), userId: user.id });
  if (!attempt) throw new AppError("NOT_FOUND", "Attempt not found");
  return Response.json({ attempt });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
