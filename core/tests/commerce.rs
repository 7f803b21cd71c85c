//! Deals, contracts, orders (with the out-of-stock path), invoices and payments,
//! complaints: validation, field-by-field merging, and derived receivables.
// Amounts are written in minor units grouped as major_minor: 120_000_00 is 120 000,00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{author, base_with_client, date, id, replica};
use fieldbase_core::{
    Complaint, ComplaintStatus, Contract, ContractStatus, Currency, Deal, DealStage, Error, Field,
    Invoice, Line, Money, Order, OrderStatus, Payment, Problem, StockState,
};

fn czk(minor: i64) -> Money {
    Money::new(minor, Currency::CZK)
}

fn invalid(r: Result<impl std::fmt::Debug, Error>) -> (Field, Problem) {
    match r {
        Err(Error::Invalid { field, reason, .. }) => (field, reason),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn deal() -> Deal {
    Deal {
        title: "Rye flour for 2027".into(),
        stage: DealStage::Sent,
        amount: Some(czk(120_000_00)),
        probability: 40,
        ..Default::default()
    }
}

#[test]
fn deals_are_validated_stored_and_merge_field_by_field() {
    let mut a = base_with_client("Alfa");
    let who = author("anna", 1);
    assert_eq!(
        invalid(a.add_entity(
            id(1),
            "d1",
            &Deal {
                probability: 101,
                ..deal()
            },
            &who
        )),
        (Field::Probability, Problem::OutOfRange)
    );
    assert_eq!(
        invalid(a.add_entity(
            id(1),
            "d1",
            &Deal {
                stage: DealStage::Lost,
                ..deal()
            },
            &who
        )),
        (Field::LostReason, Problem::ReasonRequired)
    );
    assert_eq!(
        invalid(a.add_entity(
            id(1),
            "d1",
            &Deal {
                title: " ".into(),
                ..deal()
            },
            &who
        )),
        (Field::Title, Problem::Empty)
    );
    assert!(
        a.entities::<Deal>(id(1)).is_empty(),
        "nothing written on errors"
    );
    a.add_entity(id(1), "d1", &deal(), &who).unwrap();
    assert!(
        matches!(
            a.add_entity(id(1), "d1", &deal(), &who),
            Err(Error::BadEntryId(_))
        ),
        "ids are unique"
    );

    let mut b = replica(2);
    b.merge(&a).unwrap();
    let mut da = a.entity::<Deal>(id(1), "d1").unwrap();
    da.stage = DealStage::Negotiation;
    a.update_entity(id(1), "d1", &da, &author("anna", 2))
        .unwrap();
    let mut db = b.entity::<Deal>(id(1), "d1").unwrap();
    db.probability = 70;
    db.stage = DealStage::Won;
    db.closed_on = Some(date("2026-11-20"));
    b.update_entity(id(1), "d1", &db, &author("boris", 2))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let merged = a.entity::<Deal>(id(1), "d1").unwrap();
    assert_eq!(merged, b.entity::<Deal>(id(1), "d1").unwrap());
    assert_eq!(merged.probability, 70, "boris's probability landed");
    let mut stages = vec![merged.stage.key().to_owned()];
    stages.extend(a.entity_conflicts::<Deal>(id(1), "d1", "stage"));
    stages.sort();
    assert_eq!(
        stages,
        vec!["negotiation", "won"],
        "the losing stage is retrievable"
    );
    assert!(matches!(
        a.update_entity(id(1), "nope", &deal(), &who),
        Err(Error::NoSuchEntry { kind: "deal", .. })
    ));
}

#[test]
fn contracts_need_a_signing_date_and_remind_of_renewal() {
    let mut base = base_with_client("Alfa");
    let who = author("anna", 1);
    let c = Contract {
        number: "2026/17".into(),
        status: ContractStatus::Signed,
        signed: Some(date("2026-01-10")),
        valid_from: Some(date("2026-01-15")),
        valid_to: Some(date("2026-12-31")),
        renewal_days: 30,
        price_type: "wholesale".into(),
        discount_bp: 300,
        payment_days: 14,
    };
    assert_eq!(
        invalid(base.add_entity(
            id(1),
            "k1",
            &Contract {
                signed: None,
                ..c.clone()
            },
            &who
        )),
        (Field::Date, Problem::SignedNeedsDate)
    );
    assert_eq!(
        invalid(base.add_entity(
            id(1),
            "k1",
            &Contract {
                valid_to: Some(date("2025-01-01")),
                ..c.clone()
            },
            &who
        )),
        (Field::Date, Problem::EndBeforeStart)
    );
    base.add_entity(id(1), "k1", &c, &who).unwrap();
    let stored = base.entity::<Contract>(id(1), "k1").unwrap();
    assert_eq!(stored, c);
    assert_eq!(stored.renewal_reminder(), Some(date("2026-12-01")));
}

#[test]
fn order_lines_added_on_two_replicas_both_stay_with_their_out_of_stock_path() {
    let mut a = base_with_client("Alfa");
    let who = author("anna", 1);
    let order = Order {
        number: "O-1".into(),
        received_on: Some(date("2026-11-02")),
        ..Default::default()
    };
    a.add_entity(id(1), "o1", &order, &who).unwrap();
    let mut b = replica(2);
    b.merge(&a).unwrap();
    let line = Line {
        sku: "RYE-1".into(),
        name: "Rye flour 25 kg".into(),
        quantity: 40,
        price: Some(czk(450_00)),
        discount_bp: 500,
        ..Default::default()
    };
    a.put_item::<Order, Line>(id(1), "o1", "l1", &line, &who)
        .unwrap();
    let oos = Line {
        sku: "SPELT-5".into(),
        name: "Spelt flour 5 kg".into(),
        quantity: 10,
        price: Some(czk(120_00)),
        stock: StockState::OutOfStock,
        promised: Some(date("2026-11-30")),
        analog: "SPELT-2".into(),
        logistics_requested: true,
        ..Default::default()
    };
    b.put_item::<Order, Line>(id(1), "o1", "l2", &oos, &author("boris", 1))
        .unwrap();
    a.merge(&b).unwrap();
    let lines = a.items::<Order, Line>(id(1), "o1");
    assert_eq!(lines.len(), 2, "both concurrent lines are kept");
    assert_eq!(lines[0].1.total(), Some(czk(17_100_00)), "40 × 450 − 5 %");
    assert_eq!(lines[1].1.promised, Some(date("2026-11-30")));
    assert!(lines[1].1.logistics_requested);
    assert_eq!(
        invalid(a.put_item::<Order, Line>(
            id(1),
            "o1",
            "l3",
            &Line {
                quantity: 0,
                ..line.clone()
            },
            &who
        )),
        (Field::Quantity, Problem::OutOfRange)
    );
    assert!(matches!(
        a.put_item::<Order, Line>(id(1), "missing", "l3", &line, &who),
        Err(Error::NoSuchEntry { kind: "order", .. })
    ));
    // A refused order needs a reason.
    let refused = Order {
        status: OrderStatus::Refused,
        ..order
    };
    assert_eq!(
        invalid(a.update_entity(id(1), "o1", &refused, &who)),
        (Field::Reason, Problem::ReasonRequired)
    );
    a.update_entity(
        id(1),
        "o1",
        &Order {
            status_reason: "Price too high".into(),
            ..refused
        },
        &who,
    )
    .unwrap();
    assert_eq!(
        a.entity::<Order>(id(1), "o1").unwrap().status,
        OrderStatus::Refused
    );
}

#[test]
fn outstanding_and_overdue_are_derived_and_payments_on_two_replicas_both_count() {
    let mut a = base_with_client("Alfa");
    let who = author("anna", 1);
    let inv = Invoice {
        number: "F-100".into(),
        amount: Some(czk(10_000_00)),
        issued: Some(date("2026-10-01")),
        due: Some(date("2026-10-15")),
        ..Default::default()
    };
    assert_eq!(
        invalid(a.add_entity(
            id(1),
            "i1",
            &Invoice {
                amount: None,
                ..inv.clone()
            },
            &who
        )),
        (Field::Amount, Problem::Empty)
    );
    assert_eq!(
        invalid(a.add_entity(
            id(1),
            "i1",
            &Invoice {
                due: Some(date("2026-09-01")),
                ..inv.clone()
            },
            &who
        )),
        (Field::Date, Problem::EndBeforeStart)
    );
    a.add_entity(id(1), "i1", &inv, &who).unwrap();
    let mut b = replica(2);
    b.merge(&a).unwrap();
    a.put_item::<Invoice, Payment>(
        id(1),
        "i1",
        "p1",
        &Payment {
            amount: Some(czk(3_000_00)),
            date: Some(date("2026-10-20")),
            note: String::new(),
        },
        &who,
    )
    .unwrap();
    b.put_item::<Invoice, Payment>(
        id(1),
        "i1",
        "p2",
        &Payment {
            amount: Some(czk(2_000_00)),
            date: Some(date("2026-11-05")),
            note: "bank".into(),
        },
        &author("boris", 1),
    )
    .unwrap();
    a.merge(&b).unwrap();
    let r = &a.receivables(None)[0];
    assert_eq!(r.payments.len(), 2);
    assert_eq!(r.outstanding(date("2026-10-31")), czk(7_000_00));
    assert_eq!(r.outstanding(date("2026-11-24")), czk(5_000_00));
    assert_eq!(r.days_overdue(date("2026-11-24")), 40);
    assert_eq!(r.days_overdue(date("2026-10-10")), 0, "not due yet");
    assert_eq!(
        a.client_receivables(id(1)),
        a.receivables(None),
        "the index mirror matches the card"
    );
    // Paid in full: not overdue any more.
    a.put_item::<Invoice, Payment>(
        id(1),
        "i1",
        "p3",
        &Payment {
            amount: Some(czk(5_000_00)),
            date: Some(date("2026-11-24")),
            note: String::new(),
        },
        &who,
    )
    .unwrap();
    assert_eq!(a.receivables(None)[0].days_overdue(date("2026-11-25")), 0);
    assert!(a.overdue_invoices(None, date("2026-11-25")).is_empty());
}

#[test]
fn complaints_need_a_resolution_once_closed() {
    let mut base = base_with_client("Alfa");
    let who = author("anna", 1);
    let c = Complaint {
        subject: "Wet sacks".into(),
        order: "o1".into(),
        opened: Some(date("2026-11-03")),
        ..Default::default()
    };
    base.add_entity(id(1), "x1", &c, &who).unwrap();
    let resolved = Complaint {
        status: ComplaintStatus::Resolved,
        ..c.clone()
    };
    assert_eq!(
        invalid(base.update_entity(id(1), "x1", &resolved, &who)),
        (Field::Resolution, Problem::ReasonRequired)
    );
    base.update_entity(
        id(1),
        "x1",
        &Complaint {
            resolution: "Replaced 3 sacks".into(),
            closed: Some(date("2026-11-05")),
            ..resolved
        },
        &who,
    )
    .unwrap();
    let stored = base.entity::<Complaint>(id(1), "x1").unwrap();
    assert_eq!(stored.status, ComplaintStatus::Resolved);
    assert_eq!(stored.order, "o1");
}
