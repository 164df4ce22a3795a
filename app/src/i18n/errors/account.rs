//! Why a sign-in or an account change was refused (`AccountError::message`).

use crate::i18n::{Lang, Translated};

pub struct AccountErrorTexts {
    pub wrong_credentials: &'static str,
    pub link_unknown: &'static str,
    pub link_expired: &'static str,
    pub link_used: &'static str,
    pub telegram_taken: &'static str,
    pub other_telegram_linked: &'static str,
    pub password_already_set: &'static str,
    pub no_password: &'static str,
}

pub static EN: AccountErrorTexts = AccountErrorTexts {
    wrong_credentials: "Wrong username or password.",
    link_unknown: "This sign-in link is not valid. Ask the bot for a new one with /login.",
    link_expired: "This sign-in link has expired (links last 10 minutes). Ask the bot for a new one with /login.",
    link_used: "This sign-in link was already used: each link works once. Ask the bot for a new one with /login.",
    telegram_taken: "This Telegram account already belongs to another account that has tasks or a password. Sign in with Telegram to use that account.",
    other_telegram_linked: "This account is already linked to another Telegram account.",
    password_already_set: "A password is already set; change it with the change-password form.",
    no_password: "The account has no password yet; set one first.",
};

pub static RU: AccountErrorTexts = AccountErrorTexts {
    wrong_credentials: "Неверное имя пользователя или пароль.",
    link_unknown: "Такой ссылки для входа нет. Попросите у бота новую командой /login.",
    link_expired: "Ссылка для входа устарела (она действует 10 минут). Попросите у бота новую командой /login.",
    link_used: "По этой ссылке уже вошли: она одноразовая. Попросите у бота новую командой /login.",
    telegram_taken: "Этот Telegram уже привязан к другому аккаунту с задачами или паролем. Войдите через Telegram, чтобы пользоваться тем аккаунтом.",
    other_telegram_linked: "К этому аккаунту уже привязан другой Telegram.",
    password_already_set: "Пароль уже задан; смените его в форме смены пароля.",
    no_password: "У аккаунта ещё нет пароля; сначала задайте его.",
};

pub fn texts(lang: Lang) -> &'static AccountErrorTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}
