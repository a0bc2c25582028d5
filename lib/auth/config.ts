/**
 * next-auth (v4) configuration: email + password (Credentials) and, when GITHUB_ID/GITHUB_SECRET are
 * set, GitHub OAuth. JWT sessions carry the user's session version; lib/auth/index.ts refuses tokens
 * whose version is older than the stored one (sign-out-everywhere, password change).
 */
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { emailSchema } from "@/lib/account/schema";
import { getUserCredentials, revokeSession, upsertGithubUser } from "@/lib/db/users";
import { getEnv, isGithubEnabled } from "@/lib/env";
import { decodeJwt, encodeJwt } from "./jwt";
import { verifyPassword } from "./password";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null };
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Session id: set at sign-in and kept when the token is re-issued, so signing out can end exactly this session. */
    sid?: string;
  }
}

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const email = emailSchema.safeParse(credentials?.email ?? "");
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        // Same work and the same answer whether or not the account exists (no enumeration).
        const user = email.success && password.length <= 256 ? await getUserCredentials({ email: email.data }) : null;
        const isValid = await verifyPassword(user?.passwordHash, password);
        // The failure is logged once, with the account hash and address, by app/api/auth/[...nextauth]/route.ts.
        if (!user || !isValid) return null;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ];
  if (isGithubEnabled(env)) {
    providers.push(GithubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! }));
  }

  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { encode: encodeJwt, decode: decodeJwt },
    pages: { signIn: "/sign-in" },
    providers,
    events: {
      // Signing out ends this session on the server too (RELIABILITY SESS-02): a copy of the cookie taken
      // before the sign-out is refused afterwards. Other devices stay signed in.
      async signOut({ token }) {
        if (token?.uid && typeof token.sid === "string") {
          const exp = typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
          await revokeSession({ userId: token.uid, sid: token.sid, expiresAt: new Date(exp + 60_000) });
        }
      },
    },
    callbacks: {
      async signIn({ account, user }) {
        if (account?.provider === "github") return Boolean(user.email);
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "github" && user?.email) {
          const row = await upsertGithubUser({ githubId: String(account.providerAccountId), email: user.email.toLowerCase(), name: user.name ?? (profile?.name as string | undefined) ?? null });
          token.uid = row.id;
          token.sv = row.sessionVersion;
          token.sid = randomUUID();
        } else if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
          token.sid = randomUUID();
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.uid ?? "", email: token.email ?? "", name: token.name };
        session.sessionVersion = token.sv ?? -1;
        return session;
      },
      redirect({ url, baseUrl }) {
        // Only same-origin destinations: refuse open redirects through callbackUrl.
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // not a URL
        }
        return baseUrl;
      },
    },
  };
}
