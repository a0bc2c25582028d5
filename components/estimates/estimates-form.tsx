"use client";
/**
 * The scale-estimates table: rows are the four quantities, columns 1M / 100M / 1B users. Cells take
 * plain or shorthand numbers ("694k", "1.2M", "1e5", "10^5"); blanks are allowed. `onSubmit` gets
 * values parsed by the shared `estimatesInputSchema`; `result` (from `checkEstimates`) adds a ✓/✗,
 * the expected value and the arithmetic under each cell. Props are DTOs; no data access.
 *
 * Inputs are labelled "<quantity> at <scale>", e.g. getByLabel("Peak QPS at 1B users").
 */
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import {
  ESTIMATE_FIELDS, ESTIMATE_SCALES, estimatesInputSchema, formatEstimate, parseEstimateText,
  type AssumptionRow, type EstimateField, type EstimatesCheck, type EstimatesInput, type ScaleKey,
} from "@/lib/estimates";

type CellKey = `${ScaleKey}.${EstimateField}`;

export type EstimatesFormProps = {
  onSubmit: (values: EstimatesInput) => void | Promise<void>;
  /** The checked answer; renders per-cell verdicts. */
  result?: EstimatesCheck | null;
  /** Assumptions to show above the table (from `describeAssumptions()`). */
  assumptions?: readonly AssumptionRow[];
  /** Pre-filled cells, e.g. the last submitted answer. */
  defaultValues?: EstimatesInput;
  isPending?: boolean;
  submitLabel?: string;
};

const cellKey = (scale: ScaleKey, field: EstimateField): CellKey => `${scale}.${field}`;

function initialText(values: EstimatesInput | undefined): Partial<Record<CellKey, string>> {
  const text: Partial<Record<CellKey, string>> = {};
  for (const { key: scale } of ESTIMATE_SCALES) {
    for (const { key: field } of ESTIMATE_FIELDS) {
      const value = values?.[scale][field];
      if (value !== undefined) text[cellKey(scale, field)] = String(value);
    }
  }
  return text;
}

export function EstimatesForm({ onSubmit, result = null, assumptions = [], defaultValues, isPending = false, submitLabel = "Check estimates" }: EstimatesFormProps) {
  const formId = useId();
  const [text, setText] = useState(() => initialText(defaultValues));
  const [errors, setErrors] = useState<Partial<Record<CellKey, string>>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nextErrors: Partial<Record<CellKey, string>> = {};
    const raw: Record<string, Record<string, number>> = {};
    for (const { key: scale } of ESTIMATE_SCALES) {
      raw[scale] = {};
      for (const { key: field } of ESTIMATE_FIELDS) {
        const entry = text[cellKey(scale, field)]?.trim() ?? "";
        if (!entry) continue;
        const value = parseEstimateText(entry);
        if (value === null) nextErrors[cellKey(scale, field)] = "Enter a number, e.g. 350, 35k or 1.2e5";
        else raw[scale][field] = value;
      }
    }
    const parsed = estimatesInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [scale, field] = issue.path;
        if (typeof scale === "string" && typeof field === "string") nextErrors[`${scale}.${field}` as CellKey] = issue.message;
      }
    }
    setErrors(nextErrors);
    if (parsed.success && Object.keys(nextErrors).length === 0) await onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={assumptions.length > 0 ? `${formId}-assumptions` : undefined}>
      {assumptions.length > 0 ? (
        <section id={`${formId}-assumptions`} aria-label="Assumptions" className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
          <h3 className="mb-1 font-semibold text-slate-900">Assumptions</h3>
          <ul className="grid gap-x-6 gap-y-0.5 sm:grid-cols-2">
            {assumptions.map((a) => (
              <li key={a.key} className="flex justify-between gap-2">
                <span>{a.label}</span>
                <span className="font-medium tabular-nums text-slate-900">{a.value.toLocaleString("en-US")}{a.unit ? ` ${a.unit}` : ""}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-slate-500">A day has 86,400 s. QPS is the peak, not the average.</p>
        </section>
      ) : null}

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Scale estimates by number of daily active users</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-slate-200 p-2 text-left font-semibold text-slate-900">Quantity</th>
              {ESTIMATE_SCALES.map((s) => <th key={s.key} scope="col" className="border-b border-slate-200 p-2 text-left font-semibold text-slate-900">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {ESTIMATE_FIELDS.map((field) => (
              <tr key={field.key} className="align-top">
                <th scope="row" className="border-b border-slate-100 p-2 text-left font-medium text-slate-800">
                  {field.label}
                  <span className="block text-xs font-normal text-slate-500">{field.unit}</span>
                </th>
                {ESTIMATE_SCALES.map((scale) => {
                  const key = cellKey(scale.key, field.key);
                  const inputId = `${formId}-${scale.key}-${field.key}`;
                  const error = errors[key];
                  const cell = result?.cells[scale.key][field.key];
                  return (
                    <td key={scale.key} className="border-b border-slate-100 p-2">
                      <label htmlFor={inputId} className="sr-only">{`${field.label} at ${scale.label}`}</label>
                      <input
                        id={inputId}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        value={text[key] ?? ""}
                        onChange={(e) => setText((current) => ({ ...current, [key]: e.target.value }))}
                        aria-invalid={Boolean(error)}
                        aria-describedby={[error ? `${inputId}-error` : null, cell ? `${inputId}-result` : null].filter(Boolean).join(" ") || undefined}
                        className="block w-full min-w-[7rem] rounded-md border border-slate-300 px-2 py-1.5 tabular-nums"
                      />
                      {error ? <p id={`${inputId}-error`} className="mt-1 text-xs text-red-700">{error}</p> : null}
                      {cell ? (
                        <div id={`${inputId}-result`} data-testid={`estimate-result-${scale.key}-${field.key}`} data-within={cell.withinTolerance} className="mt-1 text-xs">
                          <p className={cell.withinTolerance ? "font-semibold text-green-700" : "font-semibold text-red-700"}>
                            <span aria-hidden>{cell.withinTolerance ? "✓" : "✗"}</span>{" "}
                            <span className="sr-only">{cell.withinTolerance ? "Within tolerance." : "Outside tolerance."}</span>
                            Expected {formatEstimate(field.key, cell.expected)}
                          </p>
                          <p className="text-slate-600">{cell.message}</p>
                          <p className="text-slate-500">{cell.explanation}</p>
                        </div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {result ? (
        <p role="status" className="text-sm font-medium text-slate-900">
          {result.summary} Score {result.score} · {result.level === "below" ? "Below E5" : result.level}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>{isPending ? "Checking…" : submitLabel}</Button>
    </form>
  );
}
