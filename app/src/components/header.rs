use leptos::prelude::*;

/// The site's header: name and navigation. Embeds leave it out.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Annals"</a>
            <nav aria-label="Site">
                <a href="/">"Timeline"</a>
                <a href="/documents">"Documents"</a>
            </nav>
        </header>
    }
}
