//! The phrase table: each line is read at a fixed "now" in a given time zone and language.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{Understood, parse_quick_add};
use crate::i18n::Lang;
use crate::model::{FieldError, Priority};

/// Wednesday 2026-11-25, 10:00 UTC: 13:00 in Moscow, 05:00 in New York, 19:00 in Tokyo.
const NOW: &str = "2026-11-25T10:00:00Z";

struct Case {
    text: &'static str,
    zone: &'static str,
    lang: Lang,
    now: &'static str,
    title: &'static str,
    due: Option<&'static str>,
    priority: Priority,
    category: Option<&'static str>,
    tags: &'static [&'static str],
}

/// Said in Russian, in Moscow.
fn ru(text: &'static str, title: &'static str, due: Option<&'static str>) -> Case {
    Case {
        text,
        zone: "Europe/Moscow",
        lang: Lang::Ru,
        now: NOW,
        title,
        due,
        priority: Priority::Normal,
        category: None,
        tags: &[],
    }
}

/// Said in English, in UTC.
fn en(text: &'static str, title: &'static str, due: Option<&'static str>) -> Case {
    Case {
        zone: "UTC",
        lang: Lang::En,
        ..ru(text, title, due)
    }
}

impl Case {
    fn zone(self, zone: &'static str) -> Case {
        Case { zone, ..self }
    }
    fn now(self, now: &'static str) -> Case {
        Case { now, ..self }
    }
    fn priority(self, priority: Priority) -> Case {
        Case { priority, ..self }
    }
    fn category(self, category: &'static str) -> Case {
        Case {
            category: Some(category),
            ..self
        }
    }
    fn tags(self, tags: &'static [&'static str]) -> Case {
        Case { tags, ..self }
    }
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn read(
    text: &str,
    zone: &str,
    lang: Lang,
    now: &str,
) -> Result<Understood, crate::model::FieldErrors> {
    let zone: Tz = zone.parse().unwrap();
    parse_quick_add(text, utc(now), zone, lang).map(|task| Understood::of(&task, zone))
}

fn table() -> Vec<Case> {
    use Priority::*;
    vec![
        // Russian, Moscow (now Wednesday 13:00).
        ru(
            "купить молоко завтра в 9 #дом !high",
            "купить молоко",
            Some("2026-11-26T06:00:00Z"),
        )
        .priority(High)
        .tags(&["дом"]),
        ru(
            "Позвонить маме в пятницу 18:30",
            "Позвонить маме",
            Some("2026-11-27T15:30:00Z"),
        ),
        ru("отчёт послезавтра", "отчёт", Some("2026-11-27T06:00:00Z")),
        ru(
            "созвон сегодня вечером",
            "созвон",
            Some("2026-11-25T16:00:00Z"),
        ),
        ru(
            "выпить таблетку через 2 часа",
            "выпить таблетку",
            Some("2026-11-25T12:00:00Z"),
        ),
        ru(
            "через 30 минут проверить духовку",
            "проверить духовку",
            Some("2026-11-25T10:30:00Z"),
        ),
        ru(
            "купить подарок 25.12 10:00 @семья",
            "купить подарок",
            Some("2026-12-25T07:00:00Z"),
        )
        .category("семья"),
        ru(
            "продлить паспорт 25.12.2027",
            "продлить паспорт",
            Some("2027-12-25T06:00:00Z"),
        ),
        ru(
            "в следующий понедельник планёрка",
            "планёрка",
            Some("2026-11-30T06:00:00Z"),
        ),
        ru(
            "во вторник сдать отчёт !low",
            "сдать отчёт",
            Some("2026-12-01T06:00:00Z"),
        )
        .priority(Low),
        ru(
            "к среде подготовить слайды",
            "подготовить слайды",
            Some("2026-12-02T06:00:00Z"),
        ),
        ru(
            "до субботы оплатить счёт",
            "оплатить счёт",
            Some("2026-11-28T06:00:00Z"),
        ),
        ru(
            "в воскресенье в 2 ночи проверить бэкап",
            "проверить бэкап",
            Some("2026-11-28T23:00:00Z"),
        ),
        ru("встреча в 3 дня", "встреча", Some("2026-11-25T12:00:00Z")),
        ru("зарядка утром", "зарядка", Some("2026-11-26T06:00:00Z")),
        ru("ужин в 9 вечера", "ужин", Some("2026-11-25T18:00:00Z")),
        ru("в 10.30 стендап", "стендап", Some("2026-11-26T07:30:00Z")),
        ru("отпуск 5 января", "отпуск", Some("2027-01-05T06:00:00Z")),
        ru("через неделю ревью", "ревью", Some("2026-12-02T06:00:00Z")),
        ru(
            "позвонить через час",
            "позвонить",
            Some("2026-11-25T11:00:00Z"),
        ),
        ru("оплатить 05/12", "оплатить", Some("2026-12-05T06:00:00Z")),
        ru(
            "Сегодня купить хлеб",
            "купить хлеб",
            Some("2026-11-25T20:59:00Z"),
        ),
        ru("купить 9 яблок", "купить 9 яблок", None),
        ru(
            "в пт в 18:00 кино !важно",
            "кино",
            Some("2026-11-27T15:00:00Z"),
        )
        .priority(High),
        ru(
            "Задача на завтра, в 12:00",
            "Задача",
            Some("2026-11-26T09:00:00Z"),
        ),
        ru(
            "через полчаса выйти #дом #Дом #спорт",
            "выйти",
            Some("2026-11-25T10:30:00Z"),
        )
        .tags(&["дом", "спорт"]),
        ru("Ёлка 20 декабря днём", "Ёлка", Some("2026-12-20T11:00:00Z")),
        ru(
            "на следующей неделе разобрать почту",
            "разобрать почту",
            Some("2026-11-30T06:00:00Z"),
        ),
        // English, UTC (now Wednesday 10:00).
        en(
            "Buy milk tomorrow 9am #home !high",
            "Buy milk",
            Some("2026-11-26T09:00:00Z"),
        )
        .priority(High)
        .tags(&["home"]),
        en(
            "Call mom next monday",
            "Call mom",
            Some("2026-11-30T09:00:00Z"),
        ),
        en("Report in 2 hours", "Report", Some("2026-11-25T12:00:00Z")),
        en(
            "Dentist on friday at 18:30 @health",
            "Dentist",
            Some("2026-11-27T18:30:00Z"),
        )
        .category("health"),
        en("Pay rent 12/01", "Pay rent", Some("2026-12-01T09:00:00Z")),
        en(
            "Gift shopping dec 24th",
            "Gift shopping",
            Some("2026-12-24T09:00:00Z"),
        ),
        en("Team sync at 9", "Team sync", Some("2026-11-26T09:00:00Z")),
        en("Standup at noon", "Standup", Some("2026-11-25T12:00:00Z")),
        en("Run tomorrow morning", "Run", Some("2026-11-26T09:00:00Z")),
        en("Morning run", "Morning run", None),
        en(
            "Read in the evening !low",
            "Read",
            Some("2026-11-25T19:00:00Z"),
        )
        .priority(Low),
        en(
            "Water plants in 3 days",
            "Water plants",
            Some("2026-11-28T09:00:00Z"),
        ),
        en(
            "Submit taxes 2027-04-15 !high",
            "Submit taxes",
            Some("2027-04-15T09:00:00Z"),
        )
        .priority(High),
        en(
            "Plan trip day after tomorrow",
            "Plan trip",
            Some("2026-11-27T09:00:00Z"),
        ),
        en(
            "Call Bob at 9:30 pm",
            "Call Bob",
            Some("2026-11-25T21:30:00Z"),
        ),
        en("Sunday brunch", "brunch", Some("2026-11-29T09:00:00Z")),
        en(
            "Fix bug 9 tomorrow",
            "Fix bug 9",
            Some("2026-11-26T09:00:00Z"),
        ),
        en(
            "Fix it !now, email bob@example.com",
            "Fix it !now, email bob@example.com",
            None,
        ),
        en(
            "Renew visa december 1 2027 !medium",
            "Renew visa",
            Some("2027-12-01T09:00:00Z"),
        ),
        en("Ship it in 2h", "Ship it", Some("2026-11-25T12:00:00Z")),
        en(
            "Plan Q1 next week at 10",
            "Plan Q1",
            Some("2026-11-30T10:00:00Z"),
        ),
        // Either language in any zone: the words are understood whatever the profile says.
        en(
            "купить молоко tomorrow",
            "купить молоко",
            Some("2026-11-26T09:00:00Z"),
        ),
        ru("Gym tomorrow 7am", "Gym", Some("2026-11-26T12:00:00Z")).zone("America/New_York"),
        en("Call at 9", "Call", Some("2026-11-25T14:00:00Z")).zone("America/New_York"),
        ru("ужин сегодня", "ужин", Some("2026-11-25T14:59:00Z")).zone("Asia/Tokyo"),
        en("meeting at 8am", "meeting", Some("2026-11-25T23:00:00Z")).zone("Asia/Tokyo"),
        // DST edges: a skipped time moves forward by the jump, a doubled one is the earlier.
        ru("завтра в 2:30 бэкап", "бэкап", Some("2027-03-28T01:30:00Z"))
            .zone("Europe/Berlin")
            .now("2027-03-27T12:00:00Z"),
        en(
            "tomorrow 2:30 backup",
            "backup",
            Some("2026-10-25T00:30:00Z"),
        )
        .zone("Europe/Berlin")
        .now("2026-10-24T12:00:00Z"),
        en(
            "pay bills tomorrow 1:30am",
            "pay bills",
            Some("2026-11-01T05:30:00Z"),
        )
        .zone("America/New_York")
        .now("2026-10-31T12:00:00Z"),
        ru(
            "в воскресенье в 2:30 созвон",
            "созвон",
            Some("2027-03-14T07:30:00Z"),
        )
        .zone("America/New_York")
        .now("2027-03-13T12:00:00Z"),
        en("call in 3 hours", "call", Some("2026-10-25T01:30:00Z"))
            .zone("Europe/Berlin")
            .now("2026-10-24T22:30:00Z"),
    ]
}

#[test]
fn the_phrase_table() {
    let cases = table();
    assert!(cases.len() >= 40);
    let mut failures = Vec::new();
    for case in cases {
        let got = match read(case.text, case.zone, case.lang, case.now) {
            Ok(got) => got,
            Err(errors) => {
                failures.push(format!("{:?}: refused {errors:?}", case.text));
                continue;
            }
        };
        let want = Understood {
            title: case.title.to_owned(),
            date_time: case.due.map(utc),
            priority: case.priority,
            category: case.category.map(str::to_owned),
            tags: case.tags.iter().map(|t| t.to_string()).collect(),
        };
        if got != want {
            failures.push(format!("{:?}:\n   got {got:?}\n  want {want:?}", case.text));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn nothing_left_for_a_title_is_its_own_error() {
    for text in [
        "",
        "   ",
        "завтра в 9 #дом",
        "#work !low @office",
        "tomorrow 9am",
    ] {
        let errors = read(text, "UTC", Lang::En, NOW).unwrap_err();
        assert_eq!(errors.get("title"), Some(&FieldError::NoTitle), "{text:?}");
    }
    let message = FieldError::NoTitle.message(Lang::Ru);
    assert!(message.contains("что сделать"), "{message}");
}

#[test]
fn what_is_understood_still_follows_the_task_rules() {
    let many_tags = "x #a #b #c #d #e #f #g #h #i #j #k";
    let errors = read(many_tags, "UTC", Lang::En, NOW).unwrap_err();
    assert_eq!(
        errors.get("tags"),
        Some(&FieldError::TooManyTags { max: 10 })
    );
    let long = format!("{} tomorrow", "я".repeat(501));
    let errors = read(&long, "UTC", Lang::Ru, NOW).unwrap_err();
    assert_eq!(errors.get("title"), Some(&FieldError::TooLong { max: 500 }));
    let empty_with_bad_tags = "#a #b #c #d #e #f #g #h #i #j #k";
    let errors = read(empty_with_bad_tags, "UTC", Lang::En, NOW).unwrap_err();
    assert_eq!(errors.get("title"), Some(&FieldError::NoTitle));
    assert!(errors.get("tags").is_some());
}

#[test]
fn a_second_date_stays_in_the_title() {
    let got = read("завтра перенести на пятницу", "UTC", Lang::Ru, NOW).unwrap();
    assert_eq!(got.title, "перенести на пятницу");
    assert_eq!(got.date_time, Some(utc("2026-11-26T09:00:00Z")));
}

#[test]
fn impossible_dates_are_words() {
    let got = read("report 31.02 at 10:00", "UTC", Lang::En, NOW).unwrap();
    assert_eq!(got.title, "report 31.02");
    // 10:00 is not after 10:00: tomorrow.
    assert_eq!(got.date_time, Some(utc("2026-11-26T10:00:00Z")));
}

/// Whatever a user sends, the parser answers (a task or the reasons it is not one) and never
/// panics.
mod never_panics {
    use proptest::prelude::*;

    use super::*;

    const WORDS: &[&str] = &[
        "в",
        "во",
        "на",
        "к",
        "до",
        "at",
        "on",
        "in",
        "the",
        "this",
        "next",
        "следующую",
        "через",
        "завтра",
        "today",
        "послезавтра",
        "day",
        "after",
        "tomorrow",
        "пятницу",
        "fri",
        "пт",
        "25.12",
        "31.02",
        "29.02",
        "12/31",
        "2027-12-25",
        "99.99.99",
        "9",
        "23",
        "24",
        "99999",
        "18:30",
        "9:75",
        "12am",
        "13pm",
        "утра",
        "вечера",
        "дня",
        "ночи",
        "morning",
        "утром",
        "полчаса",
        "час",
        "часа",
        "weeks",
        "2h",
        "99999w",
        "декабря",
        "dec",
        "25th",
        "9999",
        "#",
        "#tag",
        "!",
        "!high",
        "!?",
        "@",
        "@cat",
        "ё",
        ".",
        "",
        "—",
    ];

    fn phrase() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        proptest::collection::vec(word, 0..8).prop_map(|words| words.join(" "))
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(
            text in phrase(),
            zone in proptest::sample::select(vec!["UTC", "Pacific/Kiritimati", "America/New_York", "Europe/Berlin"]),
            now in 0i64..4_102_444_800,
        ) {
            let zone: Tz = zone.parse().unwrap();
            let now = DateTime::from_timestamp(now, 0).unwrap();
            for lang in [Lang::Ru, Lang::En] {
                match parse_quick_add(&text, now, zone, lang) {
                    Ok(task) => {
                        prop_assert!(!task.title.as_str().is_empty());
                        prop_assert!(text.contains(task.title.as_str().split(' ').next().unwrap()));
                    }
                    Err(errors) => prop_assert!(!errors.is_empty()),
                }
            }
        }
    }
}

mod default_day {
    use super::*;
    use crate::model::quick_add::{DefaultDay, Literal, ReadOptions, parse_quick_add_on};

    /// The due moment (as RFC 3339 in UTC) of `text` added from a list whose day is `day`, in
    /// Moscow at 13:00 on 2026-11-25.
    fn due(text: &str, day: Option<DefaultDay>) -> Option<String> {
        let now: DateTime<Utc> = NOW.parse().unwrap();
        let zone: Tz = "Europe/Moscow".parse().unwrap();
        let options = ReadOptions {
            default_day: day,
            literal: Literal::default(),
        };
        let task = parse_quick_add_on(text, now, zone, Lang::Ru, options).unwrap();
        task.date_time.map(|when| {
            when.resolve(zone)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
    }

    #[test]
    fn a_line_without_a_date_is_due_on_the_lists_day() {
        // Past 09:00 today: the end of today, as for "сегодня".
        assert_eq!(
            due("купить хлеб", Some(DefaultDay::Today)).as_deref(),
            Some("2026-11-25T20:59:00Z")
        );
        assert_eq!(
            due("купить хлеб", Some(DefaultDay::Tomorrow)).as_deref(),
            Some("2026-11-26T06:00:00Z")
        );
        assert_eq!(due("купить хлеб", None), None);
    }

    #[test]
    fn a_time_alone_is_on_the_lists_day() {
        assert_eq!(
            due("звонок в 18:00", Some(DefaultDay::Today)).as_deref(),
            Some("2026-11-25T15:00:00Z")
        );
        assert_eq!(
            due("звонок в 18:00", Some(DefaultDay::Tomorrow)).as_deref(),
            Some("2026-11-26T15:00:00Z")
        );
        // Already past today: still today, overdue, and so still in the Today list.
        assert_eq!(
            due("звонок в 8:00", Some(DefaultDay::Today)).as_deref(),
            Some("2026-11-25T05:00:00Z")
        );
    }

    #[test]
    fn a_date_in_the_line_wins() {
        assert_eq!(
            due("отчёт 1 декабря", Some(DefaultDay::Today)).as_deref(),
            Some("2026-12-01T06:00:00Z")
        );
        assert_eq!(
            due("отчёт через 2 часа", Some(DefaultDay::Tomorrow)).as_deref(),
            Some("2026-11-25T12:00:00Z")
        );
    }

    /// A day of the calendar, in Moscow.
    fn on(day: &str) -> Option<DefaultDay> {
        Some(DefaultDay::On(day.parse().unwrap()))
    }

    #[test]
    fn on_the_calendars_day_a_line_without_a_date_is_due_that_day() {
        assert_eq!(
            due("купить хлеб", on("2026-12-03")).as_deref(),
            Some("2026-12-03T06:00:00Z"),
            "09:00 that day"
        );
        // A day gone by keeps its morning (overdue); today past 09:00 is its end, as for "сегодня".
        assert_eq!(
            due("купить хлеб", on("2026-11-20")).as_deref(),
            Some("2026-11-20T06:00:00Z")
        );
        assert_eq!(
            due("купить хлеб", on("2026-11-25")).as_deref(),
            Some("2026-11-25T20:59:00Z")
        );
        assert_eq!(
            due("звонок в 18:30", on("2026-12-03")).as_deref(),
            Some("2026-12-03T15:30:00Z"),
            "a time alone is that time on that day"
        );
        assert_eq!(
            due("звонок 7am", on("2026-11-20")).as_deref(),
            Some("2026-11-20T04:00:00Z")
        );
        assert_eq!(
            due("отчёт 1 декабря", on("2027-03-10")).as_deref(),
            Some("2026-12-01T06:00:00Z"),
            "a date in the line wins"
        );
        assert_eq!(
            due("отчёт завтра в 10", on("2027-03-10")).as_deref(),
            Some("2026-11-26T07:00:00Z")
        );
        assert_eq!(
            due("отчёт через 2 часа", on("2027-03-10")).as_deref(),
            Some("2026-11-25T12:00:00Z")
        );
    }
}

mod literal {
    use super::*;
    use crate::model::NewTask;
    use crate::model::quick_add::{Literal, ReadOptions, parse_quick_add_on};

    fn read(text: &str, literal: &str) -> NewTask {
        let now: DateTime<Utc> = NOW.parse().unwrap();
        let options = ReadOptions {
            default_day: None,
            literal: Literal::parse(literal),
        };
        parse_quick_add_on(text, now, chrono_tz::UTC, Lang::Ru, options).unwrap()
    }

    #[test]
    fn a_removed_chip_keeps_its_words_in_the_title() {
        let line = "встреча в пятницу #работа !high @офис";
        let all = read(line, "");
        assert_eq!(all.title.as_str(), "встреча");
        assert!(all.date_time.is_some());

        let no_date = read(line, "due");
        assert_eq!(no_date.title.as_str(), "встреча в пятницу");
        assert_eq!(no_date.date_time, None);
        assert_eq!(no_date.tags.as_slice(), ["работа"]);

        let words = read(line, "tags,priority,category,unknown");
        assert_eq!(words.title.as_str(), "встреча #работа !high @офис");
        assert!(words.date_time.is_some());
        assert_eq!(words.priority, Priority::Normal);
        assert_eq!(words.category, None);
        assert!(words.tags.as_slice().is_empty());
    }
}
