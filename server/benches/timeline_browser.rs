//! The timeline in headless Chromium on the synthetic demo corpus: for each size, time to
//! interactive, page size, and the cost of each frame while zooming and panning.
//!
//! `ANNALS_SITE_ROOT=$PWD/target/site cargo bench -p server --bench timeline_browser`
//! (sizes from `ANNALS_BENCH_EVENTS`, default `1000,10000,100000`). `./dev.sh bench-ui` builds
//! the bundle first. Figures go to stdout; nothing here passes or fails on time.

#[path = "../tests/support/server.rs"]
mod support;
#[path = "../tests/support/browser.rs"]
mod web;

use std::time::{Duration, Instant};

/// Drives the canvas the way a user does, one input per animation frame: 40 wheel steps in
/// around the centre, a 40-move drag, 40 wheel steps out. For each input it records the work
/// until the page is laid out again (the app's update, style and layout) and the interval between
/// animation frames (which also holds paint and the wait for the next frame).
/// How many times the drive runs per corpus size.
const RUNS: usize = 3;

const DRIVE: &str = r#"
const done = arguments[arguments.length - 1];
const body = document.querySelector('.timeline-body');
const r = body.getBoundingClientRect();
const cx = r.left + r.width / 2, cy = r.top + 80;
const wheel = (dy) => () => body.dispatchEvent(new WheelEvent('wheel',
    { deltaY: dy, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
const pointer = (type, x) => () => body.dispatchEvent(new PointerEvent(type,
    { pointerId: 1, pointerType: 'mouse', button: 0, clientX: x, clientY: cy, bubbles: true }));
const steps = [];
for (let i = 0; i < 40; i++) steps.push(['zoom', wheel(-100)]);
steps.push(['pan', pointer('pointerdown', cx)]);
for (let i = 1; i <= 40; i++) steps.push(['pan', pointer('pointermove', cx - 12 * i)]);
steps.push(['pan', pointer('pointerup', cx - 480)]);
for (let i = 0; i < 40; i++) steps.push(['zoom', wheel(100)]);
const work = [], frames = [], marks = [];
let i = 0, last = null;
function frame(ts) {
  if (last !== null) frames.push(ts - last);
  last = ts;
  if (i >= steps.length) { done({ work, frames, marks }); return; }
  const t0 = performance.now();
  steps[i++][1]();
  // Leptos applies updates in microtasks; a zero timeout runs after them. Reading geometry then
  // forces style and layout.
  setTimeout(() => {
    body.getBoundingClientRect();
    document.querySelector('.marks').offsetHeight;
    work.push(performance.now() - t0);
    marks.push(document.querySelectorAll('.marks > :not([hidden])').length);
    requestAnimationFrame(frame);
  }, 0);
}
requestAnimationFrame(frame);
"#;

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn numbers(value: &serde_json::Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
        .unwrap_or_default()
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let sizes: Vec<usize> = std::env::var("ANNALS_BENCH_EVENTS")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    println!("events | load corpus | page bytes | TTI ms | drawn elements p50/max | frame work p50 / p95 ms | frame interval p50 / p95 ms");
    for n in sizes {
        let started = Instant::now();
        let server = support::start_demo(n).await;
        let loaded = started.elapsed();
        let page = reqwest::get(format!("{}/", server.base))
            .await
            .expect("the page loads")
            .bytes()
            .await
            .expect("the page body")
            .len();

        let driver = web::start_driver();
        let profile = tempfile::tempdir().expect("a profile directory");
        let client = web::browser(&driver, profile.path(), true).await;
        web::hydrate(
            &client,
            Duration::from_secs(120),
            &format!("{}/", server.base),
        )
        .await;
        let tti = client
            .execute(
                "return performance.getEntriesByName('annals:interactive')[0].startTime",
                vec![],
            )
            .await
            .expect("the interactive mark")
            .as_f64()
            .unwrap_or(f64::NAN);
        // Three drives, pooled: single runs on a busy 2-core machine vary by a few ms at p95.
        let (mut work, mut frames, mut marks) = (vec![], vec![], vec![]);
        for _ in 0..RUNS {
            let result = client
                .execute_async(DRIVE, vec![])
                .await
                .expect("the drive script runs");
            work.extend(numbers(&result["work"]));
            frames.extend(numbers(&result["frames"]));
            marks.extend(numbers(&result["marks"]));
        }
        let shots = support::repo_root().join("target/e2e");
        if std::fs::create_dir_all(&shots).is_ok() {
            if let Ok(png) = client.screenshot().await {
                // A missing screenshot only loses the picture.
                let _ = std::fs::write(shots.join(format!("bench-{n}.png")), png);
            }
        }
        println!(
            "{n} | {:.1} s | {page} | {tti:.0} | {:.0}/{:.0} | {:.1} / {:.1} | {:.1} / {:.1}",
            loaded.as_secs_f64(),
            percentile(&marks, 0.5),
            percentile(&marks, 1.0),
            percentile(&work, 0.5),
            percentile(&work, 0.95),
            percentile(&frames, 0.5),
            percentile(&frames, 0.95),
        );
        if std::env::var_os("ANNALS_BENCH_VERBOSE").is_some() {
            let series: Vec<String> = work
                .iter()
                .zip(&marks)
                .map(|(w, m)| format!("{w:.0}ms/{m:.0}"))
                .collect();
            println!("  per input (work/elements): {}", series.join(" "));
        }
        // The session ends before its driver and server.
        let _ = client.close().await;
    }
}
