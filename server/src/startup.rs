//! Wiring: the router with every route and layer (tests call [`app`] too), seeds, serving.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use anyhow::Context as _;
use app::catalog::SharedCatalog;
use app::{shell, App};
use axum::extract::{FromRef, Request, State};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{
    generate_route_list, handle_server_fns_with_context, AxumRouteListing, LeptosRoutes,
};
use tower_http::services::ServeDir;

use crate::extract::document::{derive_title, parse_document, publication_date, with_sidecar};
use crate::routes::{api, export, forms, framing, oembed};
use crate::store::{NewDocument, Store};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub leptos: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// Leptos' settings: the WASM bundle and CSS are served from `site_root/pkg/annals*`.
pub fn leptos_options(site_root: &Path) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("annals")
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .build()
}

/// The app's routes, generated once per process. Generating them runs the app with resource
/// loading suppressed process-wide (leptos_server's `SuppressResourceLoad`), so a page rendering
/// on another server in the same process at that moment would wait forever (leptos issue #4773);
/// tests start many servers in one process.
fn route_list() -> &'static [AxumRouteListing] {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App))
}

/// The whole application as a router, ready to serve on any listener.
pub fn app(store: Arc<Store>, site_root: &Path) -> Router {
    let leptos = leptos_options(site_root);
    let state = AppState {
        store: Arc::clone(&store),
        leptos: leptos.clone(),
    };
    let catalog: SharedCatalog = store;
    let routes = route_list().to_vec();
    let pages_context = {
        let catalog = catalog.clone();
        move || provide_context(catalog.clone())
    };
    let shell_options = leptos.clone();
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/api/events", get(api::events))
        .route(
            "/api/documents",
            get(api::documents).post(api::add_document),
        )
        .route("/api/timelines", post(api::add_timeline))
        .route("/api/timelines/{slug}/{file}", get(export::export))
        .route("/oembed", get(oembed::oembed))
        .route("/documents", post(forms::add_document))
        .route("/_fn/{*name}", get(server_functions).post(server_functions))
        .leptos_routes_with_context(&state, routes, pages_context, move || {
            shell(shell_options.clone())
        })
        .nest_service("/pkg", ServeDir::new(site_root.join("pkg")))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(framing::framing_headers))
        .with_state(state)
}

async fn server_functions(
    State(state): State<AppState>,
    request: Request,
) -> impl axum::response::IntoResponse {
    let catalog: SharedCatalog = state.store;
    handle_server_fns_with_context(move || provide_context(catalog.clone()), request).await
}

/// `annals serve`'s settings.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub seeds: Option<PathBuf>,
    pub site_root: PathBuf,
}

/// Opens the database, loads new seeds, and serves until Ctrl-C.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let store = Arc::new(open_store(&config.db, config.seeds.as_deref())?);
    if !config.site_root.join("pkg").join("annals.js").exists() {
        tracing::warn!(
            site_root = %config.site_root.display(),
            "no WASM bundle found: pages render but will not become interactive (run ./dev.sh build)"
        );
    }
    let router = app(store, &config.site_root);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("binding {}", config.addr))?;
    tracing::info!("Annals is listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    Ok(())
}

/// Opens (creating) the database and loads any seed documents it does not have yet.
pub fn open_store(db: &Path, seeds: Option<&Path>) -> anyhow::Result<Store> {
    let store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    if let Some(dir) = seeds {
        let added = load_seeds(&store, dir)
            .with_context(|| format!("loading seeds from {}", dir.display()))?;
        if added > 0 {
            tracing::info!(added, dir = %dir.display(), "loaded seed documents");
        }
    }
    Ok(store)
}

async fn shutdown_signal() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::error!(error = %e, "cannot listen for Ctrl-C; stop the process another way");
        std::future::pending::<()>().await;
    }
}

/// Adds every `*.txt` in `dir` not added before. A sidecar `NAME.meta` beside `NAME.txt` holds
/// `key: value` metadata (title, published, source, url); front matter in the file wins over it.
pub fn load_seeds(store: &Store, dir: &Path) -> anyhow::Result<usize> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    let mut added = 0;
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let origin = format!("seed:{name}");
        if store.has_origin(&origin)? {
            continue;
        }
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let parsed =
            parse_document(&raw).with_context(|| format!("front matter of {}", path.display()))?;
        let meta = with_sidecar(&path, &parsed.meta)?;
        let (published, basis) = publication_date(None, &meta, parsed.body);
        let extraction = crate::extract::extract(parsed.body, published);
        let doc = NewDocument {
            title: meta
                .title
                .clone()
                .unwrap_or_else(|| derive_title(parsed.body)),
            source: meta.source,
            url: meta.url,
            published,
            published_basis: basis,
            body: parsed.body.to_string(),
            origin: Some(origin),
        };
        store.add_document(&doc, &extraction, &now_rfc3339())?;
        added += 1;
    }
    Ok(added)
}

/// The current time for `added_at` stamps (storage metadata; extraction never reads the clock).
pub fn now_rfc3339() -> String {
    now()
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Today's date (UTC), for the timeline's "Today" marker.
pub fn today() -> chrono::NaiveDate {
    now().map(|t| t.date_naive()).unwrap_or_default()
}

fn now() -> Option<chrono::DateTime<chrono::Utc>> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    chrono::DateTime::from_timestamp(since_epoch.as_secs() as i64, 0)
}
