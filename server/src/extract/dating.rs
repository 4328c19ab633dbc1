//! TIMEX3 values → [`When`]: the inclusive date range an event occupies, with its precision.

use app::model::{Precision, When, WhenBasis};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// How long before the anchor "recently" (PAST_REF) may reach.
const PAST_REF_DAYS: u64 = 90;

/// The range a TIMEX3 value denotes, or `None` for values that name no date (durations, sets,
/// unresolved `XXXX` values, or references with no anchor).
pub fn range_of(
    value: &str,
    anchor: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate, Precision, bool)> {
    match value {
        "PAST_REF" => {
            let a = anchor?;
            return Some((
                a.checked_sub_days(Days::new(PAST_REF_DAYS))?,
                a,
                Precision::Month,
                true,
            ));
        }
        "PRESENT_REF" => {
            let a = anchor?;
            return Some((a, a, Precision::Day, true));
        }
        "FUTURE_REF" => {
            let a = anchor?;
            return Some((
                a,
                a.checked_add_months(Months::new(12))?,
                Precision::Year,
                true,
            ));
        }
        _ => {}
    }
    // A time of day dates the day it falls on.
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    let year_text = parts.first()?;
    if !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match (year_text.len(), parts.as_slice()) {
        // "199" → the 1990s; "19" → the 1900s.
        (3, [_]) => {
            let decade: i32 = year_text.parse().ok()?;
            let start = NaiveDate::from_ymd_opt(decade * 10, 1, 1)?;
            Some((
                start,
                NaiveDate::from_ymd_opt(decade * 10 + 9, 12, 31)?,
                Precision::Decade,
                false,
            ))
        }
        (2, [_]) => {
            let century: i32 = year_text.parse().ok()?;
            let start = NaiveDate::from_ymd_opt(century * 100, 1, 1)?;
            Some((
                start,
                NaiveDate::from_ymd_opt(century * 100 + 99, 12, 31)?,
                Precision::Decade,
                true,
            ))
        }
        (4, rest) => {
            let year: i32 = year_text.parse().ok()?;
            year_range(year, &rest[1..])
        }
        _ => None,
    }
}

fn year_range(year: i32, rest: &[&str]) -> Option<(NaiveDate, NaiveDate, Precision, bool)> {
    let ymd = NaiveDate::from_ymd_opt;
    match rest {
        [] => Some((ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year, false)),
        [part] if part.starts_with('W') => {
            let week: u32 = part[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
            Some((
                monday,
                monday.checked_add_days(Days::new(6))?,
                Precision::Week,
                true,
            ))
        }
        [part] if part.starts_with('Q') => {
            let quarter: u32 = part[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            let start = ymd(year, (quarter - 1) * 3 + 1, 1)?;
            Some((
                start,
                last_day(start.checked_add_months(Months::new(2))?),
                Precision::Quarter,
                false,
            ))
        }
        // Halves and seasons: a span of months, approximate at the edges.
        [part] if part.starts_with('H') => {
            let half: u32 = part[1..].parse().ok().filter(|h| (1..=2).contains(h))?;
            let start = ymd(year, (half - 1) * 6 + 1, 1)?;
            Some((
                start,
                last_day(start.checked_add_months(Months::new(5))?),
                Precision::Quarter,
                true,
            ))
        }
        [season @ ("SP" | "SU" | "FA" | "WI")] => {
            let first_month = match *season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let start = ymd(year, first_month, 1)?;
            Some((
                start,
                last_day(start.checked_add_months(Months::new(2))?),
                Precision::Quarter,
                true,
            ))
        }
        [month] => {
            let month: u32 = month.parse().ok()?;
            let start = ymd(year, month, 1)?;
            Some((start, last_day(start), Precision::Month, false))
        }
        [month, day] => {
            let date = ymd(year, month.parse().ok()?, day.parse().ok()?)?;
            Some((date, date, Precision::Day, false))
        }
        _ => None,
    }
}

fn last_day(in_month: NaiveDate) -> NaiveDate {
    in_month
        .with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(in_month)
}

/// The date of a time mention. `since` makes it an open range up to the anchor; `fuzzy` marks
/// modifiers such as "early" or "about" that blur the edges.
pub fn when_of_mention(
    value: &str,
    anchor: Option<NaiveDate>,
    since: bool,
    fuzzy: bool,
    basis: WhenBasis,
    mention: app::model::Span,
) -> Option<When> {
    let (start, mut end, precision, approximate) = range_of(value, anchor)?;
    let open_end = since && anchor.is_some_and(|a| a > end);
    if open_end {
        end = anchor?;
    }
    Some(When {
        value: value.to_string(),
        start,
        end,
        precision,
        approximate: approximate || open_end || fuzzy,
        basis,
        open_end,
        mention: Some(mention),
    })
}

/// "On or before the publication date": for what is reported without a time of its own.
pub fn reported(anchor: NaiveDate) -> When {
    When {
        value: anchor.to_string(),
        start: anchor,
        end: anchor,
        precision: Precision::Day,
        approximate: true,
        basis: WhenBasis::Reported,
        open_end: false,
        mention: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_become_ranges() {
        let anchor = Some(d(2025, 2, 18));
        let cases = [
            (
                "2025-01-20",
                d(2025, 1, 20),
                d(2025, 1, 20),
                Precision::Day,
                false,
            ),
            (
                "2025-02-14T09:00",
                d(2025, 2, 14),
                d(2025, 2, 14),
                Precision::Day,
                false,
            ),
            (
                "2025-W07",
                d(2025, 2, 10),
                d(2025, 2, 16),
                Precision::Week,
                true,
            ),
            (
                "2025-02",
                d(2025, 2, 1),
                d(2025, 2, 28),
                Precision::Month,
                false,
            ),
            (
                "2024-02",
                d(2024, 2, 1),
                d(2024, 2, 29),
                Precision::Month,
                false,
            ),
            (
                "2025-Q3",
                d(2025, 7, 1),
                d(2025, 9, 30),
                Precision::Quarter,
                false,
            ),
            (
                "2019",
                d(2019, 1, 1),
                d(2019, 12, 31),
                Precision::Year,
                false,
            ),
            (
                "199",
                d(1990, 1, 1),
                d(1999, 12, 31),
                Precision::Decade,
                false,
            ),
            (
                "PAST_REF",
                d(2024, 11, 20),
                d(2025, 2, 18),
                Precision::Month,
                true,
            ),
        ];
        for (value, start, end, precision, approximate) in cases {
            assert_eq!(
                range_of(value, anchor),
                Some((start, end, precision, approximate)),
                "{value}"
            );
        }
    }

    #[test]
    fn non_dates_have_no_range() {
        for value in [
            "P3Y",
            "XXXX-XX-XX",
            "XXXX-WXX-1",
            "",
            "2025-13",
            "2025-02-30",
            "abcd",
            "2025-W99",
        ] {
            assert_eq!(range_of(value, Some(d(2025, 2, 18))), None, "{value}");
        }
        assert_eq!(range_of("PAST_REF", None), None);
    }

    #[test]
    fn since_runs_to_the_anchor() {
        let when = when_of_mention(
            "2019",
            Some(d(2025, 2, 18)),
            true,
            false,
            WhenBasis::Mention,
            Default::default(),
        )
        .unwrap();
        assert_eq!(
            (when.start, when.end, when.open_end, when.approximate),
            (d(2019, 1, 1), d(2025, 2, 18), true, true)
        );
    }
}
