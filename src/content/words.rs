//! Numbers said in words, the one place every screen, command and export asks: "1 entry" and
//! "3 entries", "2nd", "3 of 10 entries", and a day count that can pass its target ("day 24
//! (target 21 reached)"). Pure text, so each rule is written, and tested, once.

use std::fmt::Display;

/// A whole number a user can be shown a count of.
pub trait Count: Copy + Display {
    /// True for exactly one, the only number that takes the singular in English.
    fn is_one(self) -> bool;
}

macro_rules! count_for {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn is_one(self) -> bool {
                self == 1
            }
        }
    )*};
}
count_for!(u8, u16, u32, u64, usize, i32, i64);

/// The word for `n` things: `one` for exactly one, `many` otherwise ("entry", "entries").
pub fn noun<'a>(n: impl Count, one: &'a str, many: &'a str) -> &'a str {
    if n.is_one() { one } else { many }
}

/// `n` things in words: "1 entry", "0 entries", "3 entries", "12,500 entries".
pub fn count(n: impl Count, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), noun(n, one, many))
}

/// `n` with its thousands set apart, as people read a big number: "950", "1,000,003", "-2,500".
pub fn grouped(n: impl Display) -> String {
    let digits = n.to_string();
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits.as_str()),
    };
    let mut out = String::with_capacity(sign.len() + digits.len() + digits.len() / 3);
    out.push_str(sign);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A part of a whole: "3 of 10 entries", and the whole alone when nothing is left out ("1 entry",
/// "0 entries"), so no "1 of 1 entries" or "0 of 0 entries".
pub fn part_of(part: usize, whole: usize, one: &str, many: &str) -> String {
    if part == whole {
        count(whole, one, many)
    } else {
        format!("{} of {}", grouped(part), count(whole, one, many))
    }
}

/// `n` as an ordinal: "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th".
pub fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Which day of a count toward a target today is: "day 5 of 21" up to the target, and past it
/// "day 24 (target 21 reached)", never "day 24 of 21".
pub fn day_of_target(day: u32, target: u32) -> String {
    if day <= target {
        format!("day {day} of {target}")
    } else {
        format!("day {day} (target {target} reached)")
    }
}

/// Words joined as a person lists them: "a", "a and b", "a, b and c".
pub fn listed(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0usize, "entry", "entries"), "0 entries");
        assert_eq!(count(1usize, "entry", "entries"), "1 entry");
        assert_eq!(count(2u32, "slip", "slips"), "2 slips");
        assert_eq!(count(11u64, "day", "days"), "11 days");
        assert_eq!(count(21i64, "day", "days"), "21 days");
        assert_eq!(noun(1u8, "file", "files"), "file");
        assert_eq!(noun(-1i32, "file", "files"), "files");
    }

    #[test]
    fn big_counts_set_their_thousands_apart() {
        assert_eq!(grouped(950u32), "950");
        assert_eq!(grouped(1000usize), "1,000");
        assert_eq!(grouped(1_000_003u64), "1,000,003");
        assert_eq!(grouped(-2500i64), "-2,500");
        assert_eq!(count(100_000usize, "entry", "entries"), "100,000 entries");
        assert_eq!(
            part_of(48_575, 353_679, "entry", "entries"),
            "48,575 of 353,679 entries"
        );
    }

    #[test]
    fn ordinals_follow_english_including_the_teens() {
        let cases = [
            (0, "0th"),
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (23, "23rd"),
            (101, "101st"),
            (111, "111th"),
            (112, "112th"),
            (1001, "1001st"),
        ];
        for (n, said) in cases {
            assert_eq!(ordinal(n), said, "{n}");
        }
    }

    #[test]
    fn a_part_of_everything_is_said_as_everything() {
        assert_eq!(part_of(0, 0, "entry", "entries"), "0 entries");
        assert_eq!(part_of(1, 1, "entry", "entries"), "1 entry");
        assert_eq!(part_of(3, 3, "entry", "entries"), "3 entries");
        assert_eq!(part_of(2, 5, "entry", "entries"), "2 of 5 entries");
        assert_eq!(part_of(0, 1, "entry", "entries"), "0 of 1 entry");
    }

    #[test]
    fn a_day_past_the_target_says_the_target_was_reached() {
        assert_eq!(day_of_target(1, 21), "day 1 of 21");
        assert_eq!(day_of_target(21, 21), "day 21 of 21");
        assert_eq!(day_of_target(24, 21), "day 24 (target 21 reached)");
    }

    #[test]
    fn lists_read_as_a_person_says_them() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(listed(&s(&[])), "");
        assert_eq!(listed(&s(&["a"])), "a");
        assert_eq!(listed(&s(&["a", "b"])), "a and b");
        assert_eq!(listed(&s(&["a", "b", "c"])), "a, b and c");
    }
}
