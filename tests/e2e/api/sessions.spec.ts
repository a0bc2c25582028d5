import { expect, test } from "@playwright/test";
import { createAccount, PASSWORD, signInApi, uniqueEmail } from "../helpers";

test.describe("[AUTH][SESSIONS]: old sessions really end", () => {
  test("sign out everywhere ends the session on every device", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("everywhere");
    const laptop = await playwright.request.newContext({ baseURL });
    const phone = await playwright.request.newContext({ baseURL });
    await createAccount(laptop, email);
    await signInApi(laptop, email);
    await signInApi(phone, email);
    expect((await phone.get("/api/attempts")).status()).toBe(200);

    expect((await laptop.post("/api/account/sign-out-everywhere")).status()).toBe(200);
    expect((await phone.get("/api/attempts")).status()).toBe(401);
    expect((await laptop.get("/api/attempts")).status()).toBe(401);
    await signInApi(phone, email);
    expect((await phone.get("/api/attempts")).status()).toBe(200);
    await laptop.dispose();
    await phone.dispose();
  });

  test("changing the password ends old sessions and the old password stops working", async ({ playwright, baseURL }) => {
    const email = uniqueEmail("pwchange");
    const a = await playwright.request.newContext({ baseURL });
    const b = await playwright.request.newContext({ baseURL });
    await createAccount(a, email);
    await signInApi(a, email);
    await signInApi(b, email);
    const wrong = await a.post("/api/account/password", { data: { currentPassword: "not it at all", newPassword: "a brand new passphrase" } });
    expect(wrong.status()).toBe(422);
    expect((await b.get("/api/attempts")).status()).toBe(200);

    const changed = await a.post("/api/account/password", { data: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" } });
    expect(changed.status()).toBe(200);
    expect((await b.get("/api/attempts")).status()).toBe(401);
    const fresh = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await fresh.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await fresh.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
    expect(((await (await fresh.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
    await signInApi(fresh, email, "a brand new passphrase");
    await Promise.all([a.dispose(), b.dispose(), fresh.dispose()]);
  });

  test("a tampered session token is refused with 401, never 500", async ({ playwright, baseURL }) => {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..tampered.token.value" } });
    const res = await ctx.get("/api/attempts");
    expect(res.status()).toBe(401);
    await ctx.dispose();
  });
});
