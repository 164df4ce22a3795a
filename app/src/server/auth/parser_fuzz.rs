//! Property tests (proptest; cargo-fuzz needs a nightly toolchain): the initData and Login Widget
//! parsers never panic, whatever they are sent, and always answer with a verdict. Run with
//! `--nocapture` to see how many inputs were tried.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use proptest::prelude::*;

use super::{init_data, login_widget};

const TOKEN: &str = "123456:TEST-TOKEN";
const CASES: u32 = 20_000;
static TRIED: AtomicUsize = AtomicUsize::new(0);

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_764_000_060, 0).unwrap()
}

fn check(input: &str) {
    TRIED.fetch_add(1, Ordering::Relaxed);
    let _ = init_data::verify(input, TOKEN, Duration::from_secs(86_400), now());
    let _ = login_widget::verify(input, TOKEN, Duration::from_secs(86_400), now());
}

/// Query strings made of the fields both formats use, with odd values and encodings.
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("hash".to_owned()),
        Just("auth_date".to_owned()),
        Just("user".to_owned()),
        Just("id".to_owned()),
        Just("first_name".to_owned()),
        Just("state".to_owned()),
        Just("start_param".to_owned()),
        "[a-z_%=&]{0,8}",
    ];
    let value = prop_oneof![
        "[0-9a-f]{0,64}",
        "-?[0-9]{0,20}",
        "\\{\"id\":-?[0-9]{0,20}(,\"first_name\":\"[^\"]{0,8}\")?\\}",
        "%[0-9A-Fa-f]{0,2}[^&]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// Runs `strategy` for `CASES` inputs and returns how many were tried.
fn run(strategy: impl Strategy<Value = String>) -> usize {
    let before = TRIED.load(Ordering::Relaxed);
    let config = ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest::test_runner::TestRunner::new(config)
        .run(&strategy, |input| {
            check(&input);
            Ok(())
        })
        .expect("no input makes a parser panic");
    TRIED.load(Ordering::Relaxed) - before
}

#[test]
fn parsers_never_panic() {
    let arbitrary = run(any::<String>());
    let query_shaped = run(query_like());
    eprintln!(
        "parser fuzz: {} inputs tried on both parsers ({arbitrary} arbitrary strings, \
         {query_shaped} query-shaped), no panic",
        arbitrary + query_shaped
    );
    assert!(arbitrary >= CASES as usize && query_shaped >= CASES as usize);
}
