// POST /api/mock — start a timed mock interview (phase 1's clock starts now)
// GET  /api/mock — the signed-in learner's mock interviews, newest first
import { listMocks } from "@/lib/db/mock";
import { otherMethods, withRoute } from "@/lib/http";
import { startMock } from "@/lib/mock/server/answer-phase";

export const POST = withRoute(async ({ user, log }) => {
  const { id } = await startMock({ userId: user.id });
  log.info({ mockId: id }, "mock started");
  return Response.json({ id, url: `/mock/${id}` }, { status: 201 });
});

export const GET = withRoute(async ({ user }) => {
  const mocks = await listMocks({ userId: user.id });
  return Response.json({ mocks });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
