import type { Page } from "@playwright/test";

import { chooseLanguage, expect, hydrated, screenshot, signIn, taskRow, test, unexpected, watchErrors } from "../support/app";

const PHONE = { width: 360, height: 740 };

/** The year after the browser's (the test user's zone follows the browser). */
async function nextYear(page: Page): Promise<number> {
  return page.evaluate(() => new Date().getFullYear() + 1);
}

function dayCell(page: Page, date: string) {
  return page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
}

/** Types a line into the chosen day's quick add and adds it with Enter. */
async function addLine(page: Page, line: string) {
  await page.locator("#new-task-title").fill(line);
  await page.locator("#new-task-title").press("Enter");
  await expect(page.locator("#new-task-title")).toHaveValue("");
}

/**
 * The day's count badge shows `count` and lies wholly inside its tile (the cell inside its clear
 * border), below the day's number; the cell is a 44 × 44 px tap target.
 */
async function expectBadgeInside(page: Page, date: string, count: string) {
  const cell = dayCell(page, date);
  await expect(cell.getByTestId("day-count")).toHaveText(count);
  const boxes = await cell.evaluate((el) => {
    const outer = el.getBoundingClientRect();
    const tile = {
      left: outer.left + el.clientLeft,
      top: outer.top + el.clientTop,
      right: outer.left + el.clientLeft + el.clientWidth,
      bottom: outer.top + el.clientTop + el.clientHeight,
    };
    const box = (selector: string) => {
      const r = el.querySelector(selector)!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return { outer: { width: outer.width, height: outer.height }, tile, badge: box(".count"), number: box(".number") };
  });
  const { outer, tile, badge, number } = boxes;
  const where = `${date} at ${page.viewportSize()!.width} px: ${JSON.stringify(boxes)}`;
  expect(badge.left, where).toBeGreaterThanOrEqual(tile.left - 0.5);
  expect(badge.right, where).toBeLessThanOrEqual(tile.right + 0.5);
  expect(badge.top, where).toBeGreaterThanOrEqual(tile.top - 0.5);
  expect(badge.bottom, where).toBeLessThanOrEqual(tile.bottom + 0.5);
  expect(number.bottom, where).toBeLessThanOrEqual(badge.top + 0.5);
  expect(outer.width, where).toBeGreaterThanOrEqual(44);
  expect(outer.height, where).toBeGreaterThanOrEqual(44);
}

/** How far the page reaches past the window's right edge, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("a line added on a chosen calendar day lands on it, and its count sits inside the day at 360 px (ru)", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await chooseLanguage(page, "ru");
  const year = await nextYear(page);
  const [chosen, other] = [`${year}-03-17`, `${year}-03-20`];

  await page.goto(`/calendar?month=${year}-03`);
  await hydrated(page);
  await dayCell(page, chosen).click();
  await expect(page).toHaveURL(new RegExp(`day=${chosen}`));
  await expect(page.locator("#agenda-title")).toHaveText("Задачи на этот день: 17 мар");
  await expect(dayCell(page, chosen)).toHaveAttribute("aria-current", "date");

  const calls: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/") && path !== "/api/tasks/quick/chips") calls.push(path);
  });

  // A time alone: that time on the chosen day, which the chips already say.
  await page.locator("#new-task-title").fill("Позвонить маме 18:30");
  await expect(page.getByTestId("chip-due")).toHaveText(new RegExp(`^17 \\S+ ${year}, 18:30×?$`));
  await page.locator("#new-task-title").press("Enter");
  await expect(page.locator("#new-task-title")).toHaveValue("");
  await expect(page.locator("#new-task-title")).toBeFocused();
  const call = taskRow(page, "Позвонить маме");
  await expect(call.locator(".due")).toHaveText(/, 18:30$/);
  await expectBadgeInside(page, chosen, "1");
  await page.waitForLoadState("networkidle");
  expect(calls, "the grid and the agenda come with the answer").toEqual(["/api/calendar/quick"]);

  // No date and no time: the chosen day, in the morning.
  await addLine(page, "Купить хлеб #дом");
  await expect(taskRow(page, "Купить хлеб").locator(".due")).toHaveText(/, 09:00$/);
  await expectBadgeInside(page, chosen, "2");

  // A date of its own wins: the task goes to that day, the agenda stays on the chosen one.
  await addLine(page, `Отчёт 20.03.${year}`);
  await expectBadgeInside(page, other, "1");
  await expectBadgeInside(page, chosen, "2");
  await expect(page.getByTestId("agenda").getByTestId("task")).toHaveCount(2);
  await expect(taskRow(page, "Отчёт")).toHaveCount(0);

  expect(await overflow(page), "the calendar scrolls sideways").toBeLessThanOrEqual(0);
  await screenshot(page, "calendar-day-quick-add-ru-360");

  // Rendered again by the server, then at every width up to a desktop.
  await page.reload();
  await hydrated(page);
  for (const width of [360, 390, 600, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectBadgeInside(page, chosen, "2");
    await expectBadgeInside(page, other, "1");
    expect(await overflow(page), `the calendar scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }

  // A day gone by: the task is overdue at once, and the day is marked so, its badge still inside.
  await page.setViewportSize(PHONE);
  await page.goto("/calendar?month=2020-01&day=2020-01-15");
  await hydrated(page);
  await addLine(page, "Старый счёт");
  await expect(taskRow(page, "Старый счёт").locator(".due.overdue")).toBeVisible();
  await expect(dayCell(page, "2020-01-15")).toHaveClass(/has-overdue/);
  await expectBadgeInside(page, "2020-01-15", "1");
  await screenshot(page, "calendar-day-overdue-ru-360");

  expect(unexpected(errors)).toEqual([]);
});

test.describe("without WASM", () => {
  test.use({ javaScriptEnabled: false });

  test("the chosen day's line is a plain form that goes back to the day", async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page, undefined, { hydrate: false });
    const day = "/calendar?month=2031-05&day=2031-05-10";
    await page.goto(day);
    await page.locator("#new-task-title").fill("Dentist 9:30");
    await page.getByTestId("add-task").click();
    await expect(taskRow(page, "Dentist").locator(".due")).toHaveText("10 May 2031, 09:30");
    expect(page.url()).toContain(day);
    await expect(dayCell(page, "2031-05-10").getByTestId("day-count")).toHaveText("1");

    await page.locator("#new-task-title").fill(" ");
    await page.getByTestId("add-task").click();
    await expect(page.locator("#new-task-error")).toContainText("Say what to do");
    await expect(dayCell(page, "2031-05-10").getByTestId("day-count")).toHaveText("1");
    // With scripts off, the browser refuses the page's module preloads (reported as "csp").
    expect(unexpected(errors).filter((error) => !error.endsWith(" csp"))).toEqual([]);
  });
});
