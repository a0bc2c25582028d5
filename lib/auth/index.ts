import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getUserSession, type UserDto } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { buildAuthOptions } from "./config";

let options: ReturnType<typeof buildAuthOptions> | undefined;
export function authOptions() {
  options ??= buildAuthOptions();
  return options;
}

export type CurrentUser = Pick<UserDto, "id" | "email" | "name">;

/**
 * The signed-in user, or null. A token is honoured only while its session version matches the
 * stored one, so sign-out-everywhere and password changes end every older session at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUserSession({ id });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name };
});

/** For route handlers and server actions: throws 401 without a valid session. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue");
  return user;
}

/** For pages: redirects to sign-in (coming back here afterwards) without a valid session. */
export async function requirePageUser(callbackPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
