// ANY /api/* with no route — the JSON error shape instead of Next's HTML 404 page
import { AppError } from "@/lib/errors";
import { errorJson } from "@/lib/http";

function notFound(): Response {
  return errorJson(new AppError("NOT_FOUND", "No API endpoint at this path"));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
