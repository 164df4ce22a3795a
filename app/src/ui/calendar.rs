//! The calendar: a month grid (Monday first) with each day's count of tasks and overdue ones
//! marked, and the chosen day's tasks below, with a line to add one on that day. Month and day
//! live in the URL.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::day_quick_add::DayQuickAdd;
use super::format;
use super::i18n::Texts;
use super::session::{ScreenReady, use_session};
use super::task_row::TaskRow;
use crate::model::{CalendarDay, Month};
use crate::server_fns::{CalendarMonth, load_calendar};

fn href(month: Month, day: Option<NaiveDate>) -> String {
    match day {
        Some(day) => format!("/calendar?month={month}&day={day}"),
        None => format!("/calendar?month={month}"),
    }
}

fn day_class(today: bool, overdue: bool) -> &'static str {
    match (today, overdue) {
        (false, false) => "day",
        (true, false) => "day today",
        (false, true) => "day has-overdue",
        (true, true) => "day today has-overdue",
    }
}

/// A day's count as its badge shows it: past 99, "99+" (the day's label says the number).
fn count_text(total: u64) -> String {
    if total > 99 {
        "99+".to_owned()
    } else {
        total.to_string()
    }
}

/// What a screen reader says for a day: "10 May: 3 tasks, overdue 1".
fn day_label(t: &Texts, info: &CalendarDay) -> String {
    let mut label = format::day_and_month(t, info.date);
    if info.total > 0 {
        label.push_str(&format!(": {}", (t.calendar.task_count)(info.total)));
    }
    if info.overdue > 0 {
        label.push_str(&format!(
            ", {} {}",
            t.common.overdue.to_lowercase(),
            info.overdue
        ));
    }
    label
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let query = use_query_map();
    let month_param = move || query.read().get("month").unwrap_or_default();
    let day_param = move || query.read().get("day");
    let calendar = Resource::new(
        move || (month_param(), day_param(), session.tasks_changed.get()),
        |(month, day, _)| load_calendar(month, day),
    );

    view! {
        <h1 class="visually-hidden">{t.common.calendar}</h1>
        <Transition fallback=move || view! { <p class="hint" aria-busy="true">{t.common.loading}</p> }>
            {move || Suspend::new(async move {
                let content = match calendar.await {
                    Ok(calendar) => month_view(calendar).into_any(),
                    Err(_) => view! { <p class="card" role="alert">{t.common.load_failed}</p> }.into_any(),
                };
                view! { <ScreenReady/> {content} }
            })}
        </Transition>
    }
}

/// The grid and the chosen day's agenda, which follow `shown`: the month as loaded, then as a
/// quick add on the day answers it.
fn month_view(calendar: CalendarMonth) -> impl IntoView {
    let chosen = calendar.chosen;
    let shown = RwSignal::new(calendar);
    view! {
        {move || view! { <MonthGrid calendar=shown.get() chosen/> }}
        <DayAgenda day=chosen shown/>
    }
}

#[component]
fn MonthGrid(calendar: CalendarMonth, chosen: Option<NaiveDate>) -> impl IntoView {
    let t = use_session().texts();
    let CalendarMonth {
        month, today, days, ..
    } = calendar;
    let blanks = month.first_day().weekday().num_days_from_monday() as usize;
    let day_of = |date: NaiveDate| days.iter().find(|d| d.date == date).copied();
    let cells = month
        .days()
        .map(|date| {
            let info = day_of(date).unwrap_or(CalendarDay {
                date,
                ..Default::default()
            });
            view! {
                <a
                    href=href(month, Some(date))
                    class=day_class(date == today, info.overdue > 0)
                    aria-current=(Some(date) == chosen).then_some("date")
                    aria-label=day_label(t, &info)
                    data-date=date.to_string()
                    data-testid="calendar-day"
                >
                    <span class="number">{date.day()}</span>
                    {(info.total > 0).then(|| view! { <span class="count" data-testid="day-count">{count_text(info.total)}</span> })}
                </a>
            }
        })
        .collect_view();

    view! {
        <section class="card calendar">
            <div class="row spread month-nav">
                <a href=href(month.previous(), None) class="button secondary" aria-label=t.calendar.previous_month>"‹"</a>
                <h2 data-testid="month-title">{format::month_title(t, month)}</h2>
                <a href=href(month.next(), None) class="button secondary" aria-label=t.calendar.next_month>"›"</a>
            </div>
            <div class="grid weekdays" aria-hidden="true">
                {t.calendar.weekdays.iter().map(|d| view! { <span>{*d}</span> }).collect_view()}
            </div>
            <div class="grid days">
                {(0..blanks).map(|_| view! { <span class="blank"></span> }).collect_view()}
                {cells}
            </div>
        </section>
    }
}

#[component]
fn DayAgenda(day: Option<NaiveDate>, shown: RwSignal<CalendarMonth>) -> impl IntoView {
    let t = use_session().texts();
    let Some(day) = day else {
        return view! { <p class="hint">{t.calendar.pick_day}</p> }.into_any();
    };
    let list = move || {
        let tasks = shown.with(|calendar| calendar.agenda.clone());
        if tasks.is_empty() {
            return view! { <p class="empty">{t.calendar.nothing_this_day}</p> }.into_any();
        }
        view! {
            <ul class="tasks" data-testid="agenda">
                {tasks.into_iter().map(|item| view! { <TaskRow item reorder=None/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="agenda" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{t.calendar.tasks_on_day}": "{format::day_and_month(t, day)}</h2>
            <DayQuickAdd day shown/>
            {list}
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ui::i18n::texts;

    #[test]
    fn day_labels_count_tasks_in_the_right_form() {
        let day = |total, overdue| CalendarDay {
            date: NaiveDate::from_ymd_opt(2031, 5, 10).unwrap(),
            total,
            done: 0,
            overdue,
        };
        let label = |lang, total, overdue| day_label(texts(lang), &day(total, overdue));
        assert_eq!(label(Lang::En, 0, 0), "10 May");
        assert_eq!(label(Lang::En, 1, 0), "10 May: 1 task");
        assert_eq!(label(Lang::En, 3, 1), "10 May: 3 tasks, overdue 1");
        assert_eq!(label(Lang::Ru, 1, 0), "10 мая: 1 задача");
        assert_eq!(label(Lang::Ru, 3, 0), "10 мая: 3 задачи");
        assert_eq!(label(Lang::Ru, 5, 2), "10 мая: 5 задач, просрочено 2");
        assert_eq!(label(Lang::Ru, 21, 0), "10 мая: 21 задача");
    }

    #[test]
    fn a_badge_holds_at_most_three_signs() {
        assert_eq!(count_text(7), "7");
        assert_eq!(count_text(99), "99");
        assert_eq!(count_text(100), "99+");
        assert_eq!(count_text(12_345), "99+");
    }
}
