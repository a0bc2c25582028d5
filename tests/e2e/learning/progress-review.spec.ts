import { expect, test } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";

test("[PROGRESS][REVIEW]: a learner with graded attempts sees the charts and a due review", async ({ page, request }) => {
  const email = uniqueEmail("progress");
  await createAccount(request, email);
  await signIn(page, email);

  await page.goto("/progress");
  await expect(page.getByTestId("progress-empty")).toBeVisible();

  // Three graded attempts through the API the drill form uses.
  const answers = [
    { drillSlug: "ml-code-is-small", answer: "The model is a small box because most failures happen in data collection, verification and serving: ML engineers own the whole loop, so they design features, detect skew and drift with monitoring, and ship models safely with canaries and rollbacks.", durationMs: 300_000 },
    { drillSlug: "tradeoffs", answer: "Serving trades latency for accuracy: a bigger model ranks better but blows the p99 budget, so we distil it or cache scores for cold sessions.", durationMs: 200_000 },
    // Last on its drill, a keyword list: below E5 → rated Again → due again within minutes.
    { drillSlug: "tradeoffs", answer: "monitoring, serving, feature store, latency, accuracy", durationMs: 120_000 },
  ];
  for (const data of answers) {
    const res = await page.request.post("/api/attempts", { data });
    expect(res.status()).toBe(201);
    expect(((await res.json()) as { graded: boolean }).graded).toBe(true);
  }

  await page.goto("/progress");
  await expect(page.getByTestId("stat-attempts")).toHaveText("3");
  await expect(page.getByTestId("stat-graded")).toHaveText("3");
  await expect(page.getByTestId("stat-streak")).toHaveText("1 day");
  await expect(page.getByTestId("score-chart").getByRole("application")).toBeVisible();
  await expect(page.getByTestId("score-chart").locator("svg .recharts-line")).toHaveCount(2); // one line per drill
  await expect(page.getByTestId("weak-dimensions").locator("li").first()).toBeVisible();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Due today" })).toBeVisible();
  await expect(page.getByTestId("due-list")).toContainText("tradeoffs", { ignoreCase: true });

  await page.goto("/drills");
  await expect(page.getByTestId("drill-card-tradeoffs").getByTestId("next-review")).toBeVisible();
});
