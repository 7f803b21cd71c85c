//! Tasks: added, completed, cancelled, rescheduled; mirrored in the index; validation
//! writes nothing; concurrent completion and reschedule both land.

use fieldbase_core::{
    ClientBase, ClientDraft, ContactDraft, Date, DocumentId, Error, Field, Priority, Problem,
    TaskDraft, TaskKind, TaskStatus, TimeOfDay, automerge::ActorId, automerge::ReadDoc,
};

mod common;
use common::*;

fn draft(kind: TaskKind, due: &str) -> TaskDraft {
    TaskDraft {
        kind,
        due: date(due),
        time: None,
        contact: None,
        priority: Priority::Normal,
        assignee: "anna".into(),
        note: String::new(),
    }
}

fn heads(base: &ClientBase) -> Vec<Vec<fieldbase_core::automerge::ChangeHash>> {
    base.doc_ids().into_iter().map(|d| base.heads(d)).collect()
}

/// The task keys of a client's index entry.
fn index_keys(base: &ClientBase, client: DocumentId) -> Vec<(String, String)> {
    let index = base.doc(base.index_id()).unwrap();
    let (_, clients) = index
        .get(fieldbase_core::automerge::ROOT, "clients")
        .unwrap()
        .unwrap();
    let (_, entry) = index.get(&clients, client.to_string()).unwrap().unwrap();
    index
        .keys(&entry)
        .filter(|k| k.starts_with("task:"))
        .map(|k| {
            let v = index.get(&entry, k.as_str()).unwrap().unwrap().0;
            (k, v.as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

#[test]
fn add_and_read_tasks_sorted_by_due_and_time() {
    let mut b = base_with_client_and_contact("Alfa");
    let mut d = draft(TaskKind::Visit, "2026-12-02");
    d.time = TimeOfDay::new(14, 0);
    d.contact = Some("c1".into());
    d.priority = Priority::High;
    d.note = " bring samples ".into();
    let edit = b.add_task(id(1), "t1", &d, &author("anna", 1)).unwrap();
    assert_eq!(edit.touched, vec![id(1), id(0)]);
    b.add_task(
        id(1),
        "t2",
        &draft(TaskKind::Call, "2026-12-02"),
        &author("anna", 2),
    )
    .unwrap();
    b.add_task(
        id(1),
        "t3",
        &draft(TaskKind::Greet, "2026-12-01"),
        &author("anna", 3),
    )
    .unwrap();
    let tasks = b.tasks(id(1));
    assert_eq!(
        tasks.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["t3", "t1", "t2"],
        "by day, timed before untimed"
    );
    let t1 = &tasks[1];
    assert_eq!(t1.kind, TaskKind::Visit);
    assert_eq!(t1.due, date("2026-12-02"));
    assert_eq!(t1.time, TimeOfDay::new(14, 0));
    assert_eq!(t1.contact.as_deref(), Some("c1"));
    assert_eq!(t1.priority, Priority::High);
    assert_eq!(t1.assignee, "anna");
    assert_eq!(t1.status, TaskStatus::Open);
    assert_eq!(t1.note, "bring samples");
    assert_eq!(t1.client, id(1));
    let keys = index_keys(&b, id(1));
    for (k, v) in [
        ("task:t1:kind", "visit"),
        ("task:t1:due", "2026-12-02"),
        ("task:t1:time", "14:00"),
        ("task:t1:status", "open"),
        ("task:t1:assignee", "anna"),
        ("task:t1:priority", "high"),
        ("task:t1:contact", "c1"),
    ] {
        assert!(
            keys.contains(&(k.into(), v.into())),
            "{k} = {v} in {keys:?}"
        );
    }
    assert!(
        !keys.iter().any(|(k, _)| k.ends_with(":note")),
        "notes stay on the card"
    );
}

#[test]
fn complete_cancel_reschedule_write_card_and_index() {
    let mut b = base_with_client_and_contact("Alfa");
    for t in ["t1", "t2", "t3"] {
        b.add_task(
            id(1),
            t,
            &draft(TaskKind::Call, "2026-12-01"),
            &author("anna", 1),
        )
        .unwrap();
    }
    b.complete_task(id(1), "t1", &author("anna", 2)).unwrap();
    b.cancel_task(id(1), "t2", &author("anna", 2)).unwrap();
    b.reschedule_task(
        id(1),
        "t3",
        date("2027-01-04"),
        TimeOfDay::new(8, 15),
        &author("anna", 2),
    )
    .unwrap();
    let tasks = b.tasks(id(1));
    assert_eq!(tasks[0].status, TaskStatus::Done);
    assert_eq!(tasks[1].status, TaskStatus::Cancelled);
    assert_eq!(tasks[2].due, date("2027-01-04"));
    assert_eq!(tasks[2].time, TimeOfDay::new(8, 15));
    let keys = index_keys(&b, id(1));
    for (k, v) in [
        ("task:t1:status", "done"),
        ("task:t2:status", "cancelled"),
        ("task:t3:due", "2027-01-04"),
        ("task:t3:time", "08:15"),
    ] {
        assert!(keys.contains(&(k.into(), v.into())), "{k} = {v}");
    }
    b.reschedule_task(id(1), "t3", date("2027-01-05"), None, &author("anna", 3))
        .unwrap();
    assert_eq!(b.tasks(id(1))[2].time, None);
}

#[test]
fn invalid_input_writes_nothing() {
    let mut b = base_with_client_and_contact("Alfa");
    let before = heads(&b);
    let mut d = draft(TaskKind::Call, "2026-12-01");
    d.assignee = "".into();
    match b.add_task(id(1), "t1", &d, &author("anna", 1)) {
        Err(Error::Invalid {
            field: Field::Rep,
            reason: Problem::Empty,
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    let mut d = draft(TaskKind::Call, "2026-12-01");
    d.note = "\u{1b}[31m".into();
    assert!(matches!(
        b.add_task(id(1), "t1", &d, &author("anna", 1)),
        Err(Error::Invalid {
            field: Field::Note,
            reason: Problem::ControlChars,
            ..
        })
    ));
    let mut d = draft(TaskKind::Call, "2026-12-01");
    d.contact = Some("c9".into());
    assert!(matches!(
        b.add_task(id(1), "t1", &d, &author("anna", 1)),
        Err(Error::NoSuchContact { .. })
    ));
    for bad in ["", "a:b", "\u{0}"] {
        assert!(matches!(
            b.add_task(
                id(1),
                bad,
                &draft(TaskKind::Call, "2026-12-01"),
                &author("a", 1)
            ),
            Err(Error::BadTaskId(_))
        ));
    }
    assert!(matches!(
        b.add_task(
            id(7),
            "t1",
            &draft(TaskKind::Call, "2026-12-01"),
            &author("a", 1)
        ),
        Err(Error::NoSuchClient(_))
    ));
    assert!(matches!(
        b.complete_task(id(1), "nope", &author("a", 1)),
        Err(Error::NoSuchTask { .. })
    ));
    assert!(matches!(
        b.reschedule_task(id(1), "nope", date("2026-01-01"), None, &author("a", 1)),
        Err(Error::NoSuchTask { .. })
    ));
    assert_eq!(heads(&b), before);
    b.add_task(
        id(1),
        "t1",
        &draft(TaskKind::Call, "2026-12-01"),
        &author("a", 1),
    )
    .unwrap();
    assert!(matches!(
        b.add_task(
            id(1),
            "t1",
            &draft(TaskKind::Call, "2026-12-01"),
            &author("a", 1)
        ),
        Err(Error::BadTaskId(_))
    ));
    // Dates a person typed are checked when parsed.
    assert!(matches!(
        Date::parse("2026-02-30"),
        Err(Error::Invalid {
            field: Field::Date,
            reason: Problem::BadDate,
            ..
        })
    ));
    assert!(matches!(
        TimeOfDay::parse("25:00"),
        Err(Error::Invalid {
            field: Field::Time,
            reason: Problem::BadTime,
            ..
        })
    ));
}

#[test]
fn completed_on_one_replica_and_rescheduled_on_another_keeps_both() {
    let mut a = base_with_client_and_contact("Alfa");
    a.add_task(
        id(1),
        "t1",
        &draft(TaskKind::Call, "2026-12-01"),
        &author("anna", 1),
    )
    .unwrap();
    let mut b = ClientBase::new(id(0), ActorId::from([2; 16]));
    b.merge(&a).unwrap();
    a.complete_task(id(1), "t1", &author("anna", 2)).unwrap();
    b.reschedule_task(id(1), "t1", date("2026-12-03"), None, &author("boris", 2))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    for base in [&a, &b] {
        let t = &base.tasks(id(1))[0];
        assert_eq!((t.status, t.due), (TaskStatus::Done, date("2026-12-03")));
        let keys = index_keys(base, id(1));
        assert!(keys.contains(&("task:t1:status".into(), "done".into())));
        assert!(keys.contains(&("task:t1:due".into(), "2026-12-03".into())));
    }
}

#[test]
fn concurrent_additions_keep_both() {
    let mut a = base_with_client_and_contact("Alfa");
    let mut b = ClientBase::new(id(0), ActorId::from([2; 16]));
    b.merge(&a).unwrap();
    a.add_task(
        id(1),
        "ta",
        &draft(TaskKind::Call, "2026-12-01"),
        &author("anna", 1),
    )
    .unwrap();
    b.add_task(
        id(1),
        "tb",
        &draft(TaskKind::Visit, "2026-12-01"),
        &author("boris", 1),
    )
    .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    assert_eq!(a.tasks(id(1)).len(), 2);
    assert_eq!(a.tasks(id(1)), b.tasks(id(1)));
    // A task in the second, competing tasks map can still be completed.
    a.complete_task(id(1), "tb", &author("anna", 3)).unwrap();
    a.complete_task(id(1), "ta", &author("anna", 3)).unwrap();
    assert!(a.tasks(id(1)).iter().all(|t| t.status == TaskStatus::Done));
}

#[test]
fn concurrent_reschedules_reconcile_index_with_card() {
    let mut a = base_with_client_and_contact("Alfa");
    a.add_task(
        id(1),
        "t1",
        &draft(TaskKind::Call, "2026-12-01"),
        &author("anna", 1),
    )
    .unwrap();
    let mut b = ClientBase::new(id(0), ActorId::from([2; 16]));
    b.merge(&a).unwrap();
    // A writes more to the card first (so A's reschedule wins there), B more to the
    // index (so B's wins there).
    for n in 0..5 {
        a.add_contact(
            id(1),
            &format!("x{n}"),
            &ContactDraft {
                name: "X".into(),
                ..Default::default()
            },
            &author("anna", 2),
        )
        .unwrap();
    }
    for n in 0..40 {
        b.add_client(
            DocumentId::from_bytes([100 + n; 16]),
            &ClientDraft {
                name: "Other".into(),
                ..Default::default()
            },
            &author("boris", 2),
        )
        .unwrap();
    }
    a.reschedule_task(id(1), "t1", date("2026-12-03"), None, &author("anna", 3))
        .unwrap();
    b.reschedule_task(id(1), "t1", date("2026-12-04"), None, &author("boris", 3))
        .unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    let index_due = |base: &ClientBase| {
        base.today("anna", date("2099-01-01"))
            .overdue
            .into_iter()
            .find(|t| t.id == "t1")
            .unwrap()
            .due
    };
    let card_due = a.tasks(id(1))[0].due;
    assert_eq!(card_due, b.tasks(id(1))[0].due);
    assert_ne!(
        index_due(&a),
        card_due,
        "the set-up makes the index and card differ"
    );
    a.reconcile_summary(id(1), &author("anna", 4)).unwrap();
    b.reconcile_summary(id(1), &author("boris", 4)).unwrap();
    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    assert_eq!(index_due(&a), card_due);
    assert_eq!(index_due(&b), card_due);
    assert_eq!(
        a.reconcile_summary(id(1), &author("anna", 5)).unwrap(),
        None
    );
}
