import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDrillContent, RUBRIC_CONTENT_DIR } from "@/lib/drills/load-content";
import { gradeAnswer, parseRubric } from "@/lib/grading";

/**
 * The diagnosis drills for the scenarios added after the first four: each drill loads, names its
 * scenario, and its rubric separates a strong E6 answer, a decent E5 answer and a keyword list, and
 * caps an answer that contradicts the drill's core point.
 */
type Answers = { strong: string; decent: string; stuffed: string; contradicted: string };

const ANSWERS: Record<string, Answers> = {
  "diagnose-schema-change": {
    strong: [
      "What happened: a client release changed the contract for the device field. It now sends an integer code (1, 2, 3) instead of the string category, and nobody told the data side.",
      "Our feature code one-hot encodes device against the vocabulary learned in training; the new codes are not in that vocabulary, so every device slot comes out as zero. That is a valid-looking vector, so nothing crashed and freshness and latency stayed green — the failure is silent.",
      "Detection: the schema check caught it because device's type changed from string to integer and its values fall outside the expected domain. The drift monitor also shows the device features collapsing to zero, and slicing engagement by client version points straight at the release.",
      "Impact: every request from the new client is scored as if the user had no device, so predictions shift and device-specific preferences are lost, which makes rankings quietly worse. Worse, if the daily retrain runs on these days the model learns that device is always zero; the evaluation set has the same zeros, so offline metrics would look fine. I would exclude that window from training until it is repaired.",
      "Fallback: add a mapping from code back to name at ingestion (or roll the client back), keep the previous model serving, pause retraining, then reprocess and backfill the affected days once the mapping is in.",
      "Prevention: a schema anomaly on a model input should block the batch from training and from materialisation into the online store rather than warn. Put the event schema under a versioned data contract with a typed enum, checked in the client's CI and canary before a release ships. In the feature code, route unseen categories to an explicit unknown bucket and alert when its share jumps, instead of silently emitting zeros.",
    ].join("\n\n"),
    decent: [
      "The upstream app release started logging device as an integer instead of a string like iOS or Android.",
      "Because the model's one-hot encoding only knows the training categories, the device features became all zeros without any error.",
      "The schema validation check fired because the type changed and there are unexpected values in the device column.",
      "Predictions are worse because the model lost the device signal for every user on the new client.",
      "As a fix I would map the codes back to the device names at ingestion and backfill the affected batches, keeping the current model until the data is fixed.",
    ].join(" "),
    stuffed:
      "Schema change, integer code, type change, data validation, TFDV, schema anomaly, one-hot, vocabulary, all zeros, drift, PSI, slices, data contract, protobuf, canary, blocking gate, quarantine, backfill, rollback, mapping, unknown bucket, retraining, previous model.",
    contradicted: "This is concept drift: users changed their devices. Just retrain on the latest data and the model will adapt.",
  },
  "diagnose-label-leakage": {
    strong: [
      "What happened: label leakage. User like rate, total actions, post viewers and post likes were computed with a groupby over all rows before the train/test split, so the test rows were included and each example's own label sits inside its like rate and like count. The features encode the answer, which is why the notebook reaches 0.94 AUC even on pure-noise labels — that number measures the leak, not the model.",
      "Why it collapses online: at prediction time the label has not happened yet, so the online features cannot contain it. The model put its weight on a shortcut that is simply absent in production; it is a form of training-serving skew created by the leak.",
      "Detection: the offline/online gap alert fired because live AUC on delayed labels is far below the offline test AUC. Schema, null and latency monitors stay green since nothing is malformed or slow. A sanity check before launch would have caught it: retrain on shuffled labels and the AUC should be about 0.5; a single feature with a suspiciously high AUC, or feature timestamps later than the label, are red flags.",
      "Impact: live rankings are far worse than promised, so users get a worse feed than the previous model gave and the launch decision was made on a number that was never real. Every model comparison and hyperparameter choice made with this evaluation is suspect and should be re-evaluated, and the probabilities are overconfident.",
      "Fallback and fix: roll back to the previous model now. Recompute the features point-in-time so each example only sees events before its timestamp, never its own label, and split by time before aggregating; retrain and A/B test against the champion.",
      "Prevention: build training sets with point-in-time joins from a feature store, or log the features actually served and train on those; evaluate on a later time period, and make offline and online metrics agreeing a launch gate.",
    ].join("\n\n"),
    decent: [
      "This is target leakage: the like rate and total likes were aggregated over the whole dataset, including the test rows and the label we are trying to predict.",
      "That is why the offline AUC is inflated — the model is effectively reading the answer, which is also why it scores 0.94 on random labels.",
      "We detect it by comparing offline AUC with the live AUC on delayed labels; the gap alert fired because online performance is much lower.",
      "The impact is that the live rankings are much worse than we expected and we launched a model based on a misleading number.",
      "To fix it I would recompute the features point-in-time, using only events before each example, with a time-based split, and roll back to the previous model until the retrained one is validated.",
    ].join(" "),
    stuffed:
      "Label leakage, target leakage, offline AUC 0.94, inflated, delayed labels, online AUC, gap alert, point-in-time, time-based split, feature store, shuffled labels, training-serving skew, rollback, previous model, A/B test, out-of-time evaluation.",
    contradicted: "The offline AUC of 0.94 proves the model is good. The live drop is probably just noise from label delay, so we keep the model.",
  },
  "diagnose-serving-latency": {
    strong: [
      "What happened: the online feature-store lookups slowed down by tens of milliseconds with a heavy tail, and about 5% of them time out. The model did not change; requests spend their latency budget waiting on this dependency.",
      "A feed request fans out into lookups for the user and hundreds of candidates, so it is as slow as its slowest lookup. A small per-lookup tail becomes a large request tail, which is why p99 breaches the SLO while the mean latency hides it.",
      "Detection: the p99 latency alert fired when p99 stayed above the SLO for its window, and the timeout rate and fallback rate confirm the cause. Model-performance and drift monitors stay green because the model and its inputs are unchanged and only a few percent of requests fall back — this is an infrastructure incident they cannot see.",
      "Impact: users wait longer for the feed and some abandon the session; requests on the fallback path are ranked from old snapshot features or plain popularity, so they are less personalised and engagement drops for them.",
      "Fallback: each lookup gets a strict timeout inside a request deadline; when it times out the scorer uses the last good snapshot or defaults, and with nothing usable it ranks by popularity, so the request still returns within budget. Hedge slow lookups with a backup request and trip a circuit breaker to the fallback when the store is unhealthy; retries only with backoff, otherwise they amplify the overload.",
      "Fix and prevention: find why the store slowed — traffic growth, a hot key or a recent deploy — then scale out or roll back, and batch the user and post lookups into one multi-get to cut round trips. Track the fallback share as an SLI with its own alert and tag fallback impressions so the next retrain can exclude them. Load-test the store at peak traffic with headroom and canary store deploys against p99 before they ship.",
    ].join("\n\n"),
    decent: [
      "The feature store lookups became slow and some timed out, so requests waited on them and went over the latency budget; the model itself is fine.",
      "It was detected by the p99 latency alert, which fired because p99 stayed above the SLO.",
      "Users see a slower feed and some leave, and requests that fell back get less personalised rankings.",
      "As a fallback, when a lookup times out we score with the last good snapshot of features, or rank by popularity when nothing is available, so the request still returns within the budget.",
      "Then I would investigate the store, add capacity or roll back the recent change that made it slow.",
    ].join(" "),
    stuffed:
      "Latency, p99, SLO, timeouts, feature store, lookups, fan-out, tail latency, circuit breaker, hedged requests, load shedding, fallback, last good snapshot, popularity, caching, autoscaling, load testing, error budget.",
    contradicted: "The model got worse, so retraining will fix the issue.",
  },
  "diagnose-feedback-loop": {
    strong: [
      "What happened: a feedback loop. The model's ranking decides which posts are shown, only shown posts collect likes, and those logs become the next day's training data, so each retrain learns more of what the model already liked.",
      "Posts the model scores low are rarely shown, so they collect few labels and their low scores are never challenged; the labels are missing not at random and exploration shrinks every day.",
      "Detection: the prediction-drift alert fired as the served scores drifted away from the training reference. I would also track exposure concentration daily — the share of impressions going to the top 1% of posts and the number of distinct posts shown. Offline AUC on the logged data cannot see it, because the model is tested on impressions its own ranking chose; it can look fine while the feed narrows.",
      "Impact: a few popular posts crowd out new and niche ones, creators lose reach and users get a narrower, repetitive feed. Short-term CTR may hold while retention erodes, so I would compare a long-term holdback group on retention and novelty.",
      "Mitigation now: pause the daily retrain or roll back to a model trained before the loop tightened, and cap the impression share any single post can take.",
      "Breaking the loop: reserve a small slice of traffic, a few percent, for exploration so low-scored and new posts still get shown and labelled. Log the propensity of every impression and train with inverse propensity weights, model position bias as a feature, and use the randomised slice as an unbiased evaluation set.",
    ].join("\n\n"),
    decent: [
      "This is a feedback loop: the model decides what users see, and the next day's training data only contains labels for the posts it chose to show, so it keeps reinforcing its own picks.",
      "Posts the model ranks low are rarely shown, so they never get likes and the model never learns they could be good.",
      "The prediction drift alert caught it because the score distribution shifted over time, and the share of impressions on the top posts keeps growing.",
      "The impact is that new posts get buried and the feed becomes the same few popular posts.",
      "To fix it I would add exploration: show a small random slice of traffic so that unshown posts can collect labels.",
    ].join(" "),
    stuffed:
      "Feedback loop, exposure bias, popularity bias, rich get richer, prediction drift, PSI, Gini, exploration, epsilon-greedy, bandits, inverse propensity scoring, position bias, holdback, retention, exposure cap, rollback.",
    contradicted: "Users genuinely prefer these posts, so retraining more often on the latest logs will fix it.",
  },
};

function rubricFile(slug: string) {
  return JSON.parse(readFileSync(path.join(RUBRIC_CONTENT_DIR, `${slug}.json`), "utf8")) as unknown;
}

const SCENARIOS: Record<string, string> = {
  "diagnose-schema-change": "schema-change",
  "diagnose-label-leakage": "label-leakage",
  "diagnose-serving-latency": "serving-latency",
  "diagnose-feedback-loop": "feedback-loop",
};

describe.each(Object.keys(ANSWERS))("%s", (slug) => {
  const rubric = parseRubric(rubricFile(slug), `${slug}.json`);
  const answers = ANSWERS[slug]!;

  it("loads as a diagnosis drill for its scenario, with a rubric for it", () => {
    const drill = loadDrillContent().find((d) => d.slug === slug);
    expect(drill?.kind).toBe("diagnosis");
    expect(drill?.scenario).toBe(SCENARIOS[slug]);
    expect(drill?.suggestedMinutes).toBe(8);
    expect(rubric.drill).toBe(slug);
    expect(rubric.contradictions.length).toBeGreaterThan(0);
  });

  it("grades a strong answer E6", () => {
    const result = gradeAnswer({ text: answers.strong, rubric });
    expect(result.score, JSON.stringify(result.missed)).toBeGreaterThanOrEqual(75);
  });

  it("grades a decent answer E5", () => {
    const result = gradeAnswer({ text: answers.decent, rubric });
    expect(result.score, JSON.stringify(result.missed)).toBeGreaterThanOrEqual(45);
    expect(result.score).toBeLessThanOrEqual(74);
  });

  it("keeps a keyword list below E5", () => {
    expect(gradeAnswer({ text: answers.stuffed, rubric }).score).toBeLessThanOrEqual(45);
  });

  it("caps an answer that contradicts the core point", () => {
    const result = gradeAnswer({ text: answers.contradicted, rubric });
    expect(result.contradictions.length).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(45);
  });
});
