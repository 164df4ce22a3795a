//! Random bearer secrets (session and sign-in link tokens): 32 random bytes as hex, stored only as
//! their SHA-256, so a copy of the database signs nobody in.

use std::fmt;

use sha2::{Digest, Sha256};

use crate::server::ServiceError;

const BYTES: usize = 32;

/// A token as handed to its holder; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    pub fn generate() -> Result<SecretToken, ServiceError> {
        let mut bytes = [0u8; BYTES];
        getrandom::fill(&mut bytes).map_err(|_| ServiceError::Internal("no random source"))?;
        Ok(SecretToken(hex::encode(bytes)))
    }

    /// A token as received: only the shape of a generated one is accepted.
    pub fn parse(value: &str) -> Option<SecretToken> {
        (value.len() == BYTES * 2
            && value
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| SecretToken(value.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database keeps.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.0.as_bytes()))
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_parse_differ_and_hide() {
        let a = SecretToken::generate().unwrap();
        let b = SecretToken::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(SecretToken::parse(a.expose()), Some(a.clone()));
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.expose());
        assert!(!format!("{a:?}").contains(a.expose()));
        assert_eq!(SecretToken::parse("short"), None);
        assert_eq!(SecretToken::parse(&"G".repeat(64)), None);
    }
}
