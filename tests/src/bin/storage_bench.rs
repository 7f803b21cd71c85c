//! Benchmark: SQLite against PostgreSQL under the real server, in one run.
//!
//! `cargo run --release -p fieldbase-tests --bin storage-bench -- [clients] [edits]`
//! (defaults 1,000 and 100). Starts a throw-away PostgreSQL cluster (see
//! tests/src/postgres.rs), then for each backend: one replica adds the clients and
//! uploads them, a fresh replica does its first sync. Then the latency of an edit from a
//! rep on one instance to a rep on another over PostgreSQL (LISTEN/NOTIFY), against the
//! same two reps on one instance (SQLite and PostgreSQL), p50 and p99 over the edits.

use std::time::{Duration, Instant};

use fieldbase_core::ClientPatch;
use fieldbase_tests::{Backend, LiveSession, NativeReplica, ServerProcess, SyncReport};

const T: Duration = Duration::from_secs(1800);

fn line(label: &str, r: &SyncReport) {
    println!(
        "{label:<40} {:>8.2} s {:>10.1} KiB received {:>7} frames in",
        r.elapsed.as_secs_f64(),
        r.bytes_received as f64 / 1024.0,
        r.frames_received
    );
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Upload and first sync of `n` clients; (upload, first sync).
async fn first_sync(backend: &Backend, n: usize) -> (SyncReport, SyncReport) {
    let server = backend.start_server(&[]).expect("server starts");
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    let mut author = NativeReplica::new(login.clone(), "bulk");
    for i in 0..n {
        author
            .add(
                &format!("Client {i:05}"),
                &format!("+4202{i:08}"),
                &format!("c{i}@example.com"),
            )
            .expect("valid client");
    }
    let up = author.sync(&server.ws_url(), T).await.expect("upload");
    let mut reader = NativeReplica::new(login, "fresh");
    let down = reader.sync(&server.ws_url(), T).await.expect("first sync");
    assert_eq!(reader.base.clients().len(), n, "every client arrived");
    (up, down)
}

/// `edits` edits by a rep on `one`, each timed until a rep on `two` has it.
async fn latencies(one: &ServerProcess, two: &ServerProcess, edits: usize) -> Vec<Duration> {
    let mut anna = NativeReplica::new(
        one.login("admin", &one.admin_password).expect("login"),
        "anna",
    );
    let mut boris = NativeReplica::new(
        two.login("admin", &two.admin_password).expect("login"),
        "boris",
    );
    let id = anna.add("Latency s.r.o.", "", "").expect("valid client");
    let mut a = LiveSession::open(&mut anna, &one.ws_url(), T)
        .await
        .expect("anna connects");
    let mut b = LiveSession::open(&mut boris, &two.ws_url(), T)
        .await
        .expect("boris connects");
    let mut out = Vec::with_capacity(edits);
    for n in 0..edits {
        let email = format!("e{n}@latency.cz");
        anna.edit(
            id,
            &ClientPatch {
                email: Some(email.clone()),
                ..Default::default()
            },
        )
        .expect("valid edit");
        let start = Instant::now();
        a.push(&mut anna).await.expect("push");
        b.until(&mut boris, T, |r| {
            r.base.client(id).is_some_and(|c| c.email == email)
        })
        .await
        .expect("boris receives the edit");
        out.push(start.elapsed());
        a.settle(&mut anna, T).await.expect("acknowledged");
    }
    out.sort();
    out
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let edits: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    println!(
        "storage backends, {n} clients, {edits} edits (release: {})",
        !cfg!(debug_assertions)
    );
    let pg = Backend::postgres().expect("PostgreSQL (run scripts/setup.sh test)");
    let (up_sqlite, down_sqlite) = first_sync(&Backend::Sqlite, n).await;
    line("upload, SQLite", &up_sqlite);
    line("first sync, SQLite", &down_sqlite);
    let (up_pg, down_pg) = first_sync(&pg, n).await;
    line("upload, PostgreSQL", &up_pg);
    line("first sync, PostgreSQL", &down_pg);
    println!(
        "ratio PostgreSQL / SQLite: upload {:.2}x, first sync {:.2}x",
        up_pg.elapsed.as_secs_f64() / up_sqlite.elapsed.as_secs_f64(),
        down_pg.elapsed.as_secs_f64() / down_sqlite.elapsed.as_secs_f64()
    );

    let report = |label: &str, l: &[Duration]| {
        println!(
            "{label:<40} p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
            percentile(l, 0.5).as_secs_f64() * 1e3,
            percentile(l, 0.99).as_secs_f64() * 1e3,
            l[l.len() - 1].as_secs_f64() * 1e3
        );
    };
    let sqlite = Backend::Sqlite.start_server(&[]).expect("server");
    let same_sqlite = latencies(&sqlite, &sqlite, edits).await;
    report("edit → other rep, one instance, SQLite", &same_sqlite);
    drop(sqlite);
    let one = pg.start_server(&[]).expect("instance 1");
    let same_pg = latencies(&one, &one, edits).await;
    report("edit → other rep, one instance, PG", &same_pg);
    // A data directory of its own: accounts and documents are in PostgreSQL.
    let two = pg.start_server(&[]).expect("instance 2");
    let cross = latencies(&one, &two, edits).await;
    report("edit → other rep, across instances, PG", &cross);
    println!(
        "ratio across instances / one instance (PG): p50 {:.2}x, p99 {:.2}x",
        percentile(&cross, 0.5).as_secs_f64() / percentile(&same_pg, 0.5).as_secs_f64(),
        percentile(&cross, 0.99).as_secs_f64() / percentile(&same_pg, 0.99).as_secs_f64()
    );
}
