use leptos::prelude::*;

use crate::model::{DocumentSummary, EventFilter};
use crate::timeline::geom::LaneBy;

/// The filters as a plain GET form: it works without JavaScript, and its URL reproduces the view.
/// Actors are a multiple choice; documents, dates, kind and free text narrow further.
pub fn filter_form(
    filter: &EventFilter,
    actors: &[String],
    documents: &[DocumentSummary],
    shown: usize,
    total: usize,
    lanes: RwSignal<LaneBy>,
) -> AnyView {
    let lane_option = move |by: LaneBy, label: &'static str| {
        view! { <option value=by.as_str() selected=move || lanes.get() == by>{label}</option> }
    };
    let chosen: Vec<String> = filter.actors().into_iter().map(str::to_lowercase).collect();
    let actor_options = actors
        .iter()
        .map(|a| {
            let is_chosen = chosen.iter().any(|c| *c == a.to_lowercase());
            view! { <option value=a.clone() selected=is_chosen>{a.clone()}</option> }
        })
        .collect_view();
    let current_doc = filter.doc;
    let document_options = documents
        .iter()
        .map(|d| {
            let label = match d.published {
                Some(day) => format!("{} ({})", d.title, crate::model::format_day(day)),
                None => d.title.clone(),
            };
            view! { <option value=d.id.to_string() selected=current_doc == Some(d.id)>{label}</option> }
        })
        .collect_view();
    let current_kind = filter.kind.map(|k| k.as_str()).unwrap_or("");
    let kind_option = |value: &'static str, label: &'static str| {
        view! { <option value=value selected=current_kind == value>{label}</option> }
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let actor_size = actors.len().clamp(2, 4).to_string();
    view! {
        <form class="filters" method="get" role="search" aria-label="Filter events">
            <div class="field">
                <label for="timeline-search">"Search"</label>
                <input id="timeline-search" type="search" name="q" value=filter.q.clone().unwrap_or_default()/>
            </div>
            <div class="field">
                <label for="timeline-actor">"Actors"</label>
                <select id="timeline-actor" name="actor" multiple size=actor_size
                    aria-describedby="timeline-actor-help">
                    {actor_options}
                </select>
                <small id="timeline-actor-help">"None chosen: all. Ctrl or ⌘ to choose several."</small>
            </div>
            <div class="field">
                <label for="timeline-doc">"Document"</label>
                <select id="timeline-doc" name="doc">
                    <option value="">"All documents"</option>
                    {document_options}
                </select>
            </div>
            <div class="field">
                <label for="timeline-kind">"Kind"</label>
                <select id="timeline-kind" name="kind">
                    {kind_option("", "All kinds")}
                    {kind_option("statement", "Statements")}
                    {kind_option("action", "Actions")}
                </select>
            </div>
            <div class="field">
                <label for="timeline-from">"From"</label>
                <input id="timeline-from" type="date" name="from" value=date(filter.from)/>
            </div>
            <div class="field">
                <label for="timeline-to">"To"</label>
                <input id="timeline-to" type="date" name="to" value=date(filter.to)/>
            </div>
            <div class="field">
                <label for="timeline-lanes">"Lanes"</label>
                <select
                    id="timeline-lanes"
                    name="lanes"
                    on:change=move |ev| lanes.set(LaneBy::parse(&event_target_value(&ev)))
                >
                    {lane_option(LaneBy::Actor, "By actor")}
                    {lane_option(LaneBy::Document, "By document")}
                    {lane_option(LaneBy::Kind, "By kind")}
                </select>
            </div>
            <div class="field actions">
                <button type="submit">"Filter"</button>
                {(!filter.is_empty()).then(|| view! { <a class="clear" href="?">"Clear"</a> })}
                <span class="count" role="status">{format!("{shown} of {total} events")}</span>
            </div>
        </form>
    }
    .into_any()
}
