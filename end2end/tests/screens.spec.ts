import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { VIEWPORTS, expect, hydrated, quickAdd, screenshot, signIn, taskRow, test } from "../support/app";

const SCREENS = [
  { name: "tasks", path: "/" },
  { name: "new-task", path: "/tasks/new" },
  { name: "calendar", path: "/calendar" },
  { name: "stats", path: "/stats" },
  { name: "settings", path: "/settings" },
];

/** axe-core's serious and critical findings, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function setTheme(page: Page, theme: "light" | "dark") {
  await page.goto("/settings");
  await hydrated(page);
  await page.getByTestId(`theme-${theme}`).check();
  await page.getByTestId("save-settings").click();
  await expect(page.locator(".app")).toHaveAttribute("data-theme", theme);
}

for (const theme of ["light", "dark"] as const) {
  test(`every screen in the ${theme} theme: accessible, and photographed on a phone and a desktop`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await quickAdd(page, "Water the plants");
    await quickAdd(page, "Позвонить в банк");
    await taskRow(page, "Water the plants").getByRole("button", { name: "Mark as done" }).click();
    await expect(taskRow(page, "Water the plants")).toHaveClass(/done/);
    await setTheme(page, theme);
    await page.goto("/");
    const href = await taskRow(page, "Позвонить в банк").getByTestId("open-task").getAttribute("href");
    const screens = [...SCREENS, { name: "edit-task", path: href! }];

    for (const screen of screens) {
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await page.goto(screen.path);
        await hydrated(page);
        await expect(page.locator(".app")).toHaveAttribute("data-theme", theme);
        await screenshot(page, `${screen.name}-${theme}-${viewport.name}`);
        expect(await seriousViolations(page), `${screen.name} on ${viewport.name}`).toEqual([]);
      }
    }
  });
}

test("the welcome page is accessible", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  expect(await seriousViolations(page)).toEqual([]);
});
