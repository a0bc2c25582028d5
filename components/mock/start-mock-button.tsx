"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts a mock (POST /api/mock) and opens it; phase 1's clock starts on the server at that moment. */
export function StartMockButton() {
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/mock", { method: "POST" });
      const body = (await res.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
      if (!res.ok || !body?.url) {
        setError(body?.error?.message ?? "Could not start the mock interview; try again.");
        setPending(false);
        return;
      }
      router.push(body.url);
    } catch {
      setError("Network error; try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button type="button" onClick={() => void start()} disabled={isPending}>{isPending ? "Starting…" : "Start a mock interview"}</Button>
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
