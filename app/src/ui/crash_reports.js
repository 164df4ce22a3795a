// Sends what breaks in this page to the server's log (POST /crash-reports, src/crash_reports.rs):
// the WASM's panics with their message (through window.__vectoraCrash, set as the panic hook),
// uncaught errors (a release build's bare "unreachable" trap among them) and rejected promises.
// A few reports per page at most; only the path is sent, never the query or the fragment, which
// may hold what the user typed or Telegram's initData.
(() => {
  let sent = 0;
  const send = (kind, message, stack) => {
    console.error(message, stack || "");
    if (sent++ >= 5) return;
    const report = {
      kind,
      message: String(message).slice(0, 1000),
      route: location.pathname,
      stack: String(stack || "").slice(0, 3000),
    };
    fetch("/crash-reports", {
      method: "POST",
      keepalive: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(report),
    }).catch(() => {});
  };
  window.__vectoraCrash = (message) => send("panic", message, new Error().stack);
  addEventListener("error", (event) => send("error", event.message || "error", event.error && event.error.stack));
  addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    send("rejection", (reason && reason.message) || String(reason), reason && reason.stack);
  });
})();
