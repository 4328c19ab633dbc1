//! Speakers: splitting a source into name and role, and resolving pronouns, "the
//! president"-style descriptions and bare surnames to earlier mentions.

use super::lexicon::{
    Gender, GROUP_WORDS, HONORIFICS, PLACES, PRESIDENT_LIKE, PRONOUNS, TITLE_WORDS,
};
use super::text::{np_backward, tokenize};
use super::{Span, Speaker};

use std::collections::HashMap;

/// A speaker or actor seen earlier in the document.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    role: Option<String>,
    span: Span,
    person: bool,
}

/// The mentions seen so far, in document order; later ones win when resolving.
#[derive(Default)]
pub struct Registry {
    entries: Vec<Entry>,
    // The latest entries the common lookups want, kept up to date by `push` so that a
    // long document is not scanned back once per source.
    /// The latest person.
    last_person: Option<usize>,
    /// The latest non-person (group, organisation, place).
    last_group: Option<usize>,
    /// The latest person with a full name, by the name's last word (the surname).
    by_surname: HashMap<String, usize>,
}

impl Registry {
    /// Resolves the source written at `span` (inside the sentence starting at
    /// `sentence_start`) to a speaker, and remembers it for later back-references.
    pub fn resolve(&mut self, text: &str, span: Span, sentence_start: usize) -> Speaker {
        let written = text[span.start..span.end].trim_end_matches(',').trim();
        let lower = written.to_lowercase();
        if let Some(&(_, gender)) = PRONOUNS.iter().find(|(p, _)| *p == lower) {
            let found = match gender {
                Gender::Male | Gender::Female => self.entry(self.last_person),
                Gender::Plural => self
                    .entry(self.last_group)
                    .or_else(|| self.entries.last().cloned()),
                Gender::Neuter => self.entry(self.last_group),
                Gender::Relative => self.relative_antecedent(text, span, sentence_start),
                Gender::Speaker => None,
            };
            return self.back_reference(written, span, found);
        }
        if let Some(title) = definite_title(&lower) {
            let found = self
                .last(|e| {
                    e.person
                        && (e
                            .role
                            .as_deref()
                            .is_some_and(|r| r.to_lowercase().contains(title))
                            || (title == "president" && is_president_like(&e.name)))
                })
                .or_else(|| self.last(|e| e.person));
            return self.back_reference(written, span, found);
        }
        let (mut name, mut role) = name_and_role(written);
        let mut antecedent = None;
        // A bare surname ("Trump") is the earlier full name ("Donald Trump").
        if !name.contains(' ') && name.chars().next().is_some_and(char::is_uppercase) {
            if let Some(e) = self.entry(self.by_surname.get(&name).copied()) {
                antecedent = Some(e.span);
                role = role.or_else(|| e.role.clone());
                name = e.name.clone();
            }
        }
        let person = is_person(&name, role.is_some());
        self.push(Entry {
            name: name.clone(),
            role: role.clone(),
            span,
            person,
        });
        Speaker {
            name,
            role,
            mention: span,
            antecedent,
        }
    }

    /// Builds the speaker for a back-reference resolved to `found`; the resolved
    /// mention is remembered again so that chains of pronouns stay on it.
    fn back_reference(&mut self, written: &str, span: Span, found: Option<Entry>) -> Speaker {
        match found {
            Some(e) => {
                self.push(Entry { span, ..e.clone() });
                Speaker {
                    name: e.name,
                    role: e.role,
                    mention: span,
                    antecedent: Some(e.span),
                }
            }
            None => Speaker {
                name: written.to_string(),
                role: None,
                mention: span,
                antecedent: None,
            },
        }
    }

    /// Remembers a mention, keeping the latest-entry indexes current.
    fn push(&mut self, e: Entry) {
        let k = self.entries.len();
        if e.person {
            self.last_person = Some(k);
            if let Some((_, surname)) = e.name.rsplit_once(' ') {
                self.by_surname.insert(surname.to_string(), k);
            }
        } else {
            self.last_group = Some(k);
        }
        self.entries.push(e);
    }

    /// The entry at an index from the latest-entry indexes.
    fn entry(&self, k: Option<usize>) -> Option<Entry> {
        k.map(|k| self.entries[k].clone())
    }

    /// The latest entry matching `pred`.
    fn last(&self, pred: impl Fn(&Entry) -> bool) -> Option<Entry> {
        self.entries.iter().rev().find(|e| pred(e)).cloned()
    }

    /// For "who"/"which": the noun phrase just before the pronoun ("Clinton, who said").
    fn relative_antecedent(
        &mut self,
        text: &str,
        span: Span,
        sentence_start: usize,
    ) -> Option<Entry> {
        let before = text[sentence_start..span.start]
            .trim_end()
            .trim_end_matches(',');
        let toks = tokenize(text, sentence_start, sentence_start + before.len());
        let first = np_backward(&toks, toks.len())?;
        let np = Span {
            start: toks[first].start,
            end: toks[toks.len() - 1].end,
        };
        let speaker = self.resolve(text, np, sentence_start);
        Some(Entry {
            person: is_person(&speaker.name, speaker.role.is_some()),
            name: speaker.name,
            role: speaker.role,
            span: np,
        })
    }
}

/// "the president", "the former minister" → the title word, when the phrase is a
/// definite description made of a title alone.
fn definite_title(lower: &str) -> Option<&'static str> {
    let rest = lower.strip_prefix("the ")?;
    let head = rest.rsplit(' ').next()?;
    let title = TITLE_WORDS.iter().find(|t| **t == head)?;
    // Only short descriptions ("the former president"), not "the president's office".
    (rest.split(' ').count() <= 3).then_some(*title)
}

fn is_president_like(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|s| PRESIDENT_LIKE.contains(&s.to_lowercase().as_str()))
}

/// Whether a resolved name denotes one person (for he/she): a capitalized name that is
/// not an organisation, or anyone given a title.
fn is_person(name: &str, titled: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // The head noun decides: "a White House spokesman" is a person, "Mexico's
    // government" is not; a country alone is a state.
    let head = words.last().map_or(String::new(), |w| {
        w.to_lowercase()
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_string()
    });
    if GROUP_WORDS.contains(&head.as_str()) || (words.len() == 1 && PLACES.contains(&head.as_str()))
    {
        return false;
    }
    if titled || TITLE_WORDS.contains(&head.as_str()) {
        return true;
    }
    let capitalized = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let all_caps = words.len() == 1
        && words[0]
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    capitalized && !all_caps
}

/// Splits a source phrase into its name and role:
/// "Mexico Defense Minister Ricardo Trevilla" → ("Ricardo Trevilla", "Mexico Defense Minister"),
/// "Trump's national security adviser, Mike Waltz" → ("Mike Waltz", "Trump's national security adviser"),
/// "Mr. Kasich" → ("Kasich", None), "a CIA rep" → ("a CIA rep", None).
pub fn name_and_role(phrase: &str) -> (String, Option<String>) {
    let phrase = phrase.trim().trim_end_matches(',').trim();
    if let Some((a, b)) = phrase.split_once(", ") {
        let b = b.trim_end_matches(',').trim();
        if b.starts_with("who ") || b.starts_with("which ") {
            return name_and_role(a);
        }
        if is_name(a) {
            return (strip_honorific(a), Some(b.to_string()));
        }
        if is_name(b) {
            return (strip_honorific(b), Some(a.to_string()));
        }
        return name_and_role(a);
    }
    let words: Vec<&str> = phrase.split(' ').collect();
    let last_title = words.iter().rposition(|w| {
        let l = w.to_lowercase();
        TITLE_WORDS.contains(&l.trim_end_matches('.'))
    });
    if let Some(k) = last_title {
        let rest = &words[k + 1..];
        if !rest.is_empty() && is_name(&rest.join(" ")) {
            return (
                strip_honorific(&rest.join(" ")),
                Some(words[..=k].join(" ")),
            );
        }
    }
    (strip_honorific(phrase), None)
}

/// Every word capitalized (or a connecting particle), at most five words.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "van" | "von" | "al" | "bin" | "da" | "del")
        })
        && !words
            .iter()
            .any(|w| TITLE_WORDS.contains(&w.to_lowercase().trim_end_matches('.')))
}

/// Drops a courtesy title: "Mr. Trump" → "Trump".
fn strip_honorific(s: &str) -> String {
    if let Some((first, rest)) = s.split_once(' ') {
        if HONORIFICS.contains(&first.to_lowercase().trim_end_matches('.')) {
            return rest.to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_appositives() {
        assert_eq!(
            name_and_role("Mexico Defense Minister Ricardo Trevilla"),
            (
                "Ricardo Trevilla".into(),
                Some("Mexico Defense Minister".into())
            )
        );
        assert_eq!(
            name_and_role("Trump’s national security adviser, Mike Waltz,"),
            (
                "Mike Waltz".into(),
                Some("Trump’s national security adviser".into())
            )
        );
        assert_eq!(name_and_role("a CIA rep"), ("a CIA rep".into(), None));
        assert_eq!(name_and_role("Mr. Kasich"), ("Kasich".into(), None));
    }

    #[test]
    fn people_groups_and_places() {
        assert!(is_person("a White House spokesman", false));
        assert!(is_person("Ricardo Trevilla", false));
        assert!(!is_person("Mexico", false));
        assert!(!is_person("Mexico’s government", false));
        assert!(!is_person("The New York Times", false));
    }

    #[test]
    fn surnames_and_pronouns_resolve() {
        let text = "Donald Trump spoke. Trump said so. He said more.";
        let mut reg = Registry::default();
        let a = reg.resolve(text, Span { start: 0, end: 12 }, 0);
        assert_eq!(a.name, "Donald Trump");
        let b = reg.resolve(text, Span { start: 20, end: 25 }, 20);
        assert_eq!(b.name, "Donald Trump");
        assert_eq!(b.antecedent, Some(Span { start: 0, end: 12 }));
        let c = reg.resolve(text, Span { start: 35, end: 37 }, 35);
        assert_eq!(c.name, "Donald Trump");
    }
}
