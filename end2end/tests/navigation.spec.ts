import { expect, hydrated, signIn, test, unexpected, watchErrors } from "../support/app";

/**
 * On a slow connection a tap on a tab says at once that the app is on its way: a bar along the top and
 * `aria-busy` on the page until the next screen is there (issue 15, item 8).
 */
test("a tab on a slow connection shows that the next screen is loading", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  const progress = page.locator(".route-progress");
  await expect(progress).not.toHaveClass(/active/);

  // The calendar's WASM chunk comes 1.5 s late.
  await page.route(/\/pkg\/(?!vectora\.)[^/]+\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.locator('nav.tabbar a[href="/calendar"]').click();
  await expect(progress).toHaveClass(/active/);
  await expect(progress).toBeVisible();
  await expect(page.locator("main.page")).toHaveAttribute("aria-busy", "true");
  await expect(page.getByTestId("month-title")).toBeVisible({ timeout: 10_000 });
  await expect(progress).not.toHaveClass(/active/);
  await expect(page.locator("main.page")).toHaveAttribute("aria-busy", "false");
  await hydrated(page);
  expect(unexpected(errors)).toEqual([]);
});
