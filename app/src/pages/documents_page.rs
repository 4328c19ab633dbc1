use leptos::prelude::*;

use crate::catalog::list_documents;
use crate::components::{PageTitle, SiteHeader};
use crate::model::format_day;

/// `/documents`: every document with its date (and how it was found) and event count.
#[component]
pub fn DocumentsPage() -> impl IntoView {
    let documents = Resource::new(|| (), |()| list_documents());
    view! {
        <PageTitle text="Documents"/>
        <SiteHeader/>
        <main class="page">
            <h1 class="page-title">"Documents"</h1>
            <details class="add-document">
                <summary>"Add a document"</summary>
                <form class="add-document-form" method="post" action="/documents">
                    <label>"Title " <input name="title" placeholder="From the first sentence if empty"/></label>
                    <label>"Published " <input type="date" name="published"/></label>
                    <label>"Outlet " <input name="source"/></label>
                    <label>"URL " <input type="url" name="url"/></label>
                    <label>"Text " <textarea name="text" rows="12" required=true></textarea></label>
                    <button type="submit">"Add and extract"</button>
                </form>
            </details>
            <Suspense fallback=|| view! { <p class="loading">"Loading the documents…"</p> }>
                {move || Suspend::new(async move {
                    match documents.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">"No documents yet."</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="document-list">
                                {list.into_iter().map(|d| {
                                    let date = match d.published {
                                        Some(day) => format!("{} ({})", format_day(day), d.published_basis.describe()),
                                        None => "date unknown".to_string(),
                                    };
                                    view! {
                                        <li>
                                            <a href=format!("/documents/{}", d.id)>{d.title}</a>
                                            <span class="document-meta">
                                                {format!(" · {} · {} · {} events", d.source.unwrap_or_else(|| "outlet unknown".into()), date, d.event_count)}
                                            </span>
                                            " · " <a href=format!("/?doc={}", d.id)>"timeline"</a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! {
                            <p class="error" role="alert">"The documents could not be loaded: " {e.to_string()}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}
