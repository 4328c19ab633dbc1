use std::sync::Arc;

use chrono::NaiveDate;
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::html::Div;
use leptos::prelude::*;

use super::event_list::{page_count, EventList};
use super::filters::filter_form;
use super::marks::{
    cluster_view, index_of_ids, mark_view, percent, position, ClusterLook, ClusterPool,
    MarkContext, MarkLook, MarkPool, Slots, StableOrder, Units,
};
use super::url_state::{view_query, with_query};
use super::{EventDetails, InitialView};
use crate::catalog::get_event;
use crate::model::{format_day, TimelineData};
use crate::timeline::geom::{self, LaneBy, TimelineIndex, TimelineLayout, Viewport};

/// The width assumed before the browser measures the real one (server rendering, no JavaScript).
const DEFAULT_WIDTH: f64 = 1000.0;
/// One click on "Zoom in" halves the visible range.
const ZOOM_STEP: f64 = 0.5;
/// One arrow key or pan button moves by a fifth of the visible range.
const PAN_STEP: f64 = 0.2;
/// The address bar follows the view this long after the view stops changing (browsers refuse
/// more than about a hundred history updates in ten seconds).
const URL_DELAY_MS: u64 = 250;
/// The toolbar's range and count follow the view this long after it stops changing: rewriting
/// them every frame of a zoom re-laid out and repainted the page around the canvas (and a live
/// region that changes sixty times a second is no use to a screen reader).
const SETTLE_DELAY_MS: u64 = 120;

/// Shares a value that is rebuilt rarely (the index); equal only to itself, so comparing two never
/// walks 100,000 marks.
#[derive(Clone)]
struct Shared<T>(Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The interactive timeline: axis, lanes, marks by precision with count badges where they crowd,
/// details fetched on selection, filters and a paged list view. Server-rendered at a default
/// width; once hydrated it measures itself, zooms (buttons, wheel, pinch, + and -), pans (drag,
/// touch, arrows), fits all, steps through events with the keyboard and keeps the view in the URL.
/// Each frame lays out and draws only what is in view.
#[component]
pub fn TimelineView(data: TimelineData, initial: InitialView, embed: bool) -> impl IntoView {
    let TimelineData {
        slug,
        selected_event,
        filter,
        marks,
        actors,
        total,
        documents,
        all_actors,
        all_documents,
        today,
        ..
    } = data;
    let anchor = documents
        .iter()
        .filter_map(|d| d.published)
        .max()
        .unwrap_or(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
    let fit = Viewport::fit(&marks, anchor);
    let viewport = RwSignal::new(initial.viewport().unwrap_or(fit));
    let width = RwSignal::new(DEFAULT_WIDTH);
    let selected = RwSignal::new(initial.event.clone());
    let focused = RwSignal::new(None::<u32>);
    let lanes = RwSignal::new(initial.lanes);
    let hydrated = RwSignal::new(false);
    let units = RwSignal::new(Units::Percent);
    // The part of the drawing the window shows, in pixels from its top: every lane until the
    // browser measures, so server-rendered pages show everything.
    let rows_in_view = RwSignal::new(geom::ALL_ROWS);
    let page = RwSignal::new(initial.page.clamp(1, page_count(marks.len())));
    let body = NodeRef::<Div>::new();

    let marks = Arc::new(marks);
    let actors = Arc::new(actors);
    let documents = Arc::new(documents);
    let ids = index_of_ids(&marks);

    // Rebuilt only when the lanes or the width change, never while zooming or panning.
    let index = {
        let marks = Arc::clone(&marks);
        let actors = Arc::clone(&actors);
        let documents = Arc::clone(&documents);
        Memo::new(move |_| {
            Shared(Arc::new(TimelineIndex::new(
                &marks,
                &actors,
                &documents,
                lanes.get(),
                fit,
                width.get(),
            )))
        })
    };
    let pinned = {
        let ids = Arc::clone(&ids);
        Memo::new(move |_| {
            focused
                .get()
                .or_else(|| selected.with(|s| s.as_ref().and_then(|id| ids.get(id).copied())))
        })
    };
    // Each frame starts from the one before, so marks already drawn stay while zooming.
    let layout: Memo<TimelineLayout> = Memo::new(move |previous: Option<&TimelineLayout>| {
        index.with(|ix| {
            geom::layout(
                &ix.0,
                viewport.get(),
                width.get(),
                pinned.get(),
                rows_in_view.get(),
                previous,
            )
        })
    });
    // Each drawn mark and badge has its own signal; one effect hands them this frame's looks.
    // Elements are pooled: a frame hands each drawn event or badge an element (see `Pool`).
    let frame_marks = move |l: &TimelineLayout, units: Units| -> Vec<(u32, MarkLook)> {
        l.placements
            .iter()
            .map(|p| (p.mark, MarkLook::of(p, l.width, units)))
            .collect()
    };
    let mark_pool = MarkPool::new(layout.with_untracked(|l| frame_marks(l, units.get_untracked())));
    let frame_clusters =
        move |l: &TimelineLayout, units: Units| -> Vec<((u32, u32), ClusterLook)> {
            l.clusters
                .iter()
                .map(|c| ((c.lane, c.ordinal), ClusterLook::of(c, l.width, units)))
                .collect()
        };
    let cluster_pool =
        ClusterPool::new(layout.with_untracked(|l| frame_clusters(l, units.get_untracked())));
    Effect::new(move |_| {
        let units = units.get();
        layout.with(|l| {
            mark_pool.sync(frame_marks(l, units));
            cluster_pool.sync(frame_clusters(l, units));
        })
    });

    // What the toolbar and the root's `data-range-*` say: the view and its counts once it rests.
    let settled = RwSignal::new(layout.with_untracked(Settled::of));
    // Fires each time the view comes to rest, for what follows it only then.
    let rested = Trigger::new();
    {
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |_| {
            layout.track();
            after_quiet(pending, SETTLE_DELAY_MS, move || {
                let now = layout.with_untracked(Settled::of);
                if settled.get_untracked() != now {
                    settled.set(now);
                }
                rested.notify();
            });
        });
    }

    // Runs only in the browser, after hydration: measure, then mark the timeline interactive.
    let measure = move || measure_canvas(body, width, units, rows_in_view);
    Effect::new(move |_| {
        if body.get().is_some() {
            measure();
        }
        hydrated.set(true);
        // For the browser benchmark: time to interactive, from the navigation's start.
        #[cfg(feature = "hydrate")]
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            // A failed mark only costs the benchmark its figure.
            let _ = performance.mark("annals:interactive");
        }
    });

    // Keep the URL in step with the view so that a copied link reproduces it.
    {
        let filter = filter.clone();
        let pending = StoredValue::new(None::<TimeoutHandle>);
        Effect::new(move |previous: Option<()>| {
            let view = viewport.get();
            let event = selected.get();
            let by = lanes.get();
            let p = page.get();
            if previous.is_some() {
                let mut query = view_query(&filter, view, event.as_deref(), by);
                if p > 1 {
                    query.push_str(&format!("&page={p}"));
                }
                after_quiet(pending, URL_DELAY_MS, move || replace_query(&query));
            }
        });
    }

    // Scrolling or resizing the window changes which lanes are in sight.
    #[cfg(feature = "hydrate")]
    {
        let scroll = window_event_listener(leptos::ev::scroll, move |_| {
            measure_rows_in_view(body, rows_in_view)
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
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
        if ev.delta_x().abs() > ev.delta_y().abs() {
            // A sideways swipe on a trackpad pans.
            pan(ev.delta_x().clamp(-400.0, 400.0) / w);
            return;
        }
        let around = viewport
            .get_untracked()
            .day_at(f64::from(ev.client_x()) - rect.left(), w);
        let factor = (ev.delta_y().clamp(-400.0, 400.0) * 0.002).exp();
        viewport.update(|v| *v = v.zoom(factor, around));
    };

    // Pointers: one drags, two pinch. Positions are client x per pointer id.
    let gesture = StoredValue::new(Gesture::default());
    let on_pointer_down = move |ev: PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(el) = body.get_untracked() else {
            return;
        };
        let x = f64::from(ev.client_x()) - el.get_bounding_client_rect().left();
        gesture.update_value(|g| g.down(ev.pointer_id(), x, viewport.get_untracked()));
    };
    let on_pointer_move = move |ev: PointerEvent| {
        let x = f64::from(ev.client_x());
        let Some(el) = body.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let next = gesture
            .try_update_value(|g| g.moved(ev.pointer_id(), x - rect.left(), rect.width().max(1.0)))
            .flatten();
        if let Some(view) = next {
            viewport.set(view);
        }
    };
    let end_pointer = move |ev: PointerEvent| {
        gesture.update_value(|g| g.up(ev.pointer_id(), viewport.get_untracked()));
    };

    let step = {
        let marks = Arc::clone(&marks);
        Callback::new(move |(from, forward): (u32, bool)| {
            let (prev, next) = index.with_untracked(|ix| ix.0.neighbours(from));
            if let Some(to) = if forward { next } else { prev } {
                go_to(to, &marks, index, viewport, focused);
            }
        })
    };
    let jump = {
        let marks = Arc::clone(&marks);
        Callback::new(move |last: bool| {
            let target = index.with_untracked(|ix| {
                if last {
                    ix.0.order.last().copied()
                } else {
                    ix.0.order.first().copied()
                }
            });
            if let Some(to) = target {
                go_to(to, &marks, index, viewport, focused);
            }
        })
    };
    let on_key = move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "+" | "=" => zoom(ZOOM_STEP),
            "-" | "_" => zoom(1.0 / ZOOM_STEP),
            "0" => fit_all(),
            "ArrowLeft" => pan(-PAN_STEP),
            "ArrowRight" => pan(PAN_STEP),
            "Home" => jump.run(false),
            "End" => jump.run(true),
            "Escape" => selected.set(None),
            _ => return,
        }
        ev.prevent_default();
    };

    // The selected event in full. The page arrives with the one its URL names; a new selection
    // is fetched in the browser. (A resource here, nested in the page's, sometimes left the
    // server's async render waiting forever.)
    let details = RwSignal::new(DetailsState::from(selected_event));
    Effect::new(move |_| {
        let wanted = selected.get();
        let have = details.with_untracked(DetailsState::id);
        if wanted == have {
            return;
        }
        match wanted {
            None => details.set(DetailsState::None),
            Some(id) => {
                details.set(DetailsState::Loading(id.clone()));
                leptos::task::spawn_local(async move {
                    let state = match get_event(id.clone()).await {
                        Ok(Some(event)) => DetailsState::Loaded(Box::new(event)),
                        Ok(None) => DetailsState::Failed(id.clone(), "no such event".into()),
                        Err(e) => DetailsState::Failed(id.clone(), e.to_string()),
                    };
                    // A later selection may have replaced this one while it loaded.
                    if selected.with_untracked(|s| s.as_deref() == Some(id.as_str())) {
                        details.set(state);
                    }
                });
            }
        }
    });
    let range_start = move || settled.with(|s| s.view.dates().0.to_string());
    let range_end = move || settled.with(|s| s.view.dates().1.to_string());
    let range_label = move || {
        let (a, b) = settled.with(|s| s.view.dates());
        format!("{} – {}", format_day(a), format_day(b))
    };
    // The SVG is drawn with the lanes on screen.
    let filter_query = filter.to_query();
    let export_href = {
        let base = format!("/api/timelines/{slug}/export.svg");
        let filter_query = filter_query.clone();
        move || with_query(&base, &join_queries(&filter_query, lanes.get()))
    };
    let list_query = move || join_queries(&filter_query, lanes.get_untracked());
    let shown = marks.len();

    let cx = MarkContext {
        selected,
        focused,
        step,
        jump,
    };
    // Ticks keep their DOM places from frame to frame (see `StableOrder`).
    let tick_order = StableOrder::<(u64, String)>::new();
    let mark_views = {
        let marks = Arc::clone(&marks);
        let actors = Arc::clone(&actors);
        move || {
            let marks = Arc::clone(&marks);
            let actors = Arc::clone(&actors);
            view! {
                <For
                    each=move || 0..mark_pool.elements()
                    key=|at| *at
                    children=move |at| {
                        mark_pool
                            .slot(at)
                            .map(|slot| mark_view(slot, Arc::clone(&marks), Arc::clone(&actors), cx))
                    }
                />
            }
        }
    };
    let cluster_views = move || {
        view! {
            <For
                each=move || 0..cluster_pool.elements()
                key=|at| *at
                children=move |at| cluster_pool.slot(at).map(|slot| cluster_view(slot, viewport, rested))
            />
        }
    };
    let lane_headers = move || {
        index.with(|ix| {
            ix.0.lanes
                .iter()
                .map(|lane| {
                    let style = format!("top:{}px;height:{}px", lane.y, lane.height);
                    view! {
                        <div class="lane" class:has-strip=lane.has_strip style=style data-lane=lane.key.clone()>
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
    // Publication days and today: one element each for the page's life; a frame moves them.
    let day_markers: Vec<(&'static str, NaiveDate, String)> = markers
        .iter()
        .map(|day| {
            (
                "pub-marker",
                *day,
                format!("Published {}", format_day(*day)),
            )
        })
        .chain(today.map(|day| ("today-marker", day, format!("Today, {}", format_day(day)))))
        .collect();
    let marker_x =
        move |l: &TimelineLayout, day: NaiveDate| l.view.x(geom::day_number(day) + 0.5, l.width);
    // Labels that would overlap give way (today's first); changes only when one does.
    let labels_shown = {
        let markers: Vec<(NaiveDate, String)> = day_markers
            .iter()
            .map(|(_, day, label)| (*day, label.clone()))
            .collect();
        Memo::new(move |_| {
            layout.with(|l| {
                let at: Vec<(f64, &str)> = markers
                    .iter()
                    .map(|(day, label)| (marker_x(l, *day), label.as_str()))
                    .collect();
                geom::marker_labels(&at)
            })
        })
    };
    let day_markers = day_markers
        .into_iter()
        .enumerate()
        .map(|(i, (class, day, label))| {
            let style = move || {
                layout.with(|l| {
                    let left = percent(marker_x(l, day), l.width);
                    format!("left:{left:.3}%")
                })
            };
            let muted = move || labels_shown.with(|s| s.get(i).is_some_and(Option::is_none));
            let title = label.clone();
            view! {
                <span class=class class:muted=muted style=style title=title>
                    <span class="marker-label">{label}</span>
                </span>
            }
        })
        .collect_view();
    // Ticks keep their element while they stay in view; only their position changes.
    let tick_slots = Slots::<(u64, String), String>::new();
    Effect::new(move |_| {
        let units = units.get();
        layout.with(|l| {
            labels_shown.with(|taken| {
                tick_slots.sync(l.ticks.iter().map(|t| {
                    (
                        (t.day.to_bits(), t.label.clone()),
                        tick_style(l, t.day, &t.label, units, taken),
                    )
                }))
            })
        })
    });
    let ticks = move || {
        view! {
            <For
                each=move || tick_order.next(layout.with(|l| l.ticks.iter().map(|t| (t.day.to_bits(), t.label.clone())).collect()))
                key=|k| k.clone()
                children=move |key: (u64, String)| {
                    let look = layout.with_untracked(|l| {
                        labels_shown.with_untracked(|taken| {
                            Some(tick_style(l, f64::from_bits(key.0), &key.1, units.get_untracked(), taken))
                        })
                    });
                    let slot = tick_slots.slot(key.clone(), look);
                    let style = move || slot.with(|s| s.clone().unwrap_or_default());
                    view! { <span class="tick" style=style>{key.1}</span> }
                }
            />
        }
    };
    let visible_count = move || {
        settled.with(|s| {
            if s.badged == 0 {
                String::new()
            } else {
                format!(
                    "{} drawn, {} in count badges: zoom in or click a badge",
                    s.drawn, s.badged
                )
            }
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
            {(!embed).then(|| filter_form(&filter, &all_actors, &all_documents, shown, total, lanes))}
            <div class="toolbar" role="toolbar" aria-label="Timeline controls">
                <button type="button" aria-label="Zoom in" title="Zoom in (+)" on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                <button type="button" aria-label="Zoom out" title="Zoom out (−)" on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" aria-label="Fit all" title="Fit all (0)" on:click=move |_| fit_all()>"Fit all"</button>
                <button type="button" aria-label="Earlier" title="Earlier (←)" on:click=move |_| pan(-PAN_STEP)>"←"</button>
                <button type="button" aria-label="Later" title="Later (→)" on:click=move |_| pan(PAN_STEP)>"→"</button>
                <span class="range" aria-live="polite">{range_label}</span>
                <span class="density">{visible_count}</span>
                <a class="download" href=export_href download="timeline.svg">"Download SVG"</a>
            </div>
            <div
                class="timeline-body"
                node_ref=body
                tabindex="0"
                aria-label="Timeline canvas: + and - zoom, arrows pan, 0 fits all, Home and End go to the first and last event, Tab reaches the events"
                style=move || format!("height:{}px", index.with(|ix| ix.0.height))
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=end_pointer
                on:pointercancel=end_pointer
                on:pointerleave=end_pointer
                on:keydown=on_key
            >
                <div class="axis" aria-hidden="true">{ticks}{day_markers}</div>
                <div class="lanes" aria-hidden="true">{lane_headers}</div>
                <div class="marks">{mark_views}{cluster_views}</div>
            </div>
            <aside class="details" aria-live="polite" aria-label="Event details">
                {move || match details.get() {
                    DetailsState::Loaded(event) => view! {
                        <EventDetails event=*event on_close=Callback::new(move |()| selected.set(None))/>
                    }.into_any(),
                    DetailsState::Failed(_, e) => view! {
                        <p class="error" role="alert">"The event could not be loaded: " {e}</p>
                    }.into_any(),
                    DetailsState::Loading(_) | DetailsState::None => ().into_any(),
                }}
            </aside>
            {(shown == 0).then(|| view! { <p class="empty">"No events match these filters."</p> })}
            <EventList marks=Arc::clone(&marks) actors=Arc::clone(&actors) page base_query=list_query()/>
        </section>
    }
}

/// A tick's position; its label gives way (transparent, the line stays) under a day marker's.
fn tick_style(
    l: &TimelineLayout,
    day: f64,
    label: &str,
    units: Units,
    taken: &[Option<(f64, f64)>],
) -> String {
    let x = l.view.x(day, l.width);
    let at = position(x, 0.0, l.width, units);
    if geom::tick_label_clear(x, label, taken) {
        at
    } else {
        format!("{at};color:transparent")
    }
}

/// Runs `then` once `delay_ms` pass without another call for the same `pending` timer: a burst
/// of frames ends in one run.
fn after_quiet(
    pending: StoredValue<Option<TimeoutHandle>>,
    delay_ms: u64,
    then: impl FnOnce() + 'static,
) {
    if let Some(handle) = pending.get_value() {
        handle.clear();
    }
    let handle = set_timeout_with_handle(then, std::time::Duration::from_millis(delay_ms)).ok();
    pending.set_value(handle);
}

/// A frame's view and counts, as the toolbar reports them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Settled {
    view: Viewport,
    drawn: usize,
    badged: usize,
}

impl Settled {
    fn of(layout: &TimelineLayout) -> Self {
        Self {
            view: layout.view,
            drawn: layout.placements.len(),
            badged: layout.clusters.iter().map(|c| c.count).sum(),
        }
    }
}

/// The filter's query and, when not by actor, the lanes.
fn join_queries(filter_query: &str, by: LaneBy) -> String {
    let lanes_query = (by != LaneBy::Actor).then(|| format!("lanes={}", by.as_str()));
    [Some(filter_query), lanes_query.as_deref()]
        .into_iter()
        .flatten()
        .filter(|q| !q.is_empty())
        .collect::<Vec<_>>()
        .join("&")
}

/// The details panel's event.
#[derive(Clone, Debug, PartialEq)]
enum DetailsState {
    None,
    Loading(String),
    Loaded(Box<crate::model::Event>),
    Failed(String, String),
}

impl DetailsState {
    fn from(event: Option<crate::model::Event>) -> Self {
        event.map_or(Self::None, |e| Self::Loaded(Box::new(e)))
    }

    /// The id of the event shown or on its way.
    fn id(&self) -> Option<String> {
        match self {
            Self::None => None,
            Self::Loading(id) | Self::Failed(id, _) => Some(id.clone()),
            Self::Loaded(e) => Some(e.id.clone()),
        }
    }
}

/// Lanes this far above or below the window are laid out too, so scrolling finds them drawn.
#[cfg(feature = "hydrate")]
const ROWS_MARGIN_PX: f64 = 150.0;
/// The visible range moves in steps of this many pixels, so scrolling re-lays out rarely.
#[cfg(feature = "hydrate")]
const ROWS_STEP_PX: f64 = 100.0;

/// Measures the canvas's width (from then on positions are written in pixels) and which of its
/// lanes the window shows.
fn measure_canvas(
    body: NodeRef<Div>,
    width: RwSignal<f64>,
    units: RwSignal<Units>,
    rows_in_view: RwSignal<(f64, f64)>,
) {
    if let Some(el) = body.get_untracked() {
        let measured = el.get_bounding_client_rect().width();
        if measured > 0.0 {
            width.set(measured);
            units.set(Units::Pixels);
        }
    }
    measure_rows_in_view(body, rows_in_view);
}

/// Measures which part of the drawing the window shows (with a margin), in steps.
fn measure_rows_in_view(body: NodeRef<Div>, rows_in_view: RwSignal<(f64, f64)>) {
    #[cfg(feature = "hydrate")]
    {
        let Some(el) = body.get_untracked() else {
            return;
        };
        let Some(height) = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
        else {
            return;
        };
        let top = -el.get_bounding_client_rect().top();
        let first = ((top - ROWS_MARGIN_PX) / ROWS_STEP_PX).floor() * ROWS_STEP_PX;
        let last = ((top + height + ROWS_MARGIN_PX) / ROWS_STEP_PX).ceil() * ROWS_STEP_PX;
        if rows_in_view.get_untracked() != (first, last) {
            rows_in_view.set((first, last));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (body, rows_in_view);
}

/// Moves keyboard focus to mark `to`, bringing it into view (and keeping it drawn).
fn go_to(
    to: u32,
    marks: &[crate::model::Mark],
    index: Memo<Shared<TimelineIndex>>,
    viewport: RwSignal<Viewport>,
    focused: RwSignal<Option<u32>>,
) {
    let Some(mark) = marks.get(to as usize) else {
        return;
    };
    let day = index.with_untracked(|ix| {
        ix.0.marks
            .get(to as usize)
            .map_or(0.0, |g| (g.start + g.end.min(g.start + 1.0)) / 2.0)
    });
    focused.set(Some(to));
    viewport.update(|v| {
        let margin = v.span() * 0.05;
        if day < v.start + margin || day > v.end - margin {
            *v = v.pan((day - (v.start + v.end) / 2.0) / v.span());
        }
    });
    let id = mark.id.clone();
    // The mark may only be drawn in the next frame.
    request_animation_frame(move || focus_mark(&id));
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

/// Pointers on the canvas: one pointer drags the view, two pinch-zoom it around their midpoint.
#[derive(Default)]
struct Gesture {
    /// Down pointers: id and latest client x.
    pointers: Vec<(i32, f64)>,
    /// The view and pointer positions when the current gesture began.
    start: Option<(Viewport, Vec<(i32, f64)>)>,
}

/// Movement below this many pixels is a click, not a drag.
const DRAG_THRESHOLD_PX: f64 = 3.0;

impl Gesture {
    fn down(&mut self, id: i32, x: f64, view: Viewport) {
        self.pointers.retain(|(p, _)| *p != id);
        if self.pointers.len() < 2 {
            self.pointers.push((id, x));
        }
        self.start = Some((view, self.pointers.clone()));
    }

    fn up(&mut self, id: i32, view: Viewport) {
        self.pointers.retain(|(p, _)| *p != id);
        // The remaining finger carries on dragging from here.
        self.start = (!self.pointers.is_empty()).then(|| (view, self.pointers.clone()));
    }

    /// The view after pointer `id` moved to `x` (pixels from the canvas's left edge).
    fn moved(&mut self, id: i32, x: f64, width: f64) -> Option<Viewport> {
        self.pointers.iter_mut().find(|(p, _)| *p == id)?.1 = x;
        let (view, start) = self.start.as_ref()?;
        match (start.as_slice(), self.pointers.as_slice()) {
            ([(_, x0)], [(_, x1)]) => {
                let dx = x1 - x0;
                (dx.abs() > DRAG_THRESHOLD_PX).then(|| view.pan(-dx / width))
            }
            ([(a0, xa0), (_, xb0)], [(a1, xa1), (_, xb1)]) => {
                // Pair the pointers by id, in case they were reordered.
                let (xa1, xb1) = if a0 == a1 { (*xa1, *xb1) } else { (*xb1, *xa1) };
                let (d0, d1) = ((xa0 - xb0).abs(), (xa1 - xb1).abs());
                if d0 < 10.0 || d1 < 10.0 {
                    return None;
                }
                let (m0, m1) = ((xa0 + xb0) / 2.0, (xa1 + xb1) / 2.0);
                Some(pinch(*view, m0, d0, m1, d1, width))
            }
            _ => None,
        }
    }
}

/// The view after a pinch: the day under the fingers' first midpoint `m0` stays under their
/// current midpoint `m1`, and the span scales by the change in their distance.
fn pinch(view: Viewport, m0: f64, d0: f64, m1: f64, d1: f64, width: f64) -> Viewport {
    let day = view.day_at(m0, width);
    let zoomed = view.zoom(d0 / d1, day);
    zoomed.pan(-(m1 - m0) / width)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_drags_and_two_pinch() {
        let view = Viewport::new(0.0, 100.0);
        let mut g = Gesture::default();
        g.down(1, 500.0, view);
        // A 2-pixel wobble is still a click.
        assert_eq!(g.moved(1, 502.0, 1000.0), None);
        let dragged = g.moved(1, 600.0, 1000.0).unwrap();
        assert!((dragged.start - -10.0).abs() < 1e-9);

        let mut g = Gesture::default();
        g.down(1, 400.0, view);
        g.down(2, 600.0, view);
        // Fingers twice as far apart: half the span, same centre.
        g.moved(1, 300.0, 1000.0);
        let pinched = g.moved(2, 700.0, 1000.0).unwrap();
        assert!((pinched.span() - 50.0).abs() < 1e-9);
        assert!(((pinched.start + pinched.end) / 2.0 - 50.0).abs() < 1e-9);
        g.up(1, pinched);
        assert_eq!(g.pointers.len(), 1);
    }

    #[test]
    fn pinch_keeps_the_day_under_the_fingers() {
        let view = Viewport::new(1000.0, 2000.0);
        let day = view.day_at(250.0, 1000.0);
        let after = pinch(view, 250.0, 100.0, 300.0, 200.0, 1000.0);
        assert!((after.day_at(300.0, 1000.0) - day).abs() < 1e-6);
        assert!((after.span() - 500.0).abs() < 1e-9);
    }
}
