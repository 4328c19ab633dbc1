use leptos::prelude::*;
use leptos_meta::Title;

/// The page's `<title>`. leptos_meta writes the server-side title text unescaped, so a document
/// titled `</title><script>…` would inject markup: escape it there. In the browser the title is
/// set as plain text and must stay raw.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    let text = format!("{text} · Annals");
    #[cfg(feature = "ssr")]
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    view! { <Title text/> }
}
