// POST /api/account/password — change the password; ends every existing session, including this one
import { changePasswordSchema } from "@/lib/account/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getUserCredentials, setPasswordHash } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { otherMethods, readJson, withRoute } from "@/lib/http";

export const POST = withRoute(async ({ req, user, log }) => {
  const input = await readJson(req, changePasswordSchema);
  const account = await getUserCredentials({ email: user.email });
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "currentPassword is not correct", { issues: [{ field: "currentPassword", message: "is not correct" }] });
  }
  await setPasswordHash({ id: user.id, passwordHash: await hashPassword(input.newPassword) });
  log.info({}, "password changed; sessions ended");
  return Response.json({ ok: true, signedOut: true });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
