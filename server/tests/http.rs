//! The HTTP surface over real HTTP: pages (server-rendered), JSON API, embeds, oEmbed, exports.

#[path = "support/server.rs"]
mod support;

use reqwest::StatusCode;
use serde_json::Value;

async fn get(url: &str) -> reqwest::Response {
    reqwest::get(url).await.expect("the server answers")
}

async fn json(url: &str) -> (StatusCode, Value) {
    let response = get(url).await;
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

#[tokio::test(flavor = "multi_thread")]
async fn home_page_is_server_rendered_with_the_seed_timeline() {
    let server = support::start().await;
    let response = get(&format!("{}/", server.base)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    let html = response.text().await.unwrap();
    assert!(html.contains("data-annals-timeline"), "timeline root");
    assert!(
        html.contains(r#"data-hydrated="false""#),
        "not yet interactive before WASM"
    );
    assert!(
        html.contains("Claudia Sheinbaum"),
        "an actor is visible without JavaScript"
    );
    assert!(
        html.contains(r#"data-date="2025-02-14""#),
        "Sheinbaum's Friday statement"
    );
    assert!(html.contains("Feb. 14, 2025"), "a date label");
    assert!(
        !html.contains("details-card"),
        "no details until an event is selected"
    );
    // A link that names an event shows its details before any JavaScript runs.
    let (_, events) = json(&format!("{}/api/events?q=Friday", server.base)).await;
    let id = events["events"][0]["id"].as_str().unwrap().to_string();
    let selected = get(&format!("{}/?event={id}", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        selected.contains(&format!(r#"data-selected-event="{id}""#))
            && selected.contains("Source sentence"),
        "details for {id}"
    );
    assert!(
        html.contains("Published Feb. 18, 2025"),
        "the publication date is marked on the axis"
    );
    let today = format!(
        "Today, {}",
        app::model::format_day(server::startup::today())
    );
    assert!(
        html.contains(&today),
        "today is marked on the axis: {today}"
    );
    assert!(html.contains(r#"aria-label="Zoom in""#) && html.contains(r#"aria-label="Fit all""#));
    assert!(
        html.contains(r#"type="application/json+oembed""#),
        "oEmbed discovery link"
    );
    assert!(html.contains("/pkg/annals.js"), "hydration script");
}

#[tokio::test(flavor = "multi_thread")]
async fn events_api_filters() {
    let server = support::start().await;
    let (status, all) = json(&format!("{}/api/events", server.base)).await;
    assert_eq!(status, StatusCode::OK);
    let total = all["events"].as_array().unwrap().len();
    assert!(total >= 12, "the seed yields its events, got {total}");
    assert_eq!(all["total"].as_u64().unwrap() as usize, total);

    let (_, trump) = json(&format!("{}/api/events?actor=Trump", server.base)).await;
    let trump = trump["events"].as_array().unwrap();
    assert!(trump.len() >= 4 && trump.len() < total);
    assert!(trump
        .iter()
        .all(|e| e["actor"]["canonical"].as_str().unwrap().contains("Trump")));

    let (_, window) = json(&format!(
        "{}/api/events?from=2025-01-01&to=2025-01-31",
        server.base
    ))
    .await;
    let window = window["events"].as_array().unwrap();
    assert!(!window.is_empty());
    assert!(window
        .iter()
        .all(|e| e["when"]["start"].as_str().unwrap() <= "2025-01-31"
            && e["when"]["end"].as_str().unwrap() >= "2025-01-01"));

    let (_, search) = json(&format!("{}/api/events?q=stranger%20things", server.base)).await;
    let search = search["events"].as_array().unwrap();
    assert!(!search.is_empty() && search.len() < total, "{search:?}");
    assert!(search.iter().all(|e| e["sentence_text"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("stranger things")));
    assert!(
        search
            .iter()
            .any(|e| e["actor"]["name"] == "Trump" && e["when"]["start"] == "2025-01-20"),
        "the president's reply, dated by 'at the time' to Jan. 20: {search:?}"
    );

    let (status, err) = json(&format!("{}/api/events?from=yesterday", server.base)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(err["error"].as_str().unwrap().contains("yesterday"));
}

#[tokio::test(flavor = "multi_thread")]
async fn document_page_highlights_event_sentences() {
    let server = support::start().await;
    let response = get(&format!("{}/documents/1", server.base)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<mark"), "highlighted sentences");
    let (_, events) = json(&format!("{}/api/events?doc=1", server.base)).await;
    for event in events["events"].as_array().unwrap() {
        let anchor = format!("id=\"event-{}\"", event["id"].as_str().unwrap());
        assert!(
            html.contains(&anchor),
            "every event has an anchor in its document: {anchor}"
        );
    }
    assert!(html.contains("Stranger things have happened"));
    assert!(html.contains("Feb. 18, 2025"), "publication date shown");
    assert!(
        html.contains("from the document&#x27;s metadata")
            || html.contains("from the document's metadata")
    );

    let missing = get(&format!("{}/documents/999", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(missing.contains("There is no document with this id."));
}

#[tokio::test(flavor = "multi_thread")]
async fn embeds_may_be_framed_and_other_pages_not() {
    let server = support::start().await;
    let embed = get(&format!("{}/embed/all?actor=Trump", server.base)).await;
    assert_eq!(embed.status(), StatusCode::OK);
    assert!(embed.headers().get("x-frame-options").is_none());
    assert_eq!(
        embed.headers()["content-security-policy"],
        "frame-ancestors *"
    );
    let html = embed.text().await.unwrap();
    assert!(html.contains("data-annals-timeline"));
    assert!(!html.contains("site-header"), "no site chrome in embeds");
    assert!(html.contains("Donald Trump") || html.contains("Trump"));
    assert!(
        !html.contains("Claudia Sheinbaum"),
        "the embed keeps its filter"
    );

    let page = get(&format!("{}/t/all", server.base)).await;
    assert_eq!(
        page.headers()["content-security-policy"],
        "frame-ancestors 'none'"
    );
    assert_eq!(page.headers()["x-frame-options"], "DENY");
}

#[tokio::test(flavor = "multi_thread")]
async fn oembed_answers_rich_within_limits() {
    let server = support::start().await;
    let page = format!("{}/t/all?actor=Trump", server.base);
    let url = format!(
        "{}/oembed?url={}&maxwidth=500&maxheight=300&format=json",
        server.base,
        urlencoding::encode(&page)
    );
    let (status, body) = json(&url).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["version"], "1.0");
    assert_eq!(body["type"], "rich");
    assert_eq!(body["width"], 500);
    assert_eq!(body["height"], 300);
    let html = body["html"].as_str().unwrap();
    assert!(html.starts_with("<iframe"));
    assert!(
        html.contains(&format!("src=\"{}/embed/all?actor=Trump\"", server.base)),
        "{html}"
    );

    let xml = get(&format!(
        "{}/oembed?url={}&format=xml",
        server.base,
        urlencoding::encode(&page)
    ))
    .await;
    assert_eq!(xml.status(), StatusCode::NOT_IMPLEMENTED);
    let foreign = get(&format!(
        "{}/oembed?url={}",
        server.base,
        urlencoding::encode("http://x/api/events")
    ))
    .await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let missing = get(&format!("{}/oembed", server.base)).await;
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread")]
async fn svg_export_matches_the_events() {
    let server = support::start().await;
    let response = get(&format!("{}/api/timelines/all/export.svg", server.base)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("image/svg+xml"));
    let svg = response.text().await.unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    let (_, events) = json(&format!("{}/api/events", server.base)).await;
    for event in events["events"].as_array().unwrap() {
        let label =
            app::model::When::label(&serde_json::from_value(event["when"].clone()).unwrap());
        let label = label
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(svg.contains(&label), "the SVG shows {label}");
    }
    let filtered = get(&format!(
        "{}/api/timelines/all/export.svg?actor=Sheinbaum",
        server.base
    ))
    .await
    .text()
    .await
    .unwrap();
    assert!(filtered.contains("Claudia Sheinbaum") && !filtered.contains("Pete Hegseth"));

    let by_kind = get(&format!(
        "{}/api/timelines/all/export.svg?lanes=kind",
        server.base
    ))
    .await
    .text()
    .await
    .unwrap();
    assert!(
        by_kind.contains("\nStatements\n") && by_kind.contains("\nActions\n"),
        "lanes by kind"
    );
    let page = get(&format!("{}/?lanes=document", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"data-lane="The CIA has sent drones"#),
        "lanes by document, named by title"
    );

    let unknown = get(&format!("{}/api/timelines/nope/export.svg", server.base)).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let csv = get(&format!("{}/api/timelines/all/export.csv", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with("id,document_id,kind,actor"));
}

#[tokio::test(flavor = "multi_thread")]
async fn added_documents_are_extracted_and_bad_ones_refused() {
    let server = support::start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/documents", server.base);
    let text = "Senator Jane Roe said on Monday that the bill would pass. \"It is done,\" she told reporters. Critics called it <b>bold</b> & risky.";
    let response = client
        .post(&url)
        .json(&serde_json::json!({ "text": text, "published": "2024-03-06", "title": "Roe </title><script>x()</script>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    assert_eq!(added["published_basis"], "user");
    assert!(added["events"].as_u64().unwrap() >= 1);
    let id = added["id"].as_i64().unwrap();

    let (_, events) = json(&format!("{}/api/events?doc={id}", server.base)).await;
    let events = events["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["when"]["start"] == "2024-03-04"),
        "Monday before 2024-03-06: {events:?}"
    );
    let roe: Vec<_> = events
        .iter()
        .filter(|e| e["cue_text"] == "said" || e["cue_text"] == "told")
        .collect();
    assert_eq!(roe.len(), 2, "{events:?}");
    assert!(
        roe.iter().all(|e| e["actor"]["name"] == "Jane Roe"),
        "'she' is Jane Roe: {events:?}"
    );

    let page = get(&format!("{}/documents/{id}", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("<script>x()"),
        "titles are escaped everywhere, <title> included"
    );
    assert!(
        page.contains("&lt;b&gt;") || page.contains("&lt;b>"),
        "text is escaped"
    );

    for (body, needle) in [
        (serde_json::json!({ "text": "" }), "empty"),
        (
            serde_json::json!({ "text": "x", "published": "March 6" }),
            "published",
        ),
        (
            serde_json::json!({ "text": "---\ntitle: x\n" }),
            "front matter",
        ),
        (serde_json::json!({ "title": "no text" }), "text"),
    ] {
        let response = client.post(&url).json(&body).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        let err: Value = response.json().await.unwrap();
        assert!(err["error"].as_str().unwrap().contains(needle), "{err}");
    }
    let (_, docs) = json(&url).await;
    assert_eq!(
        docs["documents"].as_array().unwrap().len(),
        2,
        "refused documents are not stored"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn saved_timelines_can_be_shared_embedded_and_exported() {
    let server = support::start().await;
    let client = reqwest::Client::new();
    let body = serde_json::json!({ "slug": "mexico", "title": "Mexico responds", "filter": { "actor": "Sheinbaum,Trevilla" } });
    let response = client
        .post(format!("{}/api/timelines", server.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let again = client
        .post(format!("{}/api/timelines", server.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::BAD_REQUEST, "slugs are unique");

    let page = get(&format!("{}/t/mexico", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Mexico responds")
            && page.contains("Ricardo Trevilla")
            && !page.contains("Pete Hegseth")
    );
    let svg = get(&format!("{}/api/timelines/mexico/export.svg", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(svg.contains("Mexico responds"));
    let missing = get(&format!("{}/t/nothing-here", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(missing.contains("There is no timeline with this name."));
}

#[tokio::test(flavor = "multi_thread")]
async fn health_and_unknown_paths() {
    let server = support::start().await;
    assert_eq!(
        get(&format!("{}/healthz", server.base))
            .await
            .text()
            .await
            .unwrap(),
        "ok"
    );
    let unknown = get(&format!("{}/no/such/page", server.base)).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_add_document_form_works_without_javascript() {
    let server = support::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = get(&format!("{}/documents", server.base))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"action="/documents""#) && page.contains(r#"name="text""#));

    let form = "title=Roe&published=2024-03-06&text=Senator+Jane+Roe+said+on+Monday+that+the+bill+would+pass.";
    let response = client
        .post(format!("{}/documents", server.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/documents/2");

    let bad = "published=March+6&text=A+%3Cb%3Etext%3C%2Fb%3E+worth+keeping.";
    let response = client
        .post(format!("{}/documents", server.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.unwrap();
    assert!(html.contains("is not a date"), "the error is shown");
    assert!(
        html.contains("A &lt;b&gt;text&lt;/b&gt; worth keeping."),
        "the typed text is kept, escaped"
    );
    let (_, docs) = json(&format!("{}/api/documents", server.base)).await;
    assert_eq!(
        docs["documents"].as_array().unwrap().len(),
        2,
        "the bad one is not stored"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn actors_are_named_alike_across_documents() {
    let server = support::start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/documents", server.base);
    for (text, published) in [
        (
            "Donald J. Trump said on Monday that the wall would be built.",
            "2016-03-08",
        ),
        (
            "Sen. Ted Cruz (R-Texas) said on Tuesday that the plan would fail. Donald Trump told reporters that it would not.",
            "2016-03-09",
        ),
        ("Trump said on Friday that he would win Ohio.", "2016-03-12"),
    ] {
        let response = client
            .post(&url)
            .json(&serde_json::json!({ "text": text, "published": published }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED, "{text}");
    }
    let (_, all) = json(&format!(
        "{}/api/events?from=2016-03-01&to=2016-03-31",
        server.base
    ))
    .await;
    let events = all["events"].as_array().unwrap();
    let canonical = |cue_start: &str| -> Vec<String> {
        events
            .iter()
            .filter(|e| e["sentence_text"].as_str().unwrap().starts_with(cue_start))
            .map(|e| e["actor"]["canonical"].as_str().unwrap().to_string())
            .collect()
    };
    // "Donald J. Trump", "Donald Trump" and "Trump" are one lane, named by the longer of
    // the two full forms (each is used once).
    let trump: Vec<String> = ["Donald J. Trump said", "Donald Trump told", "Trump said"]
        .iter()
        .flat_map(|s| canonical(s))
        .collect();
    assert_eq!(trump, ["Donald J. Trump"; 3], "{events:#?}");
    // The senator's party and state are his role, not his name.
    let cruz: Vec<_> = events
        .iter()
        .filter(|e| e["actor"]["name"] == "Ted Cruz")
        .collect();
    assert_eq!(cruz.len(), 1, "{events:#?}");
    assert_eq!(cruz[0]["actor"]["canonical"], "Ted Cruz");
    assert!(
        cruz[0]["actor"]["role"]
            .as_str()
            .unwrap()
            .contains("R-Texas"),
        "{:?}",
        cruz[0]["actor"]
    );
}
