import { describe, expect, it } from "vitest";
import { grade, status } from "./helpers";

/**
 * E6 is explained depth (issue 3: "E6 requires the E5 bar plus explained E6 depth"). Mechanisms added after
 * studying tune11's `gestures-at-e6` answers: general shapes, not the fixtures' wording.
 */
describe("E6 topics gestured at", () => {
  it("does not meet an E6 criterion from a sentence listing several E6 remedies with no why", () => {
    const listed = grade("diagnose-null-spike", "Also slice by app version, agree data contracts with the client team, and canary client releases.");
    expect(status(listed, "data-contract")).not.toBe("met");
    expect(status(listed, "release-canary")).not.toBe("met");
  });

  it("still meets it where the sentence explains one remedy", () => {
    const explained = grade(
      "diagnose-null-spike",
      "A data contract with the client team makes action and device required fields, so a release that sends nulls fails its own tests before it ships.",
    );
    expect(status(explained, "data-contract")).toBe("met");
  });

  it("does not meet an E6 criterion from a question", () => {
    const asked = grade("diagnose-null-spike", "Should we canary client releases to catch logging bugs before every user gets them?");
    expect(status(asked, "release-canary")).not.toBe("met");
    const stated = grade("diagnose-null-spike", "We canary client releases to 1% so a logging bug shows in the null rate before every user gets it.");
    expect(status(stated, "release-canary")).toBe("met");
  });
});

describe("the impact waved away", () => {
  const base =
    "The batch job was 48 hours late, so the online store kept serving the last snapshot and every lookup succeeded. A freshness check on the newest write would alert when it is older than a few hours. ";
  it("caps a diagnosis that calls its impact minimal as a contradiction", () => {
    const waved = grade("diagnose-stale-features", `${base}Impact: realistically minimal, users still got a feed.`);
    expect(waved.contradictions.map((k) => k.id)).toContain("impact-waved-away");
    expect(waved.level).toBe("below");
  });

  it("leaves a negated or turning statement of the impact alone", () => {
    for (const text of [`${base}The impact is not negligible: new posts get buried.`, `${base}Impact is small per request, but it adds up over two days.`]) {
      expect(grade("diagnose-stale-features", text).contradictions.map((k) => k.id)).not.toContain("impact-waved-away");
    }
  });
});

describe("a bare condition states no why", () => {
  it("still reads a list of E6 remedies ending 'if needed' as a list", () => {
    const listed = grade("diagnose-feedback-loop", "Later: IPS correction, a holdback group, exposure caps, pause retraining if needed.");
    const met = listed.criteria.filter((c) => c.level === "E6" && c.status === "met").map((c) => c.id);
    expect(met).toEqual([]);
  });
});

describe("a contrast states no why", () => {
  it("reads 'block instead of warn' in a list of E6 remedies as a list", () => {
    const listed = grade(
      "diagnose-schema-change",
      "Longer term: make the schema check block instead of warn, protect the eval set too, add an unknown bucket, slice by client version, data contract with the client team.",
    );
    expect(listed.criteria.filter((c) => c.level === "E6" && c.status === "met").map((c) => c.id)).toEqual([]);
  });
});

describe("a leading label is the subject of its value", () => {
  it("finds a component dismissed in a 'Label: value' bullet", () => {
    const text =
      "- **Data collection**: without it there are no labels to learn from.\n- **Data verification**: honestly optional in a pipeline like ours, cleaning handles bad rows downstream.\n- **Feature store**: not required, serving can recompute the features from the logs.";
    expect(grade("component-purpose", text).contradictions.map((k) => k.id)).toContain("components-dismissed");
  });
});

describe("harmful fixes", () => {
  it("caps imputing the missing labels of a null spike", () => {
    const text =
      "A client release logs null action and device; verification only warned and cleaning dropped 35% of rows. Fix: rather than dropping them, impute the null actions with the most common action and retrain on the full data.";
    expect(grade("diagnose-null-spike", text).contradictions.map((k) => k.id)).toContain("imputes-labels");
    const refuses = "Do not impute the null actions: hold the affected days out of training and keep the current model until the client is fixed.";
    expect(grade("diagnose-null-spike", refuses).contradictions.map((k) => k.id)).not.toContain("imputes-labels");
  });

  it("caps retraining faster as the fix for a feedback loop", () => {
    const text = "The model trains on its own exposure. Mitigation: retrain hourly on the newest impressions so it corrects itself quickly.";
    expect(grade("diagnose-feedback-loop", text).contradictions.map((k) => k.id)).toContain("retrain-faster");
  });
});

describe("green monitors taken as proof", () => {
  it("caps an inference from green to healthy, not an explanation of why monitors stay green", () => {
    const proof = "The pipeline stalled and serving read the last snapshot. Freshness and latency are green, so the system is healthy.";
    expect(grade("diagnose-stale-features", proof).contradictions.map((k) => k.id)).toContain("green-as-proof");
    const why = "The pipeline stalled and serving read the last snapshot. Error and latency dashboards stay green because every lookup still succeeds, so nothing pages.";
    expect(grade("diagnose-stale-features", why).contradictions.map((k) => k.id)).not.toContain("green-as-proof");
  });
});

describe("a listed remedy states no why", () => {
  it("reads 'avoid retry storms' in a list of E6 topics as an item", () => {
    const listed = grade("diagnose-serving-latency", "Also: tail amplification, avoid retry storms, keep fallback traffic out of training.");
    expect(listed.criteria.filter((c) => c.level === "E6" && c.status === "met").map((c) => c.id)).toEqual([]);
  });
});
