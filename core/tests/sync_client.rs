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
