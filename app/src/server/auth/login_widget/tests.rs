//! A vector signed by an independent Python implementation (hashlib.sha256 of the token as the
//! key, hmac, urllib.parse.urlencode), bot token `123456:TEST-TOKEN`, `auth_date` 1764000000.

use super::*;
use crate::server::auth::init_data;

const TOKEN: &str = "123456:TEST-TOKEN";
const DAY: Duration = Duration::from_secs(86_400);

const MARIA: &str = "id=333333333&first_name=%D0%9C%D0%B0%D1%80%D0%B8%D1%8F&last_name=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&username=maria_iv&photo_url=https%3A%2F%2Ft.me%2Fi%2Fuserpic%2F320%2Fm.jpg&auth_date=1764000000&hash=07ffa52af772743203c8e2c1c959001a0fa08e5f530a35a8191610f29dc6d053";
/// initData (the Mini App rule) of another user, from init_data's tests.
const INIT_DATA: &str = "chat_type=private&auth_date=1764000000&hash=7d4462841af70aef3f6333018724a81057cd296ee6d405b642a0e2649b557b9b&start_param=task_42&user=%7B%22id%22%3A222222222%2C%22first_name%22%3A%22John%22%2C%22last_name%22%3A%22Doe%22%2C%22username%22%3A%22john_doe%22%2C%22language_code%22%3A%22en%22%7D";

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn check(query: &str) -> Result<WidgetAuth, AuthError> {
    verify(query, TOKEN, DAY, at(1_764_000_060))
}

#[test]
fn accepts_a_genuine_callback() {
    let auth = check(MARIA).unwrap();
    assert_eq!(auth.user.id, 333_333_333);
    assert_eq!(auth.user.first_name, "Мария");
    assert_eq!(auth.user.last_name.as_deref(), Some("Иванова"));
    assert_eq!(auth.user.username.as_deref(), Some("maria_iv"));
    assert_eq!(auth.auth_date, at(1_764_000_000));
    assert_eq!(auth.state, None);
}

#[test]
fn our_state_parameter_is_not_part_of_the_signature() {
    let auth = check(&format!("{MARIA}&state=abc")).unwrap();
    assert_eq!(auth.state.as_deref(), Some("abc"));
}

#[test]
fn tampering_another_token_or_staleness_is_refused() {
    let tampered = MARIA.replace("id=333333333", "id=333333334");
    assert_eq!(check(&tampered), Err(AuthError::BadSignature));
    assert_eq!(
        verify(MARIA, "654321:OTHER", DAY, at(1_764_000_060)),
        Err(AuthError::BadSignature)
    );
    assert_eq!(
        verify(MARIA, TOKEN, DAY, at(1_764_000_000 + 86_401)),
        Err(AuthError::Expired)
    );
    assert_eq!(
        verify(MARIA, TOKEN, DAY, at(1_764_000_000 - 3600)),
        Err(AuthError::Expired),
        "from the future"
    );
    let no_hash = MARIA.split("&hash=").next().unwrap();
    assert_eq!(check(no_hash), Err(AuthError::MissingHash));
    assert_eq!(
        check(&format!("{MARIA}&id=1")),
        Err(AuthError::Malformed),
        "a repeated field"
    );
    assert_eq!(check(""), Err(AuthError::Malformed));
}

#[test]
fn the_two_rules_never_cross() {
    assert_eq!(
        check(INIT_DATA),
        Err(AuthError::BadSignature),
        "initData is not a widget payload"
    );
    assert_eq!(
        init_data::verify(MARIA, TOKEN, DAY, at(1_764_000_060)),
        Err(AuthError::BadSignature),
        "a widget payload is not initData"
    );
}
