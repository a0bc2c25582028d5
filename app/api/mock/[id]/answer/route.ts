// POST /api/mock/:id/answer — store the answer to the current phase, grade it with the phase rubric,
// advance to the next phase; the last answer completes the mock with its scorecard
import { AppError } from "@/lib/errors";
import { otherMethods, readJson, withRoute } from "@/lib/http";
import { mockIdSchema, submitMockAnswerSchema } from "@/lib/mock/schema";
import { answerMockPhase } from "@/lib/mock/server/answer-phase";

export const POST = withRoute<{ id: string }>(async ({ req, params, user, log }) => {
  const id = mockIdSchema.safeParse(params.id).data;
  if (!id) throw new AppError("NOT_FOUND", "Mock interview not found");
  const input = await readJson(req, submitMockAnswerSchema);
  const result = await answerMockPhase({ id, userId: user.id, ...input });
  log.info({ mockId: id, phase: input.phase, chars: input.answer.length, graded: result.grade !== null, isComplete: result.isComplete }, "mock phase answered");
  return Response.json(
    { phase: input.phase, index: result.index, grade: result.grade && { score: result.grade.score, level: result.grade.level }, isComplete: result.isComplete, url: `/mock/${id}` },
    { status: 201 },
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
