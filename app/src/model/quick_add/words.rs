//! The vocabulary of quick add, in Russian and English. Words arrive lowercased, `ё` read as `е`,
//! without trailing commas or full stops.

use chrono::{NaiveTime, Weekday};

use crate::model::Priority;

/// Prepositions that may lead a date: "в пятницу", "на завтра", "on friday", "к понедельнику".
pub fn is_preposition(word: &str) -> bool {
    matches!(word, "в" | "во" | "на" | "к" | "до" | "on" | "by" | "this")
}

/// "next", "следующий", "следующую", …
pub fn is_next(word: &str) -> bool {
    word == "next" || word.starts_with("следующ")
}

/// "week" in "next week", "на следующей неделе".
pub fn is_week(word: &str) -> bool {
    matches!(word, "week" | "неделе" | "неделю" | "неделя")
}

/// A weekday named in full in any case Russian puts it after в/к/до, or in English; the short
/// forms ("пт", "fri") only when `short` is allowed (after a preposition or "next"), since "sun"
/// or "ср" alone are too often something else.
pub fn weekday(word: &str, short: bool) -> Option<Weekday> {
    use Weekday::*;
    let full = match word {
        "понедельник" | "понедельника" | "понедельнику" | "monday" => {
            Some(Mon)
        }
        "вторник" | "вторника" | "вторнику" | "tuesday" => Some(Tue),
        "среда" | "среду" | "среды" | "среде" | "wednesday" => Some(Wed),
        "четверг" | "четверга" | "четвергу" | "thursday" => Some(Thu),
        "пятница" | "пятницу" | "пятницы" | "пятнице" | "friday" => {
            Some(Fri)
        }
        "суббота" | "субботу" | "субботы" | "субботе" | "saturday" => {
            Some(Sat)
        }
        "воскресенье" | "воскресенья" | "воскресенью" | "sunday" => {
            Some(Sun)
        }
        _ => None,
    };
    if full.is_some() || !short {
        return full;
    }
    match word {
        "пн" | "mon" => Some(Mon),
        "вт" | "tue" | "tues" => Some(Tue),
        "ср" | "wed" => Some(Wed),
        "чт" | "thu" | "thur" | "thurs" => Some(Thu),
        "пт" | "fri" => Some(Fri),
        "сб" | "sat" => Some(Sat),
        "вс" | "sun" => Some(Sun),
        _ => None,
    }
}

/// A month (1–12): Russian in the genitive ("25 декабря"), English in full or abbreviated.
pub fn month(word: &str) -> Option<u32> {
    let month = match word {
        "января" | "january" | "jan" => 1,
        "февраля" | "february" | "feb" => 2,
        "марта" | "march" | "mar" => 3,
        "апреля" | "april" | "apr" => 4,
        "мая" | "may" => 5,
        "июня" | "june" | "jun" => 6,
        "июля" | "july" | "jul" => 7,
        "августа" | "august" | "aug" => 8,
        "сентября" | "september" | "sep" | "sept" => 9,
        "октября" | "october" | "oct" => 10,
        "ноября" | "november" | "nov" => 11,
        "декабря" | "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// Days from today that a word names.
pub fn day_word(word: &str) -> Option<i64> {
    match word {
        "сегодня" | "today" => Some(0),
        "завтра" | "tomorrow" => Some(1),
        "послезавтра" => Some(2),
        _ => None,
    }
}

/// A length of time in "через 2 часа", "in 3 days", "2h".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
}

pub fn unit(word: &str) -> Option<Unit> {
    match word {
        "минута" | "минуту" | "минуты" | "минут" | "мин" | "minute" | "minutes" | "min"
        | "mins" | "m" => Some(Unit::Minute),
        "час" | "часа" | "часов" | "ч" | "hour" | "hours" | "hr" | "hrs" | "h" => {
            Some(Unit::Hour)
        }
        "день" | "дня" | "дней" | "сутки" | "суток" | "day" | "days" | "d" => {
            Some(Unit::Day)
        }
        "неделя" | "неделю" | "недели" | "недель" | "week" | "weeks" | "w" => {
            Some(Unit::Week)
        }
        _ => None,
    }
}

/// Words that stand for "one": "через час", "in an hour", "in a week".
pub fn is_one(word: &str) -> bool {
    matches!(word, "a" | "an" | "one" | "один" | "одну" | "одна")
}

/// What "am", "вечера", "ночи" … make of the hour before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meridiem {
    Am,
    Pm,
    /// "ночи": 2 ночи is 02:00, 11 ночи is 23:00, 12 ночи is midnight.
    Night,
}

/// `dya_allowed`: "дня" ("в 3 дня", 15:00) reads as a meridiem only after "в", since "3 дня" alone
/// more often means three days.
pub fn meridiem(word: &str, dya_allowed: bool) -> Option<Meridiem> {
    match word {
        "am" | "a.m" | "утра" => Some(Meridiem::Am),
        "pm" | "p.m" | "вечера" => Some(Meridiem::Pm),
        "дня" if dya_allowed => Some(Meridiem::Pm),
        "ночи" => Some(Meridiem::Night),
        _ => None,
    }
}

impl Meridiem {
    /// The 24-hour hour of `hour` (1–12) in this half of the day.
    pub fn hour(self, hour: u32) -> Option<u32> {
        if !(1..=12).contains(&hour) {
            return None;
        }
        Some(match (self, hour) {
            (Meridiem::Am, 12) | (Meridiem::Night, 12) => 0,
            (Meridiem::Am, h) => h,
            (Meridiem::Pm, 12) => 12,
            (Meridiem::Pm, h) => h + 12,
            (Meridiem::Night, h @ 9..=11) => h + 12,
            (Meridiem::Night, h) => h,
        })
    }
}

fn at(hour: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid hour")
}

/// Times that words name: "утром", "в полдень", "noon". Russian adverbs stand anywhere.
pub fn time_word(word: &str) -> Option<NaiveTime> {
    match word {
        "утром" => Some(at(9)),
        "полдень" | "noon" => Some(at(12)),
        "днем" => Some(at(14)),
        "вечером" | "tonight" => Some(at(19)),
        "ночью" => Some(at(23)),
        _ => None,
    }
}

/// English parts of the day, which are also ordinary words ("Morning run"): read only after a
/// date ("tomorrow morning") or in "in the morning" / "this evening".
pub fn part_of_day(word: &str) -> Option<NaiveTime> {
    match word {
        "morning" => Some(at(9)),
        "afternoon" => Some(at(14)),
        "evening" => Some(at(19)),
        "night" => Some(at(23)),
        _ => None,
    }
}

/// `!high`, `!важно` …: the word after the `!`.
pub fn priority(word: &str) -> Option<Priority> {
    match word {
        "high" | "h" | "urgent" | "important" | "высокий" | "важно" | "срочно" => {
            Some(Priority::High)
        }
        "medium" | "normal" | "m" | "средний" | "обычный" => Some(Priority::Normal),
        "low" | "l" | "низкий" => Some(Priority::Low),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meridiems_make_24_hour_times() {
        assert_eq!(Meridiem::Am.hour(12), Some(0));
        assert_eq!(Meridiem::Pm.hour(12), Some(12));
        assert_eq!(Meridiem::Pm.hour(9), Some(21));
        assert_eq!(Meridiem::Night.hour(2), Some(2));
        assert_eq!(Meridiem::Night.hour(11), Some(23));
        assert_eq!(Meridiem::Pm.hour(13), None);
        assert_eq!(time_word("днем"), Some(at(14)));
        assert_eq!(time_word("полдень"), Some(at(12)));
    }
}
