// The quick add's chips (app/src/ui/quick_add.rs, day_quick_add.rs): after each pause in typing,
// asks the server what the line says (POST /api/tasks/quick/chips), draws the answer, and records
// a removed chip in the form's `literal`. The page loads this file when the quick-add field first takes the focus.
(() => {
  let timer;
  let literal = [];
  const byId = (id) => document.getElementById(id);
  const read = async (input) => {
    const text = input.value;
    const list = byId("new-task-chips");
    if (!list) return;
    if (!text.trim()) return list.replaceChildren();
    const form = input.form;
    const body = new URLSearchParams({ text, literal: literal.join(",") });
    // The tasks screen's form names its list, the calendar's its chosen day.
    for (const name of ["view", "day"]) if (form.elements[name]) body.set(name, form.elements[name].value);
    const headers = { accept: "application/json" };
    const initData = window.Telegram && Telegram.WebApp && Telegram.WebApp.initData;
    if (initData) headers.authorization = "tma " + initData;
    try {
      const answer = await fetch("/api/tasks/quick/chips", { method: "POST", body, headers });
      if (!answer.ok) return;
      const { chips, keep } = await answer.json();
      if (input.value !== text) return;
      list.replaceChildren(
        ...chips.map(({ part, text }) => {
          const chip = document.createElement("li");
          chip.className = "chip";
          chip.dataset.testid = "chip-" + part;
          const words = document.createElement("span");
          words.textContent = text;
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "chip-remove";
          remove.dataset.part = part;
          remove.title = keep;
          remove.setAttribute("aria-label", keep + ": " + text);
          remove.textContent = "×";
          chip.append(words, remove);
          return chip;
        }),
      );
    } catch (_) {}
  };
  addEventListener("input", (event) => {
    if (event.target.id !== "new-task-title") return;
    clearTimeout(timer);
    timer = setTimeout(() => read(event.target), 250);
  });
  addEventListener("click", (event) => {
    const remove = event.target.closest && event.target.closest("#new-task-chips [data-part]");
    if (!remove) return;
    literal.push(remove.dataset.part);
    const input = byId("new-task-title");
    input.form.elements.literal.value = literal.join(",");
    read(input);
  });
  addEventListener("submit", (event) => {
    if (!event.target.classList.contains("quick-add")) return;
    setTimeout(() => {
      literal = [];
      event.target.elements.literal.value = "";
      byId("new-task-chips").replaceChildren();
    });
  });
  const input = byId("new-task-title");
  if (input && input.value) read(input);
})();
