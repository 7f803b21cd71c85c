//! Both storage backends under the real server: old incremental chunks are compacted
//! (the vendored samod-core does it itself), data survives a restart on PostgreSQL, and a storage
//! that keeps failing stops the server with exit code 70.

use std::time::Duration;

use fieldbase_core::ClientPatch;
use fieldbase_tests::{Backend, LiveSession, NativeReplica};

const T: Duration = Duration::from_secs(30);

/// Many edits of one client document, each acknowledged before the next: without
/// compaction the document would hold one incremental chunk per change (200+); the
/// vendored samod-core writes a snapshot once the incremental chunks outweigh the last
/// snapshot (and 4 KiB) or reach 64, and deletes what it supersedes, so the count stays
/// bounded. Checked on both backends, and the compacted
/// document still holds the last edit after a restart.
#[tokio::test(flavor = "multi_thread")]
async fn many_edits_of_one_document_keep_its_chunks_bounded() {
    const EDITS: usize = 200;
    // At most 64 chunks trigger a snapshot; its superseded chunks are deleted with the
    // next save, so at most 64 + 1 snapshot + 1 newer incremental (+1 slack for the
    // delete still in flight when we look).
    const BOUND: usize = 67;
    for backend in Backend::both().unwrap() {
        let mut server = backend.start_server(&[]).unwrap();
        let login = server.login("admin", &server.admin_password).unwrap();
        let mut anna = NativeReplica::new(login, "phone");
        let id = anna.add("Compacted a.s.", "", "").unwrap();
        let mut live = LiveSession::open(&mut anna, &server.ws_url(), T)
            .await
            .unwrap();
        let doc = id.to_string();
        let mut most = 0;
        let mut snapshots_seen = 0;
        for n in 0..EDITS {
            anna.edit(
                id,
                &ClientPatch {
                    email: Some(format!("edit{n}@compacted.cz")),
                    ..Default::default()
                },
            )
            .unwrap();
            live.settle(&mut anna, T).await.unwrap();
            let keys = backend.keys(&server.data, &doc).unwrap();
            assert!(
                !keys.is_empty(),
                "{}: the document is stored",
                backend.name()
            );
            most = most.max(keys.len());
            if keys.iter().any(|k| k.contains("/snapshot/")) {
                snapshots_seen += 1;
            }
        }
        live.close(&mut anna).await;
        let last = backend.keys(&server.data, &doc).unwrap();
        println!(
            "{}: {EDITS} acknowledged edits of one document: at most {most} chunks stored, {} at the end ({:?})",
            backend.name(),
            last.len(),
            last.iter()
                .map(|k| k.split('/').nth(1).unwrap_or(""))
                .collect::<Vec<_>>()
        );
        assert!(
            most <= BOUND,
            "{}: {most} chunks for one document after {EDITS} edits: old incremental chunks are not compacted",
            backend.name()
        );
        assert!(
            snapshots_seen > 0,
            "{}: no snapshot chunk was ever written",
            backend.name()
        );

        server.restart().unwrap();
        let mut fresh = NativeReplica::new(
            server.login("admin", &server.admin_password).unwrap(),
            "tablet",
        );
        fresh.sync(&server.ws_url(), T).await.unwrap();
        assert_eq!(
            fresh.base.client(id).unwrap().email,
            format!("edit{}@compacted.cz", EDITS - 1),
            "{}: the compacted document holds the last edit",
            backend.name()
        );
        assert_eq!(fresh.base.heads(id), anna.base.heads(id));
    }
}

/// PostgreSQL goes away while the server runs: the next write is retried, then the
/// server stops with exit code 70 instead of acknowledging a change it did not store.
#[tokio::test(flavor = "multi_thread")]
async fn a_storage_that_keeps_failing_stops_the_server_with_code_70() {
    let backend = Backend::postgres().unwrap();
    let mut server = backend.start_server(&[]).unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut anna = NativeReplica::new(login, "phone");
    let id = anna.add("Before the outage", "", "").unwrap();
    let mut live = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();
    drop(backend); // stops PostgreSQL and deletes its cluster

    anna.edit(
        id,
        &ClientPatch {
            email: Some("during@outage.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let acked = live.until(&mut anna, Duration::from_secs(15), |r| {
        r.sync.status(&r.base).pending_changes == 0
    });
    assert!(
        acked.await.is_err(),
        "a change PostgreSQL never stored must not be acknowledged"
    );
    let status = tokio::task::spawn_blocking(move || server.wait_exit(Duration::from_secs(20)))
        .await
        .unwrap()
        .expect("the server stops when its storage keeps failing");
    assert_eq!(status.code(), Some(70), "{status}");
}
