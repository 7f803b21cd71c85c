//! Today and the week's plan: from the index alone, with a fixed "today" across month
//! and year boundaries and 29 February.

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ContactDraft, ContactPatch, Priority, TaskDraft, TaskKind,
    TimeOfDay, automerge::ActorId,
};

mod common;
use common::*;

fn author(at: i64) -> Author {
    Author {
        who: "anna/phone".into(),
        at,
    }
}

fn client(base: &mut ClientBase, n: u8, name: &str) {
    base.add_client(
        id(n),
        &ClientDraft {
            name: name.into(),
            ..Default::default()
        },
        &author(0),
    )
    .unwrap();
}

fn task(base: &mut ClientBase, n: u8, tid: &str, kind: TaskKind, due: &str, who: &str) {
    base.add_task(
        id(n),
        tid,
        &TaskDraft {
            kind,
            due: date(due),
            time: None,
            contact: None,
            priority: Priority::Normal,
            assignee: who.into(),
            note: String::new(),
        },
        &author(1),
    )
    .unwrap();
}

fn contact(base: &mut ClientBase, n: u8, cid: &str, name: &str, birthday: &str) {
    base.add_contact(
        id(n),
        cid,
        &ContactDraft {
            name: name.into(),
            birthday: birthday.into(),
            ..Default::default()
        },
        &author(0),
    )
    .unwrap();
}

fn ids(tasks: &[fieldbase_core::PlannedTask]) -> Vec<&str> {
    tasks.iter().map(|t| t.id.as_str()).collect()
}

/// Only the index: a replica that merged nothing but the index document.
fn index_only(base: &ClientBase) -> ClientBase {
    let mut other = ClientBase::new(id(0), ActorId::from([9; 16]));
    let index = other.doc_mut(id(0)).unwrap();
    let changes = index.get_changes_added(base.doc(id(0)).unwrap());
    index.apply_changes(changes).unwrap();
    assert_eq!(other.doc_count(), 1);
    other
}

#[test]
fn overdue_due_today_calls_and_visits_across_a_year_boundary() {
    let mut b = ClientBase::new(id(0), ActorId::from([1; 16]));
    client(&mut b, 1, "Alfa");
    client(&mut b, 2, "Beta");
    task(&mut b, 1, "old", TaskKind::SendOffer, "2026-12-30", "anna");
    task(&mut b, 2, "older", TaskKind::Call, "2026-11-30", "anna");
    task(&mut b, 1, "call", TaskKind::Call, "2027-01-01", "anna");
    task(&mut b, 2, "visit", TaskKind::Visit, "2027-01-01", "anna");
    task(&mut b, 2, "greet", TaskKind::Greet, "2027-01-01", "anna");
    task(&mut b, 1, "later", TaskKind::Call, "2027-01-02", "anna");
    task(&mut b, 1, "boris", TaskKind::Call, "2027-01-01", "boris");
    task(&mut b, 1, "done", TaskKind::Call, "2026-12-31", "anna");
    b.complete_task(id(1), "done", &author(2)).unwrap();
    task(
        &mut b,
        1,
        "cancelled",
        TaskKind::Visit,
        "2027-01-01",
        "anna",
    );
    b.cancel_task(id(1), "cancelled", &author(2)).unwrap();
    // A timed high-priority task comes first among today's.
    b.add_task(
        id(2),
        "timed",
        &TaskDraft {
            kind: TaskKind::Call,
            due: date("2027-01-01"),
            time: TimeOfDay::new(8, 0),
            contact: None,
            priority: Priority::Low,
            assignee: "anna".into(),
            note: String::new(),
        },
        &author(1),
    )
    .unwrap();

    let today = index_only(&b).today("anna", date("2027-01-01"));
    assert_eq!(ids(&today.overdue), ["older", "old"]);
    assert_eq!(ids(&today.due_today), ["timed", "call", "greet", "visit"]);
    assert_eq!(ids(&today.calls), ["timed", "call"]);
    assert_eq!(ids(&today.visits), ["visit"]);
    assert_eq!(today.due_today[1].client_name, "Alfa");
    assert_eq!(today, b.today("anna", date("2027-01-01")));

    // Rescheduling moves a task out of overdue; archiving a client hides its tasks.
    b.reschedule_task(id(2), "older", date("2027-01-03"), None, &author(3))
        .unwrap();
    b.archive_client(id(1), &author(3)).unwrap();
    let today = b.today("anna", date("2027-01-01"));
    assert_eq!(ids(&today.overdue), Vec::<&str>::new());
    assert_eq!(ids(&today.due_today), ["timed", "greet", "visit"]);
}

#[test]
fn birthdays_in_the_next_seven_days_across_month_and_year_ends() {
    let mut b = ClientBase::new(id(0), ActorId::from([1; 16]));
    client(&mut b, 1, "Alfa");
    contact(&mut b, 1, "jan", "Jan", "1980-01-02");
    contact(&mut b, 1, "dec", "Dec", "12-28");
    contact(&mut b, 1, "far", "Far", "01-04");
    contact(&mut b, 1, "past", "Past", "12-27");
    contact(&mut b, 1, "none", "None", "");
    contact(&mut b, 1, "gone", "Gone", "12-30");
    b.archive_contact(id(1), "gone", &author(2)).unwrap();

    let t = index_only(&b).today("anna", date("2026-12-28"));
    let got: Vec<(&str, String)> = t
        .birthdays
        .iter()
        .map(|x| (x.contact_name.as_str(), x.date.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("Dec", "2026-12-28".to_string()),
            ("Jan", "2027-01-02".to_string()),
        ],
        "Far (4 January) is the eighth day; Past was yesterday"
    );
    assert_eq!(t.birthdays[0].client_name, "Alfa");

    // Month boundary: 30 November → 6 December.
    contact(&mut b, 1, "nik", "Nik", "12-06");
    contact(&mut b, 1, "sev", "Sev", "12-07");
    let t = b.today("anna", date("2026-11-30"));
    let names: Vec<&str> = t
        .birthdays
        .iter()
        .map(|x| x.contact_name.as_str())
        .collect();
    assert_eq!(names, ["Nik"]);

    // A birthday set later by an edit is in the index too; clearing it removes it.
    b.edit_contact(
        id(1),
        "none",
        &ContactPatch {
            birthday: Some("11-30".into()),
            ..Default::default()
        },
        &author(3),
    )
    .unwrap();
    let t = b.today("anna", date("2026-11-30"));
    assert_eq!(t.birthdays[0].contact_name, "None");
    b.edit_contact(
        id(1),
        "none",
        &ContactPatch {
            birthday: Some("".into()),
            ..Default::default()
        },
        &author(4),
    )
    .unwrap();
    assert_eq!(b.today("anna", date("2026-11-30")).birthdays.len(), 1);
}

#[test]
fn twenty_ninth_of_february() {
    let mut b = ClientBase::new(id(0), ActorId::from([1; 16]));
    client(&mut b, 1, "Alfa");
    contact(&mut b, 1, "leap", "Leap", "02-29");
    contact(&mut b, 1, "mar", "Mar", "2001-03-01");
    // A leap year: on 29 February itself.
    let t = b.today("anna", date("2028-02-25"));
    let got: Vec<String> = t.birthdays.iter().map(|x| x.date.to_string()).collect();
    assert_eq!(got, ["2028-02-29", "2028-03-01"]);
    // Other years: on 28 February.
    let t = b.today("anna", date("2027-02-23"));
    let got: Vec<String> = t.birthdays.iter().map(|x| x.date.to_string()).collect();
    assert_eq!(got, ["2027-02-28", "2027-03-01"]);
    let t = b.today("anna", date("2027-03-01"));
    assert_eq!(t.birthdays.len(), 1);
    // A task due on 29 February is overdue on 1 March, due on the day.
    task(&mut b, 1, "t", TaskKind::Call, "2028-02-29", "anna");
    assert_eq!(ids(&b.today("anna", date("2028-02-29")).calls), ["t"]);
    assert_eq!(ids(&b.today("anna", date("2028-03-01")).overdue), ["t"]);
    assert!(b.today("anna", date("2028-02-28")).due_today.is_empty());
}

#[test]
fn week_plan_has_seven_days_of_calls_and_visits() {
    let mut b = ClientBase::new(id(0), ActorId::from([1; 16]));
    client(&mut b, 1, "Alfa");
    task(&mut b, 1, "mon", TaskKind::Call, "2026-12-28", "anna");
    task(&mut b, 1, "thu", TaskKind::Visit, "2026-12-31", "anna");
    task(&mut b, 1, "fri", TaskKind::Call, "2027-01-01", "anna");
    task(&mut b, 1, "sun", TaskKind::Visit, "2027-01-03", "anna");
    task(&mut b, 1, "next", TaskKind::Call, "2027-01-04", "anna");
    task(
        &mut b,
        1,
        "offer",
        TaskKind::SendOffer,
        "2026-12-29",
        "anna",
    );
    task(&mut b, 1, "boris", TaskKind::Call, "2026-12-29", "boris");
    task(&mut b, 1, "done", TaskKind::Call, "2026-12-30", "anna");
    b.complete_task(id(1), "done", &author(2)).unwrap();

    let week = index_only(&b).week_plan("anna", date("2026-12-28"));
    assert_eq!(week.days.len(), 7);
    assert_eq!(week.days[0].date.weekday(), 0);
    let days: Vec<(String, Vec<&str>, Vec<&str>)> = week
        .days
        .iter()
        .map(|d| (d.date.to_string(), ids(&d.calls), ids(&d.visits)))
        .collect();
    let e: Vec<&str> = Vec::new();
    assert_eq!(
        days,
        [
            ("2026-12-28".to_string(), vec!["mon"], e.clone()),
            ("2026-12-29".to_string(), e.clone(), e.clone()),
            ("2026-12-30".to_string(), e.clone(), e.clone()),
            ("2026-12-31".to_string(), e.clone(), vec!["thu"]),
            ("2027-01-01".to_string(), vec!["fri"], e.clone()),
            ("2027-01-02".to_string(), e.clone(), e.clone()),
            ("2027-01-03".to_string(), e.clone(), vec!["sun"]),
        ]
    );
    // A week around 29 February 2028.
    task(&mut b, 1, "leap", TaskKind::Visit, "2028-02-29", "anna");
    let week = b.week_plan("anna", date("2028-02-28"));
    assert_eq!(week.days[1].date, date("2028-02-29"));
    assert_eq!(ids(&week.days[1].visits), ["leap"]);
    assert_eq!(week.days[2].date, date("2028-03-01"));
    assert_eq!(week.days[6].date, date("2028-03-05"));
}
