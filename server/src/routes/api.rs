//! The JSON API: events, documents, saved timelines.

use std::sync::Arc;

use app::model::{EventFilter, PublishedBasis};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::extract::document::{derive_title, parse_document, publication_date};
use crate::startup::AppState;
use crate::store::{NewDocument, SavedTimeline, Store};

/// The largest document body accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// Reads a filter from the query, refusing malformed values.
pub fn filter_from_query(pairs: &[(String, String)]) -> Result<EventFilter, AppError> {
    EventFilter::try_from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(AppError::BadRequest)
}

/// `GET /api/events?actor=&q=&from=&to=&doc=&kind=`
pub async fn events(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<Value>, AppError> {
    let filter = filter_from_query(&pairs)?;
    let store = Arc::clone(&state.store);
    let (events, total) = {
        let filter = filter.clone();
        tokio::task::spawn_blocking(move || store.filtered_events(&filter)).await??
    };
    Ok(Json(
        json!({ "filter": filter, "count": events.len(), "total": total, "events": events }),
    ))
}

/// `GET /api/documents`
pub async fn documents(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    let store = Arc::clone(&state.store);
    let documents = tokio::task::spawn_blocking(move || store.documents()).await??;
    Ok(Json(json!({ "documents": documents })))
}

/// The body of `POST /api/documents`.
#[derive(Debug, Deserialize)]
pub struct AddDocument {
    /// The text; may begin with front matter.
    pub text: String,
    pub title: Option<String>,
    /// YYYY-MM-DD; overrides front matter.
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// `POST /api/documents`: extracts the text's events and stores both. Answers 201 with the new
/// document's id, publication date (and how it was found) and event count.
pub async fn add_document(
    State(state): State<AppState>,
    body: Result<Json<AddDocument>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let Json(request) = body.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let store = Arc::clone(&state.store);
    let added = tokio::task::spawn_blocking(move || add(&store, request)).await??;
    Ok((StatusCode::CREATED, Json(added)))
}

/// Validates, extracts and stores a document; the API and the form both come here.
pub(crate) fn add(store: &Store, request: AddDocument) -> Result<Value, AppError> {
    if request.text.len() > MAX_DOCUMENT_BYTES {
        return Err(AppError::BadRequest(format!(
            "text: {} bytes is more than the {MAX_DOCUMENT_BYTES} bytes a document may have",
            request.text.len()
        )));
    }
    let published = match request
        .published
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(p.parse::<NaiveDate>().map_err(|_| {
            AppError::BadRequest(format!("published: {p:?} is not a date (YYYY-MM-DD)"))
        })?),
        None => None,
    };
    let parsed =
        parse_document(&request.text).map_err(|e| AppError::BadRequest(format!("text: {e}")))?;
    if parsed.body.trim().is_empty() {
        return Err(AppError::BadRequest("text: the document is empty".into()));
    }
    let (published, basis) = publication_date(published, &parsed.meta, parsed.body);
    let title = request
        .title
        .filter(|t| !t.trim().is_empty())
        .or(parsed.meta.title.clone())
        .unwrap_or_else(|| derive_title(parsed.body));
    let extraction = crate::extract::extract(parsed.body, published);
    let doc = NewDocument {
        title: title.clone(),
        source: request.source.or(parsed.meta.source.clone()),
        url: request.url.or(parsed.meta.url.clone()),
        published,
        published_basis: basis,
        body: parsed.body.to_string(),
        origin: None,
    };
    let id = store.add_document(&doc, &extraction, &crate::startup::now_rfc3339())?;
    Ok(json!({
        "id": id,
        "title": title,
        "published": published,
        "published_basis": basis,
        "warning": (basis == PublishedBasis::Unknown)
            .then_some("no publication date: relative dates stay unresolved and undated events are left out"),
        "events": extraction.events.len(),
        "undated": extraction.undated,
        "url": format!("/documents/{id}"),
    }))
}

/// The body of `POST /api/timelines`.
#[derive(Debug, Deserialize)]
pub struct AddTimeline {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub filter: EventFilter,
}

/// `POST /api/timelines`: saves a named filter, to share, embed and export.
pub async fn add_timeline(
    State(state): State<AppState>,
    body: Result<Json<AddTimeline>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let Json(request) = body.map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
    let saved = SavedTimeline {
        slug: request.slug,
        title: request.title,
        filter: request.filter,
    };
    let store = Arc::clone(&state.store);
    let slug = saved.slug.clone();
    tokio::task::spawn_blocking(move || {
        store.save_timeline(&saved, &crate::startup::now_rfc3339())
    })
    .await?
    .map_err(|e| match e {
        crate::store::StoreError::BadSlug(_) | crate::store::StoreError::SlugTaken(_) => {
            AppError::BadRequest(e.to_string())
        }
        other => AppError::Store(other),
    })?;
    Ok((
        StatusCode::CREATED,
        Json(
            json!({ "slug": slug, "url": format!("/t/{slug}"), "embed": format!("/embed/{slug}") }),
        ),
    ))
}
