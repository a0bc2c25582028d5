// POST /api/runs/:id/cancel — cancel one of the learner's queued or running runs
import { requestCancel } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { otherMethods, requireRecordId, withRoute } from "@/lib/http";

export const POST = withRoute<{ id: string }>(async ({ params, user, log }) => {
  const status = await requestCancel({ id: requireRecordId(params.id, "Run"), userId: user.id });
  if (!status) throw new AppError("NOT_FOUND", "Run not found");
  log.info({ runId: requireRecordId(params.id, "Run"), status }, "cancel requested");
  return Response.json({ status, cancelRequested: true }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
