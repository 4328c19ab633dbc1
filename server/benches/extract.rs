//! Throughput of extraction per stage on news text, and of layout and SVG export.
//! `cargo bench -p server --bench extract`. News text: the TimeML corpora in ../shared/eval
//! (read in place) when present, else the seed article repeated.

use std::path::PathBuf;

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

/// About 1 MiB of news text.
fn news() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut text = String::new();
    for corpus in ["timebank", "aquaint"] {
        let Ok(dir) = std::fs::read_dir(root.join("../shared/eval/timeml").join(corpus)) else {
            continue;
        };
        for entry in dir.flatten() {
            let Ok(raw) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if let Ok(doc) = server::extract::timeml::load_timeml(&raw) {
                text.push_str(&doc.text);
                text.push('\n');
            }
        }
    }
    if text.is_empty() {
        text = std::fs::read_to_string(root.join("seeds/000_7ca9d5a8cceda876.txt"))
            .expect("the seed article");
    }
    let mut out = String::with_capacity(1 << 20);
    while out.len() < 1 << 20 {
        out.push_str(&text);
    }
    out
}

fn anchor() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(1998, 3, 1)
}

#[divan::bench]
fn sentences(bencher: Bencher) {
    let text = news();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| server::extract::sentences::split(divan::black_box(&text)));
}

#[divan::bench]
fn timex(bencher: Bencher) {
    let text = news();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| server::extract::timex::tag(divan::black_box(&text), anchor()));
}

#[divan::bench]
fn attribution(bencher: Bencher) {
    let text = news();
    let sentences = server::extract::sentences::split(&text);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| server::extract::attribution::extract(divan::black_box(&text), &sentences));
}

#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let text = news();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| server::extract::extract(divan::black_box(&text), anchor()));
}

/// Events of a large extraction, to lay out and draw.
fn many_events() -> app::model::TimelineEvents {
    let text = news();
    let events = server::extract::extract(&text, anchor()).events;
    app::model::TimelineEvents {
        title: "bench".into(),
        total: events.len(),
        events,
        ..Default::default()
    }
}

/// The demo corpus's events as the page receives them: `n` marks and their actors.
fn demo_marks(n: usize) -> (Vec<app::model::Mark>, Vec<app::model::ActorInfo>) {
    let events: Vec<app::model::Event> = server::demo::generate(n, 7)
        .into_iter()
        .flat_map(|(_, extraction)| extraction.events)
        .collect();
    app::model::marks_of(&events)
}

/// Building the lane index: once per load, lane switch or resize.
#[divan::bench(args = [10_000, 100_000])]
fn timeline_index(bencher: Bencher, n: usize) {
    use app::timeline::geom::{TimelineIndex, Viewport};
    let (marks, actors) = demo_marks(n);
    let fit = Viewport::fit(&marks, anchor().unwrap_or_default());
    bencher
        .counter(divan::counter::ItemsCount::new(marks.len()))
        .bench(|| {
            TimelineIndex::new(
                divan::black_box(&marks),
                &actors,
                &[],
                Default::default(),
                fit,
                1200.0,
            )
        });
}

/// One frame of zooming: the layout at the fitted view (every mark in view, the worst case) and
/// at a tenth of it.
#[divan::bench(args = [10_000, 100_000])]
fn layout_frame(bencher: Bencher, n: usize) {
    use app::timeline::geom::{layout, TimelineIndex, Viewport, ALL_ROWS};
    let (marks, actors) = demo_marks(n);
    let fit = Viewport::fit(&marks, anchor().unwrap_or_default());
    let index = TimelineIndex::new(&marks, &actors, &[], Default::default(), fit, 1200.0);
    let zoomed = fit.zoom(0.1, (fit.start + fit.end) / 2.0);
    bencher
        .counter(divan::counter::ItemsCount::new(marks.len()))
        .bench(|| {
            (
                layout(divan::black_box(&index), fit, 1200.0, None, ALL_ROWS, None),
                layout(
                    divan::black_box(&index),
                    zoomed,
                    1200.0,
                    None,
                    ALL_ROWS,
                    None,
                ),
            )
        });
}

#[divan::bench]
fn layout_extracted(bencher: Bencher) {
    use app::timeline::geom::{layout, TimelineIndex, Viewport, ALL_ROWS};
    let data = many_events();
    let (marks, actors) = data.marks();
    let view = Viewport::fit(&marks, anchor().unwrap_or_default());
    bencher
        .counter(divan::counter::ItemsCount::new(marks.len()))
        .bench(|| {
            let index = TimelineIndex::new(
                divan::black_box(&marks),
                &actors,
                &[],
                Default::default(),
                view,
                1200.0,
            );
            layout(&index, view, 1200.0, None, ALL_ROWS, None)
        });
}

#[divan::bench]
fn svg_export(bencher: Bencher) {
    let data = many_events();
    bencher
        .counter(divan::counter::ItemsCount::new(data.events.len()))
        .bench(|| server::export::to_svg(divan::black_box(&data), Default::default()));
}
