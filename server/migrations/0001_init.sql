-- Documents as added, with their body text: every event span points into `body`.
CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    source          TEXT,
    url             TEXT,
    published       TEXT,
    published_basis TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- Where it came from ("seed:NAME" for seeds), so seeds load once.
    origin          TEXT UNIQUE,
    added_at        TEXT NOT NULL
);

-- Events as extracted; the JSON holds the whole model, the columns serve ordering and filters.
CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    json        TEXT NOT NULL
);
CREATE INDEX events_by_start ON events(start_date, end_date);
CREATE INDEX events_by_document ON events(document_id, seq);

-- Saved, named selections of events.
CREATE TABLE timelines (
    slug       TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    filter     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
