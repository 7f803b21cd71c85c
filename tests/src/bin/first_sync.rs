//! Benchmark: the first sync of a team's client base through the real server, for the
//! chosen layout (one document per client plus a team index) against the alternative
//! (every client in one document), in the same run.
//!
//! `cargo run --release -p fieldbase-tests --bin first-sync -- [clients]` (default
//! 10,000). Prints one line per measurement and the ratios.

use std::time::{Duration, Instant};

use fieldbase_core::{
    DocumentId,
    automerge::{ActorId, AutoCommit, ObjType, ROOT, transaction::Transactable},
};
use fieldbase_tests::{NativeReplica, ServerProcess, SyncReport};

const T: Duration = Duration::from_secs(1800);

fn line(label: &str, r: &SyncReport) {
    println!(
        "{label:<44} {:>8.2} s {:>10.1} KiB sent {:>10.1} KiB received {:>7} frames out {:>7} in",
        r.elapsed.as_secs_f64(),
        r.bytes_sent as f64 / 1024.0,
        r.bytes_received as f64 / 1024.0,
        r.frames_sent,
        r.frames_received
    );
}

fn name(i: usize) -> String {
    const STEMS: [&str; 6] = [
        "Nordic Trade AS",
        "Моторс ООО",
        "Dvořák a syn s.r.o.",
        "한빛상사",
        "Comércio Lima Ltda.",
        "Acme Ltd",
    ];
    format!("{} {i:05}", STEMS[i % STEMS.len()])
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let server = ServerProcess::start().expect("server starts");
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    println!(
        "first sync of {n} clients through fieldbase-server (release: {})",
        !cfg!(debug_assertions)
    );

    // Chosen layout: a document per client + the team index.
    let mut author = NativeReplica::new(login.clone(), "bulk");
    let t = Instant::now();
    for i in 0..n {
        author
            .add(
                &name(i),
                &format!("+4202{i:08}"),
                &format!("c{i}@example.com"),
            )
            .expect("valid client");
    }
    println!(
        "{:<44} {:>8.2} s",
        "build locally (per-client docs)",
        t.elapsed().as_secs_f64()
    );
    let up = author.sync(&server.ws_url(), T).await.expect("upload");
    line("upload, per-client docs", &up);
    let mut reader = NativeReplica::new(login.clone(), "fresh");
    let down = reader.sync(&server.ws_url(), T).await.expect("first sync");
    line("first sync, per-client docs", &down);
    assert_eq!(reader.base.clients().len(), n, "every client arrived");

    // Alternative: one document holding every client.
    let big_id = DocumentId::from_bytes(rand::random());
    let t = Instant::now();
    let mut doc = AutoCommit::new().with_actor(ActorId::from(rand::random::<[u8; 16]>()));
    let clients = doc.put_object(ROOT, "clients", ObjType::Map).unwrap();
    for i in 0..n {
        let c = doc
            .put_object(&clients, format!("{i}"), ObjType::Map)
            .unwrap();
        doc.put(&c, "name", name(i)).unwrap();
        doc.put(&c, "phone", format!("+4202{i:08}")).unwrap();
        doc.put(&c, "email", format!("c{i}@example.com")).unwrap();
        doc.put(&c, "status", "prospect").unwrap();
        doc.put(&c, "archived", false).unwrap();
        doc.commit();
    }
    println!(
        "{:<44} {:>8.2} s",
        "build locally (one doc)",
        t.elapsed().as_secs_f64()
    );
    // A server of its own, so that the documents above do not weigh on it, and replicas
    // that follow an index of their own (one tiny document), so that they sync the one
    // big document only.
    drop(server);
    let server = ServerProcess::start().expect("second server starts");
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    let own_index = fieldbase_tests::Login {
        team_index: DocumentId::from_bytes(rand::random()),
        ..login.clone()
    };
    let mut single = NativeReplica::new(own_index.clone(), "single");
    single.base.load_doc(big_id, &doc.save()).unwrap();
    let up1 = single
        .sync(&server.ws_url(), T)
        .await
        .expect("upload one doc");
    line("upload, one document", &up1);
    let mut reader1 = NativeReplica::new(own_index, "fresh-single");
    reader1.base.doc_or_empty(big_id);
    let down1 = reader1
        .sync(&server.ws_url(), T)
        .await
        .expect("first sync one doc");
    line("first sync, one document", &down1);

    println!(
        "ratio per-client / one-doc: first sync time {:.2}x, bytes received {:.2}x",
        down.elapsed.as_secs_f64() / down1.elapsed.as_secs_f64(),
        down.bytes_received as f64 / down1.bytes_received as f64
    );
}
