export type * from "./types";
export { pairKey } from "./types";
export { createInMemoryFeatureStore } from "./in-memory";
