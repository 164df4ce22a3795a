//! Argon2id with PHC strings (v0.2's hashes are PHC strings too, and verify with their own
//! parameters). Hashing runs off the async threads.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash as Phc};

use crate::model::Password;
use crate::server::ServiceError;
use crate::server::entity::user::PasswordHash;

fn hash_now(password: &str) -> Result<String, ServiceError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| ServiceError::Internal("no random source"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|_| ServiceError::Internal("salt"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| ServiceError::Internal("password hashing failed"))
}

fn verify_now(phc: &str, candidate: &str) -> bool {
    Phc::new(phc).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(candidate.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Whether `value` is an Argon2 PHC string that `verify_password` can check: what a password
/// account brought from elsewhere (v0.2) must hold.
pub fn is_verifiable(value: &str) -> bool {
    Phc::new(value).is_ok_and(|parsed| {
        matches!(
            parsed.algorithm.as_str(),
            "argon2id" | "argon2i" | "argon2d"
        ) && parsed.hash.is_some()
    })
}

/// What unknown usernames are checked against, so that they take as long as known ones.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        hash_now("not a password 0").unwrap_or_else(|_| {
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Ky0uY7/9C0Q8JrKj8HjA1CPy7rGh0x6hYy2bkd3bW2A".into()
        })
    })
}

/// Computes the dummy hash now (off the async threads), so that the first unknown username does
/// not take longer than later ones.
pub fn warm_up() {
    tokio::task::spawn_blocking(|| {
        dummy_hash();
    });
}

pub async fn hash_password(password: &Password) -> Result<PasswordHash, ServiceError> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|_| ServiceError::Internal("password hashing stopped"))?
        .map(PasswordHash)
}

/// Whether `candidate` is the password behind `stored`; with no stored hash, a dummy one is
/// checked (and the answer is no), taking the same time.
pub async fn verify_password(stored: Option<PasswordHash>, candidate: &str) -> bool {
    let candidate = candidate.to_owned();
    tokio::task::spawn_blocking(move || match stored {
        Some(PasswordHash(phc)) => verify_now(&phc, &candidate),
        None => {
            verify_now(dummy_hash(), &candidate);
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_phc_strings_that_verify() {
        let hash = hash_now("correct1horse").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert!(verify_now(&hash, "correct1horse"));
        assert!(!verify_now(&hash, "correct1horsf"));
        assert!(!verify_now("not a hash", "correct1horse"));
        assert!(!verify_now(dummy_hash(), "anything1"));
    }

    /// A hash made elsewhere (argon2-cffi, as Python's passlib/argon2 write them, with other
    /// parameters) verifies with the parameters it carries.
    #[test]
    fn foreign_phc_strings_verify() {
        let foreign = Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(65536, 3, 4, None).unwrap(),
        )
        .hash_password(
            b"legacy-pass1",
            &SaltString::encode_b64(b"0123456789abcdef").unwrap(),
        )
        .unwrap()
        .to_string();
        assert!(foreign.starts_with("$argon2id$v=19$m=65536,t=3,p=4$"));
        assert!(verify_now(&foreign, "legacy-pass1"));
        assert!(is_verifiable(&foreign));
        assert!(!is_verifiable(
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"
        ));
        assert!(!is_verifiable("plain text"));
    }
}
