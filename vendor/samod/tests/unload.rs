#![cfg(feature = "tokio")]
//! Fieldbase patch: `RepoBuilder::with_unload_idle_after`. A server that does not
//! announce unloads an idle document while two peers that synced it stay connected;
//! a later change from one still reaches the other, and the document is loaded again
//! exactly once per unload.

use std::{
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use automerge::{Automerge, AutomergeError, ROOT, ReadDoc, transaction::Transactable};
use samod::{DocHandle, PeerId, Repo, RepoEvent, RepoObserver, ShareConfig};
mod tincans;

/// Counts the documents opened and closed.
#[derive(Clone, Default)]
struct Count {
    opened: Arc<AtomicUsize>,
    closed: Arc<AtomicUsize>,
}

impl RepoObserver for Count {
    fn observe(&self, event: &RepoEvent) {
        match event {
            RepoEvent::DocumentOpened { .. } => self.opened.fetch_add(1, Ordering::SeqCst),
            RepoEvent::DocumentClosed { .. } => self.closed.fetch_add(1, Ordering::SeqCst),
            _ => 0,
        };
    }
}

fn put(doc: &DocHandle, value: &str) {
    doc.with_document(|d| {
        d.transact::<_, _, AutomergeError>(|tx| tx.put(ROOT, "v", value))
            .unwrap();
    });
}

fn get(doc: &DocHandle) -> Option<String> {
    doc.with_document(|d| {
        d.get(ROOT, "v")
            .unwrap()
            .and_then(|(v, _)| v.into_string().ok())
    })
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_connected_peer_gets_changes_after_the_document_was_unloaded() {
    let count = Count::default();
    let server = Repo::build_tokio()
        .with_peer_id(PeerId::from("server"))
        .with_share_policy(ShareConfig::read_write().with_announce(false))
        .with_unload_idle_after(Duration::from_millis(200))
        .with_observer(count.clone())
        .load()
        .await;
    let alice = Repo::build_tokio()
        .with_peer_id(PeerId::from("alice"))
        .load()
        .await;
    let bob = Repo::build_tokio()
        .with_peer_id(PeerId::from("bob"))
        .load()
        .await;
    let _a = tincans::connect_repos(&alice, &server).await;
    let _b = tincans::connect_repos(&bob, &server).await;

    let alice_doc = alice.create(Automerge::new()).await.unwrap();
    put(&alice_doc, "1");
    let id = alice_doc.document_id().clone();
    // The server has it once Bob can find it there.
    let bob_doc = loop {
        if let Some(doc) = bob.find(id.clone()).await.unwrap() {
            break doc;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    wait_for("bob to get v=1", || get(&bob_doc).as_deref() == Some("1")).await;

    for round in 2..5 {
        let closed = count.closed.load(Ordering::SeqCst);
        wait_for("the server to unload the document", || {
            count.closed.load(Ordering::SeqCst) > closed
        })
        .await;
        let value = round.to_string();
        put(&alice_doc, &value);
        wait_for("bob to get alice's change across the unload", || {
            get(&bob_doc).as_deref() == Some(value.as_str())
        })
        .await;
    }
    assert_eq!(
        count.opened.load(Ordering::SeqCst),
        count.closed.load(Ordering::SeqCst) + 1,
        "loaded again once per change after an unload"
    );

    // A document held through a `DocHandle` is never unloaded.
    let held = server.find(id).await.unwrap().unwrap();
    let closed = count.closed.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(count.closed.load(Ordering::SeqCst), closed);
    assert_eq!(get(&held).as_deref(), Some("4"));
    drop(held);

    server.stop().await;
    alice.stop().await;
    bob.stop().await;
}
