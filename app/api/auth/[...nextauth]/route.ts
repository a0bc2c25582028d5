// GET|POST /api/auth/* — next-auth (sign-in, callbacks, session, CSRF, sign-out)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}
export { handler as GET, handler as POST };
