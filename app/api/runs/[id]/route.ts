// GET /api/runs/:id — status and stage progress of one of the learner's runs (the page polls it);
// ?include=result adds the full result once the run has finished
import { getRun } from "@/lib/db/runs";
import { AppError } from "@/lib/errors";
import { otherMethods, requireRecordId, withRoute } from "@/lib/http";

export const GET = withRoute<{ id: string }>(async ({ req, params, user }) => {
  const run = await getRun({ id: requireRecordId(params.id, "Run"), userId: user.id });
  if (!run) throw new AppError("NOT_FOUND", "Run not found");
  const includeResult = new URL(req.url).searchParams.get("include") === "result";
  // The share token stays on the owner's page (rendered on the server): the JSON API returns only what the client polls (RELIABILITY AZ-05).
  const { result, config, shareToken: _shareToken, ...status } = run;
  return Response.json({ run: includeResult ? { ...status, config, result } : status });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
