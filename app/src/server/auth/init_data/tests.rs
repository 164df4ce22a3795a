//! Vectors signed by an independent Python implementation (hmac + hashlib, urllib.parse.quote),
//! bot token `123456:TEST-TOKEN`, `auth_date` 1764000000.

use super::*;

const TOKEN: &str = "123456:TEST-TOKEN";
const DAY: Duration = Duration::from_secs(86_400);

/// Cyrillic names, URL-encoded; carries `signature`, which is part of the checked string.
const ALEX: &str = "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A111111111%2C%22first_name%22%3A%22%D0%90%D0%BB%D0%B5%D0%BA%D1%81%D0%B5%D0%B9%22%2C%22last_name%22%3A%22%D0%A1%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%22%2C%22username%22%3A%22alex_smirnov%22%2C%22language_code%22%3A%22ru%22%2C%22allows_write_to_pm%22%3Atrue%7D&auth_date=1764000000&signature=abc_def-123&hash=c1d46fe5d01d6af242041e9d4d419542c7f5569eadb23793fb73aae346315740";
/// Fields in a scrambled order, hash in the middle, with a start_param.
const JOHN: &str = "chat_type=private&auth_date=1764000000&hash=7d4462841af70aef3f6333018724a81057cd296ee6d405b642a0e2649b557b9b&start_param=task_42&user=%7B%22id%22%3A222222222%2C%22first_name%22%3A%22John%22%2C%22last_name%22%3A%22Doe%22%2C%22username%22%3A%22john_doe%22%2C%22language_code%22%3A%22en%22%7D";
/// John's fields signed with another bot's token.
const JOHN_OTHER_BOT: &str = "user=%7B%22id%22%3A222222222%2C%22first_name%22%3A%22John%22%2C%22last_name%22%3A%22Doe%22%2C%22username%22%3A%22john_doe%22%2C%22language_code%22%3A%22en%22%7D&auth_date=1764000000&chat_type=private&start_param=task_42&hash=a17127772f03083fe96ed2ec6c518776ea0c46c28df7f13cd3c55c32662ee868";

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn check(raw: &str) -> Result<InitData, AuthError> {
    verify(raw, TOKEN, DAY, at(1_764_000_060))
}

#[test]
fn accepts_genuine_init_data_with_unicode_names() {
    let data = check(ALEX).unwrap();
    assert_eq!(data.user.id, 111_111_111);
    assert_eq!(data.user.first_name, "Алексей");
    assert_eq!(data.user.last_name.as_deref(), Some("Смирнов"));
    assert_eq!(data.user.language_code.as_deref(), Some("ru"));
    assert_eq!(data.auth_date, at(1_764_000_000));
    assert_eq!(data.start_param, None);
}

#[test]
fn field_order_does_not_matter() {
    let data = check(JOHN).unwrap();
    assert_eq!(data.user.username.as_deref(), Some("john_doe"));
    assert_eq!(data.start_param.as_deref(), Some("task_42"));
    let mut parts: Vec<&str> = ALEX.split('&').collect();
    parts.reverse();
    assert!(check(&parts.join("&")).is_ok());
}

#[test]
fn refuses_tampered_fields() {
    let other_user = ALEX.replace("111111111", "111111112");
    assert_eq!(check(&other_user), Err(AuthError::BadSignature));
    let later = ALEX.replace("auth_date=1764000000", "auth_date=1764000001");
    assert_eq!(check(&later), Err(AuthError::BadSignature));
    let added = format!("{ALEX}&extra=1");
    assert_eq!(check(&added), Err(AuthError::BadSignature));
    let dropped = ALEX.replace("&signature=abc_def-123", "");
    assert_eq!(check(&dropped), Err(AuthError::BadSignature));
    let flipped_hash = ALEX.replace("hash=c1", "hash=c2");
    assert_eq!(check(&flipped_hash), Err(AuthError::BadSignature));
}

#[test]
fn refuses_another_bots_signature() {
    assert_eq!(check(JOHN_OTHER_BOT), Err(AuthError::BadSignature));
    assert_eq!(
        verify(JOHN, "654321:OTHER", DAY, at(1_764_000_060)),
        Err(AuthError::BadSignature)
    );
}

#[test]
fn refuses_stale_and_future_auth_dates() {
    assert!(verify(ALEX, TOKEN, DAY, at(1_764_000_000 + 86_400)).is_ok());
    assert_eq!(
        verify(ALEX, TOKEN, DAY, at(1_764_000_000 + 86_401)),
        Err(AuthError::Expired)
    );
    assert_eq!(
        verify(ALEX, TOKEN, Duration::from_secs(30), at(1_764_000_060)),
        Err(AuthError::Expired)
    );
    assert_eq!(
        verify(ALEX, TOKEN, DAY, at(1_764_000_000 - 3_600)),
        Err(AuthError::Expired)
    );
}

#[test]
fn refuses_missing_hash_and_garbage() {
    let no_hash = ALEX
        .split('&')
        .filter(|p| !p.starts_with("hash="))
        .collect::<Vec<_>>()
        .join("&");
    assert_eq!(check(&no_hash), Err(AuthError::MissingHash));
    assert_eq!(check(""), Err(AuthError::Malformed));
    assert_eq!(check("garbage"), Err(AuthError::MissingHash));
    assert_eq!(check("hash=zz"), Err(AuthError::BadSignature));
    assert_eq!(check("hash=&hash="), Err(AuthError::Malformed));
    assert_eq!(check(&"a".repeat(20_000)), Err(AuthError::Malformed));
    assert_eq!(check(&format!("{ALEX}&hash=00")), Err(AuthError::Malformed));
}
