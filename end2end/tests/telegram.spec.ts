import type { Page } from "@playwright/test";
import * as http from "node:http";
import type { AddressInfo } from "node:net";

import { expect, hydrated, screenshot, taskRow, test, uniqueId, unexpected, watchErrors } from "../support/app";
import {
  TEST_BOT_TOKEN,
  backButtonVisible,
  clickBackButton,
  clickMainButton,
  darkTheme,
  installTelegram,
  lastConfirm,
  lightTheme,
  mainButtonState,
  setTheme,
  tgCalls,
  type TelegramOptions,
} from "../support/telegram";

function telegramUser(language = "ru"): TelegramOptions {
  return {
    botToken: TEST_BOT_TOKEN,
    user: { id: uniqueId(), first_name: "Аня", username: "anya", language_code: language },
  };
}

/** Opens the Mini App and waits until it has signed in with initData. */
async function openMiniApp(page: Page) {
  await page.goto("/");
  await hydrated(page);
  await expect(page.getByTestId("tab-all")).toBeVisible();
}

test("inside Telegram: initData signs in; MainButton, BackButton, haptics and popups drive the app", async ({
  page,
  context,
}) => {
  const errors = watchErrors(page);
  await installTelegram(page, telegramUser("ru"));
  await openMiniApp(page);
  await expect(page.getByTestId("tab-all")).toHaveText("Все");
  const calls = (await tgCalls(page)).map((c) => c.method);
  expect(calls).toEqual(expect.arrayContaining(["ready", "expand", "disableVerticalSwipes"]));

  await expect.poll(() => mainButtonState(page)).toMatchObject({ text: "Добавить задачу", isVisible: true });
  expect(await backButtonVisible(page)).toBe(false);
  await clickMainButton(page);
  await expect(page).toHaveURL(/\/tasks\/new$/);
  await expect.poll(() => backButtonVisible(page)).toBe(true);
  await expect.poll(() => mainButtonState(page)).toMatchObject({ text: "Сохранить", isVisible: true });

  await page.getByTestId("edit-title").fill("Купить подарок");
  await clickMainButton(page);
  await expect(taskRow(page, "Купить подарок")).toBeVisible();
  await expect.poll(() => backButtonVisible(page)).toBe(false);
  await expect.poll(() => mainButtonState(page)).toMatchObject({ text: "Добавить задачу" });

  await taskRow(page, "Купить подарок").getByRole("button", { name: "Отметить выполненной" }).click();
  await expect(taskRow(page, "Купить подарок")).toHaveClass(/done/);
  expect(await tgCalls(page)).toContainEqual({ method: "HapticFeedback.notificationOccurred", args: ["success"] });

  await taskRow(page, "Купить подарок").getByTestId("open-task").click();
  await expect.poll(() => backButtonVisible(page)).toBe(true);
  await clickBackButton(page);
  await expect(page).toHaveURL(/\/$/);

  await taskRow(page, "Купить подарок").getByTestId("open-task").click();
  await page.getByTestId("delete-task").click();
  await expect(page.getByTestId("empty")).toBeVisible();
  // No confirmation popup: the page's notice offers an Undo instead.
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("Задача удалена");
  await expect(notice.getByRole("button", { name: "Отменить" })).toBeVisible();
  expect(await lastConfirm(page)).toBeNull();
  expect(await tgCalls(page)).toContainEqual({ method: "HapticFeedback.notificationOccurred", args: ["warning"] });

  await page.getByRole("link", { name: "Настройки" }).click();
  await expect.poll(() => mainButtonState(page)).toMatchObject({ text: "Сохранить", isVisible: true });
  await page.getByTestId("theme-dark").check();
  await clickMainButton(page);
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "dark");
  const colours = (await tgCalls(page)).filter((c) => c.method.startsWith("set"));
  expect(colours).toContainEqual({ method: "setHeaderColor", args: ["#17212b"] });
  expect(colours).toContainEqual({ method: "setBackgroundColor", args: ["#17212b"] });

  expect(await context.cookies(), "no cookie is needed inside Telegram").toEqual([]);
  expect(unexpected(errors)).toEqual([]);
});

test("the theme follows themeParams, live", async ({ page }) => {
  await installTelegram(page, { ...telegramUser("en"), themeParams: darkTheme, colorScheme: "dark" });
  await openMiniApp(page);
  const body = page.locator("body");
  await expect(body).toHaveCSS("background-color", "rgb(0, 0, 0)");
  await expect(page.locator(".tabbar")).toHaveCSS("background-color", "rgb(28, 28, 29)");
  await screenshot(page, "telegram-dark-phone");
  await setTheme(page, lightTheme, "light");
  await expect(body).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await expect(page.locator(".tabbar")).toHaveCSS("background-color", "rgb(239, 239, 244)");
  await expect(page.locator("html")).toHaveAttribute("data-color-scheme", "light");
});

test("startapp opens the task it names", async ({ browser }) => {
  const options = telegramUser("en");
  const first = await browser.newPage();
  await installTelegram(first, options);
  await openMiniApp(first);
  await first.locator("#new-task-title").fill("Opened from a link");
  await first.getByTestId("add-task").click();
  const href = await taskRow(first, "Opened from a link").getByTestId("open-task").getAttribute("href");
  const id = href!.split("/").pop();
  await first.close();

  const page = await browser.newPage();
  await installTelegram(page, { ...options, startParam: `task-${id}` });
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`));
  await expect(page.getByTestId("edit-title")).toHaveValue("Opened from a link");
  await page.close();
});

test("a forged initData signs nobody in", async ({ page }) => {
  await installTelegram(page, { ...telegramUser("en"), initData: "user=%7B%22id%22%3A1%7D&auth_date=1&hash=00" });
  await page.goto("/");
  await hydrated(page);
  await expect(page.getByTestId("check-server")).toBeVisible();
  await expect(page.getByTestId("tab-all")).toHaveCount(0);
});

/** Telegram Web's stand-in: a page on another loopback address (another site) framing the app. */
async function serveParentPage(appUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!doctype html><title>Telegram Web</title>
      <iframe src="${appUrl}/" title="Vectora" style="width:390px;height:780px;border:0"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.2:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test("inside Telegram Web's cross-origin iframe the app loads and saves tasks", async ({ page, context, baseURL }) => {
  const errors = watchErrors(page);
  await installTelegram(context, telegramUser("en"));
  const parent = await serveParentPage(baseURL!);
  try {
    await page.goto(parent.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByTestId("tab-all")).toBeVisible({ timeout: 20_000 });
    await frame.locator("#new-task-title").fill("Saved from an iframe");
    await frame.getByTestId("add-task").click();
    await expect(frame.locator('[data-testid="task"]', { hasText: "Saved from an iframe" })).toBeVisible();
    await page.reload();
    await expect(frame.locator('[data-testid="task"]', { hasText: "Saved from an iframe" })).toBeVisible({
      timeout: 20_000,
    });
    expect(await context.cookies(), "no third-party cookie is involved").toEqual([]);
  } finally {
    await parent.close();
  }
  expect(unexpected(errors)).toEqual([]);
});
