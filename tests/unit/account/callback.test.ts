import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/account/callback";
import { signUpSchema } from "@/lib/account/schema";

describe("[AUTH-08] safeCallbackPath refuses open redirects", () => {
  it.each([["/attempts/abc", "/attempts/abc"], ["/drills?x=1", "/drills?x=1"]])("keeps same-site path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
  it.each([["https://evil.example"], ["//evil.example"], ["/\\evil.example"], ["javascript:alert(1)"], [""], [undefined], ["/a\nb"]])("falls back for %s", (input) => {
    expect(safeCallbackPath(input)).toBe("/drills");
  });
});

describe("sign-up input", () => {
  it("normalises the email and requires 12+ character passwords", () => {
    expect(signUpSchema.parse({ email: "  Ada@Example.COM ", password: "twelve chars" }).email).toBe("ada@example.com");
    const result = signUpSchema.safeParse({ email: "ada@example.com", password: "eleven char" });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual(["password"]);
  });
});
