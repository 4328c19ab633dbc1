//! The Leptos views around the geometry.

mod event_details;
mod event_list;
mod filters;
mod marks;
mod timeline_view;
mod url_state;

pub use event_details::EventDetails;
pub use event_list::EventList;
pub use timeline_view::TimelineView;
pub use url_state::{with_query, InitialView};
