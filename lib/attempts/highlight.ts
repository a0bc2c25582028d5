/**
 * Splits an answer into plain and highlighted segments from evidence spans ([start, end) character
 * offsets). Overlapping spans merge into one highlight carrying every label that covers it.
 */
export type Span = { start: number; end: number; label: string };
export type Segment = { text: string; labels: string[] };

export function segmentAnswer(text: string, spans: Span[]): Segment[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const labels = valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.label);
    const last = segments.at(-1);
    const piece = text.slice(from, to);
    if (last && last.labels.join() === labels.join()) last.text += piece;
    else segments.push({ text: piece, labels });
  }
  return segments.filter((s) => s.text.length > 0);
}
