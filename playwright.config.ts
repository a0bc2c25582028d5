import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive a real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) against the
 * app started exactly as `npm start` starts it, on its own port and its own embedded PostgreSQL.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromium) {
  throw new Error("No Chromium found for the end-to-end tests. Install it (`apt-get install -y chromium`) or set CHROMIUM_PATH.");
}

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: { baseURL: `http://localhost:${PORT}`, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    // SIGTERM lets the supervisor stop Next and its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PGDATA_DIR: ".pgdata/e2e",
      NEXT_DIST_DIR: ".next-e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "5435",
      LOG_LEVEL: "warn",
      MOCK_TIME_SCALE: "0.02",
    },
  },
});
