import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";

// The e2e server runs with MOCK_TIME_SCALE=0.02 (playwright.config.ts): the 45-minute budget becomes
// 54 s (a 5-minute step is 6 s, an 8-minute one 9.6 s). Every step is still walked and answered.
const content = JSON.parse(readFileSync(path.join("prisma", "content", "mock", "interview.json"), "utf8")) as { phases: { id: string; title: string }[] };
const modelAnswer = (phase: string) => (JSON.parse(readFileSync(path.join("prisma", "content", "mock", `${phase}.json`), "utf8")) as { modelAnswer: string }).modelAnswer;

async function answerStep(page: Page, index: number) {
  const phase = content.phases[index]!;
  await expect(page.getByRole("heading", { level: 2, name: phase.title })).toBeVisible();
  await page.getByLabel("Your answer (markdown)").fill(modelAnswer(phase.id));
  const isLast = index === content.phases.length - 1;
  await page.getByRole("button", { name: isLast ? "Submit and see the scorecard" : "Submit and continue" }).click();
  if (!isLast) await expect(page.getByRole("heading", { level: 2, name: content.phases[index + 1]!.title })).toBeVisible();
}

test("[MOCK][TIMED]: a mock interview runs to its scorecard, resuming after a reload", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("mock");
  await createAccount(request, email);
  await signIn(page, email);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mock", exact: true }).click();
  await expect(page).toHaveURL(/\/mock$/);
  await expect(page.getByTestId("mock-empty")).toBeVisible();
  await page.getByRole("button", { name: "Start a mock interview" }).click();
  await expect(page).toHaveURL(/\/mock\/[a-z0-9]+$/);
  const mockUrl = page.url();

  // Step 1: the stepper, the prompt and a running countdown.
  await expect(page.getByTestId("phase-stepper").getByRole("listitem")).toHaveCount(7);
  await expect(page.getByRole("timer", { name: "Time left for this step" })).toBeVisible();
  await expect(page.getByTestId("phase-prompt")).toContainText("business goal");
  await answerStep(page, 0);

  // Reload mid-interview: the server state brings back step 2, its clock still running.
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Frame as an ML task" })).toBeVisible();
  await expect(page.getByTestId("phase-stepper").locator('[aria-current="step"]')).toContainText("Frame as an ML task");
  await expect(page.getByTestId("phase-stepper").locator('[data-state="done"]')).toHaveCount(1);
  await expect(page.getByRole("timer")).toBeVisible();
  // One answer per phase, in order: skipping ahead is refused, an empty answer is invalid.
  const answerUrl = `${new URL(mockUrl).pathname.replace("/mock/", "/api/mock/")}/answer`;
  expect((await page.request.post(answerUrl, { data: { phase: "evaluation", answer: "Skipping ahead." } })).status()).toBe(409);
  expect((await page.request.post(answerUrl, { data: { phase: "frame-ml-task", answer: "   " } })).status()).toBe(422);
  await answerStep(page, 1);

  // Step 3 waits past its 9.6 s budget: amber from 80%, then red with the over-time warning.
  await expect(page.getByTestId("phase-timer")).toHaveAttribute("data-state", "warning", { timeout: 15_000 });
  await expect(page.getByTestId("time-warning")).toBeVisible();
  await expect(page.getByTestId("phase-timer")).toHaveAttribute("data-state", "over", { timeout: 15_000 });
  await expect(page.getByTestId("over-time-warning")).toBeVisible();
  await expect(page.getByRole("timer")).toContainText("+");
  for (let i = 2; i < content.phases.length; i++) await answerStep(page, i);

  // The scorecard: 7 rows with feedback, an overall verdict and the pace against budget.
  await expect(page.getByTestId("mock-verdict")).toBeVisible();
  await expect(page.getByTestId("scorecard-row")).toHaveCount(7);
  await expect(page.getByTestId("mock-overall-level")).toHaveText(/^(E6|E5|Below E5)$/);
  await expect(page.getByTestId("mock-overall-score")).toHaveText(/^\d{1,3}$/);
  await expect(page.getByTestId("pace-chart").getByTestId("pace-bar")).toHaveCount(7);
  await expect(page.getByTestId("pace-summary")).toContainText("Over budget on");
  await expect(page.getByTestId("pace-summary")).toContainText("Data preparation");

  // Saved in history with its verdict.
  await page.goto("/mock");
  await expect(page.getByTestId("mock-list").getByRole("link", { name: /ranking system/ })).toHaveAttribute("href", new URL(mockUrl).pathname);
  await expect(page.getByTestId("resume-banner")).toHaveCount(0);
});
