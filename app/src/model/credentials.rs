//! Password accounts: the username and password rules, and the forms that carry them. Shared by
//! the sign-in page, Settings and the server, so all refuse the same input with the same words.
//! Passwords never appear in `Debug`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldError, FieldErrors};

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 50;
pub const PASSWORD_MIN: usize = 8;
/// Far beyond any real password; keeps hashing cheap for whatever a client sends.
pub const PASSWORD_MAX: usize = 256;

/// 3–50 Latin letters, digits or `_`; unique ignoring case, so kept lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(value: &str) -> Result<Username, FieldError> {
        let value = value.trim();
        let fits = (USERNAME_MIN..=USERNAME_MAX).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if fits {
            Ok(Username(value.to_ascii_lowercase()))
        } else {
            Err(FieldError::InvalidUsername {
                min: USERNAME_MIN,
                max: USERNAME_MAX,
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// At least 8 characters, with letters and digits; kept exactly as typed.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn parse(value: &str) -> Result<Password, FieldError> {
        let length = value.chars().count();
        if length > PASSWORD_MAX {
            return Err(FieldError::TooLong { max: PASSWORD_MAX });
        }
        let strong = length >= PASSWORD_MIN
            && value.chars().any(char::is_alphabetic)
            && value.chars().any(|c| c.is_ascii_digit());
        if strong {
            Ok(Password(value.to_owned()))
        } else {
            Err(FieldError::WeakPassword { min: PASSWORD_MIN })
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([redacted])")
    }
}

/// `{username, password}` as the sign-in and registration forms (or JSON callers) send it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CredentialsInput {
    pub username: String,
    pub password: String,
}

impl fmt::Debug for CredentialsInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsInput")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// A new account's (or a Telegram account's first) username and password, both checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCredentials {
    pub username: Username,
    pub password: Password,
}

impl NewCredentials {
    pub fn parse(input: &CredentialsInput) -> Result<NewCredentials, FieldErrors> {
        let mut errors = FieldErrors::new();
        let username = errors.check("username", Username::parse(&input.username));
        let password = errors.check("password", Password::parse(&input.password));
        match (username, password) {
            (Some(username), Some(password)) if errors.is_empty() => {
                Ok(NewCredentials { username, password })
            }
            _ => Err(errors),
        }
    }
}

/// Settings' change of password: the current one proves it is the owner.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordChangeInput {
    pub current_password: String,
    pub new_password: String,
}

impl fmt::Debug for PasswordChangeInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordChangeInput([redacted])")
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: Password,
}

impl fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordChange([redacted])")
    }
}

impl PasswordChange {
    pub fn parse(input: &PasswordChangeInput) -> Result<PasswordChange, FieldErrors> {
        let mut errors = FieldErrors::new();
        if input.current_password.is_empty() {
            errors.add("current_password", FieldError::Required);
        }
        let new_password = errors.check("new_password", Password::parse(&input.new_password));
        match new_password {
            Some(new_password) if errors.is_empty() => Ok(PasswordChange {
                current_password: input.current_password.clone(),
                new_password,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_follow_the_rule_and_ignore_case() {
        assert_eq!(Username::parse(" Anna_99 ").unwrap().as_str(), "anna_99");
        for bad in ["ab", "with space", "анна", "a-b-c", &"x".repeat(51), ""] {
            assert!(Username::parse(bad).is_err(), "{bad}");
        }
        assert!(Username::parse(&"x".repeat(50)).is_ok());
    }

    #[test]
    fn passwords_need_length_letters_and_digits() {
        assert!(Password::parse("correct1horse").is_ok());
        assert!(Password::parse("пароль123").is_ok());
        for weak in ["short1", "onlyletters", "1234567890", ""] {
            assert_eq!(
                Password::parse(weak),
                Err(FieldError::WeakPassword { min: 8 }),
                "{weak}"
            );
        }
        assert!(Password::parse(&"a1".repeat(200)).is_err());
    }

    #[test]
    fn forms_report_every_field_and_hide_passwords() {
        let input = CredentialsInput {
            username: "x".into(),
            password: "secret-words".into(),
        };
        let errors = NewCredentials::parse(&input).unwrap_err();
        assert!(errors.get("username").is_some() && errors.get("password").is_some());
        assert!(!format!("{input:?}").contains("secret-words"));
        let change = PasswordChangeInput {
            current_password: String::new(),
            new_password: "new-pass-1".into(),
        };
        let errors = PasswordChange::parse(&change).unwrap_err();
        assert_eq!(errors.get("current_password"), Some(&FieldError::Required));
        assert!(!format!("{change:?}").contains("new-pass-1"));
        let parsed = NewCredentials::parse(&CredentialsInput {
            username: "Anna".into(),
            password: "secret-words-1".into(),
        })
        .unwrap();
        assert!(!format!("{parsed:?}").contains("secret-words-1"));
        let parsed = PasswordChange::parse(&PasswordChangeInput {
            current_password: "old-pass-1".into(),
            new_password: "new-pass-2".into(),
        })
        .unwrap();
        let shown = format!("{parsed:?}");
        assert!(
            !shown.contains("old-pass-1") && !shown.contains("new-pass-2"),
            "{shown}"
        );
    }
}
