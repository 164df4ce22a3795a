import { expect, signIn, test, unexpected, watchErrors } from "../support/app";

test("scripts run only with the page's nonce, and the app still hydrates under that policy", async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto("/");
  const header = response?.headers()["content-security-policy"] ?? "";
  expect(header).toContain("frame-ancestors 'self' https://web.telegram.org");

  await signIn(page);
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("'strict-dynamic' 'wasm-unsafe-eval'");
  // Every script the server wrote carries this response's nonce.
  const scripts = await page.locator("script").evaluateAll((nodes) =>
    nodes.map((node) => ({ nonce: (node as HTMLScriptElement).nonce, src: (node as HTMLScriptElement).src })),
  );
  expect(scripts.length).toBeGreaterThan(1);
  for (const script of scripts) expect(script, JSON.stringify(script)).toEqual({ nonce, src: script.src });

  // Markup injected into the page (the shape of an XSS) cannot run its handlers.
  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective), { once: true });
        const holder = document.createElement("div");
        holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
        document.body.append(holder);
        setTimeout(() => resolve("none"), 2000);
      }),
  );
  expect(violated).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  // The app works under the policy: a task is added without a reload.
  await page.locator("#new-task-title").fill("Under CSP");
  await page.getByTestId("add-task").click();
  await expect(page.locator('[data-testid="task"]', { hasText: "Under CSP" })).toBeVisible();
  expect(unexpected(errors).filter((e) => !/Content Security Policy|no-such-image/.test(e))).toEqual([]);
});
