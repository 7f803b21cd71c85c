//! Benchmark: the server's memory as the number of client documents grows. samod keeps
//! every document it has touched in memory, so this uploads clients in steps and reads
//! the server's resident set (VmRSS) and peak (VmHWM) from /proc after each step; then
//! restarts the server and has a fresh replica sync everything (the server loads every
//! document again) and reads it once more. Before the restart a fresh replica's first sync
//! is timed too (documents in memory, or unloaded and loaded again from storage).
//!
//! `cargo run --release -p fieldbase-tests --bin memory -- [steps…] [--settle=S]` (default
//! 1000 10000 50000 clients). With `--settle=S` every reading is repeated after S seconds
//! without traffic, with the number of documents the server still holds (documents idle
//! longer than `--unload-idle-seconds`, default 30, are unloaded meanwhile; the server
//! takes `FIELDBASE_UNLOAD_IDLE_SECONDS` from the environment, 0 keeps every document).

use std::time::{Duration, Instant};

use fieldbase_tests::{NativeReplica, ServerProcess};

fn rss(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kib = |name: &str| -> f64 {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    (kib("VmRSS:") / 1024.0, kib("VmHWM:") / 1024.0)
}

/// `fieldbase_documents_in_memory` from the server's `/metrics`.
fn documents_in_memory(server: &ServerProcess) -> String {
    ureq::get(&format!("{}/metrics", server.url()))
        .call()
        .ok()
        .and_then(|r| r.into_string().ok())
        .and_then(|text| {
            text.lines().find_map(|l| {
                l.strip_prefix("fieldbase_documents_in_memory ")
                    .map(str::to_string)
            })
        })
        .unwrap_or_else(|| "?".into())
}

/// With `settle`, waits that long without traffic and prints the memory again.
async fn settled(server: &ServerProcess, pid: u32, settle: Option<Duration>) {
    let Some(settle) = settle else {
        return;
    };
    tokio::time::sleep(settle).await;
    let (now, peak) = rss(pid);
    println!(
        "          after {:.0} s idle: {now:>9.1} MiB resident  {peak:>9.1} MiB peak  {} documents in memory",
        settle.as_secs_f64(),
        documents_in_memory(server)
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut steps: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let settle = args
        .iter()
        .find_map(|a| a.strip_prefix("--settle=")?.parse().ok())
        .map(Duration::from_secs);
    if steps.is_empty() {
        steps = vec![1_000, 10_000, 50_000];
    }
    let t = Duration::from_secs(3600);
    let mut server = ServerProcess::start().expect("server starts");
    let pid = server.pid().expect("running");
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    let (base_rss, _) = rss(pid);
    println!(
        "server memory with N client documents synced (release: {})",
        !cfg!(debug_assertions)
    );
    println!(
        "{:>8} clients  {:>9.1} MiB resident (empty server)",
        0, base_rss
    );
    let mut writer = NativeReplica::new(login.clone(), "bulk");
    let mut done = 0;
    let mut last = (0usize, base_rss);
    for &n in &steps {
        let start = Instant::now();
        for i in done..n {
            writer
                .add(&format!("Client {i:06}"), &format!("+4202{i:08}"), "")
                .expect("valid client");
        }
        writer.sync(&server.ws_url(), t).await.expect("upload");
        done = n;
        let (now, peak) = rss(pid);
        let per_doc = (now - last.1) * 1024.0 / (n - last.0) as f64;
        println!(
            "{n:>8} clients  {now:>9.1} MiB resident  {peak:>9.1} MiB peak  {per_doc:>6.1} KiB per added client  (upload {:.1} s)",
            start.elapsed().as_secs_f64()
        );
        last = (n, now);
        settled(&server, pid, settle).await;
    }
    // A fresh replica's first sync while the server runs: with unloading, the documents
    // idle since the upload come from storage again; without, they are in memory.
    let mut reader = NativeReplica::new(login.clone(), "warm");
    let start = Instant::now();
    reader.sync(&server.ws_url(), t).await.expect("first sync");
    let (now, peak) = rss(pid);
    println!(
        "without a restart: a fresh replica's first sync of {done} clients ({:.1} s) leaves {now:.1} MiB resident, {peak:.1} MiB peak, {} documents in memory",
        start.elapsed().as_secs_f64(),
        documents_in_memory(&server)
    );
    drop(reader);
    settled(&server, pid, settle).await;
    server.restart().expect("restart");
    let pid = server.pid().expect("running");
    let (idle, _) = rss(pid);
    let mut reader = NativeReplica::new(login, "fresh");
    let start = Instant::now();
    reader.sync(&server.ws_url(), t).await.expect("first sync");
    let (now, peak) = rss(pid);
    println!(
        "after a restart: {idle:.1} MiB idle; a fresh replica's first sync of {done} clients ({:.1} s) leaves {now:.1} MiB resident, {peak:.1} MiB peak ({:.1} KiB per client)",
        start.elapsed().as_secs_f64(),
        (now - idle) * 1024.0 / done as f64
    );
    settled(&server, pid, settle).await;
}
