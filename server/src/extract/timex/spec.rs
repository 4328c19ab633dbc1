//! Unresolved meanings of temporal expressions and their resolution against the
//! document's publication date. Rules only parse; everything that depends on
//! the anchor or on the surrounding text happens here, so the two can be tested
//! apart.

use super::lexicon::Amount;
use super::TimexType;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Calendar units that relative expressions count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Parses a unit noun, singular or plural ("centuries").
    pub fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('s');
        Some(match w {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            _ => return None,
        })
    }
}

/// Which way an unqualified weekday or month points from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Decided by the tense of the sentence: past unless it speaks of the future.
    Tense,
    /// "last Friday": strictly before the anchor.
    Last,
    /// "this Friday": within the anchor's week.
    This,
    /// "next Friday": strictly after the anchor.
    Next,
}

/// Holidays by how their date is found in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// Fourth Thursday of November (US).
    Thanksgiving,
    /// Tuesday after the first Monday of November (US).
    ElectionDay,
    /// First Monday of September (US).
    LaborDay,
    /// Last Monday of May (US).
    MemorialDay,
    /// Western Easter Sunday.
    Easter,
}

impl Holiday {
    /// The holiday's date in `year`.
    fn date(self, year: i32) -> Option<NaiveDate> {
        let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
            Holiday::ElectionDay => nth(11, Weekday::Mon, 1).map(|d| d + Duration::days(1)),
            Holiday::LaborDay => nth(9, Weekday::Mon, 1),
            Holiday::MemorialDay => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
            Holiday::Easter => {
                // Anonymous Gregorian computus.
                let (a, b, c) = (year % 19, year / 100, year % 100);
                let (d, e) = (b / 4, b % 4);
                let g = (8 * b + 13) / 25;
                let h = (19 * a + b - d - g + 15) % 30;
                let (i, k) = (c / 4, c % 4);
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 19 * l) / 433;
                let month = (h + l - 7 * m + 90) / 25;
                let day = (h + l - 7 * m + 33 * month + 19) % 32;
                NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
            }
        }
    }
}

/// A parsed, not yet resolved temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Spec {
    /// A value that needs no anchor ("PRESENT_REF", "P1D" for "daily").
    Literal(&'static str),
    /// Every week on a weekday (1 Monday … 7 Sunday), or on a part of it ("MO", "NI"):
    /// "Mondays", "Tuesday nights".
    Weekly {
        day: u32,
        part: Option<&'static str>,
    },
    /// "Jan. 20", "Aug. 7, 1998"; a missing year is inferred from the anchor.
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// "January", "July 1997", "last April" (offset in years for "last"/"next").
    Month {
        month: u32,
        year: Option<i32>,
        direction: Direction,
    },
    /// "July last year", "March next year".
    MonthOfRelativeYear { month: u32, offset: i32 },
    /// "Thanksgiving Day", "last Christmas".
    Holiday {
        holiday: Holiday,
        year: Option<i32>,
        direction: Direction,
    },
    /// A calendar year ("2019", "fiscal 1989").
    Year(i32),
    /// A decade as its first three digits ("the 1990s" -> 199).
    Decade(i32),
    /// A century as its first two digits ("the 20th century" -> 19).
    Century(i32),
    /// "Friday", "last Friday", "Friday evening"; `part` is the TIMEX3 code
    /// of a part of the day that the value keeps ("EV").
    Weekday {
        day: Weekday,
        direction: Direction,
        part: Option<&'static str>,
    },
    /// A day counted from another date: "the day before last Tuesday" is
    /// last Tuesday moved by -1 day.
    DayShift { days: i64, of: Box<Spec> },
    /// "the week of March 6": the calendar week holding a date.
    WeekOf(Box<Spec>),
    /// "today", "yesterday", "tonight", "this morning".
    DayOffset {
        days: i64,
        part: Option<&'static str>,
    },
    /// "in the morning": a part of the day the story last named, found when
    /// tagging; alone, of the anchor.
    StoryDayPart(&'static str),
    /// "last week", "this month", "next year", "the weekend".
    Relative { unit: Unit, offset: i32 },
    /// "the following year", "the previous day": a unit away from the date
    /// the story last named, found when tagging; alone, from the anchor.
    Shifted { unit: Unit, offset: i32 },
    /// "the week": a week of the anchor's year whose number the text leaves open.
    StoryWeek,
    /// "two years ago", "a year earlier", "10 days ago".
    Ago { amount: Amount, unit: Unit },
    /// "the third quarter", "the year-earlier third quarter", "the third quarter of 1984".
    Quarter {
        n: u32,
        year: Option<i32>,
        year_offset: i32,
    },
    /// "next year's first quarter", "the second quarter of last year": a
    /// quarter of the year `offset` years from the anchor's.
    QuarterOfRelativeYear { n: u32, offset: i32 },
    /// "the quarter", "the latest period", "the 1988 quarter": the last quarter
    /// reported on.
    ReportedQuarter { year: Option<i32>, year_offset: i32 },
    /// "the first half", "the last half of 1989", "the second half of next year".
    Half {
        n: u32,
        year: Option<i32>,
        offset: i32,
    },
    /// "this summer", "last fall", "the winter of 1994".
    Season {
        code: &'static str,
        year: Option<i32>,
        offset: i32,
    },
    /// "a while", "some time": a length of time in no unit (PXX).
    VagueDuration,
    /// "three years", "the past two months", "several days".
    Duration { amount: Amount, unit: Unit },
    /// "9 a.m.", "10:35 p.m. Friday", "noon".
    Clock {
        hour: u32,
        minute: Option<u32>,
        day: Option<Box<Spec>>,
    },
    /// "at the time", "that day": takes the value of the previous mention,
    /// cut to the unit it names ("later that year" after "June 1998" is 1998).
    Anaphor(Option<Unit>),
}

/// What resolution may look at besides the anchor.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The sentence speaks of the future ("will", "next", "scheduled").
    pub future: bool,
    /// The date closes a period already over ("the year ended Jan. 31"),
    /// so it cannot lie after the anchor.
    pub ended: bool,
    /// The document reports quarterly figures, where "a year ago" means the
    /// year-earlier quarter.
    pub quarterly: bool,
    /// The last quarter (year, number) the document named, which "the
    /// quarter" and "a year earlier" refer back to: a company's fiscal
    /// quarter need not be the calendar quarter before the publication.
    pub quarter: Option<(i32, u32)>,
    /// The sentence reports on a period longer than a quarter ("the nine
    /// months"), whose "a year earlier" is the year before, not a quarter.
    pub long_period: bool,
}

impl Spec {
    /// The TIMEX3 type this expression gets.
    pub fn kind(&self) -> TimexType {
        match self {
            Spec::Duration { .. } | Spec::VagueDuration => TimexType::Duration,
            // Literals other than the fuzzy references are recurrences
            // ("P1D" for "daily").
            Spec::Literal(v) if !v.ends_with("_REF") => TimexType::Set,
            Spec::Weekly { .. } => TimexType::Set,
            Spec::Clock { .. } | Spec::StoryDayPart(_) => TimexType::Time,
            Spec::DayOffset { part: Some(_), .. } | Spec::Weekday { part: Some(_), .. } => {
                TimexType::Time
            }
            _ => TimexType::Date,
        }
    }

    /// The TIMEX3 value, resolved against `anchor` when there is one.
    pub fn resolve(&self, anchor: Option<NaiveDate>, ctx: Context) -> String {
        match self {
            Spec::Literal(v) => (*v).to_string(),
            Spec::Weekly { day, part } => match part {
                Some(p) => format!("XXXX-WXX-{day}T{p}"),
                None => format!("XXXX-WXX-{day}"),
            },
            Spec::Year(y) => format!("{y:04}"),
            Spec::Decade(d) => format!("{d:03}"),
            Spec::Century(c) => format!("{c:02}"),
            Spec::Duration { amount, unit } => duration(*amount, *unit),
            Spec::VagueDuration => "PXX".to_string(),
            Spec::Anaphor(_) => "PAST_REF".to_string(),
            _ => match anchor {
                Some(a) => self.resolve_anchored(a, ctx),
                None => self.underspecified(),
            },
        }
    }

    /// Values with the anchor-dependent parts written as X.
    fn underspecified(&self) -> String {
        match self {
            Spec::MonthDay {
                month,
                day,
                year: Some(y),
            } => format!("{y:04}-{month:02}-{day:02}"),
            Spec::MonthDay { month, day, .. } => format!("XXXX-{month:02}-{day:02}"),
            Spec::Month {
                month,
                year: Some(y),
                ..
            } => format!("{y:04}-{month:02}"),
            Spec::Month { month, .. } | Spec::MonthOfRelativeYear { month, .. } => {
                format!("XXXX-{month:02}")
            }
            Spec::Weekday { day, .. } => {
                format!("XXXX-WXX-{}", day.number_from_monday())
            }
            Spec::Season {
                code,
                year: Some(y),
                ..
            } => format!("{y:04}-{code}"),
            Spec::Season { code, .. } => format!("XXXX-{code}"),
            Spec::Relative { unit, offset } | Spec::Shifted { unit, offset } => {
                match (unit, offset.signum()) {
                    (_, -1) => "PAST_REF".to_string(),
                    (_, 1) => "FUTURE_REF".to_string(),
                    (Unit::Week, _) => "XXXX-WXX".to_string(),
                    (Unit::Month, _) => "XXXX-XX".to_string(),
                    (Unit::Year, _) => "XXXX".to_string(),
                    _ => "PRESENT_REF".to_string(),
                }
            }
            Spec::Ago { .. } | Spec::ReportedQuarter { .. } => "PAST_REF".to_string(),
            Spec::Quarter { n, year: None, .. } | Spec::QuarterOfRelativeYear { n, .. } => {
                format!("XXXX-Q{n}")
            }
            Spec::Holiday {
                holiday,
                year: Some(y),
                ..
            } => day_value(holiday.date(*y)),
            Spec::Quarter {
                n, year: Some(y), ..
            } => format!("{y:04}-Q{n}"),
            Spec::Clock { hour, minute, .. } => {
                format!("XXXX-XX-XXT{}", clock(*hour, *minute))
            }
            Spec::StoryWeek | Spec::WeekOf(_) => "XXXX-WXX".to_string(),
            Spec::Half {
                n, year: Some(y), ..
            } => format!("{y:04}-H{n}"),
            Spec::Half { n, .. } => format!("XXXX-H{n}"),
            _ => "XXXX-XX-XX".to_string(),
        }
    }

    fn resolve_anchored(&self, a: NaiveDate, ctx: Context) -> String {
        match self {
            Spec::MonthDay { month, day, year } => {
                let y = year.unwrap_or_else(|| nearest_year(a, *month, *day, ctx, DAY_BIAS));
                format!("{y:04}-{month:02}-{day:02}")
            }
            Spec::Month {
                month,
                year,
                direction,
            } => {
                let y = match (year, direction) {
                    (Some(y), _) => *y,
                    (None, Direction::Last) => a.year() - i32::from(*month >= a.month()),
                    (None, Direction::Next) => a.year() + i32::from(*month <= a.month()),
                    (None, Direction::This) => a.year(),
                    (None, Direction::Tense) => nearest_year(a, *month, 15, ctx, MONTH_BIAS),
                };
                format!("{y:04}-{month:02}")
            }
            Spec::MonthOfRelativeYear { month, offset } => {
                format!("{:04}-{month:02}", a.year() + offset)
            }
            Spec::Holiday {
                holiday,
                year,
                direction,
            } => day_value(holiday_date(a, *holiday, *year, *direction, ctx.future)),
            Spec::Weekday {
                day,
                direction,
                part,
            } => with_part(weekday_date(a, *day, *direction, ctx.future), *part),
            Spec::DayOffset { days, part } => with_part(a + Duration::days(*days), *part),
            Spec::StoryDayPart(part) => with_part(a, Some(part)),
            Spec::DayShift { days, of } => {
                let base = of.resolve_anchored(a, ctx);
                let date = base
                    .get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                date.map_or(base, |d| {
                    (d + Duration::days(*days)).format("%Y-%m-%d").to_string()
                })
            }
            Spec::WeekOf(of) => {
                let base = of.resolve_anchored(a, ctx);
                base.get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map_or_else(|| "XXXX-WXX".to_string(), iso_week)
            }
            Spec::Relative { unit, offset } | Spec::Shifted { unit, offset } => {
                relative(a, *unit, *offset, ctx.future)
            }
            Spec::Ago { amount, unit } => ago(a, *amount, *unit, ctx),
            Spec::Quarter {
                n,
                year,
                year_offset,
            } => {
                let current = quarter_of(a);
                // A quarter later than the current one is usually last year's,
                // except the very next one, which news previews.
                let y = year.unwrap_or(a.year() - i32::from(*n > current + 1)) + year_offset;
                format!("{y:04}-Q{n}")
            }
            Spec::QuarterOfRelativeYear { n, offset } => {
                format!("{:04}-Q{n}", a.year() + offset)
            }
            // "For the nine months, ... compared with the 1988 period": beside
            // a period longer than a quarter, a year-named period is that year.
            Spec::ReportedQuarter {
                year: Some(y),
                year_offset,
            } if ctx.long_period => format!("{:04}", y + year_offset),
            Spec::ReportedQuarter { year, year_offset } => {
                let (y, q) = ctx.quarter.unwrap_or_else(|| previous_quarter(a));
                format!("{:04}-Q{q}", year.unwrap_or(y) + year_offset)
            }
            Spec::Season { code, year, offset } => {
                let y = year.unwrap_or_else(|| season_year(a, code, *offset, ctx.future));
                format!("{y:04}-{code}")
            }
            Spec::StoryWeek => format!("{:04}-WXX", a.year()),
            Spec::Half { n, year, offset } => {
                format!("{:04}-H{n}", year.unwrap_or(a.year() + offset))
            }
            Spec::Clock { hour, minute, day } => {
                let date = match day {
                    Some(d) => d.resolve_anchored(a, ctx),
                    None => a.format("%Y-%m-%d").to_string(),
                };
                format!("{date}T{}", clock(*hour, *minute))
            }
            _ => self.resolve(None, ctx),
        }
    }
}

/// A date's value, or the unknown date.
fn day_value(date: Option<NaiveDate>) -> String {
    date.map_or_else(
        || "XXXX-XX-XX".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    )
}

/// The holiday's date in the given year, or the occurrence that the direction
/// (or else the tense) picks around the anchor.
fn holiday_date(
    a: NaiveDate,
    holiday: Holiday,
    year: Option<i32>,
    direction: Direction,
    future: bool,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return holiday.date(y);
    }
    let this = holiday.date(a.year())?;
    let last = holiday.date(a.year() - 1)?;
    let next = holiday.date(a.year() + 1)?;
    let before = if this <= a { this } else { last };
    let after = if this >= a { this } else { next };
    Some(match direction {
        Direction::Last if this < a => this,
        Direction::Last => last,
        Direction::Next if this > a => this,
        Direction::Next => next,
        Direction::This => this,
        // Past-tense news: the last occurrence unless the next one is much nearer.
        Direction::Tense if future || (after - a).num_days() * 2 < (a - before).num_days() => after,
        Direction::Tense => before,
    })
}

/// The year of the season `offset` seasons of that name away from the
/// anchor's ("last fall" in February 1998 is 1997-FA). Winter belongs to the
/// year it begins in. With no offset ("the spring", "this summer") it is
/// the season of the current cycle, or in a clause about the future the
/// next one not yet over ("is going to slow in the spring", said in
/// February 1998, is 1998-SP).
fn season_year(a: NaiveDate, code: &str, offset: i32, future: bool) -> i32 {
    const ORDER: [&str; 4] = ["SP", "SU", "FA", "WI"];
    let index = ORDER.iter().position(|c| *c == code).unwrap_or(0);
    // March-May spring, June-August summer, September-November fall.
    let (year, current) = match a.month() {
        1 | 2 => (a.year() - 1, 3),
        m => (a.year(), ((m - 3) / 3) as usize),
    };
    match offset.signum() {
        -1 => year - i32::from(index >= current),
        1 => year + i32::from(index <= current),
        _ if future => year + i32::from(index < current),
        _ => year,
    }
}

fn clock(hour: u32, minute: Option<u32>) -> String {
    format!("{hour:02}:{:02}", minute.unwrap_or(0))
}

fn with_part(date: NaiveDate, part: Option<&'static str>) -> String {
    match part {
        Some(p) => format!("{}T{p}", date.format("%Y-%m-%d")),
        None => date.format("%Y-%m-%d").to_string(),
    }
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The quarter before the anchor's: the one companies report on.
fn previous_quarter(a: NaiveDate) -> (i32, u32) {
    match quarter_of(a) {
        1 => (a.year() - 1, 4),
        q => (a.year(), q - 1),
    }
}

/// The year that puts month/day closest to the anchor, counting days on the
/// side the tense does not point to several times (`bias` times ahead of a
/// past-tense clause, [`FUTURE_BIAS`] times behind a future one): past-tense
/// news reports what already happened, and a future date needs a future verb
/// to be likely.
fn nearest_year(a: NaiveDate, month: u32, day: u32, ctx: Context, bias: i64) -> i32 {
    let future = ctx.future;
    let mut best = (i64::MAX, a.year());
    for y in [a.year() - 1, a.year(), a.year() + 1] {
        let Some(d) = NaiveDate::from_ymd_opt(y, month, day.min(days_in(y, month))) else {
            continue;
        };
        let delta = (d - a).num_days();
        if ctx.ended && delta > 0 {
            continue;
        }
        let cost = match (delta >= 0, future) {
            (true, false) => delta * bias,
            (false, true) => -delta * FUTURE_BIAS,
            (true, true) => delta,
            (false, false) => -delta,
        };
        if cost < best.0 {
            best = (cost, y);
        }
    }
    best.1
}

/// How much more a month name alone ("in February") costs on the side the
/// tense does not point to: past-tense news names a month of the story's
/// past far more often than one several months ahead.
const MONTH_BIAS: i64 = 4;
/// The same for a full date ("Feb. 1"), which is more often a schedule.
const DAY_BIAS: i64 = 2;
/// How much more the past costs when a future verb governs the date: "it
/// will close in December", said in February, means the coming December.
const FUTURE_BIAS: i64 = 8;

fn days_in(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
        .unwrap_or(28)
}

fn weekday_date(a: NaiveDate, day: Weekday, direction: Direction, future: bool) -> NaiveDate {
    let back =
        (7 + a.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64) % 7;
    let ahead = (7 - back) % 7;
    match direction {
        Direction::Last => a - Duration::days(if back == 0 { 7 } else { back }),
        Direction::Next => a + Duration::days(if ahead == 0 { 7 } else { ahead }),
        Direction::This => {
            a + Duration::days(
                day.num_days_from_monday() as i64 - a.weekday().num_days_from_monday() as i64,
            )
        }
        Direction::Tense if future => a + Duration::days(ahead),
        Direction::Tense => a - Duration::days(back),
    }
}

fn shift_months(a: NaiveDate, months: i32) -> (i32, u32) {
    let total = a.year() * 12 + a.month0() as i32 + months;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// `value` (a resolved date such as "1998-06" or "1998-06-12") moved by
/// `offset` units, at the unit's granularity; None when the value is too
/// coarse for the unit ("1998" has no month to move).
pub fn shift_value(value: &str, unit: Unit, offset: i32) -> Option<String> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let month = || -> Option<u32> { value.get(5..7)?.parse().ok() };
    let day = || -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month()?, value.get(8..10)?.parse().ok()?)
    };
    Some(match unit {
        Unit::Year => format!("{:04}", year + offset),
        Unit::Month => {
            let first = NaiveDate::from_ymd_opt(year, month()?, 1)?;
            let (y, m) = shift_months(first, offset);
            format!("{y:04}-{m:02}")
        }
        Unit::Day => (day()? + Duration::days(offset.into()))
            .format("%Y-%m-%d")
            .to_string(),
        Unit::Week => iso_week(day()? + Duration::weeks(offset.into())),
        _ => return None,
    })
}

fn relative(a: NaiveDate, unit: Unit, offset: i32, future: bool) -> String {
    match unit {
        Unit::Day => (a + Duration::days(offset.into()))
            .format("%Y-%m-%d")
            .to_string(),
        Unit::Week => iso_week(a + Duration::weeks(offset.into())),
        Unit::Weekend => {
            // An unqualified "the weekend" is the one just past in past-tense
            // text and the coming one otherwise.
            let wd = a.weekday().num_days_from_monday() as i64;
            let base = if offset == 0 && wd < 5 && !future {
                a - Duration::weeks(1)
            } else {
                a + Duration::weeks(offset.into())
            };
            format!("{}-WE", iso_week(base))
        }
        Unit::Month => {
            let (y, m) = shift_months(a, offset);
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let (y, m) = shift_months(a, offset * 3);
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }
        Unit::Year => format!("{:04}", a.year() + offset),
        Unit::Decade => format!("{:03}", a.year().div_euclid(10) + offset),
        Unit::Century => format!("{:02}", a.year().div_euclid(100) + offset),
        Unit::Hour | Unit::Minute | Unit::Second => a.format("%Y-%m-%d").to_string(),
    }
}

fn ago(a: NaiveDate, amount: Amount, unit: Unit, ctx: Context) -> String {
    let Amount::Exact(n) = amount else {
        return "PAST_REF".to_string();
    };
    let n = n.round() as i32;
    match unit {
        // "a year earlier" in a quarterly report is the quarter a year
        // before the one the report named; with no quarter named ("wages
        // rose 3.8% from a year earlier" beside a quarterly dividend) it is
        // the year.
        Unit::Year if n == 1 && ctx.quarterly && !ctx.long_period => match ctx.quarter {
            Some((y, q)) => format!("{:04}-Q{q}", y - 1),
            None => format!("{:04}", a.year() - 1),
        },
        Unit::Year => format!("{:04}", a.year() - n),
        Unit::Decade => format!("{:04}", a.year() - 10 * n),
        Unit::Century => format!("{:02}", a.year().div_euclid(100) - n),
        Unit::Quarter => relative(a, Unit::Quarter, -n, false),
        Unit::Month => relative(a, Unit::Month, -n, false),
        Unit::Week | Unit::Weekend => relative(a, Unit::Week, -n, false),
        Unit::Day => relative(a, Unit::Day, -n, false),
        Unit::Hour | Unit::Minute | Unit::Second => a.format("%Y-%m-%d").to_string(),
    }
}

fn duration(amount: Amount, unit: Unit) -> String {
    let (time, letter, scale) = match unit {
        Unit::Second => (true, 'S', 1.0),
        Unit::Minute => (true, 'M', 1.0),
        Unit::Hour => (true, 'H', 1.0),
        Unit::Day => (false, 'D', 1.0),
        Unit::Week => (false, 'W', 1.0),
        Unit::Weekend => (false, 'D', 2.0),
        Unit::Month => (false, 'M', 1.0),
        Unit::Quarter => (false, 'Q', 1.0),
        Unit::Year => (false, 'Y', 1.0),
        Unit::Decade => (false, 'Y', 10.0),
        Unit::Century => (false, 'Y', 100.0),
    };
    let t = if time { "T" } else { "" };
    match amount {
        Amount::Vague => {
            // "for centuries" is PXC, TimeML's century unit; vague decades
            // are counted in years ("decades-long" is PXY).
            let letter = match unit {
                Unit::Decade => 'Y',
                Unit::Century => 'C',
                _ => letter,
            };
            format!("P{t}X{letter}")
        }
        Amount::Exact(n) => {
            let n = n * scale;
            if n.fract() == 0.0 {
                format!("P{t}{}{letter}", n as u64)
            } else {
                // Halves go one unit down: 5 1/2 hours is PT5H30M.
                match unit {
                    Unit::Hour => format!("PT{}H30M", n.trunc() as u64),
                    Unit::Year if (n.fract() - 0.5).abs() < 1e-9 => {
                        format!("P{}Y6M", n.trunc() as u64)
                    }
                    Unit::Year => format!("P{}M", (n * 12.0).round() as u64),
                    Unit::Day => format!("PT{}H", (n * 24.0).round() as u64),
                    Unit::Month => format!("P{}D", (n * 30.0).round() as u64),
                    Unit::Minute if (n.fract() - 0.5).abs() < 1e-9 => {
                        format!("PT{}M30S", n.trunc() as u64)
                    }
                    Unit::Minute => format!("PT{}S", (n * 60.0).round() as u64),
                    _ => format!("P{t}{}{letter}", n.round() as u64),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 2, 18)
    }

    fn value(spec: Spec) -> String {
        spec.resolve(anchor(), Context::default())
    }

    #[test]
    fn resolves_against_anchor() {
        let fri = Spec::Weekday {
            day: Weekday::Fri,
            direction: Direction::Tense,
            part: None,
        };
        assert_eq!(value(fri), "2025-02-14");
        let fri_evening = Spec::Weekday {
            day: Weekday::Fri,
            direction: Direction::Tense,
            part: Some("EV"),
        };
        // A weekday with a part of the day is a time, like "this evening".
        assert_eq!(fri_evening.kind(), TimexType::Time);
        assert_eq!(value(fri_evening), "2025-02-14TEV");
        let day_before = Spec::DayShift {
            days: -1,
            of: Box::new(Spec::Weekday {
                day: Weekday::Fri,
                direction: Direction::Last,
                part: None,
            }),
        };
        assert_eq!(value(day_before), "2025-02-13");
        let week = Spec::Relative {
            unit: Unit::Week,
            offset: -1,
        };
        assert_eq!(value(week), "2025-W07");
        let jan20 = Spec::MonthDay {
            month: 1,
            day: 20,
            year: None,
        };
        assert_eq!(value(jan20), "2025-01-20");
        let ago = Spec::Ago {
            amount: Amount::Exact(2.0),
            unit: Unit::Year,
        };
        assert_eq!(value(ago), "2023");
        let q3 = Spec::Quarter {
            n: 3,
            year: None,
            year_offset: 0,
        };
        assert_eq!(value(q3), "2024-Q3");
    }

    #[test]
    fn bare_months_lean_to_the_past() {
        let a = NaiveDate::from_ymd_opt(1989, 10, 30);
        let month = |m| Spec::Month {
            month: m,
            year: None,
            direction: Direction::Tense,
        };
        let past = Context::default();
        let future = Context {
            future: true,
            ..Context::default()
        };
        // "bought RJR in February": eight months back, not four ahead.
        assert_eq!(month(2).resolve(a, past), "1989-02");
        // "closing is expected in December": a month or two ahead stays ahead.
        assert_eq!(month(12).resolve(a, past), "1989-12");
        assert_eq!(month(2).resolve(a, future), "1990-02");
        // "will close in September", said in late October: next September.
        assert_eq!(month(9).resolve(a, future), "1990-09");
        // A day keeps the plain nearest-date reading.
        let feb1 = Spec::MonthDay {
            month: 2,
            day: 1,
            year: None,
        };
        assert_eq!(feb1.resolve(a, past), "1990-02-01");
    }

    #[test]
    fn holidays() {
        assert_eq!(
            Holiday::Easter.date(2025),
            NaiveDate::from_ymd_opt(2025, 4, 20)
        );
        assert_eq!(
            Holiday::Thanksgiving.date(1999),
            NaiveDate::from_ymd_opt(1999, 11, 25)
        );
        assert_eq!(
            Holiday::ElectionDay.date(1998),
            NaiveDate::from_ymd_opt(1998, 11, 3)
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Amount::Exact(3.0), Unit::Year), "P3Y");
        assert_eq!(duration(Amount::Exact(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration(Amount::Vague, Unit::Month), "PXM");
        assert_eq!(duration(Amount::Vague, Unit::Century), "PXC");
        assert_eq!(duration(Amount::Vague, Unit::Decade), "PXY");
        assert_eq!(duration(Amount::Exact(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration(Amount::Exact(1.5), Unit::Minute), "PT1M30S");
    }

    #[test]
    fn shifts_story_dates() {
        assert_eq!(shift_value("1995", Unit::Year, 1).as_deref(), Some("1996"));
        assert_eq!(
            shift_value("1989-03", Unit::Month, 1).as_deref(),
            Some("1989-04")
        );
        assert_eq!(
            shift_value("1998-12-31", Unit::Day, 1).as_deref(),
            Some("1999-01-01")
        );
        assert_eq!(shift_value("1998", Unit::Month, 1), None);
    }

    #[test]
    fn no_anchor_is_underspecified() {
        let fri = Spec::Weekday {
            day: Weekday::Fri,
            direction: Direction::Tense,
            part: None,
        };
        assert_eq!(fri.resolve(None, Context::default()), "XXXX-WXX-5");
    }
}
