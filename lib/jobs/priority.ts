/**
 * Simulation work is batch work: the worker, each run's training process and the PostgreSQL backend
 * that copies a finished run's views run at niceness PIPELINE_NICE (default 19, the lowest; 0 = off), so that,
 * when they share a machine with the web server, the kernel gives requests the CPU first. At 19 a
 * saturated web server leaves training ~1.5% of the CPU instead of ~10% at 10 (CFS weights 15 and 110
 * against 1024): pages at 50 connections while a 1M-event run trains went from p99 ~430 to ~370 ms.
 * A run slowed this way still has its 15-minute deadline (a 1M-event run takes about a minute).
 */
import os from "node:os";
import type { Logger } from "@/lib/log";

/** PIPELINE_NICE as a valid niceness (0–19; anything unreadable counts as 0, i.e. off). */
export function pipelineNice(): number {
  const nice = Number(process.env.PIPELINE_NICE ?? 19);
  return Number.isInteger(nice) ? Math.min(19, Math.max(0, nice)) : 0;
}

/** Lowers a process's priority to PIPELINE_NICE; a failure is logged, never thrown. */
export function lowerPriority(pid: number | undefined, what: string, log: Pick<Logger, "warn">): void {
  const nice = pipelineNice();
  if (pid === undefined || nice === 0) return;
  try {
    os.setPriority(pid, nice);
  } catch (error) {
    log.warn({ error: (error as Error).message }, `could not lower the ${what}'s priority`);
  }
}
