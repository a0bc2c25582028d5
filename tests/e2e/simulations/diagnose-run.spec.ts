import { expect, test } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";

const DIAGNOSIS = `The feature materialisation job stopped, so the online store kept serving the last snapshot: user like rate, total actions, post viewers and post likes went stale by days.
Nothing errored because lookups still succeeded; latency and error monitors stayed green and the schema and null checks did not fire.
The feature freshness alert fired because the event-time lag exceeded the TTL, and prediction drift followed.
Impact: new posts look unpopular and changed tastes are missed, so ranking quality drops silently.
Serving fell back to the training defaults for values past their TTL, which keeps it answering but non-personalised.
Mitigation: fix and backfill the pipeline, re-materialise the online store, and page on freshness SLAs.`;

test("[SIMULATIONS][DIAGNOSE]: a stale-features run fires the freshness alert while serving stays up, then the diagnosis is graded against it", async ({ page, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("sim");
  await createAccount(request, email);
  await signIn(page, email);

  await page.goto("/simulations?scenario=stale-features&scale=1M&seed=11");
  await expect(page.getByRole("combobox")).toHaveValue("stale-features");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/simulations\/[a-z0-9]+$/);

  // Live progress, stage by stage, until the run succeeds.
  await expect(page.getByRole("progressbar", { name: "Run progress" })).toBeVisible();
  await expect(page.getByTestId("run-progress").getByTestId("run-status")).toHaveText("succeeded", { timeout: 150_000 });
  await expect(page.getByTestId("stage-train-mlp")).toHaveAttribute("data-status", "finished");

  // The dashboard: the freshness alert fired on the feature store while serving stayed up.
  await expect(page.getByTestId("component-feature-store")).toHaveAttribute("data-state", "alert");
  await expect(page.getByTestId("component-feature-store")).toContainText("feature-freshness");
  await expect(page.getByTestId("component-serving")).not.toHaveAttribute("data-state", "alert");
  await expect(page.getByTestId("component-serving")).toContainText("still answering");
  await page.getByTestId("component-feature-store").click();
  await expect(page.getByTestId("freshness")).toContainText("STALE");

  // The run's model now serves predictions over its online store; stale features fall back to defaults.
  const runId = new URL(page.url()).pathname.split("/").pop()!;
  const predicted = await page.request.post("/api/predict", { data: { runId, userId: 1, postId: 1, device: "iOS" } });
  expect(predicted.status()).toBe(200);
  const body = (await predicted.json()) as { probability: number; fallback: string; model: { runId: string }; features: unknown[]; freshness: { user: { isFresh: boolean; isFound: boolean } } };
  expect(body.probability).toBeGreaterThan(0);
  expect(body.probability).toBeLessThan(1);
  expect(body.model.runId).toBe(runId);
  expect(body.features.length).toBeGreaterThan(10);
  if (body.freshness.user.isFound) expect(body.freshness.user.isFresh).toBe(false);
  expect(body.fallback).toBe("defaults");
  const bad = await page.request.post("/api/predict", { data: { runId, userId: -1, postId: "x" } });
  expect(bad.status()).toBe(422);

  await page.getByRole("link", { name: "Diagnose this" }).click();
  await expect(page).toHaveURL(/\/drills\/diagnose-stale-features\?run=/);
  await expect(page.getByTestId("attached-run")).toBeVisible();
  await page.getByLabel("Your answer (markdown)").fill(DIAGNOSIS);
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);

  const facts = page.getByTestId("run-facts");
  await expect(facts).toBeVisible();
  await expect(facts).toContainText("feature-freshness alert that fired");
  await expect(facts).toContainText("✓ Says what stayed green");
  await expect(page.getByTestId("grade-verdict")).toContainText(/E5|E6/);
});
