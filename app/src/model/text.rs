//! The free-text fields of a task, each with its rule.

use serde::{Deserialize, Serialize};

use super::FieldError;

pub const TITLE_MAX: usize = 500;
pub const DESCRIPTION_MAX: usize = 5000;
pub const CATEGORY_MAX: usize = 100;
pub const TAGS_MAX: usize = 10;
pub const TAG_MAX: usize = 50;
/// The tags as typed in one field: every tag at its longest, with room for separators.
pub const TAGS_INPUT_MAX: usize = TAGS_MAX * (TAG_MAX + 10);

fn char_count(value: &str) -> usize {
    value.chars().count()
}

/// 1–500 characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Title(String);

impl Title {
    pub fn parse(value: &str) -> Result<Title, FieldError> {
        let value = value.trim();
        match char_count(value) {
            0 => Err(FieldError::Required),
            n if n > TITLE_MAX => Err(FieldError::TooLong { max: TITLE_MAX }),
            _ => Ok(Title(value.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Up to 5000 characters; blank means none. Kept as written (line breaks and indentation matter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Description(String);

impl Description {
    pub fn parse(value: &str) -> Result<Option<Description>, FieldError> {
        if value.trim().is_empty() {
            Ok(None)
        } else if char_count(value) > DESCRIPTION_MAX {
            Err(FieldError::TooLong {
                max: DESCRIPTION_MAX,
            })
        } else {
            Ok(Some(Description(value.to_owned())))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Up to 100 characters after trimming; blank means none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Category(String);

impl Category {
    pub fn parse(value: &str) -> Result<Option<Category>, FieldError> {
        let value = value.trim();
        match char_count(value) {
            0 => Ok(None),
            n if n > CATEGORY_MAX => Err(FieldError::TooLong { max: CATEGORY_MAX }),
            _ => Ok(Some(Category(value.to_owned()))),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Up to 10 tags of 1–50 characters each, trimmed, without duplicates (ignoring case;
/// the first spelling wins), in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct TagList(Vec<String>);

impl TagList {
    pub fn parse<S: AsRef<str>>(values: &[S]) -> Result<TagList, FieldError> {
        let mut tags: Vec<String> = Vec::new();
        for value in values {
            let tag = value.as_ref().trim();
            let len = char_count(tag);
            if len == 0 || len > TAG_MAX {
                return Err(FieldError::TagLength { max: TAG_MAX });
            }
            let key = TagList::key(tag);
            if !tags.iter().any(|t| TagList::key(t) == key) {
                tags.push(tag.to_owned());
            }
        }
        if tags.len() > TAGS_MAX {
            return Err(FieldError::TooManyTags { max: TAGS_MAX });
        }
        Ok(TagList(tags))
    }

    /// The form two spellings of one tag share: what filters and duplicates compare.
    pub fn key(tag: &str) -> String {
        tag.trim().to_lowercase()
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<String> {
        self.0
    }
}

macro_rules! string_conversions {
    ($type:ident, $parse:expr) => {
        impl TryFrom<String> for $type {
            type Error = String;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $parse(&value).map_err(|e: FieldError| e.message(crate::i18n::Lang::En))
            }
        }
        impl From<$type> for String {
            fn from(value: $type) -> String {
                value.0
            }
        }
    };
}

string_conversions!(Title, Title::parse);
string_conversions!(Description, |v: &str| Description::parse(v)
    .and_then(|d| d.ok_or(FieldError::Required)));
string_conversions!(Category, |v: &str| Category::parse(v)
    .and_then(|c| c.ok_or(FieldError::Required)));

impl TryFrom<Vec<String>> for TagList {
    type Error = String;
    fn try_from(value: Vec<String>) -> Result<Self, Self::Error> {
        TagList::parse(&value).map_err(|e| e.message(crate::i18n::Lang::En))
    }
}

impl From<TagList> for Vec<String> {
    fn from(value: TagList) -> Vec<String> {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_trimmed_and_bounded_in_characters() {
        assert_eq!(
            Title::parse("  Купить молоко ").unwrap().as_str(),
            "Купить молоко"
        );
        assert_eq!(Title::parse("   "), Err(FieldError::Required));
        assert!(Title::parse(&"я".repeat(500)).is_ok());
        assert_eq!(
            Title::parse(&"я".repeat(501)),
            Err(FieldError::TooLong { max: 500 })
        );
    }

    #[test]
    fn description_and_category_blank_means_none() {
        assert_eq!(Description::parse(" \n "), Ok(None));
        assert_eq!(
            Description::parse("line 1\n  line 2")
                .unwrap()
                .unwrap()
                .as_str(),
            "line 1\n  line 2"
        );
        assert!(Description::parse(&"x".repeat(5001)).is_err());
        assert_eq!(Category::parse(""), Ok(None));
        assert_eq!(
            Category::parse(" Работа ").unwrap().unwrap().as_str(),
            "Работа"
        );
        assert!(Category::parse(&"x".repeat(101)).is_err());
    }

    #[test]
    fn tags_are_deduplicated_ignoring_case_and_bounded() {
        let tags = TagList::parse(&["Дом", "дом", " home ", "HOME", "work"]).unwrap();
        assert_eq!(tags.as_slice(), ["Дом", "home", "work"]);
        assert_eq!(
            TagList::parse(&[""]),
            Err(FieldError::TagLength { max: 50 })
        );
        assert_eq!(
            TagList::parse(&["x".repeat(51)]),
            Err(FieldError::TagLength { max: 50 })
        );
        let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(
            TagList::parse(&eleven),
            Err(FieldError::TooManyTags { max: 10 })
        );
        let repeated: Vec<String> = (0..20).map(|i| format!("t{}", i % 5)).collect();
        assert_eq!(TagList::parse(&repeated).unwrap().as_slice().len(), 5);
    }
}
