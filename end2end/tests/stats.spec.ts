import { chooseLanguage, expect, hydrated, quickAdd, signIn, taskRow, test, unexpected, watchErrors } from "../support/app";

/**
 * The completion rate is one number: the stats screen shows what the API answers (computed once, in
 * app/src/server/stats.rs), with the done and total counts it is made of, in either language.
 */
for (const lang of [
  { code: "en", done: "Mark as done" },
  { code: "ru", done: "Отметить выполненной" },
]) {
  test(`the completion rate on the stats screen is the API's (${lang.code})`, async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page);
    await chooseLanguage(page, lang.code);
    await page.goto("/?view=all");
    await hydrated(page);
    for (const title of ["One", "Two", "Three"]) await quickAdd(page, title);
    await taskRow(page, "Two").getByRole("button", { name: lang.done }).click();
    await expect(taskRow(page, "Two")).toHaveClass(/done/);

    const answer = await page.request.get("/api/v1/stats");
    expect(answer.status()).toBe(200);
    const stats = await answer.json();
    expect(stats).toMatchObject({ total: 3, done: 1, completion_rate: 33.3 });

    await page.goto("/stats");
    await hydrated(page);
    await expect(page.getByTestId("completion-rate")).toHaveText(`${stats.completion_rate}%`);
    await expect(page.getByTestId("stat-done")).toHaveText(String(stats.done));
    await expect(page.getByTestId("stat-total")).toHaveText(String(stats.total));
    expect(unexpected(errors)).toEqual([]);
  });
}
