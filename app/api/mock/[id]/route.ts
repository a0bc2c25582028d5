// GET /api/mock/:id — one of the learner's mocks: phases, answers so far, the current phase's start
// and the server's clock (so a reloaded client times the phase from the same origin), or the scorecard
import { getMock } from "@/lib/db/mock";
import { AppError } from "@/lib/errors";
import { otherMethods, withRoute } from "@/lib/http";
import { mockIdSchema } from "@/lib/mock/schema";

export const GET = withRoute<{ id: string }>(async ({ params, user }) => {
  const id = mockIdSchema.safeParse(params.id).data;
  if (!id) throw new AppError("NOT_FOUND", "Mock interview not found");
  const mock = await getMock({ id, userId: user.id });
  if (!mock) throw new AppError("NOT_FOUND", "Mock interview not found");
  return Response.json({ mock, serverNow: new Date() });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
