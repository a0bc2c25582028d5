export { psi, ksTest, quantileEdges } from "./drift";
export { createAlertRecords, stepAlert } from "./alerts";
export type { AlertRule, AlertRecord, AlertState, AlertSeverity, AlertTransition, RuleSample } from "./alerts";
export { buildAlertRules } from "./rules";
export { runMonitoring, psiThresholdFor } from "./monitor";
export type { MonitorInput, MonitoringReport, TickReport, Scored } from "./monitor";
