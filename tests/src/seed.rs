//! A realistic little client base for one rep, for trying the PWA out, screenshots and
//! the screen tests: clients in six languages with contacts (birthdays this week),
//! today's and overdue tasks, calls and offers logged today, deals at every stage,
//! contracts, orders with an out-of-stock line, invoices (some overdue, some partly
//! paid) and complaints. Used by the `seed` binary and `tests/screens.rs`.

use fieldbase_core::{
    ClientDetails, ClientDraft, ClientStatus, Complaint, ContactDraft, Contract, ContractStatus,
    Currency, Date, Deal, DealStage, Direction, InteractionDraft, InteractionKind, Invoice, Line,
    Money, OfferChannel, Order, OrderStatus, Outcome, Payment, Priority, Rating, Segment, Source,
    StockState, TaskDraft, TaskKind, report::local_date,
};

/// The trade fair the seeded exhibition clients were met at (when the replica knows the
/// team document).
pub const FAIR: &str = "ev-salima";

use crate::NativeReplica;

const NAMES: [&str; 12] = [
    "Pekárna Dvořák s.r.o.",
    "Фёдоров и партнёры",
    "한빛상사",
    "Padaria São João Ltda.",
    "Bakeri Østlandet AS",
    "Hillside Foods Ltd",
    "Mlýn Šťastný a syn",
    "Хлебозавод «Заря»",
    "대한제과",
    "Confeitaria Lusitânia",
    "Fjordbrød AS",
    "Baker Street Supplies",
];
const PEOPLE: [(&str, &str); 12] = [
    ("Jana Nováková", "+420 601 234 567"),
    ("Ирина Петрова", "+7 916 123 45 67"),
    ("김민준", "+82 10 1234 5678"),
    ("João Silva", "+55 11 98765 4321"),
    ("Kari Nordmann", "+47 412 34 567"),
    ("Emma Clarke", "+44 7700 900123"),
    ("Petr Šťastný", "+420 777 111 222"),
    ("Сергей Иванов", "+7 903 555 66 77"),
    ("이서연", "+82 10 9876 5432"),
    ("Ana Costa", "+351 912 345 678"),
    ("Ola Hansen", "+47 922 33 444"),
    ("Oliver Smith", "+44 7700 900456"),
];

fn czk(minor: i64) -> Money {
    Money::new(minor, Currency::CZK)
}

/// Adds `n` clients owned by `rep` to the replica's base, dated around `now` (ms); the
/// caller syncs.
pub fn fill(r: &mut NativeReplica, rep: &str, n: usize, now: i64) {
    let rep = rep.to_string();
    let today = local_date(now, 60);
    let day = |d: i64| today.add_days(d).expect("a date");
    let mut author = fieldbase_core::Author {
        who: format!("{rep}/seed"),
        at: now - 3_600_000,
    };
    let fair = r
        .base
        .put_team_entity(
            FAIR,
            &fieldbase_core::Event {
                name: "Salima 2026".into(),
                kind: fieldbase_core::EventKind::Exhibition,
                place: "Brno".into(),
                starts: Some(day(-20)),
                ends: Some(day(-17)),
                archived: false,
            },
            &author,
        )
        .is_ok();
    for i in 0..n {
        author.at += 1000;
        let id = fieldbase_core::DocumentId::from_bytes(rand::random());
        let source = [
            Source::Exhibition,
            Source::Referral,
            Source::ColdCall,
            Source::Inbound,
        ][i % 4];
        let status = [
            ClientStatus::Active,
            ClientStatus::Key,
            ClientStatus::Lead,
            ClientStatus::Prospect,
        ][i % 4];
        let draft = ClientDraft {
            name: if i < NAMES.len() {
                NAMES[i].to_string()
            } else {
                format!("{} {}", NAMES[i % NAMES.len()], i / NAMES.len() + 1)
            },
            phone: PEOPLE[i % PEOPLE.len()].1.into(),
            email: format!("info{i}@example.com"),
            status: Some(status),
            lost_reason: String::new(),
            details: ClientDetails {
                segment: [Segment::Key, Segment::Corporate, Segment::Retail][i % 3],
                source,
                source_event: if fair && source == Source::Exhibition {
                    FAIR.into()
                } else {
                    String::new()
                },
                owner: rep.clone(),
                price_type: ["wholesale", "retail", "vip"][i % 3].into(),
                payment_days: 14,
                credit_limit: Some(czk(50_000_000)),
                currency: Some(Currency::CZK),
                rating: [Rating::A, Rating::B, Rating::C][i % 3],
                next_step: "Send the new price list".into(),
                next_step_date: Some(day(i as i64 % 5 - 2)),
                ..Default::default()
            },
        };
        r.base.add_client(id, &draft, &author).expect("client");
        r.base
            .add_tag(id, ["bakery", "export", "vip"][i % 3], &author)
            .expect("tag");
        let (person, phone) = PEOPLE[i % PEOPLE.len()];
        let birthday = day(i as i64 % 9);
        r.base
            .add_contact(
                id,
                "c1",
                &ContactDraft {
                    name: person.into(),
                    position: "Purchasing".into(),
                    phones: vec![phone.into()],
                    emails: vec![format!("buyer{i}@example.com")],
                    birthday: format!("{:02}-{:02}", birthday.month(), birthday.day()),
                    ..Default::default()
                },
                &author,
            )
            .expect("contact");
        let log = |r: &mut NativeReplica,
                   k: usize,
                   kind: InteractionKind,
                   at: i64,
                   author: &fieldbase_core::Author| {
            r.base
                .log_interaction(
                    id,
                    &format!("i{k}"),
                    &InteractionDraft {
                        kind,
                        direction: Direction::Out,
                        at,
                        time_zone: "Europe/Prague".into(),
                        duration_secs: 180,
                        outcome: [
                            Outcome::Reached,
                            Outcome::NoAnswer,
                            Outcome::Interested,
                            Outcome::OfferRequested,
                        ][k % 4],
                        summary: "Talked about the winter assortment.".into(),
                        who: rep.clone(),
                        contact: Some("c1".into()),
                        event: None,
                        next_step: None,
                    },
                    author,
                )
                .expect("interaction");
        };
        log(r, 1, InteractionKind::Call, now - 2 * 3_600_000, &author);
        log(
            r,
            2,
            [
                InteractionKind::OfferEmail,
                InteractionKind::OfferPhone,
                InteractionKind::Visit,
            ][i % 3],
            now - 3_600_000,
            &author,
        );
        log(r, 3, InteractionKind::Call, now - 40 * 86_400_000, &author);
        r.base
            .add_task(
                id,
                "t1",
                &TaskDraft {
                    kind: [TaskKind::Call, TaskKind::Visit, TaskKind::SendOffer][i % 3],
                    due: day(i as i64 % 4 - 1),
                    time: None,
                    contact: Some("c1".into()),
                    priority: [Priority::High, Priority::Normal][i % 2],
                    assignee: rep.clone(),
                    note: String::new(),
                },
                &author,
            )
            .expect("task");
        let stage = DealStage::ALL[i % DealStage::ALL.len()];
        r.base
            .add_entity(
                id,
                "d1",
                &Deal {
                    title: "Winter assortment 2027".into(),
                    stage,
                    lost_reason: if stage == DealStage::Lost {
                        "Price".into()
                    } else {
                        String::new()
                    },
                    amount: Some(czk(((i as i64 % 7) + 1) * 10_000_000)),
                    expected_close: Some(day(30)),
                    probability: [10, 30, 60, 100, 0][i % 5],
                    channel: OfferChannel::Email,
                    owner: rep.clone(),
                    ..Default::default()
                },
                &author,
            )
            .expect("deal");
        if i % 2 == 0 {
            r.base
                .add_entity(
                    id,
                    "k1",
                    &Contract {
                        number: format!("2026/{i:03}"),
                        status: ContractStatus::Signed,
                        signed: Some(day(-(i as i64 % 20))),
                        valid_from: Some(day(-(i as i64 % 20))),
                        valid_to: Some(day(345)),
                        renewal_days: 30,
                        price_type: "wholesale".into(),
                        discount_bp: 300,
                        payment_days: 14,
                    },
                    &author,
                )
                .expect("contract");
        }
        r.base
            .add_entity(
                id,
                "o1",
                &Order {
                    number: format!("O-{i:04}"),
                    contract: if i % 2 == 0 {
                        "k1".into()
                    } else {
                        String::new()
                    },
                    status: [
                        OrderStatus::Received,
                        OrderStatus::Confirmed,
                        OrderStatus::Shipped,
                        OrderStatus::Delivered,
                    ][i % 4],
                    received_on: Some(day(-(i as i64 % 10))),
                    ..Default::default()
                },
                &author,
            )
            .expect("order");
        r.base
            .put_item::<Order, Line>(
                id,
                "o1",
                "l1",
                &Line {
                    sku: "RYE-25".into(),
                    name: "Rye flour 25 kg".into(),
                    quantity: 40,
                    price: Some(czk(45_000)),
                    discount_bp: 500,
                    ..Default::default()
                },
                &author,
            )
            .expect("line");
        if i % 3 == 0 {
            r.base
                .put_item::<Order, Line>(
                    id,
                    "o1",
                    "l2",
                    &Line {
                        sku: "SPELT-5".into(),
                        name: "Spelt flour 5 kg".into(),
                        quantity: 10,
                        price: Some(czk(12_000)),
                        stock: StockState::OutOfStock,
                        promised: Some(day(7)),
                        analog: "SPELT-2".into(),
                        logistics_requested: true,
                        ..Default::default()
                    },
                    &author,
                )
                .expect("line");
        }
        let issued = day(-((i as i64 * 13) % 120));
        r.base
            .add_entity(
                id,
                "f1",
                &Invoice {
                    number: format!("F-{i:05}"),
                    order: "o1".into(),
                    amount: Some(czk(1_710_000 + i as i64 * 10_000)),
                    issued: Some(issued),
                    due: Some(issued.add_days(14).expect("a date")),
                    cancelled: false,
                },
                &author,
            )
            .expect("invoice");
        if i % 3 == 1 {
            r.base
                .put_item::<Invoice, Payment>(
                    id,
                    "f1",
                    "p1",
                    &Payment {
                        amount: Some(czk(500_000)),
                        date: Some(day(-1)),
                        note: "bank".into(),
                    },
                    &author,
                )
                .expect("payment");
        }
        if i % 5 == 0 {
            r.base
                .add_entity(
                    id,
                    "x1",
                    &Complaint {
                        subject: "Damp sacks in the last delivery".into(),
                        order: "o1".into(),
                        opened: Some(day(-3)),
                        ..Default::default()
                    },
                    &author,
                )
                .expect("complaint");
        }
        let _: Date = today;
    }
}

/// Copies core's generated sample base (`fieldbase_core::sample`, e.g. the 10,000-client
/// base the benchmarks use) into the replica's team: the sample's index entries into the
/// team index (both grow from the same genesis, so the changes apply as they are), its
/// client documents under their own ids, and its team and plan documents' changes into
/// the team's `team` and `plan` documents. The caller syncs.
pub fn sample_into(
    r: &mut NativeReplica,
    sample: &fieldbase_core::ClientBase,
    team: fieldbase_core::DocumentId,
    plan: fieldbase_core::DocumentId,
) {
    use fieldbase_core::TeamDoc;
    r.base.set_team_docs(team, plan);
    let target_of = |id| {
        if id == sample.index_id() {
            r.base.index_id()
        } else if sample.team_doc_id(TeamDoc::Team).ok() == Some(id) {
            team
        } else if sample.team_doc_id(TeamDoc::Plan).ok() == Some(id) {
            plan
        } else {
            id
        }
    };
    let pairs: Vec<_> = sample
        .doc_ids()
        .into_iter()
        .map(|id| (id, target_of(id)))
        .collect();
    for (from, to) in pairs {
        let changes = sample.doc(from).expect("a held document").get_changes(&[]);
        r.base
            .doc_or_empty(to)
            .apply_changes(changes)
            .expect("the sample's changes apply");
    }
}
