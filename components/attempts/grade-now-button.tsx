"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function GradeNowButton({ attemptId }: { attemptId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    setError(null);
    const res = await fetch(`/api/attempts/${attemptId}/grade`, { method: "POST" });
    setPending(false);
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? "Grading failed; try again shortly.");
      return;
    }
    router.refresh();
  }
  return (
    <div className="mt-3 space-y-2">
      <Button type="button" onClick={() => void onClick()} disabled={isPending}>{isPending ? "Grading…" : "Grade now"}</Button>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
