import { test as base, expect, type Frame, type Page } from "@playwright/test";
import * as fs from "node:fs";
import * as path from "node:path";

import { installOutsideTelegram } from "./telegram";
import { installLoginWidgetStub } from "./widget";

/** Screenshots go to end2end/artifacts/ (gitignored); look at them after a run. */
export const ARTIFACTS = path.join(__dirname, "..", "artifacts");
fs.mkdirSync(ARTIFACTS, { recursive: true });

export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];

/**
 * Every test: Telegram's script (unreachable here) is served by the outside-Telegram stub, as a
 * plain browser would get it; tests inside Telegram install the other stub over it. The Login
 * Widget's script is stubbed too (support/widget.ts).
 */
export const test = base.extend<{ outsideTelegram: void }>({
  outsideTelegram: [
    async ({ context }, use) => {
      await installOutsideTelegram(context);
      await installLoginWidgetStub(context);
      await use();
    },
    { auto: true },
  ],
});

export { expect };

export function uniqueId(): number {
  return 100_000 + Math.floor(Math.random() * 1_000_000_000);
}

/** Collects console errors, uncaught exceptions and failed requests from the moment it is called. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location();
      errors.push(`console.error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message} (on ${page.url()})`));
  page.on("requestfailed", (request) =>
    errors.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`),
  );
  return errors;
}

/**
 * Chromium logs refused fetches (422, 404) as console errors, and a navigation cancels what the
 * page was still loading (ERR_ABORTED); tests that cause them expect them.
 */
export function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/status of (404|422)|net::ERR_ABORTED/.test(e));
}

/** Waits until the WASM has hydrated the page (the app marks `<html data-hydrated>`). */
export async function hydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
}

/** Signs in through the development sign-in and waits for the hydrated task list. */
export async function signIn(page: Page, telegramId: number = uniqueId(), options = { hydrate: true }) {
  await page.goto("/");
  await page.locator("#dev-telegram-id").fill(String(telegramId));
  await page.locator('[data-testid="dev-sign-in"]').click();
  await expect(page.locator('[data-testid="tab-all"]')).toBeVisible();
  if (options.hydrate) {
    await hydrated(page);
  }
  return telegramId;
}

/** Switches the signed-in user's language in Settings and waits for the page to speak it. */
export async function chooseLanguage(page: Page, code: string) {
  await page.goto("/settings");
  await hydrated(page);
  await page.getByTestId("settings-language").selectOption(code);
  await page.getByTestId("save-settings").click();
  await expect(page.locator("html")).toHaveAttribute("lang", code);
}

export function taskRow(page: Page, title: string) {
  return page.locator('[data-testid="task"]', { hasText: title });
}

export async function titles(page: Page | Frame): Promise<string[]> {
  return page.locator('[data-testid="task"] .title').allTextContents();
}

/** Adds a task through the quick-add field. */
export async function quickAdd(page: Page, title: string) {
  await page.locator("#new-task-title").fill(title);
  await page.locator('[data-testid="add-task"]').click();
  await expect(taskRow(page, title)).toBeVisible();
}

/** Registers a password account from the welcome page's form and waits for the task list. */
export async function register(page: Page, username: string, password = "correct1horse") {
  await page.goto("/");
  await page.locator("#register-username").fill(username);
  await page.locator("#register-password").fill(password);
  await page.getByTestId("register").click();
  await expect(page.getByTestId("tab-all")).toBeVisible();
}

/** The fields of the add/edit form, by their test id without `edit-`; `priority` is a select. */
export type TaskFields = { title: string; description?: string; due?: string; tags?: string; category?: string; priority?: string };

/** Opens the full form from the list, fills the fields given and saves. */
export async function addWithForm(page: Page, fields: TaskFields) {
  await page.getByTestId("open-new-task").click();
  await fillTaskForm(page, fields);
  await page.getByTestId("save-task").click();
}

export async function fillTaskForm(page: Page, fields: TaskFields) {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const field = page.getByTestId(`edit-${name}`);
    if (name === "priority") {
      await field.selectOption(value);
    } else {
      await field.fill(value);
    }
    // Leaving the tags field turns what was typed into chips (and changes nothing without WASM).
    if (name === "tags") await field.press("Tab");
  }
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
