//! The stats screen.

pub struct StatsTexts {
    pub completion_rate: &'static str,
    pub total: &'static str,
    pub active: &'static str,
    pub done: &'static str,
    pub due_today: &'static str,
    pub by_priority: &'static str,
    pub completed_per_day: &'static str,
}

pub static EN: StatsTexts = StatsTexts {
    completion_rate: "Completed",
    total: "All tasks",
    active: "Active",
    done: "Done",
    due_today: "Due today",
    by_priority: "Active by priority",
    completed_per_day: "Completed per day, last 14 days",
};

pub static RU: StatsTexts = StatsTexts {
    completion_rate: "Выполнено",
    total: "Всего задач",
    active: "Активные",
    done: "Выполненные",
    due_today: "На сегодня",
    by_priority: "Активные по приоритету",
    completed_per_day: "Выполнено по дням за 14 дней",
};
