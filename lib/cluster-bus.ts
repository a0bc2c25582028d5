/**
 * Notifications between the web server's processes (scripts/web-server.mjs runs WEB_CONCURRENCY of
 * them and relays every { type: "broadcast" } message to the others). Outside that cluster (one
 * process, tests, the worker) publishing reaches no other process.
 *
 * A process can hold this module more than once (Next's route bundles and the lean router's
 * instrumentation import each load their own copy), so `{ local: true }` also delivers to the other
 * copies in this process. With `{ wait: true }` the returned promise resolves once every other web
 * process has run its handlers (the primary collects their acknowledgements), or after
 * ACK_TIMEOUT_MS: a request that ends sessions answers only when no process will honour them on the
 * next request.
 */
import { randomUUID } from "node:crypto";

type Handler = (payload: unknown) => void;
type Broadcast = { type: "broadcast"; channel: string; payload: unknown; id?: string };
type Control = { type: "broadcast-ack" | "broadcast-done"; id: string };

const ACK_TIMEOUT_MS = 250;
const handlers = new Map<string, Set<Handler>>();
let listening = false;

/** Shared by every copy of this module in the process. */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for("beyond-the-model.cluster-bus")] ??= {
  copies: new Set<Map<string, Set<Handler>>>(),
  waiting: new Map<string, () => void>(),
  controlListening: false,
}) as { copies: Set<Map<string, Set<Handler>>>; waiting: Map<string, () => void>; controlListening: boolean };
shared.copies.add(handlers);

const inCluster = () => typeof process.send === "function" && process.env.WEB_WORKER === "1";

/** Once per process: acknowledge every broadcast that asks for it, and settle our own waits. */
function listenForControl(): void {
  if (shared.controlListening || !inCluster()) return;
  shared.controlListening = true;
  process.on("message", (message: Partial<Broadcast> | Partial<Control> | null) => {
    if (message?.type === "broadcast" && typeof message.id === "string") process.send?.({ type: "broadcast-ack", id: message.id } satisfies Control);
    if (message?.type === "broadcast-done" && typeof message.id === "string") {
      shared.waiting.get(message.id)?.();
      shared.waiting.delete(message.id);
    }
  });
}

export function publish(channel: string, payload: unknown, { local = false, wait = false }: { local?: boolean; wait?: boolean } = {}): Promise<void> {
  if (local) for (const copy of shared.copies) if (copy !== handlers) for (const h of copy.get(channel) ?? []) h(payload);
  if (!inCluster()) return Promise.resolve();
  if (!wait) {
    process.send?.({ type: "broadcast", channel, payload } satisfies Broadcast);
    return Promise.resolve();
  }
  listenForControl();
  const id = randomUUID();
  const done = new Promise<void>((resolve) => {
    shared.waiting.set(id, resolve);
    setTimeout(() => {
      shared.waiting.delete(id);
      resolve();
    }, ACK_TIMEOUT_MS).unref();
  });
  process.send?.({ type: "broadcast", channel, payload, id } satisfies Broadcast);
  return done;
}

export function subscribe(channel: string, handler: Handler): void {
  let set = handlers.get(channel);
  if (!set) handlers.set(channel, (set = new Set()));
  set.add(handler);
  listenForControl();
  if (!listening && inCluster()) {
    listening = true;
    process.on("message", (message: Partial<Broadcast> | null) => {
      if (message?.type !== "broadcast" || typeof message.channel !== "string") return;
      for (const h of handlers.get(message.channel) ?? []) h(message.payload);
    });
  }
}
