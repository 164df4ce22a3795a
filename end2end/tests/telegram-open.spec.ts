import type { Page, Request } from "@playwright/test";

import { expect, hydrated, screenshot, taskRow, test, uniqueId, unexpected, watchErrors } from "../support/app";
import { TEST_BOT_TOKEN, darkTheme, installTelegram, tgCalls, type TelegramOptions } from "../support/telegram";

/**
 * Opening the Mini App from Telegram goes straight to the tasks (issue 15, item 9): the page Telegram opens is
 * rendered signed out (initData is only in the URL fragment), so its first script shows a neutral frame instead of
 * the welcome, asks for the same page with initData and writes the signed-in page in its place, which hydrates as in
 * a browser: the signed-out page's WASM, the welcome's chunk and a second frame are never fetched.
 */

function telegramUser(language: string, extra: Partial<TelegramOptions> = {}): TelegramOptions {
  return {
    botToken: TEST_BOT_TOKEN,
    user: { id: uniqueId(), first_name: "Оля", language_code: language },
    ...extra,
  };
}

/** The page's own requests for the page with initData (its first script's). */
const pagesWithInitData = (requests: Request[]) =>
  requests.filter(
    (r) => r.method() === "GET" && r.resourceType() === "fetch" && (r.headers()["authorization"] ?? "").startsWith("tma "),
  );

/** Every request the page makes, from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

/** Notes whether the welcome card is ever painted, checked on every frame from the first. */
async function watchWelcome(page: Page) {
  await page.addInitScript(() => {
    const look = () => {
      const card = document.getElementById("sign-in");
      if (card && card.getClientRects().length > 0) (window as unknown as { sawWelcome: boolean }).sawWelcome = true;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

const paths = (requests: Request[], pattern: RegExp) =>
  requests.map((r) => new URL(r.url()).pathname).filter((path) => pattern.test(path));

async function addTasks(page: Page, fragment: string, titles: string[]) {
  const initData = new URLSearchParams(fragment.slice(1)).get("tgWebAppData")!;
  for (const title of titles) {
    const answer = await page.request.post("/api/v1/tasks", {
      headers: { Authorization: `tma ${initData}` },
      data: { title },
    });
    expect(answer.status()).toBe(201);
  }
}

for (const language of ["ru", "en"]) {
  test(`opened from Telegram (${language}): the list from one request for the signed-in page, no welcome`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const fragment = await installTelegram(page, telegramUser(language));
    await addTasks(page, fragment, ["Позвонить маме", "Купить хлеб"]);
    await watchWelcome(page);
    const requests = recordRequests(page);

    await page.goto(`/${fragment}`);
    await expect(taskRow(page, "Позвонить маме")).toBeVisible();
    await hydrated(page);
    await expect(page.locator("html")).not.toHaveClass(/tg-boot/);
    await expect(page.getByTestId("tab-all")).toHaveText(language === "ru" ? "Все" : "All");

    // The page Telegram opened, then the same page with initData; the list came in it, not asked for again.
    expect(paths(requests, /^\/$/)).toHaveLength(2);
    expect(pagesWithInitData(requests).map((r) => new URL(r.url()).pathname)).toEqual(["/"]);
    expect(paths(requests, /^\/api\/(frame|tasks\/list)$/)).toEqual([]);
    // One WASM, the signed-in page's: the signed-out page's and the welcome's chunk are never fetched.
    expect(paths(requests, /\.wasm$/)).toHaveLength(1);
    const wasm = requests.find((r) => r.url().endsWith(".wasm"))!;
    expect(wasm.timing().startTime).toBeGreaterThan(pagesWithInitData(requests)[0].timing().startTime);
    expect(await page.evaluate(() => (window as unknown as { sawWelcome?: boolean }).sawWelcome ?? false)).toBe(false);

    // The app works as it does when hydrated: a tick, a new task, the other screens.
    await taskRow(page, "Купить хлеб").getByRole("button", { name: language === "ru" ? "Отметить выполненной" : "Mark as done" }).click();
    await expect(taskRow(page, "Купить хлеб")).toHaveClass(/done/);
    await page.locator("#new-task-title").fill("Полить цветы");
    await page.getByTestId("add-task").click();
    await expect(taskRow(page, "Полить цветы")).toBeVisible();
    await page.locator('nav.tabbar a[href="/settings"]').click();
    await expect(page.getByTestId("theme-dark")).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test("opened from Telegram on another screen, in the dark theme, and reloaded: no welcome, no second request", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const fragment = await installTelegram(page, telegramUser("ru", { themeParams: darkTheme, colorScheme: "dark" }));
  await addTasks(page, fragment, ["Записаться к врачу"]);
  await watchWelcome(page);

  for (const path of ["/calendar", "/stats", "/settings", "/"]) {
    const requests = recordRequests(page);
    await page.goto(`${path}${fragment}`);
    await hydrated(page);
    await expect(page.locator(".app")).toBeVisible();
    // Telegram's colours from the first paint: the page's first script sets them from the fragment.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(0, 0, 0)");
    expect(pagesWithInitData(requests)).toHaveLength(1);
    expect(paths(requests, /^\/api\/frame$/)).toEqual([]);
    await page.reload();
    await hydrated(page);
    await expect(page.locator(".app")).toBeVisible();
  }
  await expect(taskRow(page, "Записаться к врачу")).toBeVisible();
  await screenshot(page, "telegram-open-dark-ru");
  expect(await page.evaluate(() => (window as unknown as { sawWelcome?: boolean }).sawWelcome ?? false)).toBe(false);
  expect(errors).toEqual([]);
});

test("opened from Telegram on a slow connection: the list, in Telegram's colours, before the WASM has arrived", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 360, height: 740 });
  const fragment = await installTelegram(page, telegramUser("ru", { themeParams: darkTheme, colorScheme: "dark" }));
  await addTasks(page, fragment, ["Купить билеты", "Забрать посылку"]);
  await watchWelcome(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(`/${fragment}`);
  await expect(taskRow(page, "Купить билеты")).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(0, 0, 0)");
  // Telegram is told the page is ready once it is parsed, not once the WASM has come.
  await expect.poll(async () => (await tgCalls(page)).map((call) => call.method)).toContain("ready");
  await screenshot(page, "telegram-open-before-wasm-dark-ru-360");

  release();
  await hydrated(page);
  await taskRow(page, "Забрать посылку").getByRole("button", { name: "Отметить выполненной" }).click();
  await expect(taskRow(page, "Забрать посылку")).toHaveClass(/done/);
  expect(await page.evaluate(() => (window as unknown as { sawWelcome?: boolean }).sawWelcome ?? false)).toBe(false);
  expect(unexpected(errors)).toEqual([]);
});

test("opened from Telegram with a task to show (startapp) and with initData only in Telegram's script", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const options = telegramUser("en");
  let fragment = await installTelegram(page, options);
  await addTasks(page, fragment, ["Water the plants"]);
  await page.goto(`/${fragment}`);
  const href = await taskRow(page, "Water the plants").getByTestId("open-task").getAttribute("href");
  const id = href!.split("/").pop();

  fragment = await installTelegram(page, { ...options, startParam: `task-${id}` });
  await page.goto("about:blank");
  const requests = recordRequests(page);
  await page.goto(`/${fragment}`);
  await expect(page).toHaveURL(new RegExp(`/tasks/${id}#tgWebAppData=`));
  await expect(page.getByTestId("edit-title")).toHaveValue("Water the plants");
  await hydrated(page);
  // The task's screen came in the first answer, not after the list.
  expect(pagesWithInitData(requests).map((r) => new URL(r.url()).pathname)).toEqual([`/tasks/${id}`]);
  await page.goBack();
  await expect(page).toHaveURL("about:blank");

  // A server that refuses the initData (a forged one here): the welcome, hydrated, and no loop.
  const forged = await installTelegram(page, { ...options, botToken: "123:forged" });
  const refused = recordRequests(page);
  await page.goto(`/${forged}`);
  await hydrated(page);
  await expect(page.locator("#sign-in")).toBeVisible();
  expect(pagesWithInitData(refused)).toHaveLength(1);
  await page.reload();
  await hydrated(page);
  await expect(page.locator("#sign-in")).toBeVisible();
  expect(pagesWithInitData(refused)).toHaveLength(2);

  // A client that kept no fragment: the page hydrates the welcome, then signs in with the script's initData.
  await installTelegram(page, options);
  await page.goto("/");
  await hydrated(page);
  await expect(taskRow(page, "Water the plants")).toBeVisible();
  // The browser logs the refusals of the forged initData above, and the reloads cut short what was loading.
  expect(unexpected(errors).filter((e) => !/status of 401 \(Unauthorized\)/.test(e))).toEqual([]);
});
