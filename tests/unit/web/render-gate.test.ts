/**
 * scripts/render-gate.mjs: page renders run at most `limit` at a time in arrival order, and a render
 * that waited starts in the async context it arrived in, never in that of the render whose end let it
 * start. Next snapshots the context each render starts in, so the second would chain every render to
 * the one before it and no request would ever be collected under sustained load.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createRenderGate } from "../../../scripts/render-gate.mjs";

class FakeResponse extends EventEmitter {
  destroyed = false;
  close() {
    this.emit("close");
  }
}

type Req = { id: number };

function gate(limit: number) {
  const started: number[] = [];
  const responses = new Map<number, FakeResponse>();
  const admit = createRenderGate<FakeResponse, Req>(limit, (req) => void started.push(req.id));
  const arrive = (id: number) => {
    const res = new FakeResponse();
    responses.set(id, res);
    admit({ id }, res);
    return res;
  };
  return { started, arrive, res: (id: number) => responses.get(id)! };
}

describe("render gate", () => {
  it("runs at most `limit` renders and starts the rest in arrival order as renders end", () => {
    const g = gate(2);
    for (let id = 1; id <= 5; id++) g.arrive(id);
    expect(g.started).toEqual([1, 2]);
    g.res(2).close();
    expect(g.started).toEqual([1, 2, 3]);
    g.res(1).close();
    expect(g.started).toEqual([1, 2, 3, 4]);
    g.res(3).close();
    g.res(4).close();
    expect(g.started).toEqual([1, 2, 3, 4, 5]);
  });

  it("skips a waiting request whose client has gone", () => {
    const g = gate(1);
    g.arrive(1);
    g.arrive(2).destroyed = true;
    g.arrive(3);
    g.res(1).close();
    expect(g.started).toEqual([1, 3]);
  });

  it("a render that waited starts in the context it arrived in, not in the releasing render's", () => {
    const als = new AsyncLocalStorage<{ request: number }>();
    const seen = new Map<number, number | undefined>();
    const responses = new Map<number, FakeResponse>();
    const admit = createRenderGate<FakeResponse, Req>(1, (req) => void seen.set(req.id, als.getStore()?.request));
    // Requests arrive with no store (as from the HTTP parser); renders set their own (as Next does).
    for (let id = 1; id <= 3; id++) {
      const res = new FakeResponse();
      responses.set(id, res);
      admit({ id }, res);
    }
    // Each render ends inside its own request's context, as the response's "close" does.
    als.run({ request: 1 }, () => responses.get(1)!.close());
    als.run({ request: 2 }, () => responses.get(2)!.close());
    expect([...seen]).toEqual([[1, undefined], [2, undefined], [3, undefined]]);
  });

  it("keeps each waiting render's own arrival context", () => {
    const als = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const responses: FakeResponse[] = [];
    const admit = createRenderGate<FakeResponse, Req>(1, () => void seen.push(als.getStore()));
    for (const tag of ["a", "b", "c"]) {
      const res = new FakeResponse();
      responses.push(res);
      als.run(tag, () => admit({ id: responses.length }, res));
    }
    als.run("releaser", () => responses[0]!.close());
    als.run("releaser", () => responses[1]!.close());
    expect(seen).toEqual(["a", "b", "c"]);
  });
});
