//! Walks the words of a quick-add text once, taking out what it understands and keeping the rest
//! as the title.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use super::words::{self, Meridiem, Unit};
use crate::model::Priority;

/// What the words are read against.
pub struct Context {
    /// Today in the user's time zone.
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    /// Whether "05/12" is the 5th of December (Russian) rather than May 12 (English).
    pub day_first_slash: bool,
    /// The parts read as words of the title.
    pub literal: super::Literal,
}

/// What one pass found.
#[derive(Debug, Default)]
pub struct Found {
    /// The words understood as nothing else, as written.
    pub title: Vec<String>,
    pub tags: Vec<String>,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
    /// "через 2 часа", "in 30 minutes": an exact moment, which fills both the date and the time.
    pub instant: Option<DateTime<Utc>>,
}

/// Lowercase, `ё` as `е`, without the punctuation a sentence puts after a word.
fn normalize(word: &str) -> String {
    word.to_lowercase()
        .replace('ё', "е")
        .trim_end_matches([',', ';', '.', '!', '?', ')'])
        .to_owned()
}

fn strip_marker_end(value: &str) -> &str {
    value.trim_end_matches([',', ';', '.', '!', '?', ':', ')'])
}

pub fn scan(text: &str, ctx: &Context) -> Found {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = raw.iter().map(|w| normalize(w)).collect();
    let mut found = Found::default();
    let mut after_date = false;
    let mut i = 0;
    while i < raw.len() {
        let rest = &words[i..];
        let taken = found
            .marker(raw[i], ctx.literal)
            .then_some((1, false))
            .or_else(|| {
                (!ctx.literal.due)
                    .then(|| found.moment(rest, ctx, after_date))
                    .flatten()
            });
        match taken {
            Some((n, is_date)) => {
                i += n;
                after_date = is_date;
            }
            None => {
                found.title.push(raw[i].to_owned());
                after_date = false;
                i += 1;
            }
        }
    }
    found
}

impl Found {
    /// `#tag`, `!priority`, `@category`.
    fn marker(&mut self, word: &str, literal: super::Literal) -> bool {
        let mut chars = word.chars();
        let Some(sigil) = chars.next() else {
            return false;
        };
        let value = strip_marker_end(chars.as_str());
        if value.is_empty() {
            return false;
        }
        match sigil {
            '#' if !literal.tags => self.tags.push(value.to_owned()),
            '@' if !literal.category => self.category = Some(value.to_owned()),
            '!' if !literal.priority => match words::priority(&normalize(value)) {
                Some(priority) => self.priority = Some(priority),
                None => return false,
            },
            _ => return false,
        }
        true
    }

    /// A date, a time or a relative moment at the start of `rest`: how many words it took, and
    /// whether it was a date. Each is taken once; a second one stays in the title.
    fn moment(
        &mut self,
        rest: &[String],
        ctx: &Context,
        after_date: bool,
    ) -> Option<(usize, bool)> {
        if self.instant.is_some() {
            return None;
        }
        if self.date.is_none()
            && self.time.is_none()
            && let Some((n, relative)) = relative(rest)
        {
            match relative {
                Relative::Days(days) => self.date = ctx.today.checked_add_signed(days),
                Relative::Exact(span) => self.instant = ctx.now.checked_add_signed(span),
            }
            return Some((n, true));
        }
        if self.date.is_none()
            && let Some((n, date)) = date(rest, ctx)
        {
            self.date = Some(date);
            return Some((n, true));
        }
        if self.time.is_none()
            && let Some((n, time)) = time(rest, after_date)
        {
            self.time = Some(time);
            return Some((n, false));
        }
        None
    }
}

enum Relative {
    /// A whole number of days: a date, its time still to choose.
    Days(Duration),
    Exact(Duration),
}

fn number(word: &str) -> Option<i64> {
    (!word.is_empty() && word.len() <= 5 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// "2h", "30min", "3д": a number with its unit in one word.
fn compact_span(word: &str) -> Option<(i64, Unit)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let (digits, unit) = word.split_at(split);
    Some((number(digits)?, words::unit(unit)?))
}

/// "через 2 часа", "через час", "через полчаса", "in 3 days", "in an hour", "in 2h".
fn relative(rest: &[String]) -> Option<(usize, Relative)> {
    let lead = rest.first()?;
    if lead != "через" && lead != "in" {
        return None;
    }
    let next = rest.get(1)?;
    let (taken, count, unit) = if next == "полчаса" {
        (2, 30, Unit::Minute)
    } else if let Some((count, unit)) = compact_span(next) {
        (2, count, unit)
    } else if let Some(unit) = words::unit(next).filter(|_| lead == "через") {
        (2, 1, unit)
    } else {
        let count = number(next).or_else(|| words::is_one(next).then_some(1))?;
        (3, count, words::unit(rest.get(2)?)?)
    };
    let relative = match unit {
        Unit::Minute => Relative::Exact(Duration::try_minutes(count)?),
        Unit::Hour => Relative::Exact(Duration::try_hours(count)?),
        Unit::Day => Relative::Days(Duration::try_days(count)?),
        Unit::Week => Relative::Days(Duration::try_weeks(count)?),
    };
    Some((taken, relative))
}

/// The first `weekday` after today (never today itself: that is "today").
fn upcoming(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (weekday.num_days_from_monday() + 7 - today.weekday().num_days_from_monday()) % 7;
    today + Duration::days(if ahead == 0 { 7 } else { ahead.into() })
}

/// `weekday` of the week after this one (weeks start on Monday).
fn next_week(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let monday = today - Duration::days(today.weekday().num_days_from_monday().into());
    monday + Duration::days(7 + i64::from(weekday.num_days_from_monday()))
}

fn date(rest: &[String], ctx: &Context) -> Option<(usize, NaiveDate)> {
    let lead = usize::from(words::is_preposition(rest.first()?));
    let w = &rest[lead..];
    let first = w.first()?;
    let short = lead == 1;
    if words::is_next(first)
        && let Some(weekday) = w.get(1).and_then(|word| {
            words::weekday(word, true).or(words::is_week(word).then_some(Weekday::Mon))
        })
    {
        return Some((lead + 2, next_week(ctx.today, weekday)));
    }
    if let Some(days) = words::day_word(first) {
        return Some((lead + 1, ctx.today + Duration::days(days)));
    }
    if w.len() >= 3 && first == "day" && w[1] == "after" && w[2] == "tomorrow" {
        return Some((lead + 3, ctx.today + Duration::days(2)));
    }
    if let Some(weekday) = words::weekday(first, short) {
        return Some((lead + 1, upcoming(ctx.today, weekday)));
    }
    if let Some(date) = numeric_date(first, ctx) {
        return Some((lead + 1, date));
    }
    month_date(w, ctx).map(|(n, date)| (lead + n, date))
}

/// The date in the year given, or else the next one that is not past.
fn dated(day: u32, month: u32, year: Option<i32>, today: NaiveDate) -> Option<NaiveDate> {
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day),
        None => {
            let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
            match this_year {
                Some(date) if date >= today => Some(date),
                _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
            }
        }
    }
}

fn small(part: &str) -> Option<u32> {
    (1..=2)
        .contains(&part.len())
        .then(|| part.parse().ok())
        .flatten()
        .filter(|n: &u32| *n <= 31)
}

fn year(part: &str) -> Option<i32> {
    let value: i32 = (part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()?;
    match part.len() {
        2 => Some(2000 + value),
        4 => Some(value),
        _ => None,
    }
}

/// "25.12", "25.12.2027", "25.12.27", "2027-12-25", "25/12" (Russian) or "12/25" (English).
fn numeric_date(word: &str, ctx: &Context) -> Option<NaiveDate> {
    if word.len() == 10 && word.as_bytes()[4] == b'-' {
        return NaiveDate::parse_from_str(word, "%Y-%m-%d").ok();
    }
    let (separator, day_first) = if word.contains('.') {
        ('.', true)
    } else if word.contains('/') {
        ('/', ctx.day_first_slash)
    } else {
        return None;
    };
    let parts: Vec<&str> = word.split(separator).collect();
    let (first, second) = (small(parts[0])?, small(parts.get(1)?)?);
    let (day, month) = if day_first {
        (first, second)
    } else {
        (second, first)
    };
    let year = match parts.len() {
        2 => None,
        3 => Some(year(parts[2])?),
        _ => return None,
    };
    dated(day, month, year, ctx.today)
}

/// 1–31, also as an English ordinal ("25th").
fn day_of_month(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        .then(|| small(digits))
        .flatten()
        .filter(|d| *d >= 1)
}

/// "25 декабря", "25 dec 2027", "december 25", "dec 25th, 2027".
fn month_date(w: &[String], ctx: &Context) -> Option<(usize, NaiveDate)> {
    let (day, month) = match (w.first(), w.get(1)) {
        (Some(a), Some(b)) => match (day_of_month(a), words::month(b)) {
            (Some(day), Some(month)) => (day, month),
            _ => (day_of_month(b)?, words::month(a)?),
        },
        _ => return None,
    };
    match w.get(2).filter(|y| y.len() == 4).and_then(|y| year(y)) {
        Some(year) => Some((3, dated(day, month, Some(year), ctx.today)?)),
        None => Some((2, dated(day, month, None, ctx.today)?)),
    }
}

#[derive(Debug, PartialEq)]
enum Form {
    /// "18:30"
    Colon,
    /// "18.30": a time only after "в" / "at", being also how a date is written.
    Dot,
    /// "9": a time only after "в" / "at" or before "утра" / "pm".
    Bare,
}

struct Clock {
    hour: u32,
    minute: u32,
    meridiem: Option<Meridiem>,
    form: Form,
}

fn clock(word: &str) -> Option<Clock> {
    let (body, meridiem) = [("am", Meridiem::Am), ("a.m", Meridiem::Am)]
        .into_iter()
        .chain([("pm", Meridiem::Pm), ("p.m", Meridiem::Pm)])
        .find_map(|(suffix, m)| word.strip_suffix(suffix).map(|body| (body, Some(m))))
        .unwrap_or((word, None));
    let two_digits = |s: &str| (s.len() == 2).then(|| s.parse::<u32>().ok()).flatten();
    let hour_of = |s: &str| {
        (1..=2)
            .contains(&s.len())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (hour, minute, form) = if let Some((h, m)) = body.split_once(':') {
        (hour_of(h)?, two_digits(m)?, Form::Colon)
    } else if let Some((h, m)) = body.split_once('.') {
        (hour_of(h)?, two_digits(m)?, Form::Dot)
    } else {
        (hour_of(body)?, 0, Form::Bare)
    };
    Some(Clock {
        hour,
        minute,
        meridiem,
        form,
    })
}

fn is_time_preposition(word: &str) -> bool {
    matches!(word, "в" | "во" | "к" | "до" | "at" | "by")
}

/// "в 9", "18:30", "at 9am", "9 вечера", "в 3 дня", "утром", "at noon", "tomorrow morning",
/// "in the evening".
fn time(rest: &[String], after_date: bool) -> Option<(usize, NaiveTime)> {
    let first = rest.first()?;
    if (first == "in" && rest.get(1).is_some_and(|w| w == "the")) || first == "this" {
        let skip = if first == "in" { 2 } else { 1 };
        let time = words::part_of_day(rest.get(skip)?)?;
        return Some((skip + 1, time));
    }
    let lead = usize::from(is_time_preposition(first));
    let w = &rest[lead..];
    let word = w.first()?;
    if let Some(time) = words::time_word(word) {
        return Some((lead + 1, time));
    }
    if lead == 0
        && after_date
        && let Some(time) = words::part_of_day(word)
    {
        return Some((1, time));
    }
    let clock = clock(word)?;
    let mut taken = lead + 1;
    let meridiem = clock.meridiem.or_else(|| {
        let m = words::meridiem(w.get(1)?, lead == 1)?;
        taken += 1;
        Some(m)
    });
    let understood = clock.form == Form::Colon || meridiem.is_some() || lead == 1;
    if !understood || clock.minute > 59 {
        return None;
    }
    let hour = match meridiem {
        Some(m) => m.hour(clock.hour)?,
        None => clock.hour,
    };
    Some((taken, NaiveTime::from_hms_opt(hour, clock.minute, 0)?))
}
