import { expect, hydrated, signIn, taskRow, test, unexpected, watchErrors } from "../support/app";

test("a token made in Settings drives the API until it is revoked", async ({ page, request }) => {
  const errors = watchErrors(page);
  await signIn(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await hydrated(page);
  await expect(page.getByTestId("no-tokens")).toBeVisible();

  await page.getByTestId("token-name").fill("   ");
  await page.getByTestId("create-token").click();
  await expect(page.getByTestId("token-form").locator(".field-error")).not.toBeEmpty();

  await page.getByTestId("token-name").fill("Backup script");
  await page.getByTestId("create-token").click();
  const secret = await page.getByTestId("new-token-secret").inputValue();
  expect(secret).toMatch(/^vct_[0-9a-f]{64}$/);
  await expect(page.getByTestId("token-row-name")).toHaveText(["Backup script"]);

  const auth = { Authorization: `Bearer ${secret}` };
  const created = await request.post("/api/v1/tasks", { headers: auth, data: { title: "Через API-токен" } });
  expect(created.status()).toBe(201);

  // The secret is shown once: after a reload only the name is left.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("token-row-name")).toHaveText(["Backup script"]);
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);

  await page.getByRole("link", { name: "Tasks" }).click();
  await expect(taskRow(page, "Через API-токен")).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await hydrated(page);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("revoke-token").click();
  await expect(page.getByTestId("no-tokens")).toBeVisible();
  const refused = await request.get("/api/v1/tasks", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(unexpected(errors)).toEqual([]);
});
