//! A synthetic corpus for trying Annals at scale: `annals demo-corpus --events N`.
//! Deterministic for a given seed; every event points into its generated document's text, like
//! extracted ones do.

use app::model::{Actor, Event, EventKind, Precision, Span, When, WhenBasis};
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::extract::Extraction;
use crate::store::NewDocument;

/// Events per generated document.
const EVENTS_PER_DOCUMENT: usize = 250;

const ACTORS: &[(&str, &str)] = &[
    ("Ana Ruiz", "Minister of Finance"),
    ("Ben Okafor", "Central bank governor"),
    ("Chen Wei", "Trade envoy"),
    ("Dana Fischer", "Opposition leader"),
    ("Elif Kaya", "Foreign minister"),
    ("Farid Haddad", "Defense secretary"),
    ("Grace Lin", "Mayor of Riverton"),
    ("Hugo Martin", "President"),
    ("Ines Costa", "Health commissioner"),
    ("Jonas Berg", "Senator"),
    ("Kofi Mensah", "UN envoy"),
    ("Lena Novak", "Prime minister"),
    ("Marco Bellini", "Energy regulator"),
    ("Nadia Petrova", "Spokeswoman for the ministry"),
    ("Omar Said", "Governor"),
    ("Priya Nair", "Chief economist"),
];
const STATEMENT_CUES: &[&str] = &[
    "said",
    "told reporters",
    "warned",
    "insisted",
    "called for",
    "announced",
];
const ACTION_CUES: &[&str] = &[
    "signed", "ordered", "launched", "vetoed", "approved", "deployed",
];
const OBJECTS: &[&str] = &[
    "new tariffs on steel imports",
    "a review of the border agreement",
    "an emergency budget",
    "sanctions against the shipping firms",
    "a ceasefire in the north",
    "the pension reform bill",
    "troops to the eastern province",
    "an inquiry into the contracts",
];

/// SplitMix64: tiny, fast, and good enough for demo data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Documents and their events: `events` in all, spread over 1990–2025 with every precision.
pub fn generate(events: usize, seed: u64) -> Vec<(NewDocument, Extraction)> {
    let mut rng = Rng(seed);
    let parts = events.div_ceil(EVENTS_PER_DOCUMENT);
    let first = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
    let days = 36 * 365;
    (0..parts)
        .map(|part| {
            let count = EVENTS_PER_DOCUMENT.min(events - part * EVENTS_PER_DOCUMENT);
            let mut text = String::new();
            let mut out = Vec::with_capacity(count);
            for n in 0..count {
                let (name, role) = ACTORS[rng.below(ACTORS.len())];
                let kind = if rng.below(3) == 0 {
                    EventKind::Action
                } else {
                    EventKind::Statement
                };
                let cue = rng.pick(if kind == EventKind::Action {
                    ACTION_CUES
                } else {
                    STATEMENT_CUES
                });
                let object = rng.pick(OBJECTS);
                let day = first + Days::new(rng.below(days) as u64);
                let when = random_when(&mut rng, day);
                let sentence_start = text.len();
                text.push_str(&format!("{role} {name} "));
                let cue_span = Span {
                    start: text.len(),
                    end: text.len() + cue.len(),
                };
                text.push_str(cue);
                text.push(' ');
                let content = Span {
                    start: text.len(),
                    end: text.len() + object.len(),
                };
                text.push_str(object);
                text.push_str(&format!(" ({}).", when.label()));
                let sentence = Span {
                    start: sentence_start,
                    end: text.len(),
                };
                text.push('\n');
                let source_start = sentence_start + role.len() + 1;
                out.push(Event {
                    id: format!("e{}", n + 1),
                    document_id: None,
                    kind,
                    actor: Actor {
                        name: name.into(),
                        canonical: name.into(),
                        role: Some(role.into()),
                    },
                    cue_text: cue.into(),
                    quote: None,
                    summary: format!("{cue} {object}"),
                    when,
                    confidence: 1.0,
                    rules: vec!["demo".into()],
                    source: Some(Span {
                        start: source_start,
                        end: source_start + name.len(),
                    }),
                    cue: cue_span,
                    content: Some(content),
                    sentence,
                    sentence_text: text[sentence.start..sentence.end].to_string(),
                });
            }
            let doc = NewDocument {
                title: format!("Demo corpus (seed {seed}), part {} of {parts}", part + 1),
                source: Some("Annals demo".into()),
                url: None,
                published: NaiveDate::from_ymd_opt(2026, 1, 1),
                published_basis: app::model::PublishedBasis::Metadata,
                body: text,
                origin: Some(format!("demo:{seed}:{events}:{part}")),
            };
            (
                doc,
                Extraction {
                    sentences: Vec::new(),
                    timexes: Vec::new(),
                    events: out,
                    undated: 0,
                },
            )
        })
        .collect()
}

fn random_when(rng: &mut Rng, day: NaiveDate) -> When {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(day);
    let roll = rng.below(100);
    let (start, end, precision, value) = match roll {
        0..=54 => (day, day, Precision::Day, day.to_string()),
        55..=64 => {
            let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
            let iso = monday.iso_week();
            (
                monday,
                monday + Days::new(6),
                Precision::Week,
                format!("{}-W{:02}", iso.year(), iso.week()),
            )
        }
        65..=79 => {
            let start = ymd(day.year(), day.month(), 1);
            let end = start
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(start);
            (
                start,
                end,
                Precision::Month,
                format!("{}-{:02}", day.year(), day.month()),
            )
        }
        80..=84 => {
            let q = (day.month() - 1) / 3;
            let start = ymd(day.year(), q * 3 + 1, 1);
            let end = start
                .checked_add_months(Months::new(3))
                .and_then(|d| d.pred_opt())
                .unwrap_or(start);
            (
                start,
                end,
                Precision::Quarter,
                format!("{}-Q{}", day.year(), q + 1),
            )
        }
        _ => (
            ymd(day.year(), 1, 1),
            ymd(day.year(), 12, 31),
            Precision::Year,
            day.year().to_string(),
        ),
    };
    let approximate = rng.below(5) == 0;
    When {
        value,
        start,
        end,
        precision,
        approximate,
        basis: WhenBasis::Mention,
        open_end: false,
        mention: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_has_the_asked_size_and_valid_spans() {
        let corpus = generate(600, 7);
        assert_eq!(corpus.len(), 3);
        assert_eq!(
            corpus.iter().map(|(_, x)| x.events.len()).sum::<usize>(),
            600
        );
        for (doc, extraction) in &corpus {
            for e in &extraction.events {
                assert_eq!(
                    doc.body.get(e.sentence.start..e.sentence.end),
                    Some(e.sentence_text.as_str())
                );
                assert_eq!(
                    doc.body.get(e.cue.start..e.cue.end),
                    Some(e.cue_text.as_str())
                );
                assert!(e.when.start <= e.when.end);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a = generate(50, 3);
        let b = generate(50, 3);
        assert_eq!(a[0].0.body, b[0].0.body);
        assert_ne!(a[0].0.body, generate(50, 4)[0].0.body);
    }
}
