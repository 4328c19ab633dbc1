use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::{format_day, EventKind, Mark};
use crate::timeline::geom::{
    date_of, mark_label, Cluster, Placement, TimelineLayout, Viewport, CLUSTER_STRIP_HEIGHT,
};

/// What a mark needs from the timeline around it.
#[derive(Clone, Copy)]
pub struct MarkContext {
    pub layout: Memo<TimelineLayout>,
    pub selected: RwSignal<Option<String>>,
    /// The mark that has keyboard focus: always drawn, so focus is never lost to a cluster.
    pub focused: RwSignal<Option<u32>>,
    /// ← / → from a mark: move to the previous (`false`) or next (`true`) event in time.
    pub step: Callback<(u32, bool)>,
    /// Home / End from a mark: the first (`false`) or last (`true`) event.
    pub jump: Callback<bool>,
}

/// One event's mark: a point for a day, a span for a week, month or year; fuzzy when approximate.
/// Only its position is reactive, so a frame of zooming only rewrites styles.
pub fn mark_view(index: u32, mark: &Mark, actor: &str, cx: MarkContext) -> impl IntoView {
    let MarkContext {
        layout,
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
    let label = mark_label(&mark.summary);
    let date = mark.when.label();
    let aria = format!("{date}: {actor} — {}", mark.summary);
    let placed = move |f: fn(&Placement, f64) -> String| {
        move || {
            layout.with(|l| {
                l.placement(index)
                    .map_or_else(|| "display:none".to_string(), |p| f(p, l.width))
            })
        }
    };
    let style = placed(mark_style);
    let shape = placed(|p, _| {
        if p.is_point {
            "mark-point".to_string()
        } else {
            "mark-span".to_string()
        }
    });
    let label_left = move || layout.with(|l| l.placement(index).is_some_and(|p| p.label_left));
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

/// A count badge for marks too close together to draw; clicking it zooms to them.
pub fn cluster_view(
    lane: u32,
    first: u32,
    layout: Memo<TimelineLayout>,
    viewport: RwSignal<Viewport>,
) -> impl IntoView {
    let current = move || layout.with(|l| l.cluster(lane, first).copied());
    let style = move || {
        current().map_or_else(
            || "display:none".to_string(),
            |c| {
                let width = layout.with(|l| l.width);
                cluster_style(&c, width)
            },
        )
    };
    let count = move || current().map_or(0, |c| c.count);
    let aria = move || {
        current().map_or_else(String::new, |c| {
            format!(
                "{} more events, {} – {}: zoom in to see them",
                c.count,
                format_day(date_of(c.day_start)),
                format_day(date_of(c.day_end - 1.0))
            )
        })
    };
    let zoom_to = move |_| {
        if let Some(c) = current() {
            let margin = ((c.day_end - c.day_start) * 0.1).max(1.0);
            viewport.set(Viewport::new(c.day_start - margin, c.day_end + margin));
        }
    };
    view! {
        <button
            type="button"
            class="cluster"
            data-count=move || count().to_string()
            style=style
            aria-label=aria
            title=aria
            on:click=zoom_to
        >
            {move || format!("+{}", count())}
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

fn cluster_style(c: &Cluster, width: f64) -> String {
    format!(
        "left:{:.3}%;width:{:.3}%;top:{}px;height:{}px",
        percent(c.x_start, width),
        percent(c.x_end - c.x_start - 2.0, width),
        c.y + 2.0,
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
