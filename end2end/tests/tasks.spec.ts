import {
  addWithForm,
  expect,
  fillTaskForm,
  hydrated,
  quickAdd,
  screenshot,
  signIn,
  taskRow,
  test,
  titles,
  unexpected,
  watchErrors,
} from "../support/app";

test("add with every field, edit, tick, untick and delete, without a page reload", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  await expect(page.getByTestId("empty")).toHaveText("No tasks yet. Add the first one above.");
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));

  await quickAdd(page, "Купить молоко");
  await expect(page.locator("#new-task-title")).toHaveValue("");
  await page.locator("#new-task-title").fill("   ");
  await page.getByTestId("add-task").click();
  await expect(page.locator("#new-task-error")).toContainText("Say what to do");

  await page.getByTestId("open-new-task").click();
  await expect(page.locator("h1")).toHaveText("New task");
  await fillTaskForm(page, {
    title: "Подготовить отчёт",
    description: "квартальный",
    due: "2031-05-10T09:30",
    priority: "high",
    category: "Работа",
    tags: "отчёты, срочно",
  });
  // Each tag is shown once: as a chip, not also as text in the field.
  await expect(page.getByTestId("tag-chip")).toHaveText(["отчёты×", "срочно×"]);
  await expect(page.getByTestId("edit-tags")).toHaveValue("");
  await page.getByRole("button", { name: "Remove tag: срочно" }).click();
  await expect(page.getByTestId("tag-chip")).toHaveText(["отчёты×"]);
  await page.getByTestId("save-task").click();

  const report = taskRow(page, "Подготовить отчёт");
  await expect(report).toBeVisible();
  await expect(report).toContainText("10 May 2031, 09:30");
  await expect(report).toContainText("High");
  await expect(report).toContainText("Работа");
  await expect(report).toContainText("#отчёты");

  await report.getByTestId("open-task").click();
  await expect(page.locator("h1")).toHaveText("Edit task");
  await expect(page.getByTestId("edit-due")).toHaveValue("2031-05-10T09:30");
  await page.getByTestId("edit-title").fill("");
  await page.getByTestId("edit-due").fill("");
  await page.getByTestId("save-task").click();
  await expect(page.locator("#task-title-error")).toHaveText("This field is required and cannot be empty.");
  await page.getByTestId("edit-title").fill("Подготовить годовой отчёт");
  // An existing category and tag are offered.
  await expect(page.locator("#known-categories option")).toHaveCount(1);
  // Its own tag is not offered again.
  await expect(page.getByTestId("tag-chip")).toHaveText(["отчёты×"]);
  await expect(page.getByRole("button", { name: "+ отчёты" })).toHaveCount(0);
  await page.getByTestId("save-task").click();
  const edited = taskRow(page, "Подготовить годовой отчёт");
  await expect(edited).toBeVisible();
  await expect(edited).not.toContainText("May");

  const milk = taskRow(page, "Купить молоко");
  await milk.getByRole("button", { name: "Mark as done" }).click();
  await expect(milk).toHaveClass(/done/);
  await milk.getByRole("button", { name: "Mark as not done" }).click();
  await expect(milk).not.toHaveClass(/done/);

  await screenshot(page, "tasks-en-desktop");
  await milk.getByTestId("open-task").click();
  // Deleting asks nothing: the list's notice offers an Undo instead (undo-delete.spec.ts).
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    return dialog.dismiss();
  });
  await page.getByTestId("delete-task").click();
  await expect(page.getByTestId("tab-all")).toBeVisible();
  await expect(page.locator('[data-testid="task"]')).toHaveCount(1);
  await expect(page.getByTestId("notice")).toContainText("Task deleted");
  expect(dialogs).toEqual([]);

  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("dev-sign-in")).toBeVisible();
  expect(unexpected(errors)).toEqual([]);
});

test("the tags field: Enter or a comma adds a tag, chosen tags are not offered, Backspace takes the last back", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await signIn(page);
  await addWithForm(page, { title: "Tagged before", tags: "дом, дача" });
  await expect(taskRow(page, "Tagged before")).toContainText("#дача");

  await page.getByTestId("open-new-task").click();
  await hydrated(page);
  const field = page.getByTestId("edit-tags");
  const chips = page.getByTestId("tag-chip");
  await field.fill("работа");
  await field.press("Enter");
  await expect(page.locator("h1")).toHaveText("New task");
  await expect(chips).toHaveText(["работа×"]);
  await expect(field).toHaveValue("");

  await expect(page.getByRole("button", { name: "+ дом" })).toBeVisible();
  await page.getByRole("button", { name: "+ дом" }).click();
  await expect(chips).toHaveText(["работа×", "дом×"]);
  await expect(page.getByRole("button", { name: "+ дом" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "+ дача" })).toBeVisible();

  await field.fill("x, y");
  await expect(chips).toHaveText(["работа×", "дом×", "x×"]);
  await expect(field).toHaveValue("y");
  await field.press("Enter");
  await expect(chips).toHaveText(["работа×", "дом×", "x×", "y×"]);
  await field.press("Backspace");
  await expect(chips).toHaveText(["работа×", "дом×", "x×"]);
  await expect(field).toHaveValue("y");
  await field.fill("");

  await page.getByTestId("edit-title").fill("Tagged now");
  await page.getByTestId("save-task").click();
  const row = taskRow(page, "Tagged now");
  await expect(row).toContainText("#работа");
  await expect(row).toContainText("#дом");
  await expect(row).toContainText("#x");
  await expect(row).not.toContainText("#y");
  expect(unexpected(errors)).toEqual([]);
});

test("tabs, Russian search, filters and sort", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  await addWithForm(page, { title: "Купить хлеб", tags: "дом", priority: "high" });
  await expect(taskRow(page, "Купить хлеб")).toBeVisible();
  for (const title of ["Allocate budget", "Ёлка на Новый год", "Zoo trip"]) {
    await quickAdd(page, title);
  }
  await taskRow(page, "Zoo trip").getByRole("button", { name: "Mark as done" }).click();
  await expect(taskRow(page, "Zoo trip")).toHaveClass(/done/);

  await page.getByTestId("search").fill("ХЛЕБ");
  await expect.poll(() => titles(page)).toEqual(["Купить хлеб"]);
  await expect(page).toHaveURL(/q=%D0%A5%D0%9B%D0%95%D0%91|q=ХЛЕБ/);
  await page.getByTestId("search").fill("ёлка");
  await expect.poll(() => titles(page)).toEqual(["Ёлка на Новый год"]);
  await page.getByTestId("search").fill("nothing like this");
  await expect(page.getByTestId("empty")).toHaveText("No tasks match.");
  await page.getByTestId("search").fill("");
  await expect.poll(async () => (await titles(page)).length).toBe(4);

  await page.getByText("Filters and sort").click();
  await page.getByTestId("filter-priority").selectOption("high");
  await expect.poll(() => titles(page)).toEqual(["Купить хлеб"]);
  await page.getByTestId("filter-priority").selectOption("");
  await page.getByTestId("filter-tag").selectOption("дом");
  await expect.poll(() => titles(page)).toEqual(["Купить хлеб"]);
  await page.getByTestId("filter-tag").selectOption("");
  await page.getByTestId("sort").selectOption("title");
  // Latin before Cyrillic; how Ё sorts among Cyrillic letters depends on the database's collation.
  await expect.poll(async () => (await titles(page)).slice(0, 2)).toEqual(["Allocate budget", "Zoo trip"]);

  await page.getByTestId("tab-done").click();
  await expect.poll(() => titles(page)).toEqual(["Zoo trip"]);
  await page.getByTestId("tab-today").click();
  await expect(page.getByTestId("empty")).toHaveText("Nothing due today. Enjoy the day.");
  await page.reload();
  await expect(page.getByTestId("tab-today")).toHaveAttribute("aria-current", "page");
  expect(unexpected(errors)).toEqual([]);
});

test("drag to reorder with the mouse and the keyboard; the order survives a reload", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  for (const title of ["first", "second", "third", "fourth"]) {
    await quickAdd(page, title);
  }
  // A new task goes to the end of the manual order.
  await expect.poll(() => titles(page)).toEqual(["first", "second", "third", "fourth"]);

  const handle = taskRow(page, "first").getByTestId("drag-handle");
  const target = taskRow(page, "third");
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) {
    await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + to.height * 0.75 - from.y) * step) / 8);
  }
  await page.mouse.up();
  await expect.poll(() => titles(page)).toEqual(["second", "third", "first", "fourth"]);

  await taskRow(page, "fourth").getByTestId("drag-handle").focus();
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => titles(page)).toEqual(["second", "third", "fourth", "first"]);

  await page.reload();
  await expect.poll(() => titles(page)).toEqual(["second", "third", "fourth", "first"]);
  expect(unexpected(errors)).toEqual([]);
});

test.describe("on a touch screen", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a finger drags a task to another place", async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page);
    for (const title of ["one", "two", "three"]) {
      await quickAdd(page, title);
    }
    await expect.poll(() => titles(page)).toEqual(["one", "two", "three"]);
    const from = (await taskRow(page, "three").getByTestId("drag-handle").boundingBox())!;
    const to = (await taskRow(page, "one").boundingBox())!;
    const x = from.x + from.width / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: string, y: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    await touch("touchStart", from.y + from.height / 2);
    // To just above the first row: the dragged row goes first.
    const target = to.y - 4;
    for (let step = 1; step <= 8; step++) {
      await touch("touchMove", from.y + from.height / 2 + ((target - from.y - from.height / 2) * step) / 8);
    }
    await touch("touchEnd", target);
    await expect.poll(() => titles(page)).toEqual(["three", "one", "two"]);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(["three", "one", "two"]);
    expect(unexpected(errors)).toEqual([]);
  });
});

test("the calendar shows a task on its day, and stats follow completions", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  await addWithForm(page, { title: "Dentist", due: "2031-05-10T09:30" });
  await quickAdd(page, "Overdue call");
  await taskRow(page, "Overdue call").getByTestId("open-task").click();
  await page.getByTestId("edit-due").fill("2020-01-15T10:00");
  await page.getByTestId("save-task").click();
  await expect(taskRow(page, "Overdue call").locator(".due.overdue")).toContainText("15 Jan 2020, 10:00");

  await page.goto("/calendar?month=2031-05");
  await hydrated(page);
  await expect(page.getByTestId("month-title")).toHaveText("May 2031");
  const day = page.locator('[data-testid="calendar-day"][data-date="2031-05-10"]');
  await expect(day.getByTestId("day-count")).toHaveText("1");
  await day.click();
  await expect(page.getByTestId("agenda")).toContainText("Dentist");
  await page.goto("/calendar?month=2020-01&day=2020-01-15");
  await hydrated(page);
  await expect(page.locator('[data-date="2020-01-15"]')).toHaveClass(/has-overdue/);
  await expect(page.getByTestId("agenda")).toContainText("Overdue call");
  await page.getByRole("link", { name: "Next month" }).click();
  await expect(page.getByTestId("month-title")).toHaveText("February 2020");

  await page.getByRole("link", { name: "Stats" }).click();
  await expect(page.getByTestId("stat-total")).toHaveText("2");
  await expect(page.getByTestId("stat-overdue")).toHaveText("1");
  await expect(page.getByTestId("completion-rate")).toHaveText("0%");
  await page.getByRole("link", { name: "Tasks" }).click();
  await taskRow(page, "Dentist").getByRole("button", { name: "Mark as done" }).click();
  await expect(taskRow(page, "Dentist")).toHaveClass(/done/);
  await page.getByRole("link", { name: "Stats" }).click();
  await expect(page.getByTestId("completion-rate")).toHaveText("50%");
  await expect(page.getByTestId("stat-done")).toHaveText("1");
  await expect(page.locator('[data-testid="completion-chart"] .chart-value')).toHaveText(["1"]);
  expect(unexpected(errors)).toEqual([]);
});

test("settings change the language and the theme at once", async ({ page }) => {
  const errors = watchErrors(page);
  await signIn(page);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByTestId("settings-language").selectOption("ru");
  await page.getByTestId("theme-dark").check();
  await page.getByTestId("settings-offset").selectOption("30");
  await page.getByTestId("save-settings").click();
  await expect(page.locator("h1")).toHaveText("Настройки");
  await expect(page.getByTestId("notice")).toHaveText("Сохранено.");
  await expect(page.locator(".app")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(23, 33, 43)");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.reload();
  await expect(page.getByTestId("settings-offset")).toHaveValue("30");
  await expect(page.getByRole("link", { name: "Задачи" })).toBeVisible();
  expect(unexpected(errors)).toEqual([]);
});
