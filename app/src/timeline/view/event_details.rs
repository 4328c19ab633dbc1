use leptos::prelude::*;

use crate::model::{Event, EventKind};

/// What the timeline shows about the selected event: who, when (with its precision), the source
/// sentence with the cue marked, the document link and the rules that found it.
#[component]
pub fn EventDetails(event: Event, on_close: Callback<()>) -> impl IntoView {
    let kind = match event.kind {
        EventKind::Statement => "Statement",
        EventKind::Action => "Action",
    };
    let document_link = event
        .document_id
        .map(|id| format!("/documents/{id}#event-{}", event.id));
    let sentence = sentence_with_cue(&event);
    let role = event.actor.role.clone();
    let quote = event.quote.clone();
    let approximate = event.when.approximate.then_some(" (approximate)");
    view! {
        <div class="details-card" data-selected-event=event.id.clone()>
            <button class="close" type="button" aria-label="Close details" on:click=move |_| on_close.run(())>"×"</button>
            <p class="details-kind">{kind} " · " <time datetime=event.when.start.to_string()>{event.when.label()}</time> {approximate}</p>
            <h2 class="details-actor">{event.actor.name.clone()}
                {role.map(|r| view! { <span class="details-role">{r}</span> })}
            </h2>
            <p class="details-summary">{event.summary.clone()}</p>
            {quote.map(|q| view! { <blockquote class="details-quote">{q}</blockquote> })}
            <figure class="details-source">
                <figcaption>"Source sentence"</figcaption>
                <p class="source-sentence">{sentence.0}<mark class="cue">{sentence.1}</mark>{sentence.2}</p>
            </figure>
            {document_link.map(|href| view! { <a class="details-document" href=href>"Read it in the document"</a> })}
            <p class="details-rules">"Found by: " {event.rules.join(", ")}</p>
        </div>
    }
}

/// The sentence cut around the cue: (before, cue, after). The whole sentence stays in `before`
/// when the cue does not lie inside it.
fn sentence_with_cue(event: &Event) -> (String, String, String) {
    let text = &event.sentence_text;
    let start = event.cue.start.checked_sub(event.sentence.start);
    let end = event.cue.end.checked_sub(event.sentence.start);
    match (start, end) {
        (Some(s), Some(e)) if s < e && text.get(s..e).is_some() => (
            text[..s].to_string(),
            text[s..e].to_string(),
            text[e..].to_string(),
        ),
        _ => (text.clone(), String::new(), String::new()),
    }
}
