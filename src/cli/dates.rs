//! Dates on the command line (`--since`, `--until`): one form, and a refusal that shows it.

use chrono::NaiveDate;

/// The form every date argument takes.
pub const DATE_FORM: &str = "YYYY-MM-DD";

/// Parses a date argument; a refusal says the expected form with an example.
pub fn parse_date(written: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(written.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date like 2026-03-14 ({DATE_FORM}: year, month, day)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_year_month_day() {
        assert_eq!(
            parse_date("2026-03-14"),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 14).unwrap())
        );
        for bad in ["notadate", "14/03/2026", "2026-02-30", "", "2026-3"] {
            let error = parse_date(bad).unwrap_err();
            assert!(error.contains("like 2026-03-14"), "{bad}: {error}");
        }
    }
}
