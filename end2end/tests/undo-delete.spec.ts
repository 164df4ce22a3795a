import type { Page } from "@playwright/test";

import {
  addWithForm,
  chooseLanguage,
  expect,
  hydrated,
  signIn,
  taskRow,
  test,
  unexpected,
  watchErrors,
} from "../support/app";

/** Every browser dialog (alert, confirm, prompt) the page opens: deleting must open none. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    return dialog.dismiss();
  });
  return dialogs;
}

async function deleteFromItsScreen(page: Page, title: string) {
  await taskRow(page, title).getByTestId("open-task").click();
  await page.getByTestId("delete-task").click();
  await expect(page.getByTestId("tab-all")).toBeVisible();
  await expect(taskRow(page, title)).toHaveCount(0);
}

test("Undo brings a deleted task back with its id and tags, and no dialog asks anything", async ({ page }) => {
  const errors = watchErrors(page);
  const dialogs = watchDialogs(page);
  await signIn(page);
  await addWithForm(page, { title: "Полить цветы", tags: "дом, дача", priority: "high" });
  const row = taskRow(page, "Полить цветы");
  await expect(row).toContainText("#дача");
  const href = await row.getByTestId("open-task").getAttribute("href");

  await deleteFromItsScreen(page, "Полить цветы");
  const notice = page.getByTestId("notice");
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice).toHaveAttribute("aria-live", "polite");
  await expect(notice).toContainText("Task deleted");
  const undo = notice.getByRole("button", { name: "Undo" });
  const box = (await undo.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);

  // From the keyboard: the button takes the focus (which holds the notice) and Enter presses it.
  await undo.focus();
  await page.keyboard.press("Enter");
  const back = taskRow(page, "Полить цветы");
  await expect(back).toBeVisible();
  await expect(back).toContainText("#дом");
  await expect(back).toContainText("#дача");
  await expect(back).toContainText("High");
  expect(await back.getByTestId("open-task").getAttribute("href")).toBe(href);
  await expect(notice).toHaveText("Task restored");

  // Its old link still opens it.
  await page.goto(href!);
  await hydrated(page);
  await expect(page.getByTestId("edit-title")).toHaveValue("Полить цветы");
  await expect(page.getByTestId("tag-chip")).toHaveText(["дом×", "дача×"]);
  expect(dialogs).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
});

test("left alone, the Undo goes after a few seconds and the task stays deleted (Russian, 360 px)", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const dialogs = watchDialogs(page);
  const phone = { width: 360, height: 740 };
  await page.setViewportSize(phone);
  await signIn(page);
  await chooseLanguage(page, "ru");
  await page.goto("/");
  await hydrated(page);
  await addWithForm(page, { title: "Вынести мусор", tags: "дом" });
  await addWithForm(page, { title: "Остаётся" });

  await deleteFromItsScreen(page, "Вынести мусор");
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("Задача удалена");
  const undo = notice.getByRole("button", { name: "Отменить" });
  await expect(undo).toBeVisible();
  // On one line, inside the window, the button a full 44 px target.
  const toast = (await notice.boundingBox())!;
  expect(toast.x).toBeGreaterThanOrEqual(0);
  expect(toast.x + toast.width).toBeLessThanOrEqual(phone.width);
  expect(toast.height).toBeLessThan(2 * 44);
  const button = (await undo.boundingBox())!;
  expect(button.height).toBeGreaterThanOrEqual(44);
  expect(button.x + button.width).toBeLessThanOrEqual(toast.x + toast.width);

  await expect(undo).toHaveCount(0, { timeout: 15_000 });
  await expect(notice).toHaveText("");
  await expect(taskRow(page, "Вынести мусор")).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect(taskRow(page, "Остаётся")).toBeVisible();
  await expect(taskRow(page, "Вынести мусор")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
});
