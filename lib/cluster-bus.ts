/**
 * Notifications between the web server's processes (scripts/web-server.mjs runs WEB_CONCURRENCY of
 * them and relays every { type: "broadcast" } message to the others). Outside that cluster (one
 * process, tests, the worker) publishing does nothing and subscribers only hear their own process.
 */
type Broadcast = { type: "broadcast"; channel: string; payload: unknown };

const handlers = new Map<string, Set<(payload: unknown) => void>>();
let listening = false;

const inCluster = () => typeof process.send === "function" && process.env.WEB_WORKER === "1";

export function publish(channel: string, payload: unknown): void {
  if (!inCluster()) return;
  const message: Broadcast = { type: "broadcast", channel, payload };
  process.send?.(message);
}

export function subscribe(channel: string, handler: (payload: unknown) => void): void {
  let set = handlers.get(channel);
  if (!set) handlers.set(channel, (set = new Set()));
  set.add(handler);
  if (!listening && inCluster()) {
    listening = true;
    process.on("message", (message: Partial<Broadcast> | null) => {
      if (message?.type !== "broadcast" || typeof message.channel !== "string") return;
      for (const h of handlers.get(message.channel) ?? []) h(message.payload);
    });
  }
}
