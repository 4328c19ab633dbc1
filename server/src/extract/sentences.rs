//! Sentence segmentation for news text.
//!
//! A rule-based splitter: a sentence ends at `.`, `!`, `?` or `…` (plus any closing
//! quotation marks or brackets) when whitespace and a plausible sentence start follow,
//! and always at a blank line or a line break. Abbreviations ("Jan.", "Gov.", "Mr."),
//! initials ("John F. Kennedy"), dotted acronyms ("U.S.") and decimals do not end a
//! sentence.

/// One sentence as UTF-8 byte offsets into the text, trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Abbreviations that are followed by a period without ending the sentence (lowercase,
/// without the period). Titles, months, US state abbreviations and a few Latin forms.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "reps", "sens", "gen", "lt", "col",
    "capt", "cmdr", "sgt", "adm", "maj", "pres", "supt", "rev", "hon", "st", "ste", "jr", "sr",
    "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "no", "nos", "vs", "v", "etc",
    "approx", "est", "fig", "mt", "ft", "ave", "blvd", "rd", "ala", "ariz", "ark", "calif", "colo",
    "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich",
    "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va",
    "vt", "wash", "wis", "wyo", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c",
];

/// Words that commonly start a sentence; after a dotted acronym ("U.S.") they signal a
/// real boundary, since acronyms otherwise usually continue the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "This", "That", "A", "An",
    "His", "Her", "Their", "There", "As", "On", "At", "For", "If", "When", "While", "After",
];

/// Splits news text into sentences; survives abbreviations ("Jan.", "U.S.", "Gov.",
/// "Mr."), initials ("John F. Kennedy"), decimals, and quotations spanning sentences
/// (`"...," he said. "More words."` gives two sentences, the second starting at its
/// opening quotation mark).
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut pos = 0;
    // Only line breaks and terminal punctuation matter: jump from one to the next (0xE2
    // leads "…" and other punctuation of the U+2000 block, and is never inside a
    // character, so every stop is on a character boundary).
    while let Some(k) = bytes[pos..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2))
    {
        pos += k;
        let c = text[pos..].chars().next().unwrap_or('\n');
        if c == '\n' {
            // A line break ends a paragraph (or headline) in the stored articles.
            push_trimmed(text, start, pos, &mut out);
            start = pos + 1;
            pos += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take any run of terminal punctuation and closing marks.
            let end = pos
                + c.len_utf8()
                + text[pos + c.len_utf8()..]
                    .find(|d| {
                        !matches!(
                            d,
                            '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
                        )
                    })
                    .unwrap_or(text.len() - pos - c.len_utf8());
            let Some(next) = text[end..].chars().next() else {
                break;
            };
            if next.is_whitespace() && is_boundary(text, pos, c, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            pos = end;
            continue;
        }
        pos += c.len_utf8();
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Whether terminal punctuation `c` at byte `pos`, whose run ends at `end`, ends a sentence.
fn is_boundary(text: &str, pos: usize, c: char, end: usize) -> bool {
    let next = text[end..].trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    // A sentence starts with a capital, a digit, an opening quote or bracket.
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '['))
    {
        return false;
    }
    if c != '.' {
        // “Isn’t that a bribe?” Trump asked. — the question goes on into its cue.
        let run = &text[pos..end];
        let quoted = run.contains(['”', '"']) || run.contains("''");
        return !(quoted && cue_follows(next));
    }
    // The word right before the period decides between abbreviation and full stop.
    let before = &text[..pos];
    let word_start = before
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '—'))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let is_acronym = word.contains('.') || lower == "u.s" || lower == "d.c";
    if is_acronym {
        let next_word = next
            .find(|ch: char| !ch.is_alphabetic())
            .map_or(next, |k| &next[..k]);
        return SENTENCE_STARTERS.contains(&next_word);
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // A single capital letter is an initial ("John F. Kennedy").
    let mut wc = word.chars();
    if let (Some(only), None) = (wc.next(), wc.next()) {
        if only.is_uppercase() {
            return false;
        }
    }
    true
}

/// Reporting verbs that continue a quoted question or exclamation (`“Why?” he asked.`).
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "told",
    "added",
    "wrote",
    "writes",
    "replied",
    "continued",
    "exclaimed",
    "shouted",
    "tweeted",
    "insisted",
    "joked",
    "recalled",
    "explained",
    "wondered",
    "declared",
    "yelled",
    "responded",
];

/// Whether a reporting verb comes within the first five words of `next`.
fn cue_follows(next: &str) -> bool {
    next.split_whitespace()
        .take(5)
        .map(|w| w.trim_end_matches(|ch: char| !ch.is_alphabetic()))
        .any(|w| REPORTING_VERBS.contains(&w))
}

/// Pushes `text[start..end]` trimmed of whitespace, unless it is empty.
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Sentence {
            start: start + lead,
            end: end - trail,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let t = "Gov. Jim Doyle met John F. Kennedy Jr. on Jan. 20 in the U.S. capital. Growth was 2.5 percent.";
        assert_eq!(
            texts(t),
            vec![
                "Gov. Jim Doyle met John F. Kennedy Jr. on Jan. 20 in the U.S. capital.",
                "Growth was 2.5 percent."
            ]
        );
    }

    #[test]
    fn quotes_spanning_sentences() {
        let t = "“We are ready,” he said. “More words.” She left.";
        assert_eq!(
            texts(t),
            vec!["“We are ready,” he said.", "“More words.”", "She left."]
        );
    }

    #[test]
    fn quoted_question_continues_into_its_cue() {
        let t = "“Is that a bribe?” Trump asked. “Why?” She left.";
        assert_eq!(
            texts(t),
            vec!["“Is that a bribe?” Trump asked.", "“Why?”", "She left."]
        );
    }

    #[test]
    fn line_breaks_split_and_trim() {
        let t = "  Headline here\n\nBody text. Next one!  ";
        assert_eq!(texts(t), vec!["Headline here", "Body text.", "Next one!"]);
    }
}
