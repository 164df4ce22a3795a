import type { Page } from "@playwright/test";
import * as path from "node:path";

import { ARTIFACTS, VIEWPORTS, expect, test, watchErrors } from "../support/app";

/** Loads "/" and waits until the WASM has hydrated it (an Effect sets data-hydrated in the browser only). */
async function openHydrated(page: Page) {
  const response = await page.goto("/");
  expect(response?.status(), "GET / status").toBe(200);
  await expect(page.locator("h1")).toHaveText("Vectora");
  await expect(page.locator('section[data-hydrated="true"]')).toHaveCount(1, { timeout: 20_000 });
}

async function screenshots(page: Page, prefix: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.screenshot({
      path: path.join(ARTIFACTS, `${prefix}-${viewport.name}-${viewport.width}x${viewport.height}.png`),
      fullPage: true,
    });
  }
}

test("home page is rendered on the server", async ({ request }) => {
  const response = await request.get("/");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  // The heading is in the HTML before any script runs: server-side rendering, not client-side.
  expect(html).toMatch(/<h1[^>]*>\s*Vectora\s*<\/h1>/);
  // Before hydration the marker is false; only the browser's Effect flips it.
  expect(html).not.toContain('data-hydrated="true"');
});

const LANGUAGES = [
  { code: "en", locale: "en-US", name: "English", check: "Check the server", ok: "database OK" },
  { code: "ru", locale: "ru-RU", name: "Russian", check: "Проверить сервер", ok: "база данных в порядке" },
];

for (const lang of LANGUAGES) {
  test.describe(`in ${lang.name}`, () => {
    test.use({ locale: lang.locale, extraHTTPHeaders: { "Accept-Language": lang.code } });

    test(`home page hydrates and the server function answers (${lang.name})`, async ({ page }) => {
      const errors = watchErrors(page);
      await openHydrated(page);
      await expect(page.locator("html")).toHaveAttribute("lang", lang.code);

      const button = page.locator('[data-testid="check-server"]');
      await expect(button).toHaveText(lang.check);
      await expect(button).toBeEnabled();
      await button.click();
      await expect(page.locator('[data-testid="server-status"]')).toContainText(lang.ok);

      await screenshots(page, `home-${lang.code}`);
      expect(errors, "console errors, uncaught exceptions or failed requests").toEqual([]);
    });
  });
}
