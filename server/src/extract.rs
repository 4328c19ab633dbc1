//! Extraction as typed stages: text → sentences → time mentions → attributions → dated events.
//! Nothing here reads the clock: relative dates resolve against the anchor they are given.

pub mod actors;
pub mod attribution;
pub mod dating;
pub mod document;
pub mod events;
pub mod sentences;
pub mod timeml;
pub mod timex;

use app::model::Event;
use chrono::NaiveDate;

pub use document::{parse_document, DocumentError, ParsedDocument};

/// What extraction finds in one document body.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub sentences: Vec<sentences::Sentence>,
    pub timexes: Vec<timex::TimexMention>,
    pub events: Vec<Event>,
    /// Attributions left out because nothing dates them (no time in the text and no anchor).
    pub undated: usize,
}

/// Runs every stage over a document body, resolving dates against `anchor` (the publication date).
pub fn extract(text: &str, anchor: Option<NaiveDate>) -> Extraction {
    let sentences = sentences::split(text);
    let timexes = timex::tag(text, anchor);
    let attributions = attribution::extract(text, &sentences);
    let (events, undated) = events::assemble(text, &sentences, &timexes, &attributions, anchor);
    Extraction {
        sentences,
        timexes,
        events,
        undated,
    }
}
