import { expect, test } from "@playwright/test";
import { createAccount, signIn, uniqueEmail } from "../helpers";

const BOXES = ["Data collection", "Data verification", "Feature extraction", "Feature store", "ML code / model", "Evaluation pipeline", "Monitoring", "Serving infrastructure", "Configuration", "Process management", "Resource management"]; // no "Analysis tools"
const ARROWS: [string, string][] = [
  ["Data verification", "Data collection"], // reversed on purpose
  ["Data verification", "Feature extraction"],
  ["Feature extraction", "Feature store"],
  ["Feature store", "ML code / model"],
  ["ML code / model", "Evaluation pipeline"],
  ["Evaluation pipeline", "Monitoring"],
  ["Monitoring", "Serving infrastructure"],
];

test("[DIAGRAM]: a diagram with one missing component and one reversed edge gets exactly that feedback", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("diagram");
  await createAccount(request, email);
  await signIn(page, email);
  await page.goto("/drills/whiteboard-system");
  await page.getByRole("link", { name: "Draw the diagram" }).click();
  await expect(page).toHaveURL(/mode=diagram/);

  for (const box of BOXES) await page.getByRole("button", { name: `Add ${box}`, exact: true }).click();
  for (const [from, to] of ARROWS) {
    await page.getByLabel("Arrow from").selectOption({ label: from });
    await page.getByLabel("Arrow to").selectOption({ label: to });
    await page.getByRole("button", { name: "Add arrow" }).click();
  }
  await expect(page.locator(".react-flow__edge")).toHaveCount(ARROWS.length);
  await page.getByRole("button", { name: "Submit diagram" }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);

  await expect(page.getByTestId("diagram-missing-component")).toHaveCount(1);
  await expect(page.getByTestId("diagram-missing-component")).toContainText("Analysis tools");
  await expect(page.getByTestId("diagram-reversed-edge")).toHaveCount(1);
  await expect(page.getByTestId("diagram-reversed-edge")).toContainText(/Data collection/);
  await expect(page.getByTestId("diagram-missing-edge")).toHaveCount(0);
  await expect(page.getByTestId("diagram-extra-edge")).toHaveCount(0);
  await expect(page.getByTestId("diagram-extra-component")).toHaveCount(0);
  // The same feedback is drawn on the canvas.
  await expect(page.getByRole("list", { name: "Missing components" })).toContainText("Analysis tools");
  await expect(page.locator(".diagram-edge--reversed")).toHaveCount(1);
});

test("[ESTIMATES]: scale estimates are checked against the capacity model with the arithmetic shown", async ({ page, request }) => {
  const email = uniqueEmail("estimates");
  await createAccount(request, email);
  await signIn(page, email);
  await page.goto("/drills/scale-discussion?mode=estimate");
  await page.getByLabel("Peak QPS at 1B users").fill("350k");
  await page.getByLabel("Peak QPS at 1M users").fill("10");
  await page.getByRole("button", { name: "Submit estimates" }).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/);
  await expect(page.getByTestId("estimate-result-1B-qps")).toHaveAttribute("data-within", "true");
  await expect(page.getByTestId("estimate-result-1M-qps")).toHaveAttribute("data-within", "false");
  await expect(page.getByTestId("estimate-result-1B-qps")).toContainText("86,400");
});
