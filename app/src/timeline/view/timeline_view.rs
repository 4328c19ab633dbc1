use std::sync::Arc;

use chrono::NaiveDate;
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::html::Div;
use leptos::prelude::*;

use super::url_state::{view_query, with_query};
use super::{EventDetails, EventList, InitialView};
use crate::model::{format_day, Event, EventKind, TimelineData};
use crate::timeline::geom::{self, mark_label, LaneBy, Placement, TimelineLayout, Viewport};

/// The width assumed before the browser measures the real one (server rendering, no JavaScript).
const DEFAULT_WIDTH: f64 = 1000.0;
/// One click on "Zoom in" halves the visible range.
const ZOOM_STEP: f64 = 0.5;
/// One arrow key or pan button moves by a fifth of the visible range.
const PAN_STEP: f64 = 0.2;

/// The interactive timeline: axis, lanes by actor, marks by precision, details and a list view.
/// Server-rendered at a default width; once hydrated, it measures itself, zooms (buttons, wheel,
/// + and -), pans (drag, arrows), fits all, selects events and keeps the view in the URL.
#[component]
pub fn TimelineView(data: TimelineData, initial: InitialView, embed: bool) -> impl IntoView {
    let TimelineData {
        slug,
        filter,
        events,
        total,
        documents,
        ..
    } = data;
    let anchor = documents
        .iter()
        .filter_map(|d| d.published)
        .max()
        .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
    let fit = Viewport::fit(&events, anchor);
    let viewport = RwSignal::new(initial.viewport().unwrap_or(fit));
    let width = RwSignal::new(DEFAULT_WIDTH);
    let selected = RwSignal::new(initial.event.clone());
    let lanes = RwSignal::new(initial.lanes);
    let hydrated = RwSignal::new(false);
    let body = NodeRef::<Div>::new();

    let events = Arc::new(events);
    let documents = Arc::new(documents);
    let layout = {
        let events = Arc::clone(&events);
        let documents = Arc::clone(&documents);
        Memo::new(move |_| {
            geom::layout(
                &events,
                viewport.get(),
                width.get(),
                lanes.get(),
                &documents,
            )
        })
    };

    // Runs only in the browser, after hydration: measure, then mark the timeline interactive.
    Effect::new(move |_| {
        if let Some(el) = body.get() {
            let measured = el.get_bounding_client_rect().width();
            if measured > 0.0 {
                width.set(measured);
            }
        }
        hydrated.set(true);
    });

    // Keep the URL in step with the view so that a copied link reproduces it.
    {
        let filter = filter.clone();
        Effect::new(move |previous: Option<()>| {
            let view = viewport.get();
            let event = selected.get();
            let by = lanes.get();
            if previous.is_some() {
                replace_query(&view_query(&filter, view, event.as_deref(), by));
            }
        });
    }

    let zoom = move |factor: f64| viewport.update(|v| *v = v.zoom(factor, (v.start + v.end) / 2.0));
    let pan = move |fraction: f64| viewport.update(|v| *v = v.pan(fraction));
    let fit_all = move || viewport.set(fit);

    let on_wheel = move |ev: WheelEvent| {
        let Some(el) = body.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let rect = el.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        let around = viewport
            .get_untracked()
            .day_at(f64::from(ev.client_x()) - rect.left(), w);
        let factor = (ev.delta_y().clamp(-400.0, 400.0) * 0.002).exp();
        viewport.update(|v| *v = v.zoom(factor, around));
    };
    let drag = StoredValue::new(None::<(f64, Viewport)>);
    let on_pointer_down = move |ev: PointerEvent| {
        if ev.button() == 0 {
            drag.set_value(Some((f64::from(ev.client_x()), viewport.get_untracked())));
        }
    };
    let on_pointer_move = move |ev: PointerEvent| {
        if let Some((x0, start)) = drag.get_value() {
            let dx = f64::from(ev.client_x()) - x0;
            if dx.abs() > 3.0 {
                viewport.set(start.pan(-dx / width.get_untracked().max(1.0)));
            }
        }
    };
    let end_drag = move |_: PointerEvent| drag.set_value(None);
    let on_key = move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "+" | "=" => zoom(ZOOM_STEP),
            "-" | "_" => zoom(1.0 / ZOOM_STEP),
            "0" => fit_all(),
            "ArrowLeft" => pan(-PAN_STEP),
            "ArrowRight" => pan(PAN_STEP),
            "Escape" => selected.set(None),
            _ => return,
        }
        ev.prevent_default();
    };

    let selected_event = {
        let events = Arc::clone(&events);
        Memo::new(move |_| {
            selected.with(|id| {
                id.as_ref()
                    .and_then(|id| events.iter().find(|e| &e.id == id).cloned())
            })
        })
    };
    let range_start = move || viewport.with(|v| v.dates().0.to_string());
    let range_end = move || viewport.with(|v| v.dates().1.to_string());
    let range_label = move || {
        let (a, b) = viewport.get().dates();
        format!("{} – {}", format_day(a), format_day(b))
    };
    // The SVG is drawn with the lanes on screen.
    let export_href = {
        let base = format!("/api/timelines/{slug}/export.svg");
        let filter_query = filter.to_query();
        move || {
            let by = lanes.get();
            let lanes_query = (by != LaneBy::Actor).then(|| format!("lanes={}", by.as_str()));
            let query: Vec<&str> = [Some(filter_query.as_str()), lanes_query.as_deref()]
                .into_iter()
                .flatten()
                .filter(|q| !q.is_empty())
                .collect();
            with_query(&base, &query.join("&"))
        }
    };
    let shown = events.len();
    let actors = actor_names(&events);

    // ← and → on a focused mark move to the previous or next event in time, keeping it in view.
    let navigate = Callback::new(move |(id, day): (String, f64)| {
        viewport.update(|v| {
            if day < v.start || day > v.end {
                *v = v.pan((day - (v.start + v.end) / 2.0) / v.span());
            }
        });
        focus_mark(&id);
    });
    let neighbours = time_neighbours(&events);
    let marks = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (prev, next) = neighbours[i].clone();
            mark(
                i,
                e,
                layout,
                selected,
                MarkNav {
                    prev,
                    next,
                    navigate,
                },
            )
        })
        .collect_view();
    let lane_headers = move || {
        layout.with(|l| {
            l.lanes
                .iter()
                .map(|lane| {
                    let style = format!("top:{}px;height:{}px", lane.y, lane.height);
                    view! {
                        <div class="lane" style=style data-lane=lane.key.clone()>
                            <span class="lane-name">{lane.key.clone()}</span>
                            {lane.subtitle.clone().map(|r| view! { <span class="lane-role">{r}</span> })}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let markers = geom::publication_markers(
        documents.iter().filter_map(|d| d.published),
        geom::MAX_PUBLICATION_MARKERS,
    );
    let publication_markers = move || {
        layout.with(|l| {
            markers
                .iter()
                .map(|day| {
                    let left = percent(l.view.x(geom::day_number(*day) + 0.5, l.width), l.width);
                    let label = format!("Published {}", format_day(*day));
                    let title = label.clone();
                    view! { <span class="pub-marker" style=format!("left:{left:.3}%") title=title>{label}</span> }
                })
                .collect_view()
        })
    };
    let ticks = move || {
        layout.with(|l| {
            l.ticks
                .iter()
                .map(|t| {
                    let left = percent(l.view.x(t.day, l.width), l.width);
                    view! { <span class="tick" style=format!("left:{left:.3}%")>{t.label.clone()}</span> }
                })
                .collect_view()
        })
    };

    view! {
        <section
            class="timeline"
            class:embedded=embed
            data-annals-timeline=""
            data-hydrated=move || hydrated.get().to_string()
            data-range-start=range_start
            data-range-end=range_end
            aria-label="Timeline"
        >
            {(!embed).then(|| filter_form(&filter, &actors, shown, total, lanes))}
            <div class="toolbar" role="toolbar" aria-label="Timeline controls">
                <button type="button" aria-label="Zoom in" title="Zoom in (+)" on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                <button type="button" aria-label="Zoom out" title="Zoom out (−)" on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" aria-label="Fit all" title="Fit all (0)" on:click=move |_| fit_all()>"Fit all"</button>
                <button type="button" aria-label="Earlier" title="Earlier (←)" on:click=move |_| pan(-PAN_STEP)>"←"</button>
                <button type="button" aria-label="Later" title="Later (→)" on:click=move |_| pan(PAN_STEP)>"→"</button>
                <span class="range" aria-live="polite">{range_label}</span>
                <a class="download" href=export_href download="timeline.svg">"Download SVG"</a>
            </div>
            <div
                class="timeline-body"
                node_ref=body
                tabindex="0"
                aria-label="Timeline canvas: + and - zoom, arrows pan, 0 fits all"
                style=move || format!("height:{}px", layout.with(|l| l.height))
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=end_drag
                on:pointercancel=end_drag
                on:pointerleave=end_drag
                on:keydown=on_key
            >
                <div class="axis" aria-hidden="true">{ticks}{publication_markers}</div>
                <div class="lanes" aria-hidden="true">{lane_headers}</div>
                <div class="marks">{marks}</div>
            </div>
            <aside class="details" aria-live="polite" aria-label="Event details">
                {move || selected_event.get().map(|event| view! {
                    <EventDetails event on_close=Callback::new(move |()| selected.set(None))/>
                })}
            </aside>
            {(shown == 0).then(|| view! { <p class="empty">"No events match these filters."</p> })}
            <EventList events=events.as_ref().clone()/>
        </section>
    }
}

/// One event's mark: a point for a day, a span for a week, month or year; fuzzy when approximate.
/// An event to move to: its id and axis coordinate.
type NavTarget = Option<(String, f64)>;

/// Where ← and → lead from a mark: the neighbouring events in time.
struct MarkNav {
    prev: NavTarget,
    next: NavTarget,
    navigate: Callback<(String, f64)>,
}

/// For each event, its previous and next event in time order.
fn time_neighbours(events: &[Event]) -> Vec<(NavTarget, NavTarget)> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&events[a], &events[b]);
        (ea.when.start, ea.when.end, &ea.id).cmp(&(eb.when.start, eb.when.end, &eb.id))
    });
    let target = |i: usize| {
        (
            events[i].id.clone(),
            geom::day_number(events[i].when.midpoint()) + 0.5,
        )
    };
    let mut out = vec![(None, None); events.len()];
    for (rank, &i) in order.iter().enumerate() {
        let prev = rank.checked_sub(1).map(|r| target(order[r]));
        let next = order.get(rank + 1).map(|&j| target(j));
        out[i] = (prev, next);
    }
    out
}

/// Moves keyboard focus to an event's mark.
fn focus_mark(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let selector = format!("[data-event-id=\"{id}\"]");
        if let Ok(Some(el)) = document().query_selector(&selector) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                // A mark that cannot take focus only costs the keyboard step.
                let _ = el.focus();
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

fn mark(
    index: usize,
    event: &Event,
    layout: Memo<TimelineLayout>,
    selected: RwSignal<Option<String>>,
    nav: MarkNav,
) -> impl IntoView {
    let id = event.id.clone();
    let select_id = id.clone();
    let pressed_id = id.clone();
    let mut class = String::from("mark");
    class.push_str(if event.kind == EventKind::Statement {
        " statement"
    } else {
        " action"
    });
    if event.when.approximate {
        class.push_str(" approximate");
    }
    if event.when.open_end {
        class.push_str(" open-end");
    }
    let label = mark_label(&event.summary);
    let aria = format!(
        "{}: {} — {}",
        event.when.label(),
        event.actor.name,
        event.summary
    );
    let style = move || layout.with(|l| mark_style(&l.placements[l.by_event[index]], l.width));
    let shape = move || {
        layout.with(|l| {
            if l.placements[l.by_event[index]].is_point {
                "mark-point"
            } else {
                "mark-span"
            }
        })
    };
    let label_left = move || layout.with(|l| l.placements[l.by_event[index]].label_left);
    view! {
        <button
            type="button"
            class=class
            class:label-left=label_left
            data-event-id=id
            data-date=event.when.start.to_string()
            data-actor=event.actor.canonical.clone()
            data-kind=event.kind.as_str()
            style=style
            aria-label=aria
            aria-pressed=move || selected.with(|s| (s.as_deref() == Some(pressed_id.as_str())).to_string())
            on:click=move |_| selected.set(Some(select_id.clone()))
            on:keydown=move |ev: KeyboardEvent| {
                let target = match ev.key().as_str() {
                    "ArrowRight" => nav.next.clone(),
                    "ArrowLeft" => nav.prev.clone(),
                    "Escape" => {
                        selected.set(None);
                        ev.stop_propagation();
                        return;
                    }
                    _ => return,
                };
                // The canvas would pan on arrows; here they move between events instead.
                ev.prevent_default();
                ev.stop_propagation();
                if let Some(target) = target {
                    nav.navigate.run(target);
                }
            }
        >
            <span class=shape></span>
            <span class="mark-label">{label}</span>
        </button>
    }
}

fn mark_style(p: &Placement, width: f64) -> String {
    let left = percent(p.x_start, width);
    if p.is_point {
        format!("left:{left:.3}%;top:{}px", p.y)
    } else {
        let span = percent(p.x_end - p.x_start, width).max(0.2);
        format!("left:{left:.3}%;top:{}px;--span:{span:.3}%", p.y)
    }
}

fn percent(x: f64, width: f64) -> f64 {
    x / width.max(1.0) * 100.0
}

/// Distinct canonical actor names, sorted, for the actor filter.
fn actor_names(events: &[Event]) -> Vec<String> {
    let mut names: Vec<String> = events.iter().map(|e| e.actor.canonical.clone()).collect();
    names.sort();
    names.dedup();
    names
}

/// The filters as a plain GET form: it works without JavaScript, and its URL reproduces the view.
fn filter_form(
    filter: &crate::model::EventFilter,
    actors: &[String],
    shown: usize,
    total: usize,
    lanes: RwSignal<LaneBy>,
) -> impl IntoView {
    let lane_option = move |by: LaneBy, label: &'static str| {
        view! { <option value=by.as_str() selected=move || lanes.get() == by>{label}</option> }
    };
    let current_actor = filter.actor.clone().unwrap_or_default();
    let current_kind = filter.kind.map(|k| k.as_str()).unwrap_or("");
    let actor_options = actors
        .iter()
        .map(|a| {
            let is_current = *a == current_actor;
            view! { <option value=a.clone() selected=is_current>{a.clone()}</option> }
        })
        .collect_view();
    let kind_option = |value: &'static str, label: &'static str| {
        view! { <option value=value selected=current_kind == value>{label}</option> }
    };
    view! {
        <form class="filters" method="get" role="search">
            <label for="timeline-search">"Search"</label>
            <input id="timeline-search" type="search" name="q" value=filter.q.clone().unwrap_or_default()/>
            <label for="timeline-actor">"Actor"</label>
            <select id="timeline-actor" name="actor">
                <option value="">"All actors"</option>
                {actor_options}
            </select>
            <label for="timeline-kind">"Kind"</label>
            <select id="timeline-kind" name="kind">
                {kind_option("", "All kinds")}
                {kind_option("statement", "Statements")}
                {kind_option("action", "Actions")}
            </select>
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
            <button type="submit">"Filter"</button>
            <span class="count">{format!("{shown} of {total} events")}</span>
        </form>
    }
}

/// Replaces the query string without navigating, so the router does not reload the page.
fn replace_query(query: &str) {
    #[cfg(feature = "hydrate")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let path = window.location().pathname().unwrap_or_default();
        let url = with_query(&path, query);
        // Failing to update the address bar only loses the shareable link, not the view.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = query;
}
