//! Benchmark: the accounts and rules on SQLite against PostgreSQL, in one run.
//!
//! `cargo run --release -p fieldbase-tests --bin accounts-bench -- [requests]` (default
//! 300). Starts a throw-away PostgreSQL cluster, then one server per backend, and times
//! from this process, one request at a time: `POST /api/login` (argon2 plus a session
//! insert), `GET /api/me` (the revision poll, the session check and the profile: what
//! every API call and websocket upgrade pays) and `POST /api/clients` (a registration:
//! a committed write). p50 and p99 per backend, and the ratios.

use std::time::{Duration, Instant};

use fieldbase_core::DocumentId;
use fieldbase_tests::{Backend, ServerProcess};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn time(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut out: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    out.sort();
    out
}

/// (login, me, register) latencies on one server.
fn measure(server: &ServerProcess, n: usize) -> [Vec<Duration>; 3] {
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    // Warm up connections and caches.
    for _ in 0..20 {
        server.me(&login).expect("me");
    }
    let logins = time(n.min(100), || {
        server
            .login("admin", &server.admin_password)
            .expect("login");
    });
    let mes = time(n, || {
        server.me(&login).expect("me");
    });
    let registrations = time(n, || {
        let id = DocumentId::from_bytes(rand::random());
        assert_eq!(
            server.register_client(&login, id, false).expect("register"),
            201
        );
    });
    [logins, mes, registrations]
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    println!(
        "accounts: {n} requests each (release: {})",
        !cfg!(debug_assertions)
    );
    let pg = Backend::postgres().expect("PostgreSQL (run scripts/setup.sh test)");
    let sqlite = Backend::Sqlite.start_server(&[]).expect("server");
    let on_sqlite = measure(&sqlite, n);
    drop(sqlite);
    let server = pg.start_server(&[]).expect("server");
    let on_pg = measure(&server, n);
    for (i, what) in ["POST /api/login", "GET /api/me", "POST /api/clients"]
        .iter()
        .enumerate()
    {
        let (s, p) = (&on_sqlite[i], &on_pg[i]);
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{what:<18} SQLite p50 {:>7.2} ms p99 {:>7.2} ms | PostgreSQL p50 {:>7.2} ms p99 {:>7.2} ms | ratio p50 {:.2}x p99 {:.2}x",
            ms(percentile(s, 0.5)),
            ms(percentile(s, 0.99)),
            ms(percentile(p, 0.5)),
            ms(percentile(p, 0.99)),
            ms(percentile(p, 0.5)) / ms(percentile(s, 0.5)),
            ms(percentile(p, 0.99)) / ms(percentile(s, 0.99)),
        );
    }
}
