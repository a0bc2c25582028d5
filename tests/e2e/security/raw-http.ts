/**
 * Plain Node HTTP for tests that need what Playwright's request context cannot do: send from a chosen
 * loopback address (127.0.0.0/8 is all loopback on Linux, so each test gets its own "client IP" for the
 * per-address sign-in limit) and see raw headers.
 */
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export function rawRequest(baseURL: string, path: string, { method = "GET", headers = {}, body, localAddress }: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: url.port, path: `${url.pathname}${url.search}`, method, headers: { host: url.host, ...headers }, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** `name=value; …` from Set-Cookie headers merged into a jar. */
export function mergeCookies(jar: Map<string, string>, setCookie: string[] | undefined): Map<string, string> {
  for (const line of setCookie ?? []) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}
export const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** One credentials sign-in attempt from `localAddress`: fetches a CSRF token, posts the form. */
export async function signInFrom(baseURL: string, localAddress: string, email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<RawResponse & { jar: Map<string, string> }> {
  const jar = new Map<string, string>();
  const csrf = await rawRequest(baseURL, "/api/auth/csrf", { localAddress, headers: extraHeaders });
  mergeCookies(jar, csrf.headers["set-cookie"]);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await rawRequest(baseURL, "/api/auth/callback/credentials", {
    method: "POST",
    localAddress,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), ...extraHeaders },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  mergeCookies(jar, res.headers["set-cookie"]);
  return { ...res, jar };
}

/** A loopback address no other test uses, so its per-address sign-in counter starts at zero. */
export function freshLoopback(): string {
  return `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
}

export const sessionCookieName = "next-auth.session-token";
