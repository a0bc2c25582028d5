"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { EstimatesForm } from "@/components/estimates/estimates-form";
import type { AssumptionRow, EstimatesInput } from "@/lib/estimates";
import { submitAttempt } from "./submit-attempt";

/** Numbers mode of the scale drill: QPS, store size, training data and replicas at three scales. */
export function EstimatesAnswer({ drillSlug, assumptions }: { drillSlug: string; assumptions: AssumptionRow[] }) {
  const router = useRouter();
  const startedAt = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  useEffect(() => {
    startedAt.current = performance.now();
  }, []);

  async function onSubmit(values: EstimatesInput) {
    setPending(true);
    setError(null);
    const outcome = await submitAttempt({ drillSlug, mode: "estimate", answer: JSON.stringify(values), durationMs: Math.round(performance.now() - startedAt.current) });
    if ("error" in outcome) {
      setError(outcome.error);
      setPending(false);
      return;
    }
    router.push(outcome.url);
  }

  return (
    <section className="space-y-3" aria-label="Estimates answer">
      <EstimatesForm onSubmit={onSubmit} assumptions={assumptions} isPending={isPending} submitLabel="Submit estimates" />
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
    </section>
  );
}
