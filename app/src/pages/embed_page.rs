use leptos::prelude::*;

use super::{query_state, slug_param};
use crate::catalog::get_timeline;
use crate::components::PageTitle;
use crate::timeline::view::{with_query, TimelineView};

/// `/embed/{slug}` and `/embed?filters`: the timeline alone, for iframes on other sites.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let slug = slug_param();
    let (filter, initial) = query_state();
    let timeline = Resource::new(
        move || (slug.get(), filter.get()),
        move |(slug, filter)| {
            let selected = initial.get_untracked().event;
            get_timeline(slug, filter, false, selected)
        },
    );
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
