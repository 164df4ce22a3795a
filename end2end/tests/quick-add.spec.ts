import type { Page } from "@playwright/test";

import { chooseLanguage, expect, hydrated, screenshot, signIn, taskRow, test, titles, unexpected, watchErrors } from "../support/app";

const LANGUAGES = [
  { code: "en", line: "buy milk tomorrow 9:00 #home !high", title: "buy milk", tag: "#home", due: "Tomorrow, 09:00" },
  { code: "ru", line: "купить молоко завтра 9:00 #дом !high", title: "купить молоко", tag: "#дом", due: "Завтра, 09:00" },
] as const;

/** Types a line into the quick-add field and adds it with Enter. */
async function addLine(page: Page, line: string) {
  await page.locator("#new-task-title").fill(line);
  await page.locator("#new-task-title").press("Enter");
  await expect(page.locator("#new-task-title")).toHaveValue("");
}

/** Tomorrow's day of the month where the browser is (the test user's zone follows it). */
async function tomorrowsDay(page: Page): Promise<number> {
  return page.evaluate(() => new Date(Date.now() + 24 * 3600 * 1000).getDate());
}

for (const lang of LANGUAGES) {
  test(`quick add reads dates, times, tags and priority like the bot (${lang.code})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page);
    await chooseLanguage(page, lang.code);
    await page.goto("/");
    await hydrated(page);

    await addLine(page, lang.line);
    const row = taskRow(page, lang.title);
    await expect(row.locator(".title")).toHaveText(lang.title);
    await expect(row).toContainText(lang.tag);
    await expect(row.locator(".due")).toHaveText(lang.due);
    await expect(row.locator(".badge.priority-high")).toBeVisible();
    await screenshot(page, `quick-add-${lang.code}`);
    expect(unexpected(errors)).toEqual([]);
  });
}

test("a task added from Today is due today and one added from Upcoming tomorrow: both stay in view", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await signIn(page);

  await page.getByTestId("tab-today").click();
  await expect(page).toHaveURL(/view=today/);
  await addLine(page, "Call the plumber");
  await expect(taskRow(page, "Call the plumber")).toBeVisible();
  await expect(taskRow(page, "Call the plumber").locator(".due")).toContainText("Today");

  await page.getByTestId("tab-upcoming").click();
  await expect(page).toHaveURL(/view=upcoming/);
  await addLine(page, "Pay the rent");
  await expect(taskRow(page, "Pay the rent")).toBeVisible();
  const day = page.getByTestId("task-group").filter({ has: taskRow(page, "Pay the rent") });
  await expect(day.locator("h2")).toHaveText(new RegExp(`^Tomorrow, ${await tomorrowsDay(page)} `));

  // Reloaded, each is still in the list it was added from.
  await page.goto("/?view=today");
  await hydrated(page);
  expect(await titles(page)).toContain("Call the plumber");
  await page.goto("/?view=upcoming");
  await hydrated(page);
  expect(await titles(page)).toContain("Pay the rent");
  expect(unexpected(errors)).toEqual([]);
});

test("Enter and a tap on a slow connection add the task once, and the button says it is busy", async ({ page }) => {
  await signIn(page);
  let posts = 0;
  await page.route("**/api/tasks/quick", async (route) => {
    posts += 1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const button = page.getByTestId("add-task");
  await page.locator("#new-task-title").fill("Only once");
  await page.locator("#new-task-title").press("Enter");
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute("aria-busy", "true");
  await page.locator("#new-task-title").press("Enter");
  await button.click({ force: true });
  await expect(taskRow(page, "Only once")).toBeVisible();
  await expect(button).toBeEnabled();
  expect(await titles(page)).toEqual(["Only once"]);
  expect(posts).toBe(1);
});

for (const lang of LANGUAGES) {
  test(`chips show what the line says while it is typed; a removed chip stays words (${lang.code})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page);
    await chooseLanguage(page, lang.code);
    await page.goto("/");
    await hydrated(page);

    await page.locator("#new-task-title").pressSequentially(lang.line, { delay: 10 });
    await expect(page.getByTestId("chip-due")).toHaveText(new RegExp(`^${lang.due}`));
    await expect(page.getByTestId("chip-tags")).toContainText(lang.tag);
    await expect(page.getByTestId("chip-priority")).toBeVisible();
    await screenshot(page, `quick-add-chips-${lang.code}`);

    await page.getByTestId("chip-tags").getByRole("button").click();
    await expect(page.getByTestId("chip-tags")).toHaveCount(0);
    await expect(page.getByTestId("chip-due")).toBeVisible();
    await page.getByTestId("add-task").click();
    await expect(page.locator("#new-task-title")).toHaveValue("");
    await expect(page.getByTestId("chip-due")).toHaveCount(0);
    const row = taskRow(page, `${lang.title} ${lang.tag}`);
    await expect(row.locator(".title")).toHaveText(`${lang.title} ${lang.tag}`);
    await expect(row.locator(".due")).toHaveText(lang.due);
    expect(unexpected(errors)).toEqual([]);
  });
}
