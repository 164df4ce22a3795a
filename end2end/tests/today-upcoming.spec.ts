import type { Page } from "@playwright/test";

import {
  addWithForm,
  chooseLanguage,
  expect,
  hydrated,
  screenshot,
  signIn,
  taskRow,
  test,
  unexpected,
  watchErrors,
} from "../support/app";

const LANGUAGES = [
  { code: "en", overdue: "Overdue", move: "Move to today", today: "Today", tomorrow: "Tomorrow", march: "March" },
  { code: "ru", overdue: "Просрочено", move: "Перенести на сегодня", today: "Сегодня", tomorrow: "Завтра", march: "марта" },
] as const;

/** A day counted from the browser's today, as `YYYY-MM-DD` (the test user's zone follows the browser). */
async function localDay(page: Page, daysFromToday: number): Promise<string> {
  return page.evaluate((days) => {
    const day = new Date(Date.now() + days * 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  }, daysFromToday);
}

for (const lang of LANGUAGES) {
  test(`Today puts the overdue first, moved to today in one tap; Upcoming is a list of days (${lang.code})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page);
    await chooseLanguage(page, lang.code);
    await page.goto("/");
    await hydrated(page);
    const nextYear = Number((await localDay(page, 0)).slice(0, 4)) + 1;
    await addWithForm(page, { title: "Old bill", due: "2020-01-15T10:00" });
    await addWithForm(page, { title: "Late tonight", due: `${await localDay(page, 0)}T23:58` });
    await addWithForm(page, { title: "Tomorrow morning", due: `${await localDay(page, 1)}T08:00` });
    await addWithForm(page, { title: "Next spring", due: `${nextYear}-03-03T09:00` });
    await expect(taskRow(page, "Next spring")).toBeVisible();

    await page.goto("/?view=today");
    await hydrated(page);
    const overdue = page.getByTestId("overdue-group");
    await expect(overdue.locator("h2")).toHaveText(lang.overdue);
    await expect(overdue.getByTestId("task")).toHaveCount(1);
    await expect(taskRow(page, "Old bill").locator(".due")).toContainText("2020, 10:00");
    await expect(page.getByTestId("task-group").locator("h2")).toHaveText(lang.today);
    await screenshot(page, `today-overdue-${lang.code}`);

    await overdue.getByTestId("move-to-today").click();
    await expect(page.getByTestId("overdue-group")).toHaveCount(0);
    await expect(taskRow(page, "Old bill").locator(".due")).toHaveText(new RegExp(`^${lang.today}, (10:00|23:59)$`));
    await expect(taskRow(page, "Late tonight")).toBeVisible();
    await page.reload();
    await hydrated(page);
    await expect(page.getByTestId("overdue-group")).toHaveCount(0);

    await page.getByTestId("tab-upcoming").click();
    await expect(page).toHaveURL(/view=upcoming/);
    const headings = page.locator(".task-group h2");
    await expect(headings).toHaveText([new RegExp(`^${lang.tomorrow}, \\d+ \\S+$`), `3 ${lang.march} ${nextYear}`]);
    await expect(taskRow(page, "Tomorrow morning").locator(".due")).toHaveText("08:00");
    await expect(page.getByTestId("drag-handle")).toHaveCount(0);
    await screenshot(page, `upcoming-days-${lang.code}`);
    expect(unexpected(errors)).toEqual([]);
  });
}

test("a tick is one request, and an error keeps the list on screen and says why", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  for (const title of ["One", "Two", "Three"]) {
    await page.locator("#new-task-title").fill(title);
    await page.locator("#new-task-title").press("Enter");
    await expect(taskRow(page, title)).toBeVisible();
  }
  const calls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) calls.push(new URL(request.url()).pathname);
  });
  for (const title of ["One", "Two", "Three"]) {
    const tick = taskRow(page, title).getByTestId("tick");
    if (title === "Two") {
      // From the keyboard, the focus stays on the row once the list is shown again.
      await tick.focus();
      await page.keyboard.press("Enter");
      await expect(tick).toHaveAttribute("aria-pressed", "true");
      await expect(taskRow(page, title).getByTestId("tick")).toBeFocused();
    } else {
      await tick.click();
      await expect(tick).toHaveAttribute("aria-pressed", "true");
    }
  }
  await page.waitForLoadState("networkidle");
  expect(calls).toEqual(["/api/tasks/set-done", "/api/tasks/set-done", "/api/tasks/set-done"]);

  // Over the rate limit: the tick is undone and the message names the limit; the list stays.
  await page.route("**/api/tasks/set-done", (route) =>
    route.fulfill({
      status: 429,
      headers: { "retry-after": "30" },
      contentType: "application/json",
      body: JSON.stringify("rate_limited:30"),
    }),
  );
  await taskRow(page, "One").getByTestId("tick").click();
  await expect(page.getByTestId("notice")).toContainText("Too many changes");
  await expect(taskRow(page, "One").getByTestId("tick")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("task")).toHaveCount(3);

  // Offline: loading the list again fails, the list stays, and the note says there is no connection.
  await page.route("**/api/tasks/list", (route) => route.abort("internetdisconnected"));
  await page.getByTestId("search").fill("Tw");
  await expect(page.getByTestId("load-failed")).toContainText("No connection");
  await expect(page.getByTestId("task")).toHaveCount(3);
  await screenshot(page, "list-kept-offline");
  await page.unroute("**/api/tasks/list");
  await page.getByTestId("load-failed").getByRole("button").click();
  await expect(page.getByTestId("load-failed")).toHaveCount(0);
  await expect(page.getByTestId("task")).toHaveCount(1);
  expect(
    unexpected(errors).filter((e) => !/status of 429|ERR_INTERNET_DISCONNECTED/.test(e)),
  ).toEqual([]);
});
