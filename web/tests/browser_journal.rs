//! The journal (`journal.rs`) through the real engine on a real IndexedDB, in headless
//! Chromium (`scripts/test-wasm.sh`): a lead is answered once it is written down, then
//! applied, stored and cleared from the journal; a refused lead writes nothing; the
//! entries a closed tab left are applied when the next tab starts, those of a tab that
//! still runs are left to it, and an entry that does not read is kept.
//!
//! No server runs: the engine's websocket fails and retries, which the journal does not
//! need. Each test uses a database of its own and signs out at the end (which clears
//! it).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use fieldbase_core::{Author, ClientBase, DocumentId, Field};
use fieldbase_web::{
    browser,
    calls::AddError,
    engine::{self, EngineHandle},
    journal::{self, Entry, Intent},
    lead::{Lead, LeadIntent, Temperature},
    session::Session,
    store::Store,
};
use indexed_db_futures::database::Database;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn random_id() -> DocumentId {
    DocumentId::from_bytes(browser::random_bytes::<16>())
}

fn session() -> Session {
    Session {
        token: "no-server".into(),
        rep: "anna".into(),
        peer_prefix: "anna/".into(),
        team_index: random_id().to_string(),
        expires_at: browser::now_ms() + 3_600_000.0,
        role: "rep".into(),
        team_doc: None,
        plan: None,
        book: None,
        books: Default::default(),
    }
}

fn lead(company: &str, phone: &str) -> Intent {
    Intent::Lead(LeadIntent {
        lead: Lead {
            company: company.into(),
            person: "Jana Nová".into(),
            phone: phone.into(),
            email: "jana@example.cz".into(),
            interest: "Rye flour".into(),
            note: String::new(),
            temperature: Temperature::Warm,
        },
        event: Some("agro-2026".into()),
        client: random_id(),
        contact: browser::hex(&browser::random_bytes::<8>()),
        interaction: browser::hex(&browser::random_bytes::<8>()),
        time_zone: "Europe/Prague".into(),
    })
}

/// The name of the client `id` as the engine's base has it, if any.
async fn client_name(engine: &EngineHandle, id: DocumentId) -> Option<String> {
    engine
        .query(
            |id: &DocumentId, base: &ClientBase| base.client(*id).map(|c| c.name),
            id,
        )
        .await
        .expect("the engine answers")
}

/// Whether the device holds chunks of `id`, read back through a second connection.
async fn stored(name: &str, id: DocumentId) -> bool {
    let other = Store::open_named(name).await.expect("opens");
    let loaded = other.load().await.expect("reads");
    other.close();
    loaded.docs.iter().any(|d| d.id == id)
}

async fn start(name: &str) -> (Rc<Store>, EngineHandle) {
    let store = Rc::new(Store::open_named(name).await.expect("opens"));
    let engine = engine::start(store.clone(), session(), yew::Callback::noop())
        .await
        .expect("the engine starts");
    (store, engine)
}

/// Signs out (the engine stops and clears the database), closes the connection and
/// deletes the database (which waits for every connection to close).
async fn finish(engine: EngineHandle, store: Rc<Store>, name: &str) {
    engine.sign_out().await;
    drop(engine);
    // The engine's task ends with the sign-out and drops its handle on the store.
    gloo_timers::future::TimeoutFuture::new(0).await;
    match Rc::try_unwrap(store) {
        Ok(store) => store.close(),
        Err(_) => panic!("the signed-out engine still holds the store"),
    }
    let _ = Database::delete_by_name(name)
        .expect("deleteDatabase")
        .await;
}

#[wasm_bindgen_test]
async fn a_journaled_lead_is_applied_stored_and_cleared() {
    let name = format!(
        "fieldbase-test-journal-{}",
        browser::hex(&browser::random_bytes::<6>())
    );
    let (store, engine) = start(&name).await;

    let good = lead("Pekárna Novák", "+420 601 555 000");
    let id = good.client();
    engine.journal(good).await.expect("saved");
    assert_eq!(
        client_name(&engine, id).await.as_deref(),
        Some("Pekárna Novák")
    );
    assert!(
        stored(&name, id).await,
        "the lead's document is on the device"
    );
    assert_eq!(
        store.journal_entries().await.expect("reads"),
        Vec::<(String, String)>::new(),
        "the applied lead left the journal"
    );

    let bad = lead("Mlýn", "12");
    let bad_id = bad.client();
    match engine.journal(bad).await {
        Err(AddError::Invalid { field, .. }) => assert_eq!(field, Field::Phone),
        other => panic!("a bad phone must be refused, got {other:?}"),
    }
    assert_eq!(client_name(&engine, bad_id).await, None);
    assert!(store.journal_entries().await.expect("reads").is_empty());
    assert!(!stored(&name, bad_id).await);

    finish(engine, store, &name).await;
}

#[wasm_bindgen_test]
async fn a_closed_tabs_entries_are_applied_at_start_and_a_running_tabs_are_not() {
    let name = format!(
        "fieldbase-test-replay-{}",
        browser::hex(&browser::random_bytes::<6>())
    );
    let author = Author {
        who: "anna/web".into(),
        at: browser::now_ms() as i64 - 5_000,
    };
    let store = Store::open_named(&name).await.expect("opens");
    // A tab that wrote a lead down and closed before applying it.
    let closed = lead("Left Behind s.r.o.", "+420 601 555 001");
    let closed_id = closed.client();
    let entry = Entry {
        author: author.clone(),
        intent: closed,
    };
    let closed_key = journal::key("closedtab", 1);
    store
        .journal(&closed_key, &entry.to_json())
        .await
        .expect("written");
    // An entry no version of the app can read: kept, never dropped.
    let garbled_key = journal::key("closedtab", 2);
    store
        .journal(&garbled_key, "{not json")
        .await
        .expect("written");
    // A tab that still runs (it holds its lock) and is about to apply its own entry.
    let live_tab = browser::hex(&browser::random_bytes::<8>());
    assert!(
        browser::hold_lock(&journal::lock_name(&live_tab)),
        "Chromium has Web Locks"
    );
    let running = lead("Still Running a.s.", "+420 601 555 002");
    let running_id = running.client();
    let running_key = journal::key(&live_tab, 1);
    let entry = Entry {
        author,
        intent: running,
    };
    store
        .journal(&running_key, &entry.to_json())
        .await
        .expect("written");
    store.close();

    let (store, engine) = start(&name).await;
    assert_eq!(
        client_name(&engine, closed_id).await.as_deref(),
        Some("Left Behind s.r.o."),
        "the closed tab's lead is applied"
    );
    assert!(stored(&name, closed_id).await);
    assert_eq!(client_name(&engine, running_id).await, None);
    let keys: Vec<String> = store
        .journal_entries()
        .await
        .expect("reads")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let mut expected = vec![garbled_key, running_key];
    expected.sort();
    assert_eq!(keys, expected);

    finish(engine, store, &name).await;
}
