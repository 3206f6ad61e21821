//! What a typed line means: the words every question understands (leave, support), and the
//! answers each kind of question takes. Pure, so every refusal can be tested; a refusal says
//! what is expected, for the question to be asked again.

use crate::content::Answer;

/// The words every question understands, before its own answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said<'a> {
    /// `q` (or `quit`): leave; everything answered is already saved.
    Leave,
    /// `!` (or `help`): where to find support now.
    Support,
    /// Anything else, trimmed at the end of the line (and of a Windows line ending).
    Text(&'a str),
}

/// Sorts a typed line into leaving, support, or an answer.
pub fn said(line: &str) -> Said<'_> {
    let line = line.trim_end_matches(['\r', '\n']);
    match line.trim().to_lowercase().as_str() {
        "q" | "quit" => Said::Leave,
        "!" | "help" => Said::Support,
        _ => Said::Text(line),
    }
}

/// A choice among `count` numbered options: the option's index from 0. `None` for Enter alone.
pub fn choice(text: &str, count: usize) -> Result<Option<usize>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok(Some(n - 1)),
        _ => Err(format!(
            "\"{}\" is not one of the choices. {}",
            shorten(text),
            expect_number(count)
        )),
    }
}

/// What a numbered question expects, in words.
pub fn expect_number(count: usize) -> String {
    match count {
        1 => "Type 1 and press Enter.".to_string(),
        n => format!("Type a number from 1 to {n} and press Enter."),
    }
}

/// The numbers of the items to tick or untick, such as `1 3` or `2, 4`, each from 1 to `count`,
/// as indexes from 0 in the order typed (a number typed twice counts once). Empty for Enter
/// alone.
pub fn numbers(text: &str, count: usize) -> Result<Vec<usize>, String> {
    let mut picked = Vec::new();
    for word in text.split([' ', ',', '\t']).filter(|w| !w.is_empty()) {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !picked.contains(&(n - 1)) {
                    picked.push(n - 1);
                }
            }
            _ => {
                return Err(format!(
                    "\"{}\" is not an item number. Type numbers from 1 to {count}, such as 1 3, \
                     or press Enter alone when you are done.",
                    shorten(word)
                ));
            }
        }
    }
    Ok(picked)
}

/// A check's answer: yes, no or unsure (also y, n, u, "not sure"). `None` for Enter alone.
pub fn check_answer(text: &str) -> Result<Option<Answer>, String> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "y" | "yes" => Ok(Some(Answer::Yes)),
        "n" | "no" => Ok(Some(Answer::No)),
        "u" | "unsure" | "not sure" | "?" => Ok(Some(Answer::Unsure)),
        other => Err(format!(
            "\"{}\" is not an answer here. Type yes, no or unsure (or y, n or u).",
            shorten(other)
        )),
    }
}

/// A yes or no (also y, n). `None` for Enter alone.
pub fn yes_no(text: &str) -> Result<Option<bool>, String> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "y" | "yes" => Ok(Some(true)),
        "n" | "no" => Ok(Some(false)),
        other => Err(format!(
            "\"{}\" is not an answer here. Type yes or no (or y or n).",
            shorten(other)
        )),
    }
}

/// A whole number from `low` to `high`. `None` for Enter alone.
pub fn number_in(text: &str, low: u32, high: u32) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "\"{}\" is not a number from {low} to {high}. Type a number from {low} to {high}.",
            shorten(text)
        )),
    }
}

/// The line that ends a text of several lines: a full stop alone.
pub const END_OF_TEXT: &str = ".";

/// True for the line that ends a text of several lines.
pub fn ends_text(line: &str) -> bool {
    line.trim() == END_OF_TEXT
}

/// A typed answer quoted back in a refusal: at most 40 characters, so a pasted paragraph is not
/// repeated whole.
fn shorten(text: &str) -> String {
    const MOST: usize = 40;
    if text.chars().count() <= MOST {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MOST).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_and_quit_leave_and_bang_asks_for_support_whatever_the_case_or_spaces() {
        assert_eq!(said("q"), Said::Leave);
        assert_eq!(said(" Quit \r\n"), Said::Leave);
        assert_eq!(said("!"), Said::Support);
        assert_eq!(said("HELP"), Said::Support);
        assert_eq!(said("quite so\r"), Said::Text("quite so"));
        assert_eq!(said(""), Said::Text(""));
    }

    #[test]
    fn a_choice_takes_a_number_in_range_and_enter_alone() {
        assert_eq!(choice("2", 3), Ok(Some(1)));
        assert_eq!(choice(" 3 ", 3), Ok(Some(2)));
        assert_eq!(choice("", 3), Ok(None));
    }

    #[test]
    fn a_choice_out_of_range_or_not_a_number_says_what_is_expected() {
        assert_eq!(
            choice("7", 3),
            Err(
                "\"7\" is not one of the choices. Type a number from 1 to 3 and press Enter."
                    .to_string()
            )
        );
        assert!(choice("abc", 3).unwrap_err().contains("from 1 to 3"));
        assert!(choice("0", 3).is_err());
        assert!(choice("-1", 3).is_err());
        assert_eq!(
            choice("x", 1).unwrap_err(),
            "\"x\" is not one of the choices. Type 1 and press Enter."
        );
    }

    #[test]
    fn item_numbers_are_read_in_order_once_each() {
        assert_eq!(numbers("1 3", 5), Ok(vec![0, 2]));
        assert_eq!(numbers("2,4, 2", 5), Ok(vec![1, 3]));
        assert_eq!(numbers("", 5), Ok(vec![]));
        assert!(
            numbers("1 9", 5)
                .unwrap_err()
                .starts_with("\"9\" is not an item number")
        );
        assert!(numbers("one", 5).is_err());
    }

    #[test]
    fn check_answers_take_words_and_letters() {
        assert_eq!(check_answer("Yes"), Ok(Some(Answer::Yes)));
        assert_eq!(check_answer("n"), Ok(Some(Answer::No)));
        assert_eq!(check_answer("not sure"), Ok(Some(Answer::Unsure)));
        assert_eq!(check_answer(""), Ok(None));
        assert!(
            check_answer("maybe")
                .unwrap_err()
                .contains("yes, no or unsure")
        );
    }

    #[test]
    fn yes_no_and_numbers_in_a_range() {
        assert_eq!(yes_no("y"), Ok(Some(true)));
        assert_eq!(yes_no("NO"), Ok(Some(false)));
        assert!(yes_no("sometimes").is_err());
        assert_eq!(number_in("21", 7, 90), Ok(Some(21)));
        assert_eq!(number_in("", 7, 90), Ok(None));
        assert_eq!(
            number_in("3", 7, 90),
            Err("\"3\" is not a number from 7 to 90. Type a number from 7 to 90.".to_string())
        );
    }

    #[test]
    fn a_long_bad_answer_is_quoted_short() {
        let long = "a".repeat(100);
        let message = choice(&long, 3).unwrap_err();
        assert!(message.contains('…'));
        assert!(message.len() < 120);
    }

    #[test]
    fn a_full_stop_alone_ends_a_text() {
        assert!(ends_text("."));
        assert!(ends_text(" .\r"));
        assert!(!ends_text(".."));
        assert!(!ends_text("end."));
    }
}
