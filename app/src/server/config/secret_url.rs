use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// A database URL that may hold a password: `Debug` shows it redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretUrl(String);

impl SecretUrl {
    pub fn new(url: String) -> SecretUrl {
        SecretUrl(url)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl FromStr for SecretUrl {
    type Err = Infallible;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(SecretUrl(value.to_owned()))
    }
}

impl fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretUrl({})", redact(&self.0))
    }
}

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
    use super::{SecretUrl, redact};

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
        let url: SecretUrl = "postgres://u:s3cret@db/v02".parse().unwrap();
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(
            redact("sqlite://data/vectora.db?mode=rwc"),
            "sqlite://data/vectora.db?mode=rwc"
        );
    }
}
