use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::{format_day, ActorInfo, EventKind, Mark};
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

/// One pooled element: which item it shows (changes when the slot is handed to another item)
/// and how (changes every frame). See [`Pool`].
pub struct Slot<K: 'static, L: 'static> {
    pub key: ArcRwSignal<Option<K>>,
    pub look: ArcRwSignal<Option<L>>,
}

impl<K: 'static, L: 'static> Clone for Slot<K, L> {
    fn clone(&self) -> Self {
        Self {
            key: self.key.clone(),
            look: self.look.clone(),
        }
    }
}

impl<K: Send + Sync + 'static, L: Send + Sync + 'static> Slot<K, L> {
    fn new(key: Option<K>, look: Option<L>) -> Self {
        Self {
            key: ArcRwSignal::new(key),
            look: ArcRwSignal::new(look),
        }
    }
}

/// A mark's element: the event (its index) and where it is drawn.
pub type MarkSlot = Slot<u32, MarkLook>;
/// Mark elements, pooled.
pub type MarkPool = Pool<u32, MarkLook>;
/// A count badge's element: the badge (lane, ordinal) and its look.
pub type ClusterSlot = Slot<(u32, u32), ClusterLook>;
/// Count badge elements, pooled.
pub type ClusterPool = Pool<(u32, u32), ClusterLook>;

/// A mark element: a point for a day, a span for a week, month or year; fuzzy when
/// approximate. It shows whichever event its slot holds (none: hidden), so a zoom step that
/// drops some events and draws others rewrites a few attributes instead of destroying elements
/// and building new ones; its position (`look`) comes from its own signal, so a frame costs
/// each drawn mark one update.
pub fn mark_view(
    slot: MarkSlot,
    marks: Arc<Vec<Mark>>,
    actors: Arc<Vec<ActorInfo>>,
    cx: MarkContext,
) -> impl IntoView {
    let MarkContext {
        selected,
        focused,
        step,
        jump,
    } = cx;
    let Slot { key: mark, look } = slot;
    // Everything about the event shown, read only when the slot changes hands.
    let about = {
        let mark = mark.clone();
        let marks = Arc::clone(&marks);
        move |f: fn(&Mark, &str) -> String| {
            let mark = mark.clone();
            let marks = Arc::clone(&marks);
            let actors = Arc::clone(&actors);
            move || {
                mark.get().and_then(|m| marks.get(m as usize)).map(|m| {
                    let actor = actors.get(m.actor).map_or("", |a| a.name.as_str());
                    f(m, actor)
                })
            }
        }
    };
    let class = about(|m, _| {
        let mut class = String::from("mark");
        class.push_str(if m.kind == EventKind::Statement {
            " statement"
        } else {
            " action"
        });
        if m.when.approximate() {
            class.push_str(" approximate");
        }
        if m.when.open_end() {
            class.push_str(" open-end");
        }
        class
    });
    let shape = about(|m, _| {
        if m.when.is_point() {
            "mark-point".into()
        } else {
            "mark-span".into()
        }
    });
    // A free slot (no look) is hidden by its `hidden` attribute.
    let style = {
        let look = look.clone();
        move || look.with(|s| s.as_ref().map(|l| l.style.clone()).unwrap_or_default())
    };
    let label_left = move || look.with(|s| s.as_ref().is_some_and(|l| l.label_left));
    let current = {
        let mark = mark.clone();
        move || mark.get_untracked()
    };
    let id_of = {
        let marks = Arc::clone(&marks);
        move |m: u32| marks.get(m as usize).map(|m| m.id.clone())
    };
    let pressed = {
        let mark = mark.clone();
        let id_of = id_of.clone();
        move || {
            let id = mark.get().and_then(&id_of);
            selected.with(|s| id.is_some() && *s == id).to_string()
        }
    };
    let hidden = {
        let mark = mark.clone();
        move || mark.with(Option::is_none)
    };
    let on_key = {
        let current = current.clone();
        move |ev: KeyboardEvent| {
            let Some(index) = current() else {
                return;
            };
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
    };
    let on_focus = {
        let current = current.clone();
        move |_| {
            if let Some(index) = current() {
                focused.set(Some(index));
            }
        }
    };
    let on_click = move |_| {
        if let Some(id) = current().and_then(&id_of) {
            selected.set(Some(id));
        }
    };
    view! {
        <button
            type="button"
            class=class
            class:label-left=label_left
            hidden=hidden
            data-event-id=about(|m, _| m.id.clone())
            data-date=about(|m, _| m.when.start.to_string())
            data-actor=about(|_, actor| actor.to_string())
            data-kind=about(|m, _| m.kind.as_str().to_string())
            style=style
            title=about(|m, _| m.when.label())
            aria-label=about(|m, actor| format!("{}: {actor} — {}", m.when.label(), m.summary))
            aria-pressed=pressed
            on:click=on_click
            on:focus=on_focus
            on:keydown=on_key
        >
            <span class=shape></span>
            <span class="mark-label">{about(|m, _| mark_label(&m.summary))}</span>
        </button>
    }
}

/// Which item each pooled element shows: items still drawn keep their element, items no longer
/// drawn free theirs, and newly drawn items take free elements first. Elements never move in the
/// DOM and are not rebuilt as items come and go (badges keyed by lane and ordinal were destroyed
/// and built whenever a lane's number of badges changed: a node, a listener and garbage each);
/// spare free ones at the end are removed, but their slots (signals) stay, so an element built
/// again at the same place reads the same ones.
pub struct Pool<K: 'static, L: 'static> {
    slots: StoredValue<Vec<Slot<K, L>>>,
    /// How many elements the list draws: the slots in use and the spare ones kept.
    elements: RwSignal<usize>,
}

impl<K: 'static, L: 'static> Clone for Pool<K, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static, L: 'static> Copy for Pool<K, L> {}

impl<K, L> Pool<K, L>
where
    K: Copy + Eq + Hash + Send + Sync + 'static,
    L: PartialEq + Send + Sync + 'static,
{
    /// A pool holding `frame`'s items in order (the server's rendering and the hydration that
    /// must match it).
    pub fn new(frame: Vec<(K, L)>) -> Self {
        let slots: Vec<Slot<K, L>> = frame
            .into_iter()
            .map(|(m, look)| Slot::new(Some(m), Some(look)))
            .collect();
        Self {
            elements: RwSignal::new(slots.len()),
            slots: StoredValue::new(slots),
        }
    }

    /// The number of elements to draw (tracked: the list follows it).
    pub fn elements(self) -> usize {
        self.elements.get()
    }

    pub fn slot(self, at: usize) -> Option<Slot<K, L>> {
        self.slots.with_value(|slots| slots.get(at).cloned())
    }

    /// Hands out this frame's items, and sets how many elements they need.
    pub fn sync(self, frame: Vec<(K, L)>) {
        let needed = self
            .slots
            .try_update_value(|slots| {
                let shown: Vec<Option<K>> = slots.iter().map(|s| s.key.get_untracked()).collect();
                let keys: Vec<K> = frame.iter().map(|(m, _)| *m).collect();
                let assigned = assign_slots(&shown, &keys);
                let mut looks: HashMap<K, L> = frame.into_iter().collect();
                let needed = assigned.len();
                // Slots past the elements needed stay, freed: an element the list has not yet
                // removed, or one it builds again later at the same place, still reads the
                // same signals.
                let freed = slots.len().saturating_sub(needed);
                let assigned = assigned.into_iter().chain(std::iter::repeat_n(None, freed));
                for (at, key) in assigned.enumerate() {
                    let look = key.and_then(|m| looks.remove(&m));
                    match slots.get(at) {
                        Some(slot) => {
                            if slot.key.get_untracked() != key {
                                slot.key.set(key);
                            }
                            if slot.look.with_untracked(|l| *l != look) {
                                slot.look.set(look);
                            }
                        }
                        None => slots.push(Slot::new(key, look)),
                    }
                }
                needed
            })
            .unwrap_or(0);
        if self.elements.get_untracked() != needed {
            self.elements.set(needed);
        }
    }
}

/// Free elements kept beyond this many (and beyond the number drawn) are removed from the end.
const SPARE_SLOTS: usize = 256;

/// The item each element shows after a frame that draws `frame`, given what each showed
/// before (`None`: free): see [`Pool`].
pub fn assign_slots<K: Copy + Eq + Hash>(shown: &[Option<K>], frame: &[K]) -> Vec<Option<K>> {
    let drawn: std::collections::HashSet<K> = frame.iter().copied().collect();
    let mut assigned: Vec<Option<K>> = shown
        .iter()
        .map(|m| m.filter(|m| drawn.contains(m)))
        .collect();
    let kept: std::collections::HashSet<K> = assigned.iter().flatten().copied().collect();
    let mut arrivals = frame.iter().copied().filter(|m| !kept.contains(m));
    for slot in assigned.iter_mut().filter(|s| s.is_none()) {
        match arrivals.next() {
            Some(m) => *slot = Some(m),
            None => break,
        }
    }
    assigned.extend(arrivals.map(Some));
    let keep = frame.len() + SPARE_SLOTS;
    while assigned.len() > keep && assigned.last().is_some_and(Option::is_none) {
        assigned.pop();
    }
    assigned
}

/// A count badge for marks too close together to draw; clicking it zooms to them. Pooled like
/// marks: it shows whichever badge its slot holds (none: hidden). Its position and visible count
/// follow every frame; what it says to screen readers and in its tooltip, and its `data-count`,
/// follow the view once it rests (`rested` fires): rewritten every frame of a zoom, those were
/// half the badges' DOM writes.
pub fn cluster_view(
    slot: ClusterSlot,
    viewport: RwSignal<Viewport>,
    rested: Trigger,
) -> impl IntoView {
    let Slot { look: slot, .. } = slot;
    let read = {
        let slot = slot.clone();
        move |f: fn(&ClusterLook) -> String| {
            let slot = slot.clone();
            move || slot.with(|s| s.as_ref().map(f).unwrap_or_default())
        }
    };
    let hidden = {
        let slot = slot.clone();
        move || slot.with(Option::is_none)
    };
    let about = {
        let slot = slot.clone();
        Memo::new(move |_| {
            rested.track();
            slot.with_untracked(|s| {
                s.as_ref()
                    .map(|c| (c.aria(), c.count.to_string()))
                    .unwrap_or_default()
            })
        })
    };
    let aria = move || about.with(|a| a.0.clone());
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
            hidden=hidden
            data-count=move || about.with(|a| a.1.clone())
            style=read(|c| c.style.clone())
            aria-label=aria
            title=aria
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
    /// The axis range of its marks.
    pub days: (f64, f64),
}

impl ClusterLook {
    pub fn of(c: &Cluster, width: f64, units: Units) -> Self {
        Self {
            style: cluster_style(c, width, units),
            count: c.count,
            days: (c.day_start, c.day_end),
        }
    }

    /// What it says to a screen reader.
    pub fn aria(&self) -> String {
        format!(
            "{} more events, {} – {}: zoom in to see them",
            self.count,
            format_day(date_of(self.days.0)),
            format_day(date_of(self.days.1 - 1.0))
        )
    }
}

/// One signal per drawn badge or tick, by key. A frame updates each drawn item's signal, so the
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

/// The order a keyed list hands its items to `<For>`, kept from frame to frame so that the DOM
/// never moves a node: positions are absolute, so order only decides what the list's diff does.
/// Leptos's keyed diff moves a node whenever items before it were added and removed in the same
/// frame; sorted by time, a zoom step moved a third of the drawn marks (detached and re-inserted,
/// so restyled, laid out and repainted from scratch, and blurred if focused). Here items still
/// drawn keep their places, new ones take the places of those gone, in order, and the rest go
/// at the end. The first frame (server and hydration alike) keeps `current`'s order.
pub struct StableOrder<K>(StoredValue<Vec<K>>);

impl<K: 'static> Clone for StableOrder<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static> Copy for StableOrder<K> {}

impl<K> StableOrder<K>
where
    K: Eq + Hash + Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Self(StoredValue::new(Vec::new()))
    }

    /// This frame's order for the items in `current`.
    pub fn next(self, current: Vec<K>) -> Vec<K> {
        let order = self
            .0
            .with_value(|previous| stable_order(previous, current));
        self.0.set_value(order.clone());
        order
    }
}

/// `current` ordered like `previous`: see [`StableOrder`].
pub fn stable_order<K: Eq + Hash + Clone>(previous: &[K], current: Vec<K>) -> Vec<K> {
    if previous.is_empty() {
        return current;
    }
    let now: std::collections::HashSet<&K> = current.iter().collect();
    let before: std::collections::HashSet<&K> = previous.iter().collect();
    let mut arrivals = current.iter().filter(|k| !before.contains(k));
    let mut order = Vec::with_capacity(current.len());
    for k in previous {
        if now.contains(k) {
            order.push(k.clone());
        } else if let Some(new) = arrivals.next() {
            order.push(new.clone());
        }
    }
    order.extend(arrivals.cloned());
    order
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

#[cfg(test)]
mod tests {
    use super::*;

    /// How many nodes a keyed list diff moves in the DOM going from `from` to `to`, by the rule
    /// of Leptos 0.8's `<For>` (tachys `keyed::diff`): scanning both lists by index, an item
    /// still present moves unless its shift equals the adds minus the removes seen so far.
    fn dom_moves(from: &[u32], to: &[u32]) -> usize {
        let (mut added, mut removed, mut moves) = (0i64, 0i64, 0);
        for i in 0..from.len().max(to.len()) {
            let (f, t) = (from.get(i), to.get(i));
            if f == t {
                continue;
            }
            if f.is_some_and(|f| !to.contains(f)) {
                removed += 1;
            }
            if t.is_some_and(|t| !from.contains(t)) {
                added += 1;
            }
            if let Some(j) = f.and_then(|f| to.iter().position(|t| t == f)) {
                if j as i64 - i as i64 != added - removed {
                    moves += 1;
                }
            }
        }
        moves
    }

    #[test]
    fn drawn_events_keep_their_elements_and_new_ones_take_free_ones() {
        let shown = [Some(1), Some(2), None, Some(3), Some(4)];
        // 2 and 4 are no longer drawn; 5, 6 and 7 are new.
        let assigned = assign_slots(&shown, &[1, 3, 5, 6, 7]);
        assert_eq!(assigned, vec![Some(1), Some(5), Some(6), Some(3), Some(7)]);
        // Fewer drawn: elements stay, free, rather than being removed.
        let fewer = assign_slots(&assigned, &[3]);
        assert_eq!(fewer, vec![None, None, None, Some(3), None]);
        // The first frame takes the marks in order.
        assert_eq!(assign_slots(&[], &[4, 2]), vec![Some(4), Some(2)]);
        // Far more free elements than needed: the free ones at the end go.
        let many: Vec<Option<u32>> = (0..1000).map(Some).collect();
        let trimmed = assign_slots(&many, &[0, 900]);
        assert_eq!(trimmed.len(), 901);
        assert_eq!((trimmed[0], trimmed[900]), (Some(0), Some(900)));
        let trimmed = assign_slots(&many, &[0]);
        assert_eq!(trimmed.len(), 1 + SPARE_SLOTS);
    }

    #[test]
    fn every_drawn_event_has_exactly_one_element() {
        let mut shown: Vec<Option<u32>> = Vec::new();
        let mut seed = 12345_u32;
        for _ in 0..200 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let frame: Vec<u32> = (0..100).filter(|i| (seed >> (i % 23)) & 1 == 1).collect();
            let next = assign_slots(&shown, &frame);
            let mut drawn: Vec<u32> = next.iter().flatten().copied().collect();
            drawn.sort_unstable();
            assert_eq!(drawn, frame);
            // An event drawn before and now keeps its element.
            for (at, m) in shown.iter().enumerate() {
                if let Some(m) = m.filter(|m| frame.contains(m)) {
                    assert_eq!(next[at], Some(m));
                }
            }
            shown = next;
        }
    }

    #[test]
    fn kept_items_keep_their_places_and_new_ones_fill_the_gaps() {
        let previous = [1, 2, 3, 4, 5, 6];
        let order = stable_order(&previous, vec![0, 2, 3, 5, 7, 8, 9]);
        // 1, 4 and 6 left; 0, 7 and 8 take their places; 9 goes at the end.
        assert_eq!(order, vec![0, 2, 3, 7, 5, 8, 9]);
        assert_eq!(stable_order(&[], vec![3, 1, 2]), vec![3, 1, 2]);
        assert_eq!(stable_order(&previous, vec![]), Vec::<u32>::new());
        assert_eq!(
            stable_order(&previous, previous.to_vec()),
            previous.to_vec()
        );
    }

    #[test]
    fn a_zoom_step_moves_no_node() {
        // Frames of a zoom: each drops some marks and draws others in between.
        let frames: [&[u32]; 4] = [
            &[10, 20, 30, 40, 50, 60, 70, 80],
            &[10, 15, 30, 35, 50, 60, 65, 80, 85],
            &[5, 15, 30, 35, 45, 60, 65],
            &[5, 12, 15, 30, 33, 35, 45, 60, 61, 62, 65],
        ];
        let (mut sorted_moves, mut stable_moves) = (0, 0);
        let mut previous: Vec<u32> = frames[0].to_vec();
        for pair in frames.windows(2) {
            sorted_moves += dom_moves(pair[0], pair[1]);
            let next = stable_order(&previous, pair[1].to_vec());
            stable_moves += dom_moves(&previous, &next);
            let mut drawn = next.clone();
            drawn.sort_unstable();
            assert_eq!(drawn, pair[1], "every item of the frame, once");
            previous = next;
        }
        assert!(sorted_moves > 0, "time order makes the diff move nodes");
        assert_eq!(stable_moves, 0);
    }

    #[test]
    fn random_frames_move_no_node() {
        // A small xorshift: each frame keeps a random part of the last and draws new items.
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let mut previous: Vec<u32> = (0..40).collect();
        let mut fresh = 1000;
        for _ in 0..300 {
            let mut frame: Vec<u32> = previous
                .iter()
                .copied()
                .filter(|_| next() % 4 != 0)
                .collect();
            for _ in 0..next() % 15 {
                frame.push(fresh);
                fresh += 1;
            }
            let mut keyed: Vec<(u32, u32)> = frame.into_iter().map(|m| (next(), m)).collect();
            keyed.sort_unstable();
            let frame: Vec<u32> = keyed.into_iter().map(|(_, m)| m).collect();
            let order = stable_order(&previous, frame.clone());
            assert_eq!(dom_moves(&previous, &order), 0, "{previous:?} -> {order:?}");
            let (mut a, mut b) = (order.clone(), frame);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
            previous = order;
        }
    }
}
