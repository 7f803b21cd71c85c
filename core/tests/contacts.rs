//! Contacts: validation writes nothing, edits merge, lists keep concurrent additions.

use fieldbase_core::{
    Birthday, Channel, ClientBase, ContactDraft, ContactPatch, Error, Field, Problem,
};

mod common;
use common::*;

fn jana() -> ContactDraft {
    ContactDraft {
        name: "  Jana   Nováková ".into(),
        position: "Nákupčí".into(),
        role: "buyer".into(),
        phones: vec![
            "+420 601 123 456".into(),
            "".into(),
            "00420601123456".into(),
        ],
        emails: vec!["Jana@Alfa.CZ".into()],
        birthday: "02-29".into(),
        preferred_channel: Some(Channel::Whatsapp),
        language: "cs".into(),
    }
}

fn all_heads(base: &ClientBase) -> Vec<Vec<fieldbase_core::automerge::ChangeHash>> {
    base.doc_ids().into_iter().map(|d| base.heads(d)).collect()
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
fn add_contact_normalises_and_reads_back() {
    let mut base = base_with_client("Alfa s.r.o.");
    let edit = base
        .add_contact(id(1), "c1", &jana(), &author("anna", 1))
        .unwrap();
    assert_eq!(edit.touched, vec![id(1), id(0)]);
    let contacts = base.contacts(id(1));
    assert_eq!(contacts.len(), 1);
    let c = &contacts[0];
    assert_eq!(c.id, "c1");
    assert_eq!(c.name, "Jana Nováková");
    assert_eq!(c.position, "Nákupčí");
    assert_eq!(c.role, "buyer");
    assert_eq!(c.phones, vec!["+420601123456"], "normalised, once");
    assert_eq!(c.emails, vec!["Jana@alfa.cz"]);
    assert_eq!(
        c.birthday,
        Some(Birthday {
            year: None,
            month: 2,
            day: 29
        })
    );
    assert_eq!(c.preferred_channel, Some(Channel::Whatsapp));
    assert_eq!(c.language, "cs");
    assert!(!c.archived);
    // The index lists the contact for search; the client summary is unchanged.
    let summaries = base.contact_summaries();
    assert_eq!(summaries[&id(1)][0].name, "Jana Nováková");
    assert_eq!(summaries[&id(1)][0].phones, vec!["+420601123456"]);
    assert_eq!(base.summaries()[0].name, "Alfa s.r.o.");
}

#[test]
fn invalid_contacts_write_nothing() {
    let mut base = base_with_client("Alfa s.r.o.");
    base.add_contact(id(1), "c1", &jana(), &author("anna", 1))
        .unwrap();
    let before = all_heads(&base);
    let cases: Vec<(ContactDraft, Field, &str, Problem)> = vec![
        (
            ContactDraft {
                name: "  ".into(),
                ..jana()
            },
            Field::Name,
            "  ",
            Problem::Empty,
        ),
        (
            ContactDraft {
                phones: vec!["601 123 456".into()],
                ..jana()
            },
            Field::Phone,
            "601 123 456",
            Problem::PhoneCountry,
        ),
        (
            ContactDraft {
                emails: vec!["ok@alfa.cz".into(), "jana-at-alfa.cz".into()],
                ..jana()
            },
            Field::Email,
            "jana-at-alfa.cz",
            Problem::EmailNoAt,
        ),
        (
            ContactDraft {
                birthday: "2023-02-29".into(),
                ..jana()
            },
            Field::Birthday,
            "2023-02-29",
            Problem::BadDate,
        ),
        (
            ContactDraft {
                birthday: "04-31".into(),
                ..jana()
            },
            Field::Birthday,
            "04-31",
            Problem::BadDate,
        ),
        (
            ContactDraft {
                birthday: "31.12.".into(),
                ..jana()
            },
            Field::Birthday,
            "31.12.",
            Problem::BadDate,
        ),
        (
            ContactDraft {
                language: "Czech".into(),
                ..jana()
            },
            Field::Language,
            "Czech",
            Problem::BadLanguage,
        ),
        (
            ContactDraft {
                role: "a\u{7}b".into(),
                ..jana()
            },
            Field::Role,
            "a\u{7}b",
            Problem::ControlChars,
        ),
    ];
    for (draft, field, value, problem) in cases {
        assert_eq!(
            invalid(base.add_contact(id(1), "c2", &draft, &author("anna", 2))),
            (field, value.to_string(), problem)
        );
    }
    let bad_patch = ContactPatch {
        name: Some("Jana N.".into()),
        add_phones: vec!["+0123456789".into()],
        ..Default::default()
    };
    assert_eq!(
        invalid(base.edit_contact(id(1), "c1", &bad_patch, &author("anna", 3))).2,
        Problem::PhoneZero
    );
    assert!(matches!(
        base.edit_contact(id(1), "nobody", &ContactPatch::default(), &author("a", 3)),
        Err(Error::NoSuchContact { .. })
    ));
    assert!(matches!(
        base.add_contact(id(1), "c1", &jana(), &author("a", 3)),
        Err(Error::BadContactId(_))
    ));
    assert!(matches!(
        base.add_contact(id(1), "", &jana(), &author("a", 3)),
        Err(Error::BadContactId(_))
    ));
    assert!(matches!(
        base.add_contact(id(9), "c9", &jana(), &author("a", 3)),
        Err(Error::NoSuchClient(_))
    ));
    assert!(matches!(
        base.archive_contact(id(9), "c1", &author("a", 3)),
        Err(Error::NoSuchClient(_))
    ));
    assert_eq!(before, all_heads(&base), "a rejected edit must not write");
    assert_eq!(base.contacts(id(1)).len(), 1);
    assert_eq!(base.contacts(id(1))[0].name, "Jana Nováková");
}

#[test]
fn birthdays() {
    assert_eq!(
        Birthday::parse("1980-12-31").unwrap().to_string(),
        "1980-12-31"
    );
    assert_eq!(Birthday::parse(" 02-29 ").unwrap().to_string(), "02-29");
    assert!(Birthday::parse("2024-02-29").is_ok());
    assert!(Birthday::parse("2000-02-29").is_ok());
    for bad in [
        "1900-02-29",
        "13-01",
        "00-10",
        "01-00",
        "1-1",
        "2024-1-01",
        "0000-01-01",
        "",
    ] {
        assert!(Birthday::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn edit_add_and_remove_phones_archive_and_restore() {
    let mut base = base_with_client("Alfa s.r.o.");
    base.add_contact(id(1), "c1", &jana(), &author("anna", 1))
        .unwrap();
    base.edit_contact(
        id(1),
        "c1",
        &ContactPatch {
            position: Some("Ředitelka".into()),
            add_phones: vec!["+420 777 000 111".into(), "+420601123456".into()],
            add_emails: vec!["jana.n@alfa.cz".into()],
            remove_emails: vec!["Jana@alfa.cz".into()],
            birthday: Some("".into()),
            preferred_channel: Some(None),
            ..Default::default()
        },
        &author("anna", 2),
    )
    .unwrap();
    let c = &base.contacts(id(1))[0];
    assert_eq!(c.position, "Ředitelka");
    assert_eq!(c.phones, vec!["+420601123456", "+420777000111"]);
    assert_eq!(c.emails, vec!["jana.n@alfa.cz"]);
    assert_eq!(c.birthday, None);
    assert_eq!(c.preferred_channel, None);
    assert_eq!(
        base.contact_summaries()[&id(1)][0].emails,
        vec!["jana.n@alfa.cz"]
    );

    base.archive_contact(id(1), "c1", &author("anna", 3))
        .unwrap();
    assert!(base.contacts(id(1))[0].archived);
    assert!(base.contact_summaries()[&id(1)][0].archived);
    base.restore_contact(id(1), "c1", &author("anna", 4))
        .unwrap();
    assert!(!base.contacts(id(1))[0].archived);
}

#[test]
fn concurrent_contacts_and_phones_are_all_kept() {
    let mut a = base_with_client("Alfa s.r.o.");
    a.add_contact(id(1), "c1", &jana(), &author("anna", 1))
        .unwrap();
    let mut b = replica(2);
    b.merge(&a).unwrap();

    let ivan = ContactDraft {
        name: "Иван Петров".into(),
        ..Default::default()
    };
    a.add_contact(id(1), "a-2", &ivan, &author("anna", 2))
        .unwrap();
    b.add_contact(
        id(1),
        "b-2",
        &ContactDraft {
            name: "김민준".into(),
            ..Default::default()
        },
        &author("boris", 2),
    )
    .unwrap();
    let phone = |p: &str| ContactPatch {
        add_phones: vec![p.into()],
        ..Default::default()
    };
    a.edit_contact(id(1), "c1", &phone("+47 22 33 44 55"), &author("anna", 3))
        .unwrap();
    b.edit_contact(id(1), "c1", &phone("+55 11 9876 5432"), &author("boris", 3))
        .unwrap();
    // Concurrent archive and edit: both land.
    a.archive_contact(id(1), "c1", &author("anna", 4)).unwrap();
    b.edit_contact(
        id(1),
        "c1",
        &ContactPatch {
            role: Some("decision maker".into()),
            ..Default::default()
        },
        &author("boris", 4),
    )
    .unwrap();

    a.merge(&b).unwrap();
    b.merge(&a).unwrap();
    assert_eq!(a.contacts(id(1)), b.contacts(id(1)));
    let ids: Vec<String> = a.contacts(id(1)).into_iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 3);
    for want in ["c1", "a-2", "b-2"] {
        assert!(ids.contains(&want.to_string()), "{want} in {ids:?}");
    }
    let jana = a
        .contacts(id(1))
        .into_iter()
        .find(|c| c.id == "c1")
        .unwrap();
    assert!(jana.archived);
    assert_eq!(jana.role, "decision maker");
    assert_eq!(jana.phones.len(), 3, "{:?}", jana.phones);
    assert!(jana.phones.contains(&"+4722334455".to_string()));
    assert!(jana.phones.contains(&"+551198765432".to_string()));
    let summary = &a.contact_summaries()[&id(1)];
    assert_eq!(summary.len(), 3);
    let jana_summary = summary.iter().find(|c| c.id == "c1").unwrap();
    assert_eq!(jana_summary.phones.len(), 3);
}

#[test]
fn channels_parse_by_key() {
    for c in Channel::ALL {
        assert_eq!(c.key().parse::<Channel>().unwrap(), c);
    }
    assert!(matches!(
        "pigeon".parse::<Channel>(),
        Err(Error::Invalid {
            field: Field::Channel,
            reason: Problem::UnknownChannel,
            ..
        })
    ));
}

#[test]
fn messengers_holidays_and_notes_of_a_contact() {
    use fieldbase_core::{Messenger, Problem};
    let mut base = base_with_client_and_contact("Alfa");
    let who = author("anna", 1);
    base.add_messenger(id(1), "c1", Messenger::WhatsApp, "+420 601 123 456", &who)
        .unwrap();
    base.add_messenger(id(1), "c1", Messenger::Telegram, "@jana_k", &who)
        .unwrap();
    match base.add_messenger(id(1), "c1", Messenger::Skype, "jana k", &who) {
        Err(Error::Invalid {
            field: Field::Messenger,
            reason: Problem::BadHandle,
            ..
        }) => {}
        other => panic!("a handle with a space was accepted: {other:?}"),
    }
    assert!(matches!(
        base.add_messenger(id(1), "nobody", Messenger::Skype, "x", &who),
        Err(Error::NoSuchContact { .. })
    ));
    base.set_holiday(id(1), "c1", "11-21", "Accountant's Day", &who)
        .unwrap();
    base.set_contact_notes(id(1), "c1", "Prefers mornings", &who)
        .unwrap();
    let extras = base.contact_extras(id(1), "c1");
    assert_eq!(
        extras.messengers,
        vec![
            (Messenger::Telegram, "@jana_k".to_owned()),
            (Messenger::WhatsApp, "+420601123456".to_owned())
        ]
    );
    assert_eq!(extras.holidays.len(), 1);
    assert_eq!(extras.notes, "Prefers mornings");

    // Today shows the holiday in the coming week, from the index alone.
    let today = base.today("anna", date("2026-11-18"));
    assert_eq!(today.holidays.len(), 1);
    assert_eq!(today.holidays[0].name, "Accountant's Day");
    assert_eq!(today.holidays[0].date, date("2026-11-21"));
    assert!(base.today("anna", date("2026-11-22")).holidays.is_empty());
    base.remove_holiday(id(1), "c1", "11-21", &who).unwrap();
    assert!(base.today("anna", date("2026-11-18")).holidays.is_empty());
    assert!(base.contact_extras(id(1), "c1").holidays.is_empty());
}
