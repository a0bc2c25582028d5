"use client";
// First: no zod eval probe under the CSP (lib/zod-browser.ts).
import "@/lib/zod-browser";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MIN_PASSWORD_CHARS } from "@/lib/account/schema";

type FieldErrors = Partial<Record<"email" | "password" | "name" | "form", string>>;

export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = (form.get("email") as string | null) ?? "";
    const password = (form.get("password") as string | null) ?? "";
    const name = (form.get("name") as string | null) ?? "";
    if (password.length < MIN_PASSWORD_CHARS) {
      setErrors({ password: `Use at least ${MIN_PASSWORD_CHARS} characters.` });
      return;
    }
    setPending(true);
    setErrors({});
    const res = await fetch("/api/account/sign-up", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, name: name || undefined }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string; issues?: { field: string; message: string }[] } } | null;
      const next: FieldErrors = {};
      for (const issue of body?.error?.issues ?? []) next[(issue.field as keyof FieldErrors) ?? "form"] = issue.message;
      if (Object.keys(next).length === 0) next.form = body?.error?.message ?? "Could not create the account.";
      setErrors(next);
      setPending(false);
      return;
    }
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setErrors({ form: "Account created, but signing in failed. Try signing in." });
      return;
    }
    router.push("/drills");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="name" name="name" label="Name (optional)" autoComplete="name" error={errors.name} />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <Field id="password" name="password" type="password" label={`Password (at least ${MIN_PASSWORD_CHARS} characters)`} autoComplete="new-password" required error={errors.password} />
      {errors.form ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{errors.form}</p> : null}
      <Button type="submit" disabled={isPending} className="w-full">{isPending ? "Creating…" : "Create account"}</Button>
    </form>
  );
}
