/** User accounts. Password hashes never leave this module except for verification. */
import { Prisma } from "@/generated/prisma/client";
import { publish, subscribe } from "@/lib/cluster-bus";
import { AppError } from "@/lib/errors";
import { createTtlCache } from "@/lib/ttl-cache";
import { db } from "./client";

export type UserDto = { id: string; email: string; name: string | null; sessionVersion: number };
const userDtoSelect = { id: true, email: true, name: true, sessionVersion: true } satisfies Prisma.UserSelect;

export async function createUser({ email, name, passwordHash }: { email: string; name?: string; passwordHash: string }): Promise<UserDto> {
  try {
    return await db.user.create({ data: { email, name: name || null, passwordHash }, select: userDtoSelect });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists", { issues: [{ field: "email", message: "email is already registered" }] });
    }
    throw error;
  }
}

export async function getUserCredentials({ email }: { email: string }): Promise<(UserDto & { passwordHash: string | null }) | null> {
  return db.user.findUnique({ where: { email }, select: { ...userDtoSelect, passwordHash: true } });
}

/**
 * Every signed-in request checks its token's session version against this row, so it is cached for
 * a moment. Ending sessions drops the entry in this process and, through the cluster bus, in the
 * other web processes on this machine; a web server on another machine may honour an ended session
 * for at most SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 2_000;
const sessions = createTtlCache<string, SessionUserDto | null>({ ttlMs: SESSION_CACHE_MS, refreshAfterMs: SESSION_CACHE_MS / 2 });
subscribe("session-ended", (id) => typeof id === "string" && sessions.delete(id));
/** Drops the cached entry in every copy of this module in this process and in every web process, before answering. */
const endSessions = async (id: string) => {
  sessions.delete(id);
  await publish("session-ended", id, { local: true, wait: true });
};

/** The session check's view of a user: the DTO plus the sessions ended one by one (their `sid`s). */
export type SessionUserDto = UserDto & { revokedSids: string[] };

export async function getUserSession({ id }: { id: string }): Promise<SessionUserDto | null> {
  return sessions.get(id, async () => {
    const row = await db.user.findUnique({ where: { id }, select: { ...userDtoSelect, revokedSessions: { where: { expiresAt: { gt: new Date() } }, select: { sid: true } } } });
    if (!row) return null;
    const { revokedSessions, ...user } = row;
    return { ...user, revokedSids: revokedSessions.map((r) => r.sid) };
  });
}

/**
 * Ends one session (sign-out on one device): its token is refused from now on, in every web process,
 * until `expiresAt`, when it would have expired anyway. Expired rows of the user are dropped here.
 */
export async function revokeSession({ userId, sid, expiresAt }: { userId: string; sid: string; expiresAt: Date }): Promise<void> {
  await db.$transaction([
    db.revokedSession.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } }),
    db.revokedSession.upsert({ where: { sid }, create: { sid, userId, expiresAt }, update: {} }),
  ]);
  await endSessions(userId);
}

/** Ends every session issued so far: their JWTs carry the old version and are refused. */
export async function bumpSessionVersion({ id }: { id: string }): Promise<number> {
  const row = await db.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await endSessions(id);
  return row.sessionVersion;
}

export async function setPasswordHash({ id, passwordHash }: { id: string; passwordHash: string }): Promise<number> {
  const row = await db.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await endSessions(id);
  return row.sessionVersion;
}

/** Finds or creates the account for a GitHub identity (matched by GitHub id, then by verified email). */
export async function upsertGithubUser({ githubId, email, name }: { githubId: string; email: string; name: string | null }): Promise<UserDto> {
  const byGithub = await db.user.findUnique({ where: { githubId }, select: userDtoSelect });
  if (byGithub) return byGithub;
  return db.user.upsert({ where: { email }, create: { email, name, githubId }, update: { githubId }, select: userDtoSelect });
}
