//! Vendored samod-core patch 9 (`samod_core::whole_doc`): the whole-document sync
//! message a server sends a peer that has none of a document is built from one save per
//! heads, shared by every such peer. It must be exactly Automerge's message and leave
//! exactly Automerge's sync state, or peers would diverge from what the protocol
//! expects; these tests compare the two on the same inputs.

use fieldbase_core::automerge::{
    ActorId, Automerge, ROOT, ReadDoc,
    sync::{self, SyncDoc},
    transaction::Transactable,
};
use samod_core::whole_doc::WholeDocCache;

/// A document with `n` changes from two actors, some of them concurrent.
fn doc_with(n: usize) -> Automerge {
    let mut a = Automerge::new().with_actor(ActorId::from([1u8; 16]));
    let mut b = Automerge::new().with_actor(ActorId::from([2u8; 16]));
    for i in 0..n {
        let (doc, key) = if i % 3 == 0 {
            (&mut b, "b")
        } else {
            (&mut a, "a")
        };
        let mut tx = doc.transaction();
        tx.put(ROOT, format!("{key}{i}"), i as i64).unwrap();
        tx.commit();
        if i % 5 == 4 {
            a.merge(&mut b).unwrap();
        }
    }
    a.merge(&mut b).unwrap();
    a
}

/// How the server's state for a peer came to be.
#[derive(Debug, Clone, Copy)]
enum Start {
    ReadWrite,
    ReadOnly,
    /// samod's way: read-only until the share policy grants write (a pending reset).
    Granted,
}

/// The server's sync state after a peer with nothing sent its first message.
fn first_contact(doc: &Automerge, start: Start) -> sync::State {
    let peer = Automerge::new();
    let hello = peer.generate_sync_message(&mut sync::State::new()).unwrap();
    let mut state = match start {
        Start::ReadWrite => sync::State::new(),
        Start::ReadOnly | Start::Granted => sync::State::new_read_only(),
    };
    if let Start::Granted = start {
        state.set_read_only(false);
        assert!(state.needs_reset);
    }
    doc.clone().receive_sync_message(&mut state, hello).unwrap();
    state
}

#[test]
fn the_shared_message_is_exactly_automerges() {
    for n in [1, 7, 60] {
        let doc = doc_with(n);
        for start in [Start::ReadWrite, Start::ReadOnly, Start::Granted] {
            let mut cache = WholeDocCache::default();
            for peer in 0..3 {
                let state = first_contact(&doc, start);
                let (mut theirs, mut ours) = (state.clone(), state);
                let expected = doc.generate_sync_message(&mut theirs).unwrap();
                let got = cache.generate_sync_message(&doc, &mut ours).unwrap();
                assert!(
                    cache.is_cached(),
                    "{n} changes: the fast path was not taken"
                );
                assert_eq!(got, expected, "{n} changes, peer {peer}, {start:?}");
                assert_eq!(ours, theirs, "the states differ after peer {peer}");
                // Nothing more to say until the peer answers, on both paths.
                assert_eq!(
                    cache.generate_sync_message(&doc, &mut ours),
                    doc.generate_sync_message(&mut theirs)
                );
                // The peer that receives it has the whole document.
                let mut copy = Automerge::new();
                copy.receive_sync_message(&mut sync::State::new(), got)
                    .unwrap();
                assert_eq!(copy.get_heads(), doc.get_heads());
                assert_eq!(copy.keys(ROOT).count(), n);
            }
        }
    }
}

#[test]
fn a_new_change_makes_a_new_save_and_settled_peers_drop_it() {
    let mut doc = doc_with(10);
    let mut cache = WholeDocCache::default();
    let mut early = first_contact(&doc, Start::Granted);
    cache.generate_sync_message(&doc, &mut early).unwrap();

    let mut tx = doc.transaction();
    tx.put(ROOT, "late", 1).unwrap();
    tx.commit();
    let state = first_contact(&doc, Start::Granted);
    let (mut theirs, mut ours) = (state.clone(), state);
    let got = cache.generate_sync_message(&doc, &mut ours).unwrap();
    assert_eq!(got, doc.generate_sync_message(&mut theirs).unwrap());
    assert_eq!(got.heads, doc.get_heads(), "the save of the new heads");

    // A peer that still has nothing keeps the save; once none has, it is dropped.
    cache.keep_only_for([&early].into_iter());
    assert!(cache.is_cached());
    let mut settled = sync::State::new();
    assert!(
        !early.needs_reset,
        "the reset went out with the first message"
    );
    settled.their_heads = Some(doc.get_heads());
    settled.shared_heads = doc.get_heads();
    cache.keep_only_for([&settled].into_iter());
    assert!(!cache.is_cached());
}

#[test]
fn a_peer_with_something_goes_through_automerge() {
    let doc = doc_with(12);
    // The peer has the first few changes already.
    let peer = doc_with(3);
    let mut peer_state = sync::State::new();
    let hello = peer.generate_sync_message(&mut peer_state).unwrap();
    let mut state = sync::State::new();
    doc.clone().receive_sync_message(&mut state, hello).unwrap();
    let (mut theirs, mut ours) = (state.clone(), state);
    let mut cache = WholeDocCache::default();
    assert_eq!(
        cache.generate_sync_message(&doc, &mut ours),
        doc.generate_sync_message(&mut theirs)
    );
    assert!(!cache.is_cached(), "no save for a peer that has part of it");
    assert_eq!(ours, theirs);
}
