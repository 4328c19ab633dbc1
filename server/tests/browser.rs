//! End to end in real headless Chromium: the timeline hydrates and responds to its controls,
//! and without JavaScript the server-rendered page still shows the events.

#[path = "support/server.rs"]
mod support;

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A chromedriver process on a free loopback port, killed on drop.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary} ({e}): run ./dev.sh setup to install Chromium and ChromeDriver"));
    // Wait for the driver to listen: a bounded poll on the condition, not a fixed sleep.
    let ready = (0..400).any(|_| {
        let up = TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !up {
            std::thread::sleep(Duration::from_millis(25));
        }
        up
    });
    assert!(ready, "chromedriver did not start listening on port {port}");
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

async fn browser(driver: &Driver, profile: &std::path::Path, javascript: bool) -> Client {
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if !javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
    }
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let capabilities = json!({ "goog:chromeOptions": { "binary": binary, "args": args } });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

async fn range(client: &Client) -> (NaiveDate, NaiveDate) {
    let root = client
        .find(Locator::Css("[data-annals-timeline]"))
        .await
        .unwrap();
    let start = root.attr("data-range-start").await.unwrap().unwrap();
    let end = root.attr("data-range-end").await.unwrap().unwrap();
    (start.parse().unwrap(), end.parse().unwrap())
}

/// Polls `condition` every 50 ms for up to 10 s.
async fn wait_until<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if condition().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test(flavor = "multi_thread")]
async fn hydrated_timeline_zooms_fits_and_shows_details() {
    let server = support::start().await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path(), true).await;

    client.goto(&format!("{}/", server.base)).await.unwrap();
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(
            r#"[data-annals-timeline][data-hydrated="true"]"#,
        ))
        .await
        .expect("the timeline hydrates (is the WASM bundle built? ./dev.sh build)");

    let before = range(&client).await;
    client
        .find(Locator::Css(r#"button[aria-label="Zoom in"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until("the visible range changes", || async {
        range(&client).await != before
    })
    .await;
    let zoomed = range(&client).await;
    assert!(
        (zoomed.1 - zoomed.0) < (before.1 - before.0),
        "zooming in narrows {before:?} to {zoomed:?}"
    );

    client
        .find(Locator::Css(r#"button[aria-label="Fit all"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until("fit all restores the first view", || async {
        range(&client).await == before
    })
    .await;

    let mark = client
        .find(Locator::Css(r#"[data-event-id][data-date="2025-02-14"]"#))
        .await
        .unwrap();
    mark.click().await.unwrap();
    let card = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".details-card"))
        .await
        .expect("selecting an event opens its details");
    let text = card.text().await.unwrap();
    assert!(text.contains("Claudia Sheinbaum"), "{text}");
    assert!(
        text.contains("responding to a press question Friday"),
        "the source sentence: {text}"
    );
    let link = card.find(Locator::Css("a.details-document")).await.unwrap();
    assert!(link
        .attr("href")
        .await
        .unwrap()
        .unwrap()
        .starts_with("/documents/"));
    wait_until("the URL records the selection", || async {
        client
            .current_url()
            .await
            .map(|u| u.query().unwrap_or("").contains("event="))
            .unwrap_or(false)
    })
    .await;

    // Keyboard: ← from the selected mark moves focus to the previous event in time, → back.
    let active = || async {
        let id = client
            .execute(
                "return document.activeElement.getAttribute('data-event-id')",
                vec![],
            )
            .await
            .unwrap();
        let date = client
            .execute(
                "return document.activeElement.getAttribute('data-date')",
                vec![],
            )
            .await
            .unwrap();
        (
            id.as_str().map(str::to_string),
            date.as_str().map(str::to_string),
        )
    };
    let (start_id, _) = active().await;
    assert!(start_id.is_some(), "the clicked mark has focus");
    mark.send_keys("\u{E012}").await.unwrap(); // ArrowLeft
    let (prev_id, prev_date) = active().await;
    assert!(
        prev_id.is_some() && prev_id != start_id,
        "focus moved to another event"
    );
    assert!(
        prev_date.as_deref().unwrap() <= "2025-02-14",
        "an earlier event: {prev_date:?}"
    );
    let prev = client
        .find(Locator::Css(&format!(
            r#"[data-event-id="{}"]"#,
            prev_id.clone().unwrap()
        )))
        .await
        .unwrap();
    prev.send_keys("\u{E014}").await.unwrap(); // ArrowRight
    assert_eq!(active().await.0, start_id, "→ returns to where ← started");

    // Lanes switch in place: by kind gives two lanes, and the URL remembers it.
    client
        .find(Locator::Css("#timeline-lanes"))
        .await
        .unwrap()
        .select_by_value("kind")
        .await
        .unwrap();
    wait_until("the lanes regroup by kind", || async {
        let lanes = client.find_all(Locator::Css("[data-lane]")).await.unwrap();
        let mut names = Vec::new();
        for lane in lanes {
            names.push(lane.attr("data-lane").await.unwrap().unwrap_or_default());
        }
        names == ["Statements", "Actions"] || names == ["Actions", "Statements"]
    })
    .await;
    wait_until("Download SVG exports these lanes", || async {
        let link = client.find(Locator::Css("a.download")).await.unwrap();
        link.attr("href")
            .await
            .unwrap()
            .unwrap_or_default()
            .ends_with("export.svg?lanes=kind")
    })
    .await;
    wait_until("the URL records the lanes", || async {
        client
            .current_url()
            .await
            .map(|u| u.query().unwrap_or("").contains("lanes=kind"))
            .unwrap_or(false)
    })
    .await;
    client
        .find(Locator::Css("#timeline-lanes"))
        .await
        .unwrap()
        .select_by_value("actor")
        .await
        .unwrap();

    let shots = support::repo_root().join("target/e2e");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(
        shots.join("timeline.png"),
        client.screenshot().await.unwrap(),
    )
    .unwrap();
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_the_events_are_still_there() {
    let server = support::start().await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path(), false).await;

    client.goto(&format!("{}/", server.base)).await.unwrap();
    let root = client
        .find(Locator::Css("[data-annals-timeline]"))
        .await
        .unwrap();
    assert_eq!(
        root.attr("data-hydrated").await.unwrap().as_deref(),
        Some("false")
    );
    let marks = client
        .find_all(Locator::Css("[data-event-id]"))
        .await
        .unwrap();
    assert!(marks.len() >= 12, "{} marks", marks.len());
    let list = client
        .find(Locator::Css(".event-list"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for expected in [
        "Claudia Sheinbaum",
        "Ricardo Trevilla",
        "Feb. 14, 2025",
        "week of Feb. 10, 2025",
        "Jan. 20, 2025",
    ] {
        assert!(list.contains(expected), "the list view shows {expected}");
    }
    client.close().await.unwrap();
}
