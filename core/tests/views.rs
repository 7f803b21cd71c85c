//! Saved views of the client list: kept in the rep's book, validated, replaced, deleted,
//! and kept when two devices save one each while offline.

mod common;

use common::{author, id, replica};
use fieldbase_core::{ClientBase, ClientStatus, Error, SavedView, Segment, ViewSort};

fn with_book(actor: u8) -> ClientBase {
    let mut b = replica(actor);
    b.set_book("anna", id(50));
    b.set_book("boris", id(51));
    b
}

fn view(name: &str, at: i64) -> SavedView {
    SavedView {
        name: name.into(),
        query: " novak ".into(),
        status: ClientStatus::Active.key().into(),
        segment: Segment::Key,
        owner: "anna".into(),
        tag: "vip".into(),
        event: "ev1".into(),
        overdue: true,
        sort: ViewSort::NextStep,
        saved_at: at,
    }
}

#[test]
fn a_view_is_saved_in_the_reps_book_read_back_and_deleted() {
    let mut b = with_book(1);
    let anna = author("anna/phone", 10);
    assert_eq!(
        b.save_view("v1", &view("  Hot   A  ", 2), &anna).unwrap(),
        id(50)
    );
    b.save_view("v2", &view("Debtors", 1), &anna).unwrap();
    let views = b.saved_views("anna");
    let names: Vec<&str> = views.iter().map(|(_, v)| v.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Debtors", "Hot A"],
        "in the order saved, names tidied"
    );
    let (_, v) = &views[1];
    assert_eq!(v.query, "novak");
    assert_eq!(v.status(), Some(ClientStatus::Active));
    assert_eq!(
        (v.segment, v.sort, v.overdue),
        (Segment::Key, ViewSort::NextStep, true)
    );
    assert_eq!(
        (v.owner.as_str(), v.tag.as_str(), v.event.as_str()),
        ("anna", "vip", "ev1")
    );
    assert!(
        b.saved_views("boris").is_empty(),
        "another rep's book holds none"
    );
    // The book's clients are untouched: it is still an index.
    assert!(b.summaries().is_empty());

    // Saving under the same id replaces it.
    b.save_view(
        "v1",
        &SavedView {
            overdue: false,
            ..view("Hot A", 2)
        },
        &anna,
    )
    .unwrap();
    assert!(!b.saved_views("anna")[1].1.overdue);

    assert_eq!(b.delete_view("v2", &anna).unwrap(), id(50));
    let ids: Vec<String> = b.saved_views("anna").into_iter().map(|(i, _)| i).collect();
    assert_eq!(ids, vec!["v1"]);
    b.delete_view("v2", &anna).unwrap();
}

#[test]
fn a_view_needs_a_name_an_id_and_a_book() {
    let mut b = with_book(1);
    let anna = author("anna", 1);
    assert!(matches!(
        b.save_view("v1", &view("   ", 1), &anna),
        Err(Error::Invalid { .. })
    ));
    assert!(matches!(
        b.save_view("a:b", &view("x", 1), &anna),
        Err(Error::BadEntryId(_))
    ));
    assert!(matches!(
        b.save_view("v1", &view("x", 1), &author("carl", 1)),
        Err(Error::NoBook(_))
    ));
    assert!(b.saved_views("anna").is_empty());
}

#[test]
fn views_saved_on_two_devices_offline_are_both_kept() {
    let mut phone = with_book(1);
    let mut laptop = with_book(2);
    phone
        .save_view("p1", &view("From the phone", 1), &author("anna/phone", 1))
        .unwrap();
    laptop
        .save_view("l1", &view("From the laptop", 2), &author("anna/laptop", 2))
        .unwrap();
    phone.merge(&laptop).unwrap();
    laptop.merge(&phone).unwrap();
    for b in [&phone, &laptop] {
        let names: Vec<String> = b
            .saved_views("anna")
            .into_iter()
            .map(|(_, v)| v.name)
            .collect();
        assert_eq!(names, vec!["From the phone", "From the laptop"]);
    }
    // A delete on one device and a new view on the other both survive the merge.
    phone.delete_view("l1", &author("anna/phone", 3)).unwrap();
    laptop
        .save_view("l2", &view("Second", 4), &author("anna/laptop", 4))
        .unwrap();
    phone.merge(&laptop).unwrap();
    let ids: Vec<String> = phone
        .saved_views("anna")
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    assert_eq!(ids, vec!["p1", "l2"]);
}

#[test]
fn the_index_mirrors_the_event_a_client_was_met_at() {
    use fieldbase_core::{ClientDetails, ClientDraft, Source};
    let mut b = with_book(1);
    b.add_client(
        id(1),
        &ClientDraft {
            name: "Met at the fair".into(),
            details: ClientDetails {
                source: Source::Exhibition,
                source_event: "ev1".into(),
                ..Default::default()
            },
            ..Default::default()
        },
        &author("anna", 1),
    )
    .unwrap();
    assert_eq!(b.summaries()[0].event, "ev1");
    let mut d = b.details(id(1));
    d.source_event = "ev2".into();
    b.set_details(id(1), &d, &author("anna", 2)).unwrap();
    assert_eq!(b.summaries()[0].event, "ev2");
}
