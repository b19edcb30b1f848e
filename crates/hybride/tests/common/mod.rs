//! What the binary's test suites share: running `hybride` against a test database, a free
//! port, a server that is killed when the test ends, and waiting until it answers.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `hybride --database-url URL …`, quiet.
pub fn hybride(url: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hybride"));
    c.arg("--database-url").arg(url).env("HYBRIDE_LOG", "warn");
    c
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running `hybride serve`, killed (SIGKILL) when dropped.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `hybride serve` on `port` with its mails in `mail_dir`; does not wait.
pub fn spawn_server(url: &str, port: u16, mail_dir: &Path) -> Server {
    Server(
        hybride(url)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--mail-dir")
            .arg(mail_dir)
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Waits until the server on `port` answers `/readyz` (a minute at most).
pub async fn wait_ready(port: u16) {
    let started = Instant::now();
    while reqwest::get(format!("http://127.0.0.1:{port}/readyz"))
        .await
        .map_or(true, |r| r.status() != 200)
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server on {port} is not ready"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Starts `hybride serve` and waits until it answers.
pub async fn serve(url: &str, port: u16, mail_dir: &Path) -> Server {
    let server = spawn_server(url, port, mail_dir);
    wait_ready(port).await;
    server
}
