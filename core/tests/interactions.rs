//! Interactions: the timeline, validation writes nothing, the next step becomes a task,
//! concurrent logging keeps both.

use fieldbase_core::{
    ClientBase, Date, Direction, Error, Field, InteractionDraft, InteractionKind, NextStep,
    Outcome, Problem, TaskKind, TaskStatus, TimeOfDay, automerge::ActorId,
};

mod common;
use common::*;

fn call(at: i64) -> InteractionDraft {
    InteractionDraft {
        kind: InteractionKind::Call,
        direction: Direction::Out,
        at,
        time_zone: "Europe/Prague".into(),
        duration_secs: 300,
        outcome: Outcome::Reached,
        summary: "  Wants 20 pallets\nin March ".into(),
        who: "anna".into(),
        contact: Some("c1".into()),
        event: None,
        next_step: None,
    }
}

fn heads(base: &ClientBase) -> Vec<Vec<fieldbase_core::automerge::ChangeHash>> {
    base.doc_ids().into_iter().map(|d| base.heads(d)).collect()
}

#[test]
fn logged_interactions_read_back_newest_first() {
    let mut b = base_with_client_and_contact("Alfa s.r.o.");
    let edit = b
        .log_interaction(id(1), "i1", &call(1_000), &author("anna/phone", 1))
        .unwrap();
    assert_eq!(
        edit.touched,
        vec![id(1)],
        "no next step: the index is untouched"
    );
    let mut visit = call(5_000);
    visit.kind = InteractionKind::Visit;
    visit.direction = Direction::In;
    visit.outcome = Outcome::OfferRequested;
    visit.contact = None;
    visit.event = Some("expo-2026".into());
    b.log_interaction(id(1), "i2", &visit, &author("anna/phone", 2))
        .unwrap();
    let list = b.interactions(id(1));
    assert_eq!(
        list.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["i2", "i1"]
    );
    let i1 = &list[1];
    assert_eq!(i1.kind, InteractionKind::Call);
    assert_eq!(i1.at, 1_000);
    assert_eq!(i1.time_zone, "Europe/Prague");
    assert_eq!(i1.duration_secs, 300);
    assert_eq!(i1.summary, "Wants 20 pallets\nin March");
    assert_eq!(i1.contact.as_deref(), Some("c1"));
    assert_eq!(i1.next_task, None);
    assert_eq!(list[0].event.as_deref(), Some("expo-2026"));
    assert_eq!(list[0].direction, Direction::In);
    assert_eq!(list[0].outcome, Outcome::OfferRequested);
}

#[test]
fn every_kind_and_outcome_round_trips() {
    let mut b = base_with_client_and_contact("Alfa s.r.o.");
    for (n, kind) in InteractionKind::ALL.iter().enumerate() {
        let mut d = call(n as i64);
        d.kind = *kind;
        d.outcome = Outcome::ALL[n % Outcome::ALL.len()];
        b.log_interaction(id(1), &format!("i{n}"), &d, &author("anna", 0))
            .unwrap();
    }
    let list = b.interactions(id(1));
    assert_eq!(list.len(), InteractionKind::ALL.len());
    for i in list {
        let n: usize = i.id[1..].parse().unwrap();
        assert_eq!(i.kind, InteractionKind::ALL[n]);
        assert_eq!(i.outcome, Outcome::ALL[n % Outcome::ALL.len()]);
    }
    assert_eq!(InteractionKind::OfferEmail.key(), "offer_email");
    assert_eq!(
        InteractionKind::from_key("offer_phone"),
        Some(InteractionKind::OfferPhone)
    );
}

#[test]
fn next_step_becomes_a_task_in_the_same_edit() {
    let mut b = base_with_client_and_contact("Alfa s.r.o.");
    let mut d = call(1_000);
    d.next_step = Some(NextStep {
        task_id: "t1".into(),
        kind: TaskKind::SendOffer,
        due: Date::new(2026, 12, 1).unwrap(),
        time: TimeOfDay::new(9, 30),
        note: "price list B".into(),
    });
    let edit = b
        .log_interaction(id(1), "i1", &d, &author("anna", 1))
        .unwrap();
    assert_eq!(edit.touched, vec![id(1), id(0)]);
    let tasks = b.tasks(id(1));
    assert_eq!(tasks.len(), 1);
    let t = &tasks[0];
    assert_eq!(t.id, "t1");
    assert_eq!(t.kind, TaskKind::SendOffer);
    assert_eq!(t.assignee, "anna");
    assert_eq!(t.contact.as_deref(), Some("c1"));
    assert_eq!(t.status, TaskStatus::Open);
    assert_eq!(t.note, "price list B");
    assert_eq!(t.interaction.as_deref(), Some("i1"));
    assert_eq!(b.interactions(id(1))[0].next_task.as_deref(), Some("t1"));
    // One change on the client document for both.
    assert_eq!(b.doc(id(1)).unwrap().get_changes(&[]).len(), 3);
}

fn invalid(r: Result<fieldbase_core::Edit, Error>) -> (Field, String, Problem) {
    match r {
        Err(Error::Invalid {
            field,
            value,
            reason,
        }) => (field, value, reason),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn invalid_input_names_field_and_value_and_writes_nothing() {
    let mut b = base_with_client_and_contact("Alfa s.r.o.");
    let before = heads(&b);
    let mut d = call(0);
    d.time_zone = "Europe Prague".into();
    assert_eq!(
        invalid(b.log_interaction(id(1), "i1", &d, &author("anna", 1))),
        (
            Field::TimeZone,
            "Europe Prague".into(),
            Problem::BadTimeZone
        )
    );
    let mut d = call(0);
    d.duration_secs = 86_401;
    assert_eq!(
        invalid(b.log_interaction(id(1), "i1", &d, &author("anna", 1))),
        (Field::Duration, "86401".into(), Problem::DurationTooLong)
    );
    let mut d = call(0);
    d.summary = "x".repeat(10_001);
    assert_eq!(
        invalid(b.log_interaction(id(1), "i1", &d, &author("anna", 1))).2,
        Problem::TextTooLong
    );
    let mut d = call(0);
    d.summary = "bell\u{7}".into();
    assert_eq!(
        invalid(b.log_interaction(id(1), "i1", &d, &author("anna", 1))),
        (Field::Summary, "bell\u{7}".into(), Problem::ControlChars)
    );
    let mut d = call(0);
    d.who = " ".into();
    assert_eq!(
        invalid(b.log_interaction(id(1), "i1", &d, &author("anna", 1))),
        (Field::Rep, " ".into(), Problem::Empty)
    );
    let mut d = call(0);
    d.contact = Some("nobody".into());
    assert!(matches!(
        b.log_interaction(id(1), "i1", &d, &author("anna", 1)),
        Err(Error::NoSuchContact { contact, .. }) if contact == "nobody"
    ));
    for bad in ["", "a:b", "x\n"] {
        assert!(matches!(
            b.log_interaction(id(1), bad, &call(0), &author("anna", 1)),
            Err(Error::BadInteractionId(_))
        ));
    }
    assert!(matches!(
        b.log_interaction(id(9), "i1", &call(0), &author("anna", 1)),
        Err(Error::NoSuchClient(_))
    ));
    let mut d = call(0);
    d.next_step = Some(NextStep {
        task_id: "t:1".into(),
        kind: TaskKind::Call,
        due: Date::new(2026, 1, 1).unwrap(),
        time: None,
        note: String::new(),
    });
    assert!(matches!(
        b.log_interaction(id(1), "i1", &d, &author("anna", 1)),
        Err(Error::BadTaskId(_))
    ));
    assert_eq!(heads(&b), before, "nothing written");
    assert!(b.interactions(id(1)).is_empty());

    b.log_interaction(id(1), "i1", &call(0), &author("anna", 1))
        .unwrap();
    let before = heads(&b);
    assert!(matches!(
        b.log_interaction(id(1), "i1", &call(0), &author("anna", 1)),
        Err(Error::BadInteractionId(_))
    ));
    assert_eq!(heads(&b), before);
}

#[test]
fn time_zones_as_browsers_name_them() {
    let mut b = base_with_client_and_contact("Alfa s.r.o.");
    for (n, tz) in [
        "UTC",
        "America/Argentina/Buenos_Aires",
        "Etc/GMT+3",
        "Asia/Seoul",
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = call(n as i64);
        d.time_zone = tz.into();
        b.log_interaction(id(1), &format!("i{n}"), &d, &author("anna", 1))
            .unwrap();
    }
    for bad in ["", "/Europe", "Europe//Prague", "Europe/Pra gue", "+03:00"] {
        let mut d = call(0);
        d.time_zone = bad.into();
        assert!(
            b.log_interaction(id(1), "x", &d, &author("anna", 1))
                .is_err(),
            "{bad}"
        );
    }
}

#[test]
fn concurrent_logging_keeps_both() {
    let mut a = base_with_client_and_contact("Alfa s.r.o.");
    let mut b = ClientBase::new(id(0), ActorId::from([2; 16]));
    b.merge(&a).unwrap();
    a.log_interaction(id(1), "ia", &call(10), &author("anna", 1))
        .unwrap();
    let mut d = call(20);
    d.who = "boris".into();
    b.log_interaction(id(1), "ib", &d, &author("boris", 1))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let ids: Vec<String> = a.interactions(id(1)).into_iter().map(|i| i.id).collect();
    assert_eq!(ids, ["ib", "ia"]);
    assert_eq!(a.interactions(id(1)), b.interactions(id(1)));
}

#[test]
fn interactions_map_created_concurrently_keeps_both() {
    // A client document without an interactions map yet, created on both replicas.
    let mut a = base_with_client_and_contact("Alfa s.r.o.");
    let mut b = ClientBase::new(id(0), ActorId::from([2; 16]));
    b.merge(&a).unwrap();
    a.log_interaction(id(1), "ia", &call(10), &author("anna", 1))
        .unwrap();
    b.log_interaction(id(1), "ib", &call(20), &author("boris", 1))
        .unwrap();
    a.merge(&b).unwrap();
    assert_eq!(a.interactions(id(1)).len(), 2);
    // And writing after the merge still finds both.
    a.log_interaction(id(1), "ic", &call(30), &author("anna", 2))
        .unwrap();
    assert_eq!(a.interactions(id(1)).len(), 3);
}
