// POST /api/account/sign-up — create an email + password account (the client then signs in)
import { signUpSchema } from "@/lib/account/schema";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/db/users";
import { otherMethods, readJson, withPublicRoute } from "@/lib/http";

export const POST = withPublicRoute(async ({ req, log }) => {
  const input = await readJson(req, signUpSchema);
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  log.info({ userId: user.id }, "account created");
  return Response.json({ id: user.id, email: user.email }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
