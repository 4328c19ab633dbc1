//! The store as the app's [`Catalog`]: what the pages read.

use app::catalog::{Catalog, CatalogError};
use app::model::{DocumentSummary, DocumentView, EventFilter, TimelineData};

use super::{Store, StoreError};

impl From<StoreError> for CatalogError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = ?e, "catalog read failed");
        CatalogError(e.to_string())
    }
}

impl Catalog for Store {
    fn timeline(
        &self,
        slug: &str,
        filter: &EventFilter,
    ) -> Result<Option<TimelineData>, CatalogError> {
        Ok(self.timeline_data(slug, filter)?)
    }

    fn document(&self, id: i64) -> Result<Option<DocumentView>, CatalogError> {
        Ok(Store::document(self, id)?)
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, CatalogError> {
        Ok(Store::documents(self)?)
    }
}

impl Store {
    /// A timeline's events: the saved filter narrowed by `extra` (a request's own conditions).
    pub fn timeline_data(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<TimelineData>, StoreError> {
        let Some(saved) = self.timeline(slug)? else {
            return Ok(None);
        };
        let filter = narrow(&saved.filter, extra);
        let (events, total) = self.filtered_events(&filter)?;
        let mut documents = self.documents()?;
        documents.retain(|d| events.iter().any(|e| e.document_id == Some(d.id)));
        Ok(Some(TimelineData {
            slug: saved.slug,
            title: saved.title,
            filter,
            events,
            total,
            documents,
        }))
    }
}

/// The saved filter with the request's conditions laid over it.
fn narrow(saved: &EventFilter, extra: &EventFilter) -> EventFilter {
    EventFilter {
        actor: extra.actor.clone().or_else(|| saved.actor.clone()),
        q: extra.q.clone().or_else(|| saved.q.clone()),
        from: extra.from.or(saved.from),
        to: extra.to.or(saved.to),
        doc: extra.doc.or(saved.doc),
        kind: extra.kind.or(saved.kind),
    }
}
