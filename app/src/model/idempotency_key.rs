//! The key a client sends with a creating request (`Idempotency-Key`), so that the same request
//! sent twice (a double tap, a retry after a lost answer) creates one task.

use super::FieldError;

/// 1 to 64 letters, digits, `-` or `_`: a UUID, or what `crypto.randomUUID()` gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub const MAX: usize = 64;

    pub fn parse(value: &str) -> Result<IdempotencyKey, FieldError> {
        let fits = (1..=Self::MAX).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        match fits {
            true => Ok(IdempotencyKey(value.to_owned())),
            false => Err(FieldError::Invalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_plain_tokens() {
        for good in [
            "a",
            "0b6f1c1e-3d5a-4c59-9d0e-1f2a3b4c5d6e",
            &"x".repeat(64),
            "a_b-C9",
        ] {
            assert_eq!(IdempotencyKey::parse(good).unwrap().as_str(), good);
        }
        for bad in ["", &"x".repeat(65), "a b", "ключ", "a/b", "a\n"] {
            assert_eq!(
                IdempotencyKey::parse(bad),
                Err(FieldError::Invalid),
                "{bad:?}"
            );
        }
    }
}
