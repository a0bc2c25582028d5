import { expect, test } from "@playwright/test";
import { createAccount, PASSWORD, signIn, uniqueEmail } from "../helpers";

test("[JOURNEY]: a new learner signs up, answers a drill, finds it in history, signs out and is locked out", async ({ page }) => {
  const email = uniqueEmail("journey");

  await page.goto("/");
  await page.getByRole("link", { name: "Start practising" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/drills$/);

  // Catalog: every drill with its kind; nothing attempted yet.
  await expect(page.getByRole("heading", { name: "Drills", level: 1 })).toBeVisible();
  expect(await page.getByTestId(/^drill-card-/).count()).toBeGreaterThanOrEqual(11);
  const card = page.getByTestId("drill-card-whiteboard-system");
  await expect(card).toContainText("Not attempted");

  await card.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/whiteboard/i);
  await expect(page.getByTestId("timer")).toContainText(/00:0\d \//);
  const answer = "## My design\n\n- **Data collection** logs impressions and likes\n- Verification checks the schema\n\n<script>window.__pwned = true</script>";
  await page.getByLabel("Your answer (markdown)").fill(answer);
  await page.getByRole("button", { name: "Submit answer" }).click();

  // The attempt page shows the graded feedback and renders the answer as sanitized markdown.
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
  const attemptUrl = page.url();
  await expect(page.getByTestId("grade-verdict")).toBeVisible();
  const score = Number(await page.getByTestId("grade-score").textContent());
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThan(45); // a two-bullet sketch is below the E5 bar
  await expect(page.getByTestId("grade-verdict")).toContainText("Below E5");
  await expect(page.getByRole("meter").first()).toBeVisible();
  await expect(page.getByTestId("criterion-missing").first()).toBeVisible();
  await expect(page.getByTestId("annotated-answer")).toContainText("Data collection");
  await page.getByText("Model answer").click();
  await expect(page.getByTestId("model-answer")).toContainText(/feature store/i);
  await page.getByText("Your answer, rendered").click();
  await expect(page.getByRole("heading", { name: "My design" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "Data collection" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  await page.getByRole("link", { name: "History" }).first().click();
  await expect(page.getByRole("link", { name: /whiteboard/i })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(`^${score}`) })).toBeVisible();

  await page.goto("/drills");
  await expect(page.getByTestId("drill-card-whiteboard-system")).toContainText("1 attempt");
  await expect(page.getByTestId("drill-card-whiteboard-system")).toContainText(String(score));

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/attempts");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(attemptUrl);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[ACCESS][AZ-01]: another learner opening the first learner's attempt URL gets 404", async ({ page, browser, request }) => {
  const owner = uniqueEmail("owner");
  const other = uniqueEmail("other");
  await createAccount(request, owner);
  await createAccount(request, other);

  await signIn(page, owner);
  await page.goto("/drills/framework-steps");
  await page.getByLabel("Your answer (markdown)").fill("1. Clarify requirements\n2. Frame as an ML task");
  await page.getByRole("button", { name: "Submit answer" }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
  const attemptPath = new URL(page.url()).pathname;

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, other);
  const response = await otherPage.goto(attemptPath);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  const api = await otherPage.request.get(`/api/attempts/${attemptPath.split("/").pop()}`);
  expect(api.status()).toBe(404);
  await otherContext.close();
});

test("[AUTH][SIGN-IN][AUTH-05]: a wrong password gets one generic message", async ({ page, request }) => {
  const email = uniqueEmail("wrongpw");
  await createAccount(request, email);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
});
