//! The two languages every user-visible string exists in, and their plural rules. The strings
//! themselves live with their door: `ui/i18n/` (pages), `i18n/errors/` (refusals, shared by every
//! door), `src/bot/i18n/` (the bot).

pub mod errors;
#[cfg(feature = "ssr")]
pub mod lists;
pub mod months;
pub mod plural;

pub use plural::Plural;

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    #[default]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a choice of language shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    /// Exactly `ru` or `en`, as stored in a profile.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Best match for a Telegram `language_code` or an `Accept-Language` header:
    /// Russian for Russian, Belarusian and Kazakh, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split([',', ';', '-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ru" | "be" | "kk" => Lang::Ru,
            _ => Lang::En,
        }
    }
}

/// A table of texts in both languages; `get` gives the one a reader of `lang` sees.
#[derive(Clone, Copy)]
pub struct Translated<T: 'static> {
    pub en: &'static T,
    pub ru: &'static T,
}

impl<T> Translated<T> {
    pub fn get(self, lang: Lang) -> &'static T {
        match lang {
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }
}

/// A door's texts: `Texts`, whose fields are the door's parts (each a module with an `EN` and a
/// `RU` static of the named type), one `static` of it per language, and `texts(lang)`.
#[macro_export]
macro_rules! door_texts {
    ($($part:ident: $texts:ty),* $(,)?) => {
        pub struct Texts {
            $(pub $part: &'static $texts,)*
        }

        static EN: Texts = Texts { $($part: &$part::EN,)* };

        static RU: Texts = Texts { $($part: &$part::RU,)* };

        pub fn texts(lang: $crate::i18n::Lang) -> &'static Texts {
            $crate::i18n::Translated { en: &EN, ru: &RU }.get(lang)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_tag("ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("ru-RU,ru;q=0.9,en;q=0.8"), Lang::Ru);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag("uk"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::parse("RU"), None);
    }
}
