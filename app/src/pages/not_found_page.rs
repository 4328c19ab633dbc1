use leptos::prelude::*;

use crate::components::{PageTitle, SiteHeader};

/// Any path no page answers.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text="Not found"/>
        <SiteHeader/>
        <main class="page">
            <h1>"Not found"</h1>
            <p>"Nothing lives at this address. " <a href="/">"Back to the timeline"</a></p>
        </main>
    }
}
