// Performance budget of the first load: what the signed-in task list costs to download and how
// fast it paints and hydrates in headless Chromium. Run by scripts/budget.sh, which builds nothing,
// starts the release server and passes its address in BASE_URL; writes bench/BUDGET.md.
//
//   BASE_URL            the running release server (APP_ENV=development: the dev sign-in exists)
//   BUDGET_RUNS         measured page loads per CPU setting (default 5; the median is reported)
//   BUDGET_TASKS        tasks created before measuring, so the list is not empty (default 10)
//   BUDGET_OUT          the report (default bench/BUDGET.md)
//   SITE_DIR            the cargo-leptos site (default target/site)
//   HASH_FILE           cargo-leptos' hash.txt beside the server binary, when the site's names
//                       carry content hashes (hash-files); scripts/budget.sh sets it
//   GIT_COMMIT          shown in the report (scripts/budget.sh sets it)
//
// Budget (1 KB = 1000 bytes, the stricter reading): HTML + CSS + JS + WASM, brotli quality 11,
// under 250 KB; under 150 KB is the aim. JS and WASM include every file of pkg/ a signed-in load
// fetches until hydrated and the network is idle (the split loader, any lazy chunk loaded at once). The numbers are reported, not asserted: the exit status
// is non-zero only when something could not be measured (no build, no server, no browser).
import { chromium, request as apiRequest } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as zlib from "node:zlib";

import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.mjs";
import { launchFragment, signInitData } from "../support/init-data.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const RUNS = positiveInt(process.env.BUDGET_RUNS, 5);
const TASKS = positiveInt(process.env.BUDGET_TASKS, 10, true);
const OUT = path.resolve(process.env.BUDGET_OUT ?? path.join(ROOT, "bench", "BUDGET.md"));
const SITE = path.resolve(process.env.SITE_DIR ?? path.join(ROOT, "target", "site"));
const PKG = path.join(SITE, "pkg");
const HASH_FILE = process.env.HASH_FILE;
const TELEGRAM_ID = "4242";
// The Mini App's user (another account), signed with the bot token the server runs with.
const BOT_TOKEN = process.env.TELEGRAM_BOT_TOKEN ?? "123456:e2e-test-token-not-a-secret";
const MINI_APP_USER = { id: 4343, first_name: "Budget", language_code: "en" };
const BUDGET_KB = 250;
const AIM_KB = 150;
const HYDRATION_TIMEOUT_MS = 15_000;
const HTML_SAMPLES = 5;
const VIEWPORT = { width: 390, height: 844 }; // a phone: Vectora is a Telegram Mini App
const TITLES = [
  "Купить молоко",
  "Позвонить маме",
  "Prepare the quarterly report",
  "Записаться к врачу",
  "Renew the passport",
  "Оплатить интернет",
  "Read chapter 4",
  "Починить велосипед",
  "Book train tickets",
  "Полить цветы",
];

function positiveInt(value, fallback, zeroOk = false) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) fail(`not a ${zeroOk ? "non-negative" : "positive"} integer: ${value}`);
  return n;
}

function fail(message) {
  console.error(`[budget] ERROR: ${message}`);
  process.exit(1);
}

const log = (message) => console.log(`[budget] ${message}`);
const kb = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value) => (value === null || value === undefined ? "–" : `${Math.round(value)}`);

// ---- compression --------------------------------------------------------------------------------

// The brotli CLI when installed, otherwise Node's zlib, which links the same Google brotli library;
// both at quality 11 with a 16 MB window (the CLI's default), so the sizes agree.
const BROTLI_CLI = (() => {
  try {
    const version = execFileSync("brotli", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return version.trim() || "brotli";
  } catch {
    return null;
  }
})();
const BROTLI_TOOL = BROTLI_CLI
  ? `the \`brotli\` CLI (${BROTLI_CLI}), \`-q 11\``
  : `Node's zlib (brotli ${process.versions.brotli}), quality 11, window 24 bits (what the \`brotli\` CLI does by default)`;

function brotliBytes(buffer) {
  if (BROTLI_CLI) {
    return execFileSync("brotli", ["-q", "11", "-c"], { input: buffer, maxBuffer: 256 * 1024 * 1024 }).length;
  }
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

const gzipBytes = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

// ---- HTTP ----------------------------------------------------------------------------------------

/** GET without decoding: the status, headers and body exactly as the server sends them. */
function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: GET ${url}`)));
    req.on("error", reject);
  });
}

/** How the server sends a path to a browser that accepts brotli: "br 1234 B" or "uncompressed". */
async function servedAs(urlPath, cookie) {
  const headers = { "Accept-Encoding": "br, gzip", "Accept-Language": "en" };
  if (cookie) headers.Cookie = cookie;
  const response = await rawGet(new URL(urlPath, BASE_URL).href, headers);
  if (response.status !== 200) return `HTTP ${response.status}`;
  const encoding = response.headers["content-encoding"];
  return encoding ? `${encoding}, ${response.body.length} B` : "uncompressed";
}

// ---- setup: a signed-in user with tasks ---------------------------------------------------------

async function signIn() {
  // Origin, as a browser sends it: cookie-authenticated posts from anywhere else are refused (CSRF).
  const api = await apiRequest.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { "Accept-Language": "en", Origin: new URL(BASE_URL).origin },
  });
  const response = await api.post("/auth/dev", { form: { telegram_id: TELEGRAM_ID }, maxRedirects: 0 });
  if (response.status() === 404) {
    fail("POST /auth/dev answered 404: the server must run with APP_ENV=development for the dev sign-in");
  }
  if (response.status() >= 400) fail(`POST /auth/dev answered ${response.status()}: ${await response.text()}`);
  const state = await api.storageState();
  const cookies = state.cookies;
  if (cookies.length === 0) fail(`POST /auth/dev (${response.status()}) set no cookie`);
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  for (let i = 0; i < TASKS; i++) {
    const title = TITLES[i % TITLES.length] + (i >= TITLES.length ? ` (${Math.floor(i / TITLES.length) + 1})` : "");
    const created = await api.post("/api/tasks/create", { form: { "input[title]": title }, maxRedirects: 0 });
    if (created.status() >= 400) fail(`POST /api/tasks/create answered ${created.status()}: ${await created.text()}`);
  }
  await api.dispose();
  return { state, cookieHeader };
}

// ---- sizes ----------------------------------------------------------------------------------------

async function measureSizes(cookieHeader, fetched) {
  // Several times: the page can differ between requests (a nonce, or resources that are sometimes
  // serialized into it and sometimes not); the largest one is counted.
  const pages = [];
  for (let i = 0; i < HTML_SAMPLES; i++) {
    const page = await rawGet(new URL("/", BASE_URL).href, { Cookie: cookieHeader, "Accept-Language": "en" });
    if (page.status !== 200) fail(`GET / (signed in) answered ${page.status}`);
    pages.push(page.body);
  }
  pages.sort((a, b) => a.length - b.length);
  const html = pages[pages.length - 1];
  const htmlRange = { min: pages[0].length, max: html.length };
  const text = html.toString("utf8");
  const taskCount = (text.match(/data-testid="task"/g) ?? []).length;
  if (TASKS > 0 && taskCount === 0) {
    log(`warning: the signed-in page shows no task (created ${TASKS}); is / the task list?`);
  }
  const htmlMarker = /<html[^>]*\sdata-hydrated="([^"]*)"/.exec(text)?.[1] ?? null;
  // Scripts and stylesheets from other origins (Telegram's telegram-web-app.js): not ours, not counted.
  const external = [...text.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="(https?:\/\/[^"]+)"/g)]
    .map((m) => m[1])
    .filter((url) => !url.startsWith(BASE_URL));

  const rows = [
    { name: "HTML: GET / signed in", file: null, buffer: html, servedAs: await servedAs("/", cookieHeader) },
  ];
  // The main CSS, JS and WASM, and every other file of pkg/ the browser fetched during the load
  // (until hydrated and the network idle): with `--split`, the chunk loader that vectora.js
  // imports, and any lazy WASM chunk (or its JS) that the first screen loads at once. Chunks that
  // load only on a later interaction (another screen, a first drag) are not part of the load.
  const main = mainFiles();
  const extra = [...new Set(fetched)].filter((name) => !main.includes(name)).sort();
  for (const name of [...main, ...extra]) {
    const file = path.join(PKG, name);
    if (!fs.existsSync(file)) fail(`missing ${file}: run \`cargo leptos build --release --split --precompress\` first`);
    const referenced = extra.includes(name) ? undefined : text.includes(`/pkg/${name}`);
    rows.push({
      name: `pkg/${withoutHash(name)}`,
      path: `/pkg/${name}`,
      file,
      buffer: fs.readFileSync(file),
      servedAs: await servedAs(`/pkg/${name}`),
      referenced,
    });
  }
  const unreferenced = rows.filter((row) => row.referenced === false).map((row) => row.name);
  if (unreferenced.length > 0) log(`warning: the page's HTML does not reference ${unreferenced.join(", ")}`);
  for (const row of rows) {
    row.raw = row.buffer.length;
    row.br = brotliBytes(row.buffer);
    row.gzip = gzipBytes(row.buffer);
  }
  const total = { raw: 0, br: 0, gzip: 0 };
  for (const row of rows) for (const key of Object.keys(total)) total[key] += row[key];
  const wasmBuilt = fs.statSync(path.join(PKG, main[2])).mtime;
  return { rows, total, taskCount, htmlMarker, external, wasmBuilt, htmlRange, htmlText: text };
}

// ---- inside Telegram ----------------------------------------------------------------------------------

/** initData of the Mini App's user, who gets the same tasks through the API. */
async function telegramUser() {
  const initData = signInitData(BOT_TOKEN, MINI_APP_USER);
  const api = await apiRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `tma ${initData}` } });
  for (const title of TITLES.slice(0, Math.min(TASKS, TITLES.length))) {
    const created = await api.post("/api/v1/tasks", { data: { title } });
    if (created.status() !== 201) fail(`POST /api/v1/tasks with initData answered ${created.status()}: ${await created.text()}`);
  }
  await api.dispose();
  return initData;
}

/**
 * What opening the Mini App fetches from this server until the list is shown (and the network is idle): the
 * page Telegram opens (rendered signed out: initData is only in the fragment), the signed-in page its first script
 * asks for with initData, the files of pkg/, and any answer the app asked for, each counted brotli-compressed.
 */
async function measureTelegramSizes(initData) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let run;
  try {
    run = await oneLoad(browser, { telegram: initData, rate: 1, waitHydration: true, collect: true });
  } finally {
    await browser.close();
  }
  if (run.hydrationNote) log(`warning (Telegram probe load): ${run.hydrationNote}`);
  const page = await rawGet(new URL("/", BASE_URL).href, { "Accept-Language": "en" });
  if (page.status !== 200) fail(`GET / (signed out) answered ${page.status}`);
  // Whether a file had arrived when the first task was shown (the page's own resource timings).
  const beforeTask = (url) => run.arrived.some((entry) => entry.url === url && entry.end <= run.task);
  const rows = [
    { name: "HTML: GET / as Telegram opens it (signed out)", buffer: page.body, servedAs: await servedAs("/"), beforeTask: true },
  ];
  const ours = run.requests.filter((r) => r.url.startsWith(BASE_URL));
  for (const url of [...new Set(ours.map((r) => r.url).filter((u) => new URL(u).pathname.startsWith("/pkg/")))]) {
    const name = new URL(url).pathname;
    rows.push({
      name: `pkg/${withoutHash(name.slice(5))}`,
      buffer: fs.readFileSync(path.join(PKG, name.slice(5))),
      servedAs: await servedAs(name),
      beforeTask: beforeTask(url),
    });
  }
  for (const r of ours.filter((r) => r.body)) {
    const what = r.method === "GET" ? " (the signed-in page, asked for with initData)" : "";
    rows.push({
      name: `answer: ${r.method} ${new URL(r.url).pathname}${what}`,
      buffer: r.body,
      servedAs: `HTTP ${r.status}, ${r.bytes} B`,
      beforeTask: beforeTask(r.url),
    });
  }
  const total = { raw: 0, br: 0, gzip: 0 };
  const untilTask = { raw: 0, br: 0, gzip: 0 };
  for (const row of rows) {
    row.raw = row.buffer.length;
    row.br = brotliBytes(row.buffer);
    row.gzip = gzipBytes(row.buffer);
    for (const key of Object.keys(total)) {
      total[key] += row[key];
      if (row.beforeTask) untilTask[key] += row[key];
    }
  }
  const others = ours.filter((r) => !r.body && !new URL(r.url).pathname.startsWith("/pkg/") && new URL(r.url).pathname !== "/");
  return { rows, total, untilTask, tasksShown: run.tasksShown, others, requests: run.requests };
}

// ---- browser timings ------------------------------------------------------------------------------

// Runs before any page script: records the moments <html data-hydrated="true"> and the first task
// appear (a MutationObserver fires in the same task, unlike a polling waitForFunction).
const INIT_SCRIPT = `
  window.__budget = { hydratedAt: null, taskAt: null };
  (() => {
    const check = () => {
      const root = document.documentElement;
      if (window.__budget.hydratedAt === null && root && root.dataset.hydrated === "true") {
        window.__budget.hydratedAt = performance.now();
      }
      if (window.__budget.taskAt === null && document.querySelector('[data-testid="task"]')) {
        window.__budget.taskAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { attributes: true, childList: true, subtree: true });
  })();
`;

/** What telegram-web-app.js gives the app inside Telegram; the app needs no more of it to load. */
const telegramScript = (initData) =>
  `window.Telegram = { WebApp: { initData: ${JSON.stringify(initData)}, initDataUnsafe: {}, themeParams: {}, ` +
  `colorScheme: "light", version: "8.0", platform: "ios" } };`;

/**
 * One page load in a fresh context: signed in by `state`'s cookie, or with `telegram` (initData) opened as a
 * Telegram client opens the Mini App (initData in the URL fragment and in telegram-web-app.js).
 */
async function oneLoad(browser, { state, telegram, rate, routeTelegram, waitHydration, collect }) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    storageState: telegram ? undefined : state,
    viewport: VIEWPORT,
    locale: "en-US",
    serviceWorkers: "block",
  });
  const errors = [];
  const requests = [];
  try {
    if (routeTelegram || telegram) {
      const body = telegram ? telegramScript(telegram) : "";
      await context.route("https://telegram.org/**", (route) =>
        route.fulfill({ status: 200, contentType: "application/javascript", body }),
      );
    }
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && errors.push(`console.error: ${message.text()}`));
    if (collect) {
      page.on("requestfinished", async (req) => {
        const sizes = await req.sizes().catch(() => null);
        const response = await req.response().catch(() => null);
        const url = req.url();
        // The app's own requests (server functions, the Telegram page's request for the signed-in page).
        const asked = req.resourceType() === "fetch" && url.startsWith(BASE_URL);
        const answer = asked ? await response?.body().catch(() => null) : null;
        requests.push({
          url,
          method: req.method(),
          type: req.resourceType(),
          status: response?.status() ?? 0,
          bytes: Math.max(0, sizes?.responseBodySize ?? 0),
          body: answer ?? undefined,
        });
      });
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });

    const response = await page.goto(telegram ? `/${launchFragment(telegram)}` : "/", { waitUntil: "load", timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`GET / in the browser answered ${response?.status()}`);

    let hydrated = null;
    let hydrationNote = null;
    let markerMissing = false;
    if (waitHydration) {
      try {
        const handle = await page.waitForFunction(
          () => (document.documentElement.dataset.hydrated === "true" ? performance.now() : null),
          null,
          { timeout: HYDRATION_TIMEOUT_MS, polling: 20 },
        );
        const polled = await handle.jsonValue();
        const observed = await page.evaluate(() => window.__budget?.hydratedAt ?? null);
        hydrated = observed ?? polled;
      } catch (error) {
        if (!String(error).includes("Timeout")) throw error;
        const attribute = await page.evaluate(() => document.documentElement.getAttribute("data-hydrated"));
        markerMissing = attribute === null;
        const thrown = errors.find((e) => e.startsWith("uncaught:"));
        hydrationNote = thrown
          ? `hydration failed: the page threw (${thrown.slice(0, 120)}) and \`<html>\` never got \`data-hydrated="true"\``
          : attribute === null
            ? "no hydration marker: `<html>` never got `data-hydrated`"
            : `no hydration marker: \`<html data-hydrated="${attribute}">\` did not become "true" within ${HYDRATION_TIMEOUT_MS / 1000} s`;
      }
    }

    // FCP normally precedes "load"; give it a moment in case it is reported late.
    await page
      .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 5_000 })
      .catch(() => {});
    const timings = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const wasm = performance.getEntriesByType("resource").find((entry) => entry.name.includes(".wasm"));
      return {
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        fp: performance.getEntriesByName("first-paint")[0]?.startTime ?? null,
        html: nav ? nav.responseEnd : null,
        dcl: nav ? nav.domContentLoadedEventEnd : null,
        load: nav ? nav.loadEventEnd : null,
        wasm: wasm ? wasm.responseEnd : null,
        task: window.__budget?.taskAt ?? null,
        tasksShown: document.querySelectorAll('[data-testid="task"]').length,
        arrived: performance.getEntriesByType("resource").map((entry) => ({ url: entry.name, end: entry.responseEnd })),
      };
    });
    if (collect) {
      // Whatever the hydrated page still fetches by itself (a lazy chunk it needs at once) is part of the load.
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(200); // let the last requestfinished handlers settle
    }
    return { ...timings, hydrated, hydrationNote, markerMissing, errors, requests };
  } finally {
    await context.close();
  }
}

/**
 * The main CSS, JS and WASM of pkg/: `vectora.<hash>.css` and so on when cargo-leptos hashed the
 * names (hash-files; the hashes in hash.txt), `vectora.css` and so on otherwise.
 */
function mainFiles() {
  const hashes = new Map();
  if (HASH_FILE && fs.existsSync(HASH_FILE)) {
    for (const line of fs.readFileSync(HASH_FILE, "utf8").split("\n")) {
      const match = /^\s*(\w+)\s*:\s*(\S+)\s*$/.exec(line);
      if (match) hashes.set(match[1], match[2]);
    }
  }
  return ["css", "js", "wasm"].map((ext) => (hashes.has(ext) ? `vectora.${hashes.get(ext)}.${ext}` : `vectora.${ext}`));
}

/** A name for the report that stays the same from build to build: the content hash left out. */
function withoutHash(name) {
  return name.replace(/\.[A-Za-z0-9_-]{22}\.(\w+)$/, ".[hash].$1");
}

/** The files of pkg/ one signed-in load fetches, until hydrated and the network is idle. */
async function fetchedDuringLoad(state, routeTelegram) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const run = await oneLoad(browser, { state, rate: 1, routeTelegram, waitHydration: true, collect: true });
    if (run.hydrationNote) log(`warning (probe load): ${run.hydrationNote}`);
    return run.requests
      .filter((r) => r.url.startsWith(BASE_URL))
      .map((r) => new URL(r.url).pathname)
      .filter((p) => p.startsWith("/pkg/"))
      .map((p) => p.slice("/pkg/".length));
  } finally {
    await browser.close();
  }
}

function stats(values) {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (present.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = Math.floor(present.length / 2);
  const median = present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
  return { median, min: present[0], max: present[present.length - 1], n: present.length };
}

async function measureTimings(state, routeTelegram, telegram = null) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const version = browser.version();
  const settings = [
    { label: "no throttling", rate: 1 },
    { label: "4× CPU throttling", rate: 4 },
  ];
  const results = [];
  let waitHydration = true;
  let hydrationNote = null;
  let requests = [];
  const errors = new Set();
  try {
    for (const setting of settings) {
      // One load first, not counted: warms the server, the OS page cache and Chromium's processes.
      await oneLoad(browser, { state, telegram, rate: setting.rate, routeTelegram, waitHydration: false, collect: false });
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await oneLoad(browser, {
          state,
          telegram,
          rate: setting.rate,
          routeTelegram,
          waitHydration,
          collect: requests.length === 0,
        });
        if (run.requests.length > 0) requests = run.requests;
        run.errors.forEach((e) => errors.add(e));
        if (run.hydrationNote) {
          hydrationNote = run.hydrationNote;
          // Without the attribute at all the build has no marker: waiting again would only add 15 s per load.
          if (run.markerMissing) waitHydration = false;
        }
        runs.push(run);
        log(
          `${telegram ? "inside Telegram, " : ""}${setting.label}, run ${i + 1}/${RUNS}: FCP ${ms(run.fcp)} ms, ` +
            `first task ${ms(run.task)} ms, hydrated ${ms(run.hydrated)} ms, load ${ms(run.load)} ms, ${run.tasksShown} tasks shown`,
        );
      }
      results.push({ ...setting, runs });
    }
  } finally {
    await browser.close();
  }
  return { version, results, hydrationNote, requests, errors: [...errors] };
}

// ---- report ------------------------------------------------------------------------------------------

function verdict(bytes, limitKb) {
  return bytes < limitKb * 1000 ? "PASS" : "FAIL";
}

function table(header, align, rows) {
  const lines = [`| ${header.join(" | ")} |`, `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

function plain(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  return all
    .map((row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  "))
    .join("\n");
}

const SIZE_HEADER = ["file", "raw bytes", "brotli bytes", "brotli KB", "gzip -9 bytes", "served as"];

function sizeRows(sizes) {
  const rows = sizes.rows.map((row) => [row.name, row.raw, row.br, kb(row.br), row.gzip, row.servedAs]);
  rows.push(["total first load", sizes.total.raw, sizes.total.br, kb(sizes.total.br), sizes.total.gzip, ""]);
  return rows;
}

const METRICS = [
  ["fcp", "first contentful paint"],
  ["task", "first task visible"],
  ["hydrated", "hydrated (interactive)"],
  ["html", "HTML received (responseEnd)"],
  ["wasm", "WASM received (responseEnd)"],
  ["load", "load event end"],
];

function timingRows(timings) {
  const rows = [];
  for (const [key, label] of METRICS) {
    const cells = [label];
    for (const result of timings.results) {
      const s = stats(result.runs.map((run) => run[key]));
      cells.push(s.n === 0 ? "–" : ms(s.median), s.n === 0 ? "–" : `${ms(s.min)}–${ms(s.max)}`);
    }
    rows.push(cells);
  }
  return rows;
}

function timingHeader(timings) {
  const header = ["ms from navigation start"];
  for (const result of timings.results) header.push(`${result.label}: median`, "min–max");
  return header;
}

// The time until the first task is visible when the Mini App is opened from Telegram (issue 15).
const TELEGRAM_TASK_MS = { 1: 350, 4: 800 };

function telegramSection(telegram) {
  const { sizes, timings } = telegram;
  const lines = ["", "## Inside Telegram", ""];
  lines.push(
    "The Mini App opened as a Telegram client opens it: `/` with initData in the URL fragment (and in " +
      "`telegram-web-app.js`, stubbed here), for a user with " +
      `${sizes.tasksShown} tasks. The server renders that page signed out (the fragment never reaches it); its first ` +
      "script asks for the same page with initData at once and writes the signed-in page it gets in its place, which " +
      "then loads its WASM and hydrates as in a browser; the signed-out page's own scripts and WASM are never " +
      "fetched (`app/src/ui/telegram_boot.rs`). Counted: everything fetched from this server until the page was " +
      "hydrated and the network idle, each file brotli-compressed as above.",
  );
  lines.push("");
  lines.push(table(SIZE_HEADER, ["l", "r", "r", "r", "r", "l"], sizeRows(sizes)));
  lines.push("");
  lines.push(
    `Budget: the first load inside Telegram under ${BUDGET_KB} KB: **${verdict(sizes.total.br, BUDGET_KB)}** (${kb(sizes.total.br)} KB, ` +
      "everything until the page was interactive).",
  );
  lines.push("");
  lines.push(
    `Of that, fetched before the first task was visible (the page's resource timings): ${kb(sizes.untilTask.br)} KB: ` +
      sizes.rows
        .filter((row) => row.beforeTask)
        .map((row) => row.name)
        .join(", ") +
      ". The WASM arrives after the list is on screen, for the page to become interactive.",
  );
  if (sizes.others.length > 0) {
    lines.push("");
    lines.push(
      "Also fetched, not in the total: " +
        sizes.others.map((r) => `\`${new URL(r.url).pathname}\` (${r.type}, HTTP ${r.status}, ${r.bytes} B)`).join(", ") +
        ".",
    );
  }
  lines.push("");
  lines.push(`Timings as above (${RUNS} loads per setting, fresh context, cache off):`);
  lines.push("");
  lines.push(table(timingHeader(timings), ["l", "r", "r", "r", "r"], timingRows(timings)));
  lines.push("");
  for (const result of timings.results) {
    const shown = stats(result.runs.map((run) => run.task)).median;
    const limit = TELEGRAM_TASK_MS[result.rate];
    lines.push(
      `- First task visible, ${result.label}: ${ms(shown)} ms (median) against ${limit} ms: ` +
        `**${shown !== null && shown <= limit ? "PASS" : "FAIL"}**.`,
    );
  }
  if (timings.errors.length > 0) {
    lines.push("");
    lines.push("Errors in the page during these loads:");
    for (const error of timings.errors.slice(0, 10)) lines.push(`- ${error.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  return lines;
}

function writeReport({ sizes, timings, telegram, started }) {
  const commit = process.env.GIT_COMMIT || "unknown";
  const cores = os.cpus().length;
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  const br = sizes.total.br;
  const lines = [];
  lines.push("# Performance budget");
  lines.push("");
  lines.push(
    `Measured by \`scripts/budget.sh\` on ${started.toISOString().slice(0, 16).replace("T", " ")} UTC at commit \`${commit}\`:`,
  );
  lines.push(
    `release build (WASM built ${sizes.wasmBuilt.toISOString().slice(0, 16).replace("T", " ")} UTC), SQLite, the server and`,
  );
  lines.push(
    `headless Chromium ${timings.version} on the same machine (${cores} cores, ${cpu}), over 127.0.0.1 without network throttling.`,
  );
  lines.push(
    `The page is \`/\` signed in through the development sign-in, with ${sizes.taskCount} tasks in the list (in the server's HTML).`,
  );
  lines.push("");
  lines.push("## Sizes");
  lines.push("");
  lines.push(`Bytes of what the first load fetches; brotli by ${BROTLI_TOOL}; gzip -9 for comparison.`);
  lines.push("1 KB = 1000 bytes. \"served as\": what this server sends to a browser that accepts br.");
  lines.push(
    "Besides the HTML and the main CSS, JS and WASM, every file of `pkg/` that a signed-in load fetched (until hydrated " +
      "and the network idle: the split loader, any lazy WASM chunk the first screen needs at once) is counted.",
  );
  lines.push("");
  lines.push(table(SIZE_HEADER, ["l", "r", "r", "r", "r", "l"], sizeRows(sizes)));
  lines.push("");
  lines.push(
    `Budget: the first load (HTML + CSS + JS + WASM, brotli) under ${BUDGET_KB} KB: **${verdict(br, BUDGET_KB)}** ` +
      `(${kb(br)} KB); under ${AIM_KB} KB, the aim: **${verdict(br, AIM_KB)}**.`,
  );
  const documentLoad = timings.requests.find((r) => r.type === "document");
  if (documentLoad && Math.abs(documentLoad.bytes - sizes.htmlRange.max) > 500) {
    lines.push("");
    lines.push(
      `In the browser one load's HTML was ${documentLoad.bytes} bytes raw, against ${sizes.htmlRange.max} counted above ` +
        "(same user and tasks): the page the server renders is not always the same size.",
    );
  }
  if (sizes.htmlRange.min !== sizes.htmlRange.max) {
    lines.push("");
    lines.push(
      `The HTML differed between ${HTML_SAMPLES} requests for the same page: ${sizes.htmlRange.min} to ` +
        `${sizes.htmlRange.max} bytes raw; the largest is counted.`,
    );
  }
  if (sizes.external.length > 0) {
    lines.push("");
    lines.push(`Not counted (third party, loaded from its own origin): ${sizes.external.map((u) => `\`${u}\``).join(", ")}.`);
  } else {
    lines.push("");
    lines.push("The page loads no third-party script (Telegram's `telegram-web-app.js` would be listed here and not counted).");
  }
  const counted = new Set(sizes.rows.filter((row) => row.file).map((row) => row.path));
  const others = timings.requests.filter(
    (r) => r.url.startsWith(BASE_URL) && !counted.has(new URL(r.url).pathname) && new URL(r.url).pathname !== "/",
  );
  if (others.length > 0) {
    lines.push("");
    lines.push(
      "Also fetched from this server during the load, not in the total: " +
        others.map((r) => `\`${new URL(r.url).pathname}\` (${r.type}, HTTP ${r.status}, ${r.bytes} B)`).join(", ") +
        ".",
    );
  }
  const seen = new Map();
  for (const r of timings.requests) seen.set(r.url, (seen.get(r.url) ?? 0) + 1);
  const twice = [...seen].filter(([, count]) => count > 1);
  if (twice.length > 0) {
    lines.push("");
    lines.push(
      "**Fetched more than once in one load** (a preload that its later fetch does not reuse?): " +
        twice.map(([url, count]) => `\`${url}\` ×${count}`).join(", ") +
        ".",
    );
  }
  lines.push("");
  lines.push("## Timings");
  lines.push("");
  lines.push(
    `${RUNS} loads per setting after one uncounted warm-up load; each in a fresh browser context with the HTTP cache off`,
  );
  lines.push(
    `(a first visit, not a repeat one), viewport ${VIEWPORT.width}×${VIEWPORT.height}; CPU throttling through CDP \`Emulation.setCPUThrottlingRate\`.`,
  );
  lines.push(
    "\"hydrated\": when the app sets `data-hydrated=\"true\"` on `<html>` at the end of hydration, the time the page is interactive.",
  );
  lines.push("");
  lines.push(table(timingHeader(timings), ["l", "r", "r", "r", "r"], timingRows(timings)));
  if (timings.hydrationNote) {
    lines.push("");
    lines.push(
      `**Hydration not measured in every load — ${timings.hydrationNote}.** Loads that timed out after ` +
        `${HYDRATION_TIMEOUT_MS / 1000} s are left out of the hydrated row; once \`<html>\` had no \`data-hydrated\` at all ` +
        "after that wait, later loads did not wait for it again. Hydration would end some time after \"WASM received\" " +
        "(compiling and running the WASM).",
    );
  }
  if (timings.errors.length > 0) {
    lines.push("");
    lines.push("Errors in the page during the loads:");
    for (const error of timings.errors.slice(0, 10)) lines.push(`- ${error.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  lines.push(...telegramSection(telegram));
  lines.push("");
  lines.push(`The server and the browser share the ${cores} cores, so single loads vary by tens of milliseconds; compare medians.`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${lines.join("\n")}\n`);
}

// ---- main --------------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  for (const name of mainFiles()) {
    if (!fs.existsSync(path.join(PKG, name))) fail(`missing ${path.join(PKG, name)}: run \`cargo leptos build --release --split --precompress\` first`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (scripts/setup.sh installs it)`);
  const health = await rawGet(new URL("/health", BASE_URL).href).catch((error) => fail(`GET /health: ${error.message}`));
  if (health.status !== 200) fail(`GET ${BASE_URL}/health answered ${health.status}`);

  log(`server ${BASE_URL}; signing in as Telegram user ${TELEGRAM_ID} and adding ${TASKS} tasks`);
  const { state, cookieHeader } = await signIn();
  const page = await rawGet(new URL("/", BASE_URL).href, { Cookie: cookieHeader, "Accept-Language": "en" });
  const routeTelegram = page.body.toString("utf8").includes("telegram.org");
  const fetched = await fetchedDuringLoad(state, routeTelegram);
  log(`one load fetched from pkg/: ${[...new Set(fetched)].join(", ")}`);
  const sizes = await measureSizes(cookieHeader, fetched);
  log(`brotli: ${BROTLI_TOOL}`);
  console.log("");
  console.log(plain(SIZE_HEADER, sizeRows(sizes)));
  const br = sizes.total.br;
  console.log("");
  log(`first load ${kb(br)} KB brotli: budget ${BUDGET_KB} KB ${verdict(br, BUDGET_KB)}, aim ${AIM_KB} KB ${verdict(br, AIM_KB)}`);
  if (sizes.htmlRange.min !== sizes.htmlRange.max) {
    log(`warning: GET / varied over ${HTML_SAMPLES} requests: ${sizes.htmlRange.min}–${sizes.htmlRange.max} bytes (the largest is counted)`);
  }
  if (sizes.external.length > 0) log(`not counted (third party): ${sizes.external.join(", ")}`);
  if (sizes.htmlMarker !== null) log(`server HTML has <html data-hydrated="${sizes.htmlMarker}">`);

  log(`timings: ${RUNS} loads per setting${routeTelegram ? "; telegram.org answered with an empty script" : ""}`);
  const timings = await measureTimings(state, routeTelegram);
  console.log("");
  console.log(plain(timingHeader(timings), timingRows(timings)));
  if (timings.hydrationNote) log(`WARNING: ${timings.hydrationNote}; hydration time not measured`);
  log(
    `one load fetched: ${timings.requests
      .map((r) => `${r.url.startsWith(BASE_URL) ? new URL(r.url).pathname : r.url} (${r.type}, ${r.status}, ${r.bytes} B)`)
      .join(", ")}`,
  );
  const perUrl = new Map();
  for (const r of timings.requests) perUrl.set(r.url, (perUrl.get(r.url) ?? 0) + 1);
  for (const [url, count] of perUrl) if (count > 1) log(`warning: ${url} was fetched ${count} times in one load`);
  if (timings.errors.length > 0) log(`page errors: ${timings.errors.length} (listed in the report)`);

  log("inside Telegram: the Mini App's user opens it with initData in the URL fragment");
  const initData = await telegramUser();
  const tgSizes = await measureTelegramSizes(initData);
  console.log("");
  console.log(plain(SIZE_HEADER, sizeRows(tgSizes)));
  log(`inside Telegram: first load ${kb(tgSizes.total.br)} KB brotli: budget ${BUDGET_KB} KB ${verdict(tgSizes.total.br, BUDGET_KB)}`);
  const tgTimings = await measureTimings(null, false, initData);
  console.log("");
  console.log(plain(timingHeader(tgTimings), timingRows(tgTimings)));
  if (tgTimings.errors.length > 0) log(`page errors inside Telegram: ${tgTimings.errors.length} (listed in the report)`);

  writeReport({ sizes, timings, telegram: { sizes: tgSizes, timings: tgTimings }, started });
  const shown = path.relative(ROOT, OUT);
  log(`wrote ${shown.startsWith("..") ? OUT : shown}`);
}

main().catch((error) => {
  console.error(`[budget] ERROR: ${error.stack ?? error}`);
  process.exit(1);
});
