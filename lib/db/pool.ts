import type pg from "pg";
import { log } from "@/lib/log";

/**
 * A pg.Pool emits "error" when an idle connection dies (PostgreSQL restarted, a network blip); with
 * no listener Node treats that as an uncaught error and the process exits. Log it instead: the
 * pool drops the dead connection and opens a new one on the next query.
 */
export function watchPool(pool: pg.Pool, name: string): pg.Pool {
  pool.on("error", (error) => log.warn({ pool: name, error: error.message }, "idle database connection lost"));
  return pool;
}
