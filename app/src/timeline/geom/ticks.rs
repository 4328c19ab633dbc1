use chrono::{Datelike, NaiveDate};

use super::scale::{date_of, day_number, Viewport};
use crate::model::month_abbrev;

/// The period between two ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every so many hours: 1, 3, 6, 12.
    Hours(u32),
    Day,
    Week,
    Month,
    Quarter,
    /// Every so many years: 1, 2, 5, 10 (decades), 20, 50, 100 (centuries)...
    Years(i32),
}

impl TickUnit {
    /// From finest to coarsest; the coarsest spans the whole viewport range.
    const ALL: [TickUnit; 18] = [
        Self::Hours(1),
        Self::Hours(3),
        Self::Hours(6),
        Self::Hours(12),
        Self::Day,
        Self::Week,
        Self::Month,
        Self::Quarter,
        Self::Years(1),
        Self::Years(2),
        Self::Years(5),
        Self::Years(10),
        Self::Years(20),
        Self::Years(50),
        Self::Years(100),
        Self::Years(200),
        Self::Years(500),
        Self::Years(1000),
    ];

    /// Typical length in days, to judge how many ticks fit.
    fn days(self) -> f64 {
        match self {
            Self::Hours(n) => f64::from(n) / 24.0,
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 30.44,
            Self::Quarter => 91.31,
            Self::Years(n) => 365.25 * f64::from(n),
        }
    }

    /// Room a label of this unit needs, in pixels, gap included.
    fn label_px(self) -> f64 {
        match self {
            Self::Hours(_) => 52.0,
            Self::Day | Self::Week => 64.0,
            Self::Month => 72.0,
            Self::Quarter => 68.0,
            Self::Years(1..=9) => 48.0,
            Self::Years(_) => 56.0,
        }
    }

    /// The first boundary of this unit on or after `date`.
    fn ceil(self, date: NaiveDate) -> NaiveDate {
        let floor = self.floor(date);
        if floor == date {
            floor
        } else {
            self.next(floor)
        }
    }

    fn floor(self, date: NaiveDate) -> NaiveDate {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(date);
        match self {
            Self::Hours(_) | Self::Day => date,
            Self::Week => {
                date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
            }
            Self::Month => ymd(date.year(), date.month(), 1),
            Self::Quarter => ymd(date.year(), (date.month() - 1) / 3 * 3 + 1, 1),
            Self::Years(n) => ymd(date.year().div_euclid(n) * n, 1, 1),
        }
    }

    fn next(self, date: NaiveDate) -> NaiveDate {
        let add_months = |months: u32| date.checked_add_months(chrono::Months::new(months));
        let next = match self {
            Self::Hours(_) | Self::Day => date.succ_opt(),
            Self::Week => date.checked_add_days(chrono::Days::new(7)),
            Self::Month => add_months(1),
            Self::Quarter => add_months(3),
            Self::Years(n) => add_months(12 * n.unsigned_abs()),
        };
        next.unwrap_or(NaiveDate::MAX)
    }

    fn label(self, date: NaiveDate) -> String {
        match self {
            Self::Hours(_) | Self::Day | Self::Week => {
                format!("{} {}", month_abbrev(date.month()), date.day())
            }
            Self::Month if date.month() == 1 => format!("{} {}", month_abbrev(1), date.year()),
            Self::Month => month_abbrev(date.month()).to_string(),
            Self::Quarter => format!("Q{} {}", (date.month() - 1) / 3 + 1, date.year()),
            Self::Years(10) => format!("{}s", date.year()),
            Self::Years(_) => date.year().to_string(),
        }
    }
}

/// One labelled tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Axis coordinate (see [`day_number`]).
    pub day: f64,
    pub label: String,
    pub unit: TickUnit,
}

/// Ticks for the visible range: the finest unit whose labels do not overlap at `width` pixels.
pub fn ticks(view: Viewport, width: f64) -> Vec<Tick> {
    let px_per_day = width / view.span();
    let unit = TickUnit::ALL
        .into_iter()
        .find(|u| u.days() * px_per_day >= u.label_px())
        .unwrap_or(TickUnit::Years(1000));
    if let TickUnit::Hours(n) = unit {
        return hour_ticks(view, n);
    }
    let (first, last) = view.dates();
    let mut date = unit.ceil(first);
    let mut out = Vec::new();
    // The span limit keeps this to a few dozen ticks; the cap guards against surprises.
    while date <= last && out.len() < 400 {
        out.push(Tick {
            day: day_number(date),
            label: unit.label(date),
            unit,
        });
        let next = unit.next(date);
        if next <= date {
            break;
        }
        date = next;
    }
    if out.is_empty() {
        let mid = date_of((view.start + view.end) / 2.0);
        out.push(Tick {
            day: day_number(mid),
            label: TickUnit::Day.label(mid),
            unit: TickUnit::Day,
        });
    }
    out
}

/// Ticks every `n` hours: "09:00", with the date at midnight.
fn hour_ticks(view: Viewport, n: u32) -> Vec<Tick> {
    let step = f64::from(n.max(1)) / 24.0;
    let mut k = (view.start / step).ceil();
    let mut out = Vec::new();
    while k * step <= view.end && out.len() < 400 {
        let day = k * step;
        let hour = ((day - day.floor()) * 24.0).round() as u32 % 24;
        let label = if hour == 0 {
            TickUnit::Day.label(date_of(day))
        } else {
            format!("{hour:02}:00")
        };
        out.push(Tick {
            day,
            label,
            unit: TickUnit::Hours(n),
        });
        k += 1.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(from: (i32, u32, u32), to: (i32, u32, u32)) -> Viewport {
        let d = |(y, m, dd)| day_number(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        Viewport::new(d(from), d(to))
    }

    #[test]
    fn unit_follows_the_zoom() {
        let cases = [
            (view((2025, 2, 14), (2025, 2, 15)), TickUnit::Hours(3)),
            (view((2025, 2, 1), (2025, 2, 15)), TickUnit::Day),
            (view((2025, 1, 1), (2025, 3, 1)), TickUnit::Week),
            (view((2024, 6, 1), (2025, 3, 1)), TickUnit::Month),
            (view((2019, 1, 1), (2025, 3, 1)), TickUnit::Years(1)),
            (view((1900, 1, 1), (2025, 1, 1)), TickUnit::Years(10)),
            (view((1000, 1, 1), (2025, 1, 1)), TickUnit::Years(100)),
        ];
        for (v, unit) in cases {
            assert_eq!(ticks(v, 1000.0)[0].unit, unit, "{v:?}");
        }
    }

    #[test]
    fn labels_never_overlap() {
        let mut v = view((2025, 2, 10), (2025, 2, 12));
        for _ in 0..40 {
            for width in [320.0, 1000.0, 1600.0] {
                let t = ticks(v, width);
                for pair in t.windows(2) {
                    let gap = v.x(pair[1].day, width) - v.x(pair[0].day, width);
                    assert!(gap >= pair[0].unit.label_px() - 1.0, "{v:?} {width} {gap}");
                }
            }
            v = v.zoom(1.6, v.start);
        }
    }

    #[test]
    fn hours_label_the_time_and_midnight_the_date() {
        let d = day_number(NaiveDate::from_ymd_opt(2025, 2, 14).unwrap());
        let t = ticks(Viewport::new(d - 0.1, d + 0.4), 1000.0);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(&labels[..4], ["22:00", "23:00", "Feb. 14", "01:00"]);
    }

    #[test]
    fn ticks_fall_on_boundaries() {
        let t = ticks(view((2019, 3, 3), (2025, 2, 18)), 1000.0);
        assert_eq!(t[0].label, "2020");
        assert!(t.iter().all(|tick| date_of(tick.day).ordinal() == 1));
    }
}
