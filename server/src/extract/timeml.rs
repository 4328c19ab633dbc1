//! TimeML (TempEval-3) documents as test data for the timex tagger: a loader
//! that reconstructs the plain text and the gold TIMEX3 annotations, and a
//! scorer with the TempEval-3 Task A measures.
//!
//! Both mirror the project's reference scorer (`annals_eval.py timex`): the text
//! is the content of `<TEXT>` with tags stripped and entities decoded, offsets
//! are in characters, and a gold mention is matched greedily to the first
//! unused system mention that overlaps it.

use super::timex::{NaiveDate, TimexMention};
use std::fmt;

/// A gold TIMEX3 annotation, with character offsets into [`TimemlDoc::text`].
#[derive(Clone, Debug, PartialEq)]
pub struct GoldTimex {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The `type` attribute ("DATE", "TIME", "DURATION", "SET").
    pub kind: String,
    /// The `value` attribute.
    pub value: String,
}

/// A TimeML document reduced to what timex evaluation needs.
#[derive(Clone, Debug, PartialEq)]
pub struct TimemlDoc {
    /// The document creation time (first ten characters of the DCT value).
    pub published: NaiveDate,
    /// The plain text of `<TEXT>`.
    pub text: String,
    /// Gold annotations in document order of their closing tags.
    pub gold: Vec<GoldTimex>,
}

/// Why a TimeML file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimemlError {
    /// No `<DCT>` with a TIMEX3 value, or a value that is no date.
    MissingDct,
    /// No `<TEXT>...</TEXT>` element.
    MissingText,
    /// A `<` without `>`, a `&` without `;`, or a stray `</TIMEX3>`.
    Malformed(usize),
}

impl fmt::Display for TimemlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimemlError::MissingDct => write!(f, "no document creation time"),
            TimemlError::MissingText => write!(f, "no <TEXT> element"),
            TimemlError::Malformed(at) => write!(f, "malformed markup at byte {at}"),
        }
    }
}

impl std::error::Error for TimemlError {}

/// The value of attribute `name` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find("=\"") {
        let key_start = rest[..i]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |k| k + 1);
        let key = &rest[key_start..i];
        let after = &rest[i + 2..];
        let close = after.find('"')?;
        if key == name {
            return Some(&after[..close]);
        }
        rest = &after[close + 1..];
    }
    None
}

/// Decodes one character entity ("&amp;", "&#233;"); unknown ones stay as written.
fn decode_entity(entity: &str) -> String {
    let body = &entity[1..entity.len() - 1];
    let named = match body {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => None,
    };
    let numeric = || {
        let code = if let Some(hex) = body.strip_prefix("#x").or(body.strip_prefix("#X")) {
            u32::from_str_radix(hex, 16).ok()
        } else {
            body.strip_prefix('#').and_then(|d| d.parse().ok())
        };
        code.and_then(char::from_u32)
    };
    match named.or_else(numeric) {
        Some(c) => c.to_string(),
        None => entity.to_string(),
    }
}

/// Parses a TimeML file.
pub fn load_timeml(raw: &str) -> Result<TimemlDoc, TimemlError> {
    let published = raw
        .find("<DCT>")
        .and_then(|i| {
            let dct = raw[i + 5..].trim_start();
            let tag_end = dct.find('>')?;
            dct.starts_with("<TIMEX3")
                .then(|| attribute(&dct[..tag_end], "value"))
                .flatten()
        })
        .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok())
        .ok_or(TimemlError::MissingDct)?;
    let body_start = raw.find("<TEXT>").ok_or(TimemlError::MissingText)? + "<TEXT>".len();
    let body_len = raw[body_start..]
        .find("</TEXT>")
        .ok_or(TimemlError::MissingText)?;
    let body = &raw[body_start..body_start + body_len];

    let mut text = String::with_capacity(body.len());
    let mut chars = 0;
    let mut gold = Vec::new();
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest
                .find('>')
                .ok_or(TimemlError::Malformed(body_start + i))?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open.push((chars, tag));
            } else if tag.starts_with("</TIMEX3") {
                let (start, tag) = open.pop().ok_or(TimemlError::Malformed(body_start + i))?;
                gold.push(GoldTimex {
                    start,
                    end: chars,
                    kind: attribute(tag, "type").unwrap_or_default().to_string(),
                    value: attribute(tag, "value").unwrap_or_default().to_string(),
                });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let close = rest
                .find(';')
                .ok_or(TimemlError::Malformed(body_start + i))?;
            let decoded = decode_entity(&rest[..=close]);
            chars += decoded.chars().count();
            text.push_str(&decoded);
            i += close + 1;
        } else {
            let c = rest.chars().next().unwrap_or_default();
            text.push(c);
            chars += 1;
            i += c.len_utf8();
        }
    }
    Ok(TimemlDoc {
        published,
        text,
        gold,
    })
}

/// TempEval-3 Task A figures, in percent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimexScores {
    /// Number of gold mentions.
    pub gold: usize,
    /// Number of scored system mentions.
    pub system: usize,
    /// F1 of exact extent matches.
    pub strict_f1: f64,
    /// F1 of overlapping extent matches.
    pub relaxed_f1: f64,
    /// Relaxed precision.
    pub relaxed_p: f64,
    /// Relaxed recall.
    pub relaxed_r: f64,
    /// Relaxed F1 times the share of matches with the right type.
    pub type_f1: f64,
    /// Relaxed F1 times the share of matches with the right value.
    pub value_f1: f64,
    /// Share of matches with the right value.
    pub value_accuracy: f64,
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<22} {}", "gold", self.gold)?;
        writeln!(f, "{:<22} {}", "system", self.system)?;
        for (name, v) in [
            ("strict_f1", self.strict_f1),
            ("relaxed_f1", self.relaxed_f1),
            ("relaxed_p", self.relaxed_p),
            ("relaxed_r", self.relaxed_r),
            ("type_f1", self.type_f1),
            ("value_f1", self.value_f1),
            ("value_accuracy", self.value_accuracy),
        ] {
            writeln!(f, "{name:<22} {v:.2}")?;
        }
        Ok(())
    }
}

fn f1(matched: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        0.0
    } else {
        2.0 * matched as f64 / (gold + system) as f64
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Scores tagger output against gold. Mentions TimeML does not annotate
/// (`timeml == false`) are left out, as the tagger's JSON output leaves them out.
pub fn score(docs: &[(TimemlDoc, Vec<TimexMention>)]) -> TimexScores {
    let (mut n_gold, mut n_sys, mut strict, mut relaxed, mut value_ok, mut type_ok) =
        (0, 0, 0, 0, 0, 0);
    for (doc, mentions) in docs {
        let system: Vec<(usize, usize, &TimexMention)> = mentions
            .iter()
            .filter(|m| m.timeml && m.start < m.end)
            .filter_map(|m| {
                let start = doc.text.get(..m.start)?.chars().count();
                let len = doc.text.get(m.start..m.end)?.chars().count();
                Some((start, start + len, m))
            })
            .collect();
        n_gold += doc.gold.len();
        n_sys += system.len();
        let mut used = vec![false; system.len()];
        for g in &doc.gold {
            let hit = system
                .iter()
                .enumerate()
                .find(|(k, s)| !used[*k] && g.start < s.1 && s.0 < g.end);
            if let Some((k, &(start, end, m))) = hit {
                used[k] = true;
                relaxed += 1;
                strict += usize::from((start, end) == (g.start, g.end));
                value_ok += usize::from(m.value == g.value);
                type_ok += usize::from(m.kind.as_str() == g.kind);
            }
        }
    }
    let rel = f1(relaxed, n_gold, n_sys);
    let share = |ok: usize| {
        if relaxed == 0 {
            0.0
        } else {
            ok as f64 / relaxed as f64
        }
    };
    TimexScores {
        gold: n_gold,
        system: n_sys,
        strict_f1: 100.0 * f1(strict, n_gold, n_sys),
        relaxed_f1: 100.0 * rel,
        relaxed_p: percent(relaxed, n_sys),
        relaxed_r: percent(relaxed, n_gold),
        type_f1: 100.0 * rel * share(type_ok),
        value_f1: 100.0 * rel * share(value_ok),
        value_accuracy: 100.0 * share(value_ok),
    }
}

#[cfg(test)]
mod tests {
    use super::super::timex::tag;
    use super::*;

    const DOC: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>Prices rose &amp; fell <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.</TEXT></TimeML>"#;

    #[test]
    fn loads_text_and_gold() {
        let doc = load_timeml(DOC).expect("valid");
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(1998, 2, 6).unwrap());
        assert_eq!(doc.text, "Prices rose & fell Thursday after three years.");
        assert_eq!(doc.gold.len(), 2);
        assert_eq!(&doc.text[19..27], "Thursday");
        assert_eq!((doc.gold[0].start, doc.gold[0].end), (19, 27));
        assert_eq!(doc.gold[1].value, "P3Y");
    }

    #[test]
    fn rejects_broken_files() {
        assert_eq!(load_timeml("<TEXT>x</TEXT>"), Err(TimemlError::MissingDct));
        let no_text = DOC.replace("<TEXT>", "");
        assert_eq!(load_timeml(&no_text), Err(TimemlError::MissingText));
    }

    #[test]
    fn perfect_output_scores_100() {
        let doc = load_timeml(DOC).expect("valid");
        let mentions = tag(&doc.text, Some(doc.published));
        let scores = score(&[(doc, mentions)]);
        assert_eq!(scores.strict_f1, 100.0);
        assert_eq!(scores.value_f1, 100.0);
    }
}
