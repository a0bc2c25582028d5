export * from "./event-table";
export { simulateEvents } from "./simulate-events";
export type { SimulateEventsOptions, SimulatedEvents } from "./simulate-events";
export { parseEventsCsv, parseIsoSeconds } from "./parse-csv";
export type { ParsedEvents, MalformedRow } from "./parse-csv";
export { cleanEvents } from "./clean";
export type { CleanReport } from "./clean";
