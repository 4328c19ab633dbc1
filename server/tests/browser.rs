//! End to end in real headless Chromium: the timeline hydrates and responds to its controls,
//! and without JavaScript the server-rendered page still shows the events.

#[path = "support/server.rs"]
mod support;
#[path = "support/browser.rs"]
mod web;

use std::time::Duration;

use chrono::NaiveDate;
use fantoccini::{Client, Locator};
use web::{browser, hydrate, start_driver, wait_until};

/// How long a page may take to hydrate in these tests.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Whether the address bar's query contains `part`.
async fn query_contains(client: &Client, part: &str) -> bool {
    client
        .current_url()
        .await
        .is_ok_and(|u| u.query().unwrap_or("").contains(part))
}

/// Clicks the first element matching `css`.
async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Clicks "Fit all" and waits for the view to be `fitted` again.
async fn fit_all(client: &Client, fitted: (NaiveDate, NaiveDate)) {
    click(client, r#"button[aria-label="Fit all"]"#).await;
    wait_until("fit all restores the first view", || async {
        range(client).await == fitted
    })
    .await;
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

#[tokio::test(flavor = "multi_thread")]
async fn hydrated_timeline_zooms_fits_and_shows_details() {
    let server = support::start().await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path(), true).await;

    hydrate(&client, TIMEOUT, &format!("{}/", server.base)).await;

    let before = range(&client).await;
    click(&client, r#"button[aria-label="Zoom in"]"#).await;
    wait_until("the visible range changes", || async {
        range(&client).await != before
    })
    .await;
    let zoomed = range(&client).await;
    assert!(
        (zoomed.1 - zoomed.0) < (before.1 - before.0),
        "zooming in narrows {before:?} to {zoomed:?}"
    );

    fit_all(&client, before).await;

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
        query_contains(&client, "event=").await
    })
    .await;

    // Keyboard: ← from the selected mark moves focus to the previous event in time, → back.
    let (start_id, _) = active_mark(&client).await;
    assert!(start_id.is_some(), "the clicked mark has focus");
    mark.send_keys("\u{E012}").await.unwrap(); // ArrowLeft
                                               // Focus moves on the next animation frame, once the target mark is drawn.
    wait_until("focus leaves the clicked mark", || async {
        let (id, _) = active_mark(&client).await;
        id.is_some() && id != start_id
    })
    .await;
    let (prev_id, prev_date) = active_mark(&client).await;
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
    wait_until("→ returns to where ← started", || async {
        active_mark(&client).await.0 == start_id
    })
    .await;

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
        query_contains(&client, "lanes=kind").await
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

/// The `data-event-id` and `data-date` of the focused element.
async fn active_mark(client: &Client) -> (Option<String>, Option<String>) {
    let got = client
        .execute(
            "const a = document.activeElement; return [a.getAttribute('data-event-id'), a.getAttribute('data-date')]",
            vec![],
        )
        .await
        .unwrap();
    let pick = |i: usize| got[i].as_str().map(str::to_string);
    (pick(0), pick(1))
}

async fn count(client: &Client, css: &str) -> usize {
    client.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crowded_timeline_clusters_steps_by_keyboard_and_filters_by_url() {
    const EVENTS: usize = 3000;
    let server = support::start_demo(EVENTS).await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path(), true).await;
    hydrate(&client, TIMEOUT, &format!("{}/", server.base)).await;

    // Level of detail: far fewer marks than events, the rest counted in badges. A window tall
    // enough for every lane, as lanes out of sight are not drawn.
    client.set_window_size(1280, 4000).await.unwrap();
    wait_until("every lane is in sight", || async {
        let lanes = client
            .execute(
                "const b = document.querySelector('.timeline-body').getBoundingClientRect(); return b.bottom < window.innerHeight",
                vec![],
            )
            .await
            .unwrap();
        lanes.as_bool() == Some(true)
    })
    .await;
    // Give the resize a frame to reach the layout.
    wait_until("the marks settle", || async {
        let a = count(&client, "[data-event-id]").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        a == count(&client, "[data-event-id]").await
    })
    .await;
    let drawn = count(&client, "[data-event-id]").await;
    assert!(drawn > 0 && drawn < EVENTS / 3, "{drawn} marks drawn");
    let badges = client
        .find_all(Locator::Css(".cluster:not([hidden])"))
        .await
        .unwrap();
    assert!(!badges.is_empty(), "crowded stretches become count badges");
    // A badge's count for scripts (and its label) follows the view once it rests.
    wait_until("every event is drawn or counted once", || async {
        let counted = client
            .execute(
                // -1 while a badge's label does not yet name its count.
                "const bs = [...document.querySelectorAll('.cluster:not([hidden])')];
                 if (bs.some(b => !b.getAttribute('aria-label').startsWith(b.dataset.count + ' more events'))) return -1;
                 return bs.reduce((n, b) => n + Number(b.dataset.count), 0)",
                vec![],
            )
            .await
            .unwrap()
            .as_i64()
            .unwrap_or(-1);
        usize::try_from(counted).is_ok_and(|c| drawn + c == EVENTS)
    })
    .await;

    client.set_window_size(1280, 900).await.unwrap();
    wait_until("lanes out of sight are dropped", || async {
        count(&client, "[data-event-id]").await < drawn
    })
    .await;
    // A badge expands on zoom: clicking it narrows the view to its events.
    let before = range(&client).await;
    let badges = client
        .find_all(Locator::Css(".cluster:not([hidden])"))
        .await
        .unwrap();
    badges[0].click().await.unwrap();
    wait_until("the badge zooms in", || async {
        let r = range(&client).await;
        (r.1 - r.0) < (before.1 - before.0) / 4
    })
    .await;

    // Touch: two fingers moving apart zoom in around them; one finger drags the view.
    fit_all(&client, before).await;
    client
        .execute(
            r#"const b = document.querySelector('.timeline-body');
               const r = b.getBoundingClientRect(), y = r.top + 60, c = r.left + r.width / 2;
               const p = (type, id, x) => b.dispatchEvent(new PointerEvent(type,
                   { pointerId: id, pointerType: 'touch', isPrimary: id === 1, clientX: x, clientY: y, bubbles: true }));
               p('pointerdown', 1, c - 50); p('pointerdown', 2, c + 50);
               for (let i = 1; i <= 10; i++) { p('pointermove', 1, c - 50 - 10 * i); p('pointermove', 2, c + 50 + 10 * i); }
               p('pointerup', 1, c - 150); p('pointerup', 2, c + 150);"#,
            vec![],
        )
        .await
        .unwrap();
    wait_until("the pinch zooms in", || async {
        let r = range(&client).await;
        let (span, was) = ((r.1 - r.0).num_days(), (before.1 - before.0).num_days());
        span < was / 2 && r.0 > before.0 && r.1 < before.1
    })
    .await;
    let pinched = range(&client).await;
    // Marks well inside the view stay drawn while it moves under them: the drag below moves
    // everything 200 px right, so none of these leaves the view.
    let middle = client
        .execute(
            r#"const b = document.querySelector('.timeline-body').getBoundingClientRect();
               return [...document.querySelectorAll('.marks [data-event-id]')].filter(m => {
                   const r = m.getBoundingClientRect();
                   return r.left > b.left + 150 && r.left < b.right - 400 && r.top > b.top && r.bottom < b.bottom;
               }).map(m => m.dataset.eventId);"#,
            vec![],
        )
        .await
        .unwrap();
    assert!(
        middle.as_array().is_some_and(|ids| !ids.is_empty()),
        "{middle}"
    );
    client
        .execute(
            r#"const b = document.querySelector('.timeline-body');
               const r = b.getBoundingClientRect(), y = r.top + 60, c = r.left + r.width / 2;
               const p = (type, x) => b.dispatchEvent(new PointerEvent(type,
                   { pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: x, clientY: y, bubbles: true }));
               p('pointerdown', c); p('pointermove', c + 100); p('pointermove', c + 200); p('pointerup', c + 200);"#,
            vec![],
        )
        .await
        .unwrap();
    wait_until("a one-finger drag moves back in time", || async {
        range(&client).await.0 < pinched.0
    })
    .await;
    let kept = client
        .execute(
            "return arguments[0].filter(id => !document.querySelector(`[data-event-id=\"${id}\"]`))",
            vec![middle],
        )
        .await
        .unwrap();
    assert_eq!(kept, serde_json::json!([]), "marks dropped while dragging");

    // Keyboard: End on the canvas goes to the last event, Enter opens it, Esc closes it,
    // ← steps back in time.
    click(&client, r#"button[aria-label="Fit all"]"#).await;
    let canvas = client.find(Locator::Css(".timeline-body")).await.unwrap();
    canvas.send_keys("\u{E010}").await.unwrap(); // End
    wait_until("End focuses the last event", || async {
        active_mark(&client).await.0.is_some()
    })
    .await;
    let (last_id, last_date) = active_mark(&client).await;
    let last_id = last_id.unwrap();
    let latest = client
        .execute(
            "return [...document.querySelectorAll('[data-date]')].map(e => e.getAttribute('data-date')).sort().pop()",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        last_date.as_deref(),
        latest.as_str(),
        "no drawn event is later"
    );
    let focused = client
        .find(Locator::Css(&format!(r#"[data-event-id="{last_id}"]"#)))
        .await
        .unwrap();
    focused.send_keys("\u{E007}").await.unwrap(); // Enter
    let card = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&format!(
            r#".details-card[data-selected-event="{last_id}"]"#
        )))
        .await
        .expect("Enter opens the focused event's details");
    let text = card.text().await.unwrap();
    assert!(text.contains("Source sentence"), "{text}");
    assert_eq!(
        count(&client, ".details-card mark.cue").await,
        2,
        "legend and cue"
    );
    focused.send_keys("\u{E00C}").await.unwrap(); // Escape
    wait_until("Esc closes the details", || async {
        count(&client, ".details-card").await == 0
    })
    .await;
    focused.send_keys("\u{E012}").await.unwrap(); // ArrowLeft
    wait_until("← moves to an earlier event", || async {
        let (id, date) = active_mark(&client).await;
        id.is_some_and(|id| id != last_id) && date <= last_date
    })
    .await;

    // The list pages without reloading, and the URL follows.
    click(&client, r#".list-pages a[rel="next"]"#).await;
    wait_until("the list shows its second page", || async {
        let ol = client.find(Locator::Css(".event-list ol")).await.unwrap();
        ol.attr("start").await.unwrap().as_deref() == Some("101")
    })
    .await;
    wait_until("the URL records the page", || async {
        query_contains(&client, "page=2").await
    })
    .await;

    // Filters ↔ URL: two actors and a kind in the query...
    let query = "actor=Ana%20Ruiz&actor=Ben%20Okafor&kind=statement";
    hydrate(&client, TIMEOUT, &format!("{}/?{query}", server.base)).await;
    let chosen = client
        .execute(
            "return [...document.querySelectorAll('#timeline-actor option:checked')].map(o => o.value)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(chosen, serde_json::json!(["Ana Ruiz", "Ben Okafor"]));
    let kinds = client
        .execute(
            "return [...new Set([...document.querySelectorAll('[data-event-id]')].map(e => e.dataset.actor + '/' + e.dataset.kind))].sort()",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        kinds,
        serde_json::json!(["Ana Ruiz/statement", "Ben Okafor/statement"])
    );
    let status = client
        .find(Locator::Css(".filters .count"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let shown: usize = status.split(' ').next().unwrap().parse().unwrap();
    assert!(
        status.ends_with(&format!("of {EVENTS} events")) && shown < EVENTS / 4,
        "{status}"
    );
    // ...and a search typed into the form keeps them, narrowing further.
    let search = client.find(Locator::Css("#timeline-search")).await.unwrap();
    search.send_keys("tariffs").await.unwrap();
    click(&client, r#".filters button[type="submit"]"#).await;
    wait_until("the form's filters reach the URL", || async {
        client.current_url().await.is_ok_and(|u| {
            let q = u.query().unwrap_or("");
            q.contains("q=tariffs")
                && q.contains("actor=Ana+Ruiz")
                && q.contains("actor=Ben+Okafor")
        })
    })
    .await;
    hydrate(
        &client,
        TIMEOUT,
        client.current_url().await.unwrap().as_str(),
    )
    .await;
    let narrowed = client
        .find(Locator::Css(".filters .count"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let now: usize = narrowed.split(' ').next().unwrap().parse().unwrap();
    assert!(now > 0 && now < shown, "{narrowed} after {status}");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_a_long_list_pages_by_links() {
    let server = support::start_demo(600).await;
    let driver = start_driver();
    let profile = tempfile::tempdir().unwrap();
    let client = browser(&driver, profile.path(), false).await;

    client
        .goto(&format!("{}/?kind=action&page=2", server.base))
        .await
        .unwrap();
    let ol = client.find(Locator::Css(".event-list ol")).await.unwrap();
    assert_eq!(ol.attr("start").await.unwrap().as_deref(), Some("101"));
    let items = count(&client, ".event-list li").await;
    assert!(items > 0 && items <= 100, "{items} items");
    let earlier = client
        .find(Locator::Css(r#".list-pages a[rel="prev"]"#))
        .await
        .unwrap();
    earlier.click().await.unwrap();
    let url = client.current_url().await.unwrap();
    let q = url.query().unwrap_or("");
    assert!(q.contains("kind=action") && q.contains("page=1"), "{q}");
    let ol = client.find(Locator::Css(".event-list ol")).await.unwrap();
    assert_eq!(ol.attr("start").await.unwrap().as_deref(), Some("1"));
    client.close().await.unwrap();
}
