//! Fixtures shared by the core's integration tests (each test file includes this module,
//! and not every file uses every fixture).
#![allow(dead_code)]

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ContactDraft, Date, DocumentId, automerge::ActorId,
};

/// A document id made of one repeated byte; `id(0)` is the team index.
pub fn id(n: u8) -> DocumentId {
    DocumentId::from_bytes([n; 16])
}

/// An empty base whose index is `id(0)`, writing as the actor of `actor` bytes.
pub fn replica(actor: u8) -> ClientBase {
    ClientBase::new(id(0), ActorId::from([actor; 16]))
}

/// `who` editing at `at` ms.
pub fn author(who: &str, at: i64) -> Author {
    Author {
        who: who.into(),
        at,
    }
}

/// A date written as `YYYY-MM-DD`.
pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// Replica 1 holding one client, `id(1)` named `name`, added by anna.
pub fn base_with_client(name: &str) -> ClientBase {
    let mut base = replica(1);
    base.add_client(
        id(1),
        &ClientDraft {
            name: name.into(),
            ..Default::default()
        },
        &author("anna", 0),
    )
    .unwrap();
    base
}

/// [`base_with_client`] plus the contact `c1`, Jana.
pub fn base_with_client_and_contact(name: &str) -> ClientBase {
    let mut base = base_with_client(name);
    base.add_contact(
        id(1),
        "c1",
        &ContactDraft {
            name: "Jana".into(),
            ..Default::default()
        },
        &author("anna", 0),
    )
    .unwrap();
    base
}
