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
