/**
 * Ports: everything the engine needs from the outside world. The engine never reads the wall
 * clock, Math.random, process.env, files or the database itself; the shell (CLI, job runner,
 * tests) passes these in.
 * @see ../../../shared/STYLE.md §2 (pure core, imperative shell)
 */
import type { FeatureStore } from "./feature-store/types";
import type { ServingBundle } from "./serving/bundle";

/** Wall-clock time for run metadata (createdAt, materialisation times). */
export type Clock = () => Date;
/** Uniform [0, 1) from a seeded generator. */
export type Rng = () => number;
/** Monotonic high-resolution time in milliseconds (performance.now in Node). */
export type Timer = () => number;
/** Process memory probe; bytes. */
export type MemoryProbe = () => { rssBytes: number; heapUsedBytes: number; externalBytes: number };

/** A byte stream of an event CSV (user_id,post_id,action,timestamp,device). */
export type ByteSource = () => AsyncIterable<Uint8Array>;

export type PipelinePorts = {
  clock: Clock;
  timer: Timer;
  memory?: MemoryProbe;
  /** Required when config.data.source is "file". */
  openEvents?: ByteSource;
  /** Defaults to a fresh in-memory store. */
  featureStore?: FeatureStore;
};

export type StageProgress = {
  stage: string;
  status: "started" | "finished" | "failed";
  /** Overall fraction of the run done, 0..1. */
  fraction: number;
  seconds?: number;
};

export type RunOptions = {
  onProgress?: (progress: StageProgress) => void;
  /** Called once after a successful run with what serving needs (the worker stores it for /api/predict). */
  onServingBundle?: (bundle: ServingBundle) => Promise<void> | void;
};
