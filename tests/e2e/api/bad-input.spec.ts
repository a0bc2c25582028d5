import { expect, test } from "@playwright/test";
import { createAccount, signInApi, uniqueEmail } from "../helpers";

type ErrorBody = { error: { code: string; message: string; issues?: { field: string }[] } };

test.describe("[API][BAD-INPUT][VAL-01]: clear errors naming the field, nothing half-saved", () => {
  test("attempt submissions", async ({ request }) => {
    const email = uniqueEmail("badinput");
    await createAccount(request, email);
    await signInApi(request, email);
    const count = async () => ((await (await request.get("/api/attempts")).json()) as { attempts: unknown[] }).attempts.length;
    const post = (data: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
      request.post("/api/attempts", { data: Buffer.from(typeof data === "string" ? data : JSON.stringify(data)), headers });

    const cases: { name: string; body: unknown; status: number; field?: string }[] = [
      { name: "empty answer", body: { drillSlug: "tradeoffs", answer: "", durationMs: 1 }, status: 422, field: "answer" },
      { name: "oversized answer", body: { drillSlug: "tradeoffs", answer: "a".repeat(10_001), durationMs: 1 }, status: 422, field: "answer" },
      { name: "unknown drill", body: { drillSlug: "no-such-drill", answer: "text", durationMs: 1 }, status: 404, field: "drillSlug" },
      { name: "path trick in slug", body: { drillSlug: "../../etc/passwd", answer: "text", durationMs: 1 }, status: 422, field: "drillSlug" },
      { name: "answer of the wrong type", body: { drillSlug: "tradeoffs", answer: ["a"], durationMs: 1 }, status: 422, field: "answer" },
      { name: "negative duration", body: { drillSlug: "tradeoffs", answer: "text", durationMs: -5 }, status: 422, field: "durationMs" },
      { name: "malformed JSON", body: '{"drillSlug": "tradeoffs", ', status: 400 },
    ];
    for (const c of cases) {
      const res = await post(c.body);
      expect(res.status(), c.name).toBe(c.status);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.message, c.name).not.toMatch(/at .*\.(js|ts):\d+|prisma|SELECT/i);
      if (c.field) expect(body.error.issues?.map((i) => i.field), c.name).toContain(c.field);
    }
    const notJson = await post("answer=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(notJson.status()).toBe(415);
    const huge = await post({ drillSlug: "tradeoffs", answer: "a".repeat(70_000), durationMs: 1 });
    expect(huge.status()).toBe(413);
    expect(await count()).toBe(0);

    const ok = await post({ drillSlug: "tradeoffs", answer: "a".repeat(10_000), durationMs: 1 });
    expect(ok.status()).toBe(201);
    expect(await count()).toBe(1);
  });

  test("[AUTH-06] sign-up: duplicate email, short password, bad email", async ({ request }) => {
    const email = uniqueEmail("dup");
    await createAccount(request, email);
    const dup = await request.post("/api/account/sign-up", { data: { email: email.toUpperCase(), password: "another long password" } });
    expect(dup.status()).toBe(409);
    expect(((await dup.json()) as ErrorBody).error.issues?.[0]?.field).toBe("email");
    const short = await request.post("/api/account/sign-up", { data: { email: uniqueEmail("short"), password: "elevenchars" } });
    expect(short.status()).toBe(422);
    expect(((await short.json()) as ErrorBody).error.issues?.map((i) => i.field)).toEqual(["password"]);
    const bad = await request.post("/api/account/sign-up", { data: { email: "not-an-email", password: "long enough password" } });
    expect(((await bad.json()) as ErrorBody).error.issues?.map((i) => i.field)).toEqual(["email"]);
  });

  test("[AZ-04] signed-out callers get 401 from every private route", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get("/api/attempts")).status()).toBe(401);
    expect((await anonymous.post("/api/attempts", { data: { drillSlug: "tradeoffs", answer: "x", durationMs: 1 } })).status()).toBe(401);
    expect((await anonymous.get("/api/attempts/anything")).status()).toBe(401);
    expect((await anonymous.post("/api/account/sign-out-everywhere")).status()).toBe(401);
    await anonymous.dispose();
  });
});
