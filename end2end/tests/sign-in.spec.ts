import {
  expect,
  hydrated,
  quickAdd,
  register,
  signIn,
  taskRow,
  test,
  unexpected,
  uniqueId,
  watchErrors,
} from "../support/app";
import { TEST_BOT_TOKEN } from "../support/telegram";
import { signWidget, useWidgetPayload } from "../support/widget";

// scripts/local_server.sh starts the server with TELEGRAM_BOT_USERNAME=VectoraE2EBot and the test bot token.

test("the Login Widget's callback signs the browser in, and sign-out ends it", async ({ page, context }) => {
  const errors = watchErrors(page);
  const id = uniqueId();
  await useWidgetPayload(context, signWidget(TEST_BOT_TOKEN, { id, first_name: "Widget", username: `w${id}` }));
  await page.goto("/");
  await expect(page.getByTestId("telegram-widget-button")).toHaveAttribute("data-bot", "VectoraE2EBot");
  await page.getByTestId("telegram-widget-button").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("tab-all")).toBeVisible();
  await hydrated(page);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === "vectora_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await quickAdd(page, "Signed in with the widget");
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("login-form")).toBeVisible();
  expect((await context.cookies()).find((cookie) => cookie.name === "vectora_session")).toBeUndefined();

  // The same Telegram user comes back to the same tasks.
  await page.getByTestId("telegram-widget-button").click();
  await expect(taskRow(page, "Signed in with the widget")).toBeVisible();
  expect(unexpected(errors)).toEqual([]);
});

test("a tampered widget payload is refused with a clear page", async ({ page, context }) => {
  const payload = signWidget(TEST_BOT_TOKEN, { id: uniqueId(), first_name: "Mallory" }).replace(
    "first_name=Mallory",
    "first_name=Alice",
  );
  await useWidgetPayload(context, payload);
  await page.goto("/");
  await page.getByTestId("telegram-widget-button").click();
  await expect(page.getByTestId("sign-in-failed")).toContainText("could not be verified");
  expect((await context.cookies()).find((cookie) => cookie.name === "vectora_session")).toBeUndefined();
});

test("register, sign out and log in with a password, before and after hydration", async ({ page }) => {
  const errors = watchErrors(page);
  const username = `user_${uniqueId()}`;
  await register(page, username);
  await hydrated(page);
  await quickAdd(page, "Password task");

  await page.goto("/settings");
  await expect(page.getByTestId("account-username")).toHaveText(username);
  await page.getByTestId("sign-out").click();

  await page.locator("#login-username").fill(username);
  await page.locator("#login-password").fill("wrong1password");
  await page.getByTestId("log-in").click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong username or password.");

  await page.locator("#login-username").fill(username.toUpperCase());
  await page.locator("#login-password").fill("correct1horse");
  await page.getByTestId("log-in").click();
  await expect(taskRow(page, "Password task")).toBeVisible();
  expect(unexpected(errors)).toEqual([]);
});

test("password forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const username = `nojs_${uniqueId()}`;
  await register(page, username);
  await context.close();
});

test("a one-time link from the bot signs in once", async ({ page, context }) => {
  const errors = watchErrors(page);
  const id = uniqueId();
  // What the bot's /login sends; in development POST /auth/dev/link issues the same link.
  const issued = await page.request.post("/auth/dev/link", { form: { telegram_id: String(id), first_name: "Linked" } });
  expect(issued.status()).toBe(200);
  const link = (await issued.text()).trim();
  expect(link).toMatch(/\/auth\/link\/[0-9a-f]{64}$/);

  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("tab-all")).toBeVisible();
  await hydrated(page);
  await quickAdd(page, "Signed in with a link");
  expect((await context.cookies()).some((cookie) => cookie.name === "vectora_session")).toBe(true);

  // The link works once: a second visit (here after signing out) is told so, in both languages.
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("login-form")).toBeVisible();
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByTestId("sign-in-failed")).toContainText("already used");
  await expect(page.getByTestId("sign-in-failed")).toContainText("уже вошли");
  expect(unexpected(errors.filter((e) => !/status of 410/.test(e)))).toEqual([]);
});

test("signing out of other browsers from Settings ends their sessions at once", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const username = `roam_${uniqueId()}`;
  await register(page, username);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto("/");
  await other.locator("#login-username").fill(username);
  await other.locator("#login-password").fill("correct1horse");
  await other.getByTestId("log-in").click();
  await expect(other.getByTestId("tab-all")).toBeVisible();

  await page.goto("/settings");
  await hydrated(page);
  await expect(page.getByTestId("other-browsers")).toContainText("1");
  await page.getByTestId("end-other-sessions").getByRole("button").click();
  await expect(page.getByTestId("other-browsers")).toHaveText("No other browser is signed in to this account.");

  await other.reload();
  await expect(other.getByTestId("login-form")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("account-username")).toHaveText(username);
  await elsewhere.close();
  expect(unexpected(errors)).toEqual([]);
});

test.describe("on a device in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("a new account takes the device's time zone", async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page);
    // Taken once the first page is interactive, in the background.
    await expect(async () => {
      await page.goto("/settings");
      await hydrated(page);
      await expect(page.getByTestId("settings-zone")).toHaveValue("Asia/Tokyo", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect(unexpected(errors)).toEqual([]);
  });
});
