//! Serde types shared by the server and the WASM client. No I/O here.

mod document;
mod event;
mod filter;
mod mark;
mod when;

pub use document::{Document, DocumentSummary, PublishedBasis};
pub use event::{Actor, Event, EventKind, Span};
pub use filter::EventFilter;
pub use mark::{marks_of, ActorInfo, Mark, MarkWhen};
pub use when::{format_day, month_abbrev, Precision, When, WhenBasis};

use serde::{Deserialize, Serialize};

/// Everything one timeline view needs: the marks that pass its filter and the context around
/// them. Marks are compact; a selected event's details are fetched on their own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineData {
    /// The slug of the timeline (`all` for every event).
    pub slug: String,
    /// The timeline's title.
    pub title: String,
    /// The filter applied to produce `marks`.
    pub filter: EventFilter,
    /// Events that pass the filter, ordered by start date.
    #[serde(with = "mark::columns")]
    pub marks: Vec<Mark>,
    /// The actors the marks point into.
    pub actors: Vec<ActorInfo>,
    /// How many events the timeline has before filtering.
    pub total: usize,
    /// The documents the timeline's events come from.
    pub documents: Vec<DocumentSummary>,
    /// Every actor of the timeline before filtering, for the actor filter.
    pub all_actors: Vec<String>,
    /// Every document of the timeline before filtering, for the document filter.
    pub all_documents: Vec<DocumentSummary>,
    /// The event the request selected (`event=`), in full, so the details render on the server.
    pub selected_event: Option<Event>,
    /// The server's date when it answered, for the axis's "Today" marker (the page and its
    /// hydration must agree on it, so the browser's clock is not asked).
    #[serde(default)]
    pub today: Option<chrono::NaiveDate>,
}

/// A timeline with its events in full, for exports and the API.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvents {
    pub slug: String,
    pub title: String,
    pub filter: EventFilter,
    /// Events that pass the filter, ordered by start date.
    pub events: Vec<Event>,
    /// How many events the timeline has before filtering.
    pub total: usize,
    /// The documents the events come from.
    pub documents: Vec<DocumentSummary>,
}

impl TimelineEvents {
    /// The events as marks, as the page draws them.
    pub fn marks(&self) -> (Vec<Mark>, Vec<ActorInfo>) {
        marks_of(&self.events)
    }
}

/// A document with its events, for the document page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// The document itself, text included.
    pub document: Document,
    /// Its events, in text order.
    pub events: Vec<Event>,
}
