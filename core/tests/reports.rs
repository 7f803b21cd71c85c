//! Reports: the day's activity, the monthly report, plan vs fact, the funnel,
//! receivables ageing, sales history; Today's receivables and follow-ups; the generated
//! monthly reconciliations; and the team and plan documents they read.
// Amounts are written in minor units grouped as major_minor: 120_000_00 is 120 000,00.
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{author, date, id, replica};
use fieldbase_core::{
    ClientBase, ClientDetails, ClientDraft, ClientStatus, Contract, ContractStatus, Currency, Deal,
    DealStage, Direction, Event, InteractionDraft, InteractionKind, Invoice, Manager, Money,
    Outcome, Payment, Product, Role, TaskKind, report::local_date,
};

fn czk(minor: i64) -> Money {
    Money::new(minor, Currency::CZK)
}

/// 2026-11-10 09:00 UTC in ms.
const NOV_10_9H: i64 = 1_794_301_200_000;

fn team() -> ClientBase {
    let mut b = replica(1);
    b.set_team_docs(id(200), id(201));
    b
}

fn add(b: &mut ClientBase, n: u8, owner: &str, status: ClientStatus, at: i64) {
    b.add_client(
        id(n),
        &ClientDraft {
            name: format!("Client {n}"),
            status: Some(status),
            details: ClientDetails {
                owner: owner.into(),
                ..Default::default()
            },
            ..Default::default()
        },
        &author(owner, at),
    )
    .unwrap();
}

fn log(b: &mut ClientBase, client: u8, n: usize, kind: InteractionKind, who: &str, at: i64) {
    b.log_interaction(
        id(client),
        &format!("{who}-{n}"),
        &InteractionDraft {
            kind,
            direction: Direction::Out,
            at,
            time_zone: "Europe/Prague".into(),
            duration_secs: 60,
            outcome: Outcome::Reached,
            summary: String::new(),
            who: who.into(),
            contact: None,
            event: None,
            next_step: None,
        },
        &author(who, at),
    )
    .unwrap();
}

#[test]
fn local_days_follow_the_offset() {
    // 23:30 UTC on the 9th is the 10th in Prague (UTC+1) and the 9th in São Paulo.
    let at = NOV_10_9H - 9 * 3_600_000 - 30 * 60_000;
    assert_eq!(local_date(at, 60), date("2026-11-10"));
    assert_eq!(local_date(at, -180), date("2026-11-09"));
}

#[test]
fn daily_activity_counts_calls_and_offers_against_the_targets() {
    let mut b = team();
    add(&mut b, 1, "anna", ClientStatus::Active, NOV_10_9H);
    for n in 0..12 {
        log(
            &mut b,
            1,
            n,
            InteractionKind::Call,
            "anna",
            NOV_10_9H + n as i64 * 60_000,
        );
    }
    for n in 12..15 {
        log(&mut b, 1, n, InteractionKind::OfferEmail, "anna", NOV_10_9H);
    }
    log(
        &mut b,
        1,
        15,
        InteractionKind::OfferPhone,
        "anna",
        NOV_10_9H,
    );
    log(
        &mut b,
        1,
        16,
        InteractionKind::Call,
        "anna",
        NOV_10_9H - 86_400_000,
    );
    log(&mut b, 1, 0, InteractionKind::Call, "boris", NOV_10_9H);
    let d = b.daily_activity("anna", date("2026-11-10"), 60);
    assert_eq!((d.calls.done, d.calls.target), (12, 30));
    assert_eq!((d.email_offers.done, d.email_offers.target), (3, 50));
    assert_eq!((d.phone_offers.done, d.phone_offers.target), (1, 20));
    // A head of sales sets other targets in the plan document.
    b.put_team_entity(
        "anna",
        &Manager {
            name: "Anna".into(),
            role: Role::Rep,
            calls_per_day: 25,
            ..Default::default()
        },
        &author("head", 1),
    )
    .unwrap();
    assert_eq!(
        b.daily_activity("anna", date("2026-11-10"), 60)
            .calls
            .target,
        25
    );
    // A call logged after a count is counted the next time (the per-document cache
    // follows the document's heads).
    log(&mut b, 1, 40, InteractionKind::Call, "anna", NOV_10_9H);
    assert_eq!(
        b.daily_activity("anna", date("2026-11-10"), 60).calls.done,
        13
    );
}

#[test]
fn the_monthly_report_and_plan_vs_fact() {
    let mut b = team();
    let oct = NOV_10_9H - 30 * 86_400_000;
    add(&mut b, 1, "anna", ClientStatus::Active, oct);
    add(&mut b, 2, "anna", ClientStatus::Active, NOV_10_9H);
    add(&mut b, 3, "boris", ClientStatus::Key, NOV_10_9H);
    for n in 0..5 {
        log(&mut b, 1, n, InteractionKind::Call, "anna", NOV_10_9H);
    }
    log(&mut b, 2, 9, InteractionKind::Visit, "anna", NOV_10_9H);
    let who = author("anna", NOV_10_9H);
    let contract = |signed: &str| Contract {
        number: format!("K-{signed}"),
        status: ContractStatus::Signed,
        signed: Some(date(signed)),
        ..Default::default()
    };
    b.add_entity(id(1), "k1", &contract("2026-11-03"), &who)
        .unwrap();
    b.add_entity(id(2), "k2", &contract("2026-11-20"), &who)
        .unwrap();
    b.add_entity(id(1), "k0", &contract("2026-10-20"), &who)
        .unwrap();
    b.add_entity(id(3), "k3", &contract("2026-11-05"), &who)
        .unwrap();
    let inv = |n: &str, amount: i64, issued: &str, due: &str| Invoice {
        number: n.into(),
        amount: Some(czk(amount)),
        issued: Some(date(issued)),
        due: Some(date(due)),
        ..Default::default()
    };
    b.add_entity(
        id(1),
        "i1",
        &inv("F1", 100_000, "2026-11-02", "2026-11-16"),
        &who,
    )
    .unwrap();
    b.add_entity(
        id(1),
        "i0",
        &inv("F0", 50_000, "2026-10-01", "2026-10-15"),
        &who,
    )
    .unwrap();
    b.put_item::<Invoice, Payment>(
        id(1),
        "i0",
        "p1",
        &Payment {
            amount: Some(czk(20_000)),
            date: Some(date("2026-11-04")),
            note: String::new(),
        },
        &who,
    )
    .unwrap();
    b.add_entity(
        id(3),
        "i3",
        &inv("F3", 999_000, "2026-11-02", "2026-12-02"),
        &who,
    )
    .unwrap();
    b.add_entity(
        id(2),
        "d1",
        &Deal {
            title: "Won".into(),
            stage: DealStage::Won,
            closed_on: Some(date("2026-11-11")),
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    b.put_team_entity(
        "anna",
        &Manager {
            name: "Anna".into(),
            turnover_per_month: Some(czk(200_000)),
            ..Default::default()
        },
        &author("head", 1),
    )
    .unwrap();

    let r = b.monthly_report("anna", 2026, 11, 60).unwrap();
    assert_eq!(r.activity.calls, 5);
    assert_eq!(r.activity.visits, 1);
    assert_eq!(
        (r.calls.done, r.calls.target),
        (5, 30 * 21),
        "21 working days in November 2026"
    );
    assert_eq!(
        r.new_clients, 1,
        "client 2 was created in November, client 1 in October"
    );
    assert_eq!((r.new_contracts.done, r.new_contracts.target), (2, 4));
    assert_eq!(r.deals_won, 1);
    assert_eq!(
        r.turnover.get(Currency::CZK),
        czk(100_000),
        "boris's invoice is not anna's turnover"
    );
    assert_eq!(r.turnover_plan, Some(czk(200_000)));
    assert_eq!(r.collected.get(Currency::CZK), czk(20_000));
    // At the end of November F1 (due 16th) and the rest of F0 are overdue.
    assert_eq!(r.overdue.get(Currency::CZK), czk(130_000));

    let (reports, total) = b.plan_vs_fact(2026, 11, 60);
    let reps: Vec<&str> = reports.iter().map(|r| r.rep.as_str()).collect();
    assert_eq!(reps, vec!["anna", "boris"]);
    assert_eq!(total.get(Currency::CZK), czk(1_099_000));
}

#[test]
fn funnel_ageing_and_sales_history() {
    let mut b = team();
    add(&mut b, 1, "anna", ClientStatus::Active, NOV_10_9H);
    let who = author("anna", NOV_10_9H);
    let deal = |stage, amount| Deal {
        title: "x".into(),
        stage,
        amount: Some(czk(amount)),
        lost_reason: if stage == DealStage::Lost {
            "price".into()
        } else {
            String::new()
        },
        ..Default::default()
    };
    b.add_entity(id(1), "d1", &deal(DealStage::Sent, 100), &who)
        .unwrap();
    b.add_entity(id(1), "d2", &deal(DealStage::Sent, 200), &who)
        .unwrap();
    b.add_entity(id(1), "d3", &deal(DealStage::Won, 400), &who)
        .unwrap();
    b.add_entity(id(1), "d4", &deal(DealStage::Lost, 800), &who)
        .unwrap();
    b.add_entity(id(1), "d5", &deal(DealStage::Won, 1), &who)
        .unwrap();
    let f = b.funnel(None);
    let sent = f.stages.iter().find(|s| s.0 == DealStage::Sent).unwrap();
    assert_eq!((sent.1, sent.2.get(Currency::CZK)), (2, czk(300)));
    assert_eq!(f.win_rate, Some(66));
    assert_eq!(b.funnel(Some("boris")).win_rate, None);

    let inv = |n: &str, amount: i64, issued: &str, due: &str| Invoice {
        number: n.into(),
        amount: Some(czk(amount)),
        issued: Some(date(issued)),
        due: Some(date(due)),
        ..Default::default()
    };
    let on = date("2026-11-24");
    b.add_entity(id(1), "a", &inv("A", 1, "2026-11-20", "2026-12-20"), &who)
        .unwrap();
    b.add_entity(id(1), "b", &inv("B", 10, "2026-10-01", "2026-11-10"), &who)
        .unwrap();
    b.add_entity(id(1), "c", &inv("C", 100, "2026-09-01", "2026-10-10"), &who)
        .unwrap();
    b.add_entity(
        id(1),
        "d",
        &inv("D", 1000, "2026-08-01", "2026-09-10"),
        &who,
    )
    .unwrap();
    b.add_entity(
        id(1),
        "e",
        &inv("E", 10000, "2026-06-01", "2026-07-01"),
        &who,
    )
    .unwrap();
    b.add_entity(
        id(1),
        "f",
        &Invoice {
            cancelled: true,
            ..inv("F", 99999, "2026-06-01", "2026-07-01")
        },
        &who,
    )
    .unwrap();
    let a = b.ageing(None, on);
    assert_eq!(a.not_due.get(Currency::CZK), czk(1));
    assert_eq!(a.days_0_30.get(Currency::CZK), czk(10));
    assert_eq!(a.days_31_60.get(Currency::CZK), czk(100));
    assert_eq!(a.days_61_90.get(Currency::CZK), czk(1000));
    assert_eq!(
        a.days_90_plus.get(Currency::CZK),
        czk(10000),
        "the cancelled invoice is owed nothing"
    );

    let history = b.sales_history(id(1));
    let months: Vec<(&str, i64)> = history
        .iter()
        .map(|(m, t)| (m.as_str(), t.get(Currency::CZK).minor))
        .collect();
    assert_eq!(
        months,
        vec![
            ("2026-06", 10000),
            ("2026-08", 1000),
            ("2026-09", 100),
            ("2026-10", 10),
            ("2026-11", 1)
        ]
    );
}

#[test]
fn today_shows_overdue_invoices_follow_ups_and_reconciliations() {
    let mut b = team();
    add(&mut b, 1, "anna", ClientStatus::Active, NOV_10_9H);
    add(&mut b, 2, "anna", ClientStatus::Key, NOV_10_9H);
    add(&mut b, 3, "anna", ClientStatus::Prospect, NOV_10_9H);
    add(&mut b, 4, "boris", ClientStatus::Active, NOV_10_9H);
    let who = author("anna", NOV_10_9H);
    b.add_entity(
        id(1),
        "i1",
        &Invoice {
            number: "F1".into(),
            amount: Some(czk(5)),
            issued: Some(date("2026-11-01")),
            due: Some(date("2026-11-15")),
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    b.add_entity(
        id(4),
        "i4",
        &Invoice {
            number: "F4".into(),
            amount: Some(czk(5)),
            issued: Some(date("2026-11-01")),
            due: Some(date("2026-11-15")),
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    let mut d = b.details(id(2));
    d.next_step = "Send samples".into();
    d.next_step_date = Some(date("2026-11-23"));
    b.set_details(id(2), &d, &who).unwrap();

    let due = date("2026-11-24");
    let edits = b.plan_reconciliations(due, &who).unwrap();
    assert_eq!(
        edits.len(),
        3,
        "the active and key clients, not the prospect"
    );
    assert!(
        b.plan_reconciliations(due, &who).unwrap().is_empty(),
        "generating again adds nothing"
    );
    let boris_task = b
        .tasks(id(4))
        .into_iter()
        .find(|t| t.kind == TaskKind::Reconcile)
        .unwrap();
    assert_eq!(boris_task.assignee, "boris", "assigned to the owner");

    let t = b.today("anna", due);
    assert_eq!(t.overdue_invoices.len(), 1);
    assert_eq!(t.overdue_invoices[0].number, "F1");
    assert_eq!(t.follow_ups.len(), 1);
    assert_eq!(t.follow_ups[0].next_step, "Send samples");
    assert_eq!(t.reconciliations.len(), 2);
}

#[test]
fn reconciliations_generated_on_two_replicas_at_once_give_one_task_each() {
    let mut a = team();
    add(&mut a, 1, "anna", ClientStatus::Active, NOV_10_9H);
    let mut b = replica(2);
    b.merge(&a).unwrap();
    a.plan_reconciliations(date("2026-12-01"), &author("anna", 1))
        .unwrap();
    b.plan_reconciliations(date("2026-12-01"), &author("boris", 1))
        .unwrap();
    a.merge(&b).unwrap();
    let tasks = a.tasks(id(1));
    assert_eq!(
        tasks
            .iter()
            .filter(|t| t.kind == TaskKind::Reconcile)
            .count(),
        1
    );
}

#[test]
fn team_documents_hold_events_catalog_and_competitors_and_merge() {
    let mut a = team();
    let mut b = replica(2);
    b.set_team_docs(id(200), id(201));
    b.merge(&a).unwrap();
    a.put_team_entity(
        "ev1",
        &Event {
            name: "Salima 2027".into(),
            place: "Brno".into(),
            starts: Some(date("2027-02-23")),
            ends: Some(date("2027-02-26")),
            ..Default::default()
        },
        &author("anna", 1),
    )
    .unwrap();
    b.put_team_entity(
        "RYE-1",
        &Product {
            name: "Rye flour 25 kg".into(),
            unit: "sack".into(),
            in_stock: 12,
            archived: false,
        },
        &author("boris", 1),
    )
    .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    assert_eq!(a.team_entities::<Event>(), b.team_entities::<Event>());
    assert_eq!(
        a.team_entities::<Event>().len(),
        1,
        "the concurrently created collections both survive"
    );
    assert_eq!(a.team_entities::<Product>().len(), 1);
    a.set_price("RYE-1", "wholesale", czk(420_00), &author("anna", 2))
        .unwrap();
    b.set_price("RYE-1", "retail", czk(520_00), &author("boris", 2))
        .unwrap();
    b.add_analog("RYE-1", "RYE-2", &author("boris", 3)).unwrap();
    a.merge(&b).unwrap();
    let item = &a.catalog()[0];
    assert_eq!(item.prices.len(), 2, "prices set on two replicas both land");
    assert_eq!(a.price_for("RYE-1", "retail"), Some(czk(520_00)));
    assert_eq!(item.analogs, vec!["RYE-2"]);
    assert!(
        a.set_price("NOPE", "retail", czk(1), &author("anna", 4))
            .is_err()
    );
    // Without the team documents' ids, team operations say so.
    let mut lone = replica(9);
    assert!(matches!(
        lone.put_team_entity(
            "e",
            &Event {
                name: "X".into(),
                ..Default::default()
            },
            &author("x", 1)
        ),
        Err(fieldbase_core::Error::NoTeamDocs)
    ));
}

#[test]
fn the_month_funnel_counts_only_the_deals_of_the_month() {
    let mut b = team();
    let oct = NOV_10_9H - 30 * 86_400_000;
    add(&mut b, 1, "anna", ClientStatus::Active, oct);
    add(&mut b, 2, "boris", ClientStatus::Active, oct);
    let deal = |stage, sent: Option<&str>, closed: Option<&str>| Deal {
        title: "x".into(),
        stage,
        amount: Some(czk(100)),
        lost_reason: if stage == DealStage::Lost {
            "price".into()
        } else {
            String::new()
        },
        sent_on: sent.map(date),
        closed_on: closed.map(date),
        ..Default::default()
    };
    let in_nov = author("anna", NOV_10_9H);
    let in_oct = author("anna", oct);
    // 23:30 UTC on 31 October is 1 November in Prague (UTC+1).
    let halloween_night = author(
        "anna",
        NOV_10_9H - 9 * 86_400_000 - 9 * 3_600_000 - 1_800_000,
    );
    let deals = [
        (
            "won-nov",
            deal(DealStage::Won, None, Some("2026-11-11")),
            &in_oct,
        ),
        (
            "won-oct",
            deal(DealStage::Won, None, Some("2026-10-20")),
            &in_oct,
        ),
        (
            "lost-nov",
            deal(DealStage::Lost, None, Some("2026-11-03")),
            &in_oct,
        ),
        (
            "sent-oct",
            deal(DealStage::Sent, Some("2026-10-28"), None),
            &in_nov,
        ),
        (
            "neg-nov",
            deal(DealStage::Negotiation, Some("2026-11-02"), None),
            &in_oct,
        ),
        ("draft-nov", deal(DealStage::Draft, None, None), &in_nov),
        ("draft-oct", deal(DealStage::Draft, None, None), &in_oct),
        (
            "draft-night",
            deal(DealStage::Draft, None, None),
            &halloween_night,
        ),
        // Won without a closing day: placed by its creation.
        ("won-undated", deal(DealStage::Won, None, None), &in_oct),
    ];
    for (id_, d, who) in deals {
        b.add_entity(id(1), id_, &d, who).unwrap();
    }
    b.add_entity(
        id(2),
        "boris-won",
        &deal(DealStage::Won, None, Some("2026-11-12")),
        &in_nov,
    )
    .unwrap();

    let r = b.monthly_report("anna", 2026, 11, 60).unwrap();
    let f = &r.funnel;
    let counts: Vec<u32> = DealStage::ALL.iter().map(|s| f.count(*s)).collect();
    // draft: nov + night; sent: none (sent in October); negotiation: 1; won: 1; lost: 1.
    assert_eq!(counts, vec![2, 0, 1, 1, 1], "{f:?}");
    assert_eq!(f.win_rate, Some(50));
    assert_eq!(r.deals_won, 1, "the report's won deals are the funnel's");
    let won = f.stages.iter().find(|s| s.0 == DealStage::Won).unwrap();
    assert_eq!(won.2.get(Currency::CZK), czk(100));

    // In UTC the night's draft belongs to October.
    assert_eq!(
        b.month_funnel(Some("anna"), 2026, 11, 0)
            .count(DealStage::Draft),
        1
    );
    // October: won-oct, won-undated (created in October), sent-oct, draft-oct.
    let october = b.month_funnel(Some("anna"), 2026, 10, 60);
    let counts: Vec<u32> = DealStage::ALL.iter().map(|s| october.count(*s)).collect();
    assert_eq!(counts, vec![1, 1, 0, 2, 0]);
    // The team's November funnel has boris's deal too; the all-time one every deal.
    assert_eq!(b.month_funnel(None, 2026, 11, 60).count(DealStage::Won), 2);
    assert_eq!(b.funnel(Some("anna")).count(DealStage::Won), 3);
    assert_eq!(b.month_funnel(None, 2026, 13, 60).count(DealStage::Won), 0);
}
