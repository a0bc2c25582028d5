"use client";
// First: no zod eval probe under the CSP (lib/zod-browser.ts).
import "@/lib/zod-browser";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { MIN_PASSWORD_CHARS } from "@/lib/account/schema";

export function AccountActions() {
  const [error, setError] = useState<string | null>(null);

  async function post(url: string, body?: unknown) {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? "Something went wrong.");
      return false;
    }
    await signOut({ callbackUrl: "/sign-in" });
    return true;
  }

  async function onChangePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    await post("/api/account/password", { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
  }

  return (
    <div className="space-y-4">
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
      <Card className="space-y-3">
        <h2 className="font-semibold">Change password</h2>
        <p className="text-sm text-slate-600">Changing it signs you out on every device.</p>
        <form onSubmit={onChangePassword} className="space-y-3">
          <Field id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required />
          <Field id="newPassword" name="newPassword" type="password" label={`New password (at least ${MIN_PASSWORD_CHARS} characters)`} autoComplete="new-password" required minLength={MIN_PASSWORD_CHARS} />
          <Button type="submit">Change password</Button>
        </form>
      </Card>
      <Card className="space-y-3">
        <h2 className="font-semibold">Sign out everywhere</h2>
        <p className="text-sm text-slate-600">Ends every session on every device, including this one.</p>
        <Button type="button" variant="danger" onClick={() => void post("/api/account/sign-out-everywhere")}>Sign out everywhere</Button>
      </Card>
    </div>
  );
}
