//! Sending requests in a test and reading their answers: a request that cannot be sent at all,
//! or an answer without what it must carry, fails the test.

use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::Value;

/// Sending a request in a test, where a request that cannot be sent at all fails the test.
pub trait Fetch {
    /// The answer, whatever its status.
    async fn fetch(self) -> Response;

    /// The body of a successful answer, as JSON.
    async fn fetch_json(self) -> Value;

    /// The body of a successful answer, as text.
    async fn fetch_text(self) -> String;
}

impl Fetch for RequestBuilder {
    async fn fetch(self) -> Response {
        self.send().await.expect("the request is sent and answered")
    }

    async fn fetch_json(self) -> Value {
        let text = self.fetch_text().await;
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }

    async fn fetch_text(self) -> String {
        let response = self.fetch().await;
        let status = response.status();
        let text = body_text(response).await;
        assert!(status.is_success(), "{status}: {text}");
        text
    }
}

/// How long a body may pause between two pieces before the test calls it stalled.
const STALL: std::time::Duration = std::time::Duration::from_secs(20);

/// The whole body as text. A body that stops arriving (a streamed page whose rendering never
/// finishes) fails the test with the end of what did arrive, which names the part still waited for.
pub async fn body_text(mut response: Response) -> String {
    let mut body = Vec::new();
    loop {
        match tokio::time::timeout(STALL, response.chunk()).await {
            Ok(Ok(Some(piece))) => body.extend_from_slice(&piece),
            Ok(Ok(None)) => return String::from_utf8_lossy(&body).into_owned(),
            Ok(Err(e)) => panic!("the body broke off ({e})"),
            Err(_) => {
                let text = String::from_utf8_lossy(&body);
                let tail: String = text
                    .chars()
                    .rev()
                    .take(3000)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                panic!(
                    "the body stalled for {STALL:?} after {} bytes, ending with: {tail}",
                    body.len()
                );
            }
        }
    }
}

/// The body, as JSON, of an answer that must have the status `expected`; when it has another,
/// the failure shows what was sent (`sent`) and what came back.
pub async fn json_answer(response: Response, expected: StatusCode, sent: &Value) -> Value {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, expected, "{sent} was answered {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The value of the header `name`, which the answer must carry, as text.
pub fn header<'a>(response: &'a Response, name: &str) -> &'a str {
    let value = response.headers().get(name);
    let value = value.unwrap_or_else(|| panic!("no {name} in {:?}", response.headers()));
    value.to_str().unwrap()
}

/// The seconds a refusal's `Retry-After` asks to wait.
pub fn retry_after(response: &Response) -> u64 {
    header(response, "retry-after").parse().unwrap()
}

/// The `detail` of an error's body, which every error has.
pub async fn error_detail(response: Response) -> String {
    let body: Value = response.json().await.unwrap();
    let detail = body["detail"].as_str();
    detail
        .unwrap_or_else(|| panic!("no detail in {body}"))
        .to_owned()
}

/// Asserts that `text` starts with `prefix`, and shows the text when it does not.
pub fn assert_starts_with(text: &str, prefix: &str) {
    assert!(
        text.starts_with(prefix),
        "{text:?} starts otherwise than {prefix:?}"
    );
}

/// Asserts a 422 whose `errors` name exactly `fields` (with these codes), and returns the body.
pub async fn assert_field_errors(response: Response, expected: &[(&str, &str)]) -> Value {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert!(body["detail"].is_string(), "{body}");
    let errors = body["errors"]
        .as_object()
        .unwrap_or_else(|| panic!("no errors in {body}"));
    let mut got: Vec<(String, String)> = errors
        .iter()
        .map(|(f, e)| (f.clone(), e["code"].as_str().unwrap().to_owned()))
        .collect();
    got.sort();
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
    want.sort();
    assert_eq!(got, want, "{body}");
    for (_, error) in errors {
        assert!(!error["message"].as_str().unwrap().is_empty());
    }
    body
}

/// Sends the requests at once and asserts that every one answered `expected`.
pub async fn assert_all_answer<F>(requests: impl IntoIterator<Item = F>, expected: StatusCode)
where
    F: Future<Output = Response>,
{
    let statuses: Vec<StatusCode> = futures_util::future::join_all(requests)
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert!(statuses.iter().all(|s| *s == expected), "{statuses:?}");
}
