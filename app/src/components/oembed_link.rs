use leptos::prelude::*;

/// The oEmbed discovery `<link>` for the requested page, built from the request's host and path.
/// Rendered by the server into `<head>`, which hydration does not touch.
pub fn oembed_discovery_link() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().map(|parts| {
            let host = parts
                .headers
                .get(http::header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("127.0.0.1:3000");
            let page = format!("http://{host}{}", parts.uri);
            let href = format!(
                "http://{host}/oembed?url={}&format=json",
                urlencoding::encode(&page)
            );
            view! {
                <link rel="alternate" type="application/json+oembed" href=href title="Annals timeline"/>
            }
        })
    }
}
