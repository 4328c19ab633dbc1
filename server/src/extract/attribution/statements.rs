//! Statement rules: a cue verb from the lexicon, its source (a noun phrase before it,
//! or after it when it follows a quotation) and its content (a quotation, a "that"
//! clause, the rest of the sentence, or the sentence part before the source), with
//! spans following PolNeAR: the cue keeps its auxiliaries and particles ("has called
//! for"), the content keeps "that" and closing quotation marks but not the sentence's
//! final period, and a quotation continued in the next sentences belongs to the content.

use std::sync::LazyLock;

use regex::Regex;

use super::super::sentences::Sentence;
use super::lexicon::{
    cue_confidence, ACTION_VERBS, ADDRESSEE_CUES, ARTICLES_AND_POSSESSIVES, AS_FRAME_CUES,
    CUE_ADVERBS_AFTER, CUE_PARTICLES, CUE_PREFIXES, DETERMINERS, INVERTING_CUES, LY_NOUNS, MODALS,
    NP_LINKS, NP_STOPS, PARTICLE_REQUIRED, PREV_CLASS_CUES, SENTENCE_ADVERBS, STANCE_PARTICIPLES,
    STATEMENT_CUES, US_STATES,
};
use super::text::{
    clitic_stem, in_quote, is_abbreviation, is_dash, is_number_word, is_party_label, is_quote_mark,
    is_state, is_time_unit, is_time_word, lowercase, ly_adverb, np_backward, np_forward,
    opens_introduction, quote_ending_at, quote_starting_at, reporting_relative, source_forward,
    starts_with_quote_mark, strictly_in_quote, subject, thousands_comma, tokenize, Token,
    VerbPattern,
};
use super::{Found, Span};

/// Cue: optional auxiliaries/adverbs, a head from the lexicon, an optional particle.
static CUE: LazyLock<VerbPattern> = LazyLock::new(|| {
    // Longer heads first, so that "expressed concern" wins over "expressed".
    let mut heads: Vec<&str> = STATEMENT_CUES
        .iter()
        .chain(AS_FRAME_CUES)
        .map(|(h, _)| *h)
        .collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.len()));
    VerbPattern::new(
        CUE_PREFIXES,
        true,
        3,
        heads,
        &[
            "for", "on", "of", "about", "against", "to", "out", "with", "as", "at", "back",
        ],
        true,
    )
});

/// A weekday or "recently" right after a cue.
/// A part of the day after a weekday ("said Tuesday night"): PolNeAR keeps both or
/// neither, and the cue is more often the whole.
static WEEKDAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ (?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:night|morning|afternoon|evening)\b)?|recently)\b",
    )
    .expect("weekday regex")
});

/// Finds the statements of every sentence; the cue regex runs on `shadow`, the text's
/// ASCII stand-in (see [`super::text::ascii_shadow`]).
pub fn find(text: &str, shadow: &str, sentences: &[Sentence], quotes: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    let ascii = shadow.is_ascii();
    for (si, s) in sentences.iter().enumerate() {
        let (start, end) = (s.start.min(text.len()), s.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let matches = CUE.find(&shadow[start..end], ascii);
        // Most sentences have neither a cue word nor a colon (see `colon_cue`); only
        // those that do need their tokens.
        let poll_opener = text[start..end].starts_with("In ")
            && ["poll", "Poll", "survey", "Survey"]
                .iter()
                .any(|w| text[start..end].contains(w));
        // A sentence right after a quotation, or holding one, may name its speaker.
        // (Quotations are sorted by their ends.)
        let closing = text[..start].trim_end().len();
        let quoted = quotes
            .get(quotes.partition_point(|q| q.end < closing))
            .is_some_and(|q| q.end <= end);
        let reported = text[start..end].contains("reportedly");
        let colon = text[start..end].contains(':');
        if matches.is_empty() && !poll_opener && !quoted && !reported && !colon {
            continue;
        }
        let toks = tokenize(text, start, end);
        let sentence = Ctx::sentence(text, s, si, &toks, quotes);
        let mut found: Vec<Found> = Vec::new();
        if let Some(f) = colon_cue(&sentence).or_else(|| dash_colon_cue(&sentence)) {
            found.push(f);
        }
        if poll_opener {
            if let Some(f) = poll_in(&sentence) {
                found.push(f);
            }
        }
        if reported {
            if let Some(f) = reportedly(&sentence) {
                found.push(f);
            }
        }
        let verb_after_quote = if quoted { quote_verb(&sentence) } else { None };
        for m in matches {
            let (all, head) = (&m.all, &m.head);
            let head_owned = lowercase(&text[start + head.start..start + head.end]);
            let head_l: &str = &head_owned;
            // "so-called", "well-known": part of a hyphenated word.
            if text[..start + head.start].ends_with('-') {
                continue;
            }
            let mut cue = Span {
                start: start + all.start,
                end: start + head.end,
            };
            // "Scott's family called": a noun in "-ly" is no adverb before the head (the
            // pattern's "-ly" prefix is lowercase, so the word is compared as it stands).
            let pre = &text[start + m.pre.start..start + m.pre.end];
            let ly_noun = pre
                .split_whitespace()
                .next()
                .filter(|w| LY_NOUNS.contains(w));
            let pre_empty = m.pre.is_empty() || ly_noun.is_some();
            // "The family has called on": the noun in "-ly" leaves the auxiliaries after
            // it in the cue.
            let ly_noun_then = ly_noun
                .map(|noun| pre[noun.len()..].trim_start())
                .filter(|rest| !rest.is_empty())
                .map(|rest| start + m.pre.end - rest.len());
            // Prefixes only count when they are words before the head in this match.
            // "Theresa May said", "George Will wrote": a capitalised modal inside the
            // sentence, or before a finite verb that no modal takes ("May said"), ends a
            // name.
            let finite = head_l.ends_with("ed")
                || head_l.ends_with('s')
                || matches!(head_l, "said" | "told" | "wrote");
            let named = (cue.start > start || finite)
                && ["May ", "Will "]
                    .iter()
                    .any(|m| text[cue.start..].starts_with(m));
            if pre_empty || named {
                cue.start = ly_noun_then.unwrap_or(start + head.start);
            }
            if let Some(part) = &m.part {
                let p = text[start + part.start..start + part.end]
                    .trim()
                    .to_lowercase();
                let takes = CUE_PARTICLES
                    .iter()
                    .any(|(h, ps)| head_l.starts_with(h) && ps.contains(&p.as_str()));
                if takes {
                    cue.end = start + part.end;
                    // "lashed out at", "fired back at": the target is the content.
                    if matches!(head_l, "fired" | "lashed" | "lashes")
                        && text[cue.end..end].starts_with(" at ")
                    {
                        cue.end += 3;
                    }
                } else if PARTICLE_REQUIRED.contains(&head_l) {
                    continue;
                }
            } else if PARTICLE_REQUIRED.contains(&head_l) {
                continue;
            }
            if AS_FRAME_CUES.iter().any(|(h, _)| *h == head_l) && !as_frame(&text[cue.end..end]) {
                continue;
            }
            if let Some(st) = &m.stmt {
                // "in a statement provided to CNN": the phrase names a document, and
                // PolNeAR leaves it out of the cue.
                let rest = &text[start + st.end..end];
                let modified = [" to ", " obtained", " provided", " released", " sent"]
                    .iter()
                    .any(|w| rest.starts_with(w));
                if m.part.is_none() && !modified {
                    cue.end = start + st.end;
                }
            } else if m.part.is_none() {
                // "said repeatedly", "asked rhetorically".
                let rest = &text[cue.end..end];
                if let Some(w) = rest.strip_prefix(' ').and_then(|r| {
                    CUE_ADVERBS_AFTER.iter().find(|a| {
                        r.starts_with(**a)
                            && !r[a.len()..].starts_with(|c: char| c.is_alphanumeric())
                    })
                }) {
                    cue.end += 1 + w.len();
                }
            }
            // PolNeAR more often than not keeps a weekday or "recently" right after the
            // cue inside it ("said Tuesday").
            if let Some(w) = WEEKDAY_AFTER.find(&text[cue.end..end]) {
                cue.end += w.end();
            }
            // PolNeAR keeps a colon right after the cue inside it ("said:").
            if text[cue.end..end].starts_with(':') {
                cue.end += 1;
            } else if let Some(n) = colon
                .then(|| phrase_to_colon(&text[cue.end..end]))
                .flatten()
            {
                // "said on Twitter:", "added warily:", "wrote in an email:": before a
                // colon that opens a quotation, PolNeAR's cue runs to the colon.
                cue.end += n;
            }
            // "refused to say", "seemed to confirm": a verb that governs a cue head in the
            // infinitive leaves the statement to that head's match, which takes it along
            // (below).
            if INFINITIVE_GOVERNORS.contains(&head_l)
                && lexicon_infinitive_after(&text[cue.end..end])
            {
                continue;
            }
            // "continued to question": PolNeAR puts the verb the head governs in the cue.
            if head_l.starts_with("continu") {
                if let Some(n) = to_verb_after(&text[cue.end..end]) {
                    cue.end += n;
                }
            }
            // "went on to explain", "was quick to point out", "continues to insist": the
            // verb governing the head's infinitive opens the cue, with its auxiliaries.
            if cue.start == start + head.start {
                if let Some(from) = governor_before(text, start, cue.start) {
                    cue.start = from;
                }
            }
            // PolNeAR keeps a contracted auxiliary or negation right before the cue in
            // it: "he’s said", "she doesn’t say", "they've argued".
            cue.start = contraction_before(text, start, cue.start);
            // "voters will see", "the court could decide", "how he would respond to":
            // after a modal these heads predict or wonder, they report nothing (train:
            // 5 of 32 gold cues).
            if matches!(head_l, "see" | "decide" | "respond")
                && text[cue.start..start + head.start]
                    .split(|c: char| c.is_whitespace() || c == '’' || c == '\'')
                    .any(|w| MODALS.contains(&w.to_ascii_lowercase().as_str()))
            {
                continue;
            }
            // Words inside a quotation are the quoted speaker's, not attributions.
            if in_quote(quotes, cue.start, cue.end) {
                continue;
            }
            let confidence = cue_confidence(head_l).unwrap_or(0.5);
            let cx = Ctx {
                confidence,
                prior: found.first().and_then(|f| f.source),
                ..sentence
            };
            let be_aux = {
                let p = &text[start + m.pre.start..start + m.pre.end];
                [
                    "is ",
                    "are ",
                    "was ",
                    "were ",
                    "has been ",
                    "have been ",
                    "had been ",
                ]
                .iter()
                .any(|a| p.get(..a.len()).is_some_and(|x| x.eq_ignore_ascii_case(a)))
            };
            // "a radio talk show", "CNN’s show", "The Daily Show": the noun.
            if matches!(head_l, "show" | "shows")
                && pre_empty
                && show_noun(text, start, start + head.start, end)
            {
                continue;
            }
            // "media reports", "his claims", "the calls": nouns, not verbs.
            if pre_empty && plural_noun(text, start, start + head.start, head_l) {
                continue;
            }
            // "758 pledged delegates", "Trump’s proposed tax", "the stated goal": a
            // participle before its noun is an adjective (train: 0 of 28 system cues).
            if pre_empty
                && m.part.is_none()
                && head_l.ends_with("ed")
                && prenominal(text, start, start + head.start, cue.end, end)
            {
                continue;
            }
            // "he decided to run", "she found the time": after a bare pronoun these
            // verbs mostly narrate (train statistics, `tools/cue_stats.py --prev-class`).
            if pre_empty
                && matches!(
                    head_l,
                    "decided" | "found" | "hoped" | "believes" | "considered"
                )
                && {
                    let before = text[start..start + head.start].trim_end();
                    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    ["he", "she", "they", "i", "we"]
                        .iter()
                        .any(|p| prev.eq_ignore_ascii_case(p))
                }
            {
                continue;
            }
            if let Some((_, classes)) = PREV_CLASS_CUES.iter().find(|(h, _)| *h == head_l) {
                let class = prev_class(text, start, start + all.start);
                if !class.is_some_and(|c| classes.contains(c)) {
                    continue;
                }
            }
            // "appeared on Fox News", "adding to the confusion": a presence or a cause,
            // not a statement.
            let next_word = text[cue.end..end]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let place = matches!(next_word, "in" | "on" | "at" | "before" | "alongside");
            if (head_l.starts_with("appear") && place)
                || (head_l.starts_with("add") && next_word == "to")
            {
                continue;
            }
            // "Trump spokeswoman Hope Hicks told": a capitalised head (not in capitals)
            // inside a sentence that is no title, before another capitalised word, is part
            // of a name.
            if cue.start == start + head.start
                && cue.start > start
                && text[cue.start..].starts_with(|c: char| c.is_uppercase())
                && text[cue.start..cue.end]
                    .chars()
                    .skip(1)
                    .all(char::is_lowercase)
                && text[cue.end..end]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
                && !title_case(&text[start..end])
            {
                continue;
            }
            // "That said, ...": a discourse marker.
            if head_l == "said" && pre_empty && text[cue.end..end].starts_with(',') && {
                let before = text[start..start + head.start].trim_end();
                let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
                ["that", "this", "having"]
                    .iter()
                    .any(|w| prev.eq_ignore_ascii_case(w))
            } {
                continue;
            }
            // "is known as": only the passive is a cue ("the known facts" is not).
            if head_l == "known" && !be_aux {
                continue;
            }
            if let Some(mut f) = analyse(&cx, cue, head_l).filter(|f| !naming(text, f, head_l)) {
                // "The Trump team appeared paralyzed", "Obama is expected to join": an
                // impression with no source; its content is the whole clause, subject
                // and cue included.
                let passive_expect = matches!(head_l, "expected" | "known") && be_aux;
                // "Clinton was asked whether ...": the one asked is no source.
                if be_aux && matches!(head_l, "asked" | "told") {
                    f.source = None;
                }
                if passive_expect
                    || matches!(
                        head_l,
                        "seemed" | "seems" | "seem" | "appeared" | "appears" | "appear"
                    )
                {
                    if let (Some(src), Some(c)) = (f.source, f.content) {
                        if text[src.start..src.end].eq_ignore_ascii_case("it") {
                            // "It seems likely that ...": no subject to take along.
                            f.source = None;
                        } else if src.end <= f.cue.start && c.start >= f.cue.end {
                            f.content = Some(Span {
                                start: src.start,
                                end: c.end,
                            });
                            f.source = None;
                        }
                    }
                }
                // "fight what he called homegrown terrorism": a label, not a statement.
                if let Some(src) = f
                    .source
                    .filter(|s| start <= s.start && s.end <= f.cue.start)
                {
                    let before = text[start..src.start].trim_end();
                    let what = before.len() >= 4
                        && before.is_char_boundary(before.len() - 4)
                        && before[before.len() - 4..].eq_ignore_ascii_case("what")
                        && !before[..before.len() - 4]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric);
                    // "shedding what Gilbert called “a perception problem”": a
                    // quotation makes the label the speaker's words (train: 6 of 8
                    // such are gold cues, against 4 of 16 without one).
                    let rest = text[f.cue.end..end].trim_start();
                    let rest = rest.strip_prefix("as ").unwrap_or(rest);
                    let quoted = starts_with_quote_mark(rest);
                    if what && !quoted {
                        continue;
                    }
                }
                if f.source.is_some_and(|s| s.end <= f.cue.start) && passive_cue(text, f.cue) {
                    f.source = None;
                }
                keep_appositive_comma(text, &mut f);
                // "he’s said": the source stops where the contraction joins the cue.
                if let Some(src) = f.source {
                    if src.start < f.cue.start && f.cue.start < src.end {
                        let end = src.start + text[src.start..f.cue.start].trim_end().len();
                        f.source = (end > src.start).then_some(Span {
                            start: src.start,
                            end,
                        });
                    }
                }
                found.push(f);
            }
        }
        // Only where the lexicon found no cue at the same place.
        let verb_before_quote = if colon {
            verb_colon_quote(&sentence)
        } else {
            None
        };
        for f in [verb_after_quote, verb_before_quote].into_iter().flatten() {
            if !found.iter().any(|g| g.cue.overlaps(f.cue)) {
                found.push(f);
            }
        }
        trim_nested(text, &mut found);
        out.extend(found);
    }
    out
}

/// "Mr. Cruz, a rare outlier in the state, prefers ...": PolNeAR keeps the comma that
/// closes an appositive inside a source before its cue.
fn keep_appositive_comma(text: &str, f: &mut Found) {
    if let Some(src) = f.source.filter(|s| s.end < f.cue.start) {
        if text[src.start..src.end].contains(',') && text[src.end..].starts_with(',') {
            f.source = Some(Span {
                start: src.start,
                end: src.end + 1,
            });
        }
    }
}

/// Whether `cue` is a passive without its agent ("it was revealed that", "Sanders was
/// declared the winner", "he was said to have"): its subject is what is reported on,
/// and PolNeAR gives such a cue no source (train: 77 of 102 exact-cue matches with a
/// source before; the others are mostly stances like "is convinced", "are focused on").
fn passive_cue(text: &str, cue: Span) -> bool {
    let mut words = text[cue.start..cue.end]
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    if !words
        .next()
        .is_some_and(|w| matches!(w.as_str(), "was" | "were" | "is" | "are" | "been" | "being"))
    {
        return false;
    }
    let Some(v) = words.find(|w| {
        !matches!(
            w.as_str(),
            "also" | "still" | "now" | "widely" | "first" | "later" | "not"
        )
    }) else {
        return false;
    };
    let participle = (v.ends_with("ed") && v.len() > 4)
        || matches!(
            v.as_str(),
            "said" | "shown" | "told" | "seen" | "known" | "thought"
        );
    let stance = STANCE_PARTICIPLES.contains(&v.as_str());
    let agent = text[cue.end..]
        .split_whitespace()
        .take(3)
        .any(|w| w.eq_ignore_ascii_case("by"));
    participle && !stance && !agent
}

/// Whether the word from `at` to `to` sits between a determiner, a number or a
/// possessive and a lowercase content word ("the [stated] goal", "271 [pledged]
/// delegates"); the sentence runs from `from` to `end`.
fn prenominal(text: &str, from: usize, at: usize, to: usize, end: usize) -> bool {
    let prev = text[from..at]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let lower = prev.to_lowercase();
    // Not "each" or "both", which also stand for a subject ("both claimed victory").
    let determiner = ARTICLES_AND_POSSESSIVES.contains(&lower.as_str())
        || matches!(lower.as_str(), "these" | "those");
    let before = determiner
        || prev.ends_with("'s")
        || prev.ends_with("’s")
        || (!prev.is_empty() && prev.chars().all(|c| c.is_ascii_digit() || c == ','));
    if !before {
        return false;
    }
    let next = text[to..end].strip_prefix(' ').unwrap_or("");
    let word: &str = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.chars().next().is_some_and(char::is_lowercase)
        && !NP_STOPS.contains(&word)
        && !ARTICLES_AND_POSSESSIVES.contains(&word)
        && !matches!(
            word,
            "to" | "that"
                | "by"
                | "in"
                | "on"
                | "for"
                | "of"
                | "with"
                | "at"
                | "as"
                | "and"
                | "or"
                | "it"
                | "him"
                | "them"
                | "out"
                | "up"
                | "about"
                | "this"
                | "these"
                | "those"
                | "me"
                | "us"
        )
}

/// Whether a head at `at` is no cue by the word before it: a noun ("media reports",
/// "his claims") or a verb that rarely reports speech after a common noun ("the group
/// posted", "name-calling"). Heads that are also nouns are dropped after a determiner or
/// possessive; the others listed after any lowercase word but a pronoun (train
/// statistics: precision under 0.3 there, `tools/cue_stats.py --prev-class`).
fn plural_noun(text: &str, from: usize, at: usize, head: &str) -> bool {
    let after_any = matches!(
        head,
        "reports"
            | "calls"
            | "doubts"
            | "fears"
            | "promises"
            | "demands"
            | "claim"
            | "notes"
            | "lists"
            | "calling"
            | "continued"
            | "named"
            | "offering"
            | "posted"
            | "pushing"
            | "wanted"
            | "defend"
    );
    if !after_any && !matches!(head, "claims") {
        return false;
    }
    let before = text[from..at].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let Some(first) = prev.chars().next() else {
        return false;
    };
    let lower = prev.to_lowercase();
    if lower.ends_with("'s") || lower.ends_with("’s") || DETERMINERS.contains(&lower.as_str()) {
        return true;
    }
    // "issued a statement calling the test a violation": the document's words.
    if head == "calling" && DOCUMENT_NOUNS.contains(&lower.as_str()) {
        return false;
    }
    // "His supporters claim that ...", "many lawmakers claim it will ...": after a plural
    // subject, or before a clause, "claim" is the verb.
    if head == "claim" {
        let next = text[at..]
            .find(head)
            .and_then(|k| text[at + k + head.len()..].split_whitespace().next())
            .unwrap_or("")
            .to_lowercase();
        let clause = matches!(
            next.as_str(),
            "that" | "it" | "he" | "she" | "they" | "there" | "we" | "i" | "the"
        );
        let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss");
        if clause || plural {
            return false;
        }
    }
    after_any
        && first.is_lowercase()
        && prev.chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            lower.as_str(),
            "he" | "she" | "it" | "they" | "who" | "which" | "that" | "i" | "we" | "also" | "now"
        )
}

/// The class of the word before byte `at` (from `from`, the sentence start): 'p' a
/// personal pronoun, 'c' a capitalised word, 'l' another lowercase word; None for
/// punctuation or the sentence start.
fn prev_class(text: &str, from: usize, at: usize) -> Option<char> {
    let before = text[from..at].trim_end();
    let prev = before.rsplit(char::is_whitespace).next()?;
    let first = prev.chars().next()?;
    if !prev
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
    {
        return None;
    }
    if ["he", "she", "they", "i", "we", "you"]
        .iter()
        .any(|p| prev.eq_ignore_ascii_case(p))
    {
        Some('p')
    } else if first.is_uppercase() {
        Some('c')
    } else if first.is_lowercase() {
        Some('l')
    } else {
        None
    }
}

/// Whether "show" at `at` is the noun: capitalised inside its sentence (`from` to `end`)
/// when that is no headline, or after an article, a possessive or a noun that names a kind
/// of show.
fn show_noun(text: &str, from: usize, at: usize, end: usize) -> bool {
    if at > from && text[at..].starts_with('S') {
        // In a headline every word is capitalised: "New Poll Shows Bump For Clinton".
        return !title_case(&text[from..end]);
    }
    let before = text[from..at].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    prev.ends_with("'s")
        || prev.ends_with("’s")
        || ARTICLES_AND_POSSESSIVES.contains(&prev.as_str())
        || matches!(
            prev.as_str(),
            "this"
                | "that"
                | "talk"
                | "radio"
                | "tv"
                | "television"
                | "reality"
                | "call-in"
                | "news"
                | "morning"
                | "night"
                | "late-night"
                | "game"
                | "hit"
                | "comedy"
                | "daily"
                | "variety"
                | "chat"
                | "road"
                | "sunday"
                | "weekly"
                | "cooking"
                | "network"
        )
}

/// Verbs that govern a cue head in the infinitive ("refused to say", "seemed to confirm",
/// "continues to insist"): PolNeAR's cue runs from them to the head.
const INFINITIVE_GOVERNORS: &[&str] = &[
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "seem",
    "seems",
    "seemed",
    "appear",
    "appears",
    "appeared",
    "continue",
    "continues",
    "continued",
    "continuing",
];

/// Whether `rest` starts with " to " and a head of the statement-cue lexicon.
fn lexicon_infinitive_after(rest: &str) -> bool {
    to_verb_after(rest).is_some_and(|n| {
        let verb = rest[..n].rsplit(' ').next().unwrap_or("");
        cue_confidence(verb).is_some()
    })
}

/// Where the cue starts when the head at `head_start` is an infinitive governed by a verb
/// of [`INFINITIVE_GOVERNORS`], by "went on" / "goes on" or by "quick" ("Sexton was quick
/// to point out"): at that verb, or at the auxiliaries and adverbs right before it ("has
/// refused to comment", "are all quick to point out"). `from` bounds the search.
fn governor_before(text: &str, from: usize, head_start: usize) -> Option<usize> {
    let before = text[from..head_start].trim_end().strip_suffix(" to")?;
    // The words before "to" with their offsets, last first.
    let mut at = 0;
    let mut words: Vec<(usize, &str)> = Vec::new();
    for w in before.split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    let mut words = words.into_iter().rev();
    let (mut start, last) = words.next()?;
    let governs = match last {
        "on" => words
            .next()
            .inspect(|&(i, _)| start = i)
            .is_some_and(|(_, w)| matches!(w, "went" | "goes" | "go" | "going" | "gone")),
        // "Democratic voters are slightly more likely to say".
        "likely" => words
            .next()
            .inspect(|&(i, _)| start = i)
            .is_some_and(|(_, w)| matches!(w, "more" | "less" | "most")),
        _ => last == "quick" || INFINITIVE_GOVERNORS.contains(&last),
    };
    if !governs {
        return None;
    }
    // Auxiliaries and adverbs before the governing verb belong to the cue too.
    for (i, w) in words.take(3) {
        let aux = CUE_PREFIXES.contains(&w)
            || matches!(w, "be" | "been" | "all" | "both" | "then" | "quickly")
            || (w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase()));
        if !aux {
            break;
        }
        start = i;
    }
    Some(from + start)
}

/// The length of " to VERB" (a lowercase word) at the start of `rest`, if there.
fn to_verb_after(rest: &str) -> Option<usize> {
    let after_to = rest.trim_start_matches(' ').strip_prefix("to ")?;
    let verb = after_to.trim_start_matches(' ');
    let n = verb.bytes().take_while(u8::is_ascii_lowercase).count();
    let next = verb.as_bytes().get(n);
    (n > 0 && !next.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'\''))
        .then(|| rest.len() - verb.len() + n)
}

/// Where a cue starting at `cue_start` starts once a contraction right before it joins
/// it: a negated auxiliary word ("doesn’t", "didn't") or the clitic of a pronoun ("he’s",
/// "they've"), separated from the cue by spaces only; `from` bounds the search.
fn contraction_before(text: &str, from: usize, cue_start: usize) -> usize {
    let before = &text[from..cue_start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() || trimmed.is_empty() {
        return cue_start;
    }
    let word_start = trimmed.rfind(|c: char| c.is_whitespace()).map_or(0, |k| {
        k + trimmed[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &trimmed[word_start..];
    if !word.contains(['\'', '’']) {
        return cue_start;
    }
    let lower = word.to_lowercase();
    let ascii = lower.replace('’', "'");
    if ascii.len() > 3
        && ascii.ends_with("n't")
        && ascii[..ascii.len() - 3]
            .chars()
            .all(|c| c.is_ascii_alphabetic())
    {
        return from + word_start;
    }
    const PRONOUNS: &[&str] = &["he", "she", "it", "i", "we", "they", "you", "who", "that"];
    match clitic_stem(word) {
        // The clitic's apostrophe.
        Some(stem) if PRONOUNS.contains(&lowercase(stem).as_ref()) => {
            from + word_start + stem.len()
        }
        _ => cue_start,
    }
}

/// Headline-style attribution by a colon: "Sanders: Endorsements prove Clinton ...",
/// "Dr. Ben Carson: “...”". The source is a short capitalised name at the start of the
/// sentence; labels ("Q:", "Twitter:", "The Latest:") are not sources.
fn colon_cue(sentence: &Ctx) -> Option<Found> {
    let (text, s, toks, quotes) = (sentence.text, sentence.s, sentence.toks, sentence.quotes);
    let colon = toks.iter().take(8).position(|t| t.text == ":")?;
    // A transcript quoted line by line: "“WALLACE: Let’s start with ...".
    let transcript = toks.first().is_some_and(|t| {
        let before = text[..t.start].trim_end_matches([' ', '\t']);
        is_quote_mark(t.text) && (before.is_empty() || before.ends_with('\n'))
    });
    let lead = usize::from(transcript);
    if colon <= lead {
        return None;
    }
    let name = &toks[lead..colon];
    if !colon_name(name) {
        return None;
    }
    let next = toks.get(colon + 1)?;
    if next.text.starts_with(|c: char| c.is_ascii_digit()) || next.text == "@" {
        return None;
    }
    let content = if transcript {
        // The turn runs to the end of its paragraph, over its sentences.
        rest_of_line(text, next.start)
    } else {
        content_after(text, s, toks, colon + 1, quotes)?
    };
    let cx = sentence.with_confidence(0.55);
    let cue = Span {
        start: toks[colon].start,
        end: toks[colon].end,
    };
    Some(found(&cx, Some(span(name)), cue, content, "colon_cue"))
}

/// The length of a short phrase right after a cue up to and including a colon that
/// opens a quotation or ends its line (" on Twitter:", " warily:", " of Mr. Rubio:"),
/// if there is one: up to eight words that open with a preposition of manner, place or
/// topic, or an adverb, with no quotation, sentence end or clause of their own ("that")
/// inside.
fn phrase_to_colon(rest: &str) -> Option<usize> {
    let colon = rest.find(':')?;
    let phrase = &rest[..colon];
    let after = rest[colon + 1..].trim_start_matches([' ', '\t', '\u{a0}']);
    let opens = after.is_empty() || after.starts_with('\n') || starts_with_quote_mark(after);
    let words = phrase.split_whitespace().count();
    // An addressee or object ("told Fox News:", "quotes Alfred Kahn:") stays out.
    let first = phrase.split_whitespace().next()?;
    let manner = matches!(first, "on" | "in" | "of" | "back" | "this" | "it")
        || (first.len() > 4 && first.ends_with("ly"));
    (opens
        && manner
        && phrase.starts_with(' ')
        && (1..=8).contains(&words)
        && !phrase.contains(['.', '!', '?', ';', '"', '“', '”', '\n'])
        && !phrase
            .split_whitespace()
            .any(|w| matches!(w, "that" | "and" | "but")))
    .then_some(colon + 1)
}

/// Whether the words before a headline colon name a speaker: up to five capitalised
/// words (with "of", "and", "&", "the" inside), not a label ("Q", "Twitter", "The Latest").
fn colon_name(name: &[Token]) -> bool {
    let Some(first) = name.first() else {
        return false;
    };
    let words = name.iter().filter(|t| t.is_word()).count();
    let shaped = name.iter().enumerate().all(|(k, t)| {
        t.is_capitalized()
            || (k > 0 && matches!(t.text, "of" | "and" | "&" | "the"))
            || (k > 0 && t.text == "." && is_abbreviation(name[k - 1].text))
    });
    let first = first.lower();
    shaped
        && words <= 5
        && !matches!(name[name.len() - 1].text, "of" | "and" | "&" | "the")
        && !COLON_LABELS.contains(&first.as_ref())
        && !(first == "the" && name.get(1).is_some_and(|t| t.text == "Latest"))
}

/// A newsletter's item: "Pollsters agree - Carl Bialik: “One of the biggest lessons
/// ...”", "... - More from Jones: “...”". After a dash, a speaker's name and a colon that
/// opens a quotation (train: 11 of 12 are gold statements).
fn dash_colon_cue(sentence: &Ctx) -> Option<Found> {
    let (text, s, toks, quotes) = (sentence.text, sentence.s, sentence.toks, sentence.quotes);
    let colon = toks
        .iter()
        .position(|t| t.text == ":")
        .filter(|&c| toks.get(c + 1).is_some_and(|q| is_quote_mark(q.text)))?;
    let dash = toks[..colon].iter().rposition(|t| is_dash(t.text))?;
    let mut from = dash + 1;
    if toks.get(from).is_some_and(|t| t.text == "More") {
        from += 1;
    }
    if toks
        .get(from)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("from"))
    {
        from += 1;
    }
    let name = &toks[from.min(colon)..colon];
    if !colon_name(name) {
        return None;
    }
    let content = content_after(text, s, toks, colon + 1, quotes)?;
    let cx = sentence.with_confidence(0.55);
    let cue = Span {
        start: toks[colon].start,
        end: toks[colon].end,
    };
    Some(found(&cx, Some(span(name)), cue, content, "colon_cue"))
}

/// A quotation followed by its speaker and a verb that ends the clause: "“Mexico!” the
/// audience screamed back."; "“Maybe let some stay?” Hannity pressed." The verb is the
/// cue even outside the lexicon: in PolNeAR train, 200 of 259 such verbs are cues.
fn quote_verb(sentence: &Ctx) -> Option<Found> {
    let (text, s, toks, quotes) = (sentence.text, sentence.s, sentence.toks, sentence.quotes);
    // The quotation closes right before the sentence or inside it, before token `k`.
    let before = text[..s.start].trim_end();
    let (quote, k) = match quote_ending_at(quotes, before.len()) {
        // In the same paragraph: no line break between the quotation and the speaker.
        Some(q)
            if toks.first().is_some_and(|t| {
                let gap = &text[before.len()..t.start];
                gap.trim().is_empty() && !gap.contains('\n')
            }) =>
        {
            (q, 0)
        }
        _ => {
            let i = toks
                .iter()
                .position(|t| is_quote_mark(t.text) && quote_ending_at(quotes, t.end).is_some())?;
            (quote_ending_at(quotes, toks[i].end)?, i + 1)
        }
    };
    // The verb: the first lowercase word ending in -ed within five words, the words
    // before it a name or a short noun phrase.
    let v = (k + 1..(k + 6).min(toks.len())).find(|&v| past_verb(&toks[v]))?;
    if !short_speaker(toks, k, v) {
        return None;
    }
    let mut ve = v + 1;
    if toks
        .get(ve)
        .is_some_and(|t| QUOTE_VERB_PARTICLES.contains(&t.lower().as_ref()))
    {
        ve += 1;
    }
    // The clause ends at the verb; after a comma only the quotation goes on (“A,” she
    // elaborated, “B.”).
    let ends = match toks.get(ve).map(|t| t.text) {
        None | Some("." | "!" | "?") => true,
        Some(",") => toks.get(ve + 1).is_some_and(|t| is_quote_mark(t.text)),
        _ => false,
    };
    if !ends {
        return None;
    }
    let cx = sentence.with_confidence(0.5);
    let cue = Span {
        start: toks[v].start,
        end: toks[ve - 1].end,
    };
    Some(found(
        &cx,
        Some(span(&toks[k..v])),
        cue,
        quote,
        "quote_verb",
    ))
}

/// A verb next to a quotation that may report it even outside the lexicon: a lowercase
/// word in -ed of five letters or more ("mused", "gloated").
fn past_verb(t: &Token) -> bool {
    let l = t.lower();
    t.is_word() && !t.is_capitalized() && l.len() > 4 && l.ends_with("ed")
}

/// Particles such a verb takes along ("shot back", "read aloud").
const QUOTE_VERB_PARTICLES: &[&str] = &["back", "out", "again", "aloud"];

/// Whether `toks[k..v]` can be the speaker right before such a verb: a name, a pronoun
/// alone, or a short phrase opening with an article or possessive, of words that end no
/// noun phrase.
fn short_speaker(toks: &[Token], k: usize, v: usize) -> bool {
    let first = &toks[k];
    let fl = first.lower();
    let pronoun = matches!(fl.as_ref(), "he" | "she" | "they" | "we" | "i");
    (first.is_capitalized() || pronoun || ARTICLES_AND_POSSESSIVES.contains(&fl.as_ref()))
        && (!pronoun || v == k + 1)
        && toks[k..v].iter().all(|t| {
            (t.is_word() && !NP_STOPS.contains(&t.lower().as_ref()))
                || matches!(t.text, "." | "’" | "'")
        })
}

/// A speaker and a verb before a colon that opens a quotation: "And Mr. Christie
/// gloated: ''I told you he wouldn't be ready.''"; "he demurred: “Whichever one I’m in
/// at the moment.”" The verb is the cue with its colon, as with [`quote_verb`], even
/// outside the lexicon.
fn verb_colon_quote(sentence: &Ctx) -> Option<Found> {
    let (text, s, toks, quotes) = (sentence.text, sentence.s, sentence.toks, sentence.quotes);
    let c = toks
        .iter()
        .position(|t| t.text == ":" && t.start > toks[0].start)?;
    let quote = toks
        .get(c + 1)
        .filter(|t| is_quote_mark(t.text))
        .and_then(|t| quote_starting_at(quotes, t.start))?;
    // The verb, maybe with a particle or a manner adverb after it ("shot back",
    // "responded warily").
    let mut v = c.checked_sub(1)?;
    if v > 0 && {
        let l = toks[v].lower();
        QUOTE_VERB_PARTICLES.contains(&l.as_ref()) || (l.len() > 4 && l.ends_with("ly"))
    } {
        v -= 1;
    }
    let verb = &toks[v];
    if !past_verb(verb) {
        return None;
    }
    // The speaker: a name, pronoun or short noun phrase opening the clause, right
    // before the verb.
    let k = (0..v)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            (t.is_word() && !NP_STOPS.contains(&t.lower().as_ref()))
                || matches!(t.text, "." | "’" | "'")
        })
        .last()?;
    let opens = k == 0
        || toks[k - 1].text == ","
        || (k == 1 && matches!(toks[0].lower().as_ref(), "and" | "but" | "so" | "then"));
    if !opens
        || v - k > 5
        || toks[k..v].iter().any(Token::is_verb_like)
        || !short_speaker(toks, k, v)
    {
        return None;
    }
    let cx = sentence.with_confidence(0.5);
    let cue = Span {
        start: verb.start,
        end: toks[c].end,
    };
    let content = content_after(text, s, toks, c + 1, quotes).unwrap_or(quote);
    Some(found(
        &cx,
        Some(span(&toks[k..v])),
        cue,
        content,
        "quote_verb",
    ))
}

/// A poll opening its sentence: "In a Des Moines Register poll last month, Mr. Cruz
/// had a 10-point lead." The cue is "In", the source the poll up to the comma, the
/// content the rest of the sentence.
fn poll_in(sentence: &Ctx) -> Option<Found> {
    let (text, s, toks, quotes) = (sentence.text, sentence.s, sentence.toks, sentence.quotes);
    let comma = toks.iter().take(20).position(|t| t.text == ",")?;
    if comma < 3
        || !matches!(
            toks[1].lower().as_ref(),
            "a" | "an" | "the" | "its" | "their"
        )
    {
        return None;
    }
    let phrase = &toks[1..comma];
    if phrase
        .iter()
        .any(|t| !t.is_word() && !matches!(t.text, "/" | "-" | "." | "’" | "'"))
        || !phrase
            .iter()
            .any(|t| matches!(t.lower().as_ref(), "poll" | "polls" | "survey" | "surveys"))
    {
        return None;
    }
    let content = content_after(text, s, toks, comma + 1, quotes)?;
    let cx = sentence.with_confidence(0.6);
    let cue = Span {
        start: toks[0].start,
        end: toks[0].end,
    };
    Some(found(&cx, Some(span(phrase)), cue, content, "poll_in"))
}

/// Whether four in five words of a sentence or more are capitalised, as in a headline
/// ("He watched the Daily Show in New York." has five of eight).
fn title_case(sentence: &str) -> bool {
    let (mut words, mut capitals) = (0, 0);
    for w in sentence.split_whitespace() {
        if let Some(c) = w.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            capitals += usize::from(c.is_uppercase());
        }
    }
    capitals * 5 >= words * 4
}

/// Whether "as" follows the head's object within eight words, with no punctuation before
/// it ("cast her rival as offering ...").
fn as_frame(rest: &str) -> bool {
    rest.split_whitespace()
        .take(9)
        .take_while(|w| w.chars().all(|c| c.is_alphanumeric() || "’'-.".contains(c)))
        .skip(1)
        .any(|w| w == "as")
}

/// "The FBI is reportedly making arrangements to ...": the clause is reported by someone
/// unnamed, the adverb its cue (train: 13 of 20 such uses are gold statements, the content
/// the clause from its subject). Before a cue head ("reportedly said") the head's match
/// takes the adverb along instead.
fn reportedly(sentence: &Ctx) -> Option<Found> {
    let (toks, quotes) = (sentence.toks, sentence.quotes);
    let k = toks.iter().position(|t| t.text == "reportedly")?;
    let adverb = &toks[k];
    if in_quote(quotes, adverb.start, adverb.end)
        || toks
            .get(k + 1)
            .is_some_and(|n| cue_confidence(&n.lower()).is_some())
    {
        return None;
    }
    // From the clause's subject ("In total, the hackers have reportedly ...").
    let from = subject(toks)
        .map(|s| s.start)
        .filter(|&f| f < adverb.start)
        .unwrap_or(toks[0].start);
    let first = toks.iter().position(|t| t.start >= from)?;
    if first >= k {
        return None;
    }
    // To the clause's end: a semicolon, a parenthesis, a participle or relative clause
    // after a comma, an "as" clause, or the sentence's end.
    let mut end = k + 1;
    while end < toks.len() {
        let t = toks[end].text;
        let next = toks.get(end + 1).map(|n| n.lower());
        let clause = matches!(t, ";" | "(" | ")")
            || (t == ","
                && next
                    .as_deref()
                    .is_some_and(|n| n.ends_with("ing") || CLAUSE_OPENERS.contains(&n)))
            || (t == "as" && toks[end - 1].is_word());
        if clause && !in_quote(quotes, toks[end].start, toks[end].end) {
            break;
        }
        end += 1;
    }
    if end <= k + 1 {
        return None;
    }
    let content_end = trim_end(sentence.text, toks[first].start, toks[end - 1].end);
    let content = Span {
        start: toks[first].start,
        end: content_end,
    };
    let cue = Span {
        start: adverb.start,
        end: adverb.end,
    };
    let cx = sentence.with_confidence(0.6);
    Some(found(&cx, None, cue, content, "reportedly"))
}

/// First words of "Label: ..." lines that introduce no speaker.
const COLON_LABELS: &[&str] = &[
    "q",
    "a",
    "twitter",
    "contributing",
    "byline",
    "revealed",
    "wow",
    "look",
    "watch",
    "name",
    "age",
    "update",
    "updated",
    "editor",
    "editors",
    "editor’s",
    "editor's",
    "question",
    "answer",
    "remember",
    "so",
    "hey",
    "note",
    "correction",
    "breaking",
    "exclusive",
    "related",
    "photos",
    "photo",
    "video",
    "read",
    "email",
    "follow",
    "contact",
    "click",
    "listen",
    "subscribe",
    "warning",
    "bonus",
    "also",
    "plus",
    "topics",
    "tags",
    "posted",
    "filed",
    "paid",
    "source",
    "sources",
    "credit",
    "city",
    "job",
    "location",
    "date",
    "time",
    "when",
    "where",
    "what",
    "why",
    "how",
    "who",
    "see",
    "more",
    "tickets",
];

/// "a website called Real News Right Now", "Mr. Obama called Naghmeh Abedini": "call"
/// with only a name after it names or phones, it does not state.
fn naming(text: &str, f: &Found, head: &str) -> bool {
    let Some(c) = f.content else {
        return false;
    };
    if !head.starts_with("call") || c.start < f.cue.end {
        return false;
    }
    let words: Vec<&str> = text[c.start..c.end].split_whitespace().collect();
    words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// What the rules of one sentence share.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    text: &'a str,
    s: &'a Sentence,
    si: usize,
    toks: &'a [Token<'a>],
    quotes: &'a [Span],
    confidence: f32,
    /// The source of the sentence's previous statement.
    prior: Option<Span>,
}

impl<'a> Ctx<'a> {
    /// The sentence's context, before any rule has a confidence or an earlier source.
    fn sentence(
        text: &'a str,
        s: &'a Sentence,
        si: usize,
        toks: &'a [Token<'a>],
        quotes: &'a [Span],
    ) -> Self {
        Self {
            text,
            s,
            si,
            toks,
            quotes,
            confidence: 0.0,
            prior: None,
        }
    }

    /// The context for a rule of this confidence that does not look back at the
    /// sentence's earlier statements.
    fn with_confidence(self, confidence: f32) -> Self {
        Self { confidence, ..self }
    }
}

/// Builds the statement for one cue, or None when no source or content is found.
fn analyse(cx: &Ctx, cue: Span, head: &str) -> Option<Found> {
    let (text, s, toks, quotes) = (cx.text, cx.s, cx.toks, cx.quotes);
    let ci = toks.iter().position(|t| t.start >= cue.start)?;
    let ce = toks
        .iter()
        .position(|t| t.start >= cue.end)
        .unwrap_or(toks.len());
    if head == "according" {
        // "according to X": X follows, and runs to the first comma or the end of the
        // clause ("according to members who spoke with reporters afterward"; train: 338
        // of 389 gold sources); the content is the rest of the sentence.
        let stop = (ce..toks.len()).find(|&k| {
            let t = toks[k].text;
            (matches!(t, "," | ":" | ";" | "(" | ")" | "—" | "–" | "!" | "?")
                || (t == "." && !toks[k - 1].is_word())
                || (t == "." && k + 1 == toks.len())
                || (t == "-" && toks[k - 1].end < toks[k].start)
                || is_quote_mark(t))
                && !(k > ce && thousands_comma(toks, k))
        });
        let mut clause_end = stop.unwrap_or(toks.len());
        // "..., according to Brian Wieser, an analyst at Pivotal Research Group.": an
        // appositive that ends the sentence belongs to the source.
        if ci > 0 && toks.get(clause_end).is_some_and(|t| t.text == ",") {
            let next = toks.get(clause_end + 1);
            let appositive = next.is_some_and(|n| {
                let l = n.lower();
                matches!(l.as_ref(), "a" | "an" | "who" | "which" | "whose")
                    || (!n.is_capitalized()
                        && n.is_word()
                        && toks
                            .get(clause_end + 2)
                            .is_some_and(|m| matches!(m.lower().as_ref(), "of" | "at" | "for")))
            });
            let end = toks.len()
                - usize::from(
                    toks.last()
                        .is_some_and(|t| matches!(t.text, "." | "!" | "?")),
                );
            let tail = &toks[clause_end..end];
            if appositive
                && tail.len() <= 30
                && !tail.iter().any(|t| is_quote_mark(t.text) || t.text == ";")
            {
                clause_end = end;
            }
        }
        let mut e = if clause_end > ce && clause_end - ce <= 30 {
            clause_end
        } else {
            source_forward(toks, ce)?
        };
        // "According to the Times, the information ...": the comma ends the source.
        if ci == 0 {
            if let Some(k) = toks[ce..e].iter().position(|t| t.text == ",") {
                e = ce + k;
            }
            // "According to Lorella Praeli, Clinton's Latino vote director, the campaign
            // ...": an appositive set off by a second comma stays in, with its closing
            // comma.
            if toks.get(e).is_some_and(|t| t.text == ",") {
                let aside = (e + 1..toks.len().min(e + 14)).find(|&k| toks[k].text == ",");
                if let Some(k2) = aside.filter(|&k2| k2 > e + 1 && k2 + 1 < toks.len()) {
                    let words = &toks[e + 1..k2];
                    let opens = ARTICLES_AND_POSSESSIVES.contains(&words[0].lower().as_ref())
                        || words[0].text.ends_with("'s")
                        || words[0].text.ends_with("’s");
                    let plain = words.iter().all(|t| {
                        (t.is_word()
                            && !t.is_verb_like()
                            && !NP_STOPS.contains(&t.lower().as_ref()))
                            || matches!(t.text, "’" | "'" | "." | "-")
                    });
                    if opens && plain && words[0].is_word() {
                        e = k2 + 1;
                    }
                }
            }
        }
        if e <= ce {
            return None;
        }
        let source = span(&toks[ce..e]);
        // Mid-sentence, the main clause before "according to" is the content.
        let before = if ci >= 2 {
            content_before(s, toks, ci, quotes)
        } else {
            None
        };
        let content = before
            .or_else(|| content_after(text, s, toks, e, quotes))
            .or_else(|| content_before(s, toks, ci, quotes));
        return Some(found(cx, Some(source), cue, content?, "according_to"));
    }
    // "Asked whether X, Feinstein said ...": the question is the content, no source.
    let opener = ci >= 1
        && matches!(
            toks[ci - 1].lower().as_ref(),
            "when" | "if" | "once" | "after" | "before" | ","
        );
    if head == "asked" && (ci == 0 || opener) {
        let inside = |t: &Token| strictly_in_quote(quotes, t.start, t.end);
        let mut stop = toks[ce..]
            .iter()
            .position(|t| matches!(t.text, "," | "." | "?") && !inside(t))
            .map_or(toks.len(), |k| ce + k);
        // A comma inside the quotation's closing mark stays with it.
        if stop < toks.len() && toks.get(stop + 1).is_some_and(|t| is_quote_mark(t.text)) {
            stop += 2;
        }
        // "Asked by reporters at the time if ...": the question starts at its opener.
        let start = toks[ce..stop]
            .iter()
            .position(|t| QUESTION_OPENERS.contains(&t.lower().as_ref()))
            .map_or(ce, |k| ce + k);
        if stop > start + 1 && toks[start..stop].iter().filter(|t| t.is_word()).count() >= 2 {
            let content = span(&toks[start..stop]);
            // "Asked by Stephanopoulos to respond, ...", "When asked by a reporter whether
            // ...": the one who asks is the source (train: 9 of 9).
            let asker = (toks.get(ce).is_some_and(|t| t.text == "by"))
                .then(|| np_forward(toks, ce + 1))
                .flatten()
                .map(|e| {
                    let e = (ce + 1..e)
                        .find(|&k| {
                            matches!(
                                toks[k].lower().as_ref(),
                                "to" | "whether" | "if" | "about" | "on" | "at" | "during" | "why"
                            )
                        })
                        .unwrap_or(e);
                    e.min(start)
                })
                .filter(|&e| e > ce + 1)
                .map(|e| span(&toks[ce + 1..e]));
            // "Neera Tanden, a Clinton supporter, asked former Attorney General Eric Holder
            // whether ...": after a comma and with its object, "asked" is active and the
            // phrase before it asks.
            let active = ci >= 2
                && toks[ci - 1].text == ","
                && toks.get(ce).is_some_and(|t| {
                    t.is_word()
                        && !QUESTION_OPENERS.contains(&t.lower().as_ref())
                        && !matches!(t.lower().as_ref(), "about" | "by" | "to" | "for" | "on")
                })
                && start > ce;
            let asker = asker.or_else(|| {
                active
                    .then(|| source_before(toks, ci))
                    .flatten()
                    .map(|(b, e)| span(&toks[b..e]))
            });
            return Some(found(cx, asker, cue, content, "asked_clause"));
        }
        return None;
    }
    if let Some(f) = opening_participle(cx, cue, head, ci, ce) {
        return Some(f);
    }
    let prev = ci.checked_sub(1).map(|k| toks[k].text);
    let after_quote = prev.is_some_and(is_quote_mark)
        || (prev == Some(",") && ci >= 2 && is_quote_mark(toks[ci - 2].text));
    // "Graham ... and said ...", "..., saying ...": the sentence's speaker goes on.
    let prev_and = prev.is_some_and(|p| {
        p.eq_ignore_ascii_case("and") || p.eq_ignore_ascii_case("but") || p == "yet"
    });
    // "... distanced himself by saying ...", "while insisting ...": the subject speaks.
    let by_ing = head.ends_with("ing")
        && prev.is_some_and(|p| {
            ["by", "while", "after", "before", "when"]
                .iter()
                .any(|w| p.eq_ignore_ascii_case(w))
        })
        && ci >= 2;
    // "Trump insisted that he has “expanded the party,” claiming ...": a participle
    // after a quotation closed inside the sentence goes on with its speaker.
    let ing_after_quote = after_quote
        && head.ends_with("ing")
        && ci >= 3
        && !is_quote_mark(toks[0].text)
        && (toks[ci - 2].text == "," || toks[ci - 1].text == ",");
    if (!after_quote || ing_after_quote)
        && (prev_and
            || by_ing
            || ing_after_quote
            // ", saying": a bare participle, not "..., is calling for" with its auxiliary.
            || (prev == Some(",") && head.ends_with("ing") && !auxiliary_in(&toks[ci..ce])))
    {
        // "Ben Terris, who saw the incident and described it in print": a verb
        // coordinated inside a relative clause has the relative pronoun as its source.
        let who = if prev_and || by_ing {
            open_relative(toks, ci)
        } else {
            None
        };
        let source = match who {
            Some(k) => span(&toks[k..k + 1]),
            // Not a subject found past the cue ("..., saying" read as one).
            None => cx
                .prior
                .or_else(|| subject(toks))
                .filter(|s| s.end <= cue.start)?,
        };
        let mut after = ce;
        if ADDRESSEE_CUES.contains(&head) {
            after = skip_addressee(toks, after);
        }
        let content = content_after(text, s, toks, skip_adverbials(toks, after), quotes)?;
        return Some(found(cx, Some(source), cue, content, "coordinated_cue"));
    }
    if let Some(f) = passive(cx, cue, ci, ce) {
        return Some(f);
    }
    // "Berlin backed off", "called off the talks": phrasal verbs that state nothing.
    if toks
        .get(ce)
        .is_some_and(|t| matches!(t.text, "off" | "away" | "down" | "up"))
    {
        return None;
    }
    // "A new group called Black Votes Matter", "a class called “Perception”": a
    // participle that names (train: 12 of 15 such statements have no gold cue).
    let naming = head == "called"
        && ci == ce.saturating_sub(1)
        && toks
            .get(ce)
            .is_some_and(|t| t.is_capitalized() || is_quote_mark(t.text))
        && np_backward(toks, ci)
            .is_some_and(|b| matches!(toks[b].lower().as_ref(), "a" | "an" | "another"));
    if naming {
        return None;
    }
    // "the center-left think tank Third Way": a noun.
    if head == "think"
        && toks
            .get(ce)
            .is_some_and(|t| matches!(t.lower().as_ref(), "tank" | "tanks"))
    {
        return None;
    }
    // "added to the uncertainty": a cause, not a speaker adding words.
    if head.starts_with("add") && toks.get(ce).is_some_and(|t| t.text == "to") {
        return None;
    }
    // "McConnell issued a statement saying ...": the statement's issuer speaks.
    if head.ends_with("ing") && !after_quote && ci > 0 {
        let issued = toks[ci - 1].lower();
        if DOCUMENT_NOUNS.contains(&issued.as_ref()) {
            // PolNeAR's cue is the whole "issued a statement saying".
            let from = issuing_verb(toks, ci - 1).unwrap_or(ci - 1);
            if let Some(source) = cx
                .prior
                .or_else(|| subject(toks))
                .filter(|s| s.end < toks[from].start)
            {
                let content = content_after(text, s, toks, skip_adverbials(toks, ce), quotes)?;
                let cue = if from < ci - 1 {
                    Span {
                        start: toks[from].start,
                        end: cue.end,
                    }
                } else {
                    cue
                };
                return Some(found(cx, Some(source), cue, content, "coordinated_cue"));
            }
        }
    }
    // Source before the cue: "Trump said", "the president replied".
    // Only the heads that invert ("..., said X") take their source after a comma;
    // "Butz, 49, told The Huffington Post" has its source before.
    let inverts = INVERTING_CUES.contains(&head) && inverted_after_comma(toks, ci, ce);
    if !after_quote && !inverts {
        if let Some((b, e)) = source_before(toks, ci).filter(|&(b, e)| {
            // "her leads in both pledged delegates": a determiner does not end a source.
            let last = toks[b..e].iter().rev().find(|t| t.is_word());
            // "having rejected", "least talked about": no noun phrase at all.
            let verbish = e - b == 1 && {
                let l = toks[b].lower();
                !toks[b].is_capitalized() && (l.ends_with("ing") || l == "least")
            };
            // "the two write", "One in three said": a counted number may end it.
            let counted = e - b >= 2
                && matches!(toks[e - 2].lower().as_ref(), "the" | "in" | "of")
                && is_number_word(&toks[e - 1].lower());
            !verbish
                && last.is_some_and(|t| {
                    !DETERMINERS.contains(&t.lower().as_ref()) || e - b == 1 || counted
                })
        }) {
            let source = span(&toks[b..e]);
            // "The American Legion has twice complained": PolNeAR's cue is the whole verb
            // group from the auxiliary.
            let group = e < ci
                && ci - e <= 4
                && AUXILIARIES.contains(&toks[e].lower().as_ref())
                && toks[e..ci]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized());
            let cue = if group {
                Span {
                    start: toks[e].start,
                    end: cue.end,
                }
            } else {
                cue
            };
            let mut after = ce;
            if ADDRESSEE_CUES.contains(&head) {
                after = skip_addressee(toks, after);
            } else if toks.get(after).is_some_and(|t| t.text == "to") {
                // "acknowledging to the New York Times that ..."
                after = that_ahead(toks, after).unwrap_or(after);
            } else if head.starts_with("ask") {
                // "asked Eric Holder whether ...": the question, not the one asked.
                let k = toks[after.min(toks.len())..].iter().take(8).position(|t| {
                    matches!(t.lower().as_ref(), "whether" | "if" | "why" | "how") || !t.is_word()
                });
                if let Some(k) = k.filter(|&k| {
                    k > 0
                        && matches!(
                            toks[after + k].lower().as_ref(),
                            "whether" | "if" | "why" | "how"
                        )
                }) {
                    after += k;
                }
            }
            // "he said of Cruz": the topic after the cue is not its content.
            if matches!(head, "said" | "says") && toks.get(after).is_some_and(|t| t.text == "of") {
                after = np_forward(toks, after + 1).unwrap_or(after);
            }
            let after = skip_adverbials(toks, after);
            // "At one point, she said, she was ..." — a cue set off by commas in the
            // middle of its content: the content is the whole sentence.
            // A quotation after the cue joins only a quotation before the source.
            let quoted_after = toks.get(after + 1).is_some_and(|t| is_quote_mark(t.text));
            let quoted_before =
                b >= 2 && (is_quote_mark(toks[b - 2].text) || is_quote_mark(toks[b - 1].text));
            let comma_before = b > 0
                && (toks[b - 1].text == ","
                    || (b >= 2 && is_quote_mark(toks[b - 1].text) && toks[b - 2].text == ","));
            let aside = comma_before
                && toks
                    .get(after)
                    .is_some_and(|t| t.text == "," || t.text == ":")
                && (quoted_after == quoted_before || !quoted_before && !intro(toks, b));
            if aside {
                if let (Some(before), Some(rest)) = (
                    content_before(s, toks, b, quotes),
                    content_after(text, s, toks, after + 1, quotes),
                ) {
                    let hull = Span {
                        start: before.start,
                        end: rest.end,
                    };
                    return Some(found(cx, Some(source), cue, hull, "content_source_cue"));
                }
            }
            // "“We have come a long way,” he told cheering supporters in Nashua": after a
            // quotation, what follows the cue is its setting, not its content.
            // "On Tuesday's episode of “The Steve Harvey Morning Show,” the nominee said
            // ...": a quotation that a preposition takes is a title, not the words said.
            let mark = if b >= 1 && is_quote_mark(toks[b - 1].text) {
                Some(b - 1)
            } else if b >= 2 && toks[b - 1].text == "," && is_quote_mark(toks[b - 2].text) {
                Some(b - 2)
            } else {
                None
            };
            let title = mark
                .and_then(|m| quote_ending_at(quotes, toks[m].end))
                .and_then(|q| toks.iter().rposition(|t| t.end <= q.start))
                .is_some_and(|k| TITLE_PREPOSITIONS.contains(&toks[k].lower().as_ref()));
            let closes_quote = mark.is_some() && !title;
            let opens_after = toks
                .get(after)
                .is_some_and(|t| is_quote_mark(t.text) || t.text == "that" || t.text == ":")
                || quoted_after;
            if closes_quote && !opens_after {
                if let Some(content) = content_before(s, toks, b, quotes) {
                    return Some(found(cx, Some(source), cue, content, "content_source_cue"));
                }
            }
            if let Some(content) = content_after(text, s, toks, after, quotes) {
                let rule = if is_quote_mark(toks.get(after).map_or("", |t| t.text))
                    || toks
                        .get(after)
                        .is_some_and(|t| t.text == ":" || t.text == ",")
                {
                    "source_cue_quote"
                } else {
                    "reported_speech"
                };
                return Some(found(cx, Some(source), cue, content, rule));
            }
            // "X, he said." / "“X,” he told reporters at the time."
            if after >= toks.len() || matches!(toks[after].text, "." | "!" | "?") {
                // "So far, they have sided overwhelmingly with Clinton.", "On Thursday,
                // ...": a sentence's opening adverbial is no content; the words after
                // the cue are.
                if opening_adverbial(&toks[..b]) {
                    let content = content_after(text, s, toks, ce, quotes)?;
                    return Some(found(cx, Some(source), cue, content, "reported_speech"));
                }
                let content = content_before(s, toks, b, quotes)?;
                return Some(found(cx, Some(source), cue, content, "content_source_cue"));
            }
            // "X, he said, Y." — a cue in the middle of its content.
            if toks[after].text == "," {
                let before = content_before(s, toks, b, quotes)?;
                let hull =
                    content_after(text, s, toks, after + 1, quotes).map_or(before, |rest| Span {
                        start: before.start,
                        end: rest.end,
                    });
                return Some(found(cx, Some(source), cue, hull, "content_source_cue"));
            }
            return None;
        }
    }
    // Source after the cue: "“...,” said Mike Waltz."; "..., said Democratic strategist
    // Hank Sheinkopf."
    // Right after a quotation any past-tense or present head may invert ("“...,” mused
    // Blaze co-host Stu Burguiere."), when a name or determined phrase follows it.
    let quote_inverts = after_quote
        && (head.ends_with("ed") || head.ends_with('s'))
        && toks.get(ce).is_some_and(|t| {
            t.is_capitalized() || matches!(t.lower().as_ref(), "the" | "a" | "an")
        });
    if ((after_quote || ci == 0 || inverted_after_comma(toks, ci, ce))
        && INVERTING_CUES.contains(&head))
        || quote_inverts
    {
        let mut e = source_forward(toks, ce)?;
        // "..., said David Autor, an influential scholar of labor economics.": an
        // appositive running to the sentence end belongs to the source.
        let relative = toks
            .get(e)
            .is_some_and(|t| matches!(t.text, "who" | "whose" | "familiar" | "close"));
        // "..., said Weaver, who said business executives often fail": a relative clause
        // that reports speech of its own stays out.
        let reporting = reporting_relative(&toks[(e + usize::from(!relative)).min(toks.len())..]);
        if (toks.get(e).is_some_and(|t| t.text == ",") || relative) && !reporting {
            // The appositive ends with the sentence's first full stop (a quotation may
            // follow in the same sentence span: "..., editor in chief of Mic.com. “You
            // have ...”").
            let last = (e..toks.len())
                .find(|&k| {
                    matches!(toks[k].text, "." | "!" | "?")
                        && !(toks[k].text == "." && k > 0 && is_abbreviation(toks[k - 1].text))
                })
                .unwrap_or(toks.len());
            // It stops before a participle or relative clause of its own.
            // ("managing director", "ranking member": a title's participle opens none.)
            let clause = |k: usize| {
                toks.get(k).is_some_and(|t| {
                    let l = t.lower();
                    (l.ends_with("ing") && !TITLE_PARTICIPLES.contains(&l.as_ref()))
                        || (l.ends_with("ed") && !t.is_capitalized())
                        || matches!(l.as_ref(), "which" | "though" | "however")
                })
            };
            let stop = (e + 2..last)
                .find(|&k| toks[k].text == "," && clause(k + 1))
                .unwrap_or(last);
            let rest = &toks[e..stop];
            if (relative || !clause(e + 1))
                && rest.len() > 1
                && rest.len() <= 30
                && !rest.iter().any(|t| is_quote_mark(t.text))
            {
                e = stop;
            }
        }
        // "..., said Cornell Belcher, a Democratic pollster, who ...": PolNeAR keeps the
        // comma closing an appositive inside the source, as before a cue.
        let appositive_comma =
            toks.get(e).is_some_and(|t| t.text == ",") && toks[ce..e].iter().any(|t| t.text == ",");
        let source = span(&toks[ce..e + usize::from(appositive_comma)]);
        // "Said Comey, “The thought ... is very painful.”"
        if ci == 0 {
            if toks.get(e).is_some_and(|t| t.text == ",") {
                let content = content_after(text, s, toks, e + 1, quotes)?;
                return Some(found(cx, Some(source), cue, content, "content_cue_source"));
            }
            return None;
        }
        let before = content_before(s, toks, ci, quotes)?;
        // Only a second quotation continues the content ("“A,” said X, “B.”").
        let quote_follows = toks.get(e + 1).is_some_and(|t| is_quote_mark(t.text));
        let content = if e < toks.len() && toks[e].text == "," && quote_follows {
            content_after(text, s, toks, e + 1, quotes).map_or(before, |r| Span {
                start: before.start,
                end: r.end,
            })
        } else {
            before
        };
        return Some(found(cx, Some(source), cue, content, "content_cue_source"));
    }
    // "Trump joked about stereotypes, declined to affirm his support ...": a verb in a
    // list after a comma shares the sentence's subject.
    // So does a headline's present ("Clinton Says Russians Hacked DNC, Calls Trump’s
    // Putin Remarks ‘Troubling’").
    let headline_present = || {
        head.ends_with('s')
            && toks[ci].is_capitalized()
            && title_case(&text[s.start.min(text.len())..s.end.min(text.len())])
    };
    if prev == Some(",") && !after_quote && (head.ends_with("ed") || headline_present()) {
        let source = cx.prior.or_else(|| subject(toks))?;
        if source.end > cue.start {
            return None;
        }
        let content = content_after(text, s, toks, skip_adverbials(toks, ce), quotes)?;
        return Some(found(cx, Some(source), cue, content, "coordinated_cue"));
    }
    None
}

/// Passive cues with a "by" agent: "The allegations were highlighted ... by some of
/// Trump's competitors" (the subject is the content, the agent the source); "a
/// sentiment endorsed by the crowd"; "As reported by Western Journalism, X ...".
fn passive(cx: &Ctx, cue: Span, ci: usize, ce: usize) -> Option<Found> {
    let (text, s, toks, quotes) = (cx.text, cx.s, cx.toks, cx.quotes);
    let first = text[cue.start..cue.end]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let aux = matches!(
        first.as_str(),
        "is" | "are" | "was" | "were" | "been" | "be"
    );
    let by = if aux {
        (ce..toks.len().min(ce + 8))
            .take_while(|&k| {
                !matches!(toks[k].text, "," | "that" | ";" | ":") && !is_quote_mark(toks[k].text)
            })
            .find(|&k| toks[k].text == "by")?
    } else if toks.get(ce).is_some_and(|t| t.text == "by") && ci > 0 {
        ce
    } else {
        return None;
    };
    // "responded by saying", "said by telephone", "say by 55%-41%", "is backed by an
    // overwhelming margin": a manner or a measure, not an agent.
    let agent = toks.get(by + 1)?;
    let first_word = agent.lower();
    let manner = (first_word.ends_with("ing") && !agent.is_capitalized() && first_word.len() > 4)
        || agent.text.starts_with(|c: char| c.is_ascii_digit())
        || MEDIA.contains(&first_word.as_ref())
        || first_word == "far"
        || toks[by + 1..toks.len().min(by + 5)]
            .iter()
            .any(|t| matches!(t.lower().as_ref(), "margin" | "margins"));
    if manner {
        return None;
    }
    // The agent ends at a comma: what follows is no appositive but the clause.
    let comma = toks[by + 1..]
        .iter()
        .position(|t| t.text == ",")
        .map_or(toks.len(), |k| by + 1 + k);
    let e = np_forward(toks, by + 1)?.min(comma);
    if e <= by + 1 {
        return None;
    }
    let source = span(&toks[by + 1..e]);
    if ci > 0 && toks[ci - 1].lower() == "as" {
        // "As reported by X, the rest is content."
        let rest = if toks.get(e).is_some_and(|t| t.text == ",") {
            content_after(text, s, toks, e + 1, quotes)
        } else {
            None
        }?;
        return Some(found(cx, Some(source), cue, rest, "passive_by"));
    }
    // "The immigration bill, opposed by House Republicans, ...": the phrase before a
    // comma is the content too.
    let end = if ci >= 2 && toks[ci - 1].text == "," {
        ci - 1
    } else {
        ci
    };
    if end == 0 || !toks[end - 1].is_word() {
        return None;
    }
    let b = np_backward(toks, end)?;
    let content = span(&toks[b..end]);
    Some(found(cx, Some(source), cue, content, "passive_by"))
}

/// The verb, with its auxiliaries, that governs the document noun at token `noun` in
/// "(has) issued a (formal) statement saying": a lowercase word before its article.
fn issuing_verb(toks: &[Token], noun: usize) -> Option<usize> {
    let is_article = |t: &Token| matches!(t.lower().as_ref(), "a" | "an" | "the");
    let det = if noun >= 1 && is_article(&toks[noun - 1]) {
        noun - 1
    } else if noun >= 2 && is_article(&toks[noun - 2]) && toks[noun - 1].is_word() {
        noun - 2
    } else {
        return None;
    };
    let lowercase_word = |t: &Token| t.text.chars().all(|c| c.is_ascii_lowercase());
    let mut v = det.checked_sub(1).filter(|&v| {
        lowercase_word(&toks[v])
            && !NP_STOPS.contains(&toks[v].text)
            && !NP_LINKS.contains(&toks[v].text)
    })?;
    while v >= 1 && CUE_PREFIXES.contains(&toks[v - 1].lower().as_ref()) {
        v -= 1;
    }
    Some(v)
}

/// Words that open the question of "Asked whether ...".
const QUESTION_OPENERS: &[&str] = &[
    "if", "whether", "about", "to", "why", "what", "how", "who", "which", "when", "where",
];

/// Documents that carry their issuer's words ("released a statement saying").
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "response",
    "letter",
    "release",
    "tweet",
    "video",
    "message",
    "post",
    "ad",
    "email",
    "memo",
    "note",
    "report",
    "op-ed",
    "editorial",
    "order",
    "ruling",
    "motion",
];

/// Whether a cue right after a comma takes its source after it: a name or a determined
/// noun phrase that runs to the sentence end or to an appositive comma.
fn inverted_after_comma(toks: &[Token], ci: usize, ce: usize) -> bool {
    if ci < 3 || toks[ci - 1].text != "," {
        return false;
    }
    let Some(next) = toks.get(ce) else {
        return false;
    };
    let l = next.lower();
    if !(next.is_capitalized() || INVERTED_OPENERS.contains(&l.as_ref())) {
        return false;
    }
    let Some(e) = np_forward(toks, ce) else {
        return false;
    };
    // "..., said the Khan family deserved better": a verb inside is the content's.
    // Up to an appositive or relative clause, whose verbs are its own ("said DeSantis,
    // who was elected ...").
    let head_end = toks[ce..e.min(toks.len())]
        .iter()
        .position(|t| t.text == "," || NP_STOPS.contains(&t.lower().as_ref()))
        .map_or(e.min(toks.len()), |k| ce + k);
    let verb = || toks[ce..head_end].iter().skip(1).any(Token::is_verb_like);
    // "Frank Luntz, a Republican expert, said Mr. Cameron had failed": the sentence
    // opens with a name set off by a comma, which is the source.
    let opening = || {
        toks.iter().position(|t| t.text == ",").is_some_and(|c1| {
            c1 + 1 < ci
                && toks[0].is_capitalized()
                && np_backward(toks, c1) == Some(0)
                && !toks[..ci].iter().any(|t| is_quote_mark(t.text))
                && !toks[..c1].iter().any(|t| {
                    let l = t.lower();
                    !t.is_capitalized()
                        && (l.ends_with("ed")
                            || matches!(l.as_ref(), "is" | "are" | "was" | "were"))
                })
        })
    };
    (e >= toks.len()
        || matches!(toks[e].text, "." | "," | "!" | "?" | ";" | "who")
        || is_quote_mark(toks[e].text))
        && !verb()
        && !opening()
}

/// Participles that open a title rather than a clause ("managing director", "ranking
/// member", "founding partner").
const TITLE_PARTICIPLES: &[&str] = &[
    "managing",
    "ranking",
    "founding",
    "leading",
    "acting",
    "visiting",
    "presiding",
    "outgoing",
    "incoming",
    "consulting",
    "governing",
];

/// Lower-case words that open an inverted source after a comma ("..., said several
/// observers", "..., said former governor Ed Rendell").
const INVERTED_OPENERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "several", "many", "some", "most", "other", "another",
    "both", "former", "senior", "top", "his", "her", "their", "its",
];

/// Media named after "by" ("said by telephone"): a manner, not an agent.
const MEDIA: &[&str] = &[
    "telephone",
    "phone",
    "email",
    "e-mail",
    "text",
    "video",
    "satellite",
];

/// Prepositions whose quotation is a title, not words said ("episode of “The Morning
/// Show,”", "said on “This Week.”").
const TITLE_PREPOSITIONS: &[&str] = &[
    "of", "on", "in", "at", "to", "from", "via", "with", "during",
];

/// Occasions of speech that a phrase between a source and its cue names ("in his
/// announcement speech", "at the time").
const OCCASIONS: &[&str] = &[
    "speech",
    "interview",
    "statement",
    "remarks",
    "address",
    "letter",
    "op-ed",
    "post",
    "tweet",
    "book",
    "memoir",
    "memo",
    "column",
    "appearance",
    "debate",
    "rally",
    "hearing",
    "conference",
    "time",
    "meeting",
    "email",
    "video",
];

/// The source noun phrase ending before token `ci` (see [`source_phrase_before`]),
/// with a noun phrase coordinated to it by "and" when the two make up the sentence's
/// opening ("Real estate mogul and reality TV star Donald Trump tweeted", "His campaign
/// and much of the media predicted"). After a comma ("..., and he said") or a phrase
/// that does not open the sentence, "and" joins clauses, not sources.
fn source_before(toks: &[Token], ci: usize) -> Option<(usize, usize)> {
    let (b, e) = source_phrase_before(toks, ci)?;
    // "The American Legion has twice complained", "Mr. Trump has lately started
    // asking", "more Republicans have begun urging": an adverb or a verb after an
    // auxiliary belongs to the verb group; the subject is before the auxiliary.
    if b >= 2 && AUXILIARIES.contains(&toks[b - 1].lower().as_ref()) && toks[b - 2].is_word() {
        let first = toks[b].lower();
        let verbal = toks[b].is_verb_like()
            || ly_adverb(&first)
            || SENTENCE_ADVERBS.contains(&first.as_ref())
            || matches!(
                first.as_ref(),
                "twice" | "once" | "begun" | "also" | "already" | "since"
            );
        let clause = matches!(
            toks[b - 2].lower().as_ref(),
            "that" | "who" | "which" | "there" | "it"
        );
        if verbal && !clause {
            if let Some(subject) = source_phrase_before(toks, b - 1) {
                return Some(subject);
            }
        }
    }
    if let Some(start) = opening_list(toks, b, e) {
        return Some((start, e));
    }
    // After an opening conjunction or an introductory phrase without a verb, as at the
    // sentence's start: "But attorneys and legal experts said", "However, Sen. Bernie
    // Sanders and Martin O'Malley suggested".
    if b >= 2 && toks[b - 1].lower() == "and" && toks[b - 2].is_word() {
        if let Some(a) = np_backward(toks, b - 1) {
            let introduced = a >= 2
                && toks[a - 1].text == ","
                && !toks[..a - 1]
                    .iter()
                    .any(|t| t.is_verb_like() || is_quote_mark(t.text));
            // "“...,” the Florida senator and Republican presidential candidate said".
            let quoted = a >= 2 && is_quote_mark(toks[a - 1].text) && toks[a - 2].text == ",";
            let opens = a == 0
                || introduced
                || quoted
                || (a == 1 && matches!(toks[0].lower().as_ref(), "but" | "and" | "yet" | "so"));
            if opens {
                return Some((a, e));
            }
        }
    }
    Some((b, e))
}

/// Auxiliaries between a subject and the rest of its verb group.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "may",
    "might", "can", "must",
];

/// The start of a list of short phrases that opens the sentence and ends with "and" or
/// "or" right before token `b` ("Friends, lobbyists and former foes say"; "President
/// Obama, Hillary Clinton, and other Democrats argue"; "But labor unions, environmental
/// groups, and many lawmakers claim"): at least one comma, each item one to six words.
fn opening_list(toks: &[Token], b: usize, e: usize) -> Option<usize> {
    // The conjunction before the phrase, or inside it after a comma ("Friends,
    // lobbyists and former foes").
    let conjunction = |t: &Token| matches!(t.lower().as_ref(), "and" | "or");
    let before = b >= 4 && conjunction(&toks[b - 1]);
    let inside = b >= 2 && toks[b - 1].text == "," && toks[b..e].iter().any(conjunction);
    if !before && !inside {
        return None;
    }
    let start = usize::from(matches!(toks[0].lower().as_ref(), "but" | "and" | "yet"));
    // Not an introductory phrase ("In separate interviews, ...", "Last month, ...").
    if opens_introduction(&toks[start].lower()) {
        return None;
    }
    let mut body = &toks[start..b - 1];
    // The serial comma before "and".
    if body.last().is_some_and(|t| t.text == ",") {
        body = &body[..body.len() - 1];
    }
    let item_ok = |item: &[Token]| {
        !item.is_empty()
            && item.len() <= 6
            && item.iter().all(|t| {
                let l = t.lower();
                let word = t.is_word()
                    && (!NP_STOPS.contains(&l.as_ref()) || matches!(l.as_ref(), "of" | "in"));
                // No verb: "Trump fired his manager, ..., and began", "Trump won Iowa".
                (word && !t.is_verb_like()) || matches!(t.text, "%" | "’" | "'" | "." | "(" | ")")
            })
    };
    let enough = if before { 2 } else { 1 };
    let mut items = 0;
    for item in body.split(|t| t.text == ",") {
        if !item_ok(item) {
            return None;
        }
        items += 1;
    }
    (items >= enough).then_some(start)
}

/// The start of the source noun phrase ending before token `ci`, looking through an
/// appositive or a participial aside set off by commas ("Trump's adviser, Mike Waltz,
/// said"; "Sheinbaum, responding to a question, said").
fn source_phrase_before(toks: &[Token], ci: usize) -> Option<(usize, usize)> {
    if ci == 0 {
        return None;
    }
    // "McAuliffe on Friday announced", "Spicer on Thursday evening said": a time between
    // the source and the cue.
    let mut k = ci;
    let part_of_day = |t: &Token| {
        matches!(
            t.lower().as_ref(),
            "morning" | "afternoon" | "evening" | "night"
        )
    };
    if k >= 2
        && part_of_day(&toks[k - 1])
        && is_time_word(&toks[k - 2].lower())
        && toks[k - 2].is_capitalized()
    {
        k -= 1;
    }
    // A time between a source and its cue: "this week", "last month", "this past
    // week", "earlier this year", "just this month".
    let participle = |t: &Token| {
        let l = t.lower();
        (l.ends_with("ed") || l == "out") && !t.is_capitalized()
    };
    if k >= 3
        && matches!(
            toks[k - 1].lower().as_ref(),
            "week" | "month" | "year" | "weekend"
        )
        && matches!(toks[k - 2].lower().as_ref(), "this" | "last" | "past")
    {
        let mut t = k - 2;
        if toks[t].lower() == "past" && toks[t - 1].lower() == "this" {
            t -= 1;
        }
        if t > 1
            && matches!(
                toks[t - 1].lower().as_ref(),
                "just" | "only" | "also" | "earlier" | "later"
            )
        {
            t -= 1;
        }
        // "A new batch of emails released this week showed", "a report issued earlier
        // this year found": a time after a participle dates it, inside the source.
        if t > 1 && participle(&toks[t - 1]) {
            return np_backward(toks, t - 1)
                .filter(|&b| b < t - 1)
                .map(|b| (b, ci));
        }
        // "Reince Priebus, the GOP chairman, this past week announced": a time after
        // the comma that closes the source.
        if t > 1 && toks[t - 1].text == "," {
            return source_phrase_before(toks, t);
        }
        // "The Supreme Court this month ruled": the time is no part of the source.
        let word = t > 1 && toks[t - 1].is_word() && {
            let w = &toks[t - 1];
            w.is_capitalized() || !NP_STOPS.contains(&w.lower().as_ref())
        };
        if word {
            return np_backward(toks, t).map(|b| (b, t));
        }
    }
    // "Fiorina a month later announced", "Trump two days later said": a measured time
    // between the source and its cue ("later" may open the cue).
    let measured = |u: usize| {
        is_time_unit(&toks[u].lower())
            && u >= 2
            && (matches!(toks[u - 1].lower().as_ref(), "a" | "an" | "few")
                || is_number_word(&toks[u - 1].lower())
                || toks[u - 1].text.bytes().all(|b| b.is_ascii_digit()))
    };
    let later = |t: &Token| matches!(t.lower().as_ref(), "later" | "earlier" | "ago");
    let time_start = if k >= 3 && later(&toks[k - 1]) && measured(k - 2) {
        Some(k - 3)
    } else if k >= 2 && toks.get(k).is_some_and(later) && measured(k - 1) {
        Some(k - 2)
    } else {
        None
    };
    if let Some(t) = time_start.filter(|&t| t > 0 && toks[t - 1].is_word()) {
        return np_backward(toks, t).map(|b| (b, t));
    }
    if is_time_word(&toks[k - 1].lower()) && toks[k - 1].is_capitalized() {
        k -= 1;
        // "A new poll released Friday found": the day dates the participle, inside the
        // source.
        if k > 1 && participle(&toks[k - 1]) {
            return np_backward(toks, k - 1)
                .filter(|&b| b < k - 1)
                .map(|b| (b, ci));
        }
        if k > 0
            && matches!(
                toks[k - 1].lower().as_ref(),
                "on" | "last" | "this" | "earlier"
            )
        {
            k -= 1;
        }
        // "Sen. Bernie Sanders (I-Vt.) on Saturday criticized": a parenthesis closes it.
        if k > 0 && (toks[k - 1].is_word() || toks[k - 1].text == ")") {
            return np_backward(toks, k).map(|b| (b, k));
        }
        // "Mr. Smith, the chairman, on Friday said": the comma closes the source.
        if k > 1 && toks[k - 1].text == "," {
            return source_phrase_before(toks, k);
        }
        return None;
    }
    if is_dash(toks[ci - 1].text) {
        // "The scholars -- Mr. Tribe and Mr. Amar -- agreed"; "The justice -- who has
        // been ... -- said": an aside set off by dashes.
        let mut close = ci - 1;
        while close > 0 && is_dash(toks[close - 1].text) {
            close -= 1;
        }
        let open = toks[..close].iter().rposition(|t| is_dash(t.text))?;
        let mut open_start = open;
        while open_start > 0 && is_dash(toks[open_start - 1].text) {
            open_start -= 1;
        }
        let aside = &toks[open + 1..close];
        if aside.is_empty() || aside.len() > 30 || aside.iter().any(|t| is_quote_mark(t.text)) {
            return None;
        }
        let head = np_backward(toks, open_start)?;
        if matches!(aside[0].lower().as_ref(), "who" | "which") {
            return Some((head, open_start));
        }
        return Some((head, ci));
    }
    if toks[ci - 1].text != "," {
        // "the regret he acknowledged": a pronoun ending the phrase is the source.
        let pronoun = matches!(
            toks[ci - 1].lower().as_ref(),
            "he" | "she" | "they" | "i" | "we"
        );
        if pronoun {
            return Some((ci - 1, ci));
        }
        // "Officials there said", "Her campaign workers here said": the place adverb
        // stays in the source (train: 7 gold sources end with one).
        let place = ci >= 2
            && matches!(toks[ci - 1].text, "here" | "there")
            && toks[ci - 2].is_word()
            && !NP_STOPS.contains(&toks[ci - 2].lower().as_ref());
        if place {
            return np_backward(toks, ci - 1).map(|b| (b, ci));
        }
        // "Trump in his announcement speech said", "Trump at the time said": the occasion
        // between a name and its cue is no part of the source.
        let occasion = (ci.saturating_sub(6)..ci.saturating_sub(2))
            .rev()
            .find(|&p| {
                p > 0
                    && matches!(toks[p].text, "in" | "at" | "during")
                    && (toks[p - 1].is_capitalized() || toks[p - 1].text == ")")
                    && matches!(
                        toks[p + 1].lower().as_ref(),
                        "his" | "her" | "their" | "its" | "a" | "an" | "the"
                    )
                    && toks[p + 1..ci].iter().all(|t| t.is_word())
                    && OCCASIONS.contains(&toks[ci - 1].lower().as_ref())
            });
        if let Some(p) = occasion {
            return np_backward(toks, p).map(|b| (b, p));
        }
        let b = np_backward(toks, ci)?;
        // "Supporters who have heard directly from the Rubio campaign say", "Anyone who
        // knows anything about McConnell knows": a restrictive relative clause that ends
        // at the cue belongs to the source with the phrase it modifies.
        // "Those who back her opponents say", "27 percent of those who named a
        // candidate said": "those" heads the phrase, with what it is a share of.
        let those = |k: usize| toks[k].lower() == "those";
        let relative = (b.saturating_sub(8)..b).rev().find(|&k| {
            toks[k].lower() == "who"
                && k > 0
                && toks[k - 1].is_word()
                && (!NP_STOPS.contains(&toks[k - 1].lower().as_ref()) || those(k - 1))
        });
        if let Some(w) = relative {
            let clause = &toks[w + 1..b];
            // "the polling guru who founded fivethirtyeight.com tweeted": the phrase
            // found may open with the clause's verb itself.
            let verb = clause.iter().any(|t| t.is_word() && !t.is_capitalized())
                || (clause.is_empty() && !toks[b].is_capitalized());
            let plain = clause
                .iter()
                .all(|t| t.is_word() || matches!(t.text, "’" | "'"));
            if verb && plain {
                let head = if those(w - 1) {
                    Some(
                        (w >= 3 && toks[w - 2].text == "of")
                            .then(|| np_backward(toks, w - 2))
                            .flatten()
                            .unwrap_or(w - 1),
                    )
                } else {
                    np_backward(toks, w)
                };
                if let Some(h) = head {
                    return Some((h, ci));
                }
            }
        }
        if b >= 2 && toks[b - 1].text == "," && toks[b - 2].is_capitalized() {
            // (An appositive whose closing comma is missing, "Sam Lau, the communications
            // director for the Iowa Democratic Party said", was tried: the opening name
            // cannot be told from a sentence adverb, "Moreover, the left had intended",
            // and train source fell 0.07.)
            // "Stacy Baker of Columbia, South Carolina says": a state after its town.
            if names_state(&toks[b..ci]) {
                if let Some(h) = np_backward(toks, b - 1) {
                    return Some((through_place(toks, h), ci));
                }
            }
        }
        return Some((b, ci));
    }
    // The aside between the previous comma and this one; a place and its state
    // ("in Columbus, Ohio,", "Wilmington, N.C.,") is one piece of it.
    let previous_comma = |end: usize| toks[..end].iter().rposition(|t| t.text == ",");
    let mut pc = previous_comma(ci - 1);
    if let Some(c) = pc.filter(|&c| c > 0 && toks[c - 1].is_capitalized()) {
        let segment = &toks[c + 1..ci - 1];
        // A party and state ("McConnell, R-Ky.,") is the person's, not a place's.
        let party = segment.first().is_some_and(|t| is_party_label(t.text));
        let state = !party && names_state(segment);
        if let Some(p) = previous_comma(c)
            .filter(|&p| state && !toks[p..c].iter().any(|t| is_quote_mark(t.text)))
        {
            pc = Some(p);
        }
    }
    // "Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said":
    // a participial aside right after the opening name runs to the cue, commas and all.
    if let Some(c1) = toks[..ci - 1].iter().position(|t| t.text == ",") {
        let participle = toks.get(c1 + 1).is_some_and(|t| {
            let l = t.lower();
            !t.is_capitalized() && (l.ends_with("ing") || l.ends_with("ed")) && l != "including"
        });
        // "Vice President Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on
        // Wednesday, said": so does a relative clause holding commas of its own, unless
        // it reports speech, which stays out like the participle.
        // "Geoff Garin, a Democratic pollster who is working with Priorities USA, a
        // pro-Clinton super PAC, said": and so does an appositive whose own relative
        // clause holds the later commas.
        let relative = toks
            .get(c1 + 1)
            .is_some_and(|t| matches!(t.text, "who" | "whose"))
            || (toks
                .get(c1 + 1)
                .is_some_and(|t| ARTICLES_AND_POSSESSIVES.contains(&t.lower().as_ref()))
                && pc.is_some_and(|p| {
                    p > c1 + 1
                        && toks[c1 + 1..p]
                            .iter()
                            .all(|t| t.text != "," && !is_quote_mark(t.text))
                        && toks[c1 + 1..p]
                            .iter()
                            .any(|t| matches!(t.text, "who" | "that"))
                }));
        if (participle || relative)
            && pc.is_some_and(|p| c1 < p)
            && ci - c1 <= 40
            && toks[0].is_capitalized()
            && np_backward(toks, c1) == Some(0)
            && !toks[c1..ci].iter().any(|t| is_quote_mark(t.text))
        {
            let whole = relative && !reporting_relative(&toks[c1 + 1..]);
            return Some((0, if whole { ci } else { c1 }));
        }
    }
    let Some(pc) = pc else {
        // "Sen. Jack Reed (D-R.I.), said": a lone comma after a parenthesis or an
        // abbreviation that closes the sentence's opening phrase stays in the source.
        let closed = ci >= 2 && matches!(toks[ci - 2].text, ")" | ".");
        return np_backward(toks, ci - 1)
            .filter(|&b| closed && b == 0)
            .map(|b| (b, ci));
    };
    let aside = &toks[pc + 1..ci - 1];
    // "Woodrow Benford, 58, who lives outside Minneapolis, says": an age is no head.
    if let Some(comma) = before_age(toks, pc) {
        let head = np_backward(toks, comma)?;
        return Some((head, ci));
    }
    if aside.is_empty() || aside.len() > 40 || aside.iter().any(|t| is_quote_mark(t.text)) {
        return None;
    }
    let head = through_place(toks, np_backward(toks, pc)?);
    // "Johnnie Wilson, of Springfield, Va., said" keeps its "of"; "of course" does not.
    let of_place = aside[0].lower() == "of" && aside.get(1).is_some_and(|t| t.lower() != "course");
    let discourse = !of_place
        && matches!(
            aside[0].lower().as_ref(),
            "however"
                | "though"
                | "too"
                | "meanwhile"
                | "instead"
                | "also"
                | "in"
                | "on"
                | "for"
                | "at"
                | "speaking"
                | "unlike"
                | "despite"
                | "while"
                | "when"
                | "although"
                | "of"
                | "by"
                | "after"
                | "before"
                | "during"
                | "then"
                | "now"
                | "still"
                | "moreover"
                | "nonetheless"
                | "meantime"
        );
    // "Proponents, including the Conference of Mayors, say": "including" (train: 24 of
    // 25 gold sources) and "like" (8 of 11) asides stay in the source.
    let participle = {
        let l = aside[0].lower();
        (l.ends_with("ing") || l.ends_with("ed")) && !aside[0].is_capitalized() && l != "including"
    };
    if participle || discourse || reporting_relative(aside) {
        // A participial aside is not part of the source: keep only the phrase before.
        return Some((head, pc));
    }
    // "Dean Johnson, a salesman from Sumter, South Carolina, said"; "Nevada's governor,
    // Brian Sandoval, a Republican, said": when the appositive holds a comma itself, the
    // name it describes opens the sentence before another comma.
    let head = opening_name(toks, head).unwrap_or(head);
    // PolNeAR keeps the comma that closes an appositive inside the source.
    Some((head, ci))
}

/// Whether the tokens name a US state: a state or its abbreviation ("Ohio", "Va.") or
/// a state's name of two or three words ("South Carolina", "New York").
fn names_state(segment: &[Token]) -> bool {
    let named = || {
        US_STATES
            .iter()
            .any(|n| n.split(' ').eq(segment.iter().map(|t| t.text)))
    };
    match segment {
        [s] | [s, _] => is_state(s.text) || named(),
        [_, _, _] => named(),
        _ => false,
    }
}

/// "Noting that only Sen. Kirk voted with Democrats, Tester said ...", "Citing
/// “obligations in Tennessee,” the spokeswoman told ...", "In describing Trump, Cuban
/// said ...": a participial cue opening the sentence; its speaker is the subject of the
/// main clause after the comma, its content the participle's complement (with a comma
/// and quotation mark that close a quotation inside it).
fn opening_participle(cx: &Ctx, cue: Span, head: &str, ci: usize, ce: usize) -> Option<Found> {
    let toks = cx.toks;
    let opens = ci == 0
        || (ci == 1
            && matches!(
                toks[0].lower().as_ref(),
                "in" | "by" | "after" | "while" | "when" | "before"
            ));
    if !opens
        || !head.ends_with("ing")
        || head == "according"
        || (ci == 0 && !toks[ci].is_capitalized())
    {
        return None;
    }
    let comma = (ce..toks.len().min(ce + 30)).find(|&k| {
        toks[k].text == ","
            && !thousands_comma(toks, k)
            && (!strictly_in_quote(cx.quotes, toks[k].start, toks[k].end)
                || toks.get(k + 1).is_some_and(|t| is_quote_mark(t.text)))
    })?;
    let closing = toks.get(comma + 1).is_some_and(|t| is_quote_mark(t.text));
    let content_end = if closing { comma + 2 } else { comma };
    let subject_start = content_end + usize::from(!closing);
    // The main clause: a noun phrase, then a verb.
    let subject_end = np_forward(toks, subject_start)?;
    let verb = toks
        .get(subject_end)
        .is_some_and(|t| t.is_verb_like() || cue_confidence(&t.lower()).is_some());
    if subject_end <= subject_start || !verb || content_end <= ce {
        return None;
    }
    let source = span(&toks[subject_start..subject_end]);
    let content = span(&toks[ce..content_end]);
    Some(found(cx, Some(source), cue, content, "opening_participle"))
}

/// The "who" of a relative clause still open at token `ci` (no punctuation between).
fn open_relative(toks: &[Token], ci: usize) -> Option<usize> {
    for k in (1..ci).rev().take(40) {
        let t = &toks[k];
        if matches!(t.text, "," | ";" | ":" | "—" | "–" | "(" | ")") || is_quote_mark(t.text) {
            return None;
        }
        if t.lower() == "who" {
            return Some(k);
        }
    }
    None
}

/// Whether a cue's words hold an auxiliary ("is calling for", "have been urging"): a
/// finite verb, not a bare participle ("also alluding to", "quickly reminding").
fn auxiliary_in(cue: &[Token]) -> bool {
    cue.iter().any(|t| {
        matches!(
            t.lower().as_ref(),
            "is" | "are" | "was" | "were" | "be" | "been" | "am" | "has" | "have" | "had"
        )
    })
}

/// The comma before an age set off by commas, given the comma after it: in "Woodrow
/// Benford, 58, who ...", from the comma after "58" to the one after "Benford".
fn before_age(toks: &[Token], comma: usize) -> Option<usize> {
    (comma >= 3 && toks[comma - 1].is_number() && toks[comma - 2].text == ",").then(|| comma - 2)
}

/// The start of the phrase that a state or a party and state at `head` completes:
/// "Sen. Marco Rubio, R-Fla.," and "a truck driver from Ava, Mo.," run back through
/// the comma before the abbreviation.
fn through_place(toks: &[Token], mut head: usize) -> usize {
    while head >= 2
        && toks[head - 1].text == ","
        && toks.get(head + 1).is_some_and(|t| t.text == ".")
        && is_state(toks[head].text)
    {
        match np_backward(toks, head - 1) {
            Some(b) => head = b,
            None => break,
        }
    }
    // "Donna Rawlings, 59, of Ashton, Md.,": a hometown after a name (and an age).
    if head >= 3
        && matches!(toks[head - 1].lower().as_ref(), "of" | "from")
        && toks[head - 2].text == ","
    {
        let comma = before_age(toks, head - 2).unwrap_or(head - 2);
        if let Some(b) = np_backward(toks, comma).filter(|&b| toks[b].is_capitalized()) {
            head = b;
        }
    }
    head
}

/// The start of the noun phrase that opens the sentence and is set off by a comma just
/// before token `head`, when it is a name or is followed by one: the phrase from `head`
/// is then an appositive to it. None for a time or another setting.
fn opening_name(toks: &[Token], head: usize) -> Option<usize> {
    // The clause opens the sentence or follows a quotation ("“...,” J.J. Goldberg,
    // editor at large of The Forward, a New York newspaper, wrote").
    let open = clause_open(toks, head);
    if head < open + 2 || toks[head - 1].text != "," {
        return None;
    }
    let b = np_backward(toks, head - 1)?;
    let named = toks[head - 2].is_capitalized() || toks[head].is_capitalized();
    let setting = toks[open..head - 1]
        .iter()
        .any(|t| is_time_word(&t.lower()) || NP_STOPS.contains(&t.lower().as_ref()));
    // "Still, Tad Devine, ...", "Similarly, William J. Bennett, ...": a sentence adverb.
    let first = toks[open].lower();
    let adverb = head == open + 2
        && ((first.len() > 6 && first.ends_with("ly"))
            || SENTENCE_ADVERBS.contains(&first.as_ref()));
    // "Speaking in Harlem, Clinton, ...": a participial opening; "Trump, speaking at a
    // rally in Wilmington, N.C., said": a participial aside, not an appositive.
    let participle = |t: &Token| {
        let l = t.lower();
        !t.is_capitalized() && (l.ends_with("ing") || l.ends_with("ed") || l == "without")
    };
    let aside = first.ends_with("ing") || participle(&toks[head]);
    (b == open && named && !setting && !adverb && !aside).then_some(open)
}

/// Where the clause holding token `at` opens: after a quotation closed with a comma
/// or a stop before it ("“...,” J.J. Goldberg, ..., wrote"), else the sentence start.
fn clause_open(toks: &[Token], at: usize) -> usize {
    (1..at.min(toks.len()))
        .rev()
        .find(|&k| is_quote_mark(toks[k].text) && matches!(toks[k - 1].text, "," | "." | "?" | "!"))
        .map_or(0, |k| k + 1)
}

/// Whether the sentence part before token `b` is an introductory setting ("In an
/// interview, ...", "Speaking Sunday, ...") rather than content.
fn intro(toks: &[Token], b: usize) -> bool {
    let Some(first) = toks.first() else {
        return true;
    };
    let l = first.lower();
    b < 2
        || is_time_word(&l)
        || l.ends_with("ing")
        || matches!(
            l.as_ref(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "asked"
                | "speaking"
                | "from"
                | "with"
                | "to"
                | "for"
                | "by"
                | "as"
                | "since"
        )
}

/// The "that" opening a content a few words after token `i`, with only words between
/// ("told delegates here that", "to the New York Times on Friday that").
fn that_ahead(toks: &[Token], i: usize) -> Option<usize> {
    let k = toks[i.min(toks.len())..]
        .iter()
        .take(8)
        .position(|t| t.text == "that" || !t.is_word())?;
    (k > 0 && toks[i + k].text == "that").then_some(i + k)
}

/// Skips the addressee of "told"/"asked": a pronoun, a plural noun, "the crowd", or a
/// capitalized name ("the New York Times", "Fox News").
fn skip_addressee(toks: &[Token], i: usize) -> usize {
    if let Some(k) = that_ahead(toks, i) {
        return k;
    }
    let Some(t) = toks.get(i) else { return i };
    let l = t.lower();
    if matches!(
        l.as_ref(),
        "that" | "he" | "she" | "they" | "it" | "i" | "we"
    ) || !t.is_word()
    {
        return i;
    }
    if matches!(
        l.as_ref(),
        "me" | "him"
            | "her"
            | "us"
            | "them"
            | "you"
            | "reporters"
            | "voters"
            | "supporters"
            | "lawmakers"
            | "people"
            | "students"
            | "members"
            | "journalists"
    ) {
        return i + 1;
    }
    let mut j = i;
    if matches!(l.as_ref(), "the" | "a" | "an") {
        j += 1;
    }
    let caps = toks[j..].iter().take_while(|t| t.is_capitalized()).count();
    if caps > 0 {
        return j + caps;
    }
    if j > i {
        // "the crowd", "a rally" — one common noun.
        return (j + 1).min(toks.len());
    }
    i
}

/// Skips time and place adverbials after a cue ("last week", "on Friday", "at the
/// time", "in an interview") up to a comma, "that", a quotation or the sentence end.
fn skip_adverbials(toks: &[Token], i: usize) -> usize {
    let Some(t) = toks.get(i) else { return i };
    let l = t.lower();
    // "said this week he ...", "says tonight that ...": a bare time phrase is skipped
    // by itself ("this" alone is the content's first word: "say this is ...").
    if is_time_word(&l) {
        let noun = |k: usize| {
            toks.get(k).is_some_and(|x| {
                matches!(
                    x.lower().as_ref(),
                    "week"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                        | "weekend"
                        | "spring"
                        | "summer"
                        | "fall"
                        | "winter"
                )
            })
        };
        let mut j = i;
        while j < toks.len() && j < i + 4 && (is_time_word(&toks[j].lower()) || noun(j)) {
            j += 1;
        }
        let bare = matches!(l.as_ref(), "this" | "last" | "early" | "late") && !noun(i + 1);
        if !bare && j > i {
            let after = toks.get(j).map(|x| x.text);
            if after == Some(",") {
                return j + 1;
            }
            // "said Wednesday on Fox News Channel’s “Hannity,” that": an occasion may
            // follow the time.
            if after.is_some_and(|a| matches!(a, "on" | "at" | "in" | "during" | "via")) {
                let k = skip_adverbials(toks, j);
                if k > j
                    && toks
                        .get(k)
                        .is_some_and(|t| !matches!(t.text, "." | "!" | "?"))
                {
                    return k;
                }
            }
            if after.is_some_and(|a| a.chars().next().is_some_and(char::is_alphanumeric))
                || after.is_some_and(is_quote_mark)
                || after == Some(":")
            {
                return j;
            }
        }
        if bare {
            return i;
        }
    }
    // "said by telephone that", "say by 55%-41% that": a manner or measure.
    let by_manner = l == "by"
        && toks.get(i + 1).is_some_and(|n| {
            n.text.starts_with(|c: char| c.is_ascii_digit()) || MEDIA.contains(&n.lower().as_ref())
        });
    let opens = is_time_word(&l)
        || by_manner
        || (l.len() > 4 && l.ends_with("ly"))
        || matches!(
            l.as_ref(),
            "on" | "at"
                | "in"
                | "during"
                | "while"
                | "after"
                | "before"
                | "from"
                | "via"
                | "with"
                | "repeatedly"
                | "again"
                | "publicly"
                | "privately"
        );
    if !opens {
        return i;
    }
    let mut j = i;
    while j < toks.len() && j < i + 12 {
        let x = toks[j].text;
        // "said on “This Week.”", "told ABC's ''This Week''": a quotation that a
        // preposition or a possessive takes is a title, part of the phrase.
        let title = is_quote_mark(x)
            && j > i
            && (TITLE_PREPOSITIONS.contains(&toks[j - 1].lower().as_ref())
                || toks[j - 1].text.ends_with("'s")
                || toks[j - 1].text.ends_with("’s"));
        if title {
            if let Some(k) = (j + 1..toks.len().min(j + 12)).find(|&k| is_quote_mark(toks[k].text))
            {
                // “Hannity,”: the comma closing the phrase sits inside the title's marks.
                if toks[k - 1].text == "," {
                    return k + 1;
                }
                j = k + 1;
                continue;
            }
        }
        if x == "that" || is_quote_mark(x) || x == ":" {
            return j;
        }
        if x == "," {
            return j + 1;
        }
        if matches!(x, "." | "!" | "?") {
            return j;
        }
        j += 1;
    }
    if j >= toks.len() {
        toks.len()
    } else {
        i
    }
}

/// The paragraph after a colon that ends its own (`from` is just past the colon): a
/// quotation opening it, else its first line, when it has two words or more.
fn next_paragraph(text: &str, from: usize, quotes: &[Span]) -> Option<Span> {
    let rest = &text[from..];
    let gap = rest.len() - rest.trim_start().len();
    if !rest[..gap].contains('\n') {
        return None;
    }
    let start = from + gap;
    if let Some(q) = quote_starting_at(quotes, start) {
        return Some(q);
    }
    let line = rest_of_line(text, start);
    (text[line.start..line.end].split_whitespace().count() >= 2).then_some(line)
}

/// From `from` to the end of its line, without trailing whitespace.
fn rest_of_line(text: &str, from: usize) -> Span {
    let line = text[from..].split('\n').next().unwrap_or("").trim_end();
    Span {
        start: from,
        end: from + line.len(),
    }
}

/// Content after the cue, starting at token `i`: a quotation (after an optional comma
/// or colon), or the rest of the sentence without its final punctuation.
fn content_after(
    text: &str,
    s: &Sentence,
    toks: &[Token],
    mut i: usize,
    quotes: &[Span],
) -> Option<Span> {
    if i < toks.len() && matches!(toks[i].text, ":" | ",") {
        i += 1;
    }
    // "He said:" closing its paragraph (the colon may be the cue's): the content is
    // the next one.
    if i == toks.len() && i > 0 && toks[i - 1].text == ":" {
        return next_paragraph(text, toks[i - 1].end, quotes);
    }
    let t = toks.get(i)?;
    // ", according to CNN" is another attribution, not this one's content.
    if t.lower() == "according" {
        return None;
    }
    if is_quote_mark(t.text) {
        if let Some(q) = quote_starting_at(quotes, t.start) {
            // A quoted word inside a clause ("found “evidence” that ...") is not the
            // whole content.
            let s_end = s.end.min(text.len());
            let runs_on = q.end < s_end
                && text[q.end..s_end]
                    .trim_start()
                    .starts_with(|c: char| c.is_lowercase());
            if !runs_on {
                return Some(q);
            }
        }
    }
    let words = toks[i..].iter().filter(|t| t.is_word()).count();
    // "Cruz attacked Trump.", "He said so.": one word is a content when it names someone
    // or stands for what was said.
    let one = || {
        toks[i..].iter().find(|t| t.is_word()).is_some_and(|w| {
            w.is_capitalized()
                || matches!(
                    w.lower().as_ref(),
                    "him"
                        | "her"
                        | "them"
                        | "it"
                        | "that"
                        | "this"
                        | "so"
                        | "yes"
                        | "no"
                        | "us"
                        | "me"
                )
        })
    };
    if words == 0 || (words == 1 && !one()) {
        return None;
    }
    let mut end = s.end.min(text.len());
    // "When reporters asked about her weaknesses, they shifted topics": a cue in an
    // opening subordinate clause has the clause's rest as its content.
    let subordinate = toks.first().is_some_and(|f| {
        matches!(
            f.lower().as_ref(),
            "when"
                | "while"
                | "although"
                | "though"
                | "if"
                | "after"
                | "before"
                | "because"
                | "since"
                | "once"
                | "unless"
                | "whereas"
        )
    });
    if subordinate {
        let comma = toks
            .iter()
            .position(|x| x.text == "," && !in_quote(quotes, x.start, x.end));
        if let Some(k) = comma.filter(|&k| k > i + 1) {
            end = toks[k].start;
        }
    }
    // A trailing non-restrictive clause (", who ...", ", saying ...") is not content.
    for k in i + 2..toks.len().saturating_sub(1) {
        // Cheapest test first: this runs for every token of every content.
        if toks[k].text == ","
            && !in_quote(quotes, toks[k].start, toks[k].end)
            && CLAUSE_OPENERS.contains(&toks[k + 1].lower().as_ref())
        {
            end = toks[k].start;
            break;
        }
    }
    // "condemned the bill's passage but praised the senators": a second verb phrase
    // sharing the subject is not this cue's content.
    if t.lower() != "that" {
        for k in i + 1..toks.len().saturating_sub(1) {
            if toks[k].start >= end {
                break;
            }
            // Only after "and"/"but" is the next word looked up in the lexicons.
            let conj = matches!(toks[k].text, "and" | "but");
            let verbal = |verb: &Token| {
                let v = verb.lower();
                !verb.is_capitalized()
                    && (cue_confidence(&v).is_some() || ACTION_VERBS.contains(&v.as_ref()))
            };
            if conj && verbal(&toks[k + 1]) && !in_quote(quotes, toks[k].start, toks[k].end) {
                end = toks[k].start;
                break;
            }
        }
    }
    let end = trim_end(text, t.start, end);
    (end > t.start).then_some(Span {
        start: t.start,
        end,
    })
}

/// Words that open a clause after a comma which PolNeAR leaves out of a content that
/// runs to the sentence end.
const CLAUSE_OPENERS: &[&str] = &[
    "who",
    "whose",
    "which",
    "saying",
    "calling",
    "citing",
    "noting",
    "adding",
    "arguing",
    "claiming",
    "according",
];

/// Content before the source at token `b`: the quotation that ends there, or the
/// sentence from its start, without the comma before the source.
fn content_before(s: &Sentence, toks: &[Token], b: usize, quotes: &[Span]) -> Option<Span> {
    if b == 0 {
        return None;
    }
    let mut k = b;
    while k > 0 && matches!(toks[k - 1].text, "," | "—" | "–" | "-") {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let last = &toks[k - 1];
    if is_quote_mark(last.text) {
        if let Some(q) = quote_ending_at(quotes, last.end) {
            // Words before the quotation in the sentence belong to the content too.
            return Some(Span {
                start: q.start.min(s.start),
                end: q.end,
            });
        }
    }
    let words = toks[..k].iter().filter(|t| t.is_word()).count();
    if words < 2 {
        return None;
    }
    Some(Span {
        start: s.start,
        end: last.end,
    })
}

/// Whether the words before a source and its comma are a sentence's opening adverbial:
/// up to six words, no quotation, opening as an introduction does (a preposition, a
/// subordinator, a time word: "As the day went on,", "On Thursday,", "In the end,") or
/// with "so", "then", "until" or "behind" ("So far,").
fn opening_adverbial(before: &[Token]) -> bool {
    let Some(first) = before.first() else {
        return false;
    };
    let l = first.lower();
    let words = before.iter().filter(|t| t.is_word()).count();
    before.last().is_some_and(|t| t.text == ",")
        && (1..=6).contains(&words)
        && !before.iter().any(|t| is_quote_mark(t.text))
        && (opens_introduction(&l) || matches!(l.as_ref(), "so" | "then" | "until" | "behind"))
}

/// Drops trailing whitespace and one final sentence punctuation mark.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let mut body = text[start..end].trim_end();
    // "(Trump said the wall would be built.)": a closing parenthesis opened before the
    // content is not part of it.
    if !body.contains('(') {
        if let Some(b) = body.strip_suffix(')') {
            body = b.trim_end();
        }
    }
    let body = body
        .strip_suffix(['.', '!', '?', ';', ':'])
        .unwrap_or(body)
        .trim_end();
    start + body.len()
}

/// The span covered by a run of tokens.
fn span(toks: &[Token]) -> Span {
    Span {
        start: toks[0].start,
        end: toks[toks.len() - 1].end,
    }
}

/// Assembles a statement, extending a quoted content over quotations that continue in
/// the next sentences without a cue of their own (`"A," he said. "B."`).
fn found(
    cx: &Ctx,
    source: Option<Span>,
    cue: Span,
    mut content: Span,
    rule: &'static str,
) -> Found {
    let (text, s_end, quotes) = (cx.text, cx.s.end, cx.quotes);
    // Quotations are sorted with ascending ends (see `in_quote`): of those starting in
    // the content, the first ends earliest, so it is the one to check.
    let mut quote = quotes
        .get(quotes.partition_point(|q| q.start < content.start))
        .filter(|q| q.end <= content.end)
        .copied();
    if quote.is_some() && quote_ending_at(quotes, content.end).is_some() {
        content = extend_quote(text, content, s_end, quotes);
    }
    // A quotation opened in the content and cut by the sentence split runs to its end.
    let opened = quotes.partition_point(|q| q.start <= content.start);
    let opened_end = quotes
        .partition_point(|q| q.start < content.end)
        .max(opened);
    if let Some(q) = quotes[opened..opened_end]
        .iter()
        .find(|q| q.end > content.end)
    {
        content.end = q.end;
    }
    if quote.is_none() {
        // The first quotation ending after the content's start is the first that can
        // overlap it; later ones start later still.
        quote = quotes
            .get(quotes.partition_point(|q| q.end <= content.start))
            .filter(|q| q.start < content.end)
            .copied();
    }
    Found {
        sentence: cx.si,
        source,
        cue,
        content: Some(content),
        quote,
        rule,
        confidence: cx.confidence,
    }
}

/// Follows a quotation into the next ones: each next quotation starts right after the
/// cue's sentence or the previous quotation and is followed by no new cue.
fn extend_quote(text: &str, mut content: Span, s_end: usize, quotes: &[Span]) -> Span {
    // The rest of the cue's sentence holds only the cue and its source.
    let mut from = content.end.max(s_end);
    let first = quotes.partition_point(|q| q.start < from);
    for (used, q) in quotes[first..].iter().enumerate() {
        // The gap may only hold the cue, its source and punctuation — no other words;
        // and words right after the quotation would be its own cue ("“B,” she said").
        let gap = &text[from..q.start];
        let tail = text[q.end..].trim_start_matches([' ', '\t']);
        let own_cue = tail.chars().next().is_some_and(char::is_alphabetic);
        if gap.len() > 40 || gap.chars().any(char::is_alphabetic) || own_cue || used >= 6 {
            break;
        }
        content.end = q.end;
        from = q.end;
    }
    content
}

/// When a content runs into a later statement of the same sentence ("called for X,
/// when he said Y"; "said X, adding Y"), the first content ends before the clause that
/// introduces the second: at the later source, or at its cue when the source is shared.
fn trim_nested(text: &str, found: &mut [Found]) {
    let later: Vec<(Span, Option<Span>)> = found.iter().map(|g| (g.cue, g.source)).collect();
    for f in found.iter_mut() {
        let Some(c) = f.content else { continue };
        // A quotation is delimited by its own marks.
        if text[c.start..].starts_with(['“', '"', '\'']) {
            continue;
        }
        // The later clause starts at its own source, or at its cue when the source is
        // shared ("Trump announced X and vowed Y").
        let from = f.cue.end.max(c.start);
        let cut = later
            .iter()
            .filter(|(cue, _)| *cue != f.cue && cue.start > from && cue.start < c.end)
            .map(|&(cue, source)| {
                source
                    .filter(|s| s.start < cue.start && s.start > from)
                    .map_or(cue.start, |s| s.start)
            })
            .filter(|&clause| clause > from)
            .min();
        let Some(cut) = cut else { continue };
        let mut head = text[c.start..cut].trim_end();
        // Only a clause joined by a comma or conjunction is separate; a statement nested
        // in the content ("said that Comey found ...") belongs to it.
        let mut joined = false;
        for w in [
            " when", " while", " and", " but", " as", " because", " after", ",", ";", " —",
        ] {
            if let Some(h) = head.strip_suffix(w) {
                joined = true;
                head = h.trim_end();
            }
        }
        if !joined {
            continue;
        }
        head = head.trim_end_matches([',', ';', '—', '-']).trim_end();
        if head.len() > 3 {
            let end = c.start + head.len();
            f.content = Some(Span {
                start: c.start,
                end,
            });
            // The quotation cut off with the later clause is that clause's, not this one's.
            if f.quote.is_some_and(|q| q.start >= end) {
                f.quote = None;
            }
        }
    }
}
