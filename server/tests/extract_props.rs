//! The whole pipeline on any input: no panic, and every span is a real slice of the text.

use proptest::prelude::*;

fn check(text: &str) {
    let anchor = chrono::NaiveDate::from_ymd_opt(2025, 2, 18);
    let extraction = server::extract::extract(text, anchor);
    for t in &extraction.timexes {
        assert!(
            t.start < t.end && text.get(t.start..t.end).is_some(),
            "{t:?}"
        );
    }
    for e in &extraction.events {
        for span in [Some(e.sentence), Some(e.cue), e.source, e.content]
            .into_iter()
            .flatten()
        {
            assert!(
                span.start <= span.end && text.get(span.start..span.end).is_some(),
                "{span:?} in {e:?}"
            );
        }
        assert!(e.when.start <= e.when.end);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn newsy_text(words in prop::collection::vec(prop::sample::select(vec![
        "said", "told", "“", "”", "\"", "he", "Trump", "Mexico's", "President", "Jan.", "20", "Friday",
        "last", "week", "since", "2019", "at the time", ",", ".", "when", "U.S.", "according to",
        "signed", "é", "—", "1999", "9", "a.m.", "recently", "the president", "\n",
    ]), 0..80)) {
        check(&words.join(" "));
    }
}

#[test]
fn hostile_shapes() {
    for text in [
        "",
        " ",
        "\"",
        "“",
        "9".repeat(10_000).as_str(),
        "said ".repeat(5_000).as_str(),
        "\u{feff}Friday\u{0}said",
        "a\u{301}ccording to é said “",
    ] {
        check(text);
    }
}
