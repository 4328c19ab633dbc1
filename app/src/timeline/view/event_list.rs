use leptos::prelude::*;

use crate::model::Event;

/// The events as an ordered list: what screen readers and browsers without JavaScript read.
#[component]
pub fn EventList(events: Vec<Event>) -> impl IntoView {
    view! {
        <section class="event-list" aria-label="Events in date order">
            <h2>"Events in date order"</h2>
            <ol>
                {events.into_iter().map(|e| {
                    let anchor = format!("list-{}", e.id);
                    let doc = e.document_id.map(|id| format!("/documents/{id}#event-{}", e.id));
                    view! {
                        <li id=anchor data-list-event-id=e.id.clone()>
                            <time datetime=e.when.start.to_string()>{e.when.label()}</time>
                            " — "
                            <strong>{e.actor.name.clone()}</strong>
                            {e.actor.role.clone().map(|r| view! { <span class="role">{format!(" ({r})")}</span> })}
                            ": " {e.summary.clone()}
                            {doc.map(|href| view! { " " <a href=href>"source"</a> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
