/**
 * Stands in for Telegram's Login Widget (https://telegram.org/js/telegram-widget.js), which these machines cannot
 * reach. The stub does what the real widget ends with: a button that sends the browser to the script's
 * `data-auth-url` with the user's fields and Telegram's signature in the query. The payload is whatever the test put
 * in `window.__telegramWidgetPayload` (see `signWidget`); without one, the button does nothing.
 */
import { createHash, createHmac } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";

import type { TgUser } from "./telegram";

export const WIDGET_SCRIPT_URL = /^https:\/\/telegram\.org\/js\/telegram-widget\.js(\?.*)?$/;

function widgetStub(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || !script.parentNode) return;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Log in with Telegram";
  button.setAttribute("data-testid", "telegram-widget-button");
  button.setAttribute("data-bot", script.getAttribute("data-telegram-login") ?? "");
  button.addEventListener("click", () => {
    const payload = (window as unknown as { __telegramWidgetPayload?: string }).__telegramWidgetPayload;
    const target = script.getAttribute("data-auth-url");
    if (!payload || !target) return;
    location.href = target + (target.includes("?") ? "&" : "?") + payload;
  });
  script.parentNode.insertBefore(button, script.nextSibling);
}

export async function installLoginWidgetStub(target: BrowserContext | Page): Promise<void> {
  const body = `(${widgetStub.toString()})();\n`;
  await target.route(WIDGET_SCRIPT_URL, (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body }),
  );
}

/**
 * The Login Widget's callback query for `user`, signed the widget's way: the key is SHA-256(bot token) (initData
 * uses HMAC("WebAppData", token) instead), over the fields sorted by name as `key=value` lines.
 */
export function signWidget(botToken: string, user: TgUser, authDate = Math.floor(Date.now() / 1000)): string {
  const fields: Record<string, string> = { id: String(user.id), first_name: user.first_name, auth_date: String(authDate) };
  if (user.last_name) fields.last_name = user.last_name;
  if (user.username) fields.username = user.username;
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
  const secret = createHash("sha256").update(botToken).digest();
  const hash = createHmac("sha256", secret).update(dataCheckString).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

/** Makes the stub's button sign in with `payload` on every page of the context. */
export async function useWidgetPayload(target: BrowserContext | Page, payload: string): Promise<void> {
  await target.addInitScript((value) => {
    (window as unknown as { __telegramWidgetPayload?: string }).__telegramWidgetPayload = value;
  }, payload);
}
