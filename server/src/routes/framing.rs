//! Who may frame what: embeds may be framed by any site, every other page by none.

use axum::extract::Request;
use axum::http::header::{
    HeaderValue, CONTENT_SECURITY_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;

/// Whether a path is an embed page.
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed" || path.starts_with("/embed/")
}

/// Adds the framing headers to every response.
pub async fn framing_headers(request: Request, next: Next) -> Response {
    let embed = is_embed_path(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if embed {
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors *"),
        );
    } else {
        headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        );
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::is_embed_path;

    #[test]
    fn only_embed_paths_are_embeds() {
        assert!(is_embed_path("/embed"));
        assert!(is_embed_path("/embed/all"));
        assert!(!is_embed_path("/embedded"));
        assert!(!is_embed_path("/t/all"));
    }
}
