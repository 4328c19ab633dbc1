//! Tokens, quotation spans and noun-phrase boundaries: the shallow syntax the rules use.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{DETERMINERS, HONORIFICS, NP_LINKS, NP_STOPS};
use super::Span;

/// Words (letters and digits joined by apostrophes, hyphens, periods or ampersands) or
/// single non-space characters.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|''|``|\S").expect("token regex")
});

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Token<'_> {
    /// Whether the token is a word rather than punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Whether the word starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The lowercased text.
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Tokenizes `text[span]`, with offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    TOKEN
        .find_iter(&text[start..end])
        .map(|m| Token {
            start: start + m.start(),
            end: start + m.end(),
            text: &text[start + m.start()..start + m.end()],
        })
        .collect()
}

/// Whether a token opens or closes a quotation.
pub fn is_quote_mark(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "''" | "``")
}

/// Finds quotations: curly quotes pair up, straight and doubled-apostrophe quotes
/// alternate, and a quotation still open at the end of a paragraph ends there (news
/// style leaves multi-paragraph quotes open), so unbalanced marks never derail the
/// rest of the document.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        let len = c.len_utf8();
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
                    .is_some_and(|n| n.is_word() && !NP_STOPS.contains(&n.lower().as_str()));
            // "a count by The Associated Press", "a poll conducted by Edison Research".
            let agent = l == "by" && j > i && REPORT_WORDS.contains(&toks[j - 1].lower().as_str());
            if j > i
                && NP_STOPS.contains(&l.as_str())
                && !NP_LINKS.contains(&l.as_str())
                && !joins
                && !agent
            {
                break;
            }
            if j == i && NP_STOPS.contains(&l.as_str()) && l != "the" {
                return None;
            }
            if j > i && NP_LINKS.contains(&l.as_str()) && l == "in" {
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
        if j - i > 8 {
            break;
        }
    }
    // Do not end on a linking word ("the head of").
    while j > i && NP_LINKS.contains(&toks[j - 1].lower().as_str()) {
        j -= 1;
    }
    if j == i {
        return None;
    }
    // An appositive: ", a Democratic pollster" / ", the top strategist ...".
    if j + 1 < toks.len() && toks[j].text == "," {
        let a = &toks[j + 1];
        let l = a.lower();
        if DETERMINERS.contains(&l.as_str())
            || a.text.ends_with("’s")
            || a.text.ends_with("'s")
            || l == "who"
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
            // "Sanders’ campaign", "CNN/ORC poll", "85% of Democrats".
            let inner = i >= 2 && i < end && toks[i - 2].is_word() && toks[i - 2].end == t.start;
            let joined = match t.text {
                "’" | "'" => inner && toks[i - 2].text.ends_with('s'),
                "/" => inner && t.end == toks[i].start,
                "%" => inner,
                _ => false,
            };
            if joined {
                i -= 1;
                continue;
            }
            break;
        }
        let l = t.lower();
        if NP_STOPS.contains(&l.as_str()) {
            // A relative pronoun right before the cue is itself the source.
            if i == end && matches!(l.as_str(), "who" | "which" | "that") {
                return Some(i - 1);
            }
            // "Doyle and others", "Clinton and Sanders": a coordinated phrase.
            let joins = l == "and"
                && i >= 2
                && toks[i - 2].is_capitalized()
                && toks
                    .get(i)
                    .is_some_and(|n| n.is_capitalized() || n.text == "others" || n.text == "the");
            if !joins {
                break;
            }
        }
        if NP_LINKS.contains(&l.as_str()) && i == end {
            break;
        }
        i -= 1;
        words += 1;
        if words >= 10 {
            break;
        }
        // A determiner starts the phrase unless a linking word joins it to more
        // ("a spokesman for the buyer").
        if ARTICLES.contains(&l.as_str()) {
            let linked = i > 0 && NP_LINKS.contains(&toks[i - 1].lower().as_str());
            if !linked {
                break;
            }
        }
    }
    // "all the attendees", "both the campaigns": a quantifier before the article.
    if i >= 1
        && i < end
        && ARTICLES.contains(&toks[i].lower().as_str())
        && matches!(toks[i - 1].lower().as_str(), "all" | "both" | "half")
    {
        i -= 1;
    }
    // Do not start on a linking word or a weekday ("On Tuesday Trump said").
    while i < end
        && (NP_LINKS.contains(&toks[i].lower().as_str()) || is_time_word(&toks[i].lower()))
    {
        i += 1;
    }
    // A lone determiner is an adjective use of the cue ("a reported uptick").
    let only_determiners = toks[i..end]
        .iter()
        .all(|t| DETERMINERS.contains(&t.lower().as_str()));
    (i < end && !only_determiners).then_some(i)
}

/// Articles and possessives: walking back, a noun phrase starts at one of these.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "every", "each",
];

/// Abbreviations that keep their period inside a noun phrase.
pub fn is_abbreviation(word: &str) -> bool {
    let l = word.to_lowercase();
    HONORIFICS.contains(&l.as_str())
        || matches!(
            l.as_str(),
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

/// The subject of the sentence: the first noun phrase after any introductory phrase
/// set off by a comma ("For its part, Mexico has ...").
pub fn subject(toks: &[Token]) -> Option<Span> {
    let mut i = 0;
    let first = toks.first()?.lower();
    let intro = NP_STOPS.contains(&first.as_str())
        || is_time_word(&first)
        || first.ends_with("ly")
        || matches!(
            first.as_str(),
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
        );
    if intro {
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
            let opens = t.is_capitalized() || DETERMINERS.contains(&t.lower().as_str());
            let verb_after = np_forward(toks, c)
                .and_then(|e| toks.get(e))
                .is_some_and(|n| n.is_word() && !n.is_capitalized());
            if opens && verb_after {
                i = c;
                break;
            }
        }
    }
    // A personal pronoun is the whole subject ("he held his fire, calling ...").
    if matches!(
        toks.get(i)?.lower().as_str(),
        "he" | "she" | "they" | "we" | "i" | "it"
    ) {
        return Some(Span {
            start: toks[i].start,
            end: toks[i].end,
        });
    }
    let e = np_forward(toks, i)?;
    // np_forward does not know verbs: end before the first lowercase word that looks
    // like one ("Graham called", "Clinton celebrated", "Trump says").
    let e = (i + 1..e)
        .find(|&k| {
            let l = toks[k].text;
            l.chars().next().is_some_and(char::is_lowercase)
                && (l.ends_with("ed")
                    || (l.ends_with('s') && !l.ends_with("ss") && toks[k - 1].is_capitalized()))
        })
        .unwrap_or(e);
    Some(Span {
        start: toks[i].start,
        end: toks[e - 1].end,
    })
}
