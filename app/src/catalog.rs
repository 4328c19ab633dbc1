//! What the pages read, and the server functions that read it. The server crate implements
//! [`Catalog`] over its SQLite store and provides it as context; the app never touches storage.

use leptos::prelude::*;

use crate::model::{DocumentSummary, DocumentView, Event, EventFilter, TimelineData};

/// Read access to timelines and documents, implemented by the server.
#[cfg(feature = "ssr")]
pub trait Catalog: Send + Sync + 'static {
    /// The timeline named `slug` with `filter` applied; `None` when no such timeline exists.
    /// Without `controls` (embeds), the lists of every actor and document are left empty.
    fn timeline(
        &self,
        slug: &str,
        filter: &EventFilter,
        controls: bool,
        selected: Option<&str>,
    ) -> Result<Option<TimelineData>, CatalogError>;
    /// One event in full; `None` when no such event exists.
    fn event(&self, id: &str) -> Result<Option<Event>, CatalogError>;
    /// A document with its events; `None` when no such document exists.
    fn document(&self, id: i64) -> Result<Option<DocumentView>, CatalogError>;
    /// Every document, without its text.
    fn documents(&self) -> Result<Vec<DocumentSummary>, CatalogError>;
}

/// A failure of the storage behind a [`Catalog`].
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub struct CatalogError(pub String);

#[cfg(feature = "ssr")]
impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "ssr")]
impl std::error::Error for CatalogError {}

/// The catalog as the server provides it in context.
#[cfg(feature = "ssr")]
pub type SharedCatalog = std::sync::Arc<dyn Catalog>;

#[cfg(feature = "ssr")]
fn catalog() -> Result<SharedCatalog, ServerFnError> {
    use_context::<SharedCatalog>().ok_or_else(|| ServerFnError::new("the catalog is not available"))
}

/// A timeline by slug, filtered. `Ok(None)` when there is no such timeline. `controls` asks for
/// the lists the filter form offers (every actor and document of the timeline); `selected` names
/// an event to include in full.
#[server(prefix = "/_fn")]
pub async fn get_timeline(
    slug: String,
    filter: EventFilter,
    controls: bool,
    selected: Option<String>,
) -> Result<Option<TimelineData>, ServerFnError> {
    catalog()?
        .timeline(&slug, &filter, controls, selected.as_deref())
        .map_err(|e| ServerFnError::new(e.to_string()))
}

/// One event in full (sentence, spans, rules), for the details panel. `Ok(None)` when there is
/// no such event.
#[server(prefix = "/_fn")]
pub async fn get_event(id: String) -> Result<Option<Event>, ServerFnError> {
    catalog()?
        .event(&id)
        .map_err(|e| ServerFnError::new(e.to_string()))
}

/// A document and its events. `Ok(None)` when there is no such document.
#[server(prefix = "/_fn")]
pub async fn get_document(id: i64) -> Result<Option<DocumentView>, ServerFnError> {
    catalog()?
        .document(id)
        .map_err(|e| ServerFnError::new(e.to_string()))
}

/// Every document, oldest first.
#[server(prefix = "/_fn")]
pub async fn list_documents() -> Result<Vec<DocumentSummary>, ServerFnError> {
    catalog()?
        .documents()
        .map_err(|e| ServerFnError::new(e.to_string()))
}
