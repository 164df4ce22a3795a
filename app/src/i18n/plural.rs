//! Which form of a noun goes with a whole number: the CLDR cardinal rules of both languages.

use super::Lang;

/// A CLDR plural category; Russian uses `One`, `Few` and `Many`, English `One` and `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

impl Lang {
    /// The plural category of `n` in this language.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Lang::En if n == 1 => Plural::One,
            Lang::En => Plural::Other,
            Lang::Ru => match (n % 10, n % 100) {
                (1, rest) if rest != 11 => Plural::One,
                (2..=4, rest) if !(12..=14).contains(&rest) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }
}

/// `n` with the Russian noun's form for it: "1 задача", "3 задачи", "5 задач".
pub fn ru(n: u64, one: &str, few: &str, many: &str) -> String {
    let noun = match Lang::Ru.plural(n) {
        Plural::One => one,
        Plural::Few => few,
        Plural::Many | Plural::Other => many,
    };
    format!("{n} {noun}")
}

/// `n` with the English noun's form for it: "1 task", "5 tasks".
pub fn en(n: u64, one: &str, other: &str) -> String {
    let noun = match Lang::En.plural(n) {
        Plural::One => one,
        _ => other,
    };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_cldr_in_both_languages() {
        use Plural::*;
        let cases = [
            (0, Many, Other),
            (1, One, One),
            (2, Few, Other),
            (5, Many, Other),
            (11, Many, Other),
            (12, Many, Other),
            (14, Many, Other),
            (21, One, Other),
            (22, Few, Other),
            (25, Many, Other),
            (101, One, Other),
            (111, Many, Other),
        ];
        for (n, ru, en) in cases {
            assert_eq!(Lang::Ru.plural(n), ru, "ru {n}");
            assert_eq!(Lang::En.plural(n), en, "en {n}");
        }
    }

    #[test]
    fn puts_the_number_before_its_noun() {
        let ru = |n| ru(n, "задача", "задачи", "задач");
        assert_eq!(
            [ru(1), ru(3), ru(5), ru(21)],
            ["1 задача", "3 задачи", "5 задач", "21 задача"]
        );
        let en = |n| en(n, "task", "tasks");
        assert_eq!([en(0), en(1), en(2)], ["0 tasks", "1 task", "2 tasks"]);
    }
}
