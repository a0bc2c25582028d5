/**
 * Alert rules with the Prometheus life cycle: a rule whose condition holds becomes `pending`;
 * if it keeps holding for `forTicks` evaluation intervals it is `firing`; when the condition
 * clears a firing alert is `resolved` (a pending one goes back to `inactive`). A tick without
 * data (null) leaves the state unchanged.
 * @see https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/
 */
export type AlertSeverity = "page" | "ticket";
export type AlertState = "inactive" | "pending" | "firing" | "resolved";

export type AlertRule = { component: string; kind: string; severity: AlertSeverity; forTicks: number; threshold: number; summary: string };
export type AlertTransition = { tick: number; at: string; from: AlertState; to: AlertState; value: number };
export type AlertRecord = {
  component: string;
  kind: string;
  severity: AlertSeverity;
  state: AlertState;
  hasFired: boolean;
  threshold: number;
  summary: string;
  firstFiredAt: string | null;
  maxValue: number;
  transitions: AlertTransition[];
};

/** One evaluation: value vs threshold already decided into isActive; null = no data. */
export type RuleSample = { isActive: boolean | null; value: number };

export function createAlertRecords(rules: AlertRule[]): AlertRecord[] {
  return rules.map((r) => ({ component: r.component, kind: r.kind, severity: r.severity, state: "inactive", hasFired: false, threshold: r.threshold, summary: r.summary, firstFiredAt: null, maxValue: -Infinity, transitions: [] }));
}

export function stepAlert(rec: AlertRecord, rule: AlertRule, sample: RuleSample, tick: number, at: string, heldFor: number): number {
  if (Number.isFinite(sample.value)) rec.maxValue = Math.max(rec.maxValue, sample.value);
  if (sample.isActive === null) return heldFor;
  const move = (to: AlertState) => {
    rec.transitions.push({ tick, at, from: rec.state, to, value: sample.value });
    rec.state = to;
    if (to === "firing" && !rec.hasFired) {
      rec.hasFired = true;
      rec.firstFiredAt = at;
    }
  };
  if (sample.isActive) {
    const held = heldFor + 1;
    if (rec.state !== "firing" && held - 1 >= rule.forTicks) move("firing");
    else if (rec.state === "inactive" || rec.state === "resolved") move("pending");
    return held;
  }
  if (rec.state === "firing") move("resolved");
  else if (rec.state === "pending") move("inactive");
  return 0;
}
