use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::Mark;

/// The smallest visible range: six hours.
const MIN_SPAN_DAYS: f64 = 0.25;
/// The largest visible range: two millennia.
const MAX_SPAN_DAYS: f64 = 730_000.0;

/// Days since 0001-01-01 (day 1), as the axis coordinate.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date containing an axis coordinate; clamped to chrono's range.
pub fn date_of(day: f64) -> NaiveDate {
    let clamped = day.floor().clamp(1.0, 3_000_000.0) as i32;
    NaiveDate::from_num_days_from_ce_opt(clamped).unwrap_or(NaiveDate::MIN)
}

/// The visible range of the axis, in days: `start` at the left edge, `end` at the right.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

impl Viewport {
    /// A viewport from two coordinates, ordered and kept within the span limits.
    pub fn new(start: f64, end: f64) -> Self {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let centre = (start + end) / 2.0;
        let span = (end - start).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        Self {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
    }

    /// The view that shows every event with a margin; a fortnight around the anchor when empty.
    pub fn fit(marks: &[Mark], fallback: NaiveDate) -> Self {
        let first = marks
            .iter()
            .map(|e| day_number(e.when.start))
            .reduce(f64::min);
        let last = marks
            .iter()
            .map(|e| day_number(e.when.end) + 1.0)
            .reduce(f64::max);
        match (first, last) {
            (Some(first), Some(last)) => {
                let span = (last - first).max(14.0);
                let centre = (first + last) / 2.0;
                Self::new(centre - span * 0.53, centre + span * 0.53)
            }
            _ => {
                let day = day_number(fallback);
                Self::new(day - 7.0, day + 7.0)
            }
        }
    }

    /// Width in days.
    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the coordinate `around` at the same place on screen.
    pub fn zoom(self, factor: f64, around: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return self;
        }
        let span = (self.span() * factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let ratio = if self.span() > 0.0 {
            (around - self.start) / self.span()
        } else {
            0.5
        };
        let start = around - span * ratio;
        Self {
            start,
            end: start + span,
        }
    }

    /// Moves by a fraction of the visible width (positive moves later in time).
    pub fn pan(self, fraction: f64) -> Self {
        let shift = if fraction.is_finite() {
            self.span() * fraction
        } else {
            0.0
        };
        Self {
            start: self.start + shift,
            end: self.end + shift,
        }
    }

    /// Screen x of an axis coordinate for a drawing `width` pixels wide.
    pub fn x(self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }

    /// The axis coordinate under screen x: the inverse of [`Self::x`].
    pub fn day_at(self, x: f64, width: f64) -> f64 {
        self.start + x / width * self.span()
    }

    /// The first and last visible dates.
    pub fn dates(self) -> (NaiveDate, NaiveDate) {
        (date_of(self.start), date_of(self.end))
    }
}

/// The publication dates worth marking on the axis: distinct, sorted, and only when there are
/// few enough (at most `max`) to stay readable.
pub fn publication_markers(
    dates: impl IntoIterator<Item = NaiveDate>,
    max: usize,
) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = dates.into_iter().collect();
    dates.sort();
    dates.dedup();
    if dates.len() > max {
        dates.clear();
    }
    dates
}

/// Pixels per character of a day marker's label (11 px text), and its padding.
const MARKER_CHAR_PX: f64 = 5.8;
const MARKER_PAD_PX: f64 = 8.0;

/// Where the axis's day markers' labels go, so that labels never overlap: the span of each
/// label shown, `None` for one hidden. Each label runs left of its line at `x`; the last
/// marker (today) is placed first, then the others from the last back, and a label that would
/// overlap one already placed is hidden (its line stays, and its title still names it).
pub fn marker_labels(markers: &[(f64, &str)]) -> Vec<Option<(f64, f64)>> {
    let mut shown = vec![None; markers.len()];
    for (i, (x, label)) in markers.iter().enumerate().rev() {
        let left = x - label.chars().count() as f64 * MARKER_CHAR_PX - MARKER_PAD_PX;
        if shown.iter().flatten().all(|&(l, r)| *x <= l || left >= r) {
            shown[i] = Some((left, *x));
        }
    }
    shown
}

/// Pixels per character of a tick label (12 px text), and its left padding.
const TICK_CHAR_PX: f64 = 7.0;
const TICK_PAD_PX: f64 = 4.0;

/// Whether a tick's label at `x` stays clear of the marker labels shown (`taken`).
pub fn tick_label_clear(x: f64, label: &str, taken: &[Option<(f64, f64)>]) -> bool {
    let (left, right) = (
        x,
        x + TICK_PAD_PX + label.chars().count() as f64 * TICK_CHAR_PX,
    );
    taken
        .iter()
        .flatten()
        .all(|&(l, r)| right <= l || left >= r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_labels_never_overlap() {
        // A publication the day before today: its label would run under today's.
        let shown = marker_labels(&[
            (100.0, "Published Jan. 3"),
            (990.0, "Published Nov. 30"),
            (996.0, "Today, Dec. 1"),
        ]);
        let visible: Vec<bool> = shown.iter().map(Option::is_some).collect();
        assert_eq!(visible, vec![true, false, true]);
        // Far apart, every label shows.
        let shown = marker_labels(&[(300.0, "Published Jan. 3"), (900.0, "Today, Dec. 1")]);
        assert!(shown.iter().all(Option::is_some));
        assert!(marker_labels(&[]).is_empty());
        // A tick under today's label gives way; one well left of it does not.
        let today = marker_labels(&[(996.0, "Today, Dec. 1")]);
        assert!(!tick_label_clear(960.0, "2026", &today));
        assert!(tick_label_clear(700.0, "2025", &today));
    }

    #[test]
    fn x_and_day_at_are_inverse() {
        let view = Viewport::new(700_000.0, 700_400.0);
        for day in [700_000.0, 700_123.5, 700_400.0, 699_000.0] {
            let x = view.x(day, 1000.0);
            assert!((view.day_at(x, 1000.0) - day).abs() < 1e-6);
        }
    }

    #[test]
    fn zoom_keeps_the_cursor_point_fixed() {
        let view = Viewport::new(1000.0, 2000.0);
        let around = 1250.0;
        let before = view.x(around, 800.0);
        let zoomed = view.zoom(0.5, around);
        assert!((zoomed.span() - 500.0).abs() < 1e-9);
        assert!((zoomed.x(around, 800.0) - before).abs() < 1e-6);
    }

    #[test]
    fn zoom_is_clamped_and_ignores_nonsense() {
        let view = Viewport::new(1000.0, 1002.0);
        assert_eq!(view.zoom(0.0001, 1001.0).span(), MIN_SPAN_DAYS);
        assert_eq!(view.zoom(f64::NAN, 1001.0), view);
        assert_eq!(Viewport::new(5.0, 1.0), Viewport::new(1.0, 5.0));
    }

    #[test]
    fn pan_moves_by_fraction_of_width() {
        let view = Viewport::new(0.0, 100.0).pan(0.25);
        assert_eq!((view.start, view.end), (25.0, 125.0));
    }

    #[test]
    fn few_publication_dates_are_marked() {
        let d = |day| NaiveDate::from_ymd_opt(2025, 2, day).unwrap();
        assert_eq!(
            publication_markers([d(18), d(3), d(18)], 4),
            vec![d(3), d(18)]
        );
        assert!(publication_markers((1..=9).map(d), 4).is_empty());
    }

    #[test]
    fn date_round_trip() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 18).unwrap();
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(date_of(day_number(d) + 0.99), d);
    }
}
