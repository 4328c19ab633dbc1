//! Annals' web app: the model shared with the server, the timeline geometry and the Leptos views.
//! Built with feature `ssr` into the server and with `hydrate` into the WASM bundle.

// The timeline view's nested element types run deep for the type checker.
#![recursion_limit = "256"]

pub mod catalog;
pub mod components;
pub mod model;
pub mod pages;
pub mod timeline;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use pages::{DocumentPage, DocumentsPage, EmbedPage, NotFoundPage, TimelinePage};

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                {components::oembed_discovery_link()}
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The root component: routes to the pages.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="annals" href="/pkg/annals.css"/>
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=TimelinePage ssr=SsrMode::Async/>
                <Route path=path!("/t/:slug") view=TimelinePage ssr=SsrMode::Async/>
                <Route path=path!("/embed") view=EmbedPage ssr=SsrMode::Async/>
                <Route path=path!("/embed/:slug") view=EmbedPage ssr=SsrMode::Async/>
                <Route path=path!("/documents") view=DocumentsPage ssr=SsrMode::Async/>
                <Route path=path!("/documents/:id") view=DocumentPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// The WASM entry point: hydrates the server-rendered body.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
