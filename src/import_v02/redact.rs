/// The URL with its password replaced by `***`, fit to print; an unparsable URL is not echoed.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "(an unparsable URL)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://vectora:s3cret@db:5432/vectora"),
            "postgres://vectora:***@db:5432/vectora"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/v02"),
            "postgres://postgres@127.0.0.1/v02"
        );
        assert!(!redact("postgres://u:s3cret@[::1").contains("s3cret"));
        assert_eq!(
            redact("sqlite://data/vectora.db?mode=rwc"),
            "sqlite://data/vectora.db?mode=rwc"
        );
    }
}
