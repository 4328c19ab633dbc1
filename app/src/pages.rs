//! One component per page, named `XxxPage` in `xxx_page.rs`.

mod document_page;
mod documents_page;
mod embed_page;
mod not_found_page;
mod timeline_page;

pub use document_page::DocumentPage;
pub use documents_page::DocumentsPage;
pub use embed_page::EmbedPage;
pub use not_found_page::NotFoundPage;
pub use timeline_page::TimelinePage;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::catalog::get_timeline;
use crate::model::{EventFilter, TimelineData};
use crate::timeline::view::InitialView;

/// The slug in the path, `all` when there is none.
fn slug_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_else(|| "all".to_string())))
}

/// The event filter and the view written in the query string.
fn query_state() -> (Memo<EventFilter>, Memo<InitialView>) {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            // Every value of each key: a multiple select repeats `actor`.
            let pairs: Vec<(&str, String)> = EventFilter::KEYS
                .iter()
                .flat_map(|&k| {
                    q.get_all(k)
                        .unwrap_or_default()
                        .into_iter()
                        .map(move |v| (k, v))
                })
                .collect();
            EventFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    let view = Memo::new(move |_| {
        query.with(|q| {
            InitialView::from_query(
                q.get_str("view"),
                q.get_str("event"),
                q.get_str("lanes"),
                q.get_str("page"),
            )
        })
    });
    (filter, view)
}

/// The timeline the URL asks for (slug and filters), with the view it asks for. `controls`
/// fetches what the filter form offers; the URL's `event=` comes in full with the data.
fn timeline_resource(
    controls: bool,
) -> (
    Resource<Result<Option<TimelineData>, ServerFnError>>,
    Memo<InitialView>,
) {
    let slug = slug_param();
    let (filter, initial) = query_state();
    let timeline = Resource::new(
        move || (slug.get(), filter.get()),
        move |(slug, filter)| {
            let selected = initial.get_untracked().event;
            get_timeline(slug, filter, controls, selected)
        },
    );
    (timeline, initial)
}
