(() => {
  const root = document.documentElement;
  const loadPage = () => {
    const loads = document.getElementById("page-loads");
    if (!loads || root.classList.contains("tg-boot")) return;
    loads.remove();
    const scripts = document.importNode(loads.content, true);
    for (const script of scripts.querySelectorAll("script")) script.async = false;
    document.head.append(scripts);
  };
  window.__vectoraLoadPage = loadPage;

  const decode = (value) => decodeURIComponent(value.replace(/\+/g, "%20"));
  const hashParams = () => {
    const params = {};
    for (const pair of location.hash.replace(/^#/, "").split("&")) {
      const at = pair.indexOf("=");
      if (at > 0) {
        try {
          params[decode(pair.slice(0, at))] = decode(pair.slice(at + 1));
        } catch (_) {}
      }
    }
    if (params.tgWebAppData) return params;
    try {
      return JSON.parse(sessionStorage.getItem("__telegram__initParams")) || {};
    } catch (_) {
      return {};
    }
  };
  const params = hashParams();
  if (!params.tgWebAppData) return;

  let theme = {};
  try {
    theme = JSON.parse(params.tgWebAppThemeParams || "{}");
  } catch (_) {}
  const paint = (element) => {
    for (const key in theme) element.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), theme[key]);
  };
  root.classList.add("tg-boot");
  paint(root);

  const nonce = document.currentScript.nonce;
  const here = location.pathname + location.search;
  const task = /^task-(\d+)$/.exec(params.tgWebAppStartParam || "");
  const target = task && here === "/" ? "/tasks/" + task[1] : here;
  const fallBack = () => {
    root.classList.remove("tg-boot");
    loadPage();
  };
  fetch(target, { headers: { Authorization: "tma " + params.tgWebAppData, Accept: "text/html" } })
    .then((answer) => (answer.ok ? answer.text() : Promise.reject(answer.status)))
    .then((html) => {
      const theirs = /nonce="([^"]+)"/.exec(html);
      if (!theirs || !nonce) return fallBack();
      if (target !== here) history.replaceState(history.state, "", target + location.hash);
      document.open();
      document.write(html.split(theirs[1]).join(nonce));
      document.close();
      paint(document.documentElement);
    }, fallBack);
})();
