//! Tokens, quotation spans and noun-phrase boundaries: the shallow syntax the rules use.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{
    cue_confidence, DETERMINERS, HONORIFICS, LY_NOUNS, NP_LINKS, NP_STOPS, SUBJECT_ENDERS,
};
use super::Span;

/// A non-ASCII letter or digit (`[\p{L}\p{N}]`); ASCII ones are tested directly.
static LETTER_OR_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}]").expect("letter regex"));

/// One Unicode word character (the `\w` of the rule regexes).
static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w").expect("word regex"));

/// An ASCII stand-in for `text`, byte for byte as long, on which the cue and action
/// regexes match exactly where they match on `text`. Their Unicode `\b` makes the
/// regex crate's fast DFA give up at the first non-ASCII byte and fall back to a
/// backtracker that is many times slower, and news text has curly quotes and dashes in
/// most sentences. Those regexes only ask of a non-ASCII character whether it is a word
/// character (`\b`) or whitespace (`\s+`), and their literals are ASCII, so each such
/// character becomes as many bytes of `_` (word), form feed (space) or `#` (neither),
/// none of which a literal or `[a-z]` matches. The two non-ASCII characters that
/// case-fold to ASCII letters (long s, Kelvin sign) would match `(?i)` literals; a text
/// holding either keeps its original.
pub fn ascii_shadow(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || text.contains(['\u{17F}', '\u{212A}']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(k) = text.as_bytes()[i..].iter().position(|b| !b.is_ascii()) {
        // ASCII runs are copied whole.
        out.push_str(&text[i..i + k]);
        i += k;
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let fill = if COMMON_PUNCTUATION.contains(&c) {
            '#'
        } else if WORD_CHAR.is_match(&text[i..i + len]) {
            '_'
        } else if c.is_whitespace() {
            '\x0C'
        } else {
            '#'
        };
        out.extend(std::iter::repeat_n(fill, len));
        i += len;
    }
    out.push_str(&text[i..]);
    Cow::Owned(out)
}

/// A verb pattern of the rules: up to `max_prefixes` auxiliaries or adverbs, a head,
/// and for cues an optional particle and "in a statement", each ending at a word
/// boundary, case-insensitive. It is a regex, compiled twice: as written, for texts that
/// keep non-ASCII characters (see [`ascii_shadow`]), and with Unicode mode off, for
/// ASCII shadows, on which the two match alike (`(?i)`, `\s`, `\b` and classes only
/// differ on non-ASCII characters) while the ASCII form is a far smaller automaton. On
/// ASCII the regex only finds where matches are; their parts are read off by hand
/// (`parse`), as capture groups from the regex's backtracker cost more than all
/// the rules together. The tests check `parse` against the groups.
pub struct VerbPattern {
    prefixes: &'static [&'static str],
    ly_adverbs: bool,
    max_prefixes: usize,
    /// The heads by their lowercased first byte, each list in order of preference:
    /// only those can match at a given byte, and the first of them that does is the
    /// regex's choice.
    heads: Vec<Vec<&'static str>>,
    particles: &'static [&'static str],
    in_a_statement: bool,
    unicode: Regex,
    ascii: Regex,
}

/// One match of a [`VerbPattern`], as byte ranges of the haystack.
pub struct VerbMatch {
    pub all: Range<usize>,
    /// The auxiliaries and adverbs before the head, with their spaces (may be empty).
    pub pre: Range<usize>,
    pub head: Range<usize>,
    /// The particle with the spaces before it.
    pub part: Option<Range<usize>>,
    /// " in a statement".
    pub stmt: Option<Range<usize>>,
}

impl VerbPattern {
    /// `heads` in order of preference (the regex takes the first that matches);
    /// `ly_adverbs` also admits any lowercase adverb in "-ly" as a prefix.
    pub fn new(
        prefixes: &'static [&'static str],
        ly_adverbs: bool,
        max_prefixes: usize,
        heads: Vec<&'static str>,
        particles: &'static [&'static str],
        in_a_statement: bool,
    ) -> Self {
        let ly = if ly_adverbs { "|(?-i:[a-z]+ly)" } else { "" };
        let mut pattern = format!(
            r"(?i)\b(?P<pre>(?:(?:{}{ly})\s+){{0,{max_prefixes}}})(?P<head>{})\b",
            prefixes.join("|"),
            heads.join("|")
        );
        if !particles.is_empty() {
            pattern += &format!(r"(?P<part>\s+(?:{})\b)?", particles.join("|"));
        }
        if in_a_statement {
            pattern += r"(?P<stmt>\s+in\s+a\s+statement\b)?";
        }
        let mut by_initial = vec![Vec::new(); 256];
        for h in heads {
            if let Some(&b) = h.as_bytes().first() {
                by_initial[usize::from(b.to_ascii_lowercase())].push(h);
            }
        }
        VerbPattern {
            prefixes,
            ly_adverbs,
            max_prefixes,
            heads: by_initial,
            particles,
            in_a_statement,
            unicode: Regex::new(&pattern).expect("verb regex"),
            ascii: Regex::new(&format!("(?-u){pattern}")).expect("ASCII verb regex"),
        }
    }

    /// The matches in `hay`, a sentence of a shadow; `ascii` says whether the shadow is
    /// ASCII (see [`ascii_shadow`]).
    pub fn find(&self, hay: &str, ascii: bool) -> Vec<VerbMatch> {
        if ascii {
            self.ascii
                .find_iter(hay)
                .filter_map(|m| self.parse(hay.as_bytes(), m.start()))
                .collect()
        } else {
            captures(&self.unicode, hay)
        }
    }

    /// The parts of the match starting at `start` of an ASCII haystack, as the regex
    /// would capture them: it takes as many prefixes as leave a head after them
    /// (greedy repetition), the first head in order, then the particle and "in a
    /// statement" when present (greedy options).
    fn parse(&self, b: &[u8], start: usize) -> Option<VerbMatch> {
        // Where a head may start after 0, 1, ... prefixes: a prefix is a whole word
        // (a run of non-spaces), as it must be followed by spaces.
        let mut at = vec![start];
        let mut p = start;
        while at.len() <= self.max_prefixes {
            let word_end = p + b[p..].iter().take_while(|&&c| !is_space(c)).count();
            let word = &b[p..word_end];
            let prefix = self
                .prefixes
                .iter()
                .any(|x| x.as_bytes().eq_ignore_ascii_case(word))
                || (self.ly_adverbs
                    && word.len() > 2
                    && word.ends_with(b"ly")
                    && word.iter().all(u8::is_ascii_lowercase));
            let Some(next) = after_spaces(b, word_end).filter(|_| prefix) else {
                break;
            };
            p = next;
            at.push(p);
        }
        let head = at.iter().rev().find_map(|&p| {
            self.heads[usize::from(b.get(p)?.to_ascii_lowercase())]
                .iter()
                .find(|h| word_at(b, p, h))
                .map(|h| p..p + h.len())
        })?;
        let mut end = head.end;
        let part = after_spaces(b, end).and_then(|q| {
            self.particles
                .iter()
                .find(|w| word_at(b, q, w))
                .map(|w| end..q + w.len())
        });
        if let Some(part) = &part {
            end = part.end;
        }
        let stmt = if self.in_a_statement {
            in_a_statement(b, end)
        } else {
            None
        };
        Some(VerbMatch {
            all: start..stmt.as_ref().map_or(end, |s| s.end),
            pre: start..head.start,
            head,
            part,
            stmt,
        })
    }
}

/// The matches of a [`VerbPattern`] regex, read from its capture groups.
fn captures(re: &Regex, hay: &str) -> Vec<VerbMatch> {
    re.captures_iter(hay)
        .filter_map(|c| {
            let (all, head) = (c.get(0)?, c.name("head")?);
            Some(VerbMatch {
                all: all.range(),
                pre: all.start()..head.start(),
                head: head.range(),
                part: c.name("part").map(|m| m.range()),
                stmt: c.name("stmt").map(|m| m.range()),
            })
        })
        .collect()
}

/// An ASCII `\s`.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ')
}

/// The end of the run of one or more spaces at `p`.
fn after_spaces(b: &[u8], p: usize) -> Option<usize> {
    let n = b.get(p..)?.iter().take_while(|&&c| is_space(c)).count();
    (n > 0).then_some(p + n)
}

/// Whether `word` (ending in a letter) is at `p`, case-insensitively, followed by a
/// word boundary.
fn word_at(b: &[u8], p: usize, word: &str) -> bool {
    b.get(p..p + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
        && !b
            .get(p + word.len())
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// " in a statement" at `p`.
fn in_a_statement(b: &[u8], p: usize) -> Option<Range<usize>> {
    let q = after_spaces(b, p)?;
    let q = after_spaces(b, q + 2)
        .filter(|_| b[q..].len() >= 2 && b[q..q + 2].eq_ignore_ascii_case(b"in"))?;
    let q = after_spaces(b, q + 1).filter(|_| b[q].eq_ignore_ascii_case(&b'a'))?;
    word_at(b, q, "statement").then_some(p..q + "statement".len())
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl<'a> Token<'a> {
    /// Whether the token is a word rather than punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether the word starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a run of ASCII digits ("21", "000").
    pub fn is_number(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// Whether the word looks like a finite verb or an auxiliary: a lowercase word in
    /// "-ed", an irregular past or sentence adverb (`SUBJECT_ENDERS`), or a form of
    /// "be", "have", "will" or "say".
    pub fn is_verb_like(&self) -> bool {
        if self.is_capitalized() {
            return false;
        }
        let l = self.lower();
        l.ends_with("ed")
            || SUBJECT_ENDERS.contains(&l.as_ref())
            || matches!(
                l.as_ref(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "says"
                    | "said"
            )
    }

    /// The lowercased text; borrowed when already lowercase ASCII, as most words are
    /// (the rules lowercase tokens for nearly every lexicon lookup).
    pub fn lower(&self) -> Cow<'a, str> {
        lowercase(self.text)
    }
}

/// `str::to_lowercase`, borrowed when the text is lowercase ASCII already.
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Whether a token is a dash (an em or en dash, or one half of "--": the tokenizer
/// keeps each hyphen apart).
pub fn is_dash(t: &str) -> bool {
    matches!(t, "—" | "–" | "-")
}

/// Whether a word is a party and state label ("R-Ky.", "D-N.Y.", "I-Vt.").
pub fn is_party_label(word: &str) -> bool {
    matches!(word.get(..2), Some("R-" | "D-" | "I-"))
}

/// Whether the inside of a parenthesis after a name is a party, alone or with its state:
/// "D", "R-Texas", "I-Vt.".
pub fn is_party(label: &str) -> bool {
    matches!(label, "D" | "R" | "I") || is_party_label(label)
}

/// Whether the comma at token `k` separates thousands in a number ("21,000"): digits
/// on both sides, three after it, no spaces.
pub fn thousands_comma(toks: &[Token], k: usize) -> bool {
    toks[k].text == ","
        && k > 0
        && toks[k - 1].is_number()
        && toks[k - 1].end == toks[k].start
        && toks
            .get(k + 1)
            .is_some_and(|n| n.is_number() && n.text.len() == 3 && n.start == toks[k].end)
}

/// Tokenizes `text[span]`, with offsets into `text`: words (letters and digits joined
/// by apostrophes, hyphens, periods or ampersands), doubled quote marks (`''`, ``` `` ```)
/// or single non-space characters. Written out by hand rather than as a regex (the
/// tests keep the regex it must agree with): a regex call per token cost more than
/// all the rules together.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let s = &text[start..end];
    let mut out = Vec::with_capacity(s.len() / 4);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let e = if is_letter_or_digit(s, i, c) {
            word_end(s, i)
        } else if closing_triple(text, start + i) {
            // "the word 'old-school,''' said": the inner quotation's mark comes first.
            i + 1
        } else if s[i..].starts_with("''") || s[i..].starts_with("``") {
            i + 2
        } else {
            i + c.len_utf8()
        };
        out.push(Token {
            start: start + i,
            end: start + e,
            text: &text[start + i..start + e],
        });
        i = e;
    }
    out
}

/// Whether three apostrophes at byte `i` of `text` follow a word or mark: they close a
/// quotation inside a quotation (`'`) and then the quotation itself (`''`).
fn closing_triple(text: &str, i: usize) -> bool {
    text[i..].starts_with("'''")
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| !p.is_whitespace())
}

/// The non-ASCII characters news text is full of: curly quotes, dashes, the ellipsis.
/// None is a letter, digit, word character or space (the tests check), so they are
/// classified without a regex call.
const COMMON_PUNCTUATION: [char; 7] = ['‘', '’', '“', '”', '–', '—', '…'];

/// Whether `c`, at byte `i` of `s`, is a letter or digit.
fn is_letter_or_digit(s: &str, i: usize, c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if COMMON_PUNCTUATION.contains(&c) {
        false
    } else {
        LETTER_OR_DIGIT.is_match(&s[i..i + c.len_utf8()])
    }
}

/// The end of the word starting at byte `i` of `s`: runs of letters and digits, joined
/// by single apostrophes, hyphens, periods or ampersands.
fn word_end(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    let run_end = |mut j: usize| {
        loop {
            // ASCII letters and digits byte by byte; other characters decoded.
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            match s[j..].chars().next() {
                Some(c) if !c.is_ascii() && is_letter_or_digit(s, j, c) => j += c.len_utf8(),
                _ => break,
            }
        }
        j
    };
    let mut j = run_end(i);
    while let Some(sep) = s[j..]
        .chars()
        .next()
        .filter(|c| matches!(c, '’' | '\'' | '-' | '.' | '&'))
    {
        let k = j + sep.len_utf8();
        let after = run_end(k);
        if after == k {
            break;
        }
        j = after;
    }
    j
}

/// Whether a token opens or closes a quotation.
pub fn is_quote_mark(t: &str) -> bool {
    QUOTE_MARKS.contains(&t)
}

/// The quotation marks [`is_quote_mark`] knows.
const QUOTE_MARKS: [&str; 5] = ["\"", "“", "”", "''", "``"];

/// Whether `s` opens with a quotation mark.
pub fn starts_with_quote_mark(s: &str) -> bool {
    QUOTE_MARKS.iter().any(|q| s.starts_with(q))
}

/// Finds quotations: curly quotes pair up, straight and doubled-apostrophe quotes
/// alternate, and a quotation still open at the end of a paragraph ends there (news
/// style leaves multi-paragraph quotes open), so unbalanced marks never derail the
/// rest of the document.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    // Only line breaks and quote marks matter: jump from one to the next (0xE2 leads
    // the curly quotes and is never inside a character, so every stop is on a
    // character boundary, and the characters skipped would only have been stepped over).
    while let Some(k) = text.as_bytes()[i..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'"' | b'\'' | b'`' | 0xE2))
    {
        i += k;
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        // "the word 'old-school,''' said": the inner quotation closes first.
        if closing_triple(text, i) {
            i += 1;
            continue;
        }
        let doubled = rest.starts_with("''") || rest.starts_with("``");
        if c == '\n' {
            if let Some(o) = open.take() {
                push_quote(text, o, i, &mut out);
            }
        } else if c == '“' || rest.starts_with("``") {
            open = Some(i);
        } else if c == '”' {
            if let Some(o) = open.take() {
                out.push(Span {
                    start: o,
                    end: i + len,
                });
            }
        } else if c == '"' || doubled {
            let mark = if doubled { 2 } else { 1 };
            let prev = text[..i].chars().next_back();
            let next = text[i + mark..].chars().next();
            // A mark after a space and before a letter opens; anything else closes.
            let opens_here = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p))
                && next.is_some_and(|n| !n.is_whitespace());
            match open {
                Some(o) if !opens_here => {
                    out.push(Span {
                        start: o,
                        end: i + mark,
                    });
                    open = None;
                }
                // Two opening marks in a row: the first was stray.
                _ if opens_here => open = Some(i),
                _ => {}
            }
        }
        i += if doubled { 2 } else { len };
    }
    if let Some(o) = open {
        push_quote(text, o, text.len(), &mut out);
    }
    out
}

// `quotations` yields disjoint spans in text order (one quotation is open at a time),
// so their starts and their ends both ascend: the lookups below bisect instead of
// scanning every quotation of the document for each token.

/// Whether `[start, end)` lies inside a quotation that opens before `start`. Only the
/// last quotation opening before `start` can hold it, as it ends after all earlier ones.
pub fn in_quote(quotes: &[Span], start: usize, end: usize) -> bool {
    let k = quotes.partition_point(|q| q.start < start);
    k > 0 && end <= quotes[k - 1].end
}

/// Like [`in_quote`], but the span must also end before the quotation's last byte.
pub fn strictly_in_quote(quotes: &[Span], start: usize, end: usize) -> bool {
    let k = quotes.partition_point(|q| q.start < start);
    k > 0 && end < quotes[k - 1].end
}

/// The quotation opening at `start`.
pub fn quote_starting_at(quotes: &[Span], start: usize) -> Option<Span> {
    let k = quotes.partition_point(|q| q.start < start);
    quotes.get(k).filter(|q| q.start == start).copied()
}

/// The quotation closing at `end`.
pub fn quote_ending_at(quotes: &[Span], end: usize) -> Option<Span> {
    let k = quotes.partition_point(|q| q.end < end);
    quotes.get(k).filter(|q| q.end == end).copied()
}

/// Pushes an unclosed quotation ending at `end`, trimmed of trailing whitespace.
fn push_quote(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let end = start + text[start..end].trim_end().len();
    if end > start + 1 {
        out.push(Span { start, end });
    }
}

/// The index just past the noun phrase that starts at token `i` going forward, for
/// sources after the cue ("said Mike Waltz, Trump's adviser") and "according to X".
/// Takes a following appositive after a comma when it starts like a noun phrase.
pub fn np_forward(toks: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    while j < toks.len() {
        let t = &toks[j];
        if t.is_word() {
            let l = t.lower();
            // "former and current officials": "and" between words stays inside.
            let joins = l == "and"
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && !NP_STOPS.contains(&n.lower().as_ref()));
            // "a count by The Associated Press", "a poll conducted by Edison Research".
            let agent = l == "by" && j > i && REPORT_WORDS.contains(&toks[j - 1].lower().as_ref());
            if j > i
                && NP_STOPS.contains(&l.as_ref())
                && !NP_LINKS.contains(&l.as_ref())
                && !joins
                && !agent
            {
                break;
            }
            if j == i && NP_STOPS.contains(&l.as_ref()) && l != "the" {
                return None;
            }
            // "said Paul Ryan in a statement": "in" before an occasion ends the phrase;
            // "a new article in Politico", "a source involved in the talks", "a poll
            // conducted in February" keep it (train: 18 of 26 such gold sources do, the
            // other 8 all before "a"/"an").
            // A year or decade after "in" ("in 2015", "in the 1970s") is a time, and
            // so is "in the interview".
            let digit = |k: usize| {
                toks.get(k)
                    .is_some_and(|n| n.text.bytes().next().is_some_and(|b| b.is_ascii_digit()))
            };
            let occasion = toks.get(j + 1).is_some_and(|n| {
                let l = n.lower();
                matches!(
                    l.as_ref(),
                    "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
                ) || (l == "the"
                    && (digit(j + 2)
                        || toks.get(j + 2).is_some_and(|m| {
                            matches!(
                                m.lower().as_ref(),
                                "interview" | "statement" | "speech" | "debate" | "meeting"
                            )
                        })))
            }) || (digit(j + 1) && !(j > 0 && digit(j - 1)));
            if j > i && l == "in" && occasion {
                break;
            }
            j += 1;
        } else if (t.text == "." && j > i && is_abbreviation(toks[j - 1].text))
            || (t.text == "/"
                && j > i
                && toks[j - 1].end == t.start
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.start == t.end && n.is_word()))
        {
            // "Gov.", "U.S." and "New York Times/CBS News" stay inside the phrase.
            j += 1;
        } else {
            break;
        }
        if j - i > 11 {
            // "polls conducted for The Associated Press": a name is not cut in two.
            while j > i
                && toks[j - 1].is_capitalized()
                && toks
                    .get(j)
                    .is_some_and(|n| n.is_word() && n.is_capitalized())
            {
                j += 1;
            }
            break;
        }
    }
    // Do not end on a linking word ("the head of").
    while j > i && NP_LINKS.contains(&toks[j - 1].lower().as_ref()) {
        j -= 1;
    }
    if j == i {
        return None;
    }
    // A party and state label: "Rep. Bobby Scott (D-Va.)".
    if let Some(close) = party_label(toks, j) {
        j = close + 1;
    }
    // An appositive: ", a Democratic pollster" / ", the top strategist ...".
    if j + 1 < toks.len() && toks[j].text == "," {
        let a = &toks[j + 1];
        let l = a.lower();
        if DETERMINERS.contains(&l.as_ref())
            || a.text.ends_with("’s")
            || a.text.ends_with("'s")
            || (l == "who" && !reporting_relative(&toks[j + 1..]))
        {
            let mut k = j + 1;
            while k < toks.len()
                && !matches!(toks[k].text, "," | "." | ";" | ":" | "—" | "(")
                && !is_quote_mark(toks[k].text)
                || (k < toks.len() && toks[k].text == "." && is_abbreviation(toks[k - 1].text))
            {
                k += 1;
            }
            if k - j <= 24 {
                return Some(k);
            }
        }
    }
    Some(j)
}

/// Whether the tokens open a relative clause that reports speech or a refusal to speak
/// ("who said the project was vetted", "who spoke on the condition of anonymity",
/// "which declined to comment"): PolNeAR leaves such a clause out of the source it
/// follows (train, before a cue: 14 of 15; after one: 9 of 11), while a clause that only
/// describes the speaker ("who runs the NRA's lobbying arm") is in about as often as out.
pub fn reporting_relative(toks: &[Token]) -> bool {
    let opens = toks
        .first()
        .is_some_and(|t| matches!(t.lower().as_ref(), "who" | "which"));
    opens
        && toks.iter().skip(1).take(4).any(|t| {
            let l = t.lower();
            matches!(
                l.as_ref(),
                "anonymity" | "condition" | "comment" | "respond" | "requested" | "declined"
            ) || cue_confidence(&l).is_some_and(|c| c >= 0.5)
        })
}

/// Like [`np_forward`], for a source after its cue: a modifier in "by", "to" or "with"
/// runs to the next punctuation ("a longtime adviser to Trump", "one person with
/// knowledge of the talks", "polling by the A.F.L.-C.I.O."; train: 30 of 32 such gold
/// sources after their cue do).
pub fn source_forward(toks: &[Token], i: usize) -> Option<usize> {
    let j = np_forward(toks, i)?;
    if j == i
        || !toks
            .get(j)
            .is_some_and(|t| matches!(t.lower().as_ref(), "by" | "to" | "with"))
    {
        return Some(j);
    }
    let mut k = j + 1;
    while k < toks.len() && k - j <= 25 {
        let t = &toks[k];
        let abbreviation = t.text == "." && is_abbreviation(toks[k - 1].text);
        if !t.is_word() && !abbreviation && !matches!(t.text, "’" | "'" | "/" | "&") {
            break;
        }
        k += 1;
    }
    Some(if k > j + 1 && k - j <= 25 { k } else { j })
}

/// The index of the closing parenthesis of a party label opening at token `j`: "(D)",
/// "(R-Texas)", "(I-Vt.)", "(D-S.C.)".
fn party_label(toks: &[Token], j: usize) -> Option<usize> {
    if toks.get(j)?.text != "(" {
        return None;
    }
    let label = toks.get(j + 1)?.text;
    if !is_party(label) {
        return None;
    }
    (j + 2..(j + 5).min(toks.len())).find(|&k| toks[k].text == ")")
}

/// Nouns and participles after which "by" names an author inside the noun phrase.
const REPORT_WORDS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "count",
    "report",
    "analysis",
    "study",
    "tally",
    "review",
    "estimate",
    "estimates",
    "investigation",
    "conducted",
    "released",
    "published",
    "commissioned",
    "compiled",
    "book",
    "article",
    "op-ed",
    "memo",
    "letter",
];

/// The index of the first token of the noun phrase that ends just before token `end`
/// (walking back from a cue), or None when no noun phrase is there.
pub fn np_backward(toks: &[Token], end: usize) -> Option<usize> {
    let mut i = end;
    let mut words = 0;
    while i > 0 {
        let t = &toks[i - 1];
        if !t.is_word() {
            // "Rep. Gregory Meeks (D-N.Y.)": a short parenthetical after a name.
            if t.text == ")" {
                let open = toks[i.saturating_sub(9)..i - 1]
                    .iter()
                    .rposition(|x| x.text == "(")
                    .map(|k| i.saturating_sub(9) + k);
                if let Some(o) = open.filter(|&o| o > 0 && toks[o - 1].is_capitalized()) {
                    words += 1;
                    i = o;
                    continue;
                }
            }
            // "Gov." / "U.S." keep their period inside the phrase.
            if t.text == "." && i >= 2 && is_abbreviation(toks[i - 2].text) {
                i -= 1;
                continue;
            }
            // "21,000 people": a thousands separator joins the number.
            if i >= 2 && i < end && thousands_comma(toks, i - 1) {
                i -= 2;
                words += 1;
                continue;
            }
            // "Sanders’ campaign", "CNN/ORC poll", "85% of Democrats".
            let inner = i >= 2 && i < end && toks[i - 2].is_word() && toks[i - 2].end == t.start;
            let joined = match t.text {
                "’" | "'" => inner && toks[i - 2].text.ends_with('s'),
                "/" => inner && t.end == toks[i].start,
                // "42% say": a percentage right before the cue is a phrase too.
                "%" => {
                    inner
                        || (i >= 2
                            && i == end
                            && toks[i - 2].end == t.start
                            && toks[i - 2].text.bytes().all(|b| b.is_ascii_digit()))
                }
                _ => false,
            };
            if joined {
                i -= 1;
                continue;
            }
            break;
        }
        let l = t.lower();
        // "5:35PM Chris Christie said": a clock time in a live blog opens no phrase.
        if l.ends_with("pm") || l.ends_with("am") {
            let digits = &l[..l.len() - 2];
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
        }
        // "Theresa May", "George Will": a capitalised modal after a name, or right
        // before the cue (which took any real modal into itself), is a name.
        let name_part = matches!(l.as_ref(), "may" | "will")
            && t.is_capitalized()
            && (i == end || (i >= 2 && toks[i - 2].is_capitalized()));
        if NP_STOPS.contains(&l.as_ref()) && !name_part {
            // A relative pronoun right before the cue is itself the source.
            if i == end && matches!(l.as_ref(), "who" | "which" | "that") {
                return Some(i - 1);
            }
            // "Doyle and others", "Clinton and Sanders": a coordinated phrase.
            // "he and Brafman", "Clinton and other Democrats".
            let joins = l == "and"
                && i >= 2
                && (toks[i - 2].is_capitalized()
                    || matches!(toks[i - 2].lower().as_ref(), "he" | "she" | "i" | "we"))
                && toks.get(i).is_some_and(|n| {
                    n.is_capitalized()
                        || n.text == "others"
                        || DETERMINERS.contains(&n.lower().as_ref())
                });
            // "union members and leaders", "many experts and some lawmakers": two plural
            // nouns coordinated.
            let plurals = l == "and" && i >= 2 && i < end && {
                let p = toks[i - 2].lower();
                let determined = i == 2
                    || matches!(
                        toks[i - 3].lower().as_ref(),
                        "many" | "some" | "most" | "several" | "other" | "all" | "both"
                    )
                    || ARTICLES.contains(&toks[i - 3].lower().as_ref());
                let agent = ["ers", "ors", "ists", "ians", "ants", "ents", "ats", "als"]
                    .iter()
                    .any(|x| p.ends_with(x));
                p.len() > 3
                    && p.ends_with('s')
                    && !p.ends_with("ss")
                    && p.chars().all(|c| c.is_alphabetic())
                    && !NP_STOPS.contains(&p.as_ref())
                    && !toks[i - 2].is_capitalized()
                    && (determined || agent)
            };
            // "Neither Cruz nor Christie", "Neither Mr. Comey nor other officials".
            let neither = l == "nor"
                && i < end
                && toks[i.saturating_sub(6)..i - 1]
                    .iter()
                    .any(|t| t.lower() == "neither");
            // "The Commission on Presidential Debates", "the Center on Budget and Policy
            // Priorities": "on" inside a body's name.
            let body = l == "on"
                && i >= 2
                && i < end
                && toks[i].is_capitalized()
                && matches!(
                    toks[i - 2].lower().as_ref(),
                    "commission"
                        | "council"
                        | "committee"
                        | "subcommittee"
                        | "board"
                        | "center"
                        | "centre"
                        | "conference"
                        | "institute"
                        | "panel"
                        | "caucus"
                );
            // "three current and former employees", "the businessman and reality star",
            // "the candidate's friends and political allies": two modifiers or nouns of
            // one determined phrase.
            let modifiers = l == "and"
                && i >= 3
                && i + 1 < end
                && toks[i - 2].is_word()
                && !toks[i - 2].is_capitalized()
                && !NP_STOPS.contains(&toks[i - 2].lower().as_ref())
                && toks[i].is_word()
                && !toks[i].is_capitalized()
                && {
                    let n = toks[i].lower();
                    !is_quantity(&n)
                        && !NP_LINKS.contains(&n.as_ref())
                        && !NP_STOPS.contains(&n.as_ref())
                        && !matches!(n.as_ref(), "by" | "to" | "with" | "on" | "at")
                }
                && {
                    let d = toks[i - 3].lower();
                    is_quantity(&d)
                        || ARTICLES.contains(&d.as_ref())
                        || d.ends_with("'s")
                        || d.ends_with("’s")
                };
            // "candidates like Marco Rubio", "populists like Mr. Trump and Ms. Le Pen":
            // examples of a plural noun belong to it.
            let like = l == "like" && i >= 2 && i < end && toks[i].is_capitalized() && {
                let p = toks[i - 2].lower();
                p.len() > 3
                    && p.ends_with('s')
                    && !p.ends_with("ss")
                    && !toks[i - 2].is_capitalized()
                    && p.chars().all(|c| c.is_alphabetic())
                    && !NP_STOPS.contains(&p.as_ref())
            };
            let joins = joins || plurals || neither || body || modifiers || like;
            // "a report by the Center", "aides to Clinton", "a person familiar with the
            // planning", "people briefed on the talks": a preposition inside the phrase,
            // after a noun or participle.
            // Not after a sum or a time: "gave $3 million to a group", "$25 million last
            // month to an outside group".
            let inner_link = matches!(l.as_ref(), "by" | "to" | "with" | "on")
                && i < end
                && i >= 2
                && toks[i - 2].is_word()
                && (i == 2 || !toks[i - 2].is_capitalized())
                && !toks[i - 2].is_number()
                && {
                    let p = toks[i - 2].lower();
                    !NP_STOPS.contains(&p.as_ref())
                        && !matches!(
                            p.as_ref(),
                            "million" | "billion" | "thousand" | "month" | "week" | "year"
                        )
                };
            if !joins && !inner_link {
                break;
            }
        }
        if NP_LINKS.contains(&l.as_ref()) && i == end {
            break;
        }
        i -= 1;
        words += 1;
        // "Former Secretary of State Hillary Clinton and former Maryland Gov. Martin
        // O’Malley" is twelve words; train sources stop gaining past seventeen (ten had
        // cut 0.1 off source exact).
        if words >= 20 {
            break;
        }
        // "something many Republicans had urged", "an approach several candidates
        // favor": a quantifier right after a noun opens a relative clause's subject.
        if QUANTIFIERS.contains(&l.as_ref())
            && i > 0
            && toks[i - 1].is_word()
            && !toks[i - 1].is_capitalized()
            && !QUANTIFIER_LEADS.contains(&toks[i - 1].lower().as_ref())
        {
            break;
        }
        // "the moment Chris Christie said", "Everything Trump says", "a point Feinstein
        // made": a name right after a noun that a relative clause modifies opens the
        // clause's subject.
        if t.is_capitalized()
            && i > 0
            && toks[i - 1].is_word()
            && GAP_NOUNS.contains(&toks[i - 1].lower().as_ref())
        {
            break;
        }
        // A determiner starts the phrase unless a linking word joins it to more
        // ("a spokesman for the buyer"). A capital "A." is an initial ("Nicole A.
        // Navas").
        let initial = t.text == "A" && toks.get(i + 1).is_some_and(|n| n.text == ".");
        if ARTICLES.contains(&l.as_ref()) && !initial {
            // "Sanders and his supporters": a name coordinated with the phrase.
            let coordinated = i >= 2
                && toks[i - 1].text == "and"
                && toks[i - 2].is_capitalized()
                && matches!(l.as_ref(), "his" | "her" | "their" | "the");
            let linked = coordinated
                || (i > 0
                    && (NP_LINKS.contains(&toks[i - 1].lower().as_ref())
                        || matches!(toks[i - 1].lower().as_ref(), "by" | "to" | "with" | "on")));
            if !linked {
                break;
            }
        }
    }
    // "all the attendees", "both the campaigns": a quantifier before the article.
    if i >= 1
        && i < end
        && ARTICLES.contains(&toks[i].lower().as_ref())
        && matches!(toks[i - 1].lower().as_ref(), "all" | "both" | "half")
    {
        i -= 1;
    }
    // "those voters", "this reporter": a demonstrative opens the phrase it precedes.
    let demonstrative = i >= 1
        && i < end
        && matches!(toks[i - 1].lower().as_ref(), "this" | "these" | "those")
        && toks[i].is_word()
        && !is_time_word(&toks[i].lower())
        && !DETERMINERS.contains(&toks[i].lower().as_ref());
    if demonstrative {
        i -= 1;
    }
    // "About 4 in 10 voters", "more than half of Democrats", "only 49 percent": PolNeAR
    // keeps an approximating word before a quantity in the phrase.
    if i >= 1 && i < end && is_quantity(&toks[i].lower()) {
        let l1 = toks[i - 1].lower();
        if matches!(
            l1.as_ref(),
            "about" | "nearly" | "almost" | "roughly" | "only" | "approximately" | "just"
        ) {
            i -= 1;
        } else if i >= 2
            && matches!(l1.as_ref(), "than" | "least")
            && matches!(
                toks[i - 2].lower().as_ref(),
                "more" | "fewer" | "less" | "at"
            )
        {
            i -= 2;
        }
        if i >= 1 && i < end && toks[i - 1].lower() == "only" {
            i -= 1;
        }
    }
    // Do not start on a linking word or a weekday ("On Tuesday Trump said").
    // "Early polls", "early results": "early" before a noun is an adjective.
    let adjective = |i: usize| {
        toks[i].lower() == "early"
            && toks.get(i + 1).is_some_and(|n| {
                let l = n.lower();
                i + 1 < end
                    && n.is_word()
                    && !n.is_capitalized()
                    && !is_time_word(&l)
                    && !NP_STOPS.contains(&l.as_ref())
                    && !NP_LINKS.contains(&l.as_ref())
            })
    };
    while i < end
        && (NP_LINKS.contains(&toks[i].lower().as_ref())
            || matches!(toks[i].lower().as_ref(), "by" | "to" | "with" | "on")
            || (is_time_word(&toks[i].lower()) && !adjective(i) && !demonstrative))
    {
        i += 1;
    }
    // "At least half of voters": PolNeAR keeps "at least" before a quantity.
    if i >= 1 && i < end && toks[i].lower() == "least" && toks[i - 1].lower() == "at" {
        i -= 1;
    }
    // "Not everyone", "Not all conference attendees": a negated quantifier.
    if i >= 1
        && i < end
        && toks[i - 1].lower() == "not"
        && matches!(
            toks[i].lower().as_ref(),
            "everyone" | "everybody" | "all" | "every" | "many" | "much" | "one"
        )
    {
        i -= 1;
    }
    // A lone determiner is an adjective use of the cue ("a reported uptick"), but a
    // lone quantifier stands for a noun phrase ("Several said", "Some say").
    // Not a quantifier floating after its subject ("Trump and Sanders have both
    // argued", "which both oppose"), "most" before an adverb ("most recently offered")
    // or "All told,".
    let floating = i > 0
        && i < end
        && matches!(
            toks[i - 1].lower().as_ref(),
            "have"
                | "has"
                | "had"
                | "are"
                | "were"
                | "is"
                | "was"
                | "will"
                | "would"
                | "which"
                | "who"
                | "they"
                | "we"
                | "you"
                | "them"
                | "us"
        );
    let word = toks.get(i).map(|t| t.lower()).unwrap_or_default();
    let adverb = word == "most" && toks.get(end).is_some_and(|t| t.lower().ends_with("ly"));
    let all_told = word == "all"
        && toks.get(end).is_some_and(|t| t.lower() == "told")
        && toks.get(end + 1).is_some_and(|t| t.text == ",");
    // "One suggested", "the two write": a number word alone, or after "the", stands
    // for the people counted.
    let counted = !floating
        && match end - i {
            1 => is_number_word(&word),
            2 => word == "the" && is_number_word(&toks[i + 1].lower()),
            _ => false,
        };
    let pronominal = counted
        || (end - i == 1
            && !floating
            && !adverb
            && !all_told
            && matches!(
                word.as_ref(),
                "some" | "many" | "most" | "several" | "both" | "another" | "few" | "all"
            ));
    let only_determiners = !pronominal
        && toks[i..end]
            .iter()
            .all(|t| DETERMINERS.contains(&t.lower().as_ref()));
    (i < end && !only_determiners).then_some(i)
}

/// Whether a lowercase word is a number from one to ten written out.
pub fn is_number_word(l: &str) -> bool {
    matches!(
        l,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// Whether a word states a quantity: a number ("49", "four") or "half", "a third".
fn is_quantity(l: &str) -> bool {
    l.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || is_number_word(l)
        || matches!(
            l,
            "half" | "a" | "dozens" | "hundreds" | "thousands" | "millions"
        )
}

/// Articles and possessives: walking back, a noun phrase starts at one of these.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "every", "each",
];

/// Nouns that head a relative clause with no relative pronoun ("the moment Christie
/// said", "everything Trump says"): a name right after one opens the clause.
const GAP_NOUNS: &[&str] = &[
    "moment",
    "reason",
    "way",
    "thing",
    "things",
    "kind",
    "sort",
    "point",
    "time",
    "place",
    "photo",
    "word",
    "words",
    "message",
    "question",
    "ones",
    "everything",
    "something",
    "anything",
    "nothing",
    "all",
    "what",
    "tactic",
    "approach",
    "day",
    "night",
    "year",
];

/// Quantifiers that open a noun phrase ("many Republicans", "several candidates").
const QUANTIFIERS: &[&str] = &["many", "several", "most", "some", "few"];

/// Words that may stand before a quantifier inside its phrase ("of many", "too many",
/// "a few", "not many").
const QUANTIFIER_LEADS: &[&str] = &[
    "of", "and", "or", "too", "so", "how", "very", "not", "only", "just", "even", "a", "the", "by",
    "to", "with", "on", "for", "at", "from", "in", "quite", "fairly", "but", "while", "as", "that",
    "if", "when", "because", "although", "though", "where", "since",
];

/// US states as news abbreviates them, without the period ("Calif.", "Mo.").
const STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// A US state as news abbreviates it, without its period ("Mo", "Calif", "N.H"), or a
/// party and state ("R-Fla", "D-R.I").
pub fn is_state(word: &str) -> bool {
    if is_party_label(word) {
        return is_state(&word[2..]);
    }
    let dotted = word.len() == 3
        && word.as_bytes()[1] == b'.'
        && word.bytes().all(|b| b == b'.' || b.is_ascii_uppercase());
    dotted
        || (word.chars().next().is_some_and(char::is_uppercase)
            && STATE_ABBREVIATIONS.contains(&lowercase(word).as_ref()))
}

/// Abbreviations that keep their period inside a noun phrase.
pub fn is_abbreviation(word: &str) -> bool {
    if is_state(word) {
        return true;
    }
    let l = lowercase(word);
    HONORIFICS.contains(&l.as_ref())
        || matches!(
            l.as_ref(),
            "gov"
                | "sen"
                | "rep"
                | "gen"
                | "lt"
                | "col"
                | "jr"
                | "sr"
                | "st"
                | "u.s"
                | "u.n"
                | "d.c"
                | "u.k"
                | "inc"
                | "corp"
                | "co"
                | "adm"
                | "capt"
                | "sgt"
                | "prof"
                | "ft"
                | "mt"
                | "rev"
                | "maj"
                | "cmdr"
                | "gens"
        )
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.')
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.split('.').all(|p| p.chars().count() <= 2))
}

/// Days, months and relative time words that open adverbials, not noun phrases.
pub fn is_time_word(l: &str) -> bool {
    matches!(
        l,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "last"
            | "this"
            | "later"
            | "recently"
            | "late"
            | "early"
    )
}

/// Prepositions, conjunctions and adverbs that open an introductory phrase before the
/// subject ("After the debate, Trump said ...", "Likewise, Trump went after ...").
const SUBJECT_INTRODUCERS: &[&str] = &[
    "after",
    "before",
    "during",
    "when",
    "while",
    "although",
    "though",
    "as",
    "since",
    "because",
    "if",
    "amid",
    "under",
    "with",
    "without",
    "outside",
    "inside",
    "within",
    "throughout",
    "like",
    "unlike",
    "likewise",
    "similarly",
    "asked",
    "following",
    "until",
    "once",
    "upon",
    "among",
    "across",
    "behind",
    "near",
    "against",
    "but",
    "and",
    "so",
    "then",
    "also",
    "earlier",
    "later",
];

/// A lowercased word in "-ly" that is an adverb ("Similarly", "Clearly"), not a name or
/// a noun ("Carly", "Kelly", "Family").
pub fn ly_adverb(l: &str) -> bool {
    l.len() >= 6 && l.ends_with("ly") && !LY_NOUNS.contains(&l)
}

/// Whether a sentence's first word (lowercased) opens an introductory phrase rather
/// than its subject ("Despite ...", "Among Republicans, ...", "Still, ...").
pub fn opens_introduction(first: &str) -> bool {
    SUBJECT_INTRODUCERS.contains(&first)
        || is_time_word(first)
        || NP_LINKS.contains(&first)
        || ly_adverb(first)
        || matches!(
            first,
            "at" | "on"
                | "by"
                | "to"
                | "despite"
                | "still"
                | "besides"
                | "including"
                | "however"
                | "meanwhile"
                | "indeed"
                | "instead"
                | "yet"
                | "now"
                | "even"
                | "already"
        )
}

/// "Speaking at a town hall in Salem, ...", "Walking to the next address, ...": a
/// participle opening the sentence.
fn participle_opening(toks: &[Token]) -> bool {
    let first = toks.first().map(|t| t.lower()).unwrap_or_default();
    let first = first.as_ref();
    // A participle takes a lowercase complement ("Speaking at", "Walking to"); a name
    // ending in -ing ("Sterling, the owner, ...") does not.
    let ing = toks
        .get(1)
        .is_some_and(|t| t.is_word() && !t.is_capitalized())
        && first.len() > 5
        && first.ends_with("ing")
        && !matches!(
            first,
            "nothing" | "something" | "everything" | "anything" | "spring" | "string" | "during"
        );
    // "Chastened by the analyses, ...", "Faced with a revolt, ...": a past participle
    // and its preposition.
    let ed = first.len() > 5
        && first.ends_with("ed")
        && toks.get(1).is_some_and(|t| {
            matches!(
                t.text,
                "by" | "with" | "in" | "on" | "about" | "to" | "from" | "at" | "for" | "as"
            )
        });
    ing || ed
}

/// "Minutes later, ...", "Two years ago, ...", "Eight years after backing Obama, ...": a
/// time measured from another opens the sentence.
fn time_opening(toks: &[Token]) -> bool {
    let Some(comma) = toks.iter().take(10).position(|t| t.text == ",") else {
        return false;
    };
    let chunk = &toks[..comma];
    let measured = chunk.first().is_some_and(|t| {
        let l = t.lower();
        is_quantity(&l) || is_time_unit(&l) || matches!(l.as_ref(), "a" | "an" | "the")
    });
    // "An official later walked back ...": the chunk counts time, not people.
    measured
        && chunk.iter().any(|t| is_time_unit(&t.lower()))
        && chunk.iter().any(|t| {
            matches!(
                t.lower().as_ref(),
                "later" | "earlier" | "ago" | "after" | "before"
            )
        })
}

/// A unit of time, singular or plural (lowercase): "day", "weeks", "centuries" (the
/// time-expression rules' units), or "moments", "nights".
pub fn is_time_unit(l: &str) -> bool {
    crate::extract::timex::is_unit_word(l)
        || matches!(l.strip_suffix('s').unwrap_or(l), "moment" | "night")
}

/// "Most recently, ...", "Perhaps most importantly, ...": a short phrase ending in an
/// adverb, set off by a comma.
fn adverb_opening(toks: &[Token]) -> bool {
    toks.iter()
        .take(4)
        .position(|t| t.text == ",")
        .is_some_and(|c| {
            c >= 2 && ly_adverb(&toks[c - 1].lower()) && toks[..c].iter().all(|t| t.is_word())
        })
}

/// The word before a contracted auxiliary ("he’s", "they've", "I'm"): what precedes the
/// apostrophe when what follows it is "s", "ve", "d", "ll", "re" or "m".
pub fn clitic_stem(word: &str) -> Option<&str> {
    let k = word.find(['\'', '’'])?;
    let apostrophe = word[k..].chars().next()?.len_utf8();
    let clitic = &word[k + apostrophe..];
    ["s", "ve", "d", "ll", "re", "m"]
        .iter()
        .any(|c| clitic.eq_ignore_ascii_case(c))
        .then_some(&word[..k])
}

/// The subject of the sentence: the first noun phrase after any introductory phrase
/// set off by a comma ("For its part, Mexico has ...").
pub fn subject(toks: &[Token]) -> Option<Span> {
    // "BUENA PARK, Calif. — Hillary Clinton vowed ...": a dateline opens no subject.
    // "ORLANDO, Fla. (Reuters) - President Barack Obama met ...", "(UPI) — In response
    // ...": an agency's dateline too.
    let capitals = |t: &Token| t.text.len() >= 3 && t.text.chars().all(|c| c.is_uppercase());
    // "Washington (AFP) – Democrat Hillary Clinton has taken ...": an agency in
    // parentheses right before the dash marks one whatever the city's case.
    let agency = toks.iter().take(10).enumerate().any(|(k, t)| {
        t.text == ")"
            && k >= 2
            && toks[k - 2].text == "("
            && toks[k - 1].is_capitalized()
            && toks.get(k + 1).is_some_and(|d| is_dash(d.text))
    }) || (toks.first().is_some_and(|t| t.text == "(")
        && toks.get(1).is_some_and(|t| t.is_capitalized())
        && toks.get(2).is_some_and(|t| t.text == ")"));
    if toks.first().is_some_and(capitals) || agency {
        if let Some(d) = toks.iter().take(10).position(|t| is_dash(t.text)) {
            return subject(&toks[d + 1..]);
        }
    }
    let mut i = 0;
    let first = toks.first()?.lower();
    let intro = NP_STOPS.contains(&first.as_ref())
        || is_time_word(&first)
        || ly_adverb(&first)
        || matches!(
            first.as_ref(),
            "for"
                | "in"
                | "on"
                | "at"
                | "more"
                | "meanwhile"
                | "now"
                | "still"
                | "yet"
                | "instead"
                | "however"
                | "indeed"
                | "despite"
                | "last"
                | "next"
                | "from"
        )
        || SUBJECT_INTRODUCERS.contains(&first.as_ref())
        || participle_opening(toks)
        || time_opening(toks)
        || adverb_opening(toks);
    // "But the Rubio campaign risks ...": a conjunction alone opens no phrase.
    // "By Sunday afternoon she had canceled ...": a pronoun after an opening phrase
    // without a comma is the subject.
    if intro {
        let first_comma = toks
            .iter()
            .position(|t| t.text == ",")
            .unwrap_or(toks.len());
        let pronoun = (1..first_comma.min(10)).find(|&k| {
            matches!(toks[k].lower().as_ref(), "he" | "she" | "they" | "we" | "i")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.is_word() && !n.is_capitalized())
        });
        if let Some(k) = pronoun {
            return Some(Span {
                start: toks[k].start,
                end: toks[k].end,
            });
        }
    }
    let conjunction = matches!(first.as_ref(), "but" | "and" | "so" | "yet" | "then" | "or");
    if intro && !toks.iter().any(|t| t.text == ",") {
        let opens = toks.get(1).is_some_and(|t| {
            let l = t.lower();
            t.is_capitalized()
                || DETERMINERS.contains(&l.as_ref())
                || matches!(l.as_ref(), "he" | "she" | "they" | "we" | "i" | "it")
        });
        if !conjunction || !opens {
            return None;
        }
        i = 1;
    } else if conjunction && toks.len() > 1 {
        // "But other advisers ... have been urging ..., saying", "But a few days later,
        // Trump reversed himself": the sentence after its conjunction.
        return subject(&toks[1..]);
    } else if intro {
        // Past the introductory chunks ("At an event in Ames, Iowa, on Sunday, Mrs.
        // Clinton tried ..."): the first chunk opening with a noun phrase and a verb.
        let commas: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text == ",")
            .map(|(k, _)| k + 1)
            .take(4)
            .collect();
        i = *commas.first()?;
        for &c in &commas {
            let Some(t) = toks.get(c) else { break };
            let opens = t.is_capitalized() || DETERMINERS.contains(&t.lower().as_ref());
            // A verb after the phrase, or inside it: np_forward does not know verbs
            // ("Trump revised his plan").
            let verb_after = np_forward(toks, c).is_some_and(|e| {
                toks.get(e)
                    .is_some_and(|n| n.is_word() && !n.is_capitalized())
                    || toks[c + 1..e].iter().any(Token::is_verb_like)
            });
            if opens && verb_after {
                i = c;
                break;
            }
        }
    }
    // A personal pronoun is the whole subject ("he held his fire, calling ..."), without
    // a contracted verb ("They’re less hostile ... and generally agree").
    let word = toks.get(i)?.text;
    let pronoun = clitic_stem(word).unwrap_or(word);
    if matches!(
        lowercase(pronoun).as_ref(),
        "he" | "she" | "they" | "we" | "i" | "it"
    ) {
        return Some(Span {
            start: toks[i].start,
            end: toks[i].start + pronoun.len(),
        });
    }
    let e = np_forward(toks, i)?;
    // np_forward does not know verbs: end before the first lowercase word that looks
    // like one ("Graham called", "Clinton celebrated", "Trump says").
    // "Black voters have formed", "Republican politicians and their allies": a plural
    // noun after a capitalised modifier, when a verb or "and" follows it.
    let noun_follows = |k: usize| {
        toks.get(k + 1).is_some_and(|n| {
            let l = n.lower();
            l.ends_with("ed")
                || matches!(
                    l.as_ref(),
                    "and"
                        | "who"
                        | "have"
                        | "are"
                        | "were"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "of"
                )
        })
    };
    let e = (i + 1..e)
        .find(|&k| {
            let l = toks[k].text;
            l.chars().next().is_some_and(char::is_lowercase)
                && (l.ends_with("ed")
                    || SUBJECT_ENDERS.contains(&l)
                    // "Mitt Romney largely", "Sanders himself", "Weaver didn’t".
                    || (toks[k - 1].is_capitalized()
                        && (ly_adverb(l)
                            || matches!(
                                l,
                                "himself" | "herself" | "themselves" | "further"
                            )
                            || l.ends_with("n't")
                            || l.ends_with("n’t")))
                    || (l.ends_with('s')
                        && !l.ends_with("ss")
                        && toks[k - 1].is_capitalized()
                        && !DETERMINERS.contains(&toks[k - 1].lower().as_ref())
                        && !toks[k - 1].text.ends_with("'s")
                        && !toks[k - 1].text.ends_with("’s")
                        && !noun_follows(k)))
        })
        .unwrap_or(e);
    // "Trump, who lost, later walked back ...": a verb of the relative clause ended the
    // phrase; the clause's pronoun is not part of it.
    // "Sanders, who has ...": its auxiliary too.
    let e = match (1..=2).find(|&back| {
        e >= i + 2 + back
            && matches!(toks[e - back].lower().as_ref(), "who" | "which" | "whose")
            && toks[e - back - 1].text == ","
    }) {
        Some(back) => e - back - 1,
        None => e,
    };
    Some(Span {
        start: toks[i].start,
        end: toks[e - 1].end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokenizer's specification: the regex it replaced.
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|''|``|\S").expect("token regex")
    });

    /// The regex's tokens, except that three apostrophes after a word or mark are
    /// `'` and then `''`.
    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = TOKEN.find_at(text, pos) {
            let s = m.start();
            let e = if closing_triple(text, s) {
                s + 1
            } else {
                m.end()
            };
            out.push((s, e));
            pos = e;
        }
        out
    }

    fn by_hand(text: &str) -> Vec<(usize, usize)> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| (t.start, t.end))
            .collect()
    }

    #[test]
    fn common_punctuation_is_neither_word_nor_space() {
        for c in COMMON_PUNCTUATION {
            let s = c.to_string();
            assert!(!WORD_CHAR.is_match(&s) && !LETTER_OR_DIGIT.is_match(&s));
            assert!(!c.is_whitespace());
        }
    }

    static VERBS: LazyLock<VerbPattern> = LazyLock::new(|| {
        VerbPattern::new(
            &["has", "also", "a"],
            true,
            3,
            vec!["made clear", "made", "reply", "said", "in"],
            &["for", "on", "out"],
            true,
        )
    });

    fn ranges(ms: &[VerbMatch]) -> Vec<[Option<Range<usize>>; 5]> {
        ms.iter()
            .map(|m| {
                [
                    Some(m.all.clone()),
                    Some(m.pre.clone()),
                    Some(m.head.clone()),
                    m.part.clone(),
                    m.stmt.clone(),
                ]
            })
            .collect()
    }

    /// The noun phrase `np_backward` finds before the last word of `text`.
    fn np_before_last(text: &str) -> Option<String> {
        let toks = tokenize(text, 0, text.len());
        let end = toks.len() - 1;
        np_backward(&toks, end).map(|b| text[toks[b].start..toks[end - 1].end].to_string())
    }

    #[test]
    fn np_backward_keeps_demonstratives_quantifiers_and_inner_links() {
        let cases = [
            // Positives: the phrase starts at the demonstrative / approximator / pronoun.
            ("Those voters said", "Those voters"),
            ("About 4 in 10 voters said", "About 4 in 10 voters"),
            (
                "More than half of Democrats said",
                "More than half of Democrats",
            ),
            ("Only three senators said", "Only three senators"),
            ("He and Brafman said", "He and Brafman"),
            // A capital "A." is an initial, not an article.
            (
                "Justice Department spokeswoman Nicole A. Navas said",
                "Justice Department spokeswoman Nicole A. Navas",
            ),
            // Long coordinated titles.
            (
                "Former Secretary of State Hillary Clinton and former Maryland Gov. Martin \
                 O’Malley said",
                "Former Secretary of State Hillary Clinton and former Maryland Gov. Martin \
                 O’Malley",
            ),
            (
                "Many experts and some lawmakers say",
                "Many experts and some lawmakers",
            ),
            ("Union members and leaders say", "Union members and leaders"),
            ("Aides to Clinton said", "Aides to Clinton"),
            // Examples of a plural noun belong to it; a negated quantifier opens it.
            (
                "Presidential candidates like Donald Trump and Bernie Sanders vow",
                "Presidential candidates like Donald Trump and Bernie Sanders",
            ),
            ("Not everyone agrees", "Not everyone"),
            (
                "A person familiar with the planning said",
                "A person familiar with the planning",
            ),
            (
                "A 2009 report by the Center found",
                "A 2009 report by the Center",
            ),
            // Negatives: no demonstrative before a weekday, no link at the start, no
            // approximator without a quantity, no preposition after a capitalised word.
            ("This Tuesday Trump said", "Trump"),
            ("On Tuesday Trump said", "Trump"),
            ("It was about voters said", "voters"),
            ("A letter from Trump to Clinton said", "Clinton"),
            ("He went and Brafman said", "Brafman"),
            ("The bill passes and voters say", "voters"),
            // "on" inside a body's name, not after any other noun.
            (
                "The Commission on Presidential Debates said",
                "The Commission on Presidential Debates",
            ),
            ("A letter from Trump on Clinton said", "Clinton"),
            // A quantifier after a noun opens a new phrase; after "too" or "of" it does not.
            (
                "It was something many Republicans urged",
                "many Republicans",
            ),
            // A name after a noun a relative clause modifies opens that clause.
            ("It was the moment Chris Christie said", "Chris Christie"),
            ("Everything Trump says", "Trump"),
            (
                "Democratic presidential candidate Hillary Clinton said",
                "Democratic presidential candidate Hillary Clinton",
            ),
            ("Too many Republicans said", "Too many Republicans"),
            (
                "The views of many Republicans said",
                "The views of many Republicans",
            ),
            // A thousands separator joins a number; two modifiers of one determined
            // noun join, a number or preposition after "and" does not.
            ("At least 21,000 said", "At least 21,000"),
            (
                "Three current and former employees said",
                "Three current and former employees",
            ),
            (
                "The candidate's friends and political allies expect",
                "The candidate's friends and political allies",
            ),
            ("Her presidency and 60 percent said", "60 percent"),
            // A sum before "to" is no part of the phrase ("gave $3 million to a group").
            ("He gave $3 million to a group backing", "a group"),
            // A live blog's clock time is no part of the phrase.
            ("5:35PM Chris Christie said", "Chris Christie"),
        ];
        for (text, want) in cases {
            assert_eq!(np_before_last(text).as_deref(), Some(want), "{text}");
        }
    }

    /// The subject `subject` finds at the start of `text`.
    fn subject_of(text: &str) -> Option<String> {
        let toks = tokenize(text, 0, text.len());
        subject(&toks).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn subject_ends_before_its_verb() {
        let cases = [
            // Irregular past tenses and adverbs end the subject.
            ("Romney went after Trump on Monday.", "Romney"),
            ("The nurse later sued the hospital.", "The nurse"),
            ("Graham called the deal a disaster.", "Graham"),
            ("Trump says the deal is dead.", "Trump"),
            // A plural noun after a capitalised modifier stays in when a verb follows.
            ("Black voters have formed a bloc.", "Black voters"),
            (
                "Republican politicians and their allies agreed.",
                "Republican politicians and their allies",
            ),
            // Without a following verb or "and", the -s word is the verb.
            ("Clinton wins the state easily.", "Clinton"),
            // Introductory phrases: a measured time, a participle, an adverb, a
            // conjunction.
            (
                "Minutes later, the Trump campaign issued a statement.",
                "the Trump campaign",
            ),
            (
                "A few days later, the Trump campaign issued a statement.",
                "the Trump campaign",
            ),
            // A relative clause's pronoun stays out.
            (
                "Trump, who lost, later walked back the comments, saying it was wrong.",
                "Trump",
            ),
            // With its auxiliary.
            (
                "Sanders, who has made the middle class his cry, went out of his way to praise Obama.",
                "Sanders",
            ),
            // A pronoun without its contracted verb.
            ("They’re less hostile to regulation and generally agree.", "They"),
            ("he's been quick to make his pitch.", "he"),
            (
                "But a few days later, Trump reversed himself, telling CBS the laws are set.",
                "Trump",
            ),
            (
                "The day before, at a rally in Beaumont, Mr. Trump was just as blunt, claiming it.",
                "Mr. Trump",
            ),
            ("Most recently, Rubio saw his support collapse.", "Rubio"),
            // A chunk that counts no time is the subject.
            (
                "An official later walked back the comments, saying that was wrong.",
                "An official",
            ),
            (
                "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush.",
                "Trump",
            ),
            ("Likewise, Trump went after Clinton.", "Trump"),
            // An adverb, a reflexive or a negation after a name ends the subject.
            ("Mitt Romney largely ignored the attacks.", "Mitt Romney"),
            ("Sanders himself, who was absent, admitted defeat.", "Sanders"),
            // A name in "-ly" is no adverb.
            (
                "Carly Fiorina threw her support behind Cruz on Wednesday, saying it is time.",
                "Carly Fiorina",
            ),
            // A pronoun after an opening phrase without a comma; a dateline.
            (
                "By Sunday afternoon she had canceled a rally in Green Bay, Wis., citing the attack.",
                "she",
            ),
            (
                "BUENA PARK, Calif. — Hillary Clinton vowed to fight on.",
                "Hillary Clinton",
            ),
            (
                "ORLANDO, Fla. (Reuters) - President Barack Obama met survivors.",
                "President Barack Obama",
            ),
            (
                "(UPI) — Hillary Clinton’s right-hand woman rallied supporters.",
                "Hillary Clinton’s right-hand woman",
            ),
            (
                "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Trump.",
                "Democrat Hillary Clinton",
            ),
            ("Rubio hit back again, saying Christie was wrong.", "Rubio"),
            // A past participle and its preposition open the sentence; a chunk with no
            // noun phrase of its own is skipped.
            (
                "Chastened by the analyses, as well as complaints, Trump revised his plan.",
                "Trump",
            ),
            // A plural noun after an article, a possessive or before "of" is no verb.
            (
                "The authors of the report pushed back.",
                "The authors of the report",
            ),
            (
                "Small groups of protesters gathered outside.",
                "Small groups of protesters",
            ),
            (
                "Scott's relatives watched it on Thursday.",
                "Scott's relatives",
            ),
            (
                "But the Rubio campaign dismissed him.",
                "the Rubio campaign",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(subject_of(text).as_deref(), Some(want), "{text}");
        }
        // A conjunction before a verb opens no subject.
        assert_eq!(subject_of("But don't expect a new Trump."), None);
        // A name ending in -ing is no participle: the subject starts at the name.
        assert!(subject_of("Sterling, the owner, sold the team.")
            .is_some_and(|s| s.starts_with("Sterling")));
    }

    #[test]
    fn long_noun_phrases_do_not_cut_a_name() {
        let text =
            "the head of the office of the deputy director for the New York Times Company said";
        let toks = tokenize(text, 0, text.len());
        let e = np_forward(&toks, 0).expect("a phrase");
        assert_eq!(
            &text[..toks[e - 1].end],
            "the head of the office of the deputy director for the New York Times Company"
        );
    }

    proptest! {
        #[test]
        fn verb_parts_match_the_capture_groups(
            text in "(has|Has|also|a|A|made|clear|Made|reply|said|SAID|in|IN|for|on|out|statement|slowly|Slowly|ly|x|_|1|-|,| |  |\t|\x0B)*"
        ) {
            prop_assert_eq!(
                ranges(&VERBS.find(&text, true)),
                ranges(&captures(&VERBS.ascii, &text))
            );
        }

        #[test]
        fn tokenize_matches_its_regex(text in "\\PC{0,200}") {
            prop_assert_eq!(by_hand(&text), by_regex(&text));
        }

        #[test]
        fn tokenize_matches_its_regex_on_word_joins(
            text in "([a-zé1Ⅻ\u{301}]{0,3}|['’&.\\-`]|''|``| |\u{A0}|“|—){0,40}"
        ) {
            prop_assert_eq!(by_hand(&text), by_regex(&text));
        }
    }
}
