// POST /api/account/sign-out-everywhere — end every session of the signed-in user on every device
import { bumpSessionVersion } from "@/lib/db/users";
import { otherMethods, withRoute } from "@/lib/http";

export const POST = withRoute(async ({ user, log }) => {
  await bumpSessionVersion({ id: user.id });
  log.info({}, "all sessions ended");
  return Response.json({ ok: true, signedOut: true });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
