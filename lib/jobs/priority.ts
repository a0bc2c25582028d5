/**
 * Simulation work is batch work: the worker, each run's training process and the PostgreSQL backend
 * that copies a finished run's views run at niceness PIPELINE_NICE (default 19, the lowest; 0 = off), so that,
 * when they share a machine with the web server, the kernel gives requests the CPU first. At 19 a
 * saturated web server leaves training ~1.5% of the CPU instead of ~10% at 10 (CFS weights 15 and 110
 * against 1024): pages at 50 connections while a 1M-event run trains went from p99 ~430 to ~370 ms.
 * A run slowed this way still has its 15-minute deadline (a 1M-event run takes about a minute).
 *
 * The training process also goes into Linux's idle scheduling class (SCHED_IDLE, via util-linux's
 * `chrt`). Even at niceness 19 it took 2–9% of a core while pages saturated the CPU: it runs whenever a
 * web process briefly waits on the database, and a waking web process then waits out the rest of its
 * slice. An idle-class task gives way at once and is not placed on a core a web process could use.
 */
import { execFile } from "node:child_process";
import os from "node:os";
import type { Logger } from "@/lib/log";

/** PIPELINE_NICE as a valid niceness (0–19; anything unreadable counts as 0, i.e. off). */
export function pipelineNice(): number {
  const nice = Number(process.env.PIPELINE_NICE ?? 19);
  return Number.isInteger(nice) ? Math.min(19, Math.max(0, nice)) : 0;
}

/**
 * Lowers a process's priority to PIPELINE_NICE and, with `idle`, also puts all its threads in the idle
 * scheduling class; a failure is logged, never thrown (without `chrt` the niceness alone applies).
 */
export function lowerPriority(pid: number | undefined, what: string, log: Pick<Logger, "warn">, { idle = false }: { idle?: boolean } = {}): void {
  const nice = pipelineNice();
  if (pid === undefined || nice === 0) return;
  try {
    os.setPriority(pid, nice);
  } catch (error) {
    log.warn({ error: (error as Error).message }, `could not lower the ${what}'s priority`);
  }
  if (!idle) return;
  execFile("chrt", ["--idle", "--all-tasks", "--pid", "0", String(pid)], (error) => {
    if (error) log.warn({ error: error.message }, `could not put the ${what} in the idle scheduling class`);
  });
}
