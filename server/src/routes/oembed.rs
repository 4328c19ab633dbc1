//! `GET /oembed?url=&maxwidth=&maxheight=&format=json`: oEmbed 1.0, type "rich".

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::Uri;
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use app::timeline::view::with_query;

use crate::markup::escape;
use crate::startup::AppState;

const DEFAULT_WIDTH: u32 = 800;
const DEFAULT_HEIGHT: u32 = 600;
/// Below this an embedded timeline is unreadable; smaller limits still get this size.
const MIN_WIDTH: u32 = 200;
const MIN_HEIGHT: u32 = 150;

/// The oEmbed request's parameters.
#[derive(Debug, Deserialize)]
pub struct OembedQuery {
    pub url: Option<String>,
    pub maxwidth: Option<u32>,
    pub maxheight: Option<u32>,
    pub format: Option<String>,
}

/// An oEmbed 1.0 "rich" response.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct OembedResponse {
    pub version: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub provider_name: String,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

/// What page of ours a URL names, as the embed path (with query) that shows it.
fn embed_target(uri: &Uri) -> Option<(String, String)> {
    let path = uri.path();
    let query = uri.query().unwrap_or("");
    let segments: Vec<&str> = path
        .trim_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let (slug, extra) = match segments.as_slice() {
        [] => ("all".to_string(), None),
        ["t" | "embed", slug] => ((*slug).to_string(), None),
        ["embed"] => ("all".to_string(), None),
        ["documents", id] if id.parse::<i64>().is_ok() => {
            ("all".to_string(), Some(format!("doc={id}")))
        }
        _ => return None,
    };
    let query = [Some(query.to_string()).filter(|q| !q.is_empty()), extra]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("&");
    Some((slug, query))
}

/// Answers with an iframe snippet sized within maxwidth × maxheight.
pub async fn oembed(
    State(state): State<AppState>,
    Query(query): Query<OembedQuery>,
) -> Result<Json<OembedResponse>, AppError> {
    match query.format.as_deref() {
        None | Some("json") => {}
        Some(other) => {
            return Err(AppError::NotImplemented(format!(
                "format {other:?} is not offered: use format=json"
            )))
        }
    }
    let url = query
        .url
        .ok_or_else(|| AppError::BadRequest("url: the page to embed is required".into()))?;
    let uri: Uri = url
        .parse()
        .map_err(|_| AppError::BadRequest(format!("url: {url:?} is not a URL")))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(AppError::BadRequest(format!(
            "url: {url:?} must be absolute (http://host/...)"
        )));
    };
    let (slug, embed_query) = embed_target(&uri).ok_or_else(|| {
        AppError::NotFound(format!(
            "url: {url:?} is not an Annals timeline or document page"
        ))
    })?;
    let store = Arc::clone(&state.store);
    let wanted = slug.clone();
    let timeline = tokio::task::spawn_blocking(move || store.timeline(&wanted))
        .await??
        .ok_or_else(|| AppError::NotFound(format!("there is no timeline named {slug:?}")))?;

    let width = query
        .maxwidth
        .map_or(DEFAULT_WIDTH, |max| DEFAULT_WIDTH.min(max).max(MIN_WIDTH));
    let height = query.maxheight.map_or(DEFAULT_HEIGHT, |max| {
        DEFAULT_HEIGHT.min(max).max(MIN_HEIGHT)
    });
    let origin = format!("{scheme}://{authority}");
    let src = with_query(&format!("{origin}/embed/{slug}"), &embed_query);
    let html = format!(
        r#"<iframe src="{}" width="{width}" height="{height}" style="border:0;max-width:100%" title="{}" loading="lazy"></iframe>"#,
        escape(&src),
        escape(&timeline.title),
    );
    Ok(Json(OembedResponse {
        version: "1.0".into(),
        kind: "rich".into(),
        title: timeline.title,
        provider_name: "Annals".into(),
        provider_url: origin,
        html,
        width,
        height,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_map_to_embeds() {
        let target = |u: &str| embed_target(&u.parse::<Uri>().unwrap());
        assert_eq!(target("http://h/"), Some(("all".into(), String::new())));
        assert_eq!(
            target("http://h/t/drones?actor=Trump"),
            Some(("drones".into(), "actor=Trump".into()))
        );
        assert_eq!(
            target("http://h/embed/all"),
            Some(("all".into(), String::new()))
        );
        assert_eq!(
            target("http://h/documents/3"),
            Some(("all".into(), "doc=3".into()))
        );
        assert_eq!(target("http://h/api/events"), None);
        assert_eq!(target("http://h/documents/x"), None);
    }
}
