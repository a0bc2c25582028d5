/** Number formatting for the arithmetic explanations: 3 significant digits, k/M/B suffixes. */

const SIG3 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 694_444 → "694k", 34_722 → "34.7k", 0.5632 → "0.563", 1.2e9 → "1.2B". */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${SIG3.format(value / 1e9)}B`;
  if (abs >= 1e6) return `${SIG3.format(value / 1e6)}M`;
  if (abs >= 1e3) return `${SIG3.format(value / 1e3)}k`;
  return SIG3.format(value);
}

/** 86_400 → "86,400". */
export function formatGrouped(value: number): string {
  return GROUPED.format(value);
}

/** 563.2 → "563 GB", 12_000 → "12,000 GB (12 TB)"; `per` adds a rate: "12 GB/day". */
export function formatGb(value: number, per = ""): string {
  const gb = `${SIG3.format(value)} GB${per}`;
  return value >= 1000 ? `${gb} (${SIG3.format(value / 1000)} TB${per})` : gb;
}

/** Formats a value in a field's unit. */
export function formatEstimate(field: "qps" | "onlineStoreGb" | "trainingGbPerDay" | "servingReplicas", value: number): string {
  switch (field) {
    case "qps": return `${formatCompact(value)} QPS`;
    case "onlineStoreGb": return formatGb(value);
    case "trainingGbPerDay": return formatGb(value, "/day");
    case "servingReplicas": return `${formatGrouped(value)} ${value === 1 ? "replica" : "replicas"}`;
  }
}

/**
 * Parses what a learner types in an estimate cell: "694k", "1.2M", "3B", "1e5", "10^5",
 * "1.2 x 10^5", "100,000". Returns null when it is not a number.
 */
export function parseEstimateText(text: string): number | null {
  const compact = text.trim().toLowerCase().replace(/[,_\s]/g, "");
  if (compact === "") return null;
  const power = /^(?:(\d+(?:\.\d+)?)(?:x|\*|×))?10\^(-?\d+)$/.exec(compact);
  if (power) return Number(power[1] ?? "1") * 10 ** Number(power[2]);
  const suffixed = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)([kmb]?)$/.exec(compact);
  if (!suffixed) return null;
  const multiplier = { "": 1, k: 1e3, m: 1e6, b: 1e9 }[suffixed[2] as "" | "k" | "m" | "b"];
  const value = Number(suffixed[1]) * multiplier;
  return Number.isFinite(value) ? value : null;
}
