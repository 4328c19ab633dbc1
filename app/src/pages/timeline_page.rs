use leptos::prelude::*;

use super::timeline_resource;
use crate::components::{PageTitle, SiteHeader};
use crate::timeline::view::TimelineView;

/// `/` and `/t/{slug}`: a timeline with the site around it.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let (timeline, initial) = timeline_resource(true);
    view! {
        <SiteHeader/>
        <main class="page">
            <Suspense fallback=|| view! { <p class="loading">"Loading the timeline…"</p> }>
                {move || Suspend::new(async move {
                    match timeline.await {
                        Ok(Some(data)) => view! {
                            <PageTitle text=data.title.clone()/>
                            <h1 class="page-title">{data.title.clone()}</h1>
                            <TimelineView data initial=initial.get_untracked() embed=false/>
                        }.into_any(),
                        Ok(None) => view! {
                            <PageTitle text="No such timeline"/>
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
