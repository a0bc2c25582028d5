import { expect, test } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";

const STRONG_STALE_FEATURES = `**What happened:** the batch feature job stalled for 48 hours, so the online store kept serving the last successful snapshot. User like rate, total actions, post viewers and post likes were two days old. Nothing errored because the lookups still succeeded, they just returned stale values.

**Impact:** ranking quality degraded silently. New posts had zero viewers and likes in the store, so they were under-ranked (cold start got worse), and users whose taste changed were ranked on old behaviour. Online engagement and CTR drop while every service dashboard stays green.

**Detection:** monitor feature freshness: the age of each feature (now minus written-at) against an SLA, e.g. alert when the lag exceeds 6 hours. Also track pipeline heartbeats / last successful run, and prediction drift plus online CTR per cohort.

**Fallback and mitigation:** with a TTL on online features, expired values fall back to safe defaults that match training, or to a popularity ranking for fresh posts, instead of silently serving two-day-old numbers. Fix and backfill the pipeline, then re-materialize the online store. At 1B users, make the freshness alert page the on-call and make the pipeline incremental so a retry is cheap.`;

test("[DRILLS][SUBMIT]: a strong diagnosis gets per-criterion feedback quoting the learner", async ({ page, request }) => {
  const email = uniqueEmail("graded");
  await createAccount(request, email);
  await signIn(page, email);
  await page.goto("/drills/diagnose-stale-features");
  await page.getByLabel("Your answer (markdown)").fill(STRONG_STALE_FEATURES);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);

  const score = Number(await page.getByTestId("grade-score").textContent());
  expect(score).toBeGreaterThanOrEqual(45);
  await expect(page.getByTestId("grade-verdict")).toContainText(/E5|E6/);
  // Met criteria quote the learner's own sentences, and the same text is highlighted in the answer.
  const met = page.getByTestId("criterion-met");
  expect(await met.count()).toBeGreaterThan(2);
  await expect(met.first()).toContainText("“");
  expect(await page.getByTestId("annotated-answer").locator("mark").count()).toBeGreaterThan(2);
});
