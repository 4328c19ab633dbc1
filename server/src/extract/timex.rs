//! Temporal expression tagging for news text, following TimeML (TIMEX3)
//! conventions as used in TempEval-3.
//!
//! Tagging runs in two steps. Rules ([`rules::RULES`]) recognise an extent and
//! parse it into an unresolved [`spec::Spec`]; resolution then turns the spec
//! into a TIMEX3 value against the publication date and a little context (tense
//! of the sentence, whether the document reports quarterly figures).
//!
//! Matching is a single pass: one regex made of all rule patterns finds the next
//! position where any rule matches; only there are the individual rules tried,
//! anchored, and the longest accepted match wins.

mod lexicon;
mod rules;
mod spec;

pub use chrono::NaiveDate;

use self::rules::{Surround, RULES};
use self::spec::{Context, Spec, Unit};
use chrono::Datelike;
use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// The four TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period ("Friday", "2019", "last week").
    Date,
    /// A time of day ("9 a.m.", "this morning").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every Monday", "daily").
    Set,
}

impl TimexType {
    /// The TIMEX3 `type` attribute: "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct TimexMention {
    /// UTF-8 byte offset of the first byte of the extent.
    pub start: usize,
    /// UTF-8 byte offset one past the extent; `&text[start..end]` is the surface form.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value resolved against the anchor ("2025-01-20", "P3Y", "PAST_REF").
    pub value: String,
    /// Id of the rule that recognised it (see [`rules()`]).
    pub rule: &'static str,
    /// False for mentions TimeML does not annotate but event dating needs
    /// ("at the time").
    pub timeml: bool,
    /// For anaphoric mentions ("at the time", "that day"): the index, in the
    /// returned list, of the mention they refer back to; the value is copied
    /// from it, or counted from it ("the following year").
    pub refers_to: Option<usize>,
}

/// A rule's id and the examples its test checks.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// Stable rule id, as found in [`TimexMention::rule`].
    pub id: &'static str,
    /// Texts in which the rule must find a mention covering the whole text,
    /// or the part in brackets when the rule needs context ("for [years]").
    pub positives: &'static [&'static str],
    /// Texts in which the rule must not find such a mention.
    pub negatives: &'static [&'static str],
}

/// The rules the tagger applies, in priority order.
pub fn rules() -> &'static [RuleInfo] {
    static INFOS: LazyLock<Vec<RuleInfo>> =
        LazyLock::new(|| RULES.iter().map(|r| r.info).collect());
    &INFOS
}

/// How far past a candidate position rules may match; the longest extents
/// ("about 5 p.m. EST, Nov. 9") are well under this.
const WINDOW: usize = 160;
/// How far back the tense cue looks for a future verb.
const TENSE_WINDOW: usize = 90;
/// How far into its sentence a comparison still opens it ("The year-ago
/// results included ...") and so continues the sentence before.
const OPENING: usize = 40;

struct Engine {
    /// All rule patterns in one alternation, without capture names: finds the
    /// next position where some rule matches.
    scanner: Regex,
    /// Each rule's pattern anchored at the start of the haystack.
    anchored: Vec<Regex>,
    /// Words that put a sentence in the future.
    future: Regex,
    /// The past perfect, which puts even a planned event before the anchor.
    pluperfect: Regex,
    /// Verbs of reporting, which a date opening a sentence usually dates.
    reporting: Regex,
    /// Present or future forms that put what follows a sentence-opening
    /// date ahead of the anchor; unlike [`Engine::future`], no past forms
    /// ("planned to", "would"), which after the date narrate.
    ahead: Regex,
    /// Words of quarterly financial reporting.
    quarterly: Regex,
    /// Reporting periods longer than a quarter ("the nine months").
    long_period: Regex,
}

fn case_insensitive(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 26)
        .dfa_size_limit(1 << 26)
        .build()
        .unwrap_or_else(|e| panic!("invalid timex pattern: {e}"))
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let names = Regex::new(r"\(\?P<\w+>").expect("static pattern");
    let expanded: Vec<String> = RULES.iter().map(|r| rules::expand(r.pattern)).collect();
    let alternation = expanded
        .iter()
        .map(|p| format!("(?:{})", names.replace_all(p, "(?:")))
        .collect::<Vec<_>>()
        .join("|");
    Engine {
        scanner: case_insensitive(&alternation),
        anchored: expanded
            .iter()
            .map(|p| case_insensitive(&format!("^(?:{p})")))
            .collect(),
        future: case_insensitive(
            r"(?:\b(?:will|would|won't|shall|going\s+to|scheduled|planned\s+(?:to|an?)|planning|meets|convenes|resumes|until|as\s+(?:soon|early)\s+as|set\s+(?:to|for)|slated|due\s+(?:to|in|on|by)|expected\s+(?:to|in|on|by)|plans?\s+to|is\s+to|are\s+to)\b|'ll\b)",
        ),
        pluperfect: case_insensitive(r"\bhad\b"),
        ahead: case_insensitive(
            r"(?:\b(?:will|won't|shall|plans?\s+to|intends?\s+to|(?:is|are)\s+(?:going\s+to|scheduled|expected|set\s+to|due|slated|to))\b|'ll\b)",
        ),
        reporting: case_insensitive(
            r"\b(?:said|says|told|tells|announced|reported|added|stated|declared|was|were)\b",
        ),
        quarterly: case_insensitive(r"\bquarter"),
        long_period: case_insensitive(r"\b(?:nine|six)[\s-]months?\b|\bfirst\s+half\b"),
    }
});

/// The clause `before` ends with: the text after its last punctuation mark,
/// except the period of an initial ("Daniel P. Davison"), which ends no clause.
fn clause_before(before: &str) -> &str {
    let mut end = before.len();
    while let Some(i) = before[..end].rfind(['.', ',', ';', '"', '\n']) {
        let b = before.as_bytes();
        let initial = b[i] == b'.'
            && i >= 1
            && b[i - 1].is_ascii_uppercase()
            && (i == 1 || !b[i - 2].is_ascii_alphanumeric());
        if !initial {
            return &before[i + 1..];
        }
        end = i;
    }
    before
}

/// The largest char boundary of `text` not above `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` not below `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

impl Engine {
    /// The longest accepted rule match starting at `p`: (end, rule index, spec).
    fn best_at(&self, text: &str, p: usize) -> Option<(usize, usize, Spec)> {
        let window = &text[p..floor_boundary(text, p + WINDOW)];
        let mut found: Vec<(usize, usize, regex::Captures<'_>)> = self
            .anchored
            .iter()
            .enumerate()
            .filter_map(|(i, re)| {
                let c = re.captures(window)?;
                let len = c.get(0)?.end();
                (len > 0).then_some((len, i, c))
            })
            .collect();
        // Longest first; among equals the earlier rule (the sort is stable).
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().find_map(|(len, i, c)| {
            let end = p + len;
            let surround = Surround {
                before: &text[ceil_boundary(text, p.saturating_sub(40))..p],
                after: &text[end..floor_boundary(text, end + 40)],
            };
            (RULES[i].build)(&c, &surround).map(|spec| (end, i, spec))
        })
    }

    /// Whether the clause leading up to `start` speaks of the future. Only the
    /// same clause counts: a future verb elsewhere in the sentence says little
    /// about this expression.
    fn future_before(&self, text: &str, start: usize) -> bool {
        let from = ceil_boundary(text, start.saturating_sub(TENSE_WINDOW));
        let before = &text[from..start];
        let clause = clause_before(before);
        // The preposition right before the date outranks the verb: "since
        // February" looks back, "by August",
        // "effective June 1" and "ahead of the weekend" look ahead.
        if clause.trim_end().to_ascii_lowercase().ends_with("ahead of") {
            return true;
        }
        let last_word = clause
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_ascii_lowercase();
        match last_word.as_str() {
            "since" => return false,
            // "sales this year through August" sums a span already past.
            "through" if clause.to_ascii_lowercase().contains("this year") => return false,
            "by" | "through" | "effective" => return !self.pluperfect.is_match(clause),
            _ => {}
        }
        // "will retire at the end of the year, on Sept. 30": a date set off
        // by a comma with nothing but a preposition before it restates
        // something in the clause before, whose verb governs it.
        let bare = clause.trim();
        let preposition = ["on", "in", "at", "by", "until", "before"]
            .iter()
            .any(|w| bare.eq_ignore_ascii_case(w));
        let governing = if preposition {
            let rest = &before[..before.len() - clause.len()];
            let comma = rest.ends_with(',');
            let previous = clause_before(rest.strip_suffix(',').unwrap_or(rest));
            if comma {
                previous
            } else {
                clause
            }
        } else {
            clause
        };
        // "had been due to expire Friday": a plan already in the past.
        self.future.is_match(governing) && !self.pluperfect.is_match(governing)
    }

    /// Whether a date opening its sentence ("On Tuesday, the league plans
    /// to ...") is governed by a future verb after it: with nothing but a
    /// preposition before the date, the verb of the sentence comes after.
    /// A verb of reporting or the past before the future word ("Tuesday,
    /// he said he will ...") dates the saying instead.
    fn future_after_opening(&self, text: &str, start: usize, end: usize) -> bool {
        let from = ceil_boundary(text, start.saturating_sub(TENSE_WINDOW));
        let before = &text[from..start];
        let opening = match before.rfind(['.', '!', '?', '\n']) {
            Some(i) => &before[i + 1..],
            None if from == 0 => before,
            None => return false,
        };
        let opening = opening.trim_matches(|c: char| c.is_whitespace() || "\"'`".contains(c));
        let preposition = ["", "on", "in", "by", "at", "until", "starting", "beginning"]
            .iter()
            .any(|w| opening.eq_ignore_ascii_case(w));
        if !preposition {
            return false;
        }
        let after = &text[end..floor_boundary(text, end + 2 * TENSE_WINDOW)];
        let sentence = after
            .find(['.', ';', '\n', '!', '?'])
            .map_or(after, |i| &after[..i]);
        let Some(cue) = self.ahead.find(sentence) else {
            return false;
        };
        let head = &sentence[..cue.start()];
        !self.reporting.is_match(head) && !self.pluperfect.is_match(sentence)
    }

    /// Whether the sentence leading up to `start` reports on a period
    /// longer than a quarter: "For the nine months, net rose from $5
    /// million a year earlier" compares with the year before, not with its
    /// quarter. A comparison opening its sentence continues the one before:
    /// "In the first nine months, net was $306 million. The year-ago
    /// results included a charge."
    fn long_period_before(&self, text: &str, start: usize) -> bool {
        let from = ceil_boundary(text, start.saturating_sub(3 * TENSE_WINDOW));
        let before = &text[from..start];
        let sentence_start = |b: &str| b.rfind(". ").into_iter().chain(b.rfind('\n')).max();
        let Some(i) = sentence_start(before) else {
            return self.long_period.is_match(before);
        };
        if self.long_period.is_match(&before[i + 1..]) {
            return true;
        }
        let opening = before[i + 1..].trim_start().len() < OPENING;
        let previous = &before[..i];
        let previous = sentence_start(previous).map_or(previous, |j| &previous[j + 1..]);
        opening && self.long_period.is_match(previous)
    }

    /// Whether the date closes a period named just before it: "the fiscal
    /// year ended Jan. 31".
    fn ended_before(&self, text: &str, start: usize) -> bool {
        let before = &text[ceil_boundary(text, start.saturating_sub(12))..start];
        before.trim_end().to_ascii_lowercase().ends_with(" ended")
    }

    /// Whether the sentence goes on in the past perfect right after `end`:
    /// "Until Thursday, they had not called him a suspect" looks back.
    fn pluperfect_after(&self, text: &str, end: usize) -> bool {
        let after = &text[end..floor_boundary(text, end + TENSE_WINDOW / 2)];
        let sentence = after.find(['.', ';', '\n']).map_or(after, |i| &after[..i]);
        self.pluperfect.is_match(sentence)
    }
}

/// Finds and normalizes temporal expressions.
///
/// `anchor` is the document's publication date; relative expressions resolve
/// against it, and without it they get underspecified values ("XXXX-XX-XX",
/// "PAST_REF"). The result is sorted by start and non-overlapping.
pub fn tag(text: &str, anchor: Option<NaiveDate>) -> Vec<TimexMention> {
    let engine = &*ENGINE;
    let quarterly = engine.quarterly.is_match(text);
    let mut mentions: Vec<TimexMention> = Vec::new();
    let mut quarter = None;
    // The last quarter named (its end and value), which a comparison in the
    // same or the next sentence speaks of rather than the report's first.
    let mut last_quarter: Option<(usize, (i32, u32))> = None;
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = engine.scanner.find_at(text, pos) else {
            break;
        };
        let p = m.start();
        let Some((end, i, spec)) = engine.best_at(text, p) else {
            pos = ceil_boundary(text, p + 1);
            continue;
        };
        // “This Week”, ''Today'': a quoted title (a show, a book) names no time.
        if quoted_title(text, p, end) {
            pos = end;
            continue;
        }
        let rule = &RULES[i];
        // "get around Wednesday's ruling": a possessive date names an event
        // already known, whatever the tense of the verb it hangs from.
        let possessive = text[end..].starts_with("'s");
        let ctx = Context {
            future: (engine.future_before(text, p) || engine.future_after_opening(text, p, end))
                && !possessive
                && !engine.pluperfect_after(text, end),
            ended: engine.ended_before(text, p),
            quarterly,
            quarter: last_quarter
                .filter(|&(e, _)| within_a_sentence(text, e, p))
                .map(|(_, q)| q)
                .or(quarter),
            long_period: engine.long_period_before(text, p),
        };
        let mut mention = TimexMention {
            start: p,
            end,
            kind: spec.kind(),
            value: spec.resolve(anchor, ctx),
            rule: rule.info.id,
            timeml: rule.timeml,
            refers_to: None,
        };
        match spec {
            Spec::Anaphor(unit) => link_anaphor(&mut mention, &mentions, unit),
            Spec::Shifted { unit, offset } => {
                shift_from_story(&mut mention, &mentions, unit, offset)
            }
            Spec::Clock { day: None, .. } | Spec::StoryDayPart(_) => {
                date_from_story(&mut mention, &mentions)
            }
            // The first quarter a report names is the one it reports on;
            // later ones are comparisons, and distant years are history.
            Spec::Quarter { year_offset: 0, .. }
            | Spec::QuarterOfRelativeYear { offset: 0, .. } => {
                let named = named_quarter(&mention.value)
                    .filter(|(y, _)| anchor.is_none_or(|a| (a.year() - 1..=a.year()).contains(y)));
                if quarter.is_none() {
                    quarter = named;
                }
                if let Some(q) = named {
                    last_quarter = Some((end, q));
                }
            }
            _ => {}
        }
        mentions.push(mention);
        pos = end;
    }
    mentions
}

/// Whether a word names a unit of time, singular or plural ("day", "weeks", "centuries"),
/// as the time-expression rules read units.
pub fn is_unit_word(word: &str) -> bool {
    Unit::parse(word).is_some()
}

/// Whether `text[start..end]` is a whole quotation in title case: “This Week.”, ''Today''.
fn quoted_title(text: &str, start: usize, end: usize) -> bool {
    let opens = ["“", "\"", "''", "``", "‘"]
        .iter()
        .any(|q| text[..start].ends_with(q));
    let rest = text[end..].trim_start_matches(['.', ',', '!', '?']);
    let closes = ["”", "\"", "''", "’"].iter().any(|q| rest.starts_with(q));
    opens
        && closes
        && text[start..end]
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// Resolves "the following year" against the last date the text named
/// before it that is precise enough for the unit.
fn shift_from_story(
    mention: &mut TimexMention,
    previous: &[TimexMention],
    unit: Unit,
    offset: i32,
) {
    // The last date fine enough for the unit: "the following day" skips a
    // "next year" in between.
    let shifted = previous.iter().enumerate().rev().find_map(|(j, m)| {
        let date = m.kind == TimexType::Date && !m.value.ends_with("_REF");
        date.then(|| spec::shift_value(&m.value, unit, offset))
            .flatten()
            .map(|v| (j, v))
    });
    if let Some((j, value)) = shifted {
        mention.refers_to = Some(j);
        mention.value = value;
    }
}

/// "Two days later", "a month afterward": TimeML tags only the duration ("Two days"), but a
/// story counts it from the last date it named. For each such duration of `mentions` (as
/// [`tag`] returns them), a date mention spanning the duration and its "later" (not for
/// TimeML), counted from that date, which it refers to. Weeks count in days from a day.
pub fn counted_from_story(text: &str, mentions: &[TimexMention]) -> Vec<TimexMention> {
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        if m.kind != TimexType::Duration {
            continue;
        }
        let rest = text.get(m.end..).unwrap_or("");
        let Some(word) = [" later", " afterward", " afterwards"].iter().find(|w| {
            rest.starts_with(**w) && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) else {
            continue;
        };
        let Some((n, unit)) = whole_units(&m.value) else {
            continue;
        };
        let antecedent = mentions[..k].iter().enumerate().rev().find(|(_, p)| {
            matches!(p.kind, TimexType::Date | TimexType::Time)
                && !p.value.ends_with("_REF")
                && p.value.bytes().take(4).all(|b| b.is_ascii_digit())
        });
        let Some((j, from)) = antecedent else {
            continue;
        };
        let is_day = is_day_value(&from.value);
        let value = match unit {
            Unit::Week if is_day => spec::shift_value(&from.value, Unit::Day, 7 * n),
            _ => spec::shift_value(&from.value, unit, n),
        };
        if let Some(value) = value {
            out.push(TimexMention {
                start: m.start,
                end: m.end + word.len(),
                kind: TimexType::Date,
                value,
                rule: "counted_from_story",
                timeml: false,
                refers_to: Some(j),
            });
        }
    }
    out
}

/// A duration of a whole number of days, weeks, months or years ("P2D", "P1W").
fn whole_units(value: &str) -> Option<(i32, Unit)> {
    let body = value.strip_prefix('P').filter(|b| b.is_ascii())?;
    let (digits, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: i32 = digits.parse().ok().filter(|n| (1..=100).contains(n))?;
    let unit = match unit {
        "D" => Unit::Day,
        "W" => Unit::Week,
        "M" => Unit::Month,
        "Y" => Unit::Year,
        _ => return None,
    };
    Some((n, unit))
}

/// Dates a bare clock time ("at 10 p.m.") by the last day the text named:
/// stories narrate an earlier day's events as often as the publication day's.
fn date_from_story(mention: &mut TimexMention, previous: &[TimexMention]) {
    let day = previous.iter().rev().find_map(|m| {
        let day = m.value.get(..10)?;
        let b = day.as_bytes();
        let digits = b.iter().filter(|c| c.is_ascii_digit()).count() == 8;
        (digits && b[4] == b'-' && b[7] == b'-').then_some(day)
    });
    if let (Some(day), Some(t)) = (day, mention.value.find('T')) {
        mention.value = format!("{day}{}", &mention.value[t..]);
    }
}

/// Whether `to` lies in the sentence that `from` is in or in the next one:
/// at most one sentence end (a period, question or exclamation mark before
/// a capital, or a line break) between them.
fn within_a_sentence(text: &str, from: usize, to: usize) -> bool {
    const REACH: usize = 400;
    if to < from || to - from > REACH {
        return false;
    }
    let gap = &text.as_bytes()[from..to];
    let ends = gap
        .windows(3)
        .filter(|w| {
            w[0] == b'\n'
                || (matches!(w[0], b'.' | b'?' | b'!')
                    && w[1].is_ascii_whitespace()
                    && (w[2].is_ascii_uppercase() || w[2] == b'"' || w[2] == b'`'))
        })
        .count();
    ends <= 1
}

/// The (year, number) of a resolved quarter value ("1989-Q3").
fn named_quarter(value: &str) -> Option<(i32, u32)> {
    let (year, q) = value.split_once("-Q")?;
    Some((year.parse().ok()?, q.parse().ok()?))
}

/// Points an anaphoric mention at the last preceding specific date or time,
/// keeping of its value only the unit the anaphor names: "that year" after
/// "June 1998" means 1998.
fn link_anaphor(mention: &mut TimexMention, previous: &[TimexMention], unit: Option<Unit>) {
    let specific = |m: &TimexMention| {
        matches!(m.kind, TimexType::Date | TimexType::Time) && !m.value.ends_with("_REF")
    };
    // "in the weeks before the shooting" keeps a month: it skips a bare
    // year or a week named in between ("arrested since 1990").
    let has_month = |m: &TimexMention| month_field(&m.value);
    let antecedent = match unit {
        Some(Unit::Month) => previous
            .iter()
            .rposition(|m| specific(m) && has_month(m))
            .or_else(|| previous.iter().rposition(specific)),
        _ => previous.iter().rposition(specific),
    };
    if let Some(j) = antecedent {
        mention.refers_to = Some(j);
        let value = &previous[j].value;
        let keep = match unit {
            Some(Unit::Year) => 4,
            Some(Unit::Month) if value.as_bytes().get(7) == Some(&b'-') => 7,
            Some(Unit::Day) => 10,
            _ => value.len(),
        };
        // Only a calendar value ("1998-06-12") can be cut; cutting "1998-W23"
        // to a month would be wrong, so the month cut needs a month field.
        let cut = value
            .get(..keep.min(value.len()))
            .filter(|v| v.len() < 4 || v.bytes().take(4).all(|b| b.is_ascii_digit()));
        mention.value = cut.unwrap_or(value).to_string();
    }
    // "trades made that day", "redemptions that day": with no day named
    // before it, "that day" is any day, which TimeML leaves untagged.
    if unit == Some(Unit::Day) && !is_day_value(&mention.value) {
        mention.timeml = false;
    }
}

/// Whether a value starts with a calendar month ("1998-10", "1998-10-23").
fn month_field(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 7 && b[4] == b'-' && b[..4].iter().chain(&b[5..7]).all(u8::is_ascii_digit)
}

/// Whether a value names a calendar day ("1998-10-23", "1998-10-23TNI").
fn is_day_value(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether `rule` tags exactly the example's target: the part in
    /// brackets when the example gives context ("for [years]"), else all of it.
    fn covering(example: &str, rule: &str) -> bool {
        let (start, end) = match (example.find('['), example.find(']')) {
            (Some(open), Some(close)) => (open, close - 1),
            _ => (0, example.len()),
        };
        let text = example.replace(['[', ']'], "");
        tag(&text, NaiveDate::from_ymd_opt(2025, 2, 18))
            .iter()
            .any(|m| m.rule == rule && m.start == start && m.end == end)
    }

    #[test]
    fn every_rule_example() {
        for r in rules() {
            for p in r.positives {
                assert!(covering(p, r.id), "rule {} misses {p:?}", r.id);
            }
            for n in r.negatives {
                assert!(!covering(n, r.id), "rule {} wrongly matches {n:?}", r.id);
            }
        }
    }

    #[test]
    fn a_quoted_title_is_no_time() {
        let anchor = NaiveDate::from_ymd_opt(2016, 3, 1);
        for text in [
            "Trump said on “This Week.”",
            "Rubio told ''This Week'' that he would win.",
        ] {
            assert!(tag(text, anchor).is_empty(), "{text}");
        }
        // Quoted words that are no title, and a title-case time unquoted, stay times.
        for text in [
            "He said he would leave “this week.”",
            "“We leave this week,” he said.",
            "This Week, he said, was hard.",
        ] {
            assert_eq!(tag(text, anchor).len(), 1, "{text}");
        }
    }

    const SEED: &str = "Trump insisted to reporters last week that the plan was working. \
Responding to a press question Friday, he said he was deploying thousands of troops to the border this month. \
The crisis has been building since 2019, he told reporters at the time. \
He was sworn into office for his second term Jan. 20. Asked by reporters at the time, he declined. \
She began co-introducing legislation in 2023. He recently told Fox News that the drones are currently unarmed.";

    #[test]
    fn seed_article() {
        let mentions = tag(SEED, NaiveDate::from_ymd_opt(2025, 2, 18));
        let found: Vec<(&str, &str)> = mentions
            .iter()
            .map(|m| (&SEED[m.start..m.end], m.value.as_str()))
            .collect();
        for expected in [
            ("last week", "2025-W07"),
            ("Friday", "2025-02-14"),
            ("this month", "2025-02"),
            ("2019", "2019"),
            ("Jan. 20", "2025-01-20"),
            ("2023", "2023"),
            ("recently", "PAST_REF"),
            ("currently", "PRESENT_REF"),
        ] {
            assert!(found.contains(&expected), "{expected:?} not in {found:?}");
        }
        let at_the_time: Vec<&TimexMention> = mentions
            .iter()
            .filter(|m| m.rule == "anaphor_at_the_time")
            .collect();
        assert_eq!(at_the_time.len(), 2);
        for (m, antecedent) in at_the_time.iter().zip(["2019", "2025-01-20"]) {
            assert!(!m.timeml);
            assert_eq!(m.value, antecedent);
            let j = m.refers_to.expect("linked");
            assert_eq!(mentions[j].value, antecedent);
        }
    }

    /// Value of the mention whose surface is `surface`.
    fn value_of(text: &str, anchor: NaiveDate, surface: &str) -> Option<String> {
        tag(text, Some(anchor))
            .into_iter()
            .find(|m| &text[m.start..m.end] == surface)
            .map(|m| m.value)
    }

    #[test]
    fn story_context() {
        let a = NaiveDate::from_ymd_opt(2000, 1, 28).expect("date");
        let text = "He arrived in June 1998 and returned later that year. \
He was promoted in 1995, and the following year he retired.";
        assert_eq!(
            value_of(text, a, "later that year").as_deref(),
            Some("1998")
        );
        assert_eq!(
            value_of(text, a, "the following year").as_deref(),
            Some("1996")
        );
        // A weekday afternoon keeps its part of the day, as an evening does.
        let a4 = NaiveDate::from_ymd_opt(2016, 9, 25).expect("date");
        let text = "The shooting occurred Tuesday afternoon, and protests began Thursday evening.";
        assert_eq!(
            value_of(text, a4, "Tuesday afternoon").as_deref(),
            Some("2016-09-20TAF")
        );
        assert_eq!(
            value_of(text, a4, "Thursday evening").as_deref(),
            Some("2016-09-22TEV")
        );
        // "in the morning": of the day the story last named, else of the anchor.
        let a5 = NaiveDate::from_ymd_opt(1989, 10, 30).expect("date");
        let text = "Hopes were dashed Friday. Dealers placed orders in the morning.";
        assert_eq!(
            value_of(text, a5, "the morning").as_deref(),
            Some("1989-10-27TMO")
        );
        let text = "Dealers placed orders in the morning.";
        assert_eq!(
            value_of(text, a5, "the morning").as_deref(),
            Some("1989-10-30TMO")
        );
        let text = "He saw him on Feb. 21. He was in court the next morning.";
        assert_eq!(
            value_of(text, a, "the next morning").as_deref(),
            Some("2000-02-22")
        );
        // "the weeks before the shooting" keeps a month: a bare year named
        // in between is skipped.
        let a3 = NaiveDate::from_ymd_opt(1999, 5, 6).expect("date");
        let text = "Slepian was shot on Oct. 23. Kopp had been arrested since 1990. \
His car was spotted in the weeks before the shooting.";
        assert_eq!(value_of(text, a3, "weeks").as_deref(), Some("1998-10"));
        // "that day" with no day named before it is any day: not TimeML.
        let a2 = NaiveDate::from_ymd_opt(1989, 10, 30).expect("date");
        let text = "In 1987, market makers lost on trades made that day.";
        let that_day = tag(text, Some(a2))
            .into_iter()
            .find(|m| &text[m.start..m.end] == "that day")
            .map(|m| m.timeml);
        assert_eq!(that_day, Some(false));
        let text = "He was killed on Oct. 23, 1998. Earlier that day, he left.";
        let that_day = tag(text, Some(a2))
            .into_iter()
            .find(|m| &text[m.start..m.end] == "Earlier that day")
            .map(|m| (m.timeml, m.value));
        assert_eq!(that_day, Some((true, "1998-10-23".to_string())));
        let text = "He was shot on Oct. 23. Police said it happened at 10 p.m.";
        let a = NaiveDate::from_ymd_opt(1999, 4, 19).expect("date");
        assert_eq!(
            value_of(text, a, "10 p.m.").as_deref(),
            Some("1998-10-23T22:00")
        );
        let a = NaiveDate::from_ymd_opt(1989, 10, 26).expect("date");
        let text = "Net rose in the fiscal first quarter. Sales in the quarter \
rose 5% from a year earlier.";
        assert_eq!(value_of(text, a, "the quarter").as_deref(), Some("1989-Q1"));
        assert_eq!(
            value_of(text, a, "a year earlier").as_deref(),
            Some("1988-Q1")
        );
        // A quarter named in the sentence, or the one before, outranks the
        // report's first: a second company's results, or an earlier quarter.
        let text = "Delta's profit rose in the fiscal first quarter. Separately, \
America West reported third-quarter profit of $5.8 million, up from $4 million a year \
earlier. Year-earlier results included a gain. Revenue rose in the quarter.";
        assert_eq!(
            value_of(text, a, "a year earlier").as_deref(),
            Some("1988-Q3")
        );
        assert_eq!(
            value_of(text, a, "Year-earlier").as_deref(),
            Some("1988-Q3")
        );
        // Two sentences on, the report's own quarter is back.
        assert_eq!(value_of(text, a, "the quarter").as_deref(), Some("1989-Q1"));
        assert!(within_a_sentence("third quarter. Net rose", 13, 23));
        assert!(!within_a_sentence(
            "third quarter. Net rose. Sales fell",
            13,
            35
        ));
        assert!(!within_a_sentence("quarter", 5, 2));
        // Without a quarter named, "a year earlier" is the year before.
        let text = "The quarterly dividend is unchanged. Wages were 3.8% higher \
than a year earlier.";
        assert_eq!(value_of(text, a, "a year earlier").as_deref(), Some("1988"));
        // So does one opening the sentence after a nine-month figure, but
        // not one further into it.
        let text = "Net rose in the third quarter. In the nine months, net was \
$306 million. The year-ago results included a charge.";
        assert_eq!(value_of(text, a, "year-ago").as_deref(), Some("1988"));
        let text = "Net rose in the third quarter. In the nine months, net was \
$306 million. Sales in the third quarter rose to $2 billion from $1.5 billion a year ago.";
        assert_eq!(value_of(text, a, "a year ago").as_deref(), Some("1988-Q3"));
        // A nine-month figure compares with the year before, not a quarter.
        let text = "Net rose in the fiscal first quarter. For the nine months, \
net was $5 million, up from $4 million a year earlier.";
        assert_eq!(value_of(text, a, "a year earlier").as_deref(), Some("1988"));
        // Beside it, a period named by its year is that year, not its quarter.
        let text = "Net rose in the third quarter. For the nine months, net was \
$306 million, compared with a loss of $195 million in the 1988 period.";
        assert_eq!(
            value_of(text, a, "the 1988 period").as_deref(),
            Some("1988")
        );
        let text = "Net rose in the third quarter. Net was $306 million, up from \
$195 million in the 1988 period.";
        assert_eq!(
            value_of(text, a, "the 1988 period").as_deref(),
            Some("1988-Q3")
        );
    }

    #[test]
    fn tense_cues() {
        let a = NaiveDate::from_ymd_opt(2013, 2, 13).expect("date");
        for (text, surface, value) in [
            ("The vote is set for Nov. 6.", "Nov. 6", "2013-11-06"),
            // The future verb of the clause may lie a long phrase back.
            (
                "He will be named commander of the space shuttle Columbia for a mission in December.",
                "December",
                "2013-12",
            ),
            ("He was named commander for a mission in December.", "December", "2012-12"),
            ("Closing is expected in December.", "December", "2013-12"),
            ("The deal will close in December.", "December", "2013-12"),
            ("The notes are due on Nov. 1.", "Nov. 1", "2013-11-01"),
            ("The vote was held Nov. 6.", "Nov. 6", "2012-11-06"),
            // "planned a rally" names an event still ahead; the participle
            // ("the rally planned for Friday was called off") does not.
            (
                "Protesters planned a large demonstration on Saturday.",
                "Saturday",
                "2013-02-16",
            ),
            // A season ahead in a future clause is the next one not yet
            // over; in the past, the current cycle's.
            ("Factories will slow in the spring.", "the spring", "2013-SP"),
            ("Factories slowed in the spring.", "the spring", "2012-SP"),
            ("Prices will ease this winter.", "this winter", "2012-WI"),
            // News writes a scheduled meeting in the present tense; the bare
            // "meet" is as often an infinitive ("made it hard to meet demand").
            ("Albright meets Arafat separately Monday.", "Monday", "2013-02-18"),
            ("The board convenes Friday.", "Friday", "2013-02-15"),
            ("Albright met Arafat separately Monday.", "Monday", "2013-02-11"),
            (
                "It was hard to meet demand well into the summer.",
                "the summer",
                "2012-SU",
            ),
            (
                "A service planned at the school for Saturday was canceled.",
                "Saturday",
                "2013-02-09",
            ),
            ("Sales this year through August rose.", "August", "2012-08"),
            ("Loans are available through August.", "August", "2013-08"),
            (
                "He will retire at year's end, on Nov. 1.",
                "Nov. 1",
                "2013-11-01",
            ),
            ("He did retire, on Nov. 1.", "Nov. 1", "2012-11-01"),
            (
                "They would appeal the ruling, announced Monday.",
                "Monday",
                "2013-02-11",
            ),
            // A date opening the sentence takes the tense of the verb after it.
            (
                "On Friday, the league plans to hold a news conference.",
                "Friday",
                "2013-02-15",
            ),
            ("Friday, he will resign.", "Friday", "2013-02-15"),
            (
                "On Friday, the government planned to pay the families.",
                "Friday",
                "2013-02-08",
            ),
            ("Friday, he said he will resign.", "Friday", "2013-02-08"),
            (
                "He left. On Friday, they were to meet.",
                "Friday",
                "2013-02-08",
            ),
        ] {
            assert_eq!(value_of(text, a, surface).as_deref(), Some(value), "{text}");
        }
    }

    #[test]
    fn new_forms() {
        let a = NaiveDate::from_ymd_opt(2000, 2, 24).expect("date");
        for (text, surface, value) in [
            (
                "a hearing the week of March 6",
                "the week of March 6",
                "2000-W10",
            ),
            (
                "He spent two and a half years there.",
                "two and a half years",
                "P2Y6M",
            ),
            (
                "He left at 4 in the morning.",
                "4 in the morning",
                "2000-02-24T04:00",
            ),
            (
                "It traded at mid-afternoon yesterday.",
                "mid-afternoon yesterday",
                "2000-02-23TAF",
            ),
            (
                "the fourth quarter of next year",
                "the fourth quarter of next year",
                "2001-Q4",
            ),
            ("up from the prior year", "the prior year", "1999"),
            ("for centuries", "centuries", "PXC"),
            ("filed on 2/13/2013 in court", "2/13/2013", "2013-02-13"),
            ("by the year 2000", "the year 2000", "2000"),
            ("as Easter week began", "Easter week", "2000-W16"),
            (
                "as the yen soared in recent years",
                "recent years",
                "PAST_REF",
            ),
            ("sell programs in past years, too", "past years", "PAST_REF"),
            ("in the past years", "the past years", "PXY"),
            ("concerns in recent months", "recent months", "PXM"),
            (
                "flights on Tuesday nights",
                "Tuesday nights",
                "XXXX-WXX-2TNI",
            ),
            ("open Sunday mornings", "Sunday mornings", "XXXX-WXX-7TMO"),
            ("Mondays are slow", "Mondays", "XXXX-WXX-1"),
            (
                "flights leave on Monday and Tuesday nights",
                "Monday",
                "XXXX-WXX-1TNI",
            ),
            (
                "He left on Monday and Tuesday night.",
                "Monday",
                "2000-02-21",
            ),
            (
                "The vote is this coming Sunday, March 5.",
                "this coming Sunday, March 5",
                "2000-03-05",
            ),
            (
                "By mid afternoon, they left.",
                "mid afternoon",
                "2000-02-24TAF",
            ),
        ] {
            assert_eq!(value_of(text, a, surface).as_deref(), Some(value), "{text}");
        }
        let text = "It is the same in today's world.";
        assert_eq!(value_of(text, a, "today"), None);
    }

    #[test]
    fn without_anchor_values_are_underspecified() {
        let m = tag("He left Friday and returns next week.", None);
        assert_eq!(m[0].value, "XXXX-WXX-5");
        assert_eq!(m[1].value, "FUTURE_REF");
    }

    fn check_invariants(text: &str) {
        let mentions = tag(text, NaiveDate::from_ymd_opt(2025, 2, 18));
        let mut last_end = 0;
        for m in &mentions {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.start >= last_end, "overlap or unsorted");
            last_end = m.end;
            if let Some(j) = m.refers_to {
                assert!(j < mentions.len());
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_is_safe(text in "\\PC{0,300}") {
            check_invariants(&text);
        }

        #[test]
        fn temporal_soup_is_safe(words in proptest::collection::vec(
            "(Jan\\.|May|Friday|last|next|week|the|past|[0-9]{1,12}|ago|a\\.m\\.|, |é|年|\\s|1998|s|'|’|-|quarter|third|fiscal|today|o'clock|in the morning|at|and a half|of next year|prior|ahead|trading|mid|afternoon)",
            0..60,
        )) {
            check_invariants(&words.concat());
        }
    }

    #[test]
    fn long_inputs_are_safe() {
        check_invariants(&"9".repeat(100_000));
        check_invariants(&"Friday last week ".repeat(5_000));
        check_invariants(&"ü2019 ".repeat(10_000));
    }
}
