import { expect, test } from "@playwright/test";
import { createAccount, uniqueEmail } from "../helpers";

test.describe("[AUTH][HARDENING]", () => {
  test("[AUTH-01] brute force on one account gets 429 with Retry-After from the 11th failure in a minute, for real and unknown accounts alike", async ({ playwright, baseURL }) => {
    for (const exists of [true, false]) {
      const email = uniqueEmail(exists ? "brute" : "ghost");
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `10.0.${exists ? 1 : 2}.${Math.floor(Math.random() * 250)}` } });
      if (exists) await createAccount(ctx, email);
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 11; i++) {
        const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
        const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: `wrong password ${i}`, json: "true" } });
        statuses.push(res.status());
        retryAfter = res.headers()["retry-after"];
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      await ctx.dispose();
    }
  });

  test("[HDR-01][HDR-02] pages carry a nonce-based CSP and the usual security headers, and still hydrate", async ({ page }) => {
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const second = await page.request.get("/sign-in");
    expect(second.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]); // fresh nonce per request
    // Hydrated: the client-side form validation runs (no CSP violation blocked Next's scripts).
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  });

  test("[HDR-01] JSON routes carry fixed security headers, errors included", async ({ request }) => {
    for (const res of [await request.get("/api/health"), await request.post("/api/attempts", { data: {} }), await request.get("/api/no-such-route")]) {
      const headers = res.headers();
      expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["content-type"]).toContain("application/json");
    }
  });

  test("[AUTH-08] open redirects through callbackUrl are refused", async ({ page, request }) => {
    const email = uniqueEmail("redirect");
    await createAccount(request, email);
    await page.goto("/sign-in?callbackUrl=https://evil.example/steal");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/drills$/);
  });
});
