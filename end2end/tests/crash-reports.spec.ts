import type { Page, Request } from "@playwright/test";
import * as fs from "node:fs";

import { expect, hydrated, signIn, test } from "../support/app";

/** The crash reports the page sends from now on, with the server's answers. */
function watchReports(page: Page) {
  const reports: { kind: string; message: string; route: string; status: Promise<number | undefined> }[] = [];
  page.on("request", (request: Request) => {
    if (new URL(request.url()).pathname !== "/crash-reports") return;
    const body = request.postDataJSON();
    reports.push({ ...body, status: request.response().then((r) => r?.status()) });
  });
  return reports;
}

test("an uncaught error reaches the server with its message and route", async ({ page }) => {
  await signIn(page);
  await page.goto("/calendar?month=2031-05");
  await hydrated(page);
  const reports = watchReports(page);
  await page.evaluate(() => setTimeout(() => { throw new Error("thrown in the page"); }, 0));
  await expect.poll(() => reports.length).toBe(1);
  expect(reports[0].kind).toBe("error");
  expect(reports[0].message).toContain("thrown in the page");
  expect(reports[0].route).toBe("/calendar");
  expect(await reports[0].status).toBe(204);
});

test("a crash of the WASM while hydrating is reported", async ({ page }) => {
  await signIn(page);
  const reports = watchReports(page);
  // The server's page without its tabs: the WASM does not find what it renders, and stops.
  await page.route(
    (url) => url.pathname === "/",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(/<nav[^>]*tabs[^>]*>[\s\S]*?<\/nav>/, "");
      await route.fulfill({ response, body: html });
    },
  );
  await page.goto("/");
  await expect.poll(() => reports.length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(["panic", "error"]).toContain(reports[0].kind);
  expect(reports[0].message.length).toBeGreaterThan(0);
  expect(reports[0].route).toBe("/");
  expect(await reports[0].status).toBe(204);

  // The release WASM traps without a message; the server names the functions of its stack from the
  // build's symbol maps (src/wasm_symbols.rs), here the hydration that found the page changed.
  const log = process.env.SERVER_LOG;
  expect(log, "scripts/test.sh passes the server's log file in SERVER_LOG").toBeTruthy();
  await expect
    .poll(() => fs.readFileSync(log!, "utf8").match(/symbolized="[^"]*"/g)?.pop() ?? "")
    .toMatch(/^symbolized="vectora\.[\w-]+\.wasm:[^"]*::hydrate/);
});
