import { z } from "zod";
import { isCommonPassword } from "@/lib/account/common-passwords";
import { hasInvisibleFormatting, isStorableText } from "@/lib/text-safety";

export const MIN_PASSWORD_CHARS = 12;
export const MAX_PASSWORD_CHARS = 256;

export const emailSchema = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .max(254, "email must be at most 254 characters")
  .pipe(z.email({ error: "email must be a valid email address" }));

export const passwordSchema = z
  .string({ error: "password is required" })
  .min(MIN_PASSWORD_CHARS, `password must be at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `password must be at most ${MAX_PASSWORD_CHARS} characters`)
  .refine((p) => !isCommonPassword(p), "password is one of the most common passwords; choose another");

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z
    .string()
    // checked before trimming: trim() would silently drop a leading BOM
    .refine(isStorableText, "name must be valid text without NUL characters")
    .refine((s) => !hasInvisibleFormatting(s), "name must not contain invisible or direction-changing characters")
    .trim()
    .max(80, "name must be at most 80 characters")
    .optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "currentPassword is required" }).min(1, "currentPassword is required").max(MAX_PASSWORD_CHARS),
  newPassword: passwordSchema,
});
