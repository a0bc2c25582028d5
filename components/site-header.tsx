import Link from "next/link";
import { getCurrentUser } from "@/lib/auth";
import { SignOutButton } from "@/components/account/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl items-center gap-6 px-4 py-3 text-sm" aria-label="Main">
        <Link href="/" className="font-semibold text-slate-900">
          Beyond the Model
        </Link>
        {user ? (
          <>
            <Link href="/drills" className="text-slate-600 hover:text-slate-900">Drills</Link>
            <Link href="/simulations" className="text-slate-600 hover:text-slate-900">Simulations</Link>
            <Link href="/predict" className="text-slate-600 hover:text-slate-900">Predict</Link>
            <Link href="/attempts" className="text-slate-600 hover:text-slate-900">History</Link>
            <Link href="/progress" className="text-slate-600 hover:text-slate-900">Progress</Link>
            <Link href="/review" className="text-slate-600 hover:text-slate-900">Review</Link>
            <Link href="/mock" className="text-slate-600 hover:text-slate-900">Mock</Link>
            <span className="ml-auto flex items-center gap-4">
              <Link href="/account" className="text-slate-600 hover:text-slate-900" title="Account">{user.email}</Link>
              <SignOutButton />
            </span>
          </>
        ) : (
          <span className="ml-auto flex items-center gap-4">
            <Link href="/sign-in" className="text-slate-600 hover:text-slate-900">Sign in</Link>
            <Link href="/sign-up" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">Create account</Link>
          </span>
        )}
      </nav>
    </header>
  );
}
