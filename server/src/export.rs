//! Timeline exports: SVG drawn with plotters over the app's own geometry, TimelineJS JSON, CSV.

mod csv;
mod svg;
mod timelinejs;

pub use csv::to_csv;
pub use svg::{to_svg, SvgError};
pub use timelinejs::to_timelinejs;
