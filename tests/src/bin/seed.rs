//! Fills a running server with a realistic little client base for one rep (see
//! `fieldbase_tests::seed`), so the PWA has something to show.
//!
//! `cargo run -p fieldbase-tests --bin seed -- <http://127.0.0.1:8080> <user> <password> [clients]`

use std::time::Duration;

use fieldbase_tests::{NativeReplica, ServerProcess, seed};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: seed <url> <user> <password> [clients]");
        std::process::exit(2);
    }
    let (url, user, password) = (&args[1], &args[2], &args[3]);
    let n: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(24);
    let login = ServerProcess::login_at(url, user, password).expect("log in");
    let mut r = NativeReplica::new(login, "seed");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64;
    seed::fill(&mut r, user, n, now);
    let ids = r.base.doc_ids();
    r.sync.touched(&r.base, &ids);
    let ws = format!(
        "{}/sync",
        url.trim_end_matches('/').replacen("http", "ws", 1)
    );
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let report = rt
        .block_on(r.sync(&ws, Duration::from_secs(300)))
        .expect("synced");
    println!(
        "seeded {n} clients for {user} in {:.2} s",
        report.elapsed.as_secs_f64()
    );
}
