/**
 * The one place that imports TensorFlow.js and picks the backend: the native Node backend when
 * `@tensorflow/tfjs-node` happens to be installed (optional dependency), else WebAssembly (SIMD),
 * else the pure-JS cpu backend. setBackend can silently fail (it returns false), so the result is
 * checked and reported.
 * @see ../../../../shared/TOOLCHAIN.md §5
 */
import * as tf from "@tensorflow/tfjs";

export { tf };

export type BackendInfo = { name: string; requested: string; isFallback: boolean; note?: string };

let ready: Promise<BackendInfo> | null = null;

export function initTf(): Promise<BackendInfo> {
  ready ??= pickBackend();
  return ready;
}

async function pickBackend(): Promise<BackendInfo> {
  try {
    const nodeBackend = "@tensorflow/tfjs-node";
    await import(/* webpackIgnore: true */ nodeBackend);
    if (await tf.setBackend("tensorflow")) {
      await tf.ready();
      return { name: tf.getBackend(), requested: "tensorflow", isFallback: false };
    }
  } catch {
    // not installed here (optional dependency whose install script failed): use wasm
  }
  try {
    await import("@tensorflow/tfjs-backend-wasm");
    const isSet = await tf.setBackend("wasm");
    await tf.ready();
    if (isSet && tf.getBackend() === "wasm") return { name: "wasm", requested: "wasm", isFallback: false };
  } catch {
    // fall through to cpu
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return { name: tf.getBackend(), requested: "wasm", isFallback: true, note: "wasm backend failed to initialise; using cpu" };
}
