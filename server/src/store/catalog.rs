//! The store as the app's [`Catalog`]: what the pages read.

use app::catalog::{Catalog, CatalogError};
use std::collections::HashSet;

use app::model::{
    marks_of, DocumentSummary, DocumentView, Event, EventFilter, TimelineData, TimelineEvents,
};

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
        controls: bool,
        selected: Option<&str>,
    ) -> Result<Option<TimelineData>, CatalogError> {
        let mut data = self.timeline_data(slug, filter)?;
        if let Some(data) = data.as_mut() {
            if !controls {
                data.all_actors.clear();
                data.all_documents.clear();
            }
            if let Some(id) = selected {
                data.selected_event = Store::event(self, id)?;
            }
            data.today = Some(crate::startup::today());
        }
        Ok(data)
    }

    fn event(&self, id: &str) -> Result<Option<Event>, CatalogError> {
        Ok(Store::event(self, id)?)
    }

    fn document(&self, id: i64) -> Result<Option<DocumentView>, CatalogError> {
        Ok(Store::document(self, id)?)
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, CatalogError> {
        Ok(Store::documents(self)?)
    }
}

impl Store {
    /// A timeline's events in full: the saved filter narrowed by `extra` (a request's own
    /// conditions).
    pub fn timeline_events(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<TimelineEvents>, StoreError> {
        Ok(self
            .timeline_with_context(slug, extra)?
            .map(|t| TimelineEvents {
                events: t.scope.events().cloned().collect(),
                slug: t.slug,
                title: t.title,
                filter: t.filter,
                total: t.scope.total,
                documents: t.documents,
            }))
    }

    /// A timeline as the page draws it: compact marks, plus every actor and document for the
    /// filter controls.
    pub fn timeline_data(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<TimelineData>, StoreError> {
        let Some(t) = self.timeline_with_context(slug, extra)? else {
            return Ok(None);
        };
        let (marks, actors) = marks_of(t.scope.events());
        Ok(Some(TimelineData {
            slug: t.slug,
            title: t.title,
            filter: t.filter,
            marks,
            actors,
            total: t.scope.total,
            documents: t.documents,
            all_actors: t.scope.actors,
            all_documents: t.in_scope,
            selected_event: None,
            today: None,
        }))
    }

    /// The timeline, and every actor name and document it has before the request's filter.
    fn timeline_with_context(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<InScope>, StoreError> {
        let Some(saved) = self.timeline(slug)? else {
            return Ok(None);
        };
        let filter = narrow(&saved.filter, extra);
        let scope = self.scoped_events(&saved.filter, &filter)?;
        let all_documents = self.documents()?;
        let used: HashSet<i64> = scope.events().filter_map(|e| e.document_id).collect();
        let documents = all_documents
            .iter()
            .filter(|d| used.contains(&d.id))
            .cloned()
            .collect();
        let in_scope = all_documents
            .into_iter()
            .filter(|d| scope.documents.binary_search(&d.id).is_ok())
            .collect();
        Ok(Some(InScope {
            slug: saved.slug,
            title: saved.title,
            filter,
            scope,
            documents,
            in_scope,
        }))
    }
}

/// A timeline before its events are copied out: what pages and exports both start from.
struct InScope {
    slug: String,
    title: String,
    /// The saved filter narrowed by the request's.
    filter: EventFilter,
    scope: super::Scope,
    /// The documents the matching events come from.
    documents: Vec<DocumentSummary>,
    /// Every document of the timeline before the request's filter, for the filter controls.
    in_scope: Vec<DocumentSummary>,
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
