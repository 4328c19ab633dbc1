//! A learned statement filter: logistic regression over the shape of each statement the
//! rules propose (rule id, confidence, cue words and their neighbours, source and content
//! shape), trained on PolNeAR train by `tools/train_statement_filter.py`, which reads the
//! features from `annals statement-features` so that training and use agree. Statements
//! whose probability of having a gold cue falls below the threshold (picked by 5-fold
//! cross-validation on train) are dropped; actions are left alone. One feature looks
//! beyond the statement: whether its cue lies inside another statement's content ("aides
//! said she told him ..."); such nested statements have a gold cue 38% of the time on
//! train, the others 87%.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;

use super::text::lowercase;
use super::{Found, Span};

/// The weights file: `bias`, `threshold`, then one `feature<TAB>weight` a line.
const WEIGHTS_TSV: &str = include_str!("filter_weights.tsv");

struct Model {
    bias: f64,
    threshold: f64,
    /// FxHash: looked up some 100,000 times a MiB, with keys of our own making, so a
    /// fast hash matters more than resistance to crafted keys.
    weights: HashMap<&'static str, f64, FxBuildHasher>,
}

static MODEL: LazyLock<Model> = LazyLock::new(|| parse(WEIGHTS_TSV));

/// The tokens of a short context window: runs of word characters (letters, digits, `_`)
/// and single other non-space characters.
fn tokens(s: &str) -> Vec<&str> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(b) = start.take() {
            out.push(&s[b..i]);
        }
        if !c.is_whitespace() {
            out.push(&s[i..i + c.len_utf8()]);
        }
    }
    if let Some(b) = start {
        out.push(&s[b..]);
    }
    out
}

/// Sources that are a bare pronoun.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you", "who"];

/// How many characters either side of the cue are looked at for context tokens.
const CONTEXT_CHARS: usize = 40;

fn parse(tsv: &'static str) -> Model {
    let mut model = Model {
        bias: 0.0,
        threshold: 0.0,
        weights: HashMap::default(),
    };
    for line in tsv.lines() {
        let Some((name, value)) = line.rsplit_once('\t') else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        match name {
            "bias" => model.bias = value,
            "threshold" => model.threshold = value,
            _ => {
                model.weights.insert(name, value);
            }
        }
    }
    model
}

/// Words of a span, lowercased, on whitespace.
fn words(text: &str, s: Span) -> Vec<Cow<'_, str>> {
    text[s.start..s.end]
        .split_whitespace()
        .map(lowercase)
        .collect()
}

/// The byte offset `chars` characters before `at` (or 0).
fn back(text: &str, at: usize, chars: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `chars` characters after `at` (or the end).
fn ahead(text: &str, at: usize, chars: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// A span's number of words, counted up to 20 (all [`bucket`] tells apart), and its first
/// word in lowercase; without lowercasing every word of a long quotation.
fn shape(text: &str, s: Span) -> (usize, Cow<'_, str>) {
    let mut w = text[s.start..s.end].split_whitespace();
    let first = w.next().map(lowercase).unwrap_or_default();
    let n = if first.is_empty() {
        0
    } else {
        1 + w.take(19).count()
    };
    (n, first)
}

fn bucket(n: usize) -> usize {
    match n {
        0 => 0,
        1..=2 => 1,
        3..=7 => 2,
        8..=19 => 3,
        _ => 4,
    }
}

/// The features of one statement (see the module comment). Spans must be valid; `nested`
/// says whether its cue lies inside another statement's content (see [`nested`]).
pub(super) fn features(text: &str, f: &Found, nested: bool) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(text, f, nested, |x| out.push(x.to_owned()));
    out
}

/// For each statement, whether its cue lies inside the content of another one: one sweep
/// over the contents by start, keeping the two that reach furthest (one may be the
/// statement's own).
pub(super) fn nested(statements: &[&Found]) -> Vec<bool> {
    let mut contents: Vec<(usize, usize, usize)> = statements
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.content.map(|c| (c.start, c.end, i)))
        .collect();
    contents.sort_unstable();
    let mut cues: Vec<(usize, usize)> = statements
        .iter()
        .enumerate()
        .map(|(i, f)| (f.cue.start, i))
        .collect();
    cues.sort_unstable();
    let mut out = vec![false; statements.len()];
    // The furthest-reaching content end and its statement, and the furthest of another.
    let mut best: Option<(usize, usize)> = None;
    let mut second: Option<(usize, usize)> = None;
    let mut next = 0;
    for (start, i) in cues {
        while let Some(&(_, e, j)) = contents.get(next).filter(|c| c.0 <= start) {
            if best.is_none_or(|b| e > b.0) {
                second = best;
                best = Some((e, j));
            } else if second.is_none_or(|b| e > b.0) {
                second = Some((e, j));
            }
            next += 1;
        }
        let other = match best {
            Some((_, j)) if j == i => second,
            b => b,
        };
        out[i] = other.is_some_and(|(e, _)| e >= statements[i].cue.end);
    }
    out
}

/// Calls `emit` with each feature of a statement in turn, written into one reused buffer
/// from its pieces (no formatting machinery: this runs for every proposed statement).
fn each_feature(text: &str, f: &Found, nested: bool, mut emit: impl FnMut(&str)) {
    let mut buf = String::new();
    let mut feat = |parts: &[&str]| {
        buf.clear();
        for p in parts {
            buf.push_str(p);
        }
        emit(&buf);
    };
    feat(&["rule=", f.rule]);
    feat(&["conf=", &format!("{:.1}", f.confidence)]);
    let cue = words(text, f.cue);
    let cue_text = match cue.as_slice() {
        [one] => Cow::Borrowed(one.as_ref()),
        more => Cow::Owned(more.join(" ")),
    };
    let head = cue.last().map_or("", |w| w.as_ref());
    let first = cue.first().map_or("", |w| w.as_ref());
    feat(&["cue=", &cue_text]);
    feat(&["cuehead=", head]);
    feat(&["cuefirst=", first]);
    feat(&["cuen=", DIGITS[cue.len().min(4)]]);
    let left_text = &text[back(text, f.cue.start, CONTEXT_CHARS)..f.cue.start];
    let right_text = &text[f.cue.end..ahead(text, f.cue.end, CONTEXT_CHARS)];
    // The two tokens nearest the cue, nearest first.
    let left: Vec<Cow<str>> = tokens(left_text)
        .iter()
        .rev()
        .take(2)
        .map(|w| lowercase(w))
        .collect();
    let right: Vec<Cow<str>> = tokens(right_text)
        .iter()
        .take(2)
        .map(|w| lowercase(w))
        .collect();
    for (name, w) in ["L1=", "L2="].iter().zip(&left) {
        feat(&[name, w]);
    }
    for (name, w) in ["R1=", "R2="].iter().zip(&right) {
        feat(&[name, w]);
    }
    feat(&[
        "R1cue=",
        right.first().map_or("", |w| w.as_ref()),
        "_",
        head,
    ]);
    feat(&["L1cue=", left.first().map_or("", |w| w.as_ref()), "_", head]);
    if let Some(s) = f.source {
        let raw = &text[s.start..s.end];
        let first = placed(&mut feat, "src", text, s, f.cue);
        let pronoun = PRONOUNS.iter().any(|p| raw.eq_ignore_ascii_case(p));
        feat(&["src_pron=", flag(pronoun)]);
        feat(&[
            "src_cap=",
            flag(raw.chars().next().is_some_and(char::is_uppercase)),
        ]);
        feat(&["src_first=", &first]);
    } else {
        feat(&["src_none"]);
    }
    if let Some(c) = f.content {
        let raw = &text[c.start..c.end];
        let first = placed(&mut feat, "con", text, c, f.cue);
        feat(&["con_first=", &first]);
        let quoted = raw.starts_with(['“', '"']) || raw.ends_with(['”', '"']);
        feat(&["con_quote=", flag(quoted)]);
    } else {
        feat(&["con_none"]);
    }
    feat(&["quote=", flag(f.quote.is_some())]);
    feat(&["nested=", flag(nested)]);
}

/// Small counts as feature values.
const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];

/// A flag as a feature value.
fn flag(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Emits a source's or content's length bucket and side of the cue (`{role}_len`,
/// `{role}_pos`); returns its first word, lowercased.
fn placed<'t>(
    feat: &mut impl FnMut(&[&str]),
    role: &str,
    text: &'t str,
    span: Span,
    cue: Span,
) -> Cow<'t, str> {
    let (n, first) = shape(text, span);
    feat(&[role, "_len=", DIGITS[bucket(n)]]);
    let side = if span.end <= cue.start {
        "before"
    } else {
        "after"
    };
    feat(&[role, "_pos=", side]);
    first
}

/// The model's probability that the statement's cue is a gold cue.
pub(super) fn probability(text: &str, f: &Found, nested: bool) -> f64 {
    let model = &*MODEL;
    let mut z = model.bias;
    each_feature(text, f, nested, |x| {
        z += model.weights.get(x).copied().unwrap_or(0.0)
    });
    sigmoid(z)
}

/// Whether a statement of probability `p` stays.
pub(super) fn keeps(p: f64) -> bool {
    p >= MODEL.threshold
}

/// Whether the statement stays.
pub(super) fn keep(text: &str, f: &Found, nested: bool) -> bool {
    keeps(probability(text, f, nested))
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, source: Option<&str>, cue: &str, content: Option<&str>) -> Found {
        let span = |s: &str| {
            let start = text.find(s).expect("span text");
            Span {
                start,
                end: start + s.len(),
            }
        };
        Found {
            sentence: 0,
            source: source.map(span),
            cue: span(cue),
            content: content.map(span),
            quote: None,
            rule: "reported_speech",
            confidence: 0.74,
        }
    }

    #[test]
    fn features_of_reported_speech() {
        let t = "Mexico’s government said it is monitoring a reported uptick.";
        let f = found(
            t,
            Some("Mexico’s government"),
            "said",
            Some("it is monitoring a reported uptick"),
        );
        assert_eq!(
            features(t, &f, false),
            [
                "rule=reported_speech",
                "conf=0.7",
                "cue=said",
                "cuehead=said",
                "cuefirst=said",
                "cuen=1",
                "L1=government",
                "L2=s",
                "R1=it",
                "R2=is",
                "R1cue=it_said",
                "L1cue=government_said",
                "src_len=1",
                "src_pos=before",
                "src_pron=false",
                "src_cap=true",
                "src_first=mexico’s",
                "con_len=2",
                "con_pos=after",
                "con_first=it",
                "con_quote=false",
                "quote=false",
                "nested=false",
            ]
        );
    }

    #[test]
    fn features_of_a_quote_before_its_cue_at_the_text_end() {
        let t = "“We will not back down,” he told Fox News";
        let mut f = found(t, Some("he"), "told", Some("“We will not back down,”"));
        f.quote = Some(f.content.unwrap());
        f.rule = "content_source_cue";
        f.confidence = 0.96;
        assert_eq!(
            features(t, &f, false),
            [
                "rule=content_source_cue",
                "conf=1.0",
                "cue=told",
                "cuehead=told",
                "cuefirst=told",
                "cuen=1",
                "L1=he",
                "L2=”",
                "R1=fox",
                "R2=news",
                "R1cue=fox_told",
                "L1cue=he_told",
                "src_len=1",
                "src_pos=before",
                "src_pron=true",
                "src_cap=false",
                "src_first=he",
                "con_len=2",
                "con_pos=before",
                "con_first=“we",
                "con_quote=true",
                "quote=true",
                "nested=false",
            ]
        );
    }

    #[test]
    fn features_without_source_or_content_and_a_long_left_context() {
        let t = "An extraordinarily long introductory clause, according to";
        let f = found(t, None, "according to", None);
        let fs = features(t, &f, false);
        assert!(fs.contains(&"cue=according to".to_string()));
        assert!(fs.contains(&"cuehead=to".to_string()));
        assert!(fs.contains(&"cuefirst=according".to_string()));
        assert!(fs.contains(&"cuen=2".to_string()));
        // Only the 40 characters before the cue count: "extraordinarily" is cut.
        assert!(fs.contains(&"L1=,".to_string()));
        assert!(fs.contains(&"L2=clause".to_string()));
        assert!(fs.contains(&"R1cue=_to".to_string()));
        assert!(fs.contains(&"src_none".to_string()));
        assert!(fs.contains(&"con_none".to_string()));
        assert!(!fs.iter().any(|x| x.starts_with("R1=")));
    }

    #[test]
    fn nested_cues() {
        // "said" (outer) reports "told" and "warned"; "warned" has a content of its own
        // that holds no cue, and a statement's own content does not count.
        let t = "Aides said she told him the plan would fail and warned that it was late.";
        let outer = found(
            t,
            Some("Aides"),
            "said",
            Some("she told him the plan would fail and warned that it was late"),
        );
        let told = found(t, Some("she"), "told", Some("the plan would fail"));
        let warned = found(t, None, "warned", Some("that it was late"));
        assert_eq!(nested(&[&outer, &told, &warned]), [false, true, true]);
        // Without the outer statement nothing is nested: "warned" lies after the content of
        // "told", and "told" before it.
        assert_eq!(nested(&[&told, &warned]), [false, false]);
        // A content that ends inside a cue does not hold it.
        let short = found(t, Some("Aides"), "said", Some("she to"));
        assert_eq!(nested(&[&short, &told]), [false, false]);
        // A content that holds its own cue (no rule makes one) is not another's.
        let mut own = found(t, None, "told", None);
        own.content = Some(Span {
            start: 0,
            end: t.len(),
        });
        assert_eq!(nested(&[&own]), [false]);
        assert_eq!(nested(&[]), Vec::<bool>::new());
    }

    #[test]
    fn weights_parse() {
        let m = &*MODEL;
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
        assert!(!m.weights.is_empty());
    }
}
