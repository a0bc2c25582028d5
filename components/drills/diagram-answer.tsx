"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { DiagramEditor } from "@/components/diagram/diagram-editor";
import { Button } from "@/components/ui/button";
import { EMPTY_DIAGRAM, type Diagram } from "@/lib/diagram";
import { submitAttempt } from "./submit-attempt";

/** Diagram mode of the whiteboard drill: place components, draw the data flow, submit the graph. */
export function DiagramAnswer({ drillSlug }: { drillSlug: string }) {
  const router = useRouter();
  const draftKey = `draft-diagram:${drillSlug}`;
  const startedAt = useRef(0);
  const [diagram, setDiagram] = useState<Diagram>(EMPTY_DIAGRAM);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    startedAt.current = performance.now();
    const saved = window.sessionStorage.getItem(draftKey);
    if (saved) {
      try {
        setDiagram(JSON.parse(saved) as Diagram);
      } catch {
        window.sessionStorage.removeItem(draftKey);
      }
    }
  }, [draftKey]);

  async function submit() {
    if (diagram.nodes.length === 0) {
      setError("Add at least one component before submitting.");
      return;
    }
    setPending(true);
    setError(null);
    const outcome = await submitAttempt({ drillSlug, mode: "diagram", answer: JSON.stringify(diagram), durationMs: Math.round(performance.now() - startedAt.current) });
    if ("error" in outcome) {
      setError(outcome.error);
      setPending(false);
      return;
    }
    window.sessionStorage.removeItem(draftKey);
    router.push(outcome.url);
  }

  return (
    <section className="space-y-3" aria-label="Diagram answer">
      <p className="text-sm text-slate-600">Add a box per component, then drag from a box’s edge to another box to draw the data flow. Arrows snap to boxes.</p>
      <DiagramEditor
        value={diagram}
        onChange={(next) => {
          setDiagram(next);
          window.sessionStorage.setItem(draftKey, JSON.stringify(next));
        }}
      />
      {error ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{error}</p> : null}
      <Button type="button" onClick={() => void submit()} disabled={isPending}>{isPending ? "Submitting…" : "Submit diagram"}</Button>
    </section>
  );
}
