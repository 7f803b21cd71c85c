//! The client base's rules: validation writes nothing, edits merge, archive keeps edits.

use fieldbase_core::{ClientBase, ClientDraft, ClientPatch, ClientStatus, Error, Field};

mod common;
use common::*;

fn draft(name: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        phone: "+420 601 123 456".into(),
        email: "info@Firma.CZ".into(),
        status: None,
        ..Default::default()
    }
}

/// Two replicas that both hold the client `Alfa` (id 1), made by the first.
fn two_replicas_with_alfa() -> (ClientBase, ClientBase) {
    let mut a = replica(1);
    a.add_client(id(1), &draft("Alfa"), &author("anna", 0))
        .unwrap();
    let mut b = replica(2);
    b.merge(&a).unwrap();
    (a, b)
}

/// Edits client 1 on `base` as `who`.
fn edit(base: &mut ClientBase, patch: ClientPatch, who: &str) {
    base.edit_client(id(1), &patch, &author(who, 1)).unwrap();
}

#[test]
fn add_normalises_and_lists() {
    let mut base = replica(1);
    let edit = base
        .add_client(
            id(1),
            &draft("  Žluťoučký  kůň s.r.o."),
            &author("anna/phone", 1_000),
        )
        .unwrap();
    assert_eq!(edit.touched, vec![id(1), id(0)]);
    let list = base.clients();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Žluťoučký kůň s.r.o.");
    assert_eq!(list[0].phone, "+420601123456");
    assert_eq!(list[0].email, "info@firma.cz");
    assert_eq!(list[0].status, ClientStatus::Prospect);
    let card = base.client(id(1)).unwrap();
    assert_eq!(card.name, list[0].name);
}

#[test]
fn invalid_input_is_rejected_and_nothing_is_written() {
    let mut base = replica(1);
    base.add_client(id(1), &draft("Alfa"), &author("anna", 0))
        .unwrap();
    let heads_before: Vec<_> = base.doc_ids().into_iter().map(|d| base.heads(d)).collect();

    let mut bad = draft("Beta");
    bad.email = "beta-at-example.com".into();
    match base.add_client(id(2), &bad, &author("anna", 1)) {
        Err(Error::Invalid { field, value, .. }) => {
            assert_eq!(field, Field::Email);
            assert_eq!(value, "beta-at-example.com");
        }
        other => panic!("expected an e-mail error, got {other:?}"),
    }
    let patch = ClientPatch {
        phone: Some("12345".into()),
        name: Some("Alfa 2".into()),
        ..Default::default()
    };
    assert!(matches!(
        base.edit_client(id(1), &patch, &author("anna", 2)),
        Err(Error::Invalid {
            field: Field::Phone,
            ..
        })
    ));
    let heads_after: Vec<_> = base.doc_ids().into_iter().map(|d| base.heads(d)).collect();
    assert_eq!(heads_before, heads_after, "a rejected edit must not write");
    assert_eq!(base.client(id(1)).unwrap().name, "Alfa");
    assert!(base.client(id(2)).is_none());
}

#[test]
fn editing_an_unknown_client_is_an_error() {
    let mut base = replica(1);
    let patch = ClientPatch {
        name: Some("X".into()),
        ..Default::default()
    };
    assert!(matches!(
        base.edit_client(id(9), &patch, &author("a", 0)),
        Err(Error::NoSuchClient(_))
    ));
    assert!(matches!(
        base.archive_client(id(0), &author("a", 0)),
        Err(Error::NoSuchClient(_))
    ));
}

#[test]
fn concurrent_edits_of_different_fields_both_survive() {
    let (mut a, mut b) = two_replicas_with_alfa();

    edit(
        &mut a,
        ClientPatch {
            phone: Some("+47 22 33 44 55".into()),
            ..Default::default()
        },
        "anna",
    );
    edit(
        &mut b,
        ClientPatch {
            status: Some(ClientStatus::Active),
            ..Default::default()
        },
        "boris",
    );
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    for base in [&a, &b] {
        let c = base.client(id(1)).unwrap();
        assert_eq!(c.phone, "+4722334455");
        assert_eq!(c.status, ClientStatus::Active);
        assert_eq!(base.clients()[0].status, ClientStatus::Active);
    }
}

#[test]
fn concurrent_edits_of_one_field_pick_one_winner_and_keep_the_other() {
    let (mut a, mut b) = two_replicas_with_alfa();
    edit(
        &mut a,
        ClientPatch {
            name: Some("Alfa A".into()),
            ..Default::default()
        },
        "anna",
    );
    edit(
        &mut b,
        ClientPatch {
            name: Some("Alfa B".into()),
            ..Default::default()
        },
        "boris",
    );
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let (wa, wb) = (a.client(id(1)).unwrap().name, b.client(id(1)).unwrap().name);
    assert_eq!(wa, wb, "both replicas pick the same winner");
    let loser = if wa == "Alfa A" { "Alfa B" } else { "Alfa A" };
    assert_eq!(a.conflicts(id(1), "name"), vec![loser.to_string()]);
}

#[test]
fn an_edit_concurrent_with_archive_is_kept() {
    let (mut a, mut b) = two_replicas_with_alfa();
    a.archive_client(id(1), &author("anna", 1)).unwrap();
    edit(
        &mut b,
        ClientPatch {
            email: Some("new@alfa.cz".into()),
            ..Default::default()
        },
        "boris",
    );
    a.merge(&b).unwrap();
    let card = a.client(id(1)).unwrap();
    assert!(card.archived);
    assert_eq!(card.email, "new@alfa.cz");
    assert!(a.clients().is_empty(), "archived clients are not listed");
    assert_eq!(a.summaries().len(), 1, "but they are kept");
    a.restore_client(id(1), &author("anna", 2)).unwrap();
    assert_eq!(a.clients().len(), 1);
}

#[test]
fn replicas_created_offline_share_one_index_genesis() {
    let mut a = replica(1);
    let mut b = replica(2);
    a.add_client(id(1), &draft("Alfa"), &author("anna", 0))
        .unwrap();
    b.add_client(id(2), &draft("Beta"), &author("boris", 0))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let names = |x: &ClientBase| x.clients().into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(names(&a), vec!["Alfa", "Beta"]);
    assert_eq!(names(&a), names(&b));
}

#[test]
fn fields_written_as_collaborative_text_are_read_too() {
    use fieldbase_core::automerge::{AutoCommit, ObjType, ROOT, transaction::Transactable};
    // What Automerge 3's JS API writes for a plain string: a text object.
    let mut js = AutoCommit::new();
    js.put(ROOT, "kind", "client").unwrap();
    let name = js.put_object(ROOT, "name", ObjType::Text).unwrap();
    js.splice_text(&name, 0, 0, "Texto Ltda.").unwrap();
    js.put(ROOT, "status", "lead").unwrap();
    let mut base = replica(1);
    base.load_doc(id(5), &js.save()).unwrap();
    let card = base.client(id(5)).unwrap();
    assert_eq!(card.name, "Texto Ltda.");
    assert_eq!(card.status, ClientStatus::Lead);
}

#[test]
fn the_list_shows_the_same_winner_as_the_card_after_reconciling() {
    // Concurrent renames: each document picks its own winner (by op counter, then
    // actor), so when one replica has written more to the index than the other the two
    // documents pick differently; reconciling makes them agree on every replica.
    let mut disagreed = 0;
    for round in 0..40u8 {
        let (mut a, mut b) = two_replicas_with_alfa();
        for n in 0..round % 4 {
            a.add_client(id(100 + n), &draft("Other"), &author("anna", 0))
                .unwrap();
        }
        let name_a = format!("A{round}");
        let name_b = format!("B{round}");
        edit(
            &mut a,
            ClientPatch {
                name: Some(name_a.clone()),
                ..Default::default()
            },
            "anna",
        );
        edit(
            &mut b,
            ClientPatch {
                name: Some(name_b.clone()),
                ..Default::default()
            },
            "boris",
        );
        a.merge(&b).unwrap();
        b.merge(&a).unwrap();
        let card = a.client(id(1)).unwrap().name;
        if a.clients()[0].name != card {
            disagreed += 1;
        }
        let fixed_a = a.reconcile_summary(id(1), &author("anna", 9)).unwrap();
        let fixed_b = b.reconcile_summary(id(1), &author("boris", 9)).unwrap();
        assert_eq!(
            fixed_a.is_some(),
            fixed_b.is_some(),
            "both see the same disagreement"
        );
        a.merge(&b).unwrap();
        b.merge(&a).unwrap();
        for r in [&a, &b] {
            assert_eq!(
                r.clients()[0].name,
                card,
                "round {round}: the list shows the card's winner"
            );
            assert_eq!(r.client(id(1)).unwrap().name, card);
        }
        assert!(
            a.reconcile_summary(id(1), &author("anna", 10))
                .unwrap()
                .is_none()
        );
    }
    assert!(
        disagreed > 0,
        "the test must exercise a disagreement (seen in {disagreed} of 40)"
    );
}

#[test]
fn a_summary_that_is_only_ahead_of_its_card_is_left_alone() {
    let (mut a, mut b) = two_replicas_with_alfa();
    edit(
        &mut a,
        ClientPatch {
            name: Some("Alfa 2".into()),
            ..Default::default()
        },
        "anna",
    );
    // b receives the index change but not yet the card's.
    let index = a.index_id();
    let theirs = a.doc(index).unwrap().clone();
    let ours = b.doc_mut(index).unwrap();
    let changes = ours.get_changes_added(&theirs);
    ours.apply_changes(changes).unwrap();
    assert_eq!(b.clients()[0].name, "Alfa 2");
    assert_eq!(b.client(id(1)).unwrap().name, "Alfa");
    assert!(
        b.reconcile_summary(id(1), &author("boris", 5))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_stashed_client_document_loads_when_edited_and_stashing_a_held_one_merges() {
    let (a, mut b) = two_replicas_with_alfa();
    let mut reopened = replica(3);
    for doc in a.doc_ids() {
        let bytes = a.doc(doc).unwrap().save();
        if reopened.is_loaded(doc) {
            reopened.load_doc(doc, &bytes).unwrap();
        } else {
            reopened.stash_doc(doc, bytes).unwrap();
        }
    }
    assert!(!reopened.is_loaded(id(1)));
    assert_eq!(reopened.clients()[0].name, "Alfa");
    assert!(!reopened.is_loaded(id(1)), "the list reads the index only");
    edit(
        &mut reopened,
        ClientPatch {
            name: Some("Alfa 2".into()),
            ..Default::default()
        },
        "anna",
    );
    assert_eq!(reopened.client(id(1)).unwrap().name, "Alfa 2");
    assert_eq!(reopened.take_loaded(), vec![(id(1), a.heads(id(1)))]);

    // Stashing bytes of a document already held merges them at once.
    edit(
        &mut b,
        ClientPatch {
            phone: Some("+420 777 000 111".into()),
            ..Default::default()
        },
        "kira",
    );
    reopened
        .stash_doc(id(1), b.doc(id(1)).unwrap().save())
        .unwrap();
    let card = reopened.client(id(1)).unwrap();
    assert_eq!(card.name, "Alfa 2");
    assert_eq!(card.phone, "+420777000111");
}
