/**
 * The page render gate of scripts/web-server.mjs: at most `limit` renders in progress at once, later
 * ones wait in arrival order. Rendering is CPU-bound: twenty renders interleaved on one event loop each
 * take twenty times as long and keep twenty renders' garbage alive at once; a few at a time finish in
 * order, with less live memory for the collector to trace.
 *
 * A waiting render is started from the "close" handler of the render before it, so it must not run in
 * that request's async context. Next snapshots the context each render starts in (AsyncLocalStorage):
 * every render would hold the one before, and it the one before that. Under sustained load the queue
 * never empties, so no request was ever collected: the live heap grew ~2.5 MB/s per process and full
 * collections paused 100–200 ms. Each waiting render is bound to the context it arrived in.
 */
import { AsyncResource } from "node:async_hooks";

/**
 * @template {{ once(event: "close", listener: () => void): unknown; destroyed: boolean }} Res
 * @template Req
 * @param {number} limit renders in progress at once (≥ 1)
 * @param {(req: Req, res: Res) => void} render starts one render; it ends when `res` closes
 * @returns {(req: Req, res: Res) => void}
 */
export function createRenderGate(limit, render) {
  let rendering = 0;
  /** @type {{ res: Res; start: () => void }[]} */
  const waiting = [];
  const admit = (req, res) => {
    if (rendering >= limit) return void waiting.push({ res, start: AsyncResource.bind(() => admit(req, res)) });
    rendering += 1;
    res.once("close", () => {
      rendering -= 1;
      // Skip requests whose client has gone while they waited.
      while (waiting.length > 0 && rendering < limit) {
        const next = waiting.shift();
        if (next && !next.res.destroyed) next.start();
      }
    });
    render(req, res);
  };
  return admit;
}
