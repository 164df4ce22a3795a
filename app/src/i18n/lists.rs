//! The words the server writes into the tasks screen's answers, in the user's language, so that the
//! browser's WASM carries neither them nor the date arithmetic: due dates ("Today, 09:30",
//! "Tomorrow, 09:00", "25 Nov, 18:00", "10 May 2031, 09:30"), the day headings of a list grouped
//! by day ("Tomorrow, 8 December", "Wednesday, 9 December", "15 January 2028"), the overdue
//! heading, and the label of a quick-add chip's button.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{Lang, Translated};

pub struct ListTexts {
    pub today: &'static str,
    pub tomorrow: &'static str,
    pub yesterday: &'static str,
    /// The heading of what was due before today.
    pub overdue: &'static str,
    /// A quick-add chip's button, which keeps that part of the line as words of the title.
    pub keep_as_words: &'static str,
    /// Low, normal, high, as a quick-add chip says them.
    pub priorities: [&'static str; 3],
    /// Monday first.
    pub weekdays: [&'static str; 7],
    /// As a day of a month is written ("8 December", "8 декабря").
    pub months_of_day: [&'static str; 12],
    pub months_short: [&'static str; 12],
}

pub static EN: ListTexts = ListTexts {
    today: "Today",
    tomorrow: "Tomorrow",
    yesterday: "Yesterday",
    overdue: "Overdue",
    keep_as_words: "Keep as words",
    priorities: ["Low", "Normal", "High"],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months_of_day: super::months::EN,
    months_short: super::months::SHORT_EN,
};

pub static RU: ListTexts = ListTexts {
    today: "Сегодня",
    tomorrow: "Завтра",
    yesterday: "Вчера",
    overdue: "Просрочено",
    keep_as_words: "Оставить словами",
    priorities: ["Низкий", "Обычный", "Высокий"],
    weekdays: [
        "Понедельник",
        "Вторник",
        "Среда",
        "Четверг",
        "Пятница",
        "Суббота",
        "Воскресенье",
    ],
    months_of_day: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    months_short: super::months::SHORT_RU,
};

pub fn texts(lang: Lang) -> &'static ListTexts {
    Translated { en: &EN, ru: &RU }.get(lang)
}

impl ListTexts {
    /// Today, tomorrow and yesterday by name, else `None`.
    fn near(&self, day: NaiveDate, today: NaiveDate) -> Option<&'static str> {
        match (day - today).num_days() {
            0 => Some(self.today),
            1 => Some(self.tomorrow),
            -1 => Some(self.yesterday),
            _ => None,
        }
    }

    /// A task's due moment in a list: "Today, 09:30", "25 Nov, 18:00", "10 May 2031, 09:30".
    pub fn due(&self, at: NaiveDateTime, today: NaiveDate) -> String {
        let day = at.date();
        let time = at.format("%H:%M");
        if let Some(name) = self.near(day, today) {
            return format!("{name}, {time}");
        }
        let month = self.months_short[day.month0() as usize];
        match day.year() == today.year() {
            true => format!("{} {month}, {time}", day.day()),
            false => format!("{} {month} {}, {time}", day.day(), day.year()),
        }
    }

    /// The heading of a day in a list grouped by day: "Tomorrow, 8 December", "Wednesday,
    /// 9 December", and with its year when that is not this year: "15 January 2028".
    pub fn day_heading(&self, day: NaiveDate, today: NaiveDate) -> String {
        let date = format!(
            "{} {}",
            day.day(),
            self.months_of_day[day.month0() as usize]
        );
        if day.year() != today.year() {
            return format!("{date} {}", day.year());
        }
        let name = self
            .near(day, today)
            .unwrap_or(self.weekdays[day.weekday().num_days_from_monday() as usize]);
        format!("{name}, {date}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        text.parse().unwrap()
    }

    #[test]
    fn due_names_near_days_and_shows_the_year_of_other_years() {
        let today = day("2026-12-07");
        let cases = [
            (Lang::En, "2026-12-07T09:30:00", "Today, 09:30"),
            (Lang::En, "2026-12-08T09:00:00", "Tomorrow, 09:00"),
            (Lang::En, "2026-12-06T18:00:00", "Yesterday, 18:00"),
            (Lang::En, "2026-11-25T18:05:00", "25 Nov, 18:05"),
            (Lang::En, "2031-05-10T09:30:00", "10 May 2031, 09:30"),
            (Lang::En, "2020-01-15T10:00:00", "15 Jan 2020, 10:00"),
            (Lang::Ru, "2026-12-07T09:30:00", "Сегодня, 09:30"),
            (Lang::Ru, "2026-12-08T09:00:00", "Завтра, 09:00"),
            (Lang::Ru, "2026-05-01T07:00:00", "1 мая, 07:00"),
            (Lang::Ru, "2027-01-02T23:59:00", "2 янв 2027, 23:59"),
        ];
        for (lang, due, expected) in cases {
            assert_eq!(texts(lang).due(at(due), today), expected, "{lang:?} {due}");
        }
    }

    #[test]
    fn day_headings_name_the_day_and_its_date() {
        let today = day("2026-12-07");
        let cases = [
            (Lang::En, "2026-12-08", "Tomorrow, 8 December"),
            (Lang::En, "2026-12-09", "Wednesday, 9 December"),
            (Lang::En, "2026-12-31", "Thursday, 31 December"),
            (Lang::En, "2027-01-15", "15 January 2027"),
            (Lang::Ru, "2026-12-08", "Завтра, 8 декабря"),
            (Lang::Ru, "2026-12-13", "Воскресенье, 13 декабря"),
            (Lang::Ru, "2028-03-03", "3 марта 2028"),
        ];
        for (lang, heading, expected) in cases {
            assert_eq!(
                texts(lang).day_heading(day(heading), today),
                expected,
                "{lang:?} {heading}"
            );
        }
    }
}
