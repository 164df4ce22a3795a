// Telegram's initData, signed as a Telegram client gets it. Shared by support/telegram.ts (the tests)
// and budget/measure.mjs (the Telegram path of the performance budget).
import { createHmac } from "node:crypto";

/**
 * Builds initData the way Telegram does: query_id?, user (compact JSON), auth_date, start_param?, then
 * hash = hex(HMAC_SHA256(key = HMAC_SHA256(key = "WebAppData", msg = botToken), msg = data_check_string)),
 * where data_check_string is every other field as "key=value", sorted by key, joined by "\n".
 */
export function signInitData(botToken, user, opts = {}) {
  const fields = new URLSearchParams();
  if (opts.queryId !== undefined) fields.set("query_id", opts.queryId);
  fields.set("user", JSON.stringify(user));
  fields.set("auth_date", String(opts.authDate ?? Math.floor(Date.now() / 1000)));
  if (opts.startParam !== undefined) fields.set("start_param", opts.startParam);
  fields.set("hash", initDataHash(botToken, fields));
  return fields.toString();
}

export function initDataHash(botToken, fields) {
  const dataCheckString = [...fields]
    .filter(([key]) => key !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  const secretKey = createHmac("sha256", "WebAppData").update(botToken).digest();
  return createHmac("sha256", secretKey).update(dataCheckString).digest("hex");
}

/** The URL fragment a Telegram client opens the Mini App with. */
export function launchFragment(initData, { platform = "ios", themeParams = {}, startParam } = {}) {
  const params = {
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: platform,
    tgWebAppThemeParams: JSON.stringify(themeParams),
  };
  if (startParam) params.tgWebAppStartParam = startParam;
  return "#" + Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
}
