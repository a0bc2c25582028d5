import { AppLink } from "@/components/app-link";
import { getCurrentUser } from "@/lib/auth";
import { SignOutButton } from "@/components/account/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav className="mx-auto flex max-w-5xl items-center gap-6 px-4 py-3 text-sm" aria-label="Main">
        <AppLink href="/" className="font-semibold text-slate-900">
          Beyond the Model
        </AppLink>
        {user ? (
          <>
            <AppLink href="/drills" className="text-slate-600 hover:text-slate-900">Drills</AppLink>
            <AppLink href="/simulations" className="text-slate-600 hover:text-slate-900">Simulations</AppLink>
            <AppLink href="/predict" className="text-slate-600 hover:text-slate-900">Predict</AppLink>
            <AppLink href="/attempts" className="text-slate-600 hover:text-slate-900">History</AppLink>
            <AppLink href="/progress" className="text-slate-600 hover:text-slate-900">Progress</AppLink>
            <AppLink href="/review" className="text-slate-600 hover:text-slate-900">Review</AppLink>
            <AppLink href="/mock" className="text-slate-600 hover:text-slate-900">Mock</AppLink>
            <span className="ml-auto flex items-center gap-4">
              <AppLink href="/account" className="text-slate-600 hover:text-slate-900" title="Account">{user.email}</AppLink>
              <SignOutButton />
            </span>
          </>
        ) : (
          <span className="ml-auto flex items-center gap-4">
            <AppLink href="/sign-in" className="text-slate-600 hover:text-slate-900">Sign in</AppLink>
            <AppLink href="/sign-up" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">Create account</AppLink>
          </span>
        )}
      </nav>
    </header>
  );
}
