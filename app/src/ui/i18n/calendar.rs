//! The calendar: the month grid and a day's tasks.

use crate::i18n::plural;

pub struct CalendarTexts {
    pub previous_month: &'static str,
    pub next_month: &'static str,
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// "1 task", "5 tasks": a day's count in the calendar.
    pub task_count: fn(u64) -> String,
    pub tasks_on_day: &'static str,
    pub pick_day: &'static str,
    pub nothing_this_day: &'static str,
    /// The label of the chosen day's quick-add line.
    pub new_task_on_day: &'static str,
    /// A line typed on a day: without a date of its own it is due that day.
    pub quick_add_placeholder: &'static str,
}

pub static EN: CalendarTexts = CalendarTexts {
    previous_month: "Previous month",
    next_month: "Next month",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    task_count: |n| plural::en(n, "task", "tasks"),
    tasks_on_day: "Tasks on this day",
    pick_day: "Pick a day to see its tasks or add one.",
    nothing_this_day: "Nothing due this day.",
    new_task_on_day: "New task on this day",
    quick_add_placeholder: "Call mum 18:00 #home",
};

pub static RU: CalendarTexts = CalendarTexts {
    previous_month: "Предыдущий месяц",
    next_month: "Следующий месяц",
    weekdays: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    task_count: |n| plural::ru(n, "задача", "задачи", "задач"),
    tasks_on_day: "Задачи на этот день",
    pick_day: "Выберите день, чтобы увидеть его задачи или добавить задачу.",
    nothing_this_day: "На этот день задач нет.",
    new_task_on_day: "Новая задача на этот день",
    quick_add_placeholder: "Позвонить маме 18:00 #дом",
};
