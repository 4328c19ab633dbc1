//! Starts the real app on a loopback port with a fresh SQLite file and the repository's seeds.

use std::path::PathBuf;
use std::sync::Arc;

/// A running server; dropping it removes its database.
pub struct TestServer {
    pub base: String,
    _dir: tempfile::TempDir,
}

/// The repository root (the workspace holding `server/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where `./dev.sh build` put the WASM bundle.
pub fn site_root() -> PathBuf {
    std::env::var_os("ANNALS_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/site"))
}

/// Starts the app on 127.0.0.1:0 in this test's runtime, with the seeds.
// Each user of this module (tests, the browser benchmark) uses some of it.
#[allow(dead_code)]
pub async fn start() -> TestServer {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("annals.sqlite");
    let store = server::startup::open_store(&db, Some(&repo_root().join("seeds")))
        .expect("the store opens and seeds load");
    serve(store, dir).await
}

/// Starts the app with `events` synthetic demo events instead of the seeds.
#[allow(dead_code)]
pub async fn start_demo(events: usize) -> TestServer {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("annals.sqlite");
    let store = server::store::Store::open(&db).expect("the store opens");
    for (doc, extraction) in server::demo::generate(events, 7) {
        store
            .add_document(&doc, &extraction, "2026-01-01T00:00:00Z")
            .expect("a demo document loads");
    }
    serve(store, dir).await
}

async fn serve(store: server::store::Store, dir: tempfile::TempDir) -> TestServer {
    let app = server::startup::app(Arc::new(store), &site_root());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("the bound address");
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("the server runs");
    });
    TestServer {
        base: format!("http://{addr}"),
        _dir: dir,
    }
}
