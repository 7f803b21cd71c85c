//! "kill -9 the server while 20 reps sync; restart; every change any rep saw
//! acknowledged is there, and all reps converge" — on SQLite and on PostgreSQL.
//!
//! 20 replicas (4 reps × 5 devices), each over its own live websocket, add a client of
//! their own and then edit it and three shared ones, one edit at a time with a pause of
//! 0.2–0.4 s. Once the server has acknowledged 20 edits (however fast this machine is),
//! it is killed with SIGKILL mid-stream. Each replica knows which heads of each
//! document the server acknowledged (its sync state's shared heads, which the server
//! only sends after the writes behind them committed); after a restart a fresh replica
//! must hold every one of those changes, and after everyone syncs again all replicas
//! hold the same documents.

use std::{
    collections::BTreeSet,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use fieldbase_core::{ClientPatch, DocumentId, automerge::ReadDoc};
use fieldbase_tests::{Backend, Error, LiveSession, NativeReplica, ServerProcess};

const T: Duration = Duration::from_secs(60);
const REPLICAS: usize = 20;
const REPS: [&str; 4] = ["admin", "boris", "carla", "dmitri"];

/// One replica's part: edit, push, take the answers, until the connection dies.
/// Returns the replica and how many edits it made.
async fn stream_edits(
    mut r: NativeReplica,
    who: usize,
    url: String,
    shared: Vec<DocumentId>,
    acks: Arc<AtomicUsize>,
) -> (NativeReplica, usize) {
    let Ok(mut live) = LiveSession::open(&mut r, &url, T).await else {
        return (r, 0);
    };
    let mut own: Option<DocumentId> = None;
    let mut edits = 0;
    for step in 0..100_000usize {
        let made = match (step % 2, own) {
            (_, None) => r
                .add(&format!("R{who:02} own client"), "", "")
                .map(|id| own = Some(id)),
            (0, Some(id)) => r.edit(
                id,
                &ClientPatch {
                    email: Some(format!("r{who}s{step}@own.cz")),
                    ..Default::default()
                },
            ),
            _ => r.edit(
                shared[(who + step) % shared.len()],
                &ClientPatch {
                    email: Some(format!("r{who}s{step}@shared.cz")),
                    ..Default::default()
                },
            ),
        };
        made.expect("a valid edit");
        edits += 1;
        if live.push(&mut r).await.is_err() {
            break;
        }
        match live
            .until(&mut r, Duration::from_secs(30), |r| {
                r.sync.status(&r.base).pending_changes == 0
            })
            .await
        {
            Ok(()) => {
                acks.fetch_add(1, Ordering::Relaxed);
            }
            Err(Error::Timeout(_)) => {}
            Err(_) => break,
        }
        tokio::time::sleep(Duration::from_millis(200 + 2 * rand_ms(who, step))).await;
    }
    r.sync.disconnected();
    (r, edits)
}

/// 0–99, different per replica and step (a pause between edits, so that 20 replicas
/// do not all edit in the same instant).
fn rand_ms(who: usize, step: usize) -> u64 {
    ((who * 7919 + step * 104_729) % 100) as u64
}

async fn run(backend: Backend) {
    let name = backend.name();
    let mut server = backend.start_server(&[]).unwrap();
    for rep in &REPS[1..] {
        server.add_rep(rep, &format!("{rep}-password")).unwrap();
    }
    let logins: Vec<_> = REPS
        .iter()
        .map(|rep| {
            let pw = if *rep == "admin" {
                server.admin_password.clone()
            } else {
                format!("{rep}-password")
            };
            server.login(rep, &pw).unwrap()
        })
        .collect();

    let mut seed = NativeReplica::new(logins[0].clone(), "seed");
    let shared: Vec<DocumentId> = (0..3)
        .map(|n| seed.add(&format!("Shared {n}"), "", "").unwrap())
        .collect();
    seed.sync(&server.ws_url(), T).await.unwrap();
    let mut replicas = Vec::new();
    for i in 0..REPLICAS {
        let mut r = NativeReplica::new(logins[i % REPS.len()].clone(), &format!("dev{i}"));
        r.sync(&server.ws_url(), T).await.unwrap();
        replicas.push(r);
    }

    // Everyone edits at once; once the server has acknowledged as many edits as there
    // are replicas (however fast this machine is), it dies mid-stream.
    let acks = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = replicas
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            tokio::spawn(stream_edits(
                r,
                i,
                server.ws_url(),
                shared.clone(),
                acks.clone(),
            ))
        })
        .collect();
    let started = Instant::now();
    while acks.load(Ordering::Relaxed) < REPLICAS {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "{name}: the server acknowledged only {} edits in 300 s",
            acks.load(Ordering::Relaxed)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let streamed = started.elapsed();
    server.kill9();
    let killed = Instant::now();
    let mut replicas = Vec::new();
    let mut edits = 0;
    for t in tasks {
        let (r, n) = tokio::time::timeout(T, t).await.unwrap().unwrap();
        edits += n;
        replicas.push(r);
    }
    assert!(
        killed.elapsed() < Duration::from_secs(15),
        "every replica noticed"
    );

    // What the server had acknowledged to each replica when it died.
    let mut acked = Vec::new();
    let mut all_docs = BTreeSet::new();
    let mut pending = 0;
    for r in &replicas {
        pending += r.sync.status(&r.base).pending_changes;
        for id in r.base.doc_ids() {
            all_docs.insert(id);
            let heads = r.sync.acked_heads(id).to_vec();
            if !heads.is_empty() {
                acked.push((id, heads));
            }
        }
    }
    println!(
        "{name}: {edits} edits by {REPLICAS} replicas in {streamed:.1?}, {} acknowledged one by one; \
         {} documents with acknowledged heads; {pending} changes not acknowledged at the kill",
        acks.load(Ordering::Relaxed),
        acked.len()
    );

    // Restart; a fresh replica asks for every document any replica knows.
    server.start_again().unwrap();
    let mut checker = NativeReplica::new(logins[0].clone(), "checker");
    for &id in &all_docs {
        checker.base.doc_or_empty(id);
    }
    checker.sync(&server.ws_url(), T).await.unwrap();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (id, heads) in &acked {
        for h in heads {
            checked += 1;
            let there = checker
                .base
                .doc(*id)
                .is_some_and(|d| d.get_change_by_hash(h).is_some());
            if !there {
                missing.push((*id, *h));
            }
        }
    }
    println!("{name}: {checked} acknowledged heads checked after the restart");
    assert!(
        missing.is_empty(),
        "{name}: acknowledged changes lost by kill -9: {missing:?}"
    );

    // Everyone reconnects (twice: the second round brings what others sent in the first).
    for _round in 0..2 {
        let tasks: Vec<_> = replicas
            .into_iter()
            .map(|mut r| {
                let url = server.ws_url();
                tokio::spawn(async move {
                    r.sync(&url, T).await.unwrap();
                    r
                })
            })
            .collect();
        replicas = Vec::new();
        for t in tasks {
            replicas.push(t.await.unwrap());
        }
    }
    let mut last = NativeReplica::new(logins[1].clone(), "last");
    last.sync(&server.ws_url(), T).await.unwrap();
    for (i, r) in replicas.iter().enumerate() {
        assert_eq!(
            r.base.summaries(),
            last.base.summaries(),
            "{name}: replica {i} converged"
        );
        for id in r.base.doc_ids() {
            assert_eq!(
                r.base.heads(id),
                last.base.heads(id),
                "{name}: replica {i}, document {id}"
            );
        }
        assert_eq!(r.sync.status(&r.base).pending_changes, 0);
    }
    stop(server);
}

fn stop(mut server: ServerProcess) {
    let _ = server.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_while_20_reps_sync_on_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_while_20_reps_sync_on_postgres() {
    run(Backend::postgres().unwrap()).await;
}
