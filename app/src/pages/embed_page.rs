use leptos::prelude::*;

use super::timeline_resource;
use crate::components::PageTitle;
use crate::timeline::view::{with_query, TimelineView};

/// `/embed/{slug}` and `/embed?filters`: the timeline alone, for iframes on other sites.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let (timeline, initial) = timeline_resource(false);
    view! {
        <main class="embed">
            <Suspense fallback=|| view! { <p class="loading">"Loading the timeline…"</p> }>
                {move || Suspend::new(async move {
                    match timeline.await {
                        Ok(Some(data)) => {
                            let full = with_query(&format!("/t/{}", data.slug), &data.filter.to_query());
                            view! {
                                <PageTitle text=data.title.clone()/>
                                <TimelineView data initial=initial.get_untracked() embed=true/>
                                <p class="embed-credit">
                                    <a href=full target="_blank" rel="noopener">"Open in Annals"</a>
                                </p>
                            }.into_any()
                        }
                        Ok(None) => view! {
                            <p class="error" role="alert">"There is no timeline with this name."</p>
                        }.into_any(),
                        Err(e) => view! {
                            <p class="error" role="alert">"The timeline could not be loaded: " {e.to_string()}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
