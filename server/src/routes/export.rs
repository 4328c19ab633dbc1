//! `GET /api/timelines/{slug}/export.{svg,json,csv}`

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::export::{to_csv, to_svg, to_timelinejs};
use crate::routes::api::filter_from_query;
use crate::startup::AppState;

/// Exports a timeline (narrowed by the query's filters) as SVG, TimelineJS JSON or CSV.
pub async fn export(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let format = match file.as_str() {
        "export.svg" => "svg",
        "export.json" => "json",
        "export.csv" => "csv",
        _ => {
            return Err(AppError::NotFound(format!(
                "no export named {file:?}: try export.svg, export.json or export.csv"
            )))
        }
    };
    let filter = filter_from_query(&pairs)?;
    let lanes = pairs
        .iter()
        .find(|(k, _)| k == "lanes")
        .map(|(_, v)| app::timeline::geom::LaneBy::parse(v))
        .unwrap_or_default();
    let store = Arc::clone(&state.store);
    let wanted = slug.clone();
    let data = tokio::task::spawn_blocking(move || store.timeline_events(&wanted, &filter))
        .await??
        .ok_or_else(|| AppError::NotFound(format!("there is no timeline named {slug:?}")))?;
    let attachment = |ext: &str| format!("attachment; filename=\"annals-{}.{ext}\"", data.slug);
    Ok(match format {
        "svg" => {
            let svg = to_svg(&data, lanes).map_err(|e| AppError::Export(e.to_string()))?;
            (
                [
                    (CONTENT_TYPE, "image/svg+xml; charset=utf-8".to_string()),
                    (CONTENT_DISPOSITION, attachment("svg")),
                ],
                svg,
            )
                .into_response()
        }
        "json" => {
            let body = to_timelinejs(&data).to_string();
            (
                [
                    (CONTENT_TYPE, "application/json".to_string()),
                    (CONTENT_DISPOSITION, attachment("json")),
                ],
                body,
            )
                .into_response()
        }
        _ => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (CONTENT_DISPOSITION, attachment("csv")),
            ],
            to_csv(&data),
        )
            .into_response(),
    })
}
