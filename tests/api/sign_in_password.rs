//! Password accounts: registration, login (form and JSON), logout, change of password.

use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{Value, json};

use crate::browser::*;
use crate::helpers::*;

#[tokio::test]
async fn register_then_log_in_by_json_and_by_form() {
    let app = spawn_app().await;
    let response = app.register_json("Anna_1", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let cookie = session_cookie(response.headers());
    let profile: Value = response.json().await.unwrap();
    assert!(
        profile["id"].is_i64() && profile["telegram_id"].is_null(),
        "{profile}"
    );
    assert_eq!(
        app.profile_by_cookie(&cookie).await.unwrap()["id"],
        profile["id"]
    );

    let login = app.login_json("ANNA_1", PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK, "usernames ignore case");
    session_cookie(login.headers());
    let again: Value = login.json().await.unwrap();
    assert_eq!(again["id"], profile["id"]);

    let form = app.login_form("anna_1", PASSWORD).await;
    assert_eq!(form.status(), StatusCode::SEE_OTHER);
    assert_eq!(form.headers()["location"], "/");
    let by_form = session_cookie(form.headers());
    assert_eq!(
        app.profile_by_cookie(&by_form).await.unwrap()["id"],
        profile["id"]
    );
}

#[tokio::test]
async fn registration_follows_the_model_rules() {
    let app = spawn_app().await;
    let response = app.register_json("ab", "short").await;
    let body = assert_field_errors(
        response,
        &[
            ("username", "invalid_username"),
            ("password", "weak_password"),
        ],
    )
    .await;
    assert!(
        body["errors"]["password"]["message"]
            .as_str()
            .unwrap()
            .contains('8')
    );
    app.registered("taken_name").await;
    let response = app.register_json("Taken_Name", PASSWORD).await;
    assert_field_errors(response, &[("username", "username_taken")]).await;

    // A form post goes back to the sign-in form, saying why.
    let form = app
        .browser(Method::POST, "/auth/register")
        .form(&[("username", "taken_name"), ("password", PASSWORD)])
        .fetch()
        .await;
    assert_eq!(form.status(), StatusCode::SEE_OTHER);
    let location = header(&form, "location");
    assert!(
        location.starts_with("/?auth_error=username_taken&form=register"),
        "{location}"
    );
    assert!(form.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;
    app.registered("known").await;
    let wrong = app.login_json("known", "wrong1password").await;
    let unknown = app.login_json("nobody", "wrong1password").await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.headers().get("set-cookie").is_none());
    let wrong: Value = wrong.json().await.unwrap();
    let unknown: Value = unknown.json().await.unwrap();
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["detail"], "Wrong username or password.");

    let form = app.login_form("known", "nope").await;
    assert_eq!(form.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        form.headers()["location"],
        "/?auth_error=wrong_credentials&form=login#sign-in"
    );
}

#[tokio::test]
async fn logout_ends_the_session_for_good() {
    let app = spawn_app().await;
    let cookie = app.registered("leaver").await;
    let out = app
        .with_cookie(Method::POST, "/auth/logout", &cookie)
        .fetch()
        .await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    let cleared = out
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("vectora_session=;"));
    assert!(cleared);
    // The old cookie, replayed, signs nobody in.
    app.assert_signed_out(&cookie).await;
}

#[tokio::test]
async fn a_forged_or_tampered_cookie_signs_nobody_in() {
    let app = spawn_app_with(&[("SECRET_KEY", SECRET_KEY)]).await;
    let cookie = app.registered("victim").await;
    // `vectora_session=<base64 MAC><64 hex digits of token>`
    let value = cookie.strip_prefix("vectora_session=").unwrap();
    let (signature, token) = value.split_at(value.len() - 64);
    let mut flipped = token.to_owned();
    let last = if flipped.ends_with('0') { "1" } else { "0" };
    flipped.replace_range(flipped.len() - 1.., last);
    for forged in [
        format!("vectora_session={signature}{flipped}"),
        format!("vectora_session={token}"),
        format!("vectora_session={}{token}", "A".repeat(signature.len())),
        "vectora_session=abc.def".to_owned(),
    ] {
        app.assert_signed_out(&forged).await;
    }
    // A server with another SECRET_KEY does not accept it either.
    let other = app
        .another_server(&[("SECRET_KEY", "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp")])
        .await;
    other.assert_signed_out(&cookie).await;
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions() {
    let app = spawn_app().await;
    let here = app.registered("changer").await;
    let elsewhere = app.signed_in_elsewhere("changer").await;

    let change = |current: &str| {
        app.server_fn_by_cookie("/api/account/password", &here)
            .form(&[
                ("change[current_password]", current),
                ("change[new_password]", "brand1new1pass"),
            ])
            .fetch()
    };
    let wrong = change("not1the1password").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.profile_by_cookie(&elsewhere).await.is_ok());

    let changed = change(PASSWORD).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert!(
        app.profile_by_cookie(&here).await.is_ok(),
        "this browser stays in"
    );
    app.assert_signed_out(&elsewhere).await;
    assert_eq!(
        app.login_json("changer", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.login_json("changer", "brand1new1pass").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_telegram_user_sets_a_password_and_signs_in_with_it() {
    let (app, user) = spawn_app_for(6101).await;
    let id = app.account_id(&user).await;
    let set_password = |username: &str| {
        app.server_fn(&user, "/api/account/password/set")
            .form(&[
                ("credentials[username]", username),
                ("credentials[password]", PASSWORD),
            ])
            .fetch()
    };
    let set = set_password("tg_user").await;
    assert_eq!(set.status(), StatusCode::OK);
    let login = app.login_json("tg_user", PASSWORD).await;
    assert_eq!(login.status(), StatusCode::OK);
    let profile: Value = login.json().await.unwrap();
    assert_eq!(profile["id"], id);
    assert_eq!(profile["telegram_id"], 6101);

    let again = set_password("tg_user2").await;
    assert_eq!(
        again.status(),
        StatusCode::CONFLICT,
        "a password is set once, then changed"
    );
}

#[tokio::test]
async fn cross_site_requests_with_a_cookie_are_refused() {
    let app = spawn_app().await;
    let cookie = app.registered("csrf_target").await;
    let attempt = |origin: Option<&str>, referer: Option<&str>| {
        let mut request = app
            .browser(Method::POST, "/api/v1/tasks")
            .header("cookie", &cookie)
            .json(&json!({"title": "forged"}));
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(referer) = referer {
            request = request.header("referer", referer);
        }
        request.fetch()
    };
    let evil = attempt(Some("https://evil.example"), None).await;
    assert_eq!(evil.status(), StatusCode::FORBIDDEN);
    let null = attempt(Some("null"), None).await;
    assert_eq!(null.status(), StatusCode::FORBIDDEN);
    let none = attempt(None, None).await;
    assert_eq!(
        none.status(),
        StatusCode::FORBIDDEN,
        "a cookie needs an origin"
    );
    let evil_referer = attempt(None, Some("https://evil.example/page")).await;
    assert_eq!(evil_referer.status(), StatusCode::FORBIDDEN);

    let own_referer = attempt(None, Some(&format!("{}/tasks/new", app.origin()))).await;
    assert_eq!(own_referer.status(), StatusCode::CREATED);
    let own = attempt(Some(&app.origin()), None).await;
    assert_eq!(own.status(), StatusCode::CREATED);

    // Server functions and logout too.
    let from_evil = |request: RequestBuilder| request.header("origin", "https://evil.example");
    let server_fn = from_evil(app.browser(Method::POST, "/api/account/password"))
        .header("cookie", &cookie)
        .form(&[("change[current_password]", PASSWORD)])
        .fetch()
        .await;
    assert_eq!(server_fn.status(), StatusCode::FORBIDDEN);

    // Signing a browser into another account from another site is refused too.
    let login_csrf = from_evil(app.browser(Method::POST, "/auth/login"))
        .form(&[("username", "csrf_target"), ("password", PASSWORD)])
        .fetch()
        .await;
    assert_eq!(login_csrf.status(), StatusCode::FORBIDDEN);

    // initData is not a cookie: no origin needed.
    let user = TestUser::new(6102);
    let by_init_data = from_evil(app.as_user(&user, Method::POST, "/api/v1/tasks"))
        .json(&json!({"title": "fine"}))
        .fetch()
        .await;
    assert_eq!(by_init_data.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn sign_in_is_limited_per_address_then_recovers() {
    let app = spawn_app_with(&[("SIGN_IN_RATE_LIMIT_PER_MINUTE", "30")]).await;
    app.registered("limited").await;
    let unknown_link = format!("/auth/link/{}", "a".repeat(64));
    let mut refused = None;
    for _ in 0..40 {
        let response = app.browser(Method::GET, &unknown_link).fetch().await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(response);
            break;
        }
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    let refused = refused.expect("refused within the limit");
    let retry_after = retry_after(&refused);
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Too many sign-in attempts")
    );

    let login = app.login_json("limited", PASSWORD).await;
    assert_eq!(
        login.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "one limit for every way in"
    );
    assert!(login.headers().contains_key("retry-after"));
    let register = app.register_json("someone_else", PASSWORD).await;
    assert_eq!(register.status(), StatusCode::TOO_MANY_REQUESTS);

    tokio::time::sleep(std::time::Duration::from_millis(retry_after * 1000 + 100)).await;
    assert_eq!(
        app.login_json("limited", PASSWORD).await.status(),
        StatusCode::OK
    );
}
