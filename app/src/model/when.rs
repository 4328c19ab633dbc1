use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Span;

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WhenBasis {
    /// A time expression in the event's own clause.
    #[default]
    Mention,
    /// "at the time", "that day": a time mentioned earlier.
    Anaphora,
    /// No time in the text: the publication date, as "reported by".
    Reported,
}

/// The date of an event: an inclusive range with its precision and certainty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    /// The TIMEX3 value it was resolved from ("2025-01-20", "2025-W07", "PAST_REF"...).
    pub value: String,
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    pub precision: Precision,
    /// True for "recently", "last week", "early 2023", "since 2019", reported dates.
    pub approximate: bool,
    #[serde(default)]
    pub basis: WhenBasis,
    /// "since 2019": the range runs on to `end` (the publication date) and may go beyond.
    #[serde(default)]
    pub open_end: bool,
    /// The time mention it came from, if any.
    #[serde(default)]
    pub mention: Option<Span>,
}

impl When {
    /// A label that says how precise the date is: "Feb. 14, 2025", "week of Feb. 10, 2025",
    /// "Feb. 2025", "c. 2019", "since 2019", "by Feb. 18, 2025 (reported)".
    pub fn label(&self) -> String {
        if self.basis == WhenBasis::Reported {
            return format!("by {} (reported)", format_day(self.end));
        }
        match self.value.as_str() {
            "PAST_REF" => return format!("recently, before {}", format_day(self.end)),
            "PRESENT_REF" => return format!("around {}", format_day(self.end)),
            "FUTURE_REF" => return format!("after {}", format_day(self.start)),
            _ => {}
        }
        let body = match self.precision {
            Precision::Day => format_day(self.start),
            Precision::Week => format!("week of {}", format_day(self.start)),
            Precision::Month => {
                format!("{} {}", month_abbrev(self.start.month()), self.start.year())
            }
            Precision::Quarter => {
                format!(
                    "Q{} {}",
                    (self.start.month() - 1) / 3 + 1,
                    self.start.year()
                )
            }
            Precision::Year => self.start.year().to_string(),
            Precision::Decade => format!("{}s", self.start.year()),
        };
        if self.open_end {
            format!("since {body}")
        } else if self.approximate && matches!(self.precision, Precision::Year | Precision::Decade)
        {
            format!("c. {body}")
        } else {
            body
        }
    }

    /// The midpoint day, used to order events and place point marks.
    pub fn midpoint(&self) -> NaiveDate {
        let half = (self.end - self.start).num_days() / 2;
        self.start + chrono::Duration::days(half)
    }
}

/// AP style: "Jan.", "March", "Sept.".
pub fn month_abbrev(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// "Feb. 14, 2025".
pub fn format_day(day: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        month_abbrev(day.month()),
        day.day(),
        day.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(
        value: &str,
        start: (i32, u32, u32),
        end: (i32, u32, u32),
        precision: Precision,
    ) -> When {
        When {
            value: value.into(),
            start: NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap(),
            end: NaiveDate::from_ymd_opt(end.0, end.1, end.2).unwrap(),
            precision,
            approximate: false,
            basis: WhenBasis::Mention,
            open_end: false,
            mention: None,
        }
    }

    #[test]
    fn labels_show_precision() {
        assert_eq!(
            when("2025-02-14", (2025, 2, 14), (2025, 2, 14), Precision::Day).label(),
            "Feb. 14, 2025"
        );
        assert_eq!(
            when("2025-W07", (2025, 2, 10), (2025, 2, 16), Precision::Week).label(),
            "week of Feb. 10, 2025"
        );
        assert_eq!(
            when("2025-09", (2025, 9, 1), (2025, 9, 30), Precision::Month).label(),
            "Sept. 2025"
        );
        assert_eq!(
            when("2025-Q3", (2025, 7, 1), (2025, 9, 30), Precision::Quarter).label(),
            "Q3 2025"
        );
        let mut since = when("2019", (2019, 1, 1), (2025, 2, 18), Precision::Year);
        since.open_end = true;
        assert_eq!(since.label(), "since 2019");
        let mut reported = when("2025-02-18", (2025, 2, 18), (2025, 2, 18), Precision::Day);
        reported.basis = WhenBasis::Reported;
        assert_eq!(reported.label(), "by Feb. 18, 2025 (reported)");
    }
}
