//! Serde types shared by the server and the WASM client. No I/O here.

mod document;
mod event;
mod filter;
mod when;

pub use document::{Document, DocumentSummary, PublishedBasis};
pub use event::{Actor, Event, EventKind, Span};
pub use filter::EventFilter;
pub use when::{format_day, month_abbrev, Precision, When, WhenBasis};

use serde::{Deserialize, Serialize};

/// Everything one timeline view needs: the events that pass its filter and the context around them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineData {
    /// The slug of the timeline (`all` for every event).
    pub slug: String,
    /// The timeline's title.
    pub title: String,
    /// The filter applied to produce `events`.
    pub filter: EventFilter,
    /// Events that pass the filter, ordered by start date.
    pub events: Vec<Event>,
    /// How many events the timeline has before filtering.
    pub total: usize,
    /// The documents the timeline's events come from.
    pub documents: Vec<DocumentSummary>,
}

/// A document with its events, for the document page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// The document itself, text included.
    pub document: Document,
    /// Its events, in text order.
    pub events: Vec<Event>,
}
