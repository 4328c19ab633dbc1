//! The HTML form behind "Add a document" on `/documents`: works without JavaScript.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use crate::error::AppError;
use crate::markup::escape;
use crate::routes::api::{add, AddDocument};
use crate::startup::AppState;

/// The form's fields; empty ones count as absent.
#[derive(Debug, Default, Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub published: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub text: String,
}

fn present(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// `POST /documents`: adds the document and shows it (303), or shows the form again with the
/// error and everything typed kept (400).
pub async fn add_document(
    State(state): State<AppState>,
    form: Result<Form<DocumentForm>, FormRejection>,
) -> Response {
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => return form_page(&rejection.body_text(), &DocumentForm::default()),
    };
    let request = AddDocument {
        text: form.text.clone(),
        title: present(&form.title),
        published: present(&form.published),
        source: present(&form.source),
        url: present(&form.url),
    };
    let store = Arc::clone(&state.store);
    let added = match tokio::task::spawn_blocking(move || add(&store, request)).await {
        Ok(result) => result,
        Err(e) => Err(AppError::from(e)),
    };
    match added {
        Ok(value) => match value["id"].as_i64() {
            Some(id) => Redirect::to(&format!("/documents/{id}")).into_response(),
            None => AppError::Export("the new document has no id".into()).into_response(),
        },
        Err(AppError::BadRequest(message)) => form_page(&message, &form),
        Err(other) => other.into_response(),
    }
}

/// The form again, with what went wrong above it.
fn form_page(message: &str, form: &DocumentForm) -> Response {
    let body = format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Could not add the document · Annals</title><link rel="stylesheet" href="/pkg/annals.css"></head>
<body><header class="site-header"><a class="brand" href="/">Annals</a><nav aria-label="Site"><a href="/">Timeline</a><a href="/documents">Documents</a></nav></header>
<main class="page"><h1 class="page-title">Could not add the document</h1><p class="error" role="alert">{message}</p>
<form class="add-document-form" method="post" action="/documents">
<label>Title <input name="title" value="{title}"></label>
<label>Published <input type="date" name="published" value="{published}"></label>
<label>Outlet <input name="source" value="{source}"></label>
<label>URL <input type="url" name="url" value="{url}"></label>
<label>Text <textarea name="text" rows="12" required>{text}</textarea></label>
<button type="submit">Add and extract</button></form></main></body></html>"#,
        message = escape(message),
        title = escape(&form.title),
        published = escape(&form.published),
        source = escape(&form.source),
        url = escape(&form.url),
        text = escape(&form.text),
    );
    (StatusCode::BAD_REQUEST, Html(body)).into_response()
}
