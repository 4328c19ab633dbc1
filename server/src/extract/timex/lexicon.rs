//! Closed-class vocabulary: month, weekday, season and number words, and the
//! regex fragments that recognise them. Rules compose their patterns from these
//! fragments so that every rule agrees on the vocabulary.

use chrono::Weekday;

/// Month names, full or abbreviated with a period ("Sept."). Bare three-letter
/// abbreviations are left out: "Mar", "Jun" and "Dec" are names in news text.
pub const MONTH: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)";

/// Weekday names.
pub const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

/// Seasons; "fall" needs context, so rules only use it after a determiner.
pub const SEASON: &str = r"(?:spring|summer|fall|autumn|winter)";

/// Parts of the day that TimeML normalises to MO/AF/EV/NI.
pub const DAY_PART: &str = r"(?:morning|afternoon|evening|night)";

/// Cardinal numbers up to the hundreds, as digits or words, plus the vague
/// quantifiers that yield an "X" amount.
pub const NUMBER: &str = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|one\s+hundred|a\s+half|an?|several|a\s+few|few|a\s+couple\s+of|a\s+couple|couple\s+of|many|some|a\s+number\s+of|dozens\s+of)";

/// Decades written as words ("the nineties").
pub const SPELLED_DECADE: &str =
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)";

/// The decade digit of a spelled decade ("nineties" -> 9).
pub fn spelled_decade(word: &str) -> Option<i32> {
    const NAMES: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    let w = word.to_ascii_lowercase();
    NAMES.iter().position(|n| *n == w).map(|i| i as i32 + 2)
}

/// Ordinals used for quarters, halves and centuries.
pub const ORDINAL: &str = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";

/// Days of the month as spelled ordinals ("March eighth", "the twenty-first of May").
pub const SPELLED_DAY: &str = r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

/// The day number of a match of [`SPELLED_DAY`].
pub fn spelled_day(text: &str) -> Option<u32> {
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let t = text.to_ascii_lowercase();
    let (tens, unit) = match t.split_once([' ', '-']) {
        Some((tens, unit)) => (if tens == "thirty" { 30 } else { 20 }, unit.trim()),
        None if t == "thirtieth" => return Some(30),
        None => (0, t.as_str()),
    };
    let n = ORDINALS.iter().position(|o| *o == unit)? as u32 + 1;
    (tens == 0 || n < 10).then_some(tens + n)
}

/// Years written as words, as broadcast transcripts do ("nineteen ninety-six").
pub const SPELLED_YEAR: &str = r"(?:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)";

/// A quantity in a duration or an offset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A known count, possibly fractional ("5 1/2").
    Exact(f64),
    /// "several", "a few", "many": TimeML writes X.
    Vague,
}

/// The month number of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = w.get(..3)?;
    NAMES
        .iter()
        .position(|n| *n == prefix)
        .map(|i| i as u32 + 1)
}

/// "May" and "March" are also a verb and a noun; lowercase they are not months.
pub fn is_plausible_month(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let ambiguous = lower == "may" || lower == "march";
    !ambiguous || word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The weekday of a weekday name.
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// TimeML's season code ("SP", "SU", "FA", "WI").
pub fn season_code(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TimeML's day-part code.
pub fn day_part_code(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "tonight" | "overnight" => "NI",
        _ => return None,
    })
}

/// 1-4 for an ordinal word or numeral.
pub fn ordinal(word: &str) -> Option<u32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

fn unit_word(word: &str) -> Option<u32> {
    Some(match word {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// Sums the words of a spelled number below a thousand ("twenty-five").
fn spelled(text: &str) -> Option<u32> {
    let mut total = 0;
    for word in text.split(|c: char| c.is_whitespace() || c == '-') {
        if word.is_empty() || word == "and" {
            continue;
        }
        let v = unit_word(word)?;
        total = if v == 100 {
            total.max(1) * 100
        } else {
            total + v
        };
    }
    Some(total)
}

/// Parses a match of [`NUMBER`].
pub fn amount(text: &str) -> Option<Amount> {
    let t = text.to_ascii_lowercase();
    let t = t.trim();
    if let Some(whole) = t.strip_suffix("1/2") {
        let whole: f64 = whole.trim().parse().ok()?;
        return Some(Amount::Exact(whole + 0.5));
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return t.replace(',', "").parse().ok().map(Amount::Exact);
    }
    if t == "a half" {
        return Some(Amount::Exact(0.5));
    }
    if t.contains("couple") {
        return Some(Amount::Exact(2.0));
    }
    match spelled(t) {
        Some(n) => Some(Amount::Exact(f64::from(n))),
        None => Some(Amount::Vague),
    }
}

/// Parses a match of [`SPELLED_YEAR`].
pub fn spelled_year(text: &str) -> Option<i32> {
    let t = text.to_ascii_lowercase();
    if let Some(rest) = t.strip_prefix("two thousand") {
        return Some(2000 + spelled(rest).unwrap_or(0) as i32);
    }
    let rest = t.strip_prefix("nineteen")?;
    Some(1900 + spelled(rest)? as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_years() {
        assert_eq!(amount("twenty-five"), Some(Amount::Exact(25.0)));
        assert_eq!(amount("5 1/2"), Some(Amount::Exact(5.5)));
        assert_eq!(amount("1,000"), Some(Amount::Exact(1000.0)));
        assert_eq!(amount("several"), Some(Amount::Vague));
        assert_eq!(amount("a couple of"), Some(Amount::Exact(2.0)));
        assert_eq!(spelled_year("nineteen ninety-six"), Some(1996));
        assert_eq!(spelled_year("two thousand"), Some(2000));
        assert_eq!(month_number("Sept."), Some(9));
        assert!(!is_plausible_month("may"));
        assert_eq!(spelled_decade("Nineties"), Some(9));
        assert_eq!(spelled_day("eighth"), Some(8));
        assert_eq!(spelled_day("twenty-first"), Some(21));
        assert_eq!(spelled_day("Thirty first"), Some(31));
        assert_eq!(spelled_day("thirtieth"), Some(30));
    }
}
