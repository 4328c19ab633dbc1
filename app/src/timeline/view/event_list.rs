use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use super::with_query;
use crate::model::{ActorInfo, Mark};

/// Events per page of the list.
pub const LIST_PAGE: usize = 100;

/// How many pages `count` events take (at least one).
pub fn page_count(count: usize) -> usize {
    count.div_ceil(LIST_PAGE).max(1)
}

/// The events as an ordered list, a page at a time: what screen readers and browsers without
/// JavaScript read, and the vertical timeline of narrow screens. Page links are real links (the
/// `page=` query) that the hydrated app follows without reloading.
#[component]
pub fn EventList(
    marks: Arc<Vec<Mark>>,
    actors: Arc<Vec<ActorInfo>>,
    page: RwSignal<usize>,
    /// The query the page links keep (filters and lanes).
    base_query: String,
) -> impl IntoView {
    let count = marks.len();
    let pages = page_count(count);
    let link = move |n: usize| {
        let page = format!("page={n}");
        let query: Vec<&str> = [base_query.as_str(), page.as_str()]
            .into_iter()
            .filter(|q| !q.is_empty())
            .collect();
        with_query("", &query.join("&"))
    };
    let rows = move || {
        let p = page.get().clamp(1, pages);
        let from = (p - 1) * LIST_PAGE;
        marks[from.min(count)..(from + LIST_PAGE).min(count)]
            .iter()
            .map(|m| {
                let anchor = format!("list-{}", m.id);
                let doc = m.document_id.map(|id| format!("/documents/{id}#event-{}", m.id));
                let actor = actors.get(m.actor).cloned().unwrap_or_default();
                let kind = m.kind.as_str();
                view! {
                    <li id=anchor data-list-event-id=m.id.clone() class=kind class:approximate=m.when.approximate()>
                        <time datetime=m.when.start.to_string()>{m.when.label()}</time>
                        <span class="list-body">
                            <strong>{actor.name}</strong>
                            {actor.role.map(|r| view! { <span class="role">{format!(" ({r})")}</span> })}
                            ": " {m.summary.clone()}
                            {doc.map(|href| view! { " " <a href=href>"source"</a> })}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    let go = move |n: usize| {
        move |ev: MouseEvent| {
            ev.prevent_default();
            page.set(n);
        }
    };
    let nav = move || {
        let p = page.get().clamp(1, pages);
        (pages > 1).then(|| {
            let first = (p - 1) * LIST_PAGE + 1;
            let last = (p * LIST_PAGE).min(count);
            view! {
                <nav class="list-pages" aria-label="List pages">
                    {(p > 1).then(|| view! { <a href=link(p - 1) rel="prev" on:click=go(p - 1)>"← Earlier"</a> })}
                    <span>{format!("Events {first}–{last} of {count}, page {p} of {pages}")}</span>
                    {(p < pages).then(|| view! { <a href=link(p + 1) rel="next" on:click=go(p + 1)>"Later →"</a> })}
                </nav>
            }
        })
    };
    view! {
        <section class="event-list" aria-label="Events in date order">
            <h2>"Events in date order"</h2>
            {nav.clone()}
            <ol start=move || ((page.get().clamp(1, pages) - 1) * LIST_PAGE + 1).to_string()>{rows}</ol>
            {nav}
        </section>
    }
}
