use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::{format_day, EventKind, Mark};
use crate::timeline::geom::{
    date_of, mark_label, Cluster, Placement, Viewport, CLUSTER_STRIP_HEIGHT,
};

/// What a mark needs from the timeline around it.
#[derive(Clone, Copy)]
pub struct MarkContext {
    pub selected: RwSignal<Option<String>>,
    /// The mark that has keyboard focus: always drawn, so focus is never lost to a cluster.
    pub focused: RwSignal<Option<u32>>,
    /// ← / → from a mark: move to the previous (`false`) or next (`true`) event in time.
    pub step: Callback<(u32, bool)>,
    /// Home / End from a mark: the first (`false`) or last (`true`) event.
    pub jump: Callback<bool>,
}

/// One event's mark: a point for a day, a span for a week, month or year; fuzzy when approximate.
/// Only its look (`slot`: position style and label side) changes while zooming, and it reads
/// that from its own signal, so a frame costs each mark one update.
pub fn mark_view(
    index: u32,
    mark: &Mark,
    actor: &str,
    cx: MarkContext,
    slot: ArcRwSignal<Option<MarkLook>>,
) -> impl IntoView {
    let MarkContext {
        selected,
        focused,
        step,
        jump,
    } = cx;
    let id = mark.id.clone();
    let select_id = id.clone();
    let pressed_id = id.clone();
    let mut class = String::from("mark");
    class.push_str(if mark.kind == EventKind::Statement {
        " statement"
    } else {
        " action"
    });
    if mark.when.approximate() {
        class.push_str(" approximate");
    }
    if mark.when.open_end() {
        class.push_str(" open-end");
    }
    let shape = if mark.when.is_point() {
        "mark-point"
    } else {
        "mark-span"
    };
    let label = mark_label(&mark.summary);
    let date = mark.when.label();
    let aria = format!("{date}: {actor} — {}", mark.summary);
    let style = {
        let slot = slot.clone();
        move || {
            slot.with(|s| {
                s.as_ref()
                    .map_or_else(|| "display:none".to_string(), |l| l.style.clone())
            })
        }
    };
    let label_left = move || slot.with(|s| s.as_ref().is_some_and(|l| l.label_left));
    view! {
        <button
            type="button"
            class=class
            class:label-left=label_left
            data-event-id=id
            data-date=mark.when.start.to_string()
            data-actor=actor.to_string()
            data-kind=mark.kind.as_str()
            style=style
            title=date
            aria-label=aria
            aria-pressed=move || selected.with(|s| (s.as_deref() == Some(pressed_id.as_str())).to_string())
            on:click=move |_| selected.set(Some(select_id.clone()))
            on:focus=move |_| focused.set(Some(index))
            on:keydown=move |ev: KeyboardEvent| {
                match ev.key().as_str() {
                    "ArrowRight" => step.run((index, true)),
                    "ArrowLeft" => step.run((index, false)),
                    "Home" => jump.run(false),
                    "End" => jump.run(true),
                    "Escape" => selected.set(None),
                    _ => return,
                }
                // The canvas would pan on arrows; here they move between events instead.
                ev.prevent_default();
                ev.stop_propagation();
            }
        >
            <span class=shape></span>
            <span class="mark-label">{label}</span>
        </button>
    }
}

/// A count badge for marks too close together to draw; clicking it zooms to them. Like a mark,
/// it reads its look from its own signal.
pub fn cluster_view(
    slot: ArcRwSignal<Option<ClusterLook>>,
    viewport: RwSignal<Viewport>,
) -> impl IntoView {
    let read = {
        let slot = slot.clone();
        move |f: fn(&ClusterLook) -> String| {
            let slot = slot.clone();
            move || slot.with(|s| s.as_ref().map(f).unwrap_or_default())
        }
    };
    let zoom_to = {
        let slot = slot.clone();
        move |_| {
            if let Some((start, end)) = slot.with_untracked(|s| s.as_ref().map(|c| c.days)) {
                let margin = ((end - start) * 0.1).max(1.0);
                viewport.set(Viewport::new(start - margin, end + margin));
            }
        }
    };
    view! {
        <button
            type="button"
            class="cluster"
            data-count=read(|c| c.count.to_string())
            style=read(|c| c.style.clone())
            aria-label=read(|c| c.aria.clone())
            title=read(|c| c.aria.clone())
            on:click=zoom_to
        >
            {read(|c| format!("+{}", c.count))}
        </button>
    }
}

/// What a mark shows in one frame.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkLook {
    pub style: String,
    pub label_left: bool,
}

impl MarkLook {
    pub fn of(p: &Placement, width: f64, units: Units) -> Self {
        Self {
            style: mark_style(p, width, units),
            label_left: p.label_left,
        }
    }
}

/// What a count badge shows in one frame.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterLook {
    pub style: String,
    pub count: usize,
    pub aria: String,
    /// The axis range of its marks.
    pub days: (f64, f64),
}

impl ClusterLook {
    pub fn of(c: &Cluster, width: f64, units: Units) -> Self {
        Self {
            style: cluster_style(c, width, units),
            count: c.count,
            aria: format!(
                "{} more events, {} – {}: zoom in to see them",
                c.count,
                format_day(date_of(c.day_start)),
                format_day(date_of(c.day_end - 1.0))
            ),
            days: (c.day_start, c.day_end),
        }
    }
}

/// One signal per drawn mark or badge, by key. A frame updates each drawn item's signal, so the
/// frame's layout has a handful of subscribers rather than one per item (the reactive graph's
/// bookkeeping grows with the square of a source's subscribers).
pub struct Slots<K: 'static, V: 'static>(StoredValue<HashMap<K, ArcRwSignal<Option<V>>>>);

impl<K: 'static, V: 'static> Clone for Slots<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static, V: 'static> Copy for Slots<K, V> {}

impl<K, V> Slots<K, V>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
    V: PartialEq + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Self(StoredValue::new(HashMap::new()))
    }

    /// A new item's signal, starting at `look`; it leaves the set when the item is dropped.
    pub fn slot(self, key: K, look: Option<V>) -> ArcRwSignal<Option<V>> {
        let signal = ArcRwSignal::new(look);
        let stored = signal.clone();
        let entry = key.clone();
        self.0.update_value(|m| {
            m.insert(entry, stored);
        });
        on_cleanup(move || {
            self.0.update_value(|m| {
                m.remove(&key);
            })
        });
        signal
    }

    /// Gives each live item its look for this frame; unchanged looks notify nobody.
    pub fn sync(self, looks: impl Iterator<Item = (K, V)>) {
        self.0.with_value(|m| {
            for (key, look) in looks {
                if let Some(signal) = m.get(&key) {
                    if signal.with_untracked(|current| current.as_ref() != Some(&look)) {
                        signal.set(Some(look));
                    }
                }
            }
        });
    }
}

/// How positions are written. The server (and the hydration pass that must match it) writes
/// percentages of the width, right at any width without JavaScript; once the browser has measured
/// the width, pixels in a `transform`, which the compositor moves without repainting the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Percent,
    Pixels,
}

/// Where something sits: `left`/`top` in percent, or a `translate` in pixels.
pub fn position(x: f64, y: f64, width: f64, units: Units) -> String {
    match units {
        Units::Percent => format!("left:{:.3}%;top:{y}px", percent(x, width)),
        Units::Pixels => format!("transform:translate({x:.1}px,{y}px)"),
    }
}

/// A length along the axis in the same units.
fn length(px: f64, width: f64, units: Units) -> String {
    match units {
        Units::Percent => format!("{:.3}%", percent(px, width)),
        Units::Pixels => format!("{px:.1}px"),
    }
}

fn mark_style(p: &Placement, width: f64, units: Units) -> String {
    let at = position(p.x_start, p.y, width, units);
    if p.is_point {
        at
    } else {
        let span = length((p.x_end - p.x_start).max(2.0), width, units);
        // The label's shift is in pixels of the drawing as laid out (its assumed width before
        // the browser measures).
        let shift = if p.label_shift > 0.0 {
            format!(";--shift:{:.1}px", p.label_shift)
        } else {
            String::new()
        };
        format!("{at};--span:{span}{shift}")
    }
}

fn cluster_style(c: &Cluster, width: f64, units: Units) -> String {
    format!(
        "{};width:{};height:{}px",
        position(c.x_start, c.y + 2.0, width, units),
        length(c.x_end - c.x_start - 2.0, width, units),
        CLUSTER_STRIP_HEIGHT - 4.0
    )
}

/// Screen x as a percentage of the width, so server-rendered marks sit right at any width.
pub fn percent(x: f64, width: f64) -> f64 {
    x / width.max(1.0) * 100.0
}

/// Marks by id, for the URL's `event=`.
pub fn index_of_ids(marks: &[Mark]) -> Arc<std::collections::HashMap<String, u32>> {
    Arc::new(
        marks
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i as u32))
            .collect(),
    )
}
