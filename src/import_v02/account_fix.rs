//! One v0.2 password account checked against today's rules: the username rule of the model, a
//! hash this server can verify, and an optional link to a Telegram user.

use chrono::{DateTime, Utc};

use app::model::Username;
use app::server::accounts::password_hash::is_verifiable;
use app::server::entity::user::PasswordHash;

use super::source::V02Account;
use super::task_fix::{telegram_id, utc};

#[derive(Debug, Clone, PartialEq)]
pub struct FixedAccount {
    pub v02_id: i64,
    pub login: Username,
    pub password_hash: PasswordHash,
    /// The Telegram user the account belongs to, when v0.2 linked one.
    pub telegram_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub changes: Vec<String>,
}

pub fn fix_account(row: &V02Account, now: DateTime<Utc>) -> Result<FixedAccount, String> {
    if row.is_active == Some(false) {
        return Err("it was deactivated in v0.2".into());
    }
    let login = Username::parse(&row.username)
        .map_err(|_| format!("its username {:?} breaks today's rule", row.username))?;
    if !is_verifiable(&row.hashed_password) {
        return Err("its password hash is not an Argon2 PHC string".into());
    }
    let mut changes = Vec::new();
    let telegram_id = match row.telegram_id.as_deref() {
        None => None,
        Some(raw) => match telegram_id(Some(raw)) {
            Ok(id) => Some(id),
            Err(why) => {
                changes.push(format!("{why}: imported without a Telegram link"));
                None
            }
        },
    };
    let created_at = row.created_at.map_or(now, utc);
    Ok(FixedAccount {
        v02_id: i64::from(row.id),
        login,
        password_hash: PasswordHash(row.hashed_password.clone()),
        telegram_id,
        created_at,
        updated_at: row.updated_at.map_or(created_at, utc),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "$argon2id$v=19$m=65536,t=3,p=4$xThnLKXUeo8xxngvBUBIyQ$W1d/asnoC1EDtrJQUrsbQNKukJcqoaTrVLtoQx6VLYg";

    fn row() -> V02Account {
        V02Account {
            id: 1,
            telegram_id: Some("111111111".into()),
            username: "Alex_Smirnov".into(),
            email: Some("alex@example.com".into()),
            hashed_password: HASH.into(),
            is_active: Some(true),
            created_at: None,
            updated_at: None,
        }
    }

    #[test]
    fn accounts_keep_their_hash_and_telegram_link() {
        let fixed = fix_account(&row(), Utc::now()).unwrap();
        assert_eq!(fixed.login.as_str(), "alex_smirnov");
        assert_eq!(fixed.password_hash.0, HASH);
        assert_eq!(fixed.telegram_id, Some(111111111));
        assert!(fixed.changes.is_empty());
    }

    #[test]
    fn unusable_accounts_are_refused_and_odd_links_dropped() {
        let mut odd = row();
        odd.telegram_id = Some("test_user".into());
        let fixed = fix_account(&odd, Utc::now()).unwrap();
        assert_eq!(fixed.telegram_id, None);
        assert_eq!(fixed.changes.len(), 1);

        let mut inactive = row();
        inactive.is_active = Some(false);
        let mut bad_name = row();
        bad_name.username = "алекс".into();
        let mut bcrypt = row();
        bcrypt.hashed_password = "$2b$12$abcdefghijklmnopqrstuu".into();
        for refused in [inactive, bad_name, bcrypt] {
            assert!(fix_account(&refused, Utc::now()).is_err(), "{refused:?}");
        }
    }
}
