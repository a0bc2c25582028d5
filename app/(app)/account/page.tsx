import type { Metadata } from "next";
import { AccountActions } from "@/components/account/account-actions";
import { requirePageUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="max-w-lg space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Account</h1>
        <p className="text-slate-600">Signed in as {user.email}</p>
      </header>
      <AccountActions />
    </div>
  );
}
