"use client";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_NODE_LABEL_CHARS } from "@/lib/diagram";

type Props = {
  quickAddLabels: readonly string[];
  boxes: readonly { id: string; label: string }[];
  canAddBox: boolean;
  hasSelection: boolean;
  onAddBox: (label: string) => void;
  onAddArrow: (source: string, target: string) => void;
  onDeleteSelected: () => void;
  onReverseSelected: () => void;
};

/** Palette and keyboard-friendly controls: add boxes, add an arrow by picking its ends, delete or reverse the selection. */
export function DiagramToolbar({ quickAddLabels, boxes, canAddBox, hasSelection, onAddBox, onAddArrow, onDeleteSelected, onReverseSelected }: Props) {
  const ids = { label: useId(), from: useId(), to: useId() };
  const [label, setLabel] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");

  function submitBox(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!label.trim()) return;
    onAddBox(label.trim());
    setLabel("");
  }

  function submitArrow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (from && to) onAddArrow(from, to);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submitBox} className="flex flex-wrap items-end gap-2">
        <div className="grow space-y-1">
          <label htmlFor={ids.label} className="block text-sm font-medium text-slate-700">Component label</label>
          <input id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={MAX_NODE_LABEL_CHARS} placeholder="e.g. Candidate generation" className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <Button type="submit" disabled={!canAddBox || !label.trim()}>Add box</Button>
      </form>

      <div role="group" aria-label="Quick add components" className="flex flex-wrap gap-1.5">
        {quickAddLabels.map((quick) => (
          <button key={quick} type="button" disabled={!canAddBox} onClick={() => onAddBox(quick)} aria-label={`Add ${quick}`} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">
            + {quick}
          </button>
        ))}
      </div>

      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={submitArrow} className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={ids.from} className="block text-sm font-medium text-slate-700">Arrow from</label>
            <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
              <option value="">Choose a box</option>
              {boxes.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={ids.to} className="block text-sm font-medium text-slate-700">Arrow to</label>
            <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value)} className="rounded-md border border-slate-300 px-2 py-2 text-sm">
              <option value="">Choose a box</option>
              {boxes.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={!from || !to || from === to}>Add arrow</Button>
        </form>
        <Button type="button" variant="secondary" disabled={!hasSelection} onClick={onReverseSelected}>Reverse selected arrows</Button>
        <Button type="button" variant="danger" disabled={!hasSelection} onClick={onDeleteSelected}>Delete selected</Button>
      </div>
    </div>
  );
}
