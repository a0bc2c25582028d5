import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeJwt, encodeJwt } from "@/lib/auth/jwt";

const secret = "a-test-secret-that-is-long-enough-000000";

describe("session JWT with a cached derived key", () => {
  it("reads next-auth's own tokens and next-auth reads ours (same format)", async () => {
    const token = { uid: "u1", sv: 3, email: "a@example.com" };
    expect(await decodeJwt({ token: await encode({ token, secret }), secret })).toMatchObject(token);
    expect(await decode({ token: await encodeJwt({ token, secret }), secret })).toMatchObject(token);
  });

  it("[SESS-05] refuses a token made with another secret or tampered with", async () => {
    const jwt = await encodeJwt({ token: { uid: "u1" }, secret });
    await expect(decodeJwt({ token: jwt, secret: `${secret}-other` })).rejects.toThrow();
    const tampered = `${jwt.slice(0, -4)}${jwt.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeJwt({ token: tampered, secret })).rejects.toThrow();
  });

  it("sets an expiry from maxAge and a fresh id per token", async () => {
    const a = await decodeJwt({ token: await encodeJwt({ token: {}, secret, maxAge: 60 }), secret });
    const b = await decodeJwt({ token: await encodeJwt({ token: {}, secret, maxAge: 60 }), secret });
    expect(Number(a?.exp) - Number(a?.iat)).toBe(60);
    expect(a?.jti).not.toBe(b?.jti);
  });
});
