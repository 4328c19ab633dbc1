use std::collections::HashMap;

use super::scale::{day_number, Viewport};
use super::ticks::{ticks, Tick};
use crate::model::{format_day, DocumentSummary, Event, EventKind};

/// Height of one row of marks, in pixels.
pub const ROW_HEIGHT: f64 = 30.0;
/// Height of the axis band at the top, in pixels.
pub const AXIS_HEIGHT: f64 = 28.0;
/// Height of a lane's header line (actor and role), in pixels.
pub const LANE_HEADER_HEIGHT: f64 = 20.0;
/// Estimated width of one label character, in pixels (labels are 13px sans-serif).
pub const LABEL_CHAR_PX: f64 = 6.6;
/// Labels longer than this many characters are cut with an ellipsis.
const LABEL_MAX_CHARS: usize = 36;
/// Space kept between two marks in one row.
const ROW_GAP_PX: f64 = 10.0;
/// A point mark's drawn width.
const POINT_PX: f64 = 12.0;
/// Space between a mark and a label drawn on its left.
const LABEL_GAP_PX: f64 = 4.0;

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

    /// The lane an event belongs to and the lane's subtitle.
    fn lane_of(self, event: &Event, documents: &[DocumentSummary]) -> (String, Option<String>) {
        match self {
            Self::Actor => (event.actor.canonical.clone(), event.actor.role.clone()),
            Self::Document => {
                let doc = documents.iter().find(|d| Some(d.id) == event.document_id);
                let title = doc.map_or_else(
                    || {
                        event.document_id.map_or_else(
                            || "Unknown document".to_string(),
                            |id| format!("Document {id}"),
                        )
                    },
                    |d| d.title.clone(),
                );
                (title, doc.and_then(|d| d.published).map(format_day))
            }
            Self::Kind => {
                let name = if event.kind == EventKind::Statement {
                    "Statements"
                } else {
                    "Actions"
                };
                (name.to_string(), None)
            }
        }
    }
}

/// One band of rows: an actor's, a document's or a kind's.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The lane's name: the actor's canonical name, the document's title or the kind.
    pub key: String,
    /// Shown beside the name: the actor's role or the document's date.
    pub subtitle: Option<String>,
    /// Index of the lane's first row among all rows.
    pub first_row: usize,
    /// How many rows the lane needs so that its marks and labels do not overlap.
    pub rows: usize,
    /// Top of the lane's header, in pixels from the top of the drawing.
    pub y: f64,
    /// Header and rows, in pixels.
    pub height: f64,
}

/// Where one event is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index into the events given to [`layout`].
    pub event: usize,
    pub lane: usize,
    /// Row among all rows (lane rows stacked top to bottom).
    pub row: usize,
    /// Top of the mark's row, in pixels from the top of the drawing.
    pub y: f64,
    /// Screen x of the date's start and (inclusive) end, clipped to nothing: may lie off-screen.
    pub x_start: f64,
    pub x_end: f64,
    /// Whether the mark is a point (day precision) or a span.
    pub is_point: bool,
    /// The label sits left of the mark because it would run past the right edge.
    pub label_left: bool,
    /// The label, cut to fit.
    pub label: String,
}

/// Everything needed to draw a timeline at one viewport and width.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub view: Viewport,
    pub width: f64,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    pub placements: Vec<Placement>,
    /// For each event given to [`layout`], the index of its placement.
    pub by_event: Vec<usize>,
    pub total_rows: usize,
    /// Height of the whole drawing, axis included, in pixels.
    pub height: f64,
}

/// Lays events out in lanes (ordered by each lane's first event), stacking marks within a lane
/// so that no two marks or labels overlap at this viewport and width.
pub fn layout(
    events: &[Event],
    view: Viewport,
    width: f64,
    by: LaneBy,
    documents: &[DocumentSummary],
) -> TimelineLayout {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&events[a], &events[b]);
        (ea.when.start, ea.when.end, &ea.id).cmp(&(eb.when.start, eb.when.end, &eb.id))
    });

    let mut lane_of: HashMap<String, usize> = HashMap::new();
    let mut lanes: Vec<Lane> = Vec::new();
    // Each lane's rows remember the right edge of their last mark.
    let mut row_ends: Vec<Vec<f64>> = Vec::new();
    let mut rows_of_event: Vec<(usize, usize, usize)> = Vec::with_capacity(events.len());
    let mut placements = Vec::with_capacity(events.len());

    for &i in &order {
        let event = &events[i];
        let (key, subtitle) = by.lane_of(event, documents);
        let lane = *lane_of.entry(key.clone()).or_insert_with(|| {
            lanes.push(Lane {
                key,
                subtitle: subtitle.clone(),
                first_row: 0,
                rows: 0,
                y: 0.0,
                height: 0.0,
            });
            row_ends.push(Vec::new());
            lanes.len() - 1
        });
        if lanes[lane].subtitle.is_none() {
            lanes[lane].subtitle = subtitle;
        }
        let x_start = view.x(day_number(event.when.start), width);
        let x_end = view.x(day_number(event.when.end) + 1.0, width);
        let is_point = event.when.start == event.when.end && !event.when.open_end;
        let label = mark_label(&event.summary);
        let mark_end = if is_point { x_start + POINT_PX } else { x_end };
        let label_width = label_px(&label);
        let label_left = x_start + POINT_PX + label_width > width && x_start - label_width >= 0.0;
        let (left, right) = if label_left {
            (x_start - label_width - LABEL_GAP_PX, mark_end)
        } else {
            (x_start, mark_end.max(x_start + POINT_PX + label_width))
        };
        let rows = &mut row_ends[lane];
        let row = match rows.iter().position(|&end| end + ROW_GAP_PX <= left) {
            Some(r) => {
                rows[r] = right;
                r
            }
            None => {
                rows.push(right);
                rows.len() - 1
            }
        };
        rows_of_event.push((placements.len(), lane, row));
        placements.push(Placement {
            event: i,
            lane,
            row,
            y: 0.0,
            x_start,
            x_end,
            is_point,
            label_left,
            label,
        });
    }

    let mut next_row = 0;
    let mut y = AXIS_HEIGHT;
    for (lane, rows) in lanes.iter_mut().zip(&row_ends) {
        lane.first_row = next_row;
        lane.rows = rows.len().max(1);
        lane.y = y;
        lane.height = LANE_HEADER_HEIGHT + lane.rows as f64 * ROW_HEIGHT;
        next_row += lane.rows;
        y += lane.height;
    }
    let mut by_event = vec![0; events.len()];
    for (p, lane, row) in rows_of_event {
        let lane = &lanes[lane];
        placements[p].row = lane.first_row + row;
        placements[p].y = lane.y + LANE_HEADER_HEIGHT + row as f64 * ROW_HEIGHT;
        by_event[placements[p].event] = p;
    }
    TimelineLayout {
        view,
        width,
        ticks: ticks(view, width),
        lanes,
        placements,
        by_event,
        total_rows: next_row,
        height: y + 8.0,
    }
}

/// Estimated width of a label, in pixels.
pub fn label_px(label: &str) -> f64 {
    label.chars().count() as f64 * LABEL_CHAR_PX
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Actor, EventKind, Precision, Span, When, WhenBasis};

    /// A one-day statement by `actor` in document 1.
    pub(super) fn event(id: &str, actor: &str, day: (i32, u32, u32), summary: &str) -> Event {
        let date = NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap();
        Event {
            id: id.into(),
            document_id: Some(1),
            kind: EventKind::Statement,
            actor: Actor {
                name: actor.into(),
                canonical: actor.into(),
                role: None,
            },
            cue_text: "said".into(),
            quote: None,
            summary: summary.into(),
            when: When {
                value: date.to_string(),
                start: date,
                end: date,
                precision: Precision::Day,
                approximate: false,
                basis: WhenBasis::Mention,
                open_end: false,
                mention: None,
            },
            confidence: 1.0,
            rules: vec![],
            source: None,
            cue: Span::default(),
            content: None,
            sentence: Span::default(),
            sentence_text: String::new(),
        }
    }

    #[test]
    fn one_lane_per_actor_in_order_of_first_event() {
        let events = vec![
            event("a", "Trump", (2025, 1, 20), "signed"),
            event("b", "Sheinbaum", (2025, 2, 14), "said"),
            event("c", "Trump", (2019, 3, 1), "said"),
        ];
        let view = Viewport::fit(&events, NaiveDate::from_ymd_opt(2025, 2, 18).unwrap());
        let l = layout(&events, view, 1000.0, LaneBy::Actor, &[]);
        let keys: Vec<_> = l.lanes.iter().map(|lane| lane.key.as_str()).collect();
        assert_eq!(keys, ["Trump", "Sheinbaum"]);
        assert_eq!(l.placements.len(), 3);
    }

    #[test]
    fn overlapping_marks_stack_without_overlap() {
        let events: Vec<Event> = (0..6)
            .map(|i| {
                event(
                    &format!("e{i}"),
                    "Trump",
                    (2025, 2, 10 + i),
                    "a fairly long summary of what was said",
                )
            })
            .collect();
        let view = Viewport::fit(&events, NaiveDate::from_ymd_opt(2025, 2, 18).unwrap());
        let l = layout(&events, view, 1000.0, LaneBy::Actor, &[]);
        assert!(l.lanes[0].rows > 1);
        for a in &l.placements {
            for b in &l.placements {
                if a.event != b.event && a.row == b.row {
                    let a_right =
                        a.x_start + POINT_PX + a.label.chars().count() as f64 * LABEL_CHAR_PX;
                    let b_right =
                        b.x_start + POINT_PX + b.label.chars().count() as f64 * LABEL_CHAR_PX;
                    assert!(a_right <= b.x_start || b_right <= a.x_start, "{a:?} {b:?}");
                }
            }
        }
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

    use super::*;
    use crate::model::PublishedBasis;

    fn event(id: &str, doc: i64, kind: EventKind, actor: &str) -> Event {
        let mut event = super::tests::event(id, actor, (2025, 2, 1), "s");
        event.document_id = Some(doc);
        event.kind = kind;
        event
    }

    #[test]
    fn lanes_group_by_actor_document_or_kind() {
        let events = vec![
            event("a", 1, EventKind::Statement, "Trump"),
            event("b", 2, EventKind::Action, "Trump"),
            event("c", 2, EventKind::Statement, "Sheinbaum"),
        ];
        let documents = vec![DocumentSummary {
            id: 2,
            title: "Second".into(),
            source: None,
            published: NaiveDate::from_ymd_opt(2025, 2, 18),
            published_basis: PublishedBasis::Metadata,
            event_count: 2,
        }];
        let view = Viewport::fit(&events, NaiveDate::from_ymd_opt(2025, 2, 18).unwrap());
        let keys = |by| {
            layout(&events, view, 1000.0, by, &documents)
                .lanes
                .into_iter()
                .map(|l| l.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(LaneBy::Actor), ["Trump", "Sheinbaum"]);
        assert_eq!(keys(LaneBy::Document), ["Document 1", "Second"]);
        assert_eq!(keys(LaneBy::Kind), ["Statements", "Actions"]);
        let by_doc = layout(&events, view, 1000.0, LaneBy::Document, &documents);
        assert_eq!(by_doc.lanes[1].subtitle.as_deref(), Some("Feb. 18, 2025"));
        assert_eq!(LaneBy::parse(LaneBy::Kind.as_str()), LaneBy::Kind);
        assert_eq!(LaneBy::parse("nonsense"), LaneBy::Actor);
    }
}
