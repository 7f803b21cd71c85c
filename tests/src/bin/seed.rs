//! Fills a running server with a realistic little client base for one rep (see
//! `fieldbase_tests::seed`), so the PWA has something to show.
//!
//! `cargo run -p fieldbase-tests --bin seed -- <http://127.0.0.1:8080> <user> <password> [clients] [sample]`
//!
//! With `sample`, the clients are core's generated base (`fieldbase_core::sample`: the
//! one the benchmarks use, with contacts, interactions, orders, invoices) instead.

use std::time::Duration;

use fieldbase_tests::{NativeReplica, ServerProcess, seed};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: seed <url> <user> <password> [clients] [sample]");
        std::process::exit(2);
    }
    let (url, user, password) = (&args[1], &args[2], &args[3]);
    let n: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(24);
    let login = ServerProcess::login_at(url, user, password).expect("log in");
    let (team, plan) = (login.team_doc, login.plan);
    let mut r = NativeReplica::new(login, "seed");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64;
    if args.get(5).map(String::as_str) == Some("sample") {
        let spec = fieldbase_core::sample::SampleSpec::standard(7).scaled(n);
        let sample = fieldbase_core::sample::generate(&spec);
        seed::sample_into(&mut r, &sample, team, plan);
    } else {
        seed::fill(&mut r, user, n, now);
    }
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
        "seeded {n} clients for {user} in {:.2} s, listed {} (not archived)",
        report.elapsed.as_secs_f64(),
        r.base.clients().len()
    );
}
