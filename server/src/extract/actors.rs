//! One name per actor across documents: "Trump" in one article and "Donald Trump" in another
//! are the same lane.

use std::collections::HashMap;

use app::model::Event;

/// Gives every event whose canonical actor is a bare surname the full name used elsewhere, when
/// exactly one full name in the corpus ends with that surname.
pub fn unify_across_documents(events: &mut [Event]) {
    let mut full_names: HashMap<String, Vec<String>> = HashMap::new();
    for event in events.iter() {
        let name = &event.actor.canonical;
        if let Some(surname) = person_surname(name) {
            let names = full_names.entry(surname.to_string()).or_default();
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    for event in events.iter_mut() {
        let name = &event.actor.canonical;
        if name.contains(' ') || !starts_upper(name) {
            continue;
        }
        if let Some([full]) = full_names.get(name.as_str()).map(Vec::as_slice) {
            event.actor.canonical = full.clone();
        }
    }
}

/// The last word of a name that looks like a person's full name ("Claudia Sheinbaum"): two to four
/// capitalised words, no determiner.
fn person_surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let looks_like_person = (2..=4).contains(&words.len())
        && words.iter().all(|w| starts_upper(w))
        && !matches!(words[0], "The" | "A" | "An");
    looks_like_person.then(|| words[words.len() - 1])
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::{Actor, EventKind, Precision, Span, When, WhenBasis};
    use chrono::NaiveDate;

    fn event(canonical: &str) -> Event {
        let day = NaiveDate::from_ymd_opt(2025, 2, 18).unwrap();
        Event {
            id: canonical.into(),
            document_id: None,
            kind: EventKind::Statement,
            actor: Actor {
                name: canonical.into(),
                canonical: canonical.into(),
                role: None,
            },
            cue_text: "said".into(),
            quote: None,
            summary: String::new(),
            when: When {
                value: day.to_string(),
                start: day,
                end: day,
                precision: Precision::Day,
                approximate: false,
                basis: WhenBasis::Mention,
                open_end: false,
                mention: None,
            },
            confidence: 1.0,
            rules: vec![],
            source: None,
            cue: Span::default(),
            content: None,
            sentence: Span::default(),
            sentence_text: String::new(),
        }
    }

    #[test]
    fn surnames_join_the_one_full_name() {
        let mut events = vec![
            event("Trump"),
            event("Donald Trump"),
            event("Sheinbaum"),
            event("a CIA rep"),
        ];
        unify_across_documents(&mut events);
        let names: Vec<_> = events.iter().map(|e| e.actor.canonical.as_str()).collect();
        assert_eq!(
            names,
            ["Donald Trump", "Donald Trump", "Sheinbaum", "a CIA rep"]
        );
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        let mut events = vec![
            event("Clinton"),
            event("Bill Clinton"),
            event("Hillary Clinton"),
        ];
        unify_across_documents(&mut events);
        assert_eq!(events[0].actor.canonical, "Clinton");
    }
}
