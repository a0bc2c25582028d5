import type { Metadata } from "next";
import { AppLink } from "@/components/app-link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/sign-up-form";
import { getCurrentUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/drills");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <SignUpForm />
      <p className="text-sm text-slate-600">
        Already have one? <AppLink href="/sign-in" className="font-medium text-brand-600 hover:underline">Sign in</AppLink>
      </p>
    </div>
  );
}
