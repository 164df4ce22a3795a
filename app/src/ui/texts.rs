//! Every string the pages show, in both languages; a missing one does not compile.

use crate::i18n::Lang;

pub struct Texts {
    pub tagline: &'static str,
    pub check_server: &'static str,
    pub server: &'static str,
    pub database_ok: &'static str,
    pub database_down: &'static str,
    pub no_answer: &'static str,
    pub dev_sign_in_title: &'static str,
    pub dev_sign_in_hint: &'static str,
    pub telegram_id: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub tasks: &'static str,
    pub new_task: &'static str,
    pub add: &'static str,
    pub no_tasks: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub mark_done: &'static str,
    pub mark_not_done: &'static str,
    pub delete: &'static str,
    pub not_found: &'static str,
    pub go_home: &'static str,
}

pub const EN: Texts = Texts {
    tagline: "A task planner that lives inside Telegram.",
    check_server: "Check the server",
    server: "Server",
    database_ok: "database OK",
    database_down: "database unavailable",
    no_answer: "The server did not answer",
    dev_sign_in_title: "Development sign-in",
    dev_sign_in_hint: "This server runs in development mode: sign in as any Telegram user id.",
    telegram_id: "Telegram user id",
    sign_in: "Sign in",
    sign_out: "Sign out",
    tasks: "Tasks",
    new_task: "New task",
    add: "Add",
    no_tasks: "No tasks yet. Add the first one above.",
    loading: "Loading…",
    load_failed: "The tasks could not be loaded. Try again.",
    mark_done: "Mark as done",
    mark_not_done: "Mark as not done",
    delete: "Delete",
    not_found: "Page not found",
    go_home: "Go home",
};

pub const RU: Texts = Texts {
    tagline: "Планировщик задач внутри Telegram.",
    check_server: "Проверить сервер",
    server: "Сервер",
    database_ok: "база данных в порядке",
    database_down: "база данных недоступна",
    no_answer: "Сервер не ответил",
    dev_sign_in_title: "Вход для разработки",
    dev_sign_in_hint: "Сервер работает в режиме разработки: войдите под любым Telegram id.",
    telegram_id: "Telegram id пользователя",
    sign_in: "Войти",
    sign_out: "Выйти",
    tasks: "Задачи",
    new_task: "Новая задача",
    add: "Добавить",
    no_tasks: "Задач пока нет. Добавьте первую выше.",
    loading: "Загрузка…",
    load_failed: "Не удалось загрузить задачи. Попробуйте ещё раз.",
    mark_done: "Отметить выполненной",
    mark_not_done: "Снять отметку",
    delete: "Удалить",
    not_found: "Страница не найдена",
    go_home: "На главную",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}
