//! The rest of the client card: details, lost reason, tags, competitors, delegates,
//! addresses, needs, notes; and how each merges.
// Amounts are written in minor units grouped as major_minor: 120_000_00 is 120 000,00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{author, base_with_client, date, id, replica};
use fieldbase_core::{
    Address, AddressKind, ClientDetails, ClientDraft, ClientPatch, ClientStatus, Currency,
    Delegation, Error, Field, Money, Need, Problem, Rating, Segment, Source,
};

fn invalid_field(r: Result<impl std::fmt::Debug, Error>) -> (Field, Problem) {
    match r {
        Err(Error::Invalid { field, reason, .. }) => (field, reason),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_new_client_is_owned_by_its_creator_and_created_at_the_authors_instant() {
    let base = base_with_client("Alfa");
    let d = base.details(id(1));
    assert_eq!(d.owner, "anna");
    let s = &base.clients()[0];
    assert_eq!(s.owner, "anna", "the owner is mirrored in the index");
}

#[test]
fn details_round_trip_and_are_mirrored_for_lists() {
    let mut base = base_with_client("Alfa");
    let details = ClientDetails {
        legal_name: "  Alfa   s.r.o. ".into(),
        tax_id: "CZ12345678".into(),
        industry: "Bakery".into(),
        segment: Segment::Key,
        source: Source::Exhibition,
        source_event: "ev1".into(),
        owner: "boris".into(),
        website: "alfa.cz".into(),
        price_type: "wholesale".into(),
        discount_bp: 550,
        payment_days: 14,
        credit_limit: Some(Money::new(50_000_00, Currency::CZK)),
        currency: Some(Currency::CZK),
        rating: Rating::B,
        rating_checked: Some(date("2026-10-01")),
        rating_note: "pays within 20 days".into(),
        next_step: "Send the price list".into(),
        next_step_date: Some(date("2026-11-25")),
        ..Default::default()
    };
    let edit = base
        .set_details(id(1), &details, &author("anna/phone", 10))
        .unwrap();
    assert_eq!(edit.touched, vec![id(1), id(0)]);
    let d = base.details(id(1));
    assert_eq!(d.legal_name, "Alfa s.r.o.", "trimmed and folded");
    assert_eq!(d.credit_limit, Some(Money::new(50_000_00, Currency::CZK)));
    assert_eq!(d.rating, Rating::B);
    let s = &base.clients()[0];
    assert_eq!(
        (s.segment, s.owner.as_str(), s.rating),
        (Segment::Key, "boris", Rating::B)
    );
    assert_eq!(s.next_step_date, Some(date("2026-11-25")));
    // Setting the same details again writes nothing.
    let again = base
        .set_details(id(1), &d, &author("anna/phone", 11))
        .unwrap();
    assert!(again.touched.is_empty());
}

#[test]
fn bad_details_are_refused_and_nothing_is_written() {
    let mut base = base_with_client("Alfa");
    let heads = base.heads(id(1));
    let bad = [
        (
            ClientDetails {
                tax_id: "CZ<123>".into(),
                ..Default::default()
            },
            Field::TaxId,
            Problem::BadTaxId,
        ),
        (
            ClientDetails {
                website: "not a site".into(),
                ..Default::default()
            },
            Field::Website,
            Problem::BadWebsite,
        ),
        (
            ClientDetails {
                discount_bp: 10_001,
                ..Default::default()
            },
            Field::Discount,
            Problem::OutOfRange,
        ),
        (
            ClientDetails {
                payment_days: 400,
                ..Default::default()
            },
            Field::PaymentDays,
            Problem::OutOfRange,
        ),
        (
            ClientDetails {
                credit_limit: Some(Money::new(-1, Currency::EUR)),
                ..Default::default()
            },
            Field::CreditLimit,
            Problem::OutOfRange,
        ),
        (
            ClientDetails {
                owner: "an\u{7}na".into(),
                ..Default::default()
            },
            Field::Rep,
            Problem::ControlChars,
        ),
    ];
    for (details, field, problem) in bad {
        assert_eq!(
            invalid_field(base.set_details(id(1), &details, &author("anna", 1))),
            (field, problem)
        );
    }
    assert_eq!(base.heads(id(1)), heads, "nothing was written");
}

#[test]
fn a_lost_client_needs_a_reason() {
    let mut base = base_with_client("Alfa");
    let lost = ClientPatch {
        status: Some(ClientStatus::Lost),
        ..Default::default()
    };
    assert_eq!(
        invalid_field(base.edit_client(id(1), &lost, &author("anna", 1))),
        (Field::LostReason, Problem::ReasonRequired)
    );
    let with_reason = ClientPatch {
        lost_reason: Some("Chose a cheaper supplier".into()),
        ..lost
    };
    base.edit_client(id(1), &with_reason, &author("anna", 2))
        .unwrap();
    let c = base.client(id(1)).unwrap();
    assert_eq!(
        (c.status, c.lost_reason.as_str()),
        (ClientStatus::Lost, "Chose a cheaper supplier")
    );
    // Creating a lost client without a reason is refused too.
    let draft = ClientDraft {
        name: "Beta".into(),
        status: Some(ClientStatus::Lost),
        ..Default::default()
    };
    assert_eq!(
        invalid_field(base.add_client(id(2), &draft, &author("anna", 3))),
        (Field::LostReason, Problem::ReasonRequired)
    );
}

#[test]
fn concurrent_edits_of_different_details_both_land_and_one_field_conflicts() {
    let mut a = base_with_client("Alfa");
    let mut b = replica(2);
    b.merge(&a).unwrap();
    let mut da = a.details(id(1));
    da.price_type = "wholesale".into();
    da.payment_days = 30;
    a.set_details(id(1), &da, &author("anna", 10)).unwrap();
    let mut db = b.details(id(1));
    db.price_type = "retail".into();
    db.rating = Rating::C;
    b.set_details(id(1), &db, &author("boris", 11)).unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let (x, y) = (a.details(id(1)), b.details(id(1)));
    assert_eq!(x, y, "both replicas converge");
    assert_eq!(x.payment_days, 30, "anna's payment terms landed");
    assert_eq!(x.rating, Rating::C, "boris's rating landed");
    let mut both = vec![x.price_type.clone()];
    both.extend(a.details_conflicts(id(1), "price_type"));
    both.sort();
    assert_eq!(
        both,
        vec!["retail", "wholesale"],
        "the losing price type is retrievable"
    );
}

#[test]
fn tags_added_on_two_replicas_both_stay_and_are_searchable() {
    let mut a = base_with_client("Alfa");
    let mut b = replica(2);
    b.merge(&a).unwrap();
    a.add_tag(id(1), " Bakery ", &author("anna", 1)).unwrap();
    b.add_tag(id(1), "export", &author("boris", 1)).unwrap();
    b.add_tag(id(1), "bakery", &author("boris", 2)).unwrap();
    a.merge(&b).unwrap();
    assert_eq!(a.card_collections(id(1)).tags, vec!["bakery", "export"]);
    assert_eq!(
        a.clients()[0].tags,
        vec!["bakery", "export"],
        "mirrored in the index"
    );
    let index = fieldbase_core::SearchIndex::from_base(&a);
    assert_eq!(
        index.search("expo", 10).len(),
        1,
        "a tag is found by search"
    );
    a.remove_tag(id(1), "export", &author("anna", 3)).unwrap();
    assert_eq!(a.card_collections(id(1)).tags, vec!["bakery"]);
    assert_eq!(a.clients()[0].tags, vec!["bakery"]);
    assert_eq!(
        invalid_field(a.add_tag(id(1), "a:b", &author("anna", 4))),
        (Field::Tag, Problem::BadTag)
    );
}

#[test]
fn competitors_delegates_addresses_and_needs() {
    let mut base = base_with_client("Alfa");
    let who = author("anna", 1);
    base.add_competitor(id(1), "Beta Foods", &who).unwrap();
    base.set_delegate(
        id(1),
        "boris",
        &Delegation {
            from: Some(date("2026-12-01")),
            to: Some(date("2026-12-14")),
            note: "holiday".into(),
        },
        &who,
    )
    .unwrap();
    assert_eq!(
        invalid_field(base.set_delegate(
            id(1),
            "boris",
            &Delegation {
                from: Some(date("2026-12-14")),
                to: Some(date("2026-12-01")),
                ..Default::default()
            },
            &who
        )),
        (Field::Date, Problem::EndBeforeStart)
    );
    base.set_address(
        id(1),
        "a1",
        &Address {
            kind: AddressKind::Delivery,
            street: "Dlouhá 5".into(),
            city: "Praha".into(),
            postcode: "110 00".into(),
            country: "cz".into(),
        },
        &who,
    )
    .unwrap();
    assert_eq!(
        invalid_field(base.set_address(
            id(1),
            "a2",
            &Address {
                country: "CZE".into(),
                ..Default::default()
            },
            &who
        )),
        (Field::Country, Problem::BadCountry)
    );
    base.set_need(
        id(1),
        "n1",
        &Need {
            what: "Flour".into(),
            volume: "2 pallets a month".into(),
            sku: "F-1".into(),
        },
        &who,
    )
    .unwrap();
    let c = base.card_collections(id(1));
    assert_eq!(c.competitors, vec!["Beta Foods"]);
    assert_eq!(c.delegates[0].0, "boris");
    assert_eq!(c.delegates[0].1.to, Some(date("2026-12-14")));
    assert_eq!(c.addresses[0].1.country, "CZ", "upper-cased");
    assert_eq!(c.needs[0].1.volume, "2 pallets a month");
    base.remove_delegate(id(1), "boris", &who).unwrap();
    assert!(base.card_collections(id(1)).delegates.is_empty());
}

#[test]
fn notes_typed_on_two_replicas_at_once_interleave() {
    let mut a = base_with_client("Alfa");
    let mut b = replica(2);
    b.merge(&a).unwrap();
    a.set_notes(id(1), "Likes rye bread.", &author("anna", 1))
        .unwrap();
    b.merge(&a).unwrap();
    a.set_notes(
        id(1),
        "Likes rye bread. Call before 10.",
        &author("anna", 2),
    )
    .unwrap();
    b.set_notes(id(1), "Boss: Jana. Likes rye bread.", &author("boris", 2))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let notes = a.notes(id(1));
    assert_eq!(notes, b.notes(id(1)));
    assert_eq!(
        notes, "Boss: Jana. Likes rye bread. Call before 10.",
        "both insertions kept"
    );
}

#[test]
fn an_edit_made_concurrently_with_archiving_is_not_lost() {
    let mut a = base_with_client("Alfa");
    let mut b = replica(2);
    b.merge(&a).unwrap();
    a.archive_client(id(1), &author("anna", 1)).unwrap();
    let mut d = b.details(id(1));
    d.next_step = "Offer the new rye".into();
    b.set_details(id(1), &d, &author("boris", 1)).unwrap();
    a.merge(&b).unwrap();
    assert!(a.clients().is_empty(), "archived");
    assert_eq!(
        a.details(id(1)).next_step,
        "Offer the new rye",
        "the concurrent edit is kept"
    );
    a.restore_client(id(1), &author("anna", 2)).unwrap();
    assert_eq!(a.clients()[0].next_step, "Offer the new rye");
}

#[test]
fn a_restricted_client_lives_in_its_owners_book_not_in_the_team_index() {
    let mut anna = replica(1);
    anna.set_book("anna", id(100));
    let who = author("anna", 1);
    let draft = ClientDraft {
        name: "Key Account a.s.".into(),
        details: ClientDetails {
            restricted: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let edit = anna.add_client(id(1), &draft, &who).unwrap();
    assert_eq!(
        edit.touched,
        vec![id(1), id(100)],
        "the book, not the team index"
    );
    anna.add_client(
        id(2),
        &ClientDraft {
            name: "Open Client".into(),
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    assert_eq!(anna.clients().len(), 2, "anna sees both");

    // A colleague who syncs the team index only (the server withholds the book and the
    // restricted card) never learns the restricted client exists.
    let mut boris = replica(2);
    boris
        .load_doc(id(0), &anna.doc(id(0)).unwrap().save())
        .unwrap();
    let names: Vec<String> = boris.clients().into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["Open Client"]);
    assert!(!boris.missing_docs().contains(&id(1)));

    // A head of sales holding the book sees it.
    let mut head = replica(3);
    head.set_book("anna", id(100));
    head.merge(&anna).unwrap();
    assert_eq!(head.clients().len(), 2);

    // Lifting the restriction moves the summary into the team index.
    let mut d = anna.details(id(1));
    d.restricted = false;
    let edit = anna.set_details(id(1), &d, &author("anna", 2)).unwrap();
    assert!(edit.touched.contains(&id(0)) && edit.touched.contains(&id(100)));
    boris
        .load_doc(id(0), &anna.doc(id(0)).unwrap().save())
        .unwrap();
    assert_eq!(boris.clients().len(), 2, "now the colleague sees it");
    assert_eq!(anna.clients().len(), 2, "listed once");

    // Restricting a client of someone whose book is unknown is refused, unchanged.
    let mut d = anna.details(id(2));
    d.restricted = true;
    d.owner = "boris".into();
    assert!(
        matches!(anna.set_details(id(2), &d, &who), Err(Error::NoBook(owner)) if owner == "boris")
    );
    assert!(!anna.details(id(2)).restricted);
}

#[test]
fn referrals_name_who_referred_whom() {
    let mut base = base_with_client("Alfa");
    let draft = ClientDraft {
        name: "Beta".into(),
        details: ClientDetails {
            source: Source::Referral,
            referred_by: Some(id(1)),
            ..Default::default()
        },
        ..Default::default()
    };
    base.add_client(id(2), &draft, &author("anna", 1)).unwrap();
    base.add_client(
        id(3),
        &ClientDraft {
            name: "Gamma".into(),
            ..Default::default()
        },
        &author("anna", 2),
    )
    .unwrap();
    let names: Vec<String> = base.referrals(id(1)).into_iter().map(|c| c.name).collect();
    assert_eq!(names, vec!["Beta"]);
    assert!(base.referrals(id(2)).is_empty());
}

#[test]
fn notes_typed_from_an_older_view_keep_what_others_typed_meanwhile() {
    let mut a = base_with_client("Alfa");
    a.set_notes(id(1), "Likes rye.", &author("anna", 1))
        .unwrap();
    // The rep starts typing from this view...
    let view = a.heads(id(1));
    // ...while a colleague's edit arrives.
    let mut b = replica(2);
    b.merge(&a).unwrap();
    b.set_notes(id(1), "Boss: Jana. Likes rye.", &author("boris", 2))
        .unwrap();
    a.merge(&b).unwrap();
    assert_eq!(a.notes(id(1)), "Boss: Jana. Likes rye.");
    // Saving the textarea (typed from the older view) keeps the colleague's words.
    a.set_notes_since(
        id(1),
        &view,
        "Likes rye. Call before 10.",
        &author("anna", 3),
    )
    .unwrap();
    assert_eq!(a.notes(id(1)), "Boss: Jana. Likes rye. Call before 10.");
    // The old way would have dropped them: the smallest splice from the current text.
    let mut c = replica(3);
    c.merge(&b).unwrap();
    c.set_notes(id(1), "Likes rye. Call before 10.", &author("carl", 3))
        .unwrap();
    assert_eq!(c.notes(id(1)), "Likes rye. Call before 10.");
    // And it merges with everyone.
    b.merge(&a).unwrap();
    assert_eq!(b.notes(id(1)), a.notes(id(1)));
    // Saving from the current view twice in a row works too (no actor clash).
    let now = a.heads(id(1));
    a.set_notes_since(id(1), &now, "x", &author("anna", 4))
        .unwrap();
    assert_eq!(a.notes(id(1)), "x");
}
