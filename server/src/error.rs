//! The HTTP error type: a clear message and status for the client, the whole chain in the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::store::StoreError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request itself is wrong; the message says how.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing exists at this address.
    #[error("{0}")]
    NotFound(String),
    /// The format exists in the oEmbed spec but is not offered.
    #[error("{0}")]
    NotImplemented(String),
    #[error("storage failed")]
    Store(#[from] StoreError),
    #[error("drawing the SVG failed: {0}")]
    Export(String),
    #[error("a background task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::NotImplemented(_) => StatusCode::NOT_IMPLEMENTED,
            Self::Store(_) | Self::Export(_) | Self::Join(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let message = match &self {
            // Internal details stay in the log.
            Self::Store(_) | Self::Join(_) => {
                "internal error: the server log has details".to_string()
            }
            other => other.to_string(),
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}
