//! One name per actor across documents: "Trump" in one article and "Donald Trump" in another
//! are the same lane, and so are "Donald J. Trump" and "Donald Trump".

use std::collections::HashMap;

use app::model::Event;

/// Names every actor alike across documents:
/// - names that differ only by letter case, a leading "the" or spacing ("The White House",
///   "the White House"; "OBAMA", "Obama") take the form used most (see [`spellings`]);
/// - full names that differ only by a middle name or initial ("Donald J. Trump", "Donald
///   Trump"; "Hillary Rodham Clinton", "Hillary Clinton") take the form used most, unless
///   the corpus has two different middles for the same first name and surname ("George W.
///   Bush" and "George H. W. Bush" stay apart, and a plain "George Bush" joins neither);
/// - a bare surname takes the full name used elsewhere, when exactly one full name in the
///   corpus ends with that surname ("Clinton" stays when both Bill and Hillary appear).
pub fn unify_across_documents(events: &mut [Event]) {
    let rename = renames(events.iter().map(|e| e.actor.canonical.as_str()));
    for event in events.iter_mut() {
        if let Some(name) = rename.get(&event.actor.canonical) {
            event.actor.canonical = name.clone();
        }
    }
}

/// The new name of each actor name (one per event) that changes; see
/// [`unify_across_documents`].
fn renames<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
    let mut raw_uses: HashMap<&str, usize> = HashMap::new();
    for name in names {
        *raw_uses.entry(name).or_default() += 1;
    }
    // Spellings of one name first ("The White House" and "the White House", "OBAMA" in
    // a transcript and "Obama"): the form used most stands for all of them.
    let spelled = spellings(&raw_uses);
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for (&name, &n) in &raw_uses {
        *uses
            .entry(spelled.get(name).copied().unwrap_or(name))
            .or_default() += n;
    }
    // Full names by first name (its formal form: "Joe" is "Joseph") and surname, with
    // their middles.
    let mut by_ends: HashMap<(&str, &str), Vec<(&str, String)>> = HashMap::new();
    for &name in uses.keys() {
        if let Some(parts) = person_parts(name) {
            by_ends
                .entry((formal_first_name(parts.first), parts.surname))
                .or_default()
                .push((name, parts.middle));
        }
    }
    let mut merged: HashMap<&str, &str> = HashMap::new();
    for names in by_ends.values() {
        let mut middles: Vec<&str> = names
            .iter()
            .map(|(_, m)| m.as_str())
            .filter(|m| !m.is_empty())
            .collect();
        middles.sort_unstable();
        middles.dedup();
        if names.len() < 2 || middles.len() > 1 {
            continue;
        }
        // The form used most; ties go to the longer, then the first alphabetically.
        let Some(&(best, _)) = names.iter().max_by(|(a, _), (b, _)| {
            (uses[*a], a.len(), std::cmp::Reverse(*a)).cmp(&(
                uses[*b],
                b.len(),
                std::cmp::Reverse(*b),
            ))
        }) else {
            continue;
        };
        for &(name, _) in names {
            merged.insert(name, best);
        }
    }
    let after_merge = |name: &'a str| merged.get(name).copied().unwrap_or(name);
    // Bare surnames, against the merged full names.
    let mut full_names: HashMap<&str, Vec<&str>> = HashMap::new();
    for &name in uses.keys() {
        let name = after_merge(name);
        if let Some(parts) = person_parts(name) {
            let names = full_names.entry(parts.surname).or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let mut rename = HashMap::new();
    for &raw in raw_uses.keys() {
        let name = spelled.get(raw).copied().unwrap_or(raw);
        let mut new = after_merge(name);
        if !new.contains(' ') && starts_upper(new) {
            if let Some(&[full]) = full_names.get(new).map(Vec::as_slice) {
                new = full;
            }
        }
        if new != raw {
            rename.insert(raw.to_string(), new.to_string());
        }
    }
    rename
}

/// The form each name takes among the names that differ from it only by letter case, a
/// leading "the" or spacing: the one used most (ties: the one starting with a capital,
/// then the first alphabetically). Short all-capital words ("WHO", "AP") are acronyms
/// and keep their own lane.
fn spellings<'a>(uses: &HashMap<&'a str, usize>) -> HashMap<&'a str, &'a str> {
    let mut groups: HashMap<String, Vec<&'a str>> = HashMap::new();
    for &name in uses.keys() {
        let acronym = name.chars().count() <= 4
            && name.chars().all(|c| c.is_uppercase() || c == '.')
            && !name.contains(' ');
        if !acronym {
            groups.entry(spelling_key(name)).or_default().push(name);
        }
    }
    let mut out = HashMap::new();
    for names in groups.values().filter(|g| g.len() > 1) {
        let Some(&best) = names.iter().max_by(|a, b| {
            (uses[**a], starts_upper(a), std::cmp::Reverse(**a)).cmp(&(
                uses[**b],
                starts_upper(b),
                std::cmp::Reverse(**b),
            ))
        }) else {
            continue;
        };
        for &name in names {
            if name != best {
                out.insert(name, best);
            }
        }
    }
    out
}

/// A name in lowercase, its words single-spaced, without a leading "the".
fn spelling_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// The parts of a name that looks like a person's full name ("Claudia Sheinbaum", "Joseph
/// R. Biden Jr."): two to four capitalised words, no determiner, a generational suffix
/// aside.
struct PersonParts<'a> {
    first: &'a str,
    /// The words between the first name and the surname ("J.", "Rodham"), or "".
    middle: String,
    surname: &'a str,
}

fn person_parts(name: &str) -> Option<PersonParts<'_>> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 2
        && matches!(
            *words.last()?,
            "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"
        )
    {
        words.pop();
    }
    let looks_like_person = (2..=4).contains(&words.len())
        && words.iter().all(|w| starts_upper(w))
        && !matches!(words[0], "The" | "A" | "An");
    if !looks_like_person {
        return None;
    }
    let (first, surname) = (words[0], words[words.len() - 1]);
    let middle = words[1..words.len() - 1].join(" ");
    Some(PersonParts {
        first,
        middle,
        surname,
    })
}

/// The formal form of a common English nickname ("Joe" → "Joseph", "Bill" → "William"),
/// else the name itself.
fn formal_first_name(first: &str) -> &str {
    NICKNAMES
        .iter()
        .find(|(nick, _)| *nick == first)
        .map_or(first, |(_, formal)| formal)
}

/// Nicknames and the names they shorten, where the nickname stands for one name only.
const NICKNAMES: &[(&str, &str)] = &[
    ("Joe", "Joseph"),
    ("Bill", "William"),
    ("Bob", "Robert"),
    ("Rob", "Robert"),
    ("Jim", "James"),
    ("Jimmy", "James"),
    ("Mike", "Michael"),
    ("Tom", "Thomas"),
    ("Dick", "Richard"),
    ("Rick", "Richard"),
    ("Tim", "Timothy"),
    ("Dan", "Daniel"),
    ("Dave", "David"),
    ("Tony", "Anthony"),
    ("Ben", "Benjamin"),
    ("Chuck", "Charles"),
    ("Bernie", "Bernard"),
    ("Newt", "Newton"),
];

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

    #[test]
    fn spellings_of_one_name_share_a_lane() {
        // Letter case, a leading "the" and spacing; the form used most stands.
        assert_eq!(
            unified(&[
                "The White House",
                "the White House",
                "The White House",
                "White\u{a0}House"
            ]),
            ["The White House"; 4]
        );
        // A transcript's capitals join the name, and then its full name.
        assert_eq!(
            unified(&["OBAMA", "Obama", "Obama", "Barack Obama"]),
            ["Barack Obama"; 4]
        );
        // Short acronyms stay; different names stay apart.
        assert_eq!(
            unified(&["WHO", "who", "Who", "The Times", "The Post"]),
            ["WHO", "Who", "Who", "The Times", "The Post"]
        );
    }

    fn unified(names: &[&str]) -> Vec<String> {
        let mut events: Vec<Event> = names.iter().map(|n| event(n)).collect();
        unify_across_documents(&mut events);
        events.into_iter().map(|e| e.actor.canonical).collect()
    }

    #[test]
    fn middle_names_and_initials_join_the_form_used_most() {
        assert_eq!(
            unified(&["Donald J. Trump", "Donald Trump", "Trump", "Donald Trump"]),
            ["Donald Trump"; 4]
        );
        assert_eq!(
            unified(&[
                "Hillary Rodham Clinton",
                "Hillary Rodham Clinton",
                "Hillary Clinton"
            ]),
            ["Hillary Rodham Clinton"; 3]
        );
        // A generational suffix is not the surname: "Biden" joins.
        assert_eq!(
            unified(&["Joseph R. Biden Jr.", "Biden"]),
            ["Joseph R. Biden Jr.", "Joseph R. Biden Jr."]
        );
        // Two different middles: two people, and the plain form joins neither.
        assert_eq!(
            unified(&["George W. Bush", "George H. W. Bush", "George Bush"]),
            ["George W. Bush", "George H. W. Bush", "George Bush"]
        );
        // A nickname is its formal name: "Joe Biden" is "Joseph R. Biden Jr.".
        assert_eq!(
            unified(&["Joe Biden", "Joe Biden", "Joseph R. Biden Jr.", "Biden"]),
            ["Joe Biden"; 4]
        );
        // A different first name is someone else ("Bill" and "Hillary"); groups and
        // descriptions are left alone.
        assert_eq!(
            unified(&[
                "Bill Clinton",
                "Hillary Clinton",
                "The New York Times",
                "a CIA rep"
            ]),
            [
                "Bill Clinton",
                "Hillary Clinton",
                "The New York Times",
                "a CIA rep"
            ]
        );
    }
}
