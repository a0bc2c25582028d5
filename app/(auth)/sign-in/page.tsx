import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { getCurrentUser } from "@/lib/auth";
import { isGithubEnabled, getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/account/callback";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <SignInForm callbackPath={destination} hasGithub={isGithubEnabled(getEnv())} />
      <p className="text-sm text-slate-600">
        New here? <AppLink href="/sign-up" className="font-medium text-brand-600 hover:underline">Create an account</AppLink>
      </p>
    </div>
  );
}
