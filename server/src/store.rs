//! The embedded SQLite store: documents, their events and saved timelines.

mod catalog;
mod migrations;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use app::model::{Document, DocumentSummary, DocumentView, Event, EventFilter, PublishedBasis};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::extract::Extraction;

/// A storage failure, with what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("opening the database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("migrating the database to version {version}: {source}")]
    Migrate {
        version: usize,
        source: rusqlite::Error,
    },
    #[error("{action}: {source}")]
    Sql {
        action: &'static str,
        source: rusqlite::Error,
    },
    #[error("stored event {id} is unreadable: {source}")]
    Corrupt {
        id: String,
        source: serde_json::Error,
    },
    #[error("a slug may contain only a-z, 0-9 and '-' (1 to 64 characters): {0:?}")]
    BadSlug(String),
    #[error("a timeline named {0:?} exists already")]
    SlugTaken(String),
}

trait Context<T> {
    fn doing(self, action: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn doing(self, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sql { action, source })
    }
}

/// A document to add, before it has an id.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: PublishedBasis,
    pub body: String,
    /// Where it came from, e.g. `seed:000_x.txt`; documents with the same origin are not added twice.
    pub origin: Option<String>,
}

/// A saved timeline: a named filter.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedTimeline {
    pub slug: String,
    pub title: String,
    pub filter: EventFilter,
}

/// The slug of the built-in timeline of every event.
pub const ALL_SLUG: &str = "all";

/// The database. One connection behind a mutex: SQLite serialises writers anyway, and the
/// queries here take microseconds to milliseconds.
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::with_connection(conn)
    }

    /// An in-memory database, for tests and one-off exports.
    pub fn in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::with_connection(conn)
    }

    fn with_connection(mut conn: Connection) -> Result<Self, StoreError> {
        // WAL keeps readers off the writer's back; FULL sync means an acknowledged write survives
        // a crash of the machine, not only of the process.
        conn.pragma_update(None, "journal_mode", "WAL")
            .doing("enabling WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")
            .doing("setting synchronous")?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .doing("enabling foreign keys")?;
        migrations::run(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back), so a poisoned lock is still safe to use.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether a document with this origin was added already.
    pub fn has_origin(&self, origin: &str) -> Result<bool, StoreError> {
        self.conn()
            .query_row(
                "SELECT 1 FROM documents WHERE origin = ?1",
                [origin],
                |_| Ok(()),
            )
            .optional()
            .doing("looking up a document origin")
            .map(|found| found.is_some())
    }

    /// Adds a document and its events in one transaction; returns the new document's id.
    pub fn add_document(
        &self,
        doc: &NewDocument,
        extraction: &Extraction,
        added_at: &str,
    ) -> Result<i64, StoreError> {
        let mut conn = self.conn();
        let tx = conn.transaction().doing("starting a transaction")?;
        tx.execute(
            "INSERT INTO documents (title, source, url, published, published_basis, body, origin, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                doc.title,
                doc.source,
                doc.url,
                doc.published.map(|d| d.to_string()),
                doc.published_basis.as_str(),
                doc.body,
                doc.origin,
                added_at
            ],
        )
        .doing("inserting a document")?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO events (id, document_id, seq, start_date, end_date, kind, actor, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .doing("preparing the event insert")?;
            for (seq, event) in extraction.events.iter().enumerate() {
                let mut event = event.clone();
                event.id = format!("{id}-{}", seq + 1);
                event.document_id = Some(id);
                let json = serde_json::to_string(&event).map_err(|source| StoreError::Corrupt {
                    id: event.id.clone(),
                    source,
                })?;
                insert
                    .execute(params![
                        event.id,
                        id,
                        seq as i64,
                        event.when.start.to_string(),
                        event.when.end.to_string(),
                        event.kind.as_str(),
                        event.actor.canonical,
                        json
                    ])
                    .doing("inserting an event")?;
            }
        }
        tx.commit().doing("committing a document")?;
        Ok(id)
    }

    /// Every event, ordered by date.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT id, json FROM events ORDER BY start_date, end_date, document_id, seq")
            .doing("preparing the event query")?;
        read_events(&mut stmt, [])
    }

    /// Events passing `filter`, ordered by date, and how many there are in all.
    pub fn filtered_events(&self, filter: &EventFilter) -> Result<(Vec<Event>, usize), StoreError> {
        let mut events = self.unified_events()?;
        let total = events.len();
        events.retain(|e| filter.matches(e));
        Ok((events, total))
    }

    /// Every event, with actors named alike across documents.
    fn unified_events(&self) -> Result<Vec<Event>, StoreError> {
        let mut events = self.events()?;
        crate::extract::actors::unify_across_documents(&mut events);
        Ok(events)
    }

    /// Events within a timeline's `saved` filter, narrowed by `filter`: the events, how many the
    /// timeline has in all, and every actor and document id it has, for the filter controls.
    pub fn scoped_events(
        &self,
        saved: &EventFilter,
        filter: &EventFilter,
    ) -> Result<Scope, StoreError> {
        let mut events = self.unified_events()?;
        events.retain(|e| saved.matches(e));
        let total = events.len();
        let mut actors: Vec<String> = events.iter().map(|e| e.actor.canonical.clone()).collect();
        actors.sort_unstable();
        actors.dedup();
        let mut documents: Vec<i64> = events.iter().filter_map(|e| e.document_id).collect();
        documents.sort_unstable();
        documents.dedup();
        events.retain(|e| filter.matches(e));
        Ok(Scope {
            events,
            total,
            actors,
            documents,
        })
    }

    /// One event by id, as stored.
    pub fn event(&self, id: &str) -> Result<Option<Event>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT id, json FROM events WHERE id = ?1")
            .doing("preparing the event lookup")?;
        Ok(read_events(&mut stmt, [id])?.into_iter().next())
    }

    /// Every document without its text, oldest first.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(
                "SELECT d.id, d.title, d.source, d.published, d.published_basis,
                        (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id)
                 FROM documents d ORDER BY d.id",
            )
            .doing("preparing the document list")?;
        let rows = stmt
            .query_map([], |row| {
                Ok(DocumentSummary {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    source: row.get(2)?,
                    published: row
                        .get::<_, Option<String>>(3)?
                        .and_then(|d| d.parse().ok()),
                    published_basis: PublishedBasis::parse(&row.get::<_, String>(4)?),
                    event_count: row.get::<_, i64>(5)?.try_into().unwrap_or(0),
                })
            })
            .doing("listing documents")?;
        rows.collect::<Result<_, _>>()
            .doing("reading a document row")
    }

    /// One document with its events in text order.
    pub fn document(&self, id: i64) -> Result<Option<DocumentView>, StoreError> {
        let conn = self.conn();
        let document = conn
            .query_row(
                "SELECT id, title, source, url, published, published_basis, body, added_at FROM documents WHERE id = ?1",
                [id],
                |row| {
                    Ok(Document {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        source: row.get(2)?,
                        url: row.get(3)?,
                        published: row.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
                        published_basis: PublishedBasis::parse(&row.get::<_, String>(5)?),
                        text: row.get(6)?,
                        added_at: row.get(7)?,
                    })
                },
            )
            .optional()
            .doing("reading a document")?;
        let Some(document) = document else {
            return Ok(None);
        };
        let mut stmt = conn
            .prepare("SELECT id, json FROM events WHERE document_id = ?1 ORDER BY seq")
            .doing("preparing the document's events")?;
        let events = read_events(&mut stmt, [id])?;
        Ok(Some(DocumentView { document, events }))
    }

    /// A timeline by slug: `all`, or a saved one.
    pub fn timeline(&self, slug: &str) -> Result<Option<SavedTimeline>, StoreError> {
        if slug == ALL_SLUG {
            return Ok(Some(SavedTimeline {
                slug: ALL_SLUG.into(),
                title: "All events".into(),
                filter: EventFilter::default(),
            }));
        }
        self.conn()
            .query_row(
                "SELECT slug, title, filter FROM timelines WHERE slug = ?1",
                [slug],
                |row| {
                    let filter: String = row.get(2)?;
                    Ok(SavedTimeline {
                        slug: row.get(0)?,
                        title: row.get(1)?,
                        filter: serde_json::from_str(&filter).unwrap_or_default(),
                    })
                },
            )
            .optional()
            .doing("reading a timeline")
    }

    /// Saves a named filter under a new slug.
    pub fn save_timeline(
        &self,
        timeline: &SavedTimeline,
        created_at: &str,
    ) -> Result<(), StoreError> {
        let valid = !timeline.slug.is_empty()
            && timeline.slug.len() <= 64
            && timeline
                .slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid || timeline.slug == ALL_SLUG {
            return Err(StoreError::BadSlug(timeline.slug.clone()));
        }
        let filter =
            serde_json::to_string(&timeline.filter).map_err(|source| StoreError::Corrupt {
                id: timeline.slug.clone(),
                source,
            })?;
        let inserted = self
            .conn()
            .execute(
                "INSERT OR IGNORE INTO timelines (slug, title, filter, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![timeline.slug, timeline.title, filter, created_at],
            )
            .doing("saving a timeline")?;
        if inserted == 0 {
            return Err(StoreError::SlugTaken(timeline.slug.clone()));
        }
        Ok(())
    }
}

/// A timeline's events and what its filter controls offer.
pub struct Scope {
    /// The events that pass the filter, ordered by date.
    pub events: Vec<Event>,
    /// How many events the timeline has before the request's own filter.
    pub total: usize,
    /// Every actor's canonical name in the timeline, sorted.
    pub actors: Vec<String>,
    /// Every document id with events in the timeline, sorted.
    pub documents: Vec<i64>,
}

/// Runs a query selecting `id, json` from `events` and decodes each row.
fn read_events(
    stmt: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
) -> Result<Vec<Event>, StoreError> {
    let rows = stmt
        .query_map(params, |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .doing("reading events")?;
    let mut events = Vec::new();
    for row in rows {
        let (id, json) = row.doing("reading an event")?;
        events.push(
            serde_json::from_str(&json).map_err(|source| StoreError::Corrupt { id, source })?,
        );
    }
    Ok(events)
}
