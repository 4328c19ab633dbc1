//! Sign-off attributions: a quotation signed with a dash and a name, the way reader
//! comments, pull quotes and debate fact-checks print them:
//!
//! ```text
//! “Mr. Trump embodies our greatest shame.” ― Sonya Herridge
//! "I will look into it."
//! - Hillary Clinton.
//! ```
//!
//! The dash is the cue, the name the source and the quotation, marks included, the
//! content (PolNeAR's reading: train 11 such cues in 4 documents, dev 24 in one).

use std::sync::LazyLock;

use regex::Regex;

use super::super::sentences::Sentence;
use super::{Found, Span};

/// A dash and a name closing a line: the name is one to five capitalised words or
/// initials, optionally followed by a period or by ", and a description".
static SIGNOFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<dash>―|—|–|--|-)[ \t\u{a0}]*",
        r"(?P<name>\p{Lu}(?:\.|[\p{L}'’-]*)(?:[ \u{a0}]+(?:\p{Lu}(?:\.|[\p{L}'’-]*)|de|del|da|van|von|la|le|bin)){0,4})",
        r"[ \t\u{a0}]*(?:\.|,[^\n]*)?[ \t\u{a0}]*$",
    ))
    .expect("sign-off regex")
});

/// The opening and closing quotation marks a signed quotation may use, curly ones
/// either way round (typists reverse them).
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// A whole quotation: the line opens with a quotation mark and closes with one.
fn quotation(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_whitespace());
    let mut chars = t.chars();
    let (first, last) = (chars.next(), chars.next_back());
    first.is_some_and(is_mark) && last.is_some_and(is_mark) && t.chars().count() > 8
}

/// Finds the sign-offs of `text`; `sentences` give each its sentence index.
pub fn find(text: &str, sentences: &[Sentence]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let (start, body) = (line_start, line.trim_end_matches(['\n', '\r']));
        line_start += line.len();
        let lead = body.len() - body.trim_start().len();
        let (b0, trimmed) = (start + lead, body.trim_start());
        if trimmed.is_empty() {
            continue;
        }
        let this = (b0, b0 + trimmed.trim_end().len());
        if let Some(f) = signoff(text, sentences, this, previous) {
            out.push(f);
        }
        previous = Some(this);
    }
    out
}

/// The sign-off on the line `line` (byte range, trimmed), whose quotation is on the line
/// itself or, for a line that is only the dash and the name, on the line `previous`.
fn signoff(
    text: &str,
    sentences: &[Sentence],
    line: (usize, usize),
    previous: Option<(usize, usize)>,
) -> Option<Found> {
    let body = &text[line.0..line.1];
    // The dash opens the line or follows its last quotation mark; only that tail, short
    // as a name is, goes to the regex.
    let dash_start = |t: &str| t.starts_with(['―', '—', '–', '-']);
    let tail = if dash_start(body) {
        0
    } else {
        let q = body.rfind(is_mark)?;
        let mark_len = body[q..].chars().next().map_or(1, char::len_utf8);
        let after = body[q + mark_len..].trim_start_matches([' ', '\t', '\u{a0}']);
        if !dash_start(after) {
            return None;
        }
        body.len() - after.len()
    };
    if body.len() - tail > 160 {
        return None;
    }
    let m = SIGNOFF.captures(&body[tail..])?;
    let (dash, name) = (m.name("dash")?, m.name("name")?);
    let (dash, name) = (
        (tail + dash.start(), tail + dash.end()),
        (tail + name.start(), tail + name.end()),
    );
    let before = body[..dash.0].trim_end_matches([' ', '\t', '\u{a0}']);
    let content = if before.is_empty() {
        // The dash opens its own line: the quotation is the line before.
        let (p0, p1) = previous?;
        quotation(&text[p0..p1]).then_some(Span { start: p0, end: p1 })?
    } else {
        // "“…” ― Name": the line is the quotation, its closing mark right before the dash.
        if !before.ends_with(is_mark) || !quotation(before) {
            return None;
        }
        Span {
            start: line.0,
            end: line.0 + before.len(),
        }
    };
    let source = Span {
        start: line.0 + name.0,
        end: line.0 + name.1,
    };
    let cue = Span {
        start: line.0 + dash.0,
        end: line.0 + dash.1,
    };
    let sentence = sentences
        .partition_point(|s| s.end <= cue.start)
        .min(sentences.len().saturating_sub(1));
    Some(Found {
        sentence,
        source: Some(source),
        cue,
        content: Some(content),
        quote: Some(content),
        rule: "signoff",
        confidence: 0.8,
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::sentences::split;
    use super::*;

    fn parts(text: &str) -> Vec<(&str, &str, &str)> {
        find(text, &split(text))
            .iter()
            .map(|f| {
                let s = f.source.expect("source");
                let c = f.content.expect("content");
                (
                    &text[s.start..s.end],
                    &text[f.cue.start..f.cue.end],
                    &text[c.start..c.end],
                )
            })
            .collect()
    }

    #[test]
    fn signed_quotations() {
        let text = "Readers wrote in.\n“He represents our greatest shame.” ― Sonya Herridge\n\
                    ”Fear. I am truly afraid.”\u{a0}― Edwin G. Monroy.\n";
        assert_eq!(
            parts(text),
            vec![
                ("Sonya Herridge", "―", "“He represents our greatest shame.”"),
                ("Edwin G. Monroy", "―", "”Fear. I am truly afraid.”"),
            ]
        );
        let own_line = "\"I will look into it.\"\n\n- Hillary Clinton.\n\nClinton tends to hedge.";
        assert_eq!(
            parts(own_line),
            vec![("Hillary Clinton", "-", "\"I will look into it.\"")]
        );
        let described = "\"Great speech. Strong message.\"\n\n-President Obama, tweeting\n";
        assert_eq!(
            parts(described),
            vec![("President Obama", "-", "\"Great speech. Strong message.\"")]
        );
    }

    #[test]
    fn not_signoffs() {
        for text in [
            // No quotation before the dash.
            "The vote was close — Smith\n",
            "Prices rose.\n- Reuters\n",
            // The quotation is only part of the line.
            "He called it “a disgrace” — Smith\n",
            // The name runs into a sentence.
            "“We won.” — Smith said the vote was close.\n",
            // A list item after a quotation is no signature.
            "\"Read the plan.\"\n- lower taxes\n",
        ] {
            assert!(parts(text).is_empty(), "{text:?}: {:?}", parts(text));
        }
    }
}
