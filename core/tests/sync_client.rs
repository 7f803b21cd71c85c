//! The sync client against an in-process peer that answers like an automerge-repo
//! server (join → peer; sync → sync), so the protocol logic is checked without I/O.
//! The real server is exercised end to end in `tests/`.

use std::collections::HashMap;

use fieldbase_core::{
    Author, ClientBase, ClientDraft, DocumentId, SyncClient,
    automerge::{
        ActorId, Automerge,
        sync::{self, SyncDoc},
    },
    protocol::Frame,
};

/// A peer holding documents, answering every frame the way samod does.
#[derive(Default)]
struct Peer {
    docs: HashMap<DocumentId, Automerge>,
    states: HashMap<DocumentId, sync::State>,
    /// Documents it answers `doc-unavailable` for (the rep may not read them).
    refuse: std::collections::HashSet<DocumentId>,
}

impl Peer {
    fn answer(&mut self, frame: &[u8]) -> Vec<Vec<u8>> {
        match Frame::decode(frame).unwrap() {
            Frame::Join { sender_id, .. } => {
                self.states.clear();
                vec![
                    Frame::Peer {
                        sender_id: "server".into(),
                        target_id: sender_id,
                        selected_protocol_version: "1".into(),
                    }
                    .encode(),
                ]
            }
            Frame::Sync {
                document_id,
                sender_id,
                data: _,
                ..
            }
            | Frame::Request {
                document_id,
                sender_id,
                data: _,
                ..
            } if self.refuse.contains(&document_id) => vec![
                Frame::DocUnavailable {
                    document_id,
                    sender_id: "server".into(),
                    target_id: sender_id,
                }
                .encode(),
            ],
            Frame::Sync {
                document_id,
                sender_id,
                data,
                ..
            }
            | Frame::Request {
                document_id,
                sender_id,
                data,
                ..
            } => {
                let doc = self.docs.entry(document_id).or_default();
                let state = self.states.entry(document_id).or_default();
                doc.receive_sync_message(state, sync::Message::decode(&data).unwrap())
                    .unwrap();
                match doc.generate_sync_message(state) {
                    Some(m) => vec![
                        Frame::Sync {
                            document_id,
                            sender_id: "server".into(),
                            target_id: sender_id,
                            data: m.encode(),
                        }
                        .encode(),
                    ],
                    None => vec![],
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Runs frames between client and peer until neither has anything to say.
fn converse(
    client: &mut SyncClient,
    base: &mut ClientBase,
    peer: &mut Peer,
    first: Vec<Vec<u8>>,
) -> usize {
    let mut to_peer = first;
    let mut rounds = 0;
    while !to_peer.is_empty() {
        rounds += 1;
        assert!(rounds < 50, "the conversation does not end");
        let mut to_client = Vec::new();
        for f in to_peer.drain(..) {
            to_client.extend(peer.answer(&f));
        }
        for f in to_client {
            client.receive(base, &f).unwrap();
        }
        to_peer = client.outgoing(base);
    }
    rounds
}

fn base(actor: u8) -> ClientBase {
    ClientBase::new(DocumentId::from_bytes([0; 16]), ActorId::from([actor; 16]))
}

fn add(base: &mut ClientBase, client: &mut SyncClient, n: u8, name: &str) {
    let draft = ClientDraft {
        name: name.into(),
        ..Default::default()
    };
    let edit = base
        .add_client(
            DocumentId::from_bytes([n; 16]),
            &draft,
            &Author {
                who: "t".into(),
                at: 0,
            },
        )
        .unwrap();
    client.touched(base, &edit.touched);
}

#[test]
fn pending_counts_until_acknowledged_then_synced() {
    let mut peer = Peer::default();
    let mut b = base(1);
    let mut c = SyncClient::new("anna/1", None);
    add(&mut b, &mut c, 1, "Alfa");
    add(&mut b, &mut c, 2, "Beta");
    let s = c.status(&b);
    assert!(!s.connected);
    assert_eq!(
        s.pending_changes, 4,
        "two client documents and two index changes"
    );

    let hello = c.hello();
    converse(&mut c, &mut b, &mut peer, vec![hello]);
    let s = c.status(&b);
    assert!(s.is_synced(), "{s:?}");
    assert_eq!(s.pending_changes, 0);
    assert_eq!(peer.docs.len(), 3);

    // Telling the client about documents that did not change keeps it synced.
    c.touched(&b, &b.doc_ids());
    assert!(c.status(&b).is_synced());
    assert!(c.outgoing(&mut b).is_empty());
}

#[test]
fn a_second_replica_fetches_every_listed_document() {
    let mut peer = Peer::default();
    let (mut b1, mut c1) = (base(1), SyncClient::new("anna/1", None));
    for n in 1..=5 {
        add(&mut b1, &mut c1, n, &format!("Client {n}"));
    }
    let hello = c1.hello();
    converse(&mut c1, &mut b1, &mut peer, vec![hello]);

    let (mut b2, mut c2) = (base(2), SyncClient::new("anna/2", None));
    let hello = c2.hello();
    converse(&mut c2, &mut b2, &mut peer, vec![hello]);
    assert!(c2.status(&b2).is_synced());
    assert_eq!(b2.summaries(), b1.summaries());
    assert_eq!(
        b2.client(DocumentId::from_bytes([3; 16])).unwrap().name,
        "Client 3"
    );
    assert_eq!(b2.doc_count(), 6);
}

#[test]
fn a_disconnect_keeps_what_was_acknowledged() {
    let mut peer = Peer::default();
    let (mut b, mut c) = (base(1), SyncClient::new("anna/1", None));
    add(&mut b, &mut c, 1, "Alfa");
    let hello = c.hello();
    converse(&mut c, &mut b, &mut peer, vec![hello]);
    c.disconnected();
    add(&mut b, &mut c, 2, "Beta");
    let s = c.status(&b);
    assert!(!s.connected);
    assert_eq!(
        s.pending_changes, 2,
        "only the new client and its index entry"
    );

    // A new client over the same base, restored from persisted acknowledged heads.
    let mut again = SyncClient::new("anna/1b", None);
    for id in b.doc_ids() {
        again.restore_acked(&b, id, c.acked_heads(id).to_vec());
    }
    assert_eq!(again.status(&b).pending_changes, 2);
}

/// A replica reopened from its saved documents, the index loaded and every client
/// document stashed (as the PWA opens).
fn reopened(from: &ClientBase, actor: u8) -> ClientBase {
    let mut b = base(actor);
    for id in from.doc_ids() {
        let bytes = from.doc(id).unwrap().save();
        if b.is_loaded(id) {
            b.load_doc(id, &bytes).unwrap();
        } else {
            b.stash_doc(id, bytes).unwrap();
        }
    }
    b
}

#[test]
fn a_reopened_base_syncs_in_slices_loading_stashed_documents_only_as_it_goes() {
    let mut peer = Peer::default();
    let (mut b1, mut c1) = (base(1), SyncClient::new("anna/1", None));
    for n in 1..=6 {
        add(&mut b1, &mut c1, n, &format!("Client {n}"));
    }
    let hello = c1.hello();
    converse(&mut c1, &mut b1, &mut peer, vec![hello]);

    // A colleague changes client 4 meanwhile.
    let (mut b2, mut c2) = (base(2), SyncClient::new("kira/1", None));
    let hello = c2.hello();
    converse(&mut c2, &mut b2, &mut peer, vec![hello]);
    let four = DocumentId::from_bytes([4; 16]);
    let patch = fieldbase_core::ClientPatch {
        name: Some("Client 4, renamed".into()),
        ..Default::default()
    };
    let edit = b2
        .edit_client(
            four,
            &patch,
            &Author {
                who: "kira".into(),
                at: 5,
            },
        )
        .unwrap();
    c2.touched(&b2, &edit.touched);
    converse(&mut c2, &mut b2, &mut peer, vec![]);
    let out = c2.outgoing(&mut b2);
    converse(&mut c2, &mut b2, &mut peer, out);

    // Anna's device reopens: nothing but the index is loaded, nothing is pending.
    let mut b = reopened(&b1, 1);
    assert_eq!(b.stashed_count(), 6);
    assert_eq!(b.clients().len(), 6, "the list reads the index alone");
    assert_eq!(b.stashed_count(), 6);
    let mut c = SyncClient::new("anna/2", None);
    for id in b.doc_ids() {
        c.restore_acked(&b, id, c1.acked_heads(id).to_vec());
    }
    c.touched(&b, &b.doc_ids());
    assert_eq!(b.stashed_count(), 6, "counting loads nothing stashed");
    assert_eq!(c.status(&b).pending_changes, 0);

    // Connected: messages go out two documents at a time, the index first.
    let hello = c.hello();
    for f in peer.answer(&hello) {
        c.receive(&mut b, &f).unwrap();
    }
    assert!(c.has_outgoing());
    let first = c.outgoing_some(&mut b, 2);
    assert_eq!(first.len(), 2);
    let Frame::Sync { document_id, .. } = Frame::decode(&first[0]).unwrap() else {
        panic!("a sync frame first");
    };
    assert_eq!(document_id, b.index_id(), "the index goes first");
    assert_eq!(
        b.stashed_count(),
        5,
        "one client document loaded for its message"
    );
    let mut to_peer = first;
    let mut rounds = 0;
    while !to_peer.is_empty() || c.has_outgoing() {
        rounds += 1;
        assert!(rounds < 100, "the conversation does not end");
        let mut to_client = Vec::new();
        for f in to_peer.drain(..) {
            to_client.extend(peer.answer(&f));
        }
        for f in to_client {
            c.receive(&mut b, &f).unwrap();
        }
        to_peer = c.outgoing_some(&mut b, 2);
    }
    assert!(c.status(&b).is_synced(), "{:?}", c.status(&b));
    assert_eq!(b.stashed_count(), 0);
    assert_eq!(b.client(four).unwrap().name, "Client 4, renamed");
    let loaded = b.take_loaded();
    assert_eq!(loaded.len(), 6, "each stashed document reported once");
    let stored_four = loaded.iter().find(|(id, _)| *id == four).unwrap();
    assert_eq!(
        stored_four.1,
        b1.heads(four),
        "with the heads it was stored with"
    );
}

#[test]
fn changes_of_a_document_the_server_refuses_are_reported_as_refused_not_pending() {
    let mut peer = Peer::default();
    let (mut b, mut c) = (base(1), SyncClient::new("anna/1", None));
    add(&mut b, &mut c, 1, "Alfa");
    let hello = c.hello();
    converse(&mut c, &mut b, &mut peer, vec![hello]);
    assert!(c.status(&b).is_synced());

    // The hand-over ended while the rep was offline and edited the client.
    let one = DocumentId::from_bytes([1; 16]);
    peer.refuse.insert(one);
    c.disconnected();
    let patch = fieldbase_core::ClientPatch {
        email: Some("office@alfa.cz".into()),
        ..Default::default()
    };
    let edit = b
        .edit_client(
            one,
            &patch,
            &Author {
                who: "t".into(),
                at: 9,
            },
        )
        .unwrap();
    c.touched(&b, &edit.touched);
    assert_eq!(
        c.status(&b).pending_changes,
        2,
        "offline: the card and the index"
    );

    let hello = c.hello();
    converse(&mut c, &mut b, &mut peer, vec![hello]);
    let s = c.status(&b);
    assert_eq!(s.pending_changes, 0, "{s:?}");
    assert_eq!(
        s.refused_changes, 1,
        "the card's change, kept on the device"
    );
    assert!(s.is_synced(), "the rest is in sync: {s:?}");
    assert_eq!(b.client(one).unwrap().email, "office@alfa.cz");
}
