//! Headless Chromium through chromedriver, for the end-to-end tests and the browser benchmark.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A chromedriver process on a free loopback port, killed on drop.
pub struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start_driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary} ({e}): run ./dev.sh setup to install Chromium and ChromeDriver"));
    // Wait for the driver to listen: a bounded poll on the condition, not a fixed sleep.
    let ready = (0..400).any(|_| {
        let up = TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !up {
            std::thread::sleep(Duration::from_millis(25));
        }
        up
    });
    assert!(ready, "chromedriver did not start listening on port {port}");
    Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    }
}

pub async fn browser(driver: &Driver, profile: &std::path::Path, javascript: bool) -> Client {
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if !javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
    }
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let capabilities = json!({ "goog:chromeOptions": { "binary": binary, "args": args } });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

/// Polls `condition` every 50 ms for up to 10 s.
#[allow(dead_code)] // the benchmark does not wait on conditions
pub async fn wait_until<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if condition().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

/// Opens `url` and waits until its timeline has hydrated.
pub async fn hydrate(client: &Client, timeout: Duration, url: &str) {
    client.goto(url).await.expect("Chromium opens the page");
    client
        .wait()
        .at_most(timeout)
        .for_element(Locator::Css(
            r#"[data-annals-timeline][data-hydrated="true"]"#,
        ))
        .await
        .expect("the timeline hydrates (is the WASM bundle built? ./dev.sh build)");
}
