use leptos::prelude::*;

use crate::model::{Event, EventKind, Span};

/// What the timeline shows about the selected event: who, when (with its precision), the source
/// sentence with its source, cue, content and the words that date it marked, the document link
/// and the rules that found it.
#[component]
pub fn EventDetails(event: Event, on_close: Callback<()>) -> impl IntoView {
    let kind = match event.kind {
        EventKind::Statement => "Statement",
        EventKind::Action => "Action",
    };
    let document_link = event
        .document_id
        .map(|id| format!("/documents/{id}#event-{}", event.id));
    let runs = highlight(&event);
    let dated_here = runs.iter().any(|(part, _)| *part == Some("time"));
    let sentence = runs
        .into_iter()
        .map(|(part, text)| match part {
            Some(part) => view! { <mark class=part title=part>{text}</mark> }.into_any(),
            None => text.into_any(),
        })
        .collect_view();
    let role = event.actor.role.clone();
    let quote = event.quote.clone();
    let approximate = event.when.approximate.then_some(" (approximate)");
    let precision = format!("{:?} precision", event.when.precision).to_lowercase();
    view! {
        <div class="details-card" data-selected-event=event.id.clone()>
            <button class="close" type="button" aria-label="Close details" on:click=move |_| on_close.run(())>"×"</button>
            <p class="details-kind">{kind} " · " <time datetime=event.when.start.to_string() title=precision>{event.when.label()}</time> {approximate}</p>
            <h2 class="details-actor">{event.actor.name.clone()}
                {role.map(|r| view! { <span class="details-role">{r}</span> })}
            </h2>
            <p class="details-summary">{event.summary.clone()}</p>
            {quote.map(|q| view! { <blockquote class="details-quote">{q}</blockquote> })}
            <figure class="details-source">
                <figcaption>"Source sentence "
                    <span class="legend"><mark class="source">"source"</mark> " " <mark class="cue">"cue"</mark> " " <mark class="content">"content"</mark>
                        {dated_here.then(|| view! { " " <mark class="time">"date"</mark> })}
                    </span>
                </figcaption>
                <p class="source-sentence">{sentence}</p>
            </figure>
            {document_link.map(|href| view! { <a class="details-document" href=href>"Read it in the document"</a> })}
            <p class="details-rules">"Found by: " {event.rules.join(", ")}</p>
        </div>
    }
}

/// The sentence cut into runs, each marked as part of the source, the cue, the content, the
/// time mention that dates the event ("time") or nothing (the cue wins where spans overlap, then
/// the time, then the source). Spans outside the sentence, or not on character boundaries, are
/// ignored: a date taken from an earlier sentence ("that day") marks nothing here.
pub fn highlight(event: &Event) -> Vec<(Option<&'static str>, String)> {
    let text = &event.sentence_text;
    let base = event.sentence.start;
    let local = |span: Option<Span>| {
        let span = span?;
        let (s, e) = (span.start.checked_sub(base)?, span.end.checked_sub(base)?);
        (s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
            .then_some((s, e))
    };
    let parts = [
        ("cue", local(Some(event.cue))),
        ("time", local(event.when.mention)),
        ("source", local(event.source)),
        ("content", local(event.content)),
    ];
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, range) in &parts {
        if let Some((s, e)) = range {
            cuts.extend([*s, *e]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Vec<(Option<&'static str>, String)> = Vec::new();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        let part = parts
            .iter()
            .find(|(_, r)| r.is_some_and(|(a, b)| a <= s && e <= b))
            .map(|(name, _)| *name);
        match runs.last_mut() {
            Some((last, run)) if *last == part => run.push_str(&text[s..e]),
            _ => runs.push((part, text[s..e].to_string())),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Precision, When, WhenBasis};

    fn event(
        sentence: &str,
        at: usize,
        source: Option<Span>,
        cue: Span,
        content: Option<Span>,
    ) -> Event {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 18).unwrap();
        Event {
            id: "1-1".into(),
            document_id: Some(1),
            kind: EventKind::Statement,
            actor: Actor::default(),
            cue_text: String::new(),
            quote: None,
            summary: String::new(),
            when: When {
                value: "2025-02-18".into(),
                start: day,
                end: day,
                precision: Precision::Day,
                approximate: false,
                basis: WhenBasis::Mention,
                open_end: false,
                mention: None,
            },
            confidence: 1.0,
            rules: vec![],
            source,
            cue,
            content,
            sentence: Span {
                start: at,
                end: at + sentence.len(),
            },
            sentence_text: sentence.into(),
        }
    }

    #[test]
    fn source_cue_and_content_are_marked() {
        // "Sheinbaum said the troops would stay." at byte 100 of its document.
        let s = |a: usize, b: usize| Span {
            start: 100 + a,
            end: 100 + b,
        };
        let e = event(
            "Sheinbaum said the troops would stay.",
            100,
            Some(s(0, 9)),
            s(10, 14),
            Some(s(15, 36)),
        );
        let runs = highlight(&e);
        assert_eq!(
            runs,
            vec![
                (Some("source"), "Sheinbaum".to_string()),
                (None, " ".to_string()),
                (Some("cue"), "said".to_string()),
                (None, " ".to_string()),
                (Some("content"), "the troops would stay".to_string()),
                (None, ".".to_string()),
            ]
        );
    }

    #[test]
    fn the_time_that_dates_the_event_is_marked_inside_the_content() {
        // "Trump signed the order on Friday." at byte 0.
        let s = |a: usize, b: usize| Span { start: a, end: b };
        let mut e = event(
            "Trump signed the order on Friday.",
            0,
            Some(s(0, 5)),
            s(6, 12),
            Some(s(13, 32)),
        );
        e.when.mention = Some(s(26, 32));
        assert_eq!(
            highlight(&e)[4..],
            [
                (Some("content"), "the order on ".to_string()),
                (Some("time"), "Friday".to_string()),
                (None, ".".to_string()),
            ]
        );
        // A mention in another sentence marks nothing.
        e.when.mention = Some(s(120, 126));
        assert!(highlight(&e).iter().all(|(part, _)| *part != Some("time")));
    }

    #[test]
    fn spans_outside_the_sentence_or_off_boundaries_are_ignored() {
        let e = event(
            "Olé, dijo.",
            0,
            Some(Span { start: 2, end: 3 }),
            Span { start: 50, end: 60 },
            None,
        );
        assert_eq!(highlight(&e), vec![(None, "Olé, dijo.".to_string())]);
    }
}
