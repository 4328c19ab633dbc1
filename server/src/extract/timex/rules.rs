//! The rule table: one entry per kind of expression, with its pattern, the
//! function that turns a match into a [`Spec`], and examples that a unit test
//! checks. Patterns are written with `{MONTH}`-style placeholders for the
//! shared vocabulary in [`super::lexicon`].

use super::lexicon::{self, Amount};
use super::spec::{Direction, Holiday, Spec, Unit};
use super::RuleInfo;
use regex::Captures;

/// Text around a match, for rules that must look past their own extent
/// ("$1990", "45-year-old").
pub struct Surround<'a> {
    /// Up to a few dozen bytes before the match.
    pub before: &'a str,
    /// Up to a few dozen bytes after the match.
    pub after: &'a str,
}

/// Turns a match into a spec, or rejects it.
pub type Build = fn(&Captures<'_>, &Surround<'_>) -> Option<Spec>;

/// One recognition rule.
pub struct Rule {
    /// What the tagger and its tests know about the rule.
    pub info: RuleInfo,
    /// Case-insensitive pattern with vocabulary placeholders.
    pub pattern: &'static str,
    /// Interpretation of a match.
    pub build: Build,
    /// Whether TimeML annotates what this rule finds.
    pub timeml: bool,
}

/// Expands the vocabulary placeholders of a rule pattern.
pub fn expand(pattern: &str) -> String {
    pattern
        .replace("{MONTH}", lexicon::MONTH)
        .replace("{WEEKDAY}", lexicon::WEEKDAY)
        .replace("{SEASON}", lexicon::SEASON)
        .replace("{PART}", lexicon::DAY_PART)
        .replace("{NUM}", lexicon::NUMBER)
        .replace("{ORD}", lexicon::ORDINAL)
        .replace("{SYEAR}", lexicon::SPELLED_YEAR)
        .replace("{SDAY}", lexicon::SPELLED_DAY)
        .replace("{SDECADE}", lexicon::SPELLED_DECADE)
        .replace("{UNIT}", UNIT)
        .replace("{MOD}", MODIFIER)
}

/// Unit nouns of durations and offsets.
const UNIT: &str =
    r"(?:(?:second|minute|hour|day|week|weekend|month|quarter|year|decade)s?|century|centuries)";

/// Approximators TimeML keeps inside the extent ("about", "nearly").
/// "about", "over" and "only" stay outside: TimeBank mostly leaves them out.
const MODIFIER: &str = r"(?:(?:nearly|almost|some|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|at\s+least|roughly|up\s+to|as\s+many\s+as|as\s+long\s+as|upwards\s+of|another|an\s+additional|a\s+further|each\s+of)\s+)";

fn text<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn lower(c: &Captures<'_>, name: &str) -> Option<String> {
    text(c, name).map(|s| s.to_ascii_lowercase())
}

/// A year in the range news text talks about.
fn year_number(s: &str) -> Option<i32> {
    let y = s.parse().ok().or_else(|| lexicon::spelled_year(s))?;
    (1000..=2199).contains(&y).then_some(y)
}

/// An offset from "last", "this", "next" and their paraphrases.
fn offset(word: &str) -> i32 {
    let w = word.to_ascii_lowercase();
    if w.contains("last") || w.contains("past") || w.contains("previous") || w.contains("prior") {
        -1
    } else if w.contains("next") || w.contains("coming") || w.contains("following") {
        1
    } else {
        0
    }
}

fn direction(word: Option<&str>) -> Direction {
    match word.map(offset) {
        None => Direction::Tense,
        Some(-1) => Direction::Last,
        Some(1) => Direction::Next,
        Some(_) => Direction::This,
    }
}

/// The letters right before the match, past any spaces ("in" in "in the morning",
/// "for" in "for some time"); empty after other punctuation.
fn word_before<'a>(s: &Surround<'a>) -> &'a str {
    s.before
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
}

/// Capitalised "March" and "May" also start names ("the March for Life").
fn is_event_name(s: &Surround<'_>) -> bool {
    let after = s.after.to_ascii_lowercase();
    // "in December for health reasons" is a date; "the March for Life" is a
    // name, which the capital after "for" gives away.
    let named_for = s
        .after
        .strip_prefix(" for ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
    named_for
        || [" of the", " on ", " against", " madness"]
            .iter()
            .any(|w| after.starts_with(w))
}

fn month(c: &Captures<'_>, name: &str) -> Option<u32> {
    let word = text(c, name)?;
    lexicon::is_plausible_month(word)
        .then(|| lexicon::month_number(word))
        .flatten()
}

/// A number is no year or count of time units when it is money, a percentage
/// or part of a larger figure, as its adjacent characters show.
fn is_quantity(s: &Surround<'_>) -> bool {
    let (before, after) = (s.before, s.after);
    let digit_before = |suffix: char| {
        before
            .strip_suffix(suffix)
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    };
    before.ends_with(['$', '#', '/'])
        || digit_before('-')
        || digit_before('.')
        || digit_before(',')
        || before.ends_with(|c: char| c.is_ascii_digit())
        || after.starts_with(['%', '/'])
        || after.starts_with("-")
        || after.trim_start().starts_with("percent")
        || after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

fn build_month_day(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "March third-quarter": the ordinal belongs to the quarter.
    if c.name("sday").is_some() && s.after.starts_with('-') {
        return None;
    }
    let month = month(c, "month")?;
    let day: u32 = match text(c, "day") {
        Some(d) => d.parse().ok()?,
        None => lexicon::spelled_day(text(c, "sday")?)?,
    };
    let year = text(c, "year").and_then(year_number);
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Some(Spec::MonthDay { month, day, year })
}

/// "the next morning", "the following night": the day after (or before)
/// the date the story last named; TimeBank dates it as the day.
fn build_story_part_of_day(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Shifted {
        unit: Unit::Day,
        offset: offset(text(c, "rel")?),
    })
}

/// "by mid-afternoon": a part of the publication day.
fn build_mid_part(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::DayOffset {
        days: 0,
        part: Some(lexicon::day_part_code(text(c, "part")?)?),
    })
}

/// "placed orders in the morning": a part of the day the story last named, after "in"
/// (TimeML leaves "in" out). Not a part named for something else ("the morning
/// session", "the evening news"), nor one a phrase dates ("the morning of Jan. 5").
fn build_in_the_part(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let after_in = word_before(s).eq_ignore_ascii_case("in");
    let next = s
        .after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let named = matches!(
        next.as_str(),
        "of" | "session"
            | "sessions"
            | "news"
            | "paper"
            | "papers"
            | "show"
            | "edition"
            | "trading"
            | "rush"
            | "commute"
            | "hours"
            | "meeting"
            | "service"
            | "prayers"
            | "shift"
    );
    if !after_in || named {
        return None;
    }
    Some(Spec::StoryDayPart(lexicon::day_part_code(text(
        c, "part",
    )?)?))
}

/// "2013-02-13" and, in American order, "2/13/2013" or "2/13/13".
fn build_numeric_date(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "2/13/2013/7" or "12/3/4 1/2" are numbers, not dates.
    if s.after.starts_with(['/', '-']) || s.before.ends_with(['/', '-', '$']) {
        return None;
    }
    let (y, m, d) = match (text(c, "iy"), text(c, "uy")) {
        (Some(y), _) => (y.parse().ok()?, text(c, "im")?, text(c, "id")?),
        (None, Some(y)) => {
            let y: i32 = y.parse().ok()?;
            // Two-digit years: news of this and the last century.
            let y = match y {
                0..=49 => 2000 + y,
                50..=99 => 1900 + y,
                _ => y,
            };
            (y, text(c, "um")?, text(c, "ud")?)
        }
        _ => return None,
    };
    let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(y, month, day)?;
    Some(Spec::MonthDay {
        month,
        day,
        year: Some(y),
    })
}

fn build_week_of(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    Some(Spec::WeekOf(Box::new(build_month_day(c, s)?)))
}

fn build_month(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    if text(c, "year").is_none() && is_event_name(s) {
        return None;
    }
    Some(Spec::Month {
        month: month(c, "month")?,
        year: text(c, "year").and_then(year_number),
        direction: Direction::Tense,
    })
}

fn build_year(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    if is_quantity(s) {
        return None;
    }
    Some(Spec::Year(year_number(text(c, "year")?)?))
}

fn build_decade(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    if let Some(w) = text(c, "spelled") {
        return Some(Spec::Decade(190 + lexicon::spelled_decade(w)?));
    }
    if let Some(d) = text(c, "dec") {
        return Some(Spec::Decade(d.parse::<i32>().ok()? / 10));
    }
    // "the '80s": the century is the 20th in news of the last decades.
    let short: i32 = text(c, "short")?.parse().ok()?;
    Some(Spec::Decade(190 + short / 10))
}

fn build_century(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    let n: i32 = text(c, "n")?.parse().ok()?;
    (1..=22).contains(&n).then_some(Spec::Century(n - 1))
}

fn build_weekday(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "on Monday and Tuesday nights": the plural part belongs to both days,
    // which recur every week.
    if c.name("part").is_none() && c.name("rel").is_none() && c.name("prev").is_none() {
        if let Some(part) = coordinated_weekly_part(s.after) {
            return weekday_set(text(c, "wd")?, Some(part));
        }
    }
    let weekday = build_plain_weekday(c, s)?;
    // "the previous Friday" is the one before the Friday the story is at,
    // which in news is the last one; "the day before last Tuesday" counts
    // a day from the weekday.
    let previous =
        lower(c, "prev").is_some_and(|w| w.contains("previous") || w.contains("preceding"));
    let weekday = if previous {
        Spec::DayShift {
            days: -7,
            of: Box::new(weekday),
        }
    } else {
        weekday
    };
    Some(match lower(c, "shift") {
        Some(w) => Spec::DayShift {
            days: if w.contains("before") { -1 } else { 1 },
            of: Box::new(weekday),
        },
        None => weekday,
    })
}

/// The plural part of the day in "[Monday] and Tuesday nights", read from
/// the text after the first weekday.
fn coordinated_weekly_part(after: &str) -> Option<&str> {
    let rest = after
        .strip_prefix(" and ")
        .or_else(|| after.strip_prefix(" or "))?;
    let mut words = rest.split(' ');
    let day = words.next()?;
    // Whole names only: chrono also reads "Tue".
    let is_weekday =
        day.parse::<chrono::Weekday>().is_ok() && day.to_ascii_lowercase().ends_with("day");
    let part = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    let plural = part
        .strip_suffix('s')
        .is_some_and(|p| lexicon::day_part_code(p).is_some());
    (is_weekday && plural).then_some(part)
}

fn build_plain_weekday(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    // TimeBank writes an evening into the value but mostly dates a morning
    // or a night as the day (often leaving "night" out of the extent); an
    // afternoon, which it never pairs with a weekday, keeps its part as
    // "this afternoon" does (TimeML's TAF).
    let part = text(c, "part")
        .and_then(lexicon::day_part_code)
        .filter(|p| matches!(*p, "EV" | "AF"));
    Some(Spec::Weekday {
        day: lexicon::weekday(text(c, "wd")?)?,
        direction: if c.name("prev").is_some() {
            Direction::Last
        } else {
            direction(text(c, "rel"))
        },
        part,
    })
}

fn day_offset(word: &str) -> Option<i64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "today" | "tonight" | "this" => 0,
        "yesterday" | "last" => -1,
        "tomorrow" => 1,
        _ => return None,
    })
}

fn build_deictic_day(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "the people of tomorrow", "many of today's computers": after "of" the
    // word means an era, not a day.
    if s.before.to_ascii_lowercase().ends_with(" of ") {
        return None;
    }
    // "in today's world", "for today's youth": the present era, which
    // TimeML leaves untagged, unlike "today's editions".
    let after = s.after.to_ascii_lowercase();
    if let Some(rest) = after
        .strip_prefix("'s ")
        .or(after.strip_prefix("\u{2019}s "))
    {
        let noun = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        if ERA_NOUNS.contains(&noun) {
            return None;
        }
    }
    let word = text(c, "w")?;
    // "USA Today", "VOA Today": a capitalised "Today" after an acronym is a
    // name.
    let acronym = s
        .before
        .strip_suffix(' ')
        .and_then(|b| b.split(|c: char| !c.is_ascii_alphanumeric()).next_back())
        .is_some_and(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()));
    if word == "Today" && acronym {
        return None;
    }
    let part = text(c, "part")
        .or(text(c, "pre"))
        .or((word.eq_ignore_ascii_case("tonight")).then_some("night"))
        .and_then(lexicon::day_part_code);
    Some(Spec::DayOffset {
        days: day_offset(word)?,
        part,
    })
}

/// Nouns after "today's" or "tomorrow's" that make it an era, not a day.
const ERA_NOUNS: [&str; 10] = [
    "world",
    "youth",
    "society",
    "generation",
    "young",
    "children",
    "kids",
    "standards",
    "economy",
    "culture",
];

fn build_part_of_day(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::DayOffset {
        days: day_offset(text(c, "rel")?)?,
        part: Some(lexicon::day_part_code(text(c, "part")?)?),
    })
}

fn build_relative(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Relative {
        unit: Unit::parse(text(c, "unit")?)?,
        offset: text(c, "rel").map_or(0, offset),
    })
}

fn build_ago(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Ago {
        amount: lexicon::amount(text(c, "num")?)?,
        unit: Unit::parse(text(c, "unit")?)?,
    })
}

fn build_year_ago(_: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Ago {
        amount: Amount::Exact(1.0),
        unit: Unit::Year,
    })
}

fn build_quarter(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    let n = lexicon::ordinal(text(c, "ord").or(text(c, "ord2"))?)?;
    // "next year's first quarter", "the fourth quarter of last year": the
    // year is counted from the anchor's, whichever quarter it is now.
    let when = lower(c, "when").unwrap_or_default();
    if let Some(rel) = lower(c, "rely").or(when.strip_suffix(" year's").map(str::to_string)) {
        return Some(Spec::QuarterOfRelativeYear {
            n,
            offset: offset(&rel),
        });
    }
    let year_offset = match lower(c, "when") {
        Some(w) if w.contains("next") => 1,
        Some(w) if w.contains("ago") || w.contains("earlier") || w.contains("last") => -1,
        _ => 0,
    };
    let year = text(c, "year").or(text(c, "year2")).and_then(year_number);
    Some(Spec::Quarter {
        n,
        year,
        year_offset,
    })
}

fn build_reported_quarter(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "quarter-to-quarter" compares, it does not name a quarter.
    if s.after.starts_with('-') {
        return None;
    }
    let adj = lower(c, "adj").or(lower(c, "adj2")).unwrap_or_default();
    let a_year_back = c.name("ago").is_some() || c.name("ly").is_some();
    // "the same period" compares with something the text names elsewhere;
    // only "a year ago" or "last year" says which.
    if ["same", "corresponding", "comparable"].contains(&adj.as_str()) && !a_year_back {
        return None;
    }
    let year_offset = if a_year_back || adj.contains("ago") || adj.contains("earlier") {
        -1
    } else {
        0
    };
    Some(Spec::ReportedQuarter {
        year: year_number(&adj),
        year_offset,
    })
}

fn build_half(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let year = text(c, "year").or(text(c, "y2")).and_then(year_number);
    // "the first half of the game" is no calendar period.
    if year.is_none() && c.name("rel").is_none() && s.after.starts_with(" of") {
        return None;
    }
    // "the first two quarters of 1990" is its first half.
    let which = lower(c, "which").or_else(|| lower(c, "two"))?;
    Some(Spec::Half {
        n: if which == "first" || which == "front" {
            1
        } else {
            2
        },
        year,
        offset: text(c, "rel").map_or(0, offset),
    })
}

fn build_the_year(_: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let after = s.after.to_ascii_lowercase();
    // "the year-earlier figure" belongs to the year_ago rule.
    if after.starts_with('-') {
        return None;
    }
    // "the year ended June 30" is a fiscal period, a duration in TimeML.
    if after.starts_with(" ended") || after.starts_with(" ending") {
        return Some(Spec::Duration {
            amount: Amount::Exact(1.0),
            unit: Unit::Year,
        });
    }
    Some(Spec::Relative {
        unit: Unit::Year,
        offset: 0,
    })
}

fn build_year_end(_: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Relative {
        unit: Unit::Year,
        offset: 0,
    })
}

fn build_holiday(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    let name = lower(c, "name")?;
    let whole = c.get(0)?.as_str().to_ascii_lowercase();
    let holiday = match name.split_whitespace().next()? {
        "thanksgiving" => Holiday::Thanksgiving,
        "christmas" if whole.ends_with("eve") => Holiday::Fixed(12, 24),
        "christmas" => Holiday::Fixed(12, 25),
        "new" if whole.ends_with("eve") => Holiday::Fixed(12, 31),
        "new" => Holiday::Fixed(1, 1),
        "easter" => Holiday::Easter,
        "independence" => Holiday::Fixed(7, 4),
        "election" => Holiday::ElectionDay,
        "labor" => Holiday::LaborDay,
        "memorial" => Holiday::MemorialDay,
        "veterans" => Holiday::Fixed(11, 11),
        "halloween" => Holiday::Fixed(10, 31),
        _ => Holiday::Fixed(2, 14),
    };
    let day = Spec::Holiday {
        holiday,
        year: text(c, "year").and_then(year_number),
        direction: direction(text(c, "rel")),
    };
    // "Easter week", "Thanksgiving week": the calendar week of the holiday.
    Some(if whole.ends_with("week") {
        Spec::WeekOf(Box::new(day))
    } else {
        day
    })
}

fn build_season(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    let year = text(c, "year").and_then(year_number);
    let rel = text(c, "rel");
    // A bare season word is too often something else ("spring" water, "fall").
    if year.is_none() && rel.is_none() {
        return None;
    }
    Some(Spec::Season {
        code: lexicon::season_code(text(c, "season")?)?,
        year,
        offset: rel.map_or(0, offset),
    })
}

fn build_fuzzy(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let word = c.get(0)?.as_str().to_ascii_lowercase();
    let after = s.after.to_ascii_lowercase();
    // "as soon as", "shortly before the merger": a conjunction, not a time.
    if (word == "soon" || word == "shortly")
        && (s.before.ends_with("as ")
            || [" after", " before", " as", " thereafter"]
                .iter()
                .any(|w| after.starts_with(w)))
    {
        return None;
    }
    // "a trickle that soon became a flood": in narrative past, "soon" is
    // soon after the story's events, not soon after publication.
    let next_word = after.split_whitespace().next().unwrap_or("");
    if word == "soon"
        && (next_word.ends_with("ed") || ["became", "began", "was", "were"].contains(&next_word))
    {
        return None;
    }
    // "the past three summers": the phrase goes on to a count of periods
    // that no rule reads, and "the past" alone would misname it.
    if word == "the past" {
        let next = after.split_whitespace().next().unwrap_or("");
        let count = next.starts_with(|c: char| c.is_ascii_digit())
            || ["few", "several", "many", "couple"].contains(&next)
            || (next.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                && matches!(lexicon::amount(next), Some(Amount::Exact(_))));
        if count && !["", "a", "an"].contains(&next) {
            return None;
        }
    }
    // "most recently last October": the adverb only leads up to the date
    // after it, which is tagged on its own.
    if word == "recently" && s.before.to_ascii_lowercase().ends_with("most ") {
        let next = s.after.trim_start_matches([' ', ',']);
        let next = next.split_whitespace().next().unwrap_or("");
        let lower = next.to_ascii_lowercase();
        // A capitalised month or weekday name ("in October", "on Friday"
        // are caught by the prepositions).
        let name = next.starts_with(|c: char| c.is_ascii_uppercase())
            && (lexicon::month_number(next).is_some() || lexicon::weekday(next).is_some());
        let dated = ["last", "this", "in", "on", "yesterday", "today"].contains(&lower.as_str())
            || next.starts_with(|c: char| c.is_ascii_digit())
            || name;
        if dated {
            return None;
        }
    }
    // "the future of our peoples" is a fate, not a time.
    if word.ends_with("future") && after.starts_with(" of ") {
        return None;
    }
    // "Now, he says, ..." opening a sentence is a discourse marker that
    // moves the story on; TimeBank leaves it (and "Currently, ...") out.
    let sentence_start = s
        .before
        .trim_end()
        .ends_with(['.', '!', '?', '"', '`', '\'', '\n'])
        || s.before.trim().is_empty();
    if (word == "now" || word == "currently") && after.starts_with(',') && sentence_start {
        return None;
    }
    Some(Spec::Literal(if c.name("present").is_some() {
        "PRESENT_REF"
    } else if c.name("past").is_some() {
        "PAST_REF"
    } else {
        "FUTURE_REF"
    }))
}

fn build_duration(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let after = s.after.to_ascii_lowercase();
    // "45-year-old" is an age, which TimeML does not annotate.
    if after.starts_with("-old") || after.starts_with(" old") || is_quantity(s) {
        return None;
    }
    let num = lower(c, "num")?;
    // A capitalised unit after a numeral is a title: CBS's "60 Minutes".
    let unit_word = text(c, "unit")?;
    if unit_word.starts_with(|c: char| c.is_ascii_uppercase())
        && num.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let unit = Unit::parse(unit_word)?;
    // "a decades-long battle", "an hour-long speech": "a" belongs to the
    // noun, not to the unit.
    let plural = text(c, "unit")?.to_ascii_lowercase().ends_with('s');
    let adjective = c.get(0)?.as_str().to_ascii_lowercase().ends_with("long");
    if (plural || adjective) && ["a", "an", "one"].contains(&num.as_str()) {
        return None;
    }
    // "Islam will one day be": an unspecified future moment, not a length.
    let modal = ["will", "would", "could", "might", "may", "can", "shall"];
    let last_word = s.before.split_whitespace().last().unwrap_or("");
    // "On a day rich in symbolism": some day, not a length of time.
    if last_word.eq_ignore_ascii_case("on")
        && ["a", "an", "one"].contains(&num.as_str())
        && matches!(unit, Unit::Day)
    {
        return None;
    }
    if c.get(0)?.as_str().eq_ignore_ascii_case("one day")
        && modal.iter().any(|m| last_word.eq_ignore_ascii_case(m))
    {
        return Some(Spec::Literal("FUTURE_REF"));
    }
    // An adjective ("the two-week delay") leaves its determiner outside.
    if text(c, "det").is_some_and(|d| d.trim().eq_ignore_ascii_case("the"))
        && text(c, "sep") == Some("-")
    {
        return None;
    }
    // "three-quarters of", "a second group": fractions and ordinals; a
    // vague count ("several quarters of losses") is no fraction.
    let fraction = matches!(lexicon::amount(&num), Some(Amount::Exact(n)) if n <= 4.0);
    if (unit == Unit::Quarter && fraction && after.starts_with(" of"))
        || (unit == Unit::Second && (num == "a" || num == "one"))
    {
        return None;
    }
    // "$5 a year", "700 seats a week" are rates, which TimeBank mostly leaves
    // untagged; "three times a year" is a recurrence.
    if (num == "a" || num == "an") && c.name("det").is_none() {
        let before = s.before.to_ascii_lowercase();
        let mut words = before.split_whitespace().rev();
        let (last, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        if ["times", "twice", "once"].contains(&last) {
            return Some(Spec::Literal(set_value(unit)?));
        }
        let quantity = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || (!["", "a", "an"].contains(&w)
                    && matches!(lexicon::amount(w), Some(Amount::Exact(_))))
                || [
                    "hundred", "thousand", "million", "billion", "cents", "dollars",
                ]
                .contains(&w)
        };
        if quantity(last) || (quantity(second) && last.ends_with('s')) {
            return None;
        }
    }
    // "a minute and a half": the half comes after the unit.
    // "two and a half years" likewise, with the half before the unit.
    let half = c.name("half").or(c.name("and_half"));
    let amount = match (lexicon::amount(&num)?, half) {
        (Amount::Exact(n), Some(_)) => Amount::Exact(n + 0.5),
        (amount, _) => amount,
    };
    Some(Spec::Duration { amount, unit })
}

fn set_value(unit: Unit) -> Option<&'static str> {
    Some(match unit {
        Unit::Hour => "PT1H",
        Unit::Day => "P1D",
        Unit::Week => "P1W",
        Unit::Month => "P1M",
        Unit::Quarter => "P1Q",
        Unit::Year => "P1Y",
        _ => return None,
    })
}

fn build_bare_duration(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let before = s.before.trim_end().to_ascii_lowercase();
    let unit = Unit::parse(text(c, "unit")?)?;
    // "in the weeks before the shooting" dates the event to the story's
    // month, as TimeBank annotates it.
    let story_relative = [" before", " after", " following", " leading up"]
        .iter()
        .any(|w| s.after.starts_with(w));
    if c.name("q").is_none()
        && story_relative
        && before.ends_with("the")
        && matches!(unit, Unit::Day | Unit::Week | Unit::Month)
    {
        return Some(Spec::Anaphor(Some(Unit::Month)));
    }
    // "in recent years", "in past years": TimeBank dates the open stretch
    // of years up to the present as the past (DATE PAST_REF); shorter
    // units ("recent months") and "the past years" stay durations.
    let q = lower(c, "q").unwrap_or_default();
    if unit == Unit::Year && c.name("adj").is_none() && ["recent", "past"].contains(&q.trim()) {
        return Some(Spec::Literal("PAST_REF"));
    }
    // Alone, "years" is a duration only as the object of a time preposition.
    let prepositions = [
        "for", "in", "within", "over", "after", "took", "lasted", "than",
    ];
    // "over the years", "in the decades since": long spans take "the" too.
    let governed = |b: &str| prepositions.iter().any(|p| b.ends_with(p));
    let after_the = matches!(unit, Unit::Year | Unit::Decade)
        && before
            .strip_suffix("the")
            .is_some_and(|b| governed(b.trim_end()));
    // "a decades-long battle" carries its own length.
    if c.name("q").is_none() && c.name("adj").is_none() && !governed(&before) && !after_the {
        return None;
    }
    Some(Spec::Duration {
        amount: Amount::Vague,
        unit,
    })
}

fn build_unit_long(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    Some(Spec::Duration {
        amount: Amount::Exact(1.0),
        unit: Unit::parse(text(c, "unit")?)?,
    })
}

fn build_nth_day(_: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "Today is the eighth day of the siege", "It's the second day of an
    // offensive": counted days of an ongoing event are the day of writing,
    // when the sentence says so; otherwise the day is not known.
    let before = s
        .before
        .trim_end()
        .to_ascii_lowercase()
        .replace('\u{2019}', "'");
    let today = ["today is", "it's", "it is", "this is", "today marks"]
        .iter()
        .any(|w| before.ends_with(w));
    today.then_some(Spec::DayOffset {
        days: 0,
        part: None,
    })
}

fn build_ahead_duration(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "the weeks ahead of the vote" looks up to an event, not a span.
    if s.after.trim_start().to_ascii_lowercase().starts_with("of ") {
        return None;
    }
    Some(Spec::Duration {
        amount: Amount::Vague,
        unit: Unit::parse(text(c, "unit")?)?,
    })
}

fn build_vague_duration(_: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // Only as the object of a time preposition or verb is "some time" a
    // length; "some time ago" and "at some time" are points.
    let heads = [
        "for", "after", "within", "took", "take", "takes", "lasted", "last",
    ];
    let last_word = word_before(s);
    heads
        .iter()
        .any(|h| last_word.eq_ignore_ascii_case(h))
        .then_some(Spec::VagueDuration)
}

fn build_set(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "each July": the month recurs every year.
    if c.name("month").is_some() {
        const MONTHS: [&str; 12] = [
            "XXXX-01", "XXXX-02", "XXXX-03", "XXXX-04", "XXXX-05", "XXXX-06", "XXXX-07", "XXXX-08",
            "XXXX-09", "XXXX-10", "XXXX-11", "XXXX-12",
        ];
        let m = month(c, "month")?;
        return Some(Spec::Literal(MONTHS[(m - 1) as usize]));
    }
    let word = lower(c, "adv").or_else(|| lower(c, "unit"))?;
    // "average daily volume" is a measure per day, not a recurring event.
    let before = s.before.to_ascii_lowercase();
    if before.ends_with("average ") {
        return None;
    }
    // "to rise 8.5% annually" is a growth rate, not something that recurs.
    let before = before.trim_end();
    if c.name("adv").is_some() && (before.ends_with('%') || before.ends_with("percent")) {
        return None;
    }
    let value = match word.as_str() {
        "hourly" | "hour" => "PT1H",
        "daily" | "day" | "nightly" | "night" => "P1D",
        "weekly" | "week" => "P1W",
        "monthly" | "month" => "P1M",
        "quarter" => "P1Q",
        "annually" | "yearly" | "year" => "P1Y",
        "morning" => "XXXX-XX-XXTMO",
        "evening" => "XXXX-XX-XXTEV",
        "afternoon" => "XXXX-XX-XXTAF",
        w => return weekday_set(w, None),
    };
    Some(Spec::Literal(value))
}

/// "Mondays", "Tuesday nights": the weekday (or a part of it), recurring every week.
fn weekday_set(word: &str, part: Option<&str>) -> Option<Spec> {
    let day = lexicon::weekday(word)?.number_from_monday();
    let part = match part {
        Some(p) => Some(lexicon::day_part_code(p.strip_suffix('s')?)?),
        None => None,
    };
    Some(Spec::Weekly { day, part })
}

fn build_weekday_set(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    weekday_set(text(c, "wd")?, text(c, "part"))
}

fn build_clock(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "High Noon" is a film, not a time.
    if is_quantity(s) || s.before.to_ascii_lowercase().ends_with("high ") {
        return None;
    }
    let (hour, minute) = if let Some(noon) = lower(c, "noon") {
        match noon.as_str() {
            "midnight" => (24, None),
            _ => (12, None),
        }
    } else {
        let mut hour: u32 = text(c, "h")?.parse().ok()?;
        let minute = match text(c, "m") {
            Some(m) => Some(m.parse().ok()?),
            None => None,
        };
        let ampm = lower(c, "ampm").unwrap_or_default();
        if !(1..=12).contains(&hour) || minute.is_some_and(|m| m > 59) {
            return None;
        }
        // "at 4 in the morning", "by 10 o'clock": spelled out, the hour
        // needs a time preposition, or "fell 5 in the morning" is a quantity.
        let spelled = ampm.contains(char::is_whitespace) || ampm.contains('\'');
        let heads = [
            "at", "by", "until", "till", "before", "after", "around", "about", "from", "since",
        ];
        let last = s.before.split_whitespace().last().unwrap_or("");
        if spelled && !heads.iter().any(|h| last.eq_ignore_ascii_case(h)) {
            return None;
        }
        let pm = if spelled {
            ampm.contains("afternoon")
                || ampm.contains("evening")
                || (ampm.contains("night") && hour >= 6)
        } else {
            ampm.starts_with('p')
        };
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
        (hour, minute)
    };
    let day = if let Some(wd) = text(c, "wd") {
        Some(Box::new(Spec::Weekday {
            day: lexicon::weekday(wd)?,
            direction: Direction::Tense,
            part: None,
        }))
    } else if let Some(d) = text(c, "dd") {
        Some(Box::new(Spec::DayOffset {
            days: day_offset(d)?,
            part: None,
        }))
    } else if c.name("month").is_some() {
        Some(Box::new(build_month_day(c, s)?))
    } else {
        None
    };
    Some(Spec::Clock { hour, minute, day })
}

/// "The day before, she had said ...": set off on its own (before a comma or the end of
/// the sentence), the day before or after the last date the story named. With an object
/// ("the day before his death") it names another event's day, left untagged.
fn build_story_before_after(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    if !s.after.starts_with([',', '.', ';']) {
        return None;
    }
    let unit = Unit::parse(text(c, "unit")?)?;
    let offset = if matches!(
        text(c, "dir")?.to_ascii_lowercase().as_str(),
        "before" | "earlier"
    ) {
        -1
    } else {
        1
    };
    Some(Spec::Shifted { unit, offset })
}

fn build_anaphor(c: &Captures<'_>, _: &Surround<'_>) -> Option<Spec> {
    // Parts of a day keep the day: "that morning" is dated, not timed.
    let unit = text(c, "unit").map(|u| Unit::parse(u).unwrap_or(Unit::Day));
    Some(Spec::Anaphor(unit))
}

macro_rules! rule {
    ($id:literal, $timeml:expr, $pattern:expr, $build:expr, [$($pos:literal),* $(,)?], [$($neg:literal),* $(,)?]) => {
        Rule {
            info: RuleInfo { id: $id, positives: &[$($pos),*], negatives: &[$($neg),*] },
            pattern: $pattern,
            build: $build,
            timeml: $timeml,
        }
    };
}

/// Modifiers of a point in time that TimeML keeps in the extent.
macro_rules! point_mod {
    () => {
        r"(?:(?:early|late|mid|earlier|later|the\s+(?:middle|end|beginning|start)\s+of)[\s-]*)?"
    };
}

/// All rules. At each position the longest match wins; ties go to the rule
/// listed first.
pub static RULES: &[Rule] = &[
    rule!(
        "month_day",
        true,
        concat!(
            r"\b",
            point_mod!(),
            r"(?:(?:(?:this\s+coming|this\s+past|this|next|last|coming|past)\s+)?(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s*(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|\s(?P<sday>{SDAY}))\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
        ),
        build_month_day,
        [
            "Jan. 20",
            "Friday, Oct. 23",
            "this coming Sunday, March eighth",
            "Aug. 7, 1998",
            "late March 3",
            "March eighth",
            "May twenty-first"
        ],
        ["may 5 people", "Jan. 45", "[March third]-quarter"]
    ),
    rule!(
        "week_of",
        true,
        r"\bthe\s+week\s+of\s+(?P<month>{MONTH})\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?",
        build_week_of,
        ["the week of March 6", "the week of Jan. 7, 2013"],
        ["the week of March", "the weekend of March 6"]
    ),
    rule!(
        "numeric_date",
        true,
        r"\b(?:(?P<iy>(?:1[89]|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)|(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>(?:1[89]|20)\d\d|\d\d))\b",
        build_numeric_date,
        ["2013-02-13", "2/13/2013", "on [02/13/13]"],
        ["1/2", "2013-13-45", "13/2/2013", "[2/13/2013]/7"]
    ),
    rule!(
        "day_month",
        true,
        r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?|(?:the\s+)?(?P<sday>{SDAY})\s+of\s+)(?P<month>{MONTH})(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?",
        build_month_day,
        ["20 January 2025", "3rd of March", "the eighth of March"],
        ["40 January"]
    ),
    rule!(
        "month_year",
        true,
        concat!(
            r"\b",
            point_mod!(),
            r"(?P<month>{MONTH})(?:\s+of)?,?\s+(?P<year>(?:1[89]|20)\d\d|{SYEAR})\b"
        ),
        build_month,
        [
            "July 1997",
            "January nineteen ninety-seven",
            "early March 2020"
        ],
        ["may 1997"]
    ),
    rule!(
        "month_relative",
        true,
        concat!(
            r"\b",
            point_mod!(),
            r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+(?P<month>{MONTH})|(?P<month2>{MONTH})\s+(?P<rel2>last|this|next)\s+year\b)"
        ),
        build_month_relative,
        ["last April", "July last year"],
        ["last may", "[last Oct.] 23"]
    ),
    rule!(
        "month",
        true,
        concat!(r"\b", point_mod!(), r"(?P<month>{MONTH})"),
        build_month,
        [
            "January",
            "in [December] for health reasons",
            "late November",
            "mid-November",
            "the middle of October"
        ],
        ["you may go", "the Mayor", "the [March] for Life"]
    ),
    rule!(
        "year",
        true,
        concat!(
            r"\b",
            point_mod!(),
            r"(?:(?:the\s+)?fiscal\s+(?:year\s+)?|the\s+(?:calendar\s+)?year\s+)?(?P<year>(?:1[89]|20)\d\d)\b"
        ),
        build_year,
        [
            "2019",
            "fiscal 1989",
            "mid-1996",
            "the end of 1990",
            "the year 2000"
        ],
        ["$1990", "2019%", "1,2019"]
    ),
    rule!(
        "year_spelled",
        true,
        r"\b(?:the\s+year\s+)?(?P<year>{SYEAR})\b",
        build_year,
        ["nineteen ninety-six", "the year two thousand"],
        ["nineteen people"]
    ),
    rule!(
        "decade",
        true,
        r"(?:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<dec>(?:1[89]|20)\d0)'?s|(?:\bthe\s+)?'(?P<short>\d0)s|\bthe\s+(?:(?:early|late|mid)[\s-]*)?(?:nineteen[\s-])?(?P<spelled>{SDECADE}))\b",
        build_decade,
        ["the 1990s", "the mid-1990s", "the '80s", "the nineties"],
        ["1995s"]
    ),
    rule!(
        "century",
        true,
        r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]century\b",
        build_century,
        ["the 20th century", "11th century"],
        ["the 20th anniversary"]
    ),
    rule!(
        "weekday",
        true,
        r"\b(?P<shift>day\s+(?:before|after)\s+)?(?:(?P<prev>the\s+(?:previous|preceding))\s+|(?P<rel>last|this|next|this\s+past|this\s+coming|past|coming)\s+)?(?P<wd>{WEEKDAY})\b(?:\s+(?P<part>{PART})\b)?",
        build_weekday,
        [
            "Friday",
            "last Friday",
            "Earlier [Sunday]",
            "Friday night",
            "the previous Friday",
            "The [day before last Tuesday]'s hearing",
            "flights leave on [Monday] and Tuesday nights"
        ],
        ["Robinson Crusoe's man"]
    ),
    rule!(
        "deictic_day",
        true,
        r"\b(?:(?:early|late|earlier|later)\s+|(?:mid|early|late)[\s-]?(?P<pre>morning|afternoon|evening)\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<part>{PART})\b)?",
        build_deictic_day,
        [
            "yesterday",
            "late yesterday",
            "Earlier yesterday",
            "tomorrow morning",
            "tonight",
            "in [today]'s editions",
            "at [mid-afternoon yesterday]",
            "He left. [Today] he returns.",
            "the AP said [Today]"
        ],
        [
            "todays",
            "told USA [Today]",
            "This is VOA [Today].",
            "many of [today]'s computers",
            "in [today]'s world",
            "for [today]'s youth"
        ]
    ),
    rule!(
        "story_part_of_day",
        true,
        r"\bthe\s+(?P<rel>next|following|previous)\s+(?:morning|afternoon|evening|night)\b",
        build_story_part_of_day,
        ["in court [the next morning]", "the following night"],
        ["the next mornings", "next morning"]
    ),
    rule!(
        "mid_part_of_day",
        true,
        r"\bmid[\s-]?(?P<part>morning|afternoon)\b",
        build_mid_part,
        [
            "By [mid afternoon], sources said",
            "[mid-morning]",
            "midafternoon"
        ],
        ["midmornings", "amid afternoon rain"]
    ),
    rule!(
        "in_the_part_of_day",
        true,
        r"\bthe\s+(?P<part>morning|afternoon|evening)\b",
        build_in_the_part,
        [
            "placed heavy buy orders in [the morning] to start",
            "In [the afternoon], he left."
        ],
        [
            "in the morning session",
            "on the morning of Jan. 5",
            "the morning was quiet",
            "in the evening news"
        ]
    ),
    rule!(
        "part_of_day",
        true,
        r"\b(?:(?:early|late|earlier|later)\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+(?P<part>{PART})\b",
        build_part_of_day,
        ["this morning", "last night", "later this afternoon"],
        ["this mornings"]
    ),
    rule!(
        "relative_unit",
        true,
        concat!(
            r"\b",
            point_mod!(),
            r"(?P<rel>last|this|next|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+previous|the\s+prior|the\s+following|the\s+next|the)\s+(?P<unit>week|weekend|month|quarter|year|decade|century|day)\b"
        ),
        build_relative_unit,
        [
            "last week",
            "this month",
            "next year",
            "earlier this year",
            "the weekend",
            "For [the week], the index fell",
            "the following year",
            "the previous day",
            "the next day",
            "the end of the month",
            "earlier [this week]",
            "in [the last decade]",
            "up from [the prior year]",
            "after Oct. 12, [the day] before the plunge",
            "on Monday, [the day] of the vote"
        ],
        [
            "[earlier this week]",
            "the weeks",
            "the month",
            "[the week] of March 6",
            "In 1987, [the day] of the crash",
            "the markets, [the day] before",
            "next day",
            "over [the next year]",
            "on ABC's \"[This Week]\""
        ]
    ),
    rule!(
        "ago",
        true,
        r"\b(?:{MOD})?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?(?:ago|earlier)\b",
        build_ago,
        [
            "two years ago",
            "a year earlier",
            "about [10 days ago]",
            "nearly 10 days ago",
            "a week or so ago"
        ],
        ["ago"]
    ),
    rule!(
        "year_ago",
        true,
        r"\byear[\s-](?:ago|earlier)\b",
        build_year_ago,
        ["year-ago", "year-earlier"],
        ["years ago"]
    ),
    rule!(
        "quarter",
        true,
        r"\b(?:(?:(?:the|this|last|next)\s+)?(?:(?P<when>year-ago|year-earlier|year\s+ago|comparable\s+year-ago|(?:last|this|next)\s+year's|previous|latest|current|same|(?P<year>(?:1[89]|20)\d\d))\s+)?(?:fiscal[\s-])?(?P<ord>{ORD})\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>(?:1[89]|20)\d\d)|(?P<rely>this|next|last)\s+year\b))?|(?:fiscal[\s-])?(?P<ord2>{ORD})-quarter)\b",
        build_quarter,
        [
            "the third quarter",
            "a [third-quarter] loss",
            "the year-earlier third quarter",
            "the third quarter of 1984",
            "next year's first quarter",
            "the second quarter of next year"
        ],
        ["a third of the quarter"]
    ),
    rule!(
        "half",
        true,
        r"\b(?:the\s+)?(?:(?P<which>first|second|last|latter|back|front)\s+half|(?P<two>first|last)\s+two\s+quarters)(?:\s+of\s+(?:(?P<year>(?:1[89]|20)\d\d)|(?:the\s+)?(?:fiscal\s+)?(?P<y2>(?:1[89]|20)\d\d)|(?P<rel>this|next|last)\s+year|the\s+year))?\b",
        build_half,
        [
            "the first half",
            "the last half of 1989",
            "the second half of next year",
            "the first half of the year",
            "the first two quarters of 1990"
        ],
        ["[the first half] of the game", "half"]
    ),
    rule!(
        "reported_quarter",
        true,
        r"\b(?:(?:(?:the|this|that)\s+(?:(?P<adj>latest|year-ago|year-earlier|comparable(?:\s+year-ago)?|corresponding|same|most\s+recent|recent|(?:1[89]|20)\d\d)\s+)?quarter|(?:the\s+)?(?P<adj2>latest|year-ago|year-earlier|corresponding|comparable|same|(?:1[89]|20)\d\d)\s+period)(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year))?|(?P<ly>last\s+year's)\s+(?:quarter|period))\b",
        build_reported_quarter,
        [
            "the quarter",
            "the latest quarter",
            "the year-ago period",
            "the 1988 quarter",
            "the quarter a year ago",
            "the corresponding period last year",
            "last year's quarter"
        ],
        [
            "the quarterback",
            "the quarter-to-quarter",
            "[the same period] of growth"
        ]
    ),
    rule!(
        "the_year",
        true,
        r"\bthe\s+(?:(?:full|fiscal|current|latest)\s+)*year\b",
        build_the_year,
        [
            "the year",
            "the current fiscal year",
            "[the year] ended June 30"
        ],
        ["the years", "the year-earlier"]
    ),
    rule!(
        "year_end",
        true,
        r"\b(?:year[\s-]end|year's\s+end)\b",
        build_year_end,
        ["year-end", "year's end"],
        ["yearend"]
    ),
    rule!(
        "holiday",
        true,
        r"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>thanksgiving|christmas|new\s+year's|easter|independence\s+day|election\s+day|labor\s+day|memorial\s+day|veterans\s+day|halloween|valentine's\s+day)(?:\s+(?:day|eve|sunday|week))?\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?",
        build_holiday,
        [
            "Thanksgiving Day",
            "last Thanksgiving",
            "Election Day",
            "Christmas 1998",
            "as [Easter week] began"
        ],
        ["christmastime", "[Easter weekend]"]
    ),
    rule!(
        "season",
        true,
        r"\b(?:(?:early|late|mid)[\s-]*)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|past)\s+)?(?:(?:early|late|mid)[\s-]*)?(?P<season>{SEASON})\b(?:\s+of)?(?:\s+(?P<year>(?:1[89]|20)\d\d|{SYEAR})\b)?",
        build_season,
        [
            "last fall",
            "this summer",
            "the early summer",
            "the winter of nineteen ninety-four"
        ],
        ["fall"]
    ),
    // The adjective "recent" is left out: TimeBank annotates "the recent
    // sale" less often than not, while "recently" it mostly does.
    rule!(
        "fuzzy",
        true,
        r"\b(?:(?P<present>(?:right\s+)?now|currently|current|nowadays|presently|these\s+days)|(?P<past>(?:more\s+)?recently|lately|the\s+past|then[\s-]current)|(?P<future>the\s+(?:near\s+)?future|as\s+soon\s+as\s+possible|soon|shortly|the\s+(?:near|short)\s+term|a\s+later\s+date))\b",
        build_fuzzy,
        [
            "now",
            "recently",
            "the future",
            "currently",
            "For [now], it waits",
            "as in [the past]",
            "at 50% of the [then current] market price",
            "the [then-current] chairman"
        ],
        [
            "the [then] chairman",
            "[Now], he says, it looks bad",
            "a trickle that [soon] became a flood",
            "the [recent] sale",
            "former",
            "knowledge",
            "future",
            "as soon as",
            "previously",
            "[the future] of Europe",
            "killed, most [recently] last October",
            "most [recently] in 1996",
            "for [the past] three summers",
            "for the foreseeable future"
        ]
    ),
    rule!(
        "duration",
        true,
        r"\b(?:{MOD})*(?P<det>the\s+(?:past|last|next|first|final|previous|coming|following|latest|remaining|initial|same|year-earlier|year-ago)\s+|the\s+)?(?P<num>{NUM})(?P<and_half>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?P<sep>[\s-])(?:(?:to|or)\s+{NUM}[\s-])?(?:(?:more|additional|further|consecutive|straight|full)\s+)?(?:(?:trading|business|working)\s+)?(?P<unit>{UNIT})\b(?P<half>\s+and\s+a\s+half\b)?(?:[\s-]long\b)?",
        build_duration,
        [
            "three years",
            "the past two months",
            "5 1/2 hours",
            "two-year",
            "a decade",
            "several months",
            "three times [a year]",
            "Islam will [one day] be",
            "a minute and a half",
            "the year-earlier nine months",
            "after [several quarters] of losses",
            "eight trading days",
            "two and a half years"
        ],
        [
            "45-year-old",
            "3 percent",
            "[a decades]-long battle",
            "$5 [a year]",
            "700 seats [a week]",
            "CBS's \"[60 Minutes]\"",
            "On [a day] rich in symbolism",
            "[three quarters] of the shares"
        ]
    ),
    rule!(
        "bare_duration",
        true,
        r"\b(?P<q>(?:the\s+)?(?:past|last|next|coming|recent)\s+)?(?P<unit>years|months|weeks|days|decades|quarters|hours|centuries)\b(?P<adj>-(?:long|old)\b)?",
        build_bare_duration,
        [
            "for [years]",
            "within [weeks]",
            "the past years",
            "recent months",
            "in [recent years]",
            "in [past years], too",
            "in the [weeks] before the shooting",
            "a [decades-long] battle",
            "over the [years]"
        ],
        ["many years of"]
    ),
    rule!(
        "unit_long",
        true,
        r"\b(?P<unit>hour|day|week|month|year|decade)-?long\b",
        build_unit_long,
        [
            "their third [day-long] meeting",
            "a [yearlong] inquiry",
            "an [hour-long] speech"
        ],
        ["all day long", "a [day-longer] stay"]
    ),
    rule!(
        "nth_day",
        true,
        r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day\b",
        build_nth_day,
        [
            "Today is [the eighth day] of the siege",
            "It's [the second day] of an offensive"
        ],
        [
            "on [his first day] in office",
            "[the second day] of the trial"
        ]
    ),
    rule!(
        "ahead_duration",
        true,
        r"\bthe\s+(?P<unit>days|weeks|months|years|decades)\s+(?:ahead|to\s+come)\b",
        build_ahead_duration,
        ["in [the weeks ahead]", "the years to come"],
        ["[the weeks ahead] of the vote", "[the weeks] before"]
    ),
    rule!(
        "vague_duration",
        true,
        r"\b(?:a\s+while|(?:quite\s+)?some\s+time)\b",
        build_vague_duration,
        [
            "for [a while]",
            "for [some time]",
            "after [quite some time]"
        ],
        ["[some time] ago", "at [some time]"]
    ),
    rule!(
        "set",
        true,
        r"\b(?:(?P<adv>hourly|daily|nightly|weekly|monthly|annually|yearly)|(?:every|each|per|once\s+a|twice\s+a)\s+(?P<unit>hour|day|night|week|month|quarter|year|morning|afternoon|evening|{WEEKDAY})|(?:every|each)\s+(?P<month>{MONTH}))\b",
        build_set,
        [
            "daily",
            "every day",
            "each Thursday",
            "annually",
            "each July"
        ],
        [
            "dailies",
            "the average [daily] volume",
            "to rise 8.5% [annually]"
        ]
    ),
    rule!(
        "weekday_set",
        true,
        r"\b(?P<wd>{WEEKDAY})(?:s\b|\s+(?P<part>mornings|afternoons|evenings|nights)\b)",
        build_weekday_set,
        ["Mondays", "on [Tuesday nights]", "Sunday mornings"],
        ["Monday", "[Tuesday night]", "Monday morning"]
    ),
    rule!(
        "clock",
        true,
        r"\b(?:(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m\b|(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o'clock)\b)|(?P<noon>noon|midday|midnight)\b)(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET)\b)?(?:,?\s+(?:(?P<wd>{WEEKDAY})\b|(?P<dd>today|yesterday|tomorrow)\b|(?P<month>{MONTH})\s*(?P<day>\d{1,2})\b))?",
        build_clock,
        [
            "9 a.m. Friday",
            "10:35 a.m.",
            "noon Thursday",
            "5 p.m. EST, Nov. 9",
            "at [4 in the morning]",
            "by [10 o'clock]"
        ],
        [
            "13 a.m.",
            "$5 pm",
            "High [Noon]",
            "fell [5 in the morning] session"
        ]
    ),
    rule!(
        "anaphor",
        true,
        r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|year|month|week|morning|night|evening|afternoon)\b",
        build_anaphor,
        [
            "that day",
            "the same year",
            "Earlier that day",
            "that same day"
        ],
        ["that days"]
    ),
    rule!(
        "story_day_before_after",
        false,
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)\b",
        build_story_before_after,
        ["[The day before], she had said no.", "[the week after]."],
        [
            "[the day before] his death",
            "the day before yesterday",
            "[the day after] the vote"
        ]
    ),
    rule!(
        "anaphor_at_the_time",
        false,
        r"\bat\s+(?:the|that)\s+time\b",
        build_anaphor,
        ["at the time", "at that time"],
        ["at the times"]
    ),
];

fn build_month_relative(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    // "last Oct. 23" is a day, which the month-day rule reads from the month on.
    if s.after
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
        && s.after.starts_with(' ')
    {
        return None;
    }
    if c.name("month2").is_some() {
        // "July last year": the year is shifted, whatever the month.
        return Some(Spec::MonthOfRelativeYear {
            month: month(c, "month2")?,
            offset: offset(text(c, "rel2")?),
        });
    }
    Some(Spec::Month {
        month: month(c, "month")?,
        year: None,
        direction: direction(text(c, "rel")),
    })
}

/// Whether `before` ends with a day date and a comma ("after Oct. 12, ",
/// "on Monday, "), so that what follows is set off as its apposition.
fn appositive_to_date(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let mut words = rest.rsplit([' ', '\n']);
    let word = words.next().unwrap_or("");
    let day = !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    let named = words.next().is_some_and(|m| {
        m.starts_with(|c: char| c.is_ascii_uppercase()) && lexicon::month_number(m).is_some()
    });
    let weekday = word.len() >= 6 && lexicon::weekday(word).is_some() && word.ends_with("day");
    (day && named) || weekday
}

fn build_relative_unit(c: &Captures<'_>, s: &Surround<'_>) -> Option<Spec> {
    let rel = lower(c, "rel")?;
    let unit = Unit::parse(text(c, "unit")?)?;
    // Title case mid-text is a name: ABC's "This Week".
    if text(c, "unit")?.starts_with(|c: char| c.is_ascii_uppercase())
        && s.before.ends_with(['"', '`', '\''])
    {
        return None;
    }
    // "the week" is the week the story is about, not always the current
    // one: TimeBank leaves the week number open. Other bare units are too
    // vague; only "the weekend" and period-end phrases ("the end of the
    // month") resolve to the current unit.
    let phrase = c.get(0)?.as_str().to_ascii_lowercase();
    // TimeBank leaves "earlier" out of "earlier this week" (a week is too
    // short to be split), though not out of "earlier this year".
    if unit == Unit::Week && (phrase.starts_with("earlier") || phrase.starts_with("later")) {
        return None;
    }
    // "This quarter's loss" is the quarter the report is about, which need
    // not be the calendar quarter of the publication.
    if unit == Unit::Quarter && rel == "this" && s.after.starts_with("'s") {
        return Some(Spec::ReportedQuarter {
            year: None,
            year_offset: 0,
        });
    }
    // "the week of March 6" names its week by the date, tagged on its own.
    if rel == "the" && phrase == "the week" && !s.after.starts_with(" of") {
        return Some(Spec::StoryWeek);
    }
    // "Oct. 12, the day before the plunge": set off after a date, "the
    // day" restates it.
    if phrase == "the day" && appositive_to_date(s.before) {
        return Some(Spec::Anaphor(Some(Unit::Day)));
    }
    if rel == "the" && unit != Unit::Weekend && !phrase.contains(" of the ") {
        return None;
    }
    // "the following year" counts from the story's last date, not from the
    // publication; "the previous day" likewise.
    let next_day = rel.starts_with("the next") && unit == Unit::Day;
    let shifted = ["the following", "the previous", "the prior"];
    if shifted.iter().any(|w| rel.starts_with(w)) || next_day {
        return Some(Spec::Shifted {
            unit,
            offset: offset(&rel),
        });
    }
    // "over the next year" is a length of time, left to the duration rules.
    if unit == Unit::Day || rel.starts_with("the next") {
        return None;
    }
    build_relative(c, s)
}
