//! A snapshot of the parsed index view: a replica whose index documents are stashed
//! lists, searches and plans from it without loading them, and a snapshot that does not
//! match the stored documents is corrected once they load.

use fieldbase_core::{
    ClientBase, ClientDetails, ClientDraft, ClientPatch, Date, DocumentId, Error, SearchIndex,
    TeamDoc,
    automerge::ActorId,
    sample::{SampleSpec, generate},
};

mod common;
use common::*;

const BOOK: u8 = 200;

/// A generated base with one restricted client in emma's book as well.
fn generated() -> ClientBase {
    let mut base = generate(&SampleSpec::standard(7).scaled(40));
    base.set_book("emma", id(BOOK));
    let draft = ClientDraft {
        name: "Key Account a.s.".into(),
        details: ClientDetails {
            restricted: true,
            owner: "emma".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    base.add_client(id(201), &draft, &author("emma", 1))
        .unwrap();
    base
}

/// Every document of `base` as it would be stored.
fn stored(base: &ClientBase) -> Vec<(DocumentId, Vec<u8>)> {
    base.doc_ids()
        .into_iter()
        .map(|id| (id, base.doc(id).unwrap().save()))
        .collect()
}

/// A new replica of `base`'s team holding `docs` stashed, as a device opens.
fn reopened(base: &ClientBase, docs: Vec<(DocumentId, Vec<u8>)>) -> ClientBase {
    let mut fresh = ClientBase::new(base.index_id(), ActorId::from([9u8; 16]));
    fresh.set_team_docs(
        base.team_doc_id(TeamDoc::Team).unwrap(),
        base.team_doc_id(TeamDoc::Plan).unwrap(),
    );
    for (owner, book) in base.books() {
        fresh.set_book(owner, *book);
    }
    for (id, bytes) in docs {
        fresh.stash_doc(id, bytes).unwrap();
    }
    fresh
}

fn today() -> Date {
    date("2026-11-24")
}

fn search_ids(base: &ClientBase, q: &str) -> Vec<DocumentId> {
    SearchIndex::from_base(base)
        .search(q, 50)
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_restored_view_lists_searches_and_plans_without_loading_the_index() {
    let base = generated();
    let snapshot = base.snapshot_index_view();
    let mut fresh = reopened(&base, stored(&base));
    fresh.restore_index_view(&snapshot).unwrap();

    assert_eq!(fresh.clients(), base.clients());
    assert!(
        fresh.clients().iter().any(|c| c.id == id(201)),
        "the book's client"
    );
    for rep in ["emma", "ivan"] {
        assert_eq!(fresh.today(rep, today()), base.today(rep, today()), "{rep}");
    }
    assert_eq!(fresh.receivables(None), base.receivables(None));
    assert_eq!(
        fresh.overdue_invoices(None, today()),
        base.overdue_invoices(None, today())
    );
    for q in ["a", "s.r.o", "key"] {
        assert_eq!(search_ids(&fresh, q), search_ids(&base, q), "{q}");
    }
    assert!(
        !fresh.is_loaded(base.index_id()),
        "the team index stayed stashed"
    );
    assert!(!fresh.is_loaded(id(BOOK)), "the book stayed stashed");

    // An edit loads the index; the view goes on from the snapshot.
    let who = author("ivan", 2);
    fresh
        .add_client(
            id(202),
            &ClientDraft {
                name: "Nová Firma s.r.o.".into(),
                ..Default::default()
            },
            &who,
        )
        .unwrap();
    assert!(fresh.is_loaded(base.index_id()));
    let listed = fresh.clients();
    assert_eq!(listed.len(), base.clients().len() + 1);
    assert!(listed.iter().any(|c| c.name == "Nová Firma s.r.o."));
    assert_eq!(search_ids(&fresh, "nova firma"), vec![id(202)]);
}

#[test]
fn a_snapshot_older_than_the_stored_index_is_corrected_when_the_index_loads() {
    let mut base = generated();
    let old = base.snapshot_index_view();
    let first = base.clients()[0].clone();
    let who = author("ivan", 3);
    base.edit_client(
        first.id,
        &ClientPatch {
            name: Some("Renamed Later a.s.".into()),
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    base.add_client(
        id(203),
        &ClientDraft {
            name: "Added Later".into(),
            ..Default::default()
        },
        &who,
    )
    .unwrap();

    let mut fresh = reopened(&base, stored(&base));
    fresh.restore_index_view(&old).unwrap();
    // Trusted while stashed (the caller vouches that the snapshot matches)...
    assert!(fresh.clients().iter().all(|c| c.id != id(203)));
    // ...and corrected from the real heads once the index is read.
    assert!(fresh.doc(base.index_id()).is_some());
    assert_eq!(fresh.clients(), base.clients());
    assert!(
        fresh
            .clients()
            .iter()
            .any(|c| c.name == "Renamed Later a.s.")
    );
}

#[test]
fn bytes_that_are_not_a_snapshot_are_refused_and_the_view_is_read_from_the_documents() {
    let base = generated();
    let mut fresh = reopened(&base, stored(&base));
    let mut damaged = base.snapshot_index_view();
    damaged.truncate(damaged.len() / 2);
    for bytes in [b"not a view".to_vec(), damaged, Vec::new()] {
        match fresh.restore_index_view(&bytes) {
            Err(Error::BadViewSnapshot(_)) => {}
            other => panic!("expected BadViewSnapshot, got {other:?}"),
        }
    }
    assert_eq!(fresh.clients(), base.clients());
}

#[test]
fn a_snapshot_of_another_format_is_refused() {
    let base = generated();
    let mut bytes = base.snapshot_index_view();
    // The format number leads the snapshot (a variable-length integer, one byte).
    bytes[0] = bytes[0].wrapping_add(1);
    let mut fresh = reopened(&base, stored(&base));
    let err = fresh.restore_index_view(&bytes).unwrap_err();
    assert!(err.to_string().contains("format"), "{err}");
}
