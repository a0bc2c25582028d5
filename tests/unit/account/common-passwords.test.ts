/** AUTH-06 at the unit level: breach-list favourites are refused, ordinary passphrases are not. */
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/account/common-passwords";
import { signUpSchema } from "@/lib/account/schema";

describe("[AUTH-06] common passwords", () => {
  it("refuses breach-list favourites of 12+ characters: word + padding, leetspeak, keyboard and digit runs, repeats", () => {
    for (const p of ["password1234", "Password123!", "P@ssw0rd2024", "iloveyou2024!", "qwertyuiop12", "123456789012", "1q2w3e4r5t6y", "aaaaaaaaaaaa", "abcabcabcabc", "welcome12345", "passwordpassword", "!!!!2024!!!!", "Qwerty123456"]) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it("accepts passphrases, with no composition rules (all lower-case is fine)", () => {
    for (const p of ["correct horse battery staple", "a long enough passphrase", "tulip garden", "onlylowercaseletters", "my cat eats password salad"]) {
      expect(isCommonPassword(p), p).toBe(false);
    }
  });

  it("sign-up refuses a common password on the password field", () => {
    const result = signUpSchema.safeParse({ email: "a@example.com", password: "password1234" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["password"]);
  });
});
