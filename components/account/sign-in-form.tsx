"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm({ callbackPath, hasGithub }: { callbackPath: string; hasGithub: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: (form.get("email") as string | null) ?? "", password: (form.get("password") as string | null) ?? "", redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.status === 429 ? "Too many attempts; wait a minute and try again." : "Email or password is incorrect.");
      return;
    }
    router.push(callbackPath);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
        <Button type="submit" disabled={isPending} className="w-full">{isPending ? "Signing in…" : "Sign in"}</Button>
      </form>
      {hasGithub ? (
        <Button type="button" variant="secondary" className="w-full" onClick={() => void signIn("github", { callbackUrl: callbackPath })}>
          Continue with GitHub
        </Button>
      ) : null}
    </div>
  );
}
