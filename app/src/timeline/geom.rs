//! Scales, ticks and lanes as plain functions over plain data. The Leptos view and the plotters
//! SVG export both call these, so what a user exports matches what they saw.

mod lanes;
mod scale;
mod ticks;

pub use lanes::{
    label_px, layout, mark_label, Lane, LaneBy, Placement, TimelineLayout, AXIS_HEIGHT,
    LABEL_CHAR_PX, LANE_HEADER_HEIGHT, ROW_HEIGHT,
};
pub use scale::{date_of, day_number, Viewport};
pub use ticks::{ticks, Tick, TickUnit};
