import { describe, expect, it } from "vitest";
import { grade } from "./helpers";

/** E6 is explained depth: a topic only gestured at (a bare list of E6 topics, a question) earns nothing toward E6. */
const credit = (drill: string, text: string, id: string): { status: string; credit: number } => {
  const c = grade(drill, text).criteria.find((x) => x.id === id)!;
  return { status: c.status, credit: c.credit };
};

const BASE =
  "The online feature store became slow and about 5% of lookups timed out, so requests blew the latency budget and p99 breached the SLO. ";

describe("E6 topics only gestured at", () => {
  it("a topic named only in a bare list of E6 topics is partial with no credit", () => {
    const f = credit("diagnose-serving-latency", BASE + "Also: tail amplification, avoid retry storms, keep fallback traffic out of training.", "tail-amplification");
    expect(f.status).toBe("partial");
    expect(f.credit).toBe(0);
  });

  it("the same topic named in an ordinary sentence keeps its partial credit", () => {
    const f = credit("diagnose-serving-latency", BASE + "Tail amplification was part of it.", "tail-amplification");
    expect(f.status).not.toBe("missed");
    expect(f.credit).toBeGreaterThan(0);
  });
});
