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

const PHONE = { width: 360, height: 740 };

const LONG_TITLE = `${"Очень длинное название задачи, которое не помещается ".repeat(10)}`.slice(0, 500);
const LONG_TAGS = ["т".repeat(50), "tag-".repeat(12) + "xy", "ещё-один-длинный-тег-для-проверки-ширины-экрана-1"];
const LONG_CATEGORY = "Категория с очень длинным названием для узкого экрана".slice(0, 50);

const LANGUAGES = [
  { code: "en", tabs: ["Today", "Upcoming", "All", "Done"] },
  { code: "ru", tabs: ["Сегодня", "Впереди", "Все", "Выполнено"] },
] as const;

/**
 * Controls whose tap target is smaller than 44 × 44 px: each (a checkbox or radio: its label) is
 * scrolled to the middle of the window, and the points 21 px left, right, above and below its
 * centre must reach it.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      "button, a.button, .tabs a, select, summary, input[type=checkbox], input[type=radio]",
    );
    const small: string[] = [];
    for (const control of controls) {
      if (control.getClientRects().length === 0 || control.closest(".visually-hidden")) continue;
      // A checkbox or radio is tapped through its label.
      const target = control.matches("input") ? (control.closest("label") ?? control) : control;
      target.scrollIntoView({ block: "center", inline: "center" });
      const box = target.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const reaches = (hit: Element | null) =>
        hit !== null &&
        (control.contains(hit) || (hit.closest("label") !== null && hit.closest("label")!.contains(control)));
      const missed = [
        [x - 21, y],
        [x + 21, y],
        [x, y - 21],
        [x, y + 21],
      ].filter(([px, py]) => !reaches(document.elementFromPoint(px, py)));
      if (missed.length > 0) {
        const name = control.getAttribute("data-testid") ?? control.getAttribute("aria-label") ?? control.textContent?.trim();
        small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

/** How far the page reaches past the window's right edge, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const lang of LANGUAGES) {
  test(`every screen fits a 360 px window in ${lang.code}, long titles, tags and categories included`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.setViewportSize(PHONE);
    await signIn(page);
    await chooseLanguage(page, lang.code);
    await page.goto("/");
    await hydrated(page);
    await addWithForm(page, { title: LONG_TITLE, tags: LONG_TAGS.join(", "), category: LONG_CATEGORY });
    const row = taskRow(page, LONG_TITLE.slice(0, 40));
    await expect(row).toBeVisible();
    const href = await row.getByTestId("open-task").getAttribute("href");

    // The list clamps the title: three lines, not the whole 500 characters.
    const title = row.locator(".title");
    const lineHeight = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect((await title.boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 3 + 2);

    // All four tabs are on screen, none cut off.
    const tabs = page.locator(".tabs a");
    await expect(tabs).toHaveText([...lang.tabs]);
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      const clipped = await tab.evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(clipped, `tab "${await tab.textContent()}" is cut off`).toBe(false);
    }

    const screens = [
      "/",
      "/?view=today",
      "/?view=upcoming",
      "/?view=done",
      `/?category=${encodeURIComponent(LONG_CATEGORY)}`,
      "/tasks/new",
      href!,
      "/calendar",
      "/stats",
      "/settings",
    ];
    for (const [i, path] of screens.entries()) {
      await page.goto(path);
      await hydrated(page);
      // The filters open, so that their selects (with the long category) are measured too.
      const filters = page.locator("details.more-filters");
      if ((await filters.count()) > 0) {
        await filters.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      }
      expect(await overflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, `phone-360-${lang.code}-${i}`);
      expect(await smallTargets(page), `${path}: tap targets under 44 px`).toEqual([]);
    }
    expect(unexpected(errors)).toEqual([]);
  });
}
