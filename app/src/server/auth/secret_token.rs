//! Random bearer secrets (session and sign-in link tokens): 32 random bytes as hex, stored only as
//! their SHA-256, so a copy of the database signs nobody in.

use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

use crate::server::ServiceError;

const BYTES: usize = 32;

/// A token as handed to its holder; `secrecy` keeps it out of Debug output.
#[derive(Clone, Debug)]
pub struct SecretToken(SecretString);

impl SecretToken {
    pub fn generate() -> Result<SecretToken, ServiceError> {
        let mut bytes = [0u8; BYTES];
        getrandom::fill(&mut bytes).map_err(|_| ServiceError::Internal("no random source"))?;
        Ok(SecretToken(hex::encode(bytes).into()))
    }

    /// A token as received: only the shape of a generated one is accepted.
    pub fn parse(value: &str) -> Option<SecretToken> {
        (value.len() == BYTES * 2
            && value
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then(|| SecretToken(value.into()))
    }

    /// What the database keeps.
    pub fn hash(&self) -> String {
        hex::encode(Sha256::digest(self.expose_secret().as_bytes()))
    }
}

impl ExposeSecret<str> for SecretToken {
    fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_parse_differ_and_hide() {
        let a = SecretToken::generate().unwrap();
        let b = SecretToken::generate().unwrap();
        assert_ne!(a.expose_secret(), b.expose_secret());
        let parsed = SecretToken::parse(a.expose_secret()).unwrap();
        assert_eq!(parsed.expose_secret(), a.expose_secret());
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.expose_secret());
        assert!(!format!("{a:?}").contains(a.expose_secret()));
        assert!(SecretToken::parse("short").is_none());
        assert!(SecretToken::parse(&"G".repeat(64)).is_none());
    }
}
