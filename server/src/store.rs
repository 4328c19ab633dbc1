//! The embedded SQLite store: documents, their events and saved timelines.

mod catalog;
mod migrations;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

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
    /// Documents added through this store (SQLite's `data_version` counts only other
    /// connections' writes).
    writes: AtomicU64,
    /// Every event, decoded and unified, as of a version of the database: pages and the API read
    /// all events on each request, and decoding 100,000 of them takes a second.
    events_cache: Mutex<Option<EventCache>>,
}

/// The decoded events and the database version they were read at.
struct EventCache {
    version: (i64, u64),
    events: Arc<Vec<Event>>,
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
            writes: AtomicU64::new(0),
            events_cache: Mutex::new(None),
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
        self.writes.fetch_add(1, Ordering::Release);
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
        let events = self.unified_events()?;
        let matching = events
            .iter()
            .filter(|e| filter.matches(e))
            .cloned()
            .collect();
        Ok((matching, events.len()))
    }

    /// Every event, with actors named alike across documents. Decoded once per version of the
    /// database: a write by this store or by any other connection (another `annals` process)
    /// makes the next call read again.
    fn unified_events(&self) -> Result<Arc<Vec<Event>>, StoreError> {
        let data_version: i64 = self
            .conn()
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .doing("reading the database version")?;
        // Read before the events: a write in between only makes the next call read again.
        let version = (data_version, self.writes.load(Ordering::Acquire));
        let mut cache = self
            .events_cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(cached) = cache.as_ref().filter(|c| c.version == version) {
            return Ok(Arc::clone(&cached.events));
        }
        let mut events = self.events()?;
        crate::extract::actors::unify_across_documents(&mut events);
        let events = Arc::new(events);
        *cache = Some(EventCache {
            version,
            events: Arc::clone(&events),
        });
        Ok(events)
    }

    /// Events within a timeline's `saved` filter, narrowed by `filter`: the events, how many the
    /// timeline has in all, and every actor and document id it has, for the filter controls.
    pub fn scoped_events(
        &self,
        saved: &EventFilter,
        filter: &EventFilter,
    ) -> Result<Scope, StoreError> {
        let events = self.unified_events()?;
        let in_timeline: Vec<(usize, &Event)> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| saved.matches(e))
            .collect();
        let total = in_timeline.len();
        let mut actors: Vec<&str> = in_timeline
            .iter()
            .map(|(_, e)| e.actor.canonical.as_str())
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let actors = actors.into_iter().map(str::to_string).collect();
        let mut documents: Vec<i64> = in_timeline
            .iter()
            .filter_map(|(_, e)| e.document_id)
            .collect();
        documents.sort_unstable();
        documents.dedup();
        let matching = in_timeline
            .into_iter()
            .filter(|(_, e)| filter.matches(e))
            .map(|(i, _)| i)
            .collect();
        Ok(Scope {
            all: Arc::clone(&events),
            matching,
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
    /// Every stored event, shared with the store's cache.
    all: Arc<Vec<Event>>,
    /// Which of them pass the filter, in date order.
    matching: Vec<usize>,
    /// How many events the timeline has before the request's own filter.
    pub total: usize,
    /// Every actor's canonical name in the timeline, sorted.
    pub actors: Vec<String>,
    /// Every document id with events in the timeline, sorted.
    pub documents: Vec<i64>,
}

impl Scope {
    /// The events that pass the filter, ordered by date, borrowed: a page needs only their
    /// marks, so nothing is copied for it.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.matching.iter().filter_map(|&i| self.all.get(i))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_events_follow_writes_from_this_and_other_connections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annals.sqlite");
        let docs = crate::demo::generate(500, 3);
        let count = |store: &Store| {
            store
                .filtered_events(&EventFilter::default())
                .unwrap()
                .0
                .len()
        };
        let events_in = |i: usize| docs[i].1.events.len();

        let server = Store::open(&path).unwrap();
        assert_eq!(count(&server), 0);
        server.add_document(&docs[0].0, &docs[0].1, "t").unwrap();
        assert_eq!(count(&server), events_in(0));
        // Read again from the cache: the same events.
        assert_eq!(count(&server), events_in(0));

        // Another process (say `annals demo-corpus`) writes to the same file.
        let other = Store::open(&path).unwrap();
        other.add_document(&docs[1].0, &docs[1].1, "t").unwrap();
        assert_eq!(count(&server), events_in(0) + events_in(1));
    }
}
