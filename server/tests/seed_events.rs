//! The seed article's dated events, as a careful reader finds them (the walking-skeleton issue's
//! list): actor, cue and date must all be right.

use app::model::{Event, Precision, WhenBasis};
use chrono::NaiveDate;
use server::extract::document::{parse_document, publication_date, with_sidecar};

fn seed_path() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds/000_7ca9d5a8cceda876.txt")
}

fn seed_events() -> Vec<Event> {
    let path = seed_path();
    let raw = std::fs::read_to_string(&path).unwrap();
    let parsed = parse_document(&raw).unwrap();
    let meta = with_sidecar(&path, &parsed.meta).unwrap();
    let (published, _) = publication_date(None, &meta, parsed.body);
    assert_eq!(
        published,
        NaiveDate::from_ymd_opt(2025, 2, 18),
        "the sidecar gives the publication date"
    );
    server::extract::extract(parsed.body, published).events
}

/// `annals extract` on the seed file reads the sidecar beside it, as the app's seed loader does:
/// the same publication date, so the same dated events, and none left undated.
#[test]
fn the_command_line_reads_the_sidecar_too() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("extract")
        .arg(seed_path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["published"], "2025-02-18");
    assert_eq!(json["document"]["published_basis"], "metadata");
    assert_eq!(json["undated"], 0);
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), seed_events().len());
    // --published still wins over the sidecar.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["extract", "--published", "2025-03-01"])
        .arg(seed_path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["published"], "2025-03-01");
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// (actor, cue, start, end, precision, approximate, basis)
type Expectation = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Precision,
    bool,
    WhenBasis,
);

#[test]
fn the_seed_events_have_the_right_actor_and_date() {
    use Precision::*;
    use WhenBasis::*;
    let expected: &[Expectation] = &[
        (
            "Claudia Sheinbaum",
            "said",
            "2025-02-14",
            "2025-02-14",
            Day,
            false,
            Mention,
        ),
        (
            "Ricardo Trevilla",
            "insisted",
            "2025-02-10",
            "2025-02-16",
            Week,
            true,
            Mention,
        ),
        (
            "Trump",
            "signed",
            "2025-01-20",
            "2025-01-20",
            Day,
            false,
            Mention,
        ),
        (
            "Trump",
            "replied",
            "2025-01-20",
            "2025-01-20",
            Day,
            false,
            Anaphora,
        ),
        (
            "Trump",
            "said",
            "2019-01-01",
            "2019-12-31",
            Year,
            true,
            Anaphora,
        ),
        (
            "Trump",
            "told",
            "2019-01-01",
            "2019-12-31",
            Year,
            false,
            Anaphora,
        ),
        (
            "Trump",
            "called for",
            "2019-01-01",
            "2025-02-18",
            Year,
            true,
            Mention,
        ),
        (
            "Mike Waltz",
            "co-introducing",
            "2023-01-01",
            "2023-12-31",
            Year,
            false,
            Mention,
        ),
        (
            "Mexico",
            "deploying",
            "2025-02-01",
            "2025-02-28",
            Month,
            false,
            Mention,
        ),
        (
            "Pete Hegseth",
            "recently told",
            "2024-11-20",
            "2025-02-18",
            Month,
            true,
            Mention,
        ),
        (
            "a CIA rep",
            "said",
            "2025-02-18",
            "2025-02-18",
            Day,
            true,
            Reported,
        ),
        (
            "a US official",
            "told",
            "2025-02-18",
            "2025-02-18",
            Day,
            true,
            Reported,
        ),
    ];
    let events = seed_events();
    let mut missing = Vec::new();
    for &(actor, cue, start, end, precision, approximate, basis) in expected {
        let found = events.iter().any(|e| {
            e.actor.name.ends_with(actor)
                && e.cue_text.contains(cue)
                && e.when.start == day(start)
                && e.when.end == day(end)
                && e.when.precision == precision
                && e.when.approximate == approximate
                && e.when.basis == basis
        });
        if !found {
            missing.push(format!(
                "{actor} {cue} {start}..{end} {precision:?} approximate={approximate} {basis:?}"
            ));
        }
    }
    let got: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {}..{} {:?} {} {:?}",
                e.actor.name,
                e.cue_text,
                e.when.start,
                e.when.end,
                e.when.precision,
                e.when.approximate,
                e.when.basis
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "missing:\n{}\ngot:\n{}",
        missing.join("\n"),
        got.join("\n")
    );
}

#[test]
fn since_2019_is_an_open_range_and_labels_say_so() {
    let events = seed_events();
    let call = events
        .iter()
        .find(|e| e.cue_text.contains("called for") && e.actor.name.ends_with("Trump"))
        .unwrap();
    assert!(call.when.open_end);
    assert_eq!(call.when.label(), "since 2019");
    let trevilla = events
        .iter()
        .find(|e| e.actor.name == "Ricardo Trevilla")
        .unwrap();
    assert_eq!(trevilla.when.label(), "week of Feb. 10, 2025");
    assert_eq!(
        trevilla.actor.role.as_deref(),
        Some("Mexico Defense Minister")
    );
}

#[test]
fn every_event_points_back_into_the_text() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let text = std::fs::read_to_string(root.join("000_7ca9d5a8cceda876.txt")).unwrap();
    for e in seed_events() {
        assert_eq!(
            text.get(e.sentence.start..e.sentence.end),
            Some(e.sentence_text.as_str())
        );
        assert!(
            e.sentence.start <= e.cue.start && e.cue.end <= e.sentence.end,
            "{e:?}"
        );
        assert!(text
            .get(e.cue.start..e.cue.end)
            .is_some_and(|c| c == e.cue_text));
        if let Some(m) = e.when.mention {
            assert!(text.get(m.start..m.end).is_some());
        }
    }
}
