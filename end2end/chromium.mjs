// Debian's Chromium and the flags every browser run here uses (Playwright's own browser download
// is not reachable from these machines). Shared by playwright.config.ts and budget/measure.mjs.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
