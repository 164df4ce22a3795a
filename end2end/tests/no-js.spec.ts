import { addWithForm, expect, signIn, taskRow, test, titles } from "../support/app";

// Before the WASM has loaded (or with it blocked), every form is a plain HTML form.
test.use({ javaScriptEnabled: false });

test("add, edit, complete and delete work as plain forms", async ({ page }) => {
  await signIn(page, undefined, { hydrate: false });
  await page.locator("#new-task-title").fill("Added without WASM");
  await page.getByTestId("add-task").click();
  await expect(taskRow(page, "Added without WASM")).toBeVisible();

  await page.locator("#new-task-title").fill(" ");
  await page.getByTestId("add-task").click();
  await expect(page.locator("#new-task-error")).toContainText("Say what to do");

  await addWithForm(page, { title: "Full form without WASM", due: "2031-05-10T09:30", tags: "дом, дача" });
  await expect(taskRow(page, "Full form without WASM")).toContainText("10 May 2031, 09:30");
  await expect(taskRow(page, "Full form without WASM")).toContainText("#дача");

  await taskRow(page, "Added without WASM").getByTestId("open-task").click();
  await page.getByTestId("edit-title").fill("Edited without WASM");
  await page.getByTestId("save-task").click();
  await expect(taskRow(page, "Edited without WASM")).toBeVisible();

  await taskRow(page, "Edited without WASM").getByRole("button", { name: "Mark as done" }).click();
  await expect(taskRow(page, "Edited without WASM")).toHaveClass(/done/);

  await taskRow(page, "Edited without WASM").getByTestId("open-task").click();
  await page.getByTestId("delete-task").click();
  await expect(page.getByTestId("tab-all")).toBeVisible();
  expect(await titles(page)).toEqual(["Full form without WASM"]);

  await page.getByTestId("search").fill("full form");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=/);
  expect(await titles(page)).toEqual(["Full form without WASM"]);
});
