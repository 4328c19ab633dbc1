use std::collections::HashMap;

use super::scale::{day_number, Viewport};
use super::ticks::{ticks, Tick};
use crate::model::{format_day, ActorInfo, DocumentSummary, EventKind, Mark};

/// Height of one row of marks, in pixels.
pub const ROW_HEIGHT: f64 = 30.0;
/// Height of the axis band at the top, in pixels.
pub const AXIS_HEIGHT: f64 = 28.0;
/// Height of a lane's header line (actor and role), in pixels.
pub const LANE_HEADER_HEIGHT: f64 = 20.0;
/// Height of the strip under a lane's rows where count badges stand for marks that do not fit.
pub const CLUSTER_STRIP_HEIGHT: f64 = 22.0;
/// Estimated width of one label character, in pixels (labels are 13px sans-serif).
pub const LABEL_CHAR_PX: f64 = 7.0;
/// A label's chip beyond its text: the gap after the mark (4 px) and the chip's padding (6 px).
/// With 6.6 px a character and no chip, 6 of 65 labels in a 10,000-event view ran into the
/// next mark in their row; with 7.0 and the chip, none (Chromium here measures 6.4-7.8 px a
/// character, chip included).
const LABEL_CHIP_PX: f64 = 10.0;
/// At most this many rows per lane; marks that would need more become count badges.
pub const MAX_ROWS: usize = 3;
/// A count badge's narrowest width, in pixels.
pub const CLUSTER_MIN_PX: f64 = 34.0;
/// Labels longer than this many characters are cut with an ellipsis.
const LABEL_MAX_CHARS: usize = 36;
/// Space kept between two marks in one row.
const ROW_GAP_PX: f64 = 10.0;
/// A point mark's drawn width.
pub const POINT_PX: f64 = 14.0;
/// How far past the view's edges a span is drawn (the rest is cut, out of sight).
pub const SPAN_OVERHANG_PX: f64 = 16.0;
/// Space between a mark and a label drawn on its left.
const LABEL_GAP_PX: f64 = 4.0;
/// A count badge gathers the crowded marks that start within this many pixels of its left edge.
pub const CLUSTER_SPAN_PX: f64 = 140.0;

/// What the timeline's lanes group events by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneBy {
    /// One lane per actor (canonical name), headed by the actor's role.
    #[default]
    Actor,
    /// One lane per source document, headed by its publication date.
    Document,
    /// Statements and actions.
    Kind,
}

impl LaneBy {
    /// The name used in URLs (`lanes=document`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Document => "document",
            Self::Kind => "kind",
        }
    }

    /// Parses [`Self::as_str`]'s names; anything else groups by actor.
    pub fn parse(name: &str) -> Self {
        match name {
            "document" => Self::Document,
            "kind" => Self::Kind,
            _ => Self::Actor,
        }
    }

    /// The lane a mark belongs to and the lane's subtitle.
    fn lane_of(
        self,
        mark: &Mark,
        actors: &[ActorInfo],
        documents: &HashMap<i64, &DocumentSummary>,
    ) -> (String, Option<String>) {
        match self {
            Self::Actor => actors.get(mark.actor).map_or_else(
                || ("Unknown".to_string(), None),
                |a| (a.name.clone(), a.role.clone()),
            ),
            Self::Document => {
                let doc = mark.document_id.and_then(|id| documents.get(&id));
                let title = doc.map_or_else(
                    || {
                        mark.document_id.map_or_else(
                            || "Unknown document".to_string(),
                            |id| format!("Document {id}"),
                        )
                    },
                    |d| d.title.clone(),
                );
                (title, doc.and_then(|d| d.published).map(format_day))
            }
            Self::Kind => {
                let name = if mark.kind == EventKind::Statement {
                    "Statements"
                } else {
                    "Actions"
                };
                (name.to_string(), None)
            }
        }
    }
}

/// Estimated width of a label, in pixels.
pub fn label_px(label: &str) -> f64 {
    label.chars().count() as f64 * LABEL_CHAR_PX + LABEL_CHIP_PX
}

/// The label drawn beside a mark: the summary, cut to fit.
pub fn mark_label(summary: &str) -> String {
    cut(summary, LABEL_MAX_CHARS)
}

fn cut(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max_chars - 1).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Every lane, for [`layout`]'s vertical range.
pub const ALL_ROWS: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);

/// What never changes while the user zooms and pans: each mark's extent in days and its label,
/// the lanes with their marks sorted by start, and every mark's place in time order. Built once
/// per set of marks, lane grouping and width; [`layout`] then runs per frame on top of it.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineIndex {
    pub marks: Vec<MarkGeom>,
    pub lanes: Vec<Lane>,
    /// Marks in time order (start, end, id).
    pub order: Vec<u32>,
    /// For each mark, its position in [`Self::order`].
    pub rank: Vec<u32>,
    /// Height of the whole drawing, axis included, in pixels.
    pub height: f64,
}

/// One mark's fixed geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkGeom {
    /// Axis coordinates of the first day and just after the last day.
    pub start: f64,
    pub end: f64,
    pub is_point: bool,
    pub lane: u32,
    /// The label, cut to fit, and its estimated width in pixels.
    pub label: String,
    pub label_px: f64,
    /// Its place in the lane's drawing order (see [`Lane::by_priority`]).
    pub priority: u32,
    /// Its place in the lane's `items`.
    pub lane_pos: u32,
}

/// One band of rows: an actor's, a document's or a kind's.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The lane's name: the actor's canonical name, the document's title or the kind.
    pub key: String,
    /// Shown beside the name: the actor's role or the document's date.
    pub subtitle: Option<String>,
    /// The lane's marks, sorted by start.
    pub items: Vec<u32>,
    /// The same marks in the order they claim rows: the bit-reversed order of `items`, so any
    /// first stretch of it is spread evenly over time. A mark that has a row at one zoom keeps
    /// it when zooming in or panning (its neighbours only move apart or off-screen), so marks
    /// stay put while the user explores instead of being swapped for others every frame.
    pub by_priority: Vec<u32>,
    /// Rows of marks: as many as the fitted view needs, at most [`MAX_ROWS`]. Zooming in only
    /// spreads marks apart, so the lane's height never changes while exploring.
    pub rows: usize,
    /// Whether the lane has a strip of count badges (it has more marks than rows).
    pub has_strip: bool,
    /// The longest mark in days plus the widest label, so a sweep from the left edge finds every
    /// mark that reaches into view.
    longest_days: f64,
    widest_px: f64,
    /// Top of the lane's header, in pixels from the top of the drawing.
    pub y: f64,
    /// Header, rows and strip, in pixels.
    pub height: f64,
}

impl Lane {
    /// Top of a row, in pixels from the top of the drawing.
    pub fn row_y(&self, row: usize) -> f64 {
        self.y + LANE_HEADER_HEIGHT + row as f64 * ROW_HEIGHT
    }

    /// Top of the badge strip.
    pub fn strip_y(&self) -> f64 {
        self.row_y(self.rows)
    }
}

/// Where one mark is drawn in one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Index into the marks given to [`TimelineIndex::new`].
    pub mark: u32,
    pub lane: u32,
    /// Row within the lane.
    pub row: u32,
    /// Top of the mark's row, in pixels from the top of the drawing.
    pub y: f64,
    /// Screen x of the date's start and (exclusive) end; may lie off-screen, a span by at most
    /// `SPAN_OVERHANG_PX` either side (it is drawn cut there, out of sight).
    pub x_start: f64,
    pub x_end: f64,
    pub is_point: bool,
    /// The label sits left of the mark because it would run past the right edge.
    pub label_left: bool,
    /// How far right of the mark's start its label sits, in pixels: a span that starts left of
    /// the view keeps its label at the view's edge.
    pub label_shift: f64,
}

/// Marks that would overlap the rows' marks, drawn as one count badge that zooming in expands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cluster {
    pub lane: u32,
    /// Its place among the lane's badges, left to right: names the badge across frames, so a
    /// view reuses a badge's element while zooming instead of replacing it.
    pub ordinal: u32,
    /// The earliest mark in it (by start).
    pub first: u32,
    pub count: usize,
    /// Top of the badge strip.
    pub y: f64,
    pub x_start: f64,
    pub x_end: f64,
    /// Axis coordinates covering every mark in it: where "zoom to these" goes.
    pub day_start: f64,
    pub day_end: f64,
}

/// One frame: ticks, and only the marks and badges in view.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub view: Viewport,
    pub width: f64,
    pub ticks: Vec<Tick>,
    /// Sorted by mark, for [`Self::placement`].
    pub placements: Vec<Placement>,
    /// Sorted by (lane, ordinal), for [`Self::cluster`].
    pub clusters: Vec<Cluster>,
}

impl TimelineLayout {
    /// Where a mark is drawn in this frame, if it is drawn at all.
    pub fn placement(&self, mark: u32) -> Option<&Placement> {
        self.placements
            .binary_search_by_key(&mark, |p| p.mark)
            .ok()
            .map(|i| &self.placements[i])
    }

    /// The badge named by its lane and ordinal, if it is drawn in this frame.
    pub fn cluster(&self, lane: u32, ordinal: u32) -> Option<&Cluster> {
        self.clusters
            .binary_search_by_key(&(lane, ordinal), |c| (c.lane, c.ordinal))
            .ok()
            .map(|i| &self.clusters[i])
    }
}

impl TimelineIndex {
    /// Groups `marks` into lanes (ordered by each lane's first mark) and sizes each lane's rows
    /// for the `fit` view at `width` pixels.
    pub fn new(
        marks: &[Mark],
        actors: &[ActorInfo],
        documents: &[DocumentSummary],
        by: LaneBy,
        fit: Viewport,
        width: f64,
    ) -> Self {
        let mut order: Vec<u32> = (0..marks.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (ma, mb) = (&marks[a as usize], &marks[b as usize]);
            (ma.when.start, ma.when.end, &ma.id).cmp(&(mb.when.start, mb.when.end, &mb.id))
        });
        let mut rank = vec![0; marks.len()];
        for (r, &m) in order.iter().enumerate() {
            rank[m as usize] = r as u32;
        }
        let documents: HashMap<i64, &DocumentSummary> =
            documents.iter().map(|d| (d.id, d)).collect();
        let mut lane_of: HashMap<String, u32> = HashMap::new();
        let mut lanes: Vec<Lane> = Vec::new();
        let mut geoms: Vec<Option<MarkGeom>> = vec![None; marks.len()];
        for &m in &order {
            let mark = &marks[m as usize];
            let (key, subtitle) = by.lane_of(mark, actors, &documents);
            let lane = *lane_of.entry(key.clone()).or_insert_with(|| {
                lanes.push(Lane {
                    key,
                    subtitle: subtitle.clone(),
                    items: Vec::new(),
                    by_priority: Vec::new(),
                    rows: 1,
                    has_strip: false,
                    longest_days: 0.0,
                    widest_px: 0.0,
                    y: 0.0,
                    height: 0.0,
                });
                (lanes.len() - 1) as u32
            });
            let l = &mut lanes[lane as usize];
            if l.subtitle.is_none() {
                l.subtitle = subtitle;
            }
            let start = day_number(mark.when.start);
            let end = day_number(mark.when.end) + 1.0;
            let label = mark_label(&mark.summary);
            let label_px = label_px(&label);
            let lane_pos = l.items.len() as u32;
            l.items.push(m);
            l.longest_days = l.longest_days.max(end - start);
            l.widest_px = l.widest_px.max(label_px);
            geoms[m as usize] = Some(MarkGeom {
                start,
                end,
                is_point: mark.when.is_point(),
                lane,
                label,
                label_px,
                priority: 0,
                lane_pos,
            });
        }
        let mut marks: Vec<MarkGeom> = geoms.into_iter().flatten().collect();
        for l in &mut lanes {
            let bits = usize::BITS - l.items.len().saturating_sub(1).leading_zeros();
            let mut ranked: Vec<(u32, u32)> = l
                .items
                .iter()
                .enumerate()
                .map(|(i, &m)| (bit_reverse(i as u32, bits), m))
                .collect();
            ranked.sort_unstable();
            for (priority, &(_, m)) in ranked.iter().enumerate() {
                marks[m as usize].priority = priority as u32;
            }
            l.by_priority = ranked.into_iter().map(|(_, m)| m).collect();
        }
        let mut index = Self {
            marks,
            lanes,
            order,
            rank,
            height: 0.0,
        };
        let mut y = AXIS_HEIGHT;
        for lane in 0..index.lanes.len() {
            let mut sweep = Sweep::new(MAX_ROWS);
            index.sweep_lane(lane, fit, width, None, None, &mut sweep);
            let l = &mut index.lanes[lane];
            l.rows = sweep.rows_used.max(1);
            l.has_strip = l.items.len() > l.rows;
            l.y = y;
            l.height = LANE_HEADER_HEIGHT
                + l.rows as f64 * ROW_HEIGHT
                + if l.has_strip {
                    CLUSTER_STRIP_HEIGHT
                } else {
                    0.0
                };
            y += l.height;
        }
        index.height = y + 8.0;
        index
    }

    /// The marks just before and after `mark` in time, if any.
    pub fn neighbours(&self, mark: u32) -> (Option<u32>, Option<u32>) {
        let Some(&rank) = self.rank.get(mark as usize) else {
            return (None, None);
        };
        let rank = rank as usize;
        let prev = rank.checked_sub(1).map(|r| self.order[r]);
        let next = self.order.get(rank + 1).copied();
        (prev, next)
    }

    /// Stacks one lane's marks that reach into `view` into its rows: in priority order, each
    /// takes the first row where it overlaps nothing. Marks that fit no row gather into badges,
    /// left to right. `pinned` (the focused or selected mark) always gets a row.
    fn sweep_lane(
        &self,
        lane: usize,
        view: Viewport,
        width: f64,
        pinned: Option<u32>,
        previous: Option<&TimelineLayout>,
        sweep: &mut Sweep,
    ) {
        let l = &self.lanes[lane];
        let px_per_day = width / view.span().max(f64::EPSILON);
        // Everything that starts this far left of the view may still reach into it.
        let reach = l.longest_days + (POINT_PX + l.widest_px) / px_per_day;
        let from = l
            .items
            .partition_point(|&m| self.marks[m as usize].start < view.start - reach);
        for &m in &l.items[from..] {
            let g = &self.marks[m as usize];
            if g.start > view.end {
                break;
            }
            let x_start = view.x(g.start, width);
            let x_end = view.x(g.end, width);
            let mark_end = if g.is_point {
                x_start + POINT_PX
            } else {
                x_end
            };
            // A label runs left of its mark when it would run past the right edge. A mark drawn
            // in the previous frame keeps its label's side while it can, so that labels do not
            // jump sides (and shove their neighbours out) mid-gesture.
            let before = previous.and_then(|p| p.placement(m));
            let fits_left = x_start - g.label_px >= 0.0;
            let label_left = match before {
                Some(b) => b.label_left && fits_left,
                None => x_start + POINT_PX + g.label_px > width && fits_left,
            };
            // A span that starts left of the view keeps its label in sight at the left edge.
            let label_shift = if g.is_point || label_left {
                0.0
            } else {
                (-x_start).clamp(0.0, (x_end - x_start).max(0.0))
            };
            let (left, right) = if label_left {
                (x_start - g.label_px - LABEL_GAP_PX, mark_end)
            } else {
                let label_end = x_start + label_shift + POINT_PX + g.label_px;
                (x_start, mark_end.max(label_end))
            };
            // A mark that ends left of the view is not drawn, even where its label would reach
            // into it: a label with no mark beside it belongs to nothing on screen.
            if mark_end <= 0.0 {
                continue;
            }
            // A span is drawn only a little past either edge, where the canvas clips it: years
            // at an hour's zoom would be millions of pixels wide, and the browser rasterises
            // (dashed outlines above all) along the whole length. Cut at one view width past
            // each edge, spans still took half the raster time of a 10k zoom.
            let (drawn_start, drawn_end) = if g.is_point {
                (x_start, x_end)
            } else {
                let start = x_start.max(-SPAN_OVERHANG_PX);
                (start, x_end.min(width + SPAN_OVERHANG_PX).max(start))
            };
            let placement = Placement {
                mark: m,
                lane: lane as u32,
                row: 0,
                y: 0.0,
                x_start: drawn_start,
                x_end: drawn_end,
                is_point: g.is_point,
                label_left,
                label_shift: (label_shift - (drawn_start - x_start)).max(0.0),
            };
            let kept = before
                .map(|p| p.row as usize)
                .filter(|&r| r < sweep.max_rows);
            sweep.candidates.push(Candidate {
                placement,
                left,
                right,
                kept,
                row: None,
            });
        }
        // Who claims rows first: the pinned mark, then the rest by priority. When most of the
        // lane is in view, walking its priority order beats sorting what is in view.
        let mut candidates = std::mem::take(&mut sweep.candidates);
        sweep.ranked.clear();
        if candidates.len() * 8 > l.items.len() {
            let from = candidates.first().map_or(0, |c| {
                self.marks[c.placement.mark as usize].lane_pos as usize
            });
            sweep.slot_of.clear();
            sweep.slot_of.resize(l.items.len() - from, u32::MAX);
            for (i, c) in candidates.iter().enumerate() {
                let at = self.marks[c.placement.mark as usize].lane_pos as usize - from;
                sweep.slot_of[at] = i as u32;
            }
            for &m in &l.by_priority {
                let at = self.marks[m as usize].lane_pos as usize;
                if let Some(&i) = at.checked_sub(from).and_then(|a| sweep.slot_of.get(a)) {
                    if i != u32::MAX {
                        sweep.ranked.push(i);
                    }
                }
            }
        } else {
            sweep.ranked.extend(0..candidates.len() as u32);
            sweep.ranked.sort_unstable_by_key(|&i| {
                self.marks[candidates[i as usize].placement.mark as usize].priority
            });
        }
        // The pinned mark goes first; then the marks drawn in the previous frame, each trying
        // its old row first, so zooming in and panning keep every one of them (they only move
        // apart or together) and zooming out drops the least important; then the rest.
        let class = |c: &Candidate| {
            if pinned == Some(c.placement.mark) {
                0
            } else if c.kept.is_some() {
                1
            } else {
                2
            }
        };
        sweep.reordered.clear();
        for wanted in 0..3 {
            let ranked = sweep.ranked.iter().copied();
            sweep
                .reordered
                .extend(ranked.filter(|&i| class(&candidates[i as usize]) == wanted));
        }
        sweep.rows.iter_mut().for_each(Vec::clear);
        for &i in &sweep.reordered {
            let c = &mut candidates[i as usize];
            let rows = &sweep.rows[..sweep.max_rows];
            c.row = c
                .kept
                .filter(|&r| fits(&rows[r], c.left, c.right))
                .or_else(|| rows.iter().position(|row| fits(row, c.left, c.right)))
                .or((pinned == Some(c.placement.mark)).then_some(0));
            if let Some(r) = c.row {
                let row = &mut sweep.rows[r];
                let at = row.partition_point(|&(left, _)| left < c.left);
                row.insert(at, (c.left, c.right));
                sweep.rows_used = sweep.rows_used.max(r + 1);
            }
        }
        for c in candidates.drain(..) {
            match c.row {
                Some(row) => sweep.placements.push(Placement {
                    row: row as u32,
                    ..c.placement
                }),
                None => {
                    let g = &self.marks[c.placement.mark as usize];
                    sweep.gather(
                        lane as u32,
                        c.placement.mark,
                        c.placement.x_start.max(0.0),
                        g.start,
                        g.end,
                    )
                }
            }
        }
        sweep.flush();
        sweep.candidates = candidates;
    }
}

/// A mark that reaches into the view, measured for this frame.
struct Candidate {
    placement: Placement,
    /// What it covers, label included, in screen pixels.
    left: f64,
    right: f64,
    /// Its row in the previous frame, if it was drawn there.
    kept: Option<usize>,
    row: Option<usize>,
}

/// Whether `[left, right]` fits in a row (its marks' extents, sorted) without overlap.
fn fits(row: &[(f64, f64)], left: f64, right: f64) -> bool {
    let at = row.partition_point(|&(l, _)| l < left);
    let before = at
        .checked_sub(1)
        .is_none_or(|b| row[b].1 + ROW_GAP_PX <= left);
    let after = row.get(at).is_none_or(|&(l, _)| right + ROW_GAP_PX <= l);
    before && after
}

/// `i`'s lowest `bits` bits in reverse order.
fn bit_reverse(i: u32, bits: u32) -> u32 {
    if bits == 0 {
        0
    } else {
        i.reverse_bits() >> (u32::BITS - bits)
    }
}

/// One frame's working space, reused lane after lane: the lane's candidates and rows, what has
/// been placed, and the badge being gathered.
struct Sweep {
    max_rows: usize,
    rows: Vec<Vec<(f64, f64)>>,
    rows_used: usize,
    candidates: Vec<Candidate>,
    /// Candidates by priority, then in the order they claim rows.
    ranked: Vec<u32>,
    reordered: Vec<u32>,
    /// For each lane position from the first candidate on, its candidate (`u32::MAX`: none).
    slot_of: Vec<u32>,
    placements: Vec<Placement>,
    clusters: Vec<Cluster>,
    open: Option<Cluster>,
}

impl Sweep {
    fn new(max_rows: usize) -> Self {
        let max_rows = max_rows.max(1);
        Self {
            max_rows,
            rows: vec![Vec::new(); max_rows],
            rows_used: 0,
            candidates: Vec::new(),
            ranked: Vec::new(),
            reordered: Vec::new(),
            slot_of: Vec::new(),
            placements: Vec::new(),
            clusters: Vec::new(),
            open: None,
        }
    }

    /// Starts a new lane with `rows` rows.
    fn reset(&mut self, rows: usize) {
        self.max_rows = rows.clamp(1, self.rows.len());
    }

    /// Adds a mark that fits no row to the open badge, or opens a new one.
    fn gather(&mut self, lane: u32, mark: u32, x: f64, day_start: f64, day_end: f64) {
        if let Some(c) = &mut self.open {
            if x <= c.x_start + CLUSTER_SPAN_PX {
                c.count += 1;
                c.x_end = c.x_end.max(x + 2.0);
                c.day_start = c.day_start.min(day_start);
                c.day_end = c.day_end.max(day_end);
                return;
            }
        }
        self.flush();
        self.open = Some(Cluster {
            lane,
            ordinal: 0,
            first: mark,
            count: 1,
            y: 0.0,
            x_start: x,
            x_end: x + CLUSTER_MIN_PX,
            day_start,
            day_end,
        });
    }

    fn flush(&mut self) {
        if let Some(c) = self.open.take() {
            self.clusters.push(c);
        }
    }
}

/// Lays out one frame: only the marks that reach into `view` are placed, stacked in their lane's
/// rows without overlap; the rest of a crowded stretch becomes count badges. Only lanes that
/// meet `rows_in_view` (pixels from the drawing's top; `ALL_ROWS` for everything) are laid out.
/// The work grows with what is visible (plus one binary search per lane), not with the size of
/// the corpus, except when zoomed out over all of it. `pinned` always gets a mark when it is in
/// view. Marks drawn in `previous` (the frame before, while the user zooms or pans) keep their
/// rows where they still fit.
pub fn layout(
    index: &TimelineIndex,
    view: Viewport,
    width: f64,
    pinned: Option<u32>,
    rows_in_view: (f64, f64),
    previous: Option<&TimelineLayout>,
) -> TimelineLayout {
    let mut sweep = Sweep::new(MAX_ROWS);
    let pinned_lane = pinned
        .and_then(|m| index.marks.get(m as usize))
        .map(|g| g.lane);
    for (lane, l) in index.lanes.iter().enumerate() {
        // Lanes scrolled out of sight are skipped, except the one holding the pinned mark.
        let seen = l.y + l.height >= rows_in_view.0 && l.y <= rows_in_view.1;
        if !seen && pinned_lane != Some(lane as u32) {
            continue;
        }
        let placed_before = sweep.placements.len();
        let clusters_before = sweep.clusters.len();
        sweep.reset(l.rows);
        index.sweep_lane(lane, view, width, pinned, previous, &mut sweep);
        for p in &mut sweep.placements[placed_before..] {
            p.y = l.row_y(p.row as usize);
        }
        for (n, c) in sweep.clusters[clusters_before..].iter_mut().enumerate() {
            c.y = l.strip_y();
            c.ordinal = n as u32;
        }
    }
    let mut placements = sweep.placements;
    placements.sort_unstable_by_key(|p| p.mark);
    let clusters = sweep.clusters;
    TimelineLayout {
        view,
        width,
        ticks: ticks(view, width),
        placements,
        clusters,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{MarkWhen, Precision};

    /// A one-day statement by actor `actor` (an index) in document 1.
    pub(super) fn mark(id: &str, actor: usize, day: (i32, u32, u32), summary: &str) -> Mark {
        let date = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        Mark {
            id: id.into(),
            document_id: Some(1),
            kind: EventKind::Statement,
            actor,
            summary: summary.into(),
            when: MarkWhen {
                start: date,
                end: date,
                precision: Precision::Day,
                flags: 0,
                reference: None,
            },
        }
    }

    pub(super) fn actors(names: &[&str]) -> Vec<ActorInfo> {
        names
            .iter()
            .map(|n| ActorInfo {
                name: n.to_string(),
                role: None,
            })
            .collect()
    }

    fn fit(marks: &[Mark]) -> Viewport {
        let days = marks.iter().map(|m| day_number(m.when.start));
        let first = days.clone().fold(f64::MAX, f64::min);
        let last = days.fold(f64::MIN, f64::max) + 1.0;
        Viewport::new(first - 1.0, last + 1.0)
    }

    fn right_edge(index: &TimelineIndex, p: &Placement) -> (f64, f64) {
        let g = &index.marks[p.mark as usize];
        if p.label_left {
            (p.x_start - g.label_px - LABEL_GAP_PX, p.x_start + POINT_PX)
        } else {
            (p.x_start, (p.x_start + POINT_PX + g.label_px).max(p.x_end))
        }
    }

    #[test]
    fn one_lane_per_actor_in_order_of_first_event() {
        let marks = vec![
            mark("a", 0, (2025, 1, 20), "signed"),
            mark("b", 1, (2025, 2, 14), "said"),
            mark("c", 0, (2019, 3, 1), "said"),
        ];
        let index = TimelineIndex::new(
            &marks,
            &actors(&["Trump", "Sheinbaum"]),
            &[],
            LaneBy::Actor,
            fit(&marks),
            1000.0,
        );
        let keys: Vec<_> = index.lanes.iter().map(|lane| lane.key.as_str()).collect();
        assert_eq!(keys, ["Trump", "Sheinbaum"]);
        let l = layout(&index, fit(&marks), 1000.0, None, ALL_ROWS, None);
        assert_eq!(l.placements.len(), 3);
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn overlapping_marks_stack_without_overlap() {
        let marks: Vec<Mark> = (0..4)
            .map(|i| {
                mark(
                    &format!("e{i}"),
                    0,
                    (2025, 2, 10 + i),
                    "a fairly long summary of what was said",
                )
            })
            .collect();
        let view = fit(&marks);
        let index = TimelineIndex::new(&marks, &actors(&["A"]), &[], LaneBy::Actor, view, 1000.0);
        assert!(index.lanes[0].rows >= 2);
        let l = layout(&index, view, 1000.0, None, ALL_ROWS, None);
        assert_eq!(l.placements.len(), 4);
        for a in &l.placements {
            for b in &l.placements {
                if a.mark != b.mark && a.row == b.row {
                    let (a0, a1) = right_edge(&index, a);
                    let (b0, b1) = right_edge(&index, b);
                    assert!(a1 <= b0 || b1 <= a0, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn crowded_marks_cluster_into_badges_that_zooming_expands() {
        // 200 events on consecutive days: far more than four rows can show at once.
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let marks: Vec<Mark> = (0..200)
            .map(|i| {
                let d = start + chrono::Duration::days(i);
                let mut m = mark(&format!("e{i:03}"), 0, (2020, 1, 1), "said something");
                m.when.start = d;
                m.when.end = d;
                m
            })
            .collect();
        let view = fit(&marks);
        let index = TimelineIndex::new(&marks, &actors(&["A"]), &[], LaneBy::Actor, view, 1000.0);
        assert_eq!(index.lanes[0].rows, MAX_ROWS);
        assert!(index.lanes[0].has_strip);
        let l = layout(&index, view, 1000.0, None, ALL_ROWS, None);
        let clustered: usize = l.clusters.iter().map(|c| c.count).sum();
        // Every mark is either drawn or counted in a badge, exactly once.
        assert_eq!(l.placements.len() + clustered, 200);
        assert!(clustered > 100);
        // Badges never overlap one another.
        for pair in l.clusters.windows(2) {
            assert!(pair[0].x_end <= pair[1].x_start, "{pair:?}");
        }
        // Zooming to a badge's range shows more of its marks than before.
        let badge = l.clusters[l.clusters.len() / 2];
        let zoomed = Viewport::new(badge.day_start, badge.day_end);
        let z = layout(&index, zoomed, 1000.0, None, ALL_ROWS, None);
        let inside = |p: &&Placement| {
            let g = &index.marks[p.mark as usize];
            g.start >= badge.day_start && g.end <= badge.day_end
        };
        assert!(z.placements.iter().filter(inside).count() > 0);
        assert!(z.clusters.iter().map(|c| c.count).sum::<usize>() < clustered);
        // Lanes keep their height while zooming.
        assert_eq!(index.lanes[0].rows, MAX_ROWS);
    }

    #[test]
    fn only_marks_in_view_are_placed() {
        let marks: Vec<Mark> = (1..=28)
            .map(|d| mark(&format!("e{d:02}"), 0, (2021, 2, d), "x"))
            .collect();
        let index = TimelineIndex::new(
            &marks,
            &actors(&["A"]),
            &[],
            LaneBy::Actor,
            fit(&marks),
            1000.0,
        );
        let d = |day| day_number(NaiveDate::from_ymd_opt(2021, 2, day).unwrap());
        let l = layout(
            &index,
            Viewport::new(d(10), d(13)),
            1000.0,
            None,
            ALL_ROWS,
            None,
        );
        // The 9th's label reaches into view; nothing after the 13th does.
        let drawn: Vec<&str> = l
            .placements
            .iter()
            .map(|p| marks[p.mark as usize].id.as_str())
            .collect();
        assert!(drawn.contains(&"e10") && drawn.contains(&"e13"));
        assert!(!drawn.contains(&"e14") && !drawn.contains(&"e01"));
        assert!(l.placement(9).is_some());
        assert!(l.placement(20).is_none());
    }

    #[test]
    fn pinned_marks_are_always_drawn() {
        let marks: Vec<Mark> = (0..40)
            .map(|i| mark(&format!("e{i:02}"), 0, (2022, 5, 1), "same day"))
            .collect();
        let view = fit(&marks);
        let index = TimelineIndex::new(&marks, &actors(&["A"]), &[], LaneBy::Actor, view, 1000.0);
        let last = index.order[39];
        assert!(layout(&index, view, 1000.0, None, ALL_ROWS, None)
            .placement(last)
            .is_none());
        assert!(layout(&index, view, 1000.0, Some(last), ALL_ROWS, None)
            .placement(last)
            .is_some());
    }

    #[test]
    fn lanes_out_of_sight_are_skipped_unless_pinned() {
        let marks = vec![
            mark("a", 0, (2025, 1, 1), "x"),
            mark("b", 1, (2025, 1, 2), "y"),
        ];
        let view = fit(&marks);
        let index = TimelineIndex::new(
            &marks,
            &actors(&["A", "B"]),
            &[],
            LaneBy::Actor,
            view,
            800.0,
        );
        let first = &index.lanes[0];
        let only_first = (first.y, first.y + first.height - 1.0);
        assert!(index.lanes[1].y > only_first.1);
        let l = layout(&index, view, 800.0, None, only_first, None);
        assert_eq!(l.placements.iter().map(|p| p.mark).collect::<Vec<_>>(), [0]);
        let pinned = layout(&index, view, 800.0, Some(1), only_first, None);
        assert_eq!(pinned.placements.len(), 2);
    }

    #[test]
    fn marks_stay_drawn_while_zooming_in_and_panning() {
        // 600 events scattered over four years with labels of many lengths: far more than the
        // rows hold at the fitted view.
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let text = "said something about the budget and the border";
        let marks: Vec<Mark> = (0..600i64)
            .map(|i| {
                let d = start + chrono::Duration::days(i * 7919 % 1500);
                let summary: String = text.chars().take(8 + (i as usize * 13) % 30).collect();
                let mut m = mark(&format!("e{i:03}"), 0, (2020, 1, 1), &summary);
                m.when.start = d;
                m.when.end = d;
                m
            })
            .collect();
        let mut view = fit(&marks);
        let index = TimelineIndex::new(&marks, &actors(&["A"]), &[], LaneBy::Actor, view, 1200.0);
        let mut frame = layout(&index, view, 1200.0, None, ALL_ROWS, None);
        let (mut lost, mut drawn) = (0, 0);
        let mut step = |view: Viewport, frame: &mut TimelineLayout| {
            let next = layout(&index, view, 1200.0, None, ALL_ROWS, Some(frame));
            let in_view = |p: &Placement| {
                let g = &index.marks[p.mark as usize];
                g.start >= view.start && g.end <= view.end
            };
            drawn += frame.placements.iter().filter(|p| in_view(p)).count();
            lost += frame
                .placements
                .iter()
                .filter(|p| in_view(p) && next.placement(p.mark).is_none())
                .count();
            *frame = next;
        };
        for _ in 0..12 {
            view = view.zoom(0.9, (view.start + view.end) / 2.0);
            step(view, &mut frame);
        }
        for _ in 0..12 {
            view = Viewport::new(
                view.start + view.span() / 20.0,
                view.end + view.span() / 20.0,
            );
            step(view, &mut frame);
        }
        assert!(drawn > 300, "{drawn}");
        // Laid out afresh each step, 69 of 380 go while still in view (18%). Starting from the
        // previous frame, with labels keeping their side, points only move apart (zooming in)
        // or together (panning), so none goes.
        assert_eq!(
            lost, 0,
            "{lost} of {drawn} drawn marks went while still in view"
        );
        // Without the previous frame the same view gives the same layout as before.
        let fresh = layout(&index, view, 1200.0, None, ALL_ROWS, None);
        assert_eq!(fresh, layout(&index, view, 1200.0, None, ALL_ROWS, None));
    }

    #[test]
    fn a_span_starting_off_screen_keeps_its_label_in_view() {
        let mut long = mark("since", 0, (2019, 1, 1), "has called for action");
        long.when.end = NaiveDate::from_ymd_opt(2025, 2, 18).unwrap();
        long.when.flags = 2; // open end
        let marks = vec![long];
        let d = |y, m, dd| day_number(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        let view = Viewport::new(d(2022, 1, 1), d(2026, 1, 1));
        let index = TimelineIndex::new(&marks, &actors(&["A"]), &[], LaneBy::Actor, view, 1000.0);
        let p = layout(&index, view, 1000.0, None, ALL_ROWS, None).placements[0];
        assert!(p.x_start < 0.0);
        assert!((p.x_start + p.label_shift).abs() < 1e-9, "{p:?}");
        // Zoomed in to a day, six years are millions of pixels: the drawn span is cut just past
        // either edge, and the label still sits at the left edge.
        let day = Viewport::new(d(2024, 6, 1), d(2024, 6, 2));
        let p = layout(&index, day, 1000.0, None, ALL_ROWS, None).placements[0];
        assert!((p.x_start - -SPAN_OVERHANG_PX).abs() < 1e-9, "{p:?}");
        assert!(
            (p.x_end - (1000.0 + SPAN_OVERHANG_PX)).abs() < 1e-9,
            "{p:?}"
        );
        assert!((p.x_start + p.label_shift).abs() < 1e-9, "{p:?}");
        // Just after the span ends, its label would still reach into the view (a day is under
        // a pixel here); neither it nor a badge is drawn.
        let after = Viewport::new(d(2025, 2, 19), d(2029, 1, 1));
        let l = layout(&index, after, 1000.0, None, ALL_ROWS, None);
        assert!(l.placements.is_empty() && l.clusters.is_empty(), "{l:?}");
        let before_end = Viewport::new(d(2025, 2, 17), d(2029, 1, 1));
        assert_eq!(
            layout(&index, before_end, 1000.0, None, ALL_ROWS, None)
                .placements
                .len(),
            1
        );
    }

    #[test]
    fn neighbours_follow_time_order() {
        let marks = vec![
            mark("late", 0, (2025, 1, 3), "x"),
            mark("early", 1, (2025, 1, 1), "x"),
            mark("middle", 0, (2025, 1, 2), "x"),
        ];
        let index = TimelineIndex::new(
            &marks,
            &actors(&["A", "B"]),
            &[],
            LaneBy::Actor,
            fit(&marks),
            800.0,
        );
        assert_eq!(index.neighbours(2), (Some(1), Some(0)));
        assert_eq!(index.neighbours(1), (None, Some(2)));
        assert_eq!(index.neighbours(0), (Some(2), None));
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("a b c d e f g h", 6).chars().count(), 6);
        assert!(cut("a b c d e f g h", 6).ends_with('…'));
    }
}

#[cfg(test)]
mod grouping_tests {
    use chrono::NaiveDate;

    use super::tests::{actors, mark};
    use super::*;
    use crate::model::PublishedBasis;

    fn grouped(id: &str, doc: i64, kind: EventKind, actor: usize) -> Mark {
        let mut m = mark(id, actor, (2025, 2, 1), "s");
        m.document_id = Some(doc);
        m.kind = kind;
        m
    }

    #[test]
    fn lanes_group_by_actor_document_or_kind() {
        let marks = vec![
            grouped("a", 1, EventKind::Statement, 0),
            grouped("b", 2, EventKind::Action, 0),
            grouped("c", 2, EventKind::Statement, 1),
        ];
        let documents = vec![DocumentSummary {
            id: 2,
            title: "Second".into(),
            source: None,
            published: NaiveDate::from_ymd_opt(2025, 2, 18),
            published_basis: PublishedBasis::Metadata,
            event_count: 2,
        }];
        let people = actors(&["Trump", "Sheinbaum"]);
        let view = Viewport::new(739_000.0, 739_400.0);
        let index = |by| TimelineIndex::new(&marks, &people, &documents, by, view, 1000.0);
        let keys = |by| {
            index(by)
                .lanes
                .into_iter()
                .map(|l| l.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(LaneBy::Actor), ["Trump", "Sheinbaum"]);
        assert_eq!(keys(LaneBy::Document), ["Document 1", "Second"]);
        assert_eq!(keys(LaneBy::Kind), ["Statements", "Actions"]);
        assert_eq!(
            index(LaneBy::Document).lanes[1].subtitle.as_deref(),
            Some("Feb. 18, 2025")
        );
        assert_eq!(LaneBy::parse(LaneBy::Kind.as_str()), LaneBy::Kind);
        assert_eq!(LaneBy::parse("nonsense"), LaneBy::Actor);
    }
}
