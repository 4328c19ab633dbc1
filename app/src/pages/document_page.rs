use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::catalog::get_document;
use crate::components::{PageTitle, SiteHeader};
use crate::model::{format_day, DocumentView, Event};

/// `/documents/{id}`: the text with each event's sentence highlighted.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let id =
        Memo::new(move |_| params.with(|p| p.get_str("id").and_then(|s| s.parse::<i64>().ok())));
    let document = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_document(id).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <SiteHeader/>
        <main class="page document-page">
            <Suspense fallback=|| view! { <p class="loading">"Loading the document…"</p> }>
                {move || Suspend::new(async move {
                    match document.await {
                        Ok(Some(view)) => render_document(view).into_any(),
                        Ok(None) => view! {
                            <PageTitle text="No such document"/>
                            <p class="error" role="alert">"There is no document with this id."</p>
                        }.into_any(),
                        Err(e) => view! {
                            <p class="error" role="alert">"The document could not be loaded: " {e.to_string()}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

fn render_document(DocumentView { document, events }: DocumentView) -> impl IntoView {
    let published = match document.published {
        Some(day) => format!(
            "Published {} ({})",
            format_day(day),
            document.published_basis.describe()
        ),
        None => "Publication date unknown: relative dates are unresolved".to_string(),
    };
    let outlet = document
        .source
        .clone()
        .unwrap_or_else(|| "Outlet unknown".to_string());
    let timeline_link = format!("/?doc={}", document.id);
    let segments = highlight(&document.text, &events);
    view! {
        <PageTitle text=document.title.clone()/>
        <article>
            <h1 class="page-title">{document.title.clone()}</h1>
            <p class="document-meta">{outlet} " · " {published} " · "
                <a href=timeline_link>"This document's timeline"</a>
            </p>
            <div class="document-text">
                {segments.into_iter().map(|segment| match segment {
                    Segment::Plain(text) => text.into_any(),
                    Segment::Marked { text, event_ids } => {
                        let anchor = format!("event-{}", event_ids[0]);
                        let ids = event_ids.join(" ");
                        // Every event sharing the sentence gets an anchor of its own.
                        let more = event_ids[1..]
                            .iter()
                            .map(|id| view! { <span id=format!("event-{id}")></span> })
                            .collect_view();
                        view! { <mark id=anchor data-event-ids=ids>{more}{text}</mark> }.into_any()
                    }
                }).collect_view()}
            </div>
        </article>
    }
}

/// A run of the document text, highlighted or not.
#[derive(Debug, PartialEq)]
enum Segment {
    Plain(String),
    Marked {
        text: String,
        event_ids: Vec<String>,
    },
}

/// Cuts the text into runs, highlighting each event's sentence once (events sharing a sentence
/// share its highlight). Spans that do not fit the text are skipped rather than trusted.
fn highlight(text: &str, events: &[Event]) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by_key(|e| (e.sentence.start, e.sentence.end));
    for event in sorted {
        let (start, end) = (event.sentence.start, event.sentence.end);
        if text.get(start..end).is_none() || start >= end {
            continue;
        }
        match spans.last_mut() {
            Some(last) if last.0 == start && last.1 == end => last.2.push(event.id.clone()),
            Some(last) if start < last.1 => {}
            _ => spans.push((start, end, vec![event.id.clone()])),
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, event_ids) in spans {
        if start > at {
            out.push(Segment::Plain(text[at..start].to_string()));
        }
        out.push(Segment::Marked {
            text: text[start..end].to_string(),
            event_ids,
        });
        at = end;
    }
    if at < text.len() {
        out.push(Segment::Plain(text[at..].to_string()));
    }
    out
}
