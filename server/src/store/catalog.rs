//! The store as the app's [`Catalog`]: what the pages read.

use app::catalog::{Catalog, CatalogError};
use std::collections::HashSet;

use app::model::{DocumentSummary, DocumentView, Event, EventFilter, TimelineData, TimelineEvents};

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
            .map(|(timeline, _, _)| timeline))
    }

    /// A timeline as the page draws it: compact marks, plus every actor and document for the
    /// filter controls.
    pub fn timeline_data(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<TimelineData>, StoreError> {
        let Some((timeline, all_actors, all_documents)) =
            self.timeline_with_context(slug, extra)?
        else {
            return Ok(None);
        };
        let (marks, actors) = timeline.marks();
        Ok(Some(TimelineData {
            slug: timeline.slug,
            title: timeline.title,
            filter: timeline.filter,
            marks,
            actors,
            total: timeline.total,
            documents: timeline.documents,
            all_actors,
            all_documents,
            selected_event: None,
            today: None,
        }))
    }

    /// The timeline, and every actor name and document it has before the request's filter.
    fn timeline_with_context(
        &self,
        slug: &str,
        extra: &EventFilter,
    ) -> Result<Option<WithControls>, StoreError> {
        let Some(saved) = self.timeline(slug)? else {
            return Ok(None);
        };
        let filter = narrow(&saved.filter, extra);
        let scope = self.scoped_events(&saved.filter, &filter)?;
        let all_documents = self.documents()?;
        let used: HashSet<i64> = scope.events.iter().filter_map(|e| e.document_id).collect();
        let documents = all_documents
            .iter()
            .filter(|d| used.contains(&d.id))
            .cloned()
            .collect();
        let in_scope = all_documents
            .into_iter()
            .filter(|d| scope.documents.binary_search(&d.id).is_ok())
            .collect();
        Ok(Some((
            TimelineEvents {
                slug: saved.slug,
                title: saved.title,
                filter,
                events: scope.events,
                total: scope.total,
                documents,
            },
            scope.actors,
            in_scope,
        )))
    }
}

/// A timeline, with every actor name and document it has (for the filter controls).
type WithControls = (TimelineEvents, Vec<String>, Vec<DocumentSummary>);

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
