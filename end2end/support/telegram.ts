/**
 * Simulates Telegram around the app in Playwright tests.
 *
 * Every page loads https://telegram.org/js/telegram-web-app.js, which Telegram serves and these machines cannot
 * reach. `installTelegram` routes that URL to a stub that behaves like the real script (Bot API 8.0) does when a
 * Telegram client opened the page: `window.Telegram.WebApp` carries initData signed with the test bot token, the
 * MainButton/BackButton/popups work, and every call is recorded so a test can assert on it.
 * `installOutsideTelegram` serves a stub of the same script opened in an ordinary browser instead.
 *
 * Like the real script, the stub sets --tg-viewport-height, --tg-viewport-stable-height, --tg-safe-area-inset-* and
 * --tg-content-safe-area-inset-* on <html>. Unlike it, it never sets --tg-theme-* or --tg-color-scheme: the app
 * applies themeParams itself, and the tests check that it does.
 *
 * Install before navigating (the route serves the script when the page loads it). A route on a BrowserContext also
 * serves iframes and pages opened later; a route on a Page serves that page and its iframes.
 */
import type { BrowserContext, Frame, Page } from "@playwright/test";

import { launchFragment, signInitData as signWith } from "./init-data.mjs";

/** Signs initData in tests; the server under test must be started with the same token. */
export const TEST_BOT_TOKEN = "123456:e2e-test-token-not-a-secret";

/** The script the app's pages include, with any query string (they use "?59"). */
export const TELEGRAM_SCRIPT_URL = /^https:\/\/telegram\.org\/js\/telegram-web-app\.js(\?.*)?$/;

export type TgUser = {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
};

export type ThemeParams = Record<string, string>;
export type ColorScheme = "light" | "dark";
export type Insets = { top: number; bottom: number; left: number; right: number };
export type TgCall = { method: string; args: unknown[] };

/** Telegram for iOS, day theme. */
export const lightTheme: ThemeParams = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#8e8e93",
  link_color: "#007aff",
  button_color: "#007aff",
  button_text_color: "#ffffff",
  secondary_bg_color: "#efeff4",
  header_bg_color: "#f8f8f8",
  accent_text_color: "#007aff",
  section_bg_color: "#ffffff",
  section_header_text_color: "#6d6d72",
  section_separator_color: "#c8c7cc",
  subtitle_text_color: "#8e8e93",
  destructive_text_color: "#ff3b30",
  bottom_bar_bg_color: "#f2f2f7",
};

/** Telegram for iOS, night theme. */
export const darkTheme: ThemeParams = {
  bg_color: "#000000",
  text_color: "#ffffff",
  hint_color: "#98989e",
  link_color: "#3e88f7",
  button_color: "#3e88f7",
  button_text_color: "#ffffff",
  secondary_bg_color: "#1c1c1d",
  header_bg_color: "#1a1a1a",
  accent_text_color: "#3e88f7",
  section_bg_color: "#2c2c2e",
  section_header_text_color: "#8d8e93",
  section_separator_color: "#545458",
  subtitle_text_color: "#98989e",
  destructive_text_color: "#eb5545",
  bottom_bar_bg_color: "#1d1d1d",
};

// ---------------------------------------------------------------------------------------------------------------
// initData

export interface SignOptions {
  startParam?: string;
  /** Unix seconds; defaults to now. */
  authDate?: number;
  queryId?: string;
}

/** Builds initData the way Telegram does (support/init-data.mjs). */
export function signInitData(botToken: string, user: TgUser, opts: SignOptions = {}): string {
  return signWith(botToken, user, opts);
}

// ---------------------------------------------------------------------------------------------------------------
// Installing the stub

export interface TelegramOptions {
  botToken: string;
  user: TgUser;
  startParam?: string;
  /** Defaults to lightTheme. */
  themeParams?: Record<string, string>;
  /** Defaults to what the real script derives: "dark" when themeParams.bg_color is dark. */
  colorScheme?: "light" | "dark";
  /** What the user answers to showConfirm; default true (OK). */
  confirm?: boolean;
  /** Defaults to "ios". */
  platform?: string;
  /** The button id showPopup answers with; default: the first button's id, or "ok". */
  popupButtonId?: string;
  /** Defaults to { top: 0, bottom: 34, left: 0, right: 0 } (an iPhone's home indicator). */
  safeAreaInset?: Insets;
  /** Defaults to all 0. */
  contentSafeAreaInset?: Insets;
  /** Passed to signInitData. */
  authDate?: number;
  queryId?: string;
  /** Use this exact initData instead of signing one (e.g. to test that a forged hash is refused). */
  initData?: string;
}

/**
 * Serves the stub of telegram-web-app.js as opened inside a Telegram client. Returns the URL fragment a Telegram
 * client opens the Mini App with (`#tgWebAppData=…&tgWebAppVersion=…`): the page's own first script reads initData
 * there before telegram-web-app.js has run, so a test that opens `path + fragment` takes the path a real client
 * takes, and one that opens `path` alone the one of a client that kept no fragment.
 */
export async function installTelegram(context: BrowserContext | Page, opts: TelegramOptions): Promise<string> {
  const initData =
    opts.initData ??
    signInitData(opts.botToken, opts.user, {
      startParam: opts.startParam,
      authDate: opts.authDate,
      queryId: opts.queryId,
    });
  await serveStub(context, {
    insideTelegram: true,
    version: "8.0",
    platform: opts.platform ?? "ios",
    initData,
    startParam: opts.startParam ?? null,
    themeParams: opts.themeParams ?? lightTheme,
    colorScheme: opts.colorScheme ?? null,
    confirm: opts.confirm ?? true,
    popupButtonId: opts.popupButtonId ?? null,
    safeAreaInset: opts.safeAreaInset ?? { top: 0, bottom: 34, left: 0, right: 0 },
    contentSafeAreaInset: opts.contentSafeAreaInset ?? { top: 0, bottom: 0, left: 0, right: 0 },
  });
  return launchFragment(initData, {
    platform: opts.platform,
    themeParams: opts.themeParams ?? lightTheme,
    startParam: opts.startParam,
  });
}

/**
 * Serves the stub of telegram-web-app.js as opened in an ordinary browser: initData "", initDataUnsafe {},
 * platform "unknown", and version "6.0" as the real script falls back to. As in the real script, the methods that
 * version 6.0 lacks warn and do nothing (BackButton, HapticFeedback, header colour…) or throw
 * Error("WebAppMethodUnsupported") (showPopup, showAlert, showConfirm…); every call is still recorded.
 */
export async function installOutsideTelegram(context: BrowserContext | Page): Promise<void> {
  const zero = { top: 0, bottom: 0, left: 0, right: 0 };
  await serveStub(context, {
    insideTelegram: false,
    version: "6.0",
    platform: "unknown",
    initData: "",
    startParam: null,
    themeParams: {},
    colorScheme: null,
    confirm: false,
    popupButtonId: null,
    safeAreaInset: zero,
    contentSafeAreaInset: zero,
  });
}

interface StubConfig {
  insideTelegram: boolean;
  version: string;
  platform: string;
  initData: string;
  startParam: string | null;
  themeParams: ThemeParams;
  colorScheme: ColorScheme | null;
  confirm: boolean;
  popupButtonId: string | null;
  safeAreaInset: Insets;
  contentSafeAreaInset: Insets;
}

async function serveStub(target: BrowserContext | Page, config: StubConfig): Promise<void> {
  const body = `(${telegramStub.toString()})(${JSON.stringify(config)});\n`;
  await target.route(TELEGRAM_SCRIPT_URL, (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for tests (on a Page, its main frame is used)

type StubTarget = Page | Frame;
type ButtonKind = "main" | "secondary" | "back" | "settings";

/** Calls window.__tgStub[action](...args) in the frame, or reads it when it is not a function. */
async function stubAction<R>(target: StubTarget, action: string, ...args: unknown[]): Promise<R> {
  const frame = "mainFrame" in target ? target.mainFrame() : target;
  return frame.evaluate(
    ([name, params]) => {
      const stub = (window as unknown as { __tgStub?: Record<string, unknown> }).__tgStub;
      if (!stub) {
        throw new Error(
          "the Telegram stub is not loaded in this frame: call installTelegram() or installOutsideTelegram() " +
            "before the page loads, and check that the page includes telegram-web-app.js",
        );
      }
      const member = stub[name];
      return (typeof member === "function" ? member(...params) : member) as R;
    },
    [action, args] as [string, unknown[]],
  );
}

function tapButton(target: StubTarget, kind: ButtonKind): Promise<void> {
  return stubAction(target, "click", kind);
}

function buttonState(
  target: StubTarget,
  kind: ButtonKind,
): Promise<{ text: string; isVisible: boolean; isActive: boolean }> {
  return stubAction(target, "buttonState", kind);
}

/** Every WebApp method call so far, e.g. { method: "MainButton.setText", args: ["Save"] }. */
export function tgCalls(target: StubTarget): Promise<TgCall[]> {
  return stubAction(target, "calls");
}

/** Taps the MainButton: runs its onClick handlers. Throws if it is hidden, disabled or has no handler. */
export function clickMainButton(target: StubTarget): Promise<void> {
  return tapButton(target, "main");
}

/** Taps the SecondaryButton (same checks as clickMainButton). */
export function clickSecondaryButton(target: StubTarget): Promise<void> {
  return tapButton(target, "secondary");
}

/** Taps the BackButton: runs its onClick handlers. Throws if it is hidden or has no handler. */
export function clickBackButton(target: StubTarget): Promise<void> {
  return tapButton(target, "back");
}

export async function mainButtonState(
  target: StubTarget,
): Promise<{ text: string; isVisible: boolean; isActive: boolean }> {
  const state = await buttonState(target, "main");
  return { text: state.text, isVisible: state.isVisible, isActive: state.isActive };
}

export async function backButtonVisible(target: StubTarget): Promise<boolean> {
  return (await buttonState(target, "back")).isVisible;
}

/**
 * Switches the theme the way a Telegram client does: replaces WebApp.themeParams and colorScheme, then runs the
 * "themeChanged" handlers. Without colorScheme it is derived from bg_color, as the real script does.
 */
export function setTheme(target: StubTarget, themeParams: ThemeParams, colorScheme?: ColorScheme): Promise<void> {
  return stubAction(target, "setTheme", themeParams, colorScheme ?? null);
}

/**
 * Changes the insets, updates their CSS variables and runs the "safeAreaChanged" (and, with `content`,
 * "contentSafeAreaChanged") handlers.
 */
export function setSafeArea(target: StubTarget, safeArea: Partial<Insets>, content?: Partial<Insets>): Promise<void> {
  return stubAction(target, "setSafeArea", safeArea, content ?? null);
}

/** The params of the last showPopup call, or null. */
export function lastPopup(target: StubTarget): Promise<Record<string, unknown> | null> {
  return stubAction(target, "lastPopup");
}

/** The message of the last showConfirm call, or null. */
export function lastConfirm(target: StubTarget): Promise<string | null> {
  return stubAction(target, "lastConfirm");
}

/** The message of the last showAlert call, or null. */
export function lastAlert(target: StubTarget): Promise<string | null> {
  return stubAction(target, "lastAlert");
}

// ---------------------------------------------------------------------------------------------------------------
// The stub itself. It runs in the browser, sent as source text (toString), so it must not use anything from this
// module's scope; only types, which compile away. Names, defaults, validation and errors follow telegram-web-app.js.

function telegramStub(cfg: StubConfig): void {
  type Callback = (...args: any[]) => unknown;
  type Obj = Record<string, any>;

  const win = window as unknown as Obj;
  const WebApp: Obj = {};
  const calls: { method: string; args: unknown[] }[] = [];
  const popups: unknown[] = [];
  const confirms: unknown[] = [];
  const alerts: unknown[] = [];
  const errors: string[] = [];
  const handlers: Record<string, Callback[]> = {};

  // ---- recording: every public method goes through expose()

  function plain(value: unknown): unknown {
    if (value === undefined) return null;
    try {
      return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "function" ? "[function]" : v)));
    } catch {
      return String(value);
    }
  }

  function expose(owner: Obj, prefix: string, methods: Record<string, Callback>): void {
    for (const [name, impl] of Object.entries(methods)) {
      owner[name] = (...args: unknown[]) => {
        calls.push({ method: prefix + name, args: args.map(plain) });
        return impl(...args);
      };
    }
  }

  function getters(owner: Obj, props: Record<string, () => unknown>, setters: Record<string, Callback> = {}): void {
    for (const [name, get] of Object.entries(props)) {
      Object.defineProperty(owner, name, { get, set: setters[name], enumerable: true });
    }
  }

  // ---- events: callbacks run with this = WebApp, as in the real script

  function onEvent(type: string, callback: Callback): void {
    const list = handlers[type] || (handlers[type] = []);
    if (!list.includes(callback)) list.push(callback);
  }

  function offEvent(type: string, callback: Callback): void {
    const list = handlers[type] || [];
    const index = list.indexOf(callback);
    if (index >= 0) list.splice(index, 1);
  }

  /** The real script swallows a throwing handler; the stub also reports it, so a test watching errors sees it. */
  function safely(what: string, run: () => unknown): void {
    try {
      run();
    } catch (error) {
      errors.push(`${what}: ${error instanceof Error ? error.stack || error.message : String(error)}`);
      console.error(`[telegram stub] ${what} threw`, error);
    }
  }

  function emit(type: string, ...args: unknown[]): void {
    for (const callback of (handlers[type] || []).slice()) {
      safely(`"${type}" handler`, () => callback.apply(WebApp, args));
    }
  }

  // ---- versions and colours

  function versionAtLeast(version: unknown): boolean {
    const have = String(cfg.version).trim().split(".");
    const want = typeof version === "string" ? version.trim().split(".") : [];
    for (let i = 0; i < Math.max(have.length, want.length); i++) {
      const a = parseInt(have[i], 10) || 0;
      const b = parseInt(want[i], 10) || 0;
      if (a !== b) return a > b;
    }
    return true;
  }

  /** Where the real script only warns about an unsupported feature and does nothing. */
  function supported(minVersion: string, feature: string): boolean {
    if (versionAtLeast(minVersion)) return true;
    console.warn(`[Telegram.WebApp] ${feature} is not supported in version ${cfg.version}`);
    return false;
  }

  /** Where the real script throws for an unsupported method. */
  function requireVersion(minVersion: string, method: string): void {
    if (versionAtLeast(minVersion)) return;
    console.error(`[Telegram.WebApp] Method ${method} is not supported in version ${cfg.version}`);
    throw Error("WebAppMethodUnsupported");
  }

  function fail(message: string, value: unknown, error: string): never {
    console.error(`[Telegram.WebApp] ${message}`, value);
    throw Error(error);
  }

  function parseColorToHex(color: unknown): string | false {
    const text = String(color);
    let match = /^\s*#([0-9a-f]{6})\s*$/i.exec(text);
    if (match) return "#" + match[1].toLowerCase();
    match = /^\s*#([0-9a-f])([0-9a-f])([0-9a-f])\s*$/i.exec(text);
    if (match) return ("#" + match[1] + match[1] + match[2] + match[2] + match[3] + match[3]).toLowerCase();
    match = /^\s*rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*(\d+\.{0,1}\d*))?\)\s*$/.exec(text);
    if (match)
      return (
        "#" +
        match
          .slice(1, 4)
          .map((n) => parseInt(n, 10).toString(16).padStart(2, "0"))
          .join("")
      );
    return false;
  }

  function isColorDark(hex: string): boolean {
    const rgb = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
    return Math.sqrt(0.299 * rgb[0] ** 2 + 0.587 * rgb[1] ** 2 + 0.114 * rgb[2] ** 2) < 120;
  }

  function setCssVar(name: string, value: string): void {
    document.documentElement.style.setProperty("--tg-" + name, value);
  }

  // ---- theme (kept as one object, as WebApp.themeParams is in the real script)

  const themeParams: Record<string, string> = {};
  let colorScheme: ColorScheme = "light";

  function replaceTheme(params: Record<string, unknown> | null, scheme: ColorScheme | null): void {
    for (const key of Object.keys(themeParams)) delete themeParams[key];
    for (const [key, value] of Object.entries(params || {})) {
      const color = parseColorToHex(value);
      if (color) themeParams[key] = color;
    }
    colorScheme = scheme || (themeParams.bg_color && isColorDark(themeParams.bg_color) ? "dark" : "light");
  }
  replaceTheme(cfg.themeParams, cfg.colorScheme);

  // ---- viewport: a Telegram client reports the webview's height; outside Telegram the script uses 100vh

  const viewport = {
    height: cfg.insideTelegram ? window.innerHeight : null,
    stableHeight: cfg.insideTelegram ? window.innerHeight : null,
    isExpanded: true,
  };

  function applyViewport(): void {
    setCssVar("viewport-height", viewport.height === null ? "100vh" : viewport.height + "px");
    setCssVar("viewport-stable-height", viewport.stableHeight === null ? "100vh" : viewport.stableHeight + "px");
  }

  let lastWindowHeight = window.innerHeight;
  window.addEventListener("resize", () => {
    if (window.innerHeight === lastWindowHeight) return;
    lastWindowHeight = window.innerHeight;
    if (cfg.insideTelegram) {
      viewport.height = viewport.stableHeight = lastWindowHeight;
      applyViewport();
    }
    emit("viewportChanged", { isStateStable: true });
  });

  // ---- safe areas: a Telegram client reports them right after load; outside Telegram nobody does

  const sides = ["top", "bottom", "left", "right"] as const;
  const safeAreaInset: Insets = { top: 0, bottom: 0, left: 0, right: 0 };
  const contentSafeAreaInset: Insets = { top: 0, bottom: 0, left: 0, right: 0 };

  function setInsets(insets: Insets, update: Partial<Insets>, cssPrefix: string): void {
    for (const side of sides) {
      if (typeof update[side] !== "undefined") insets[side] = Number(update[side]);
      setCssVar(`${cssPrefix}-${side}`, insets[side] + "px");
    }
  }

  // ---- popups: answered asynchronously, like a user tapping a button

  let popupOpen = false;

  function checkPopup(params: Obj): void {
    requireVersion("6.2", "showPopup");
    if (popupOpen) fail("Popup is already opened", undefined, "WebAppPopupOpened");
    const title = typeof params.title !== "undefined" ? String(params.title).trim() : "";
    if (title.length > 64) fail("Popup title is too long", title, "WebAppPopupParamInvalid");
    const message = typeof params.message !== "undefined" ? String(params.message).trim() : "";
    if (!message.length) fail("Popup message is required", params.message, "WebAppPopupParamInvalid");
    if (message.length > 256) fail("Popup message is too long", message, "WebAppPopupParamInvalid");
    const buttons = typeof params.buttons !== "undefined" ? params.buttons : [{ id: "", type: "close" }];
    if (!Array.isArray(buttons)) fail("Popup buttons should be an array", buttons, "WebAppPopupParamInvalid");
    if (buttons.length < 1 || buttons.length > 3) {
      fail("Popup should have 1 to 3 buttons", buttons, "WebAppPopupParamInvalid");
    }
    for (const button of buttons) {
      const type = button.type ?? "default";
      if (type === "default" || type === "destructive") {
        const text = String(button.text ?? "").trim();
        if (!text.length || text.length > 64)
          fail("Popup button text is invalid", button.text, "WebAppPopupParamInvalid");
      } else if (type !== "ok" && type !== "close" && type !== "cancel") {
        fail("Popup button type is invalid", type, "WebAppPopupParamInvalid");
      }
    }
  }

  function openPopup(params: Obj, answer: string, callback: Callback | null): void {
    checkPopup(params);
    popupOpen = true;
    setTimeout(() => {
      popupOpen = false;
      if (callback) safely("popup callback", () => callback(answer));
      emit("popupClosed", { button_id: answer });
    }, 0);
  }

  function showPopup(params: Obj, callback?: Callback): void {
    const first = Array.isArray(params?.buttons) ? params.buttons[0] : undefined;
    const answer = cfg.popupButtonId ?? (first && first.id !== undefined ? String(first.id) : "ok");
    openPopup(params || {}, answer, callback || null);
    popups.push(plain(params));
  }

  function showAlert(message: unknown, callback?: Callback): void {
    openPopup({ message }, "", callback ? () => callback() : null);
    alerts.push(plain(message));
  }

  function showConfirm(message: unknown, callback?: Callback): void {
    const buttons = [{ type: "ok", id: "ok" }, { type: "cancel" }];
    const answer = cfg.confirm ? "ok" : "";
    openPopup({ message, buttons }, answer, callback ? (id: string) => callback(id === "ok") : null);
    confirms.push(plain(message));
  }

  // ---- MainButton and SecondaryButton

  let bottomBarColor = "bottom_bar_bg_color";
  function bottomBarColorValue(): string {
    if (bottomBarColor === "bottom_bar_bg_color") {
      return themeParams.bottom_bar_bg_color || themeParams.secondary_bg_color || "#ffffff";
    }
    if (bottomBarColor === "bg_color" || bottomBarColor === "secondary_bg_color") return themeParams[bottomBarColor];
    return bottomBarColor;
  }

  function bottomButton(type: "main" | "secondary"): Obj {
    const isMain = type === "main";
    const clickEvent = isMain ? "mainButtonClicked" : "secondaryButtonClicked";
    const defaultColor = () => (isMain ? themeParams.button_color || "#2481cc" : bottomBarColorValue());
    const defaultTextColor = () =>
      isMain ? themeParams.button_text_color || "#ffffff" : themeParams.button_color || "#2481cc";
    const state = {
      text: isMain ? "Continue" : "Cancel",
      color: false as string | false,
      textColor: false as string | false,
      isVisible: false,
      isActive: true,
      isProgressVisible: false,
      hasShineEffect: false,
      iconCustomEmojiId: false as string | false,
      position: "left",
    };
    const button: Obj = {};

    function color(value: unknown, what: string): string | false {
      if (value === false || value === null) return false;
      return (
        parseColorToHex(value) ||
        fail(`Bottom button ${what} format is invalid`, value, "WebAppBottomButtonParamInvalid")
      );
    }

    function setParams(params: Obj): Obj {
      if (typeof params.icon_custom_emoji_id !== "undefined") {
        const id =
          params.icon_custom_emoji_id === false || params.icon_custom_emoji_id === null
            ? ""
            : params.icon_custom_emoji_id;
        if (id !== "" && !/^[0-9]{10,20}$/.test(id))
          fail("Bottom button icon custom emoji is invalid", id, "WebAppBottomButtonParamInvalid");
        state.iconCustomEmojiId = id;
      }
      if (typeof params.text !== "undefined") {
        const text = String(params.text).trim();
        if (!text.length && !state.iconCustomEmojiId)
          fail("Bottom button text is required", params.text, "WebAppBottomButtonParamInvalid");
        if (text.length > 64) fail("Bottom button text is too long", text, "WebAppBottomButtonParamInvalid");
        state.text = text;
      }
      if (typeof params.color !== "undefined") state.color = color(params.color, "color");
      if (typeof params.text_color !== "undefined") state.textColor = color(params.text_color, "text color");
      if (typeof params.is_visible !== "undefined") {
        if (params.is_visible && !state.text.length)
          fail("Bottom button text is required", state.text, "WebAppBottomButtonParamInvalid");
        state.isVisible = !!params.is_visible;
      }
      if (typeof params.has_shine_effect !== "undefined") state.hasShineEffect = !!params.has_shine_effect;
      if (!isMain && typeof params.position !== "undefined") {
        if (!["left", "right", "top", "bottom"].includes(params.position)) {
          fail("Bottom button position is invalid", params.position, "WebAppBottomButtonParamInvalid");
        }
        state.position = params.position;
      }
      if (typeof params.is_active !== "undefined") state.isActive = !!params.is_active;
      return button;
    }

    const set = (key: string) => (value: unknown) => button.setParams({ [key]: value });
    getters(
      button,
      {
        type: () => type,
        text: () => state.text,
        color: () => state.color || defaultColor(),
        textColor: () => state.textColor || defaultTextColor(),
        isVisible: () => state.isVisible,
        isActive: () => state.isActive,
        isProgressVisible: () => state.isProgressVisible,
        hasShineEffect: () => state.hasShineEffect,
        iconCustomEmojiId: () => state.iconCustomEmojiId,
        ...(isMain ? {} : { position: () => state.position }),
      },
      {
        text: set("text"),
        color: set("color"),
        textColor: set("text_color"),
        isVisible: set("is_visible"),
        isActive: set("is_active"),
        hasShineEffect: set("has_shine_effect"),
        iconCustomEmojiId: set("icon_custom_emoji_id"),
        position: set("position"),
      },
    );
    expose(button, isMain ? "MainButton." : "SecondaryButton.", {
      setText: (text) => setParams({ text }),
      show: () => setParams({ is_visible: true }),
      hide: () => setParams({ is_visible: false }),
      enable: () => setParams({ is_active: true }),
      disable: () => setParams({ is_active: false }),
      showProgress: (leaveActive) => {
        state.isActive = !!leaveActive;
        state.isProgressVisible = true;
        return button;
      },
      hideProgress: () => {
        state.isActive = true;
        state.isProgressVisible = false;
        return button;
      },
      setParams: (params) => setParams(params || {}),
      onClick: (callback) => {
        onEvent(clickEvent, callback);
        return button;
      },
      offClick: (callback) => {
        offEvent(clickEvent, callback);
        return button;
      },
    });
    return button;
  }

  // ---- BackButton and SettingsButton: only visibility and clicks

  function visibilityButton(name: string, clickEvent: string, minVersion: string): Obj {
    let isVisible = false;
    const button: Obj = {};
    const setVisible = (visible: unknown) => {
      if (supported(minVersion, name)) isVisible = !!visible;
      return button;
    };
    getters(button, { isVisible: () => isVisible }, { isVisible: setVisible });
    expose(button, name + ".", {
      show: () => setVisible(true),
      hide: () => setVisible(false),
      onClick: (callback) => {
        if (supported(minVersion, name)) onEvent(clickEvent, callback);
        return button;
      },
      offClick: (callback) => {
        if (supported(minVersion, name)) offEvent(clickEvent, callback);
        return button;
      },
    });
    return button;
  }

  // ---- HapticFeedback

  const HapticFeedback: Obj = {};
  function haptic(params: Obj): Obj {
    if (!supported("6.1", "HapticFeedback")) return HapticFeedback;
    if (params.type === "impact" && !["light", "medium", "heavy", "rigid", "soft"].includes(params.style)) {
      fail("Haptic impact style is invalid", params.style, "WebAppHapticImpactStyleInvalid");
    }
    if (params.type === "notification" && !["error", "success", "warning"].includes(params.style)) {
      fail("Haptic notification type is invalid", params.style, "WebAppHapticNotificationTypeInvalid");
    }
    return HapticFeedback;
  }
  expose(HapticFeedback, "HapticFeedback.", {
    impactOccurred: (style) => haptic({ type: "impact", style }),
    notificationOccurred: (style) => haptic({ type: "notification", style }),
    selectionChanged: () => haptic({ type: "selection_change" }),
  });

  // ---- header, background and bottom bar colours

  let headerColor = "bg_color";
  let backgroundColor = "bg_color";
  const colorOf = (keyOrColor: string) =>
    keyOrColor === "bg_color" || keyOrColor === "secondary_bg_color" ? themeParams[keyOrColor] : keyOrColor;

  function themeColor(value: unknown, keys: string[], what: string, error: string): string {
    if (keys.includes(value as string)) return value as string;
    return parseColorToHex(value) || fail(`${what} format is invalid`, value, error);
  }

  function setHeaderColor(color: unknown): void {
    if (!supported("6.1", "Header color")) return;
    headerColor = themeColor(color, ["bg_color", "secondary_bg_color"], "Header color", "WebAppHeaderColorInvalid");
  }

  function setBackgroundColor(color: unknown): void {
    if (!supported("6.1", "Background color")) return;
    const keys = ["bg_color", "secondary_bg_color"];
    backgroundColor = themeColor(color, keys, "Background color", "WebAppBackgroundColorInvalid");
  }

  function setBottomBarColor(color: unknown): void {
    if (!supported("7.10", "Bottom bar color")) return;
    const keys = ["bg_color", "secondary_bg_color", "bottom_bar_bg_color"];
    bottomBarColor = themeColor(color, keys, "Bottom bar color", "WebAppBottomBarColorInvalid");
  }

  // ---- behaviour switches

  let isClosingConfirmationEnabled = false;
  let isVerticalSwipesEnabled = true;
  let isOrientationLocked = false;
  const setClosingConfirmation = (on: boolean) => {
    if (supported("6.2", "Closing confirmation")) isClosingConfirmationEnabled = on;
  };
  const setVerticalSwipes = (on: boolean) => {
    if (supported("7.7", "Changing swipes behavior")) isVerticalSwipesEnabled = on;
  };
  const setOrientationLock = (on: boolean) => {
    if (supported("8.0", "Orientation locking")) isOrientationLocked = on;
  };

  // ---- links and data

  function checkUrl(url: unknown, tmeOnly: boolean): void {
    let parsed: URL | null = null;
    try {
      parsed = new URL(String(url), location.href);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
      fail("Url protocol is not supported", url, "WebAppTgUrlInvalid");
    }
    if (tmeOnly && parsed.hostname !== "t.me") fail("Url host is not supported", url, "WebAppTgUrlInvalid");
  }

  function sendData(data: unknown): void {
    if (!data || !String(data).length) fail("Data is required", data, "WebAppDataInvalid");
    if (new Blob([String(data)]).size > 4096) fail("Data is too long", data, "WebAppDataInvalid");
  }

  // ---- WebApp

  const initDataUnsafe = parseInitData(cfg.initData);
  function parseInitData(initData: string): Obj {
    const result: Obj = {};
    if (!initData) return result;
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, "%20"));
      } catch {
        return s;
      }
    };
    for (const pair of initData.split("&")) {
      const [key, value] = pair.split("=");
      const text = value == null ? null : decode(value);
      const json = text !== null && /^(\{.*\}|\[.*\])$/s.test(text);
      result[decode(key)] = json ? JSON.parse(text) : text;
    }
    return result;
  }

  getters(
    WebApp,
    {
      initData: () => cfg.initData,
      initDataUnsafe: () => initDataUnsafe,
      version: () => cfg.version,
      platform: () => cfg.platform,
      colorScheme: () => colorScheme,
      themeParams: () => themeParams,
      isExpanded: () => viewport.isExpanded,
      viewportHeight: () => viewport.height ?? window.innerHeight,
      viewportStableHeight: () => viewport.stableHeight ?? window.innerHeight,
      safeAreaInset: () => safeAreaInset,
      contentSafeAreaInset: () => contentSafeAreaInset,
      isClosingConfirmationEnabled: () => isClosingConfirmationEnabled,
      isVerticalSwipesEnabled: () => isVerticalSwipesEnabled,
      isFullscreen: () => false,
      isOrientationLocked: () => isOrientationLocked,
      isActive: () => true,
      headerColor: () => colorOf(headerColor),
      backgroundColor: () => colorOf(backgroundColor),
      bottomBarColor: () => bottomBarColorValue(),
    },
    {
      isClosingConfirmationEnabled: (on) => setClosingConfirmation(!!on),
      isVerticalSwipesEnabled: (on) => setVerticalSwipes(!!on),
      isOrientationLocked: (on) => setOrientationLock(!!on),
      headerColor: (color) => WebApp.setHeaderColor(color),
      backgroundColor: (color) => WebApp.setBackgroundColor(color),
      bottomBarColor: (color) => WebApp.setBottomBarColor(color),
    },
  );

  const MainButton = bottomButton("main");
  const SecondaryButton = bottomButton("secondary");
  const BackButton = visibilityButton("BackButton", "backButtonClicked", "6.1");
  const SettingsButton = visibilityButton("SettingsButton", "settingsButtonClicked", "6.10");
  for (const [name, value] of Object.entries({
    MainButton,
    SecondaryButton,
    BackButton,
    SettingsButton,
    HapticFeedback,
  })) {
    Object.defineProperty(WebApp, name, { value, enumerable: true });
  }

  expose(WebApp, "", {
    ready: () => undefined,
    expand: () => {
      viewport.isExpanded = true;
    },
    close: () => undefined,
    onEvent: (type, callback) => onEvent(type, callback),
    offEvent: (type, callback) => offEvent(type, callback),
    isVersionAtLeast: (version) => versionAtLeast(version),
    sendData,
    openLink: (url) => checkUrl(url, false),
    openTelegramLink: (url) => checkUrl(url, true),
    showPopup,
    showAlert,
    showConfirm,
    setHeaderColor,
    setBackgroundColor,
    setBottomBarColor,
    enableClosingConfirmation: () => setClosingConfirmation(true),
    disableClosingConfirmation: () => setClosingConfirmation(false),
    enableVerticalSwipes: () => setVerticalSwipes(true),
    disableVerticalSwipes: () => setVerticalSwipes(false),
    lockOrientation: () => setOrientationLock(true),
    unlockOrientation: () => setOrientationLock(false),
    hideKeyboard: () => undefined,
  });

  // The rest of the 8.0 API: recorded, never answered (as if the user ignored the request).
  const unanswered: Record<string, string> = {
    requestFullscreen: "8.0",
    exitFullscreen: "8.0",
    addToHomeScreen: "8.0",
    checkHomeScreenStatus: "8.0",
    shareMessage: "8.0",
    setEmojiStatus: "8.0",
    requestEmojiStatusAccess: "8.0",
    downloadFile: "8.0",
    shareToStory: "7.8",
    switchInlineQuery: "6.6",
    openInvoice: "6.1",
    showScanQrPopup: "6.4",
    closeScanQrPopup: "6.4",
    readTextFromClipboard: "6.4",
    requestWriteAccess: "6.9",
    requestContact: "6.9",
    invokeCustomMethod: "6.9",
  };
  for (const [name, minVersion] of Object.entries(unanswered)) {
    expose(WebApp, "", { [name]: () => requireVersion(minVersion, name) });
  }

  // ---- what a Telegram client does right after load

  applyViewport();
  if (cfg.insideTelegram) {
    setInsets(safeAreaInset, cfg.safeAreaInset, "safe-area-inset");
    setInsets(contentSafeAreaInset, cfg.contentSafeAreaInset, "content-safe-area-inset");
  }

  const initParams: Obj = {};
  if (cfg.insideTelegram) {
    initParams.tgWebAppData = cfg.initData;
    initParams.tgWebAppVersion = cfg.version;
    initParams.tgWebAppPlatform = cfg.platform;
    initParams.tgWebAppThemeParams = JSON.stringify(themeParams);
    if (cfg.startParam !== null) initParams.tgWebAppStartParam = cfg.startParam;
  }

  win.Telegram = win.Telegram || {};
  win.Telegram.WebApp = WebApp;
  win.Telegram.WebView = { initParams, isIframe: window.parent !== window };
  expose(win.Telegram.WebView, "WebView.", { postEvent: () => undefined });

  // ---- the handle the Node-side helpers use

  const last = (list: unknown[]) => (list.length ? list[list.length - 1] : null);
  const clickable: Record<string, { button: Obj; event: string; name: string }> = {
    main: { button: MainButton, event: "mainButtonClicked", name: "MainButton" },
    secondary: { button: SecondaryButton, event: "secondaryButtonClicked", name: "SecondaryButton" },
    back: { button: BackButton, event: "backButtonClicked", name: "BackButton" },
    settings: { button: SettingsButton, event: "settingsButtonClicked", name: "SettingsButton" },
  };

  win.__tgStub = {
    calls,
    popups,
    confirms,
    alerts,
    errors,
    emit,
    lastPopup: () => last(popups),
    lastConfirm: () => last(confirms),
    lastAlert: () => last(alerts),
    buttonState: (kind: string) => {
      const { button } = clickable[kind];
      return { text: button.text, isVisible: button.isVisible, isActive: button.isActive !== false };
    },
    click: (kind: string) => {
      const { button, event, name } = clickable[kind];
      if (!button.isVisible) throw new Error(`${name} is not visible, so the user cannot tap it`);
      if (button.isActive === false) throw new Error(`${name} is disabled (isActive is false)`);
      if (!(handlers[event] || []).length) throw new Error(`${name} has no onClick handler`);
      emit(event);
    },
    setTheme: (params: Record<string, unknown>, scheme: ColorScheme | null) => {
      replaceTheme(params, scheme);
      emit("themeChanged");
    },
    setSafeArea: (safeArea: Partial<Insets>, content: Partial<Insets> | null) => {
      setInsets(safeAreaInset, safeArea, "safe-area-inset");
      emit("safeAreaChanged");
      if (content) {
        setInsets(contentSafeAreaInset, content, "content-safe-area-inset");
        emit("contentSafeAreaChanged");
      }
    },
  };
}
