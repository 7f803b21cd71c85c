//! Search as you type: folding in every script, word prefixes, phone digits, e-mails,
//! contacts, ranking.

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ContactDraft, DocumentId, SearchIndex,
    automerge::ActorId,
    search::{MatchKind, fold},
};

fn id(n: u8) -> DocumentId {
    DocumentId::from_bytes([n; 16])
}

fn base() -> ClientBase {
    let mut base = ClientBase::new(id(0), ActorId::from([1; 16]));
    let clients = [
        ("Řeznictví Dvořák", "+420 601 123 456", "info@dvorak.cz"),
        ("Sjøberg Øl AS", "+47 22 33 44 55", "post@sjoberg.no"),
        (
            "São João Ltda.",
            "+55 11 98765 4321",
            "contato@saojoao.com.br",
        ),
        ("Straße Bau GmbH", "", "bau@strasse.de"),
        (
            "Фёдоров и партнёры",
            "+7 495 123 45 67",
            "fedorov@example.ru",
        ),
        ("김씨네 가게", "+82 2 1234 5678", "kim@gage.kr"),
        ("Dvoř", "", ""),
        ("Andvořák", "", ""),
        ("Seoul Trading", "", ""),
    ];
    for (n, (name, phone, email)) in clients.into_iter().enumerate() {
        base.add_client(
            id(n as u8 + 1),
            &ClientDraft {
                name: name.into(),
                phone: phone.into(),
                email: email.into(),
                status: None,
                ..Default::default()
            },
            &Author {
                who: "anna".into(),
                at: 0,
            },
        )
        .unwrap();
    }
    base
}

fn names(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, 50)
        .into_iter()
        .map(|h| h.name)
        .collect()
}

#[test]
fn folding_in_every_script() {
    assert_eq!(fold("Řeznictví Dvořák"), "reznictvi dvorak");
    assert_eq!(fold("Sjøberg ØL"), "sjoberg ol");
    assert_eq!(fold("São João"), "sao joao");
    assert_eq!(fold("Straße"), "strasse");
    assert_eq!(fold("Фёдоров"), "федоров");
    assert_eq!(fold("ЙОГУРТ"), "йогурт", "й stays й");
    assert_eq!(fold("김씨네"), "김씨네", "Hangul as is");
    assert_eq!(fold("Ærø"), "aero");
}

#[test]
fn word_prefixes_case_and_diacritics_insensitive() {
    let index = SearchIndex::from_base(&base());
    assert_eq!(names(&index, "dvor"), vec!["Dvoř", "Řeznictví Dvořák"]);
    assert_eq!(names(&index, "ŘEZ"), vec!["Řeznictví Dvořák"]);
    assert_eq!(names(&index, "rez dvo"), vec!["Řeznictví Dvořák"]);
    assert!(
        names(&index, "eznic").is_empty(),
        "not in the middle of a word"
    );
    assert_eq!(names(&index, "sjob"), vec!["Sjøberg Øl AS"]);
    assert_eq!(names(&index, "øl"), vec!["Sjøberg Øl AS"]);
    assert_eq!(names(&index, "joao"), vec!["São João Ltda."]);
    assert_eq!(names(&index, "strasse"), vec!["Straße Bau GmbH"]);
    assert_eq!(names(&index, "straß"), vec!["Straße Bau GmbH"]);
    assert_eq!(names(&index, "федор"), vec!["Фёдоров и партнёры"]);
    assert_eq!(names(&index, "ПАРТНЕР"), vec!["Фёдоров и партнёры"]);
    assert_eq!(names(&index, "김씨"), vec!["김씨네 가게"]);
    assert_eq!(names(&index, "가게"), vec!["김씨네 가게"]);
    assert!(names(&index, "").is_empty());
    assert!(names(&index, "   ").is_empty());
}

#[test]
fn phones_match_digits_anywhere_and_emails_by_substring() {
    let index = SearchIndex::from_base(&base());
    assert_eq!(names(&index, "601 12"), vec!["Řeznictví Dvořák"]);
    assert_eq!(names(&index, "+420601"), vec!["Řeznictví Dvořák"]);
    assert_eq!(
        names(&index, "123 45"),
        vec!["Řeznictví Dvořák", "Фёдоров и партнёры", "김씨네 가게"]
    );
    assert_eq!(names(&index, "98765-43"), vec!["São João Ltda."]);
    assert_eq!(names(&index, "sjoberg.no"), vec!["Sjøberg Øl AS"]);
    assert_eq!(names(&index, "@gage"), vec!["김씨네 가게"]);
    assert_eq!(names(&index, "FEDOROV@"), vec!["Фёдоров и партнёры"]);
}

#[test]
fn ranking_exact_then_prefix_then_words() {
    let index = SearchIndex::from_base(&base());
    let hits = index.search("dvoř", 10);
    assert_eq!(hits[0].name, "Dvoř");
    assert_eq!(hits[0].matched, MatchKind::ExactName);
    assert_eq!(hits[1].matched, MatchKind::NameWords);
    let hits = index.search("s", 10);
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.matched).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "best first");
    assert_eq!(hits[0].matched, MatchKind::NamePrefix);
    assert_eq!(index.search("s", 2).len(), 2, "the limit holds");
}

#[test]
fn contacts_are_searched_and_archived_ones_left_out() {
    let mut base = base();
    let who = Author {
        who: "anna".into(),
        at: 1,
    };
    base.add_contact(
        id(2),
        "c1",
        &ContactDraft {
            name: "Ingrid Bjørnstad".into(),
            phones: vec!["+47 900 11 222".into()],
            emails: vec!["ingrid@sjoberg.no".into()],
            ..Default::default()
        },
        &who,
    )
    .unwrap();
    let index = SearchIndex::from_base(&base);
    let hits = index.search("bjorn", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].name, "Sjøberg Øl AS");
    assert_eq!(hits[0].matched, MatchKind::ContactName);
    assert_eq!(names(&index, "sjob ingr"), vec!["Sjøberg Øl AS"]);
    assert_eq!(names(&index, "900 11"), vec!["Sjøberg Øl AS"]);
    assert_eq!(names(&index, "ingrid@"), vec!["Sjøberg Øl AS"]);

    base.archive_contact(id(2), "c1", &who).unwrap();
    assert!(SearchIndex::from_base(&base).search("bjorn", 10).is_empty());
    base.archive_client(id(1), &who).unwrap();
    let index = SearchIndex::from_base(&base);
    assert_eq!(
        names(&index, "dvor"),
        vec!["Dvoř"],
        "archived clients are not found"
    );
    assert_eq!(index.len(), 8);
}
