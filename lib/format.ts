/** Display helpers shared by pages (pure). */

/** 754_000 → "12 min 34 s"; under a minute → "34 s". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds} s`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${minutes} min ${seconds} s`;
}

/** Timer face: 65_000 → "01:05", 3_725_000 → "1:02:05". */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Built once: constructing an Intl formatter costs far more than formatting with it. */
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date) + " UTC";
}

export const DRILL_KIND_LABELS = {
  text: "Open answer",
  recitation: "Recitation",
  diagram: "Diagram",
  estimate: "Estimates",
  diagnosis: "Diagnosis",
} as const;
