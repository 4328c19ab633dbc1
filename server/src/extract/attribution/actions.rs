//! Action rules: a policy verb ("signed", "deploying", "co-introducing") with its actor
//! and object. The actor is the noun phrase before the verb, or for a participle after
//! a comma ("..., deploying troops") the subject of the sentence.

use std::sync::LazyLock;

use super::super::sentences::Sentence;
use super::lexicon::{ACTION_VERBS, CUE_PREFIXES};
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
