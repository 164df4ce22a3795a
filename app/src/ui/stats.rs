//! The user's numbers, and a bar chart of tasks completed per day over the last 14 days.

use chrono::Datelike;
use leptos::prelude::*;

use super::format;
use super::i18n::Texts;
use super::session::{ScreenReady, use_session};
use crate::model::{DayCount, Priority, Stats};
use crate::server_fns::get_stats;

#[component]
pub fn StatsPage() -> impl IntoView {
    let session = use_session();
    let t = session.texts();
    let stats = Resource::new(move || session.tasks_changed.get(), |_| get_stats());
    view! {
        <h1 class="visually-hidden">{t.common.stats}</h1>
        <Transition fallback=move || view! { <p class="hint" aria-busy="true">{t.common.loading}</p> }>
            {move || Suspend::new(async move {
                let content = match stats.await {
                    Ok(stats) => view! { <StatsView stats/> }.into_any(),
                    Err(_) => view! { <p class="card" role="alert">{t.common.load_failed}</p> }.into_any(),
                };
                view! { <ScreenReady/> {content} }
            })}
        </Transition>
    }
}

#[component]
fn StatsView(stats: Stats) -> impl IntoView {
    let t = use_session().texts();
    let numbers = [
        ("total", t.stats.total, stats.total),
        ("active", t.stats.active, stats.active),
        ("done", t.stats.done, stats.done),
        ("overdue", t.common.overdue, stats.overdue),
        ("due-today", t.stats.due_today, stats.due_today),
    ];
    let counts = stats.by_priority;
    let by_priority = [
        (Priority::High, counts.high),
        (Priority::Normal, counts.normal),
        (Priority::Low, counts.low),
    ];
    let largest = by_priority
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);

    view! {
        <section class="card stats">
            <div class="rate">
                <span class="big" data-testid="completion-rate">{format!("{}%", stats.completion_rate)}</span>
                <span class="hint">{t.stats.completion_rate}</span>
            </div>
            <dl class="numbers">
                {numbers.into_iter().map(|(key, label, value)| view! {
                    <div class=format!("number {key}")>
                        <dt>{label}</dt>
                        <dd data-testid=format!("stat-{key}")>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
        <section class="card">
            <h2>{t.stats.by_priority}</h2>
            <ul class="bars">
                {by_priority.into_iter().map(|(priority, count)| view! {
                    <li>
                        <span class="bar-label">{format::priority(t, priority)}</span>
                        <span class="bar-track">
                            <span
                                class=format!("bar priority-{}", priority.as_str())
                                style:width=format!("{}%", count * 100 / largest)
                            ></span>
                        </span>
                        <span class="bar-value" data-testid=format!("priority-{}", priority.as_str())>{count}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card">
            <h2 id="chart-title">{t.stats.completed_per_day}</h2>
            <CompletionChart days=stats.completed_by_day t/>
        </section>
    }
}

const CHART_WIDTH: u32 = 336;
const CHART_HEIGHT: u32 = 120;
const LABEL_SPACE: u32 = 18;

/// One bar a day, drawn by the app; the table beside it says the same for screen readers.
#[component]
fn CompletionChart(days: Vec<DayCount>, t: &'static Texts) -> impl IntoView {
    let most = days.iter().map(|d| d.count).max().unwrap_or(0).max(1);
    let slot = CHART_WIDTH as f64 / days.len().max(1) as f64;
    let plot = (CHART_HEIGHT - LABEL_SPACE) as f64;
    let bars = days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let height = (day.count as f64 / most as f64 * (plot - 14.0)).max(if day.count > 0 { 2.0 } else { 0.0 });
            let x = i as f64 * slot + slot * 0.2;
            let y = plot - height;
            let label_x = i as f64 * slot + slot / 2.0;
            view! {
                <g>
                    <rect class="chart-bar" x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{:.1}", slot * 0.6)
                        height=format!("{height:.1}") rx="2"></rect>
                    {(day.count > 0).then(|| view! {
                        <text class="chart-value" x=format!("{label_x:.1}") y=format!("{:.1}", y - 3.0) text-anchor="middle">{day.count}</text>
                    })}
                    <text class="chart-axis" x=format!("{label_x:.1}") y=CHART_HEIGHT - 4 text-anchor="middle">{day.date.day()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}")
            role="img"
            aria-labelledby="chart-title"
            data-testid="completion-chart"
        >
            <line class="chart-baseline" x1="0" x2=CHART_WIDTH y1=plot y2=plot></line>
            {bars}
        </svg>
        <table class="visually-hidden">
            <caption>{t.stats.completed_per_day}</caption>
            <tbody>
                {days.into_iter().map(|day| view! {
                    <tr><th scope="row">{format::day_and_month(t, day.date)}</th><td>{day.count}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
