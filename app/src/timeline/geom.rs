//! Scales, ticks and lanes as plain functions over plain data. The Leptos view and the plotters
//! SVG export both call these, so what a user exports matches what they saw.

/// At most this many publication dates are marked on the axis.
pub const MAX_PUBLICATION_MARKERS: usize = 6;

mod lanes;
mod scale;
mod ticks;

pub use lanes::{
    label_px, layout, mark_label, Cluster, Lane, LaneBy, MarkGeom, Placement, TimelineIndex,
    TimelineLayout, ALL_ROWS, AXIS_HEIGHT, CLUSTER_STRIP_HEIGHT, LABEL_CHAR_PX, LANE_HEADER_HEIGHT,
    MAX_ROWS, POINT_PX, ROW_HEIGHT,
};
pub use scale::{
    date_of, day_number, marker_labels, publication_markers, tick_label_clear, Viewport,
};
pub use ticks::{ticks, Tick, TickUnit};
