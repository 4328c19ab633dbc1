//! Action rules: a policy verb ("signed", "deploying", "co-introducing") with its actor
//! and object. The actor is the noun phrase before the verb, or for a participle after
//! a comma ("..., deploying troops") the subject of the sentence.

use std::sync::LazyLock;

use super::super::sentences::Sentence;
use super::lexicon::{ACTION_VERBS, CUE_PREFIXES, PRONOUNS};
use super::text::{np_backward, subject, tokenize, Token, VerbPattern};
use super::{Found, Span};

/// Action verb with the auxiliaries PolNeAR-style cues keep ("has signed").
static ACTION: LazyLock<VerbPattern> =
    LazyLock::new(|| VerbPattern::new(CUE_PREFIXES, false, 2, ACTION_VERBS.to_vec(), &[], false));

/// Finds the actions of every sentence; `statements` supplies the speaker of a
/// sentence for participles that continue it ("Waltz has called for ..., co-introducing").
/// The action regex runs on `shadow`, the text's ASCII stand-in (see
/// [`super::text::ascii_shadow`]).
pub fn find(text: &str, shadow: &str, sentences: &[Sentence], statements: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let ascii = shadow.is_ascii();
    for (si, s) in sentences.iter().enumerate() {
        let (start, end) = (s.start.min(text.len()), s.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let matches = ACTION.find(&shadow[start..end], ascii);
        // Most sentences have no action verb; only those that do need their tokens.
        if matches.is_empty() {
            continue;
        }
        let toks = tokenize(text, start, end);
        for m in matches {
            let cue = Span {
                start: start + m.all.start,
                end: start + m.head.end,
            };
            let Some(ci) = toks.iter().position(|t| t.start >= cue.start) else {
                continue;
            };
            let ce = toks
                .iter()
                .position(|t| t.start >= cue.end)
                .unwrap_or(toks.len());
            let participle = text[start + m.head.start..start + m.head.end]
                .to_lowercase()
                .ends_with("ing");
            let actor = if participle && ci > 0 && toks[ci - 1].text == "," {
                statements
                    .iter()
                    .find(|f| f.sentence == si && f.cue.start < cue.start)
                    .and_then(|f| f.source)
                    .or_else(|| subject(&toks))
            } else {
                np_backward(&toks, ci).map(|b| Span {
                    start: toks[b].start,
                    end: toks[ci - 1].end,
                })
            };
            if !reads_as_action(&toks, ci, ce) {
                continue;
            }
            let (Some(actor), Some(object)) = (actor, object(text, &toks, ce, end)) else {
                continue;
            };
            // "legislation that would have authorized": the actor is not a person.
            if matches!(
                text[actor.start..actor.end].to_lowercase().as_str(),
                "that" | "which"
            ) {
                continue;
            }
            out.push(Found {
                sentence: si,
                source: Some(actor),
                cue,
                content: Some(object),
                quote: None,
                rule: if participle {
                    "action_participle"
                } else {
                    "action_verb"
                },
                confidence: 0.6,
            });
        }
    }
    out
}

/// Whether the verb matched at tokens `ci..ce` (auxiliaries included) is an action taken,
/// not a noun, a negation, a phrasal verb or a participle describing a noun:
/// - "was not authorized", "never signed", "neither sent nor received": nothing happened;
/// - "social issues to", "signs of relenting", "the issues he championed": a plural noun,
///   before a preposition or after a determiner, and "issues", "sanctions", "signs", ...
///   without a determined object;
/// - "a fired staffer": an adjective;
/// - "an email sent out Friday", "visas issued in the past", "the marker designating it":
///   a participle right after a noun, with no auxiliary, describes the noun;
/// - "signed up for a class", "signed on to the effort", "fired back": another verb;
/// - "introduced his wife": a person introduced, not a bill.
fn reads_as_action(toks: &[Token], ci: usize, ce: usize) -> bool {
    let cue = &toks[ci..ce];
    let Some(head) = cue.last().map(|t| t.lower()) else {
        return false;
    };
    let next = toks.get(ce).map(|t| t.lower());
    let next = next.as_deref().unwrap_or("");
    let after_next = toks.get(ce + 1);
    let prev = ci.checked_sub(1).map(|k| toks[k].lower());
    let prev = prev.as_deref().unwrap_or("");
    if cue
        .iter()
        .any(|t| matches!(t.lower().as_ref(), "not" | "never" | "n't"))
        || matches!(prev, "neither" | "nor")
    {
        return false;
    }
    let preposition = NOT_OBJECTS.contains(&next) || !toks.get(ce).is_some_and(Token::is_word);
    let plural_noun = head.ends_with('s') && !head.ends_with("ss");
    if plural_noun && (preposition || NOUN_OPENERS.contains(&prev)) {
        return false;
    }
    // Nouns far more often than verbs: "social issues", "economic sanctions", "held Trump
    // signs high"; as verbs they take a determined object ("issues a statement", "signs
    // the bill") or a headline's capital ("Obama Signs Bill").
    let determined = matches!(
        next,
        "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "new" | "this" | "that"
    ) || toks.get(ce).is_some_and(Token::is_capitalized);
    if matches!(
        head.as_ref(),
        "issues" | "sanctions" | "orders" | "bans" | "files" | "signs"
    ) && !determined
    {
        return false;
    }
    // "a fired staffer", "the banned books": an adjective.
    if cue.len() == 1 && matches!(prev, "a" | "an" | "the") {
        return false;
    }
    let auxiliary = cue.len() > 1;
    let after_noun = ci > 0
        && toks[ci - 1].is_word()
        && !toks[ci - 1].is_capitalized()
        && !PRONOUNS.iter().any(|(p, _)| *p == prev);
    let participle = head.ends_with("ing") || head.ends_with("ed") || head == "sent";
    if participle && !auxiliary && after_noun && (head.ends_with("ing") || preposition) {
        return false;
    }
    let date_follows = after_next.is_some_and(|t| t.is_capitalized() || t.is_number());
    if head.starts_with("sign") && (next == "up" || (next == "on" && !date_follows)) {
        return false;
    }
    if head.starts_with("fire") && matches!(next, "back" | "up" | "off") {
        return false;
    }
    let person_next = INTRODUCED_PEOPLE.contains(&next)
        || (matches!(next, "his" | "her" | "their" | "my" | "our")
            && after_next.is_some_and(|t| PEOPLE_NOUNS.contains(&t.lower().as_ref())));
    !(head.starts_with("introduc") && person_next)
}

/// Words after a verb that show it takes no object there.
const NOT_OBJECTS: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "over",
    "out",
    "up",
    "off",
    "with",
    "into",
    "after",
    "before",
    "during",
    "since",
    "against",
    "under",
    "through",
    "without",
    "within",
    "about",
    "as",
    "last",
    "earlier",
    "later",
    "that",
    "and",
    "or",
    "but",
    "are",
    "is",
    "were",
    "was",
    "have",
    "has",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// Words before a plural noun ("the issues", "its sanctions"), not before a verb.
const NOUN_OPENERS: &[&str] = &[
    "the", "a", "an", "these", "those", "its", "his", "her", "their", "our", "my", "your", "other",
    "such", "new", "more", "many", "key", "core", "several", "some", "all", "both", "tough",
    "economic", "further",
];

/// What "introduced" takes when it is a person, not a bill ("introduced himself", "introduced
/// her", "introduced his wife"; "introduced her bill" stays).
const INTRODUCED_PEOPLE: &[&str] = &[
    "himself",
    "herself",
    "themselves",
    "me",
    "him",
    "us",
    "them",
];

/// People one introduces.
const PEOPLE_NOUNS: &[&str] = &[
    "wife", "husband", "son", "daughter", "mother", "father", "family", "children", "friend",
    "friends", "guest", "guests", "running",
];

/// The object: from the verb to the end of the sentence, without final punctuation,
/// cut at a semicolon or dash.
fn object(text: &str, toks: &[Token], ce: usize, end: usize) -> Option<Span> {
    let first = toks.get(ce)?;
    if !first.is_word() {
        return None;
    }
    let stop = toks[ce..]
        .iter()
        .find(|t| matches!(t.text, ";" | "—"))
        .map_or(end, |t| t.start);
    let body = text[first.start..stop].trim_end();
    let body = body
        .strip_suffix(['.', '!', '?'])
        .unwrap_or(body)
        .trim_end();
    (!body.is_empty()).then_some(Span {
        start: first.start,
        end: first.start + body.len(),
    })
}
