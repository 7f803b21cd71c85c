//! Benchmark in a real headless Chromium (`scripts/bench-browser.sh`, release build):
//! the generated base (core's `sample`, 10,000 clients) stored in IndexedDB the way the
//! app stores it, then measured next to baselines from the same run:
//!
//! * open: read every chunk back and load every document (as the engine started before
//!   client documents were stashed), and read every chunk back, load the index and stash
//!   the client documents (as it starts now), against the same clients as plain JSON
//!   records in IndexedDB read back and parsed; then the warm-up that loads the stashed
//!   documents in the background;
//! * the longest main-thread task while opening, with the engine's 8 ms slices;
//! * search per keystroke (`SearchIndex`), against a linear scan of the JSON records;
//! * saving a captured lead as the capture screen does (checked and written down in the
//!   journal, strictly durable: "saved"; then applied and its documents' chunks
//!   stored), against one bare strict IndexedDB put of the same lead as JSON.
//!
//! Without `FIELDBASE_BROWSER_BENCH` set at build time every test returns at once, so
//! the normal wasm test run (debug) does not pay for it.

#![cfg(target_arch = "wasm32")]

use fieldbase_core::{
    Author, ClientBase, DocumentId, SearchIndex,
    automerge::ActorId,
    sample::{Generation, SampleSpec},
    search::fold,
};
use fieldbase_web::{
    browser,
    journal::{self, Entry, Intent},
    lead::{Lead, LeadIntent, Temperature},
    persist::Persister,
    store::{Batch, Store},
};
use indexed_db_futures::{
    database::Database,
    prelude::*,
    transaction::{TransactionDurability, TransactionMode, TransactionOptions},
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const QUERIES: [&str; 5] = ["nováková", "фёдор", "김민", "+420 60", "info12"];

fn perf_now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).expect("performance");
    let now: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .expect("performance.now")
        .unchecked_into();
    now.call0(&perf).expect("now()").as_f64().expect("a number")
}

fn author(at: i64) -> Author {
    Author {
        who: "bench/browser".into(),
        at,
    }
}

/// One client as a plain JSON record: the baseline's shape of the same data.
fn json_of(base: &ClientBase, id: DocumentId) -> String {
    let c = base.client(id).expect("listed");
    let contacts: Vec<serde_json::Value> = base
        .contacts(id)
        .into_iter()
        .map(|k| serde_json::json!({"id": k.id, "name": k.name, "phones": k.phones, "emails": k.emails}))
        .collect();
    let interactions: Vec<serde_json::Value> = base
        .interactions(id)
        .into_iter()
        .map(|i| serde_json::json!({"id": i.id, "kind": i.kind.key(), "at": i.at, "outcome": i.outcome.key(), "summary": i.summary, "who": i.who}))
        .collect();
    let tasks: Vec<serde_json::Value> = base
        .tasks(id)
        .into_iter()
        .map(|t| serde_json::json!({"id": t.id, "kind": t.kind.key(), "due": t.due.to_string(), "status": t.status.key()}))
        .collect();
    serde_json::json!({
        "id": id.to_string(), "name": c.name, "phone": c.phone, "email": c.email,
        "status": c.status.key(), "contacts": contacts, "interactions": interactions, "tasks": tasks,
    })
    .to_string()
}

async fn json_db(name: &str) -> Database {
    Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("clients").build()?;
            Ok(())
        })
        .await
        .expect("the JSON database opens")
}

async fn json_put_all(db: &Database, records: &[(String, String)]) {
    let tx = db
        .transaction("clients")
        .with_mode(TransactionMode::Readwrite)
        .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
        .build()
        .expect("a transaction");
    let store = tx.object_store("clients").expect("the store");
    for (key, json) in records {
        store
            .put(JsValue::from_str(json))
            .with_key(key.clone())
            .without_key_type()
            .primitive()
            .expect("a put");
    }
    tx.commit().await.expect("committed");
}

async fn json_read_all(db: &Database) -> Vec<serde_json::Value> {
    let tx = db.transaction("clients").build().expect("a transaction");
    let store = tx.object_store("clients").expect("the store");
    let values: Vec<JsValue> = store
        .get_all::<JsValue>()
        .primitive()
        .expect("getAll")
        .await
        .expect("read")
        .collect::<Result<_, _>>()
        .expect("values");
    values
        .into_iter()
        .map(|v| serde_json::from_str(&v.as_string().expect("a string")).expect("JSON"))
        .collect()
}

fn ms(label: &str, ours: f64, baseline: f64, baseline_label: &str) {
    console_log!(
        "BENCH {label:<34} {ours:>10.2} ms   baseline ({baseline_label}) {baseline:>10.2} ms   ratio {:.2}x",
        ours / baseline.max(1e-6)
    );
}

#[wasm_bindgen_test]
async fn open_search_and_save_at_ten_thousand_clients() {
    if option_env!("FIELDBASE_BROWSER_BENCH").is_none() {
        return;
    }
    let n: usize = option_env!("FIELDBASE_BENCH_CLIENTS")
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let spec = SampleSpec::standard(7).scaled(n);
    let t = perf_now();
    // One client at a time, handing the main thread back now and then: the test runner
    // gives up on a page that does not answer for 300 s.
    let mut generation = Generation::new(&spec);
    let mut slice = perf_now();
    while generation.next_client() {
        if perf_now() - slice > 50.0 {
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = perf_now();
        }
    }
    let mut base = generation.finish();
    let index = base.index_id();
    console_log!("BENCH generated {n} clients in {:.0} ms", perf_now() - t);

    // Store it as the app does: chunks in IndexedDB, one strict transaction.
    let name = format!(
        "fieldbase-bench-{}",
        browser::hex(&browser::random_bytes::<4>())
    );
    let store = Store::open_named(&name).await.expect("opens");
    let ids = base.doc_ids();
    let persister = Persister::default();
    let mut batch = Batch::default();
    for part in ids.chunks(200) {
        batch.chunks(persister.plan(&base, part));
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    let t = perf_now();
    store.write(&batch, &mut base).await.expect("stored");
    let store_ms = perf_now() - t;
    let clients: Vec<DocumentId> = base.clients().iter().map(|c| c.id).collect();
    let mut records: Vec<(String, String)> = Vec::with_capacity(clients.len());
    for part in clients.chunks(200) {
        records.extend(part.iter().map(|id| (id.to_string(), json_of(&base, *id))));
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    let json_name = format!("{name}-json");
    let jdb = json_db(&json_name).await;
    let t = perf_now();
    json_put_all(&jdb, &records).await;
    ms(
        "store everything (one strict tx)",
        store_ms,
        perf_now() - t,
        "JSON records",
    );
    store.close();
    jdb.close();

    // Open: read and load everything, in the engine's 8 ms slices; the longest slice is
    // the longest task the page would see.
    let t = perf_now();
    let store = Store::open_named(&name).await.expect("opens");
    let loaded = store.load().await.expect("loads");
    let read_ms = perf_now() - t;
    let mut fresh = ClientBase::new(index, ActorId::from(browser::random_bytes::<16>()));
    let mut longest: f64 = 0.0;
    let mut slice = perf_now();
    for doc in &loaded.docs {
        if perf_now() - slice > 8.0 {
            longest = longest.max(perf_now() - slice);
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = perf_now();
        }
        fresh.load_doc(doc.id, &doc.bytes).expect("loads");
    }
    longest = longest.max(perf_now() - slice);
    let open_ms = perf_now() - t;
    let t = perf_now();
    let jdb = json_db(&json_name).await;
    let parsed = json_read_all(&jdb).await;
    let json_open = perf_now() - t;
    assert_eq!(parsed.len(), clients.len());
    assert_eq!(fresh.clients().len(), clients.len(), "everything came back");
    console_log!("BENCH open: reading the chunks took {read_ms:.0} ms of it");
    ms(
        "open (read + load every document)",
        open_ms,
        json_open,
        "read + parse JSON",
    );
    drop(fresh);
    store.close();

    // Open as the engine does now: read every chunk, load the index, stash the client
    // documents (loaded on first read, or by the warm-up below).
    let t = perf_now();
    let store = Store::open_named(&name).await.expect("opens");
    let loaded = store.load().await.expect("loads");
    let mut fresh = ClientBase::new(index, ActorId::from(browser::random_bytes::<16>()));
    let mut lazy_longest: f64 = 0.0;
    let mut slice = perf_now();
    for doc in loaded.docs {
        if perf_now() - slice > 8.0 {
            lazy_longest = lazy_longest.max(perf_now() - slice);
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = perf_now();
        }
        if fresh.is_loaded(doc.id) {
            fresh.load_doc(doc.id, &doc.bytes).expect("loads");
        } else {
            fresh.stash_doc(doc.id, doc.bytes).expect("stashes");
        }
    }
    lazy_longest = lazy_longest.max(perf_now() - slice);
    let lazy_open = perf_now() - t;
    let t = perf_now();
    let listed = fresh.clients().len();
    let first_list = perf_now() - t;
    assert_eq!(listed, clients.len(), "every client listed");
    // Every client document (archived ones too) and the team documents this bare base
    // was not told about are stashed; the index is not.
    let stashed = fresh.stashed_count();
    assert!(
        stashed >= clients.len(),
        "no client document loaded yet: {stashed}"
    );
    ms(
        "open (read + load the index; client documents stashed)",
        lazy_open,
        json_open,
        "read + parse JSON",
    );
    ms(
        "open until the list is shown (the above + the first list)",
        lazy_open + first_list,
        json_open,
        "read + parse JSON",
    );
    let t = perf_now();
    let card = fresh.client(clients[clients.len() / 2]).expect("a card");
    console_log!(
        "BENCH first read of a stashed card ({}): {:.2} ms",
        card.name,
        perf_now() - t
    );
    let _ = fresh.take_loaded();
    // The warm-up after opening: the rest in 8 ms slices.
    let t = perf_now();
    let mut slice = perf_now();
    let mut warm_longest: f64 = 0.0;
    while fresh.load_stashed(8) > 0 {
        if perf_now() - slice > 8.0 {
            warm_longest = warm_longest.max(perf_now() - slice);
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = perf_now();
        }
    }
    warm_longest = warm_longest.max(perf_now() - slice);
    assert_eq!(fresh.take_loaded().len(), stashed - 1, "each loaded once");
    console_log!(
        "BENCH warm-up after opening (background): {:.0} ms; longest task while opening {lazy_longest:.1} ms, while warming {warm_longest:.1} ms",
        perf_now() - t
    );

    // The snapshot of the index view, stored as the engine stores it once the index has
    // settled; then opening as the engine does with it: the index chunks and the
    // snapshot first, the list from the snapshot, the client documents after.
    let t = perf_now();
    let view = fresh.snapshot_index_view();
    let snapshot_ms = perf_now() - t;
    let t = perf_now();
    assert!(store.write_view(&[index], &view).await.expect("stored"));
    console_log!(
        "BENCH index view snapshot: {} bytes, taken in {snapshot_ms:.0} ms, stored in {:.0} ms",
        view.len(),
        perf_now() - t
    );
    store.close();
    let t = perf_now();
    let store = Store::open_named(&name).await.expect("opens");
    let first = store.load_first(&[index]).await.expect("loads");
    let read_first = perf_now() - t;
    let stored_view = first.view.clone().expect("the snapshot is read back");
    assert!(stored_view.covers_exactly(&[index], &first.seqs));
    let mut quick = ClientBase::new(index, ActorId::from(browser::random_bytes::<16>()));
    let mut first_ids = Vec::new();
    for doc in first.docs {
        first_ids.push(doc.id);
        quick.stash_doc(doc.id, doc.bytes).expect("stashes");
    }
    let t_restore = perf_now();
    quick
        .restore_index_view(&stored_view.bytes)
        .expect("restores");
    let restore_ms = perf_now() - t_restore;
    let t_list = perf_now();
    let quick_listed = quick.clients().len();
    let quick_list_ms = perf_now() - t_list;
    let quick_open = perf_now() - t;
    assert_eq!(quick_listed, clients.len(), "every client listed");
    assert!(!quick.is_loaded(index), "listed without loading the index");
    ms(
        "open with the view snapshot until the list is shown",
        quick_open,
        json_open,
        "read + parse JSON",
    );
    console_log!(
        "BENCH   of which: reading the index chunks and the snapshot {read_first:.0} ms, restoring the view {restore_ms:.0} ms, the list {quick_list_ms:.0} ms (longest task {:.0} ms)",
        restore_ms.max(quick_list_ms)
    );
    let t = perf_now();
    let rest = store
        .load_rest(&first_ids.into_iter().collect())
        .await
        .expect("reads the rest");
    let rest_read = perf_now() - t;
    let mut slice = perf_now();
    let mut rest_longest: f64 = 0.0;
    for doc in rest.docs {
        if perf_now() - slice > 8.0 {
            rest_longest = rest_longest.max(perf_now() - slice);
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = perf_now();
        }
        quick.stash_doc(doc.id, doc.bytes).expect("stashes");
    }
    rest_longest = rest_longest.max(perf_now() - slice);
    console_log!(
        "BENCH after the list is shown: the client documents read in {rest_read:.0} ms and stashed in {:.0} ms (longest slice {rest_longest:.0} ms); {} stashed",
        perf_now() - t - rest_read,
        quick.stashed_count()
    );
    let t = perf_now();
    let _ = quick.doc(index);
    console_log!(
        "BENCH loading the stashed index afterwards (one task): {:.0} ms",
        perf_now() - t
    );
    drop(quick);

    let t = perf_now();
    let summaries = fresh.clients();
    let list_ms = perf_now() - t;
    let t = perf_now();
    let search = SearchIndex::from_base(&fresh);
    let index_ms = perf_now() - t;
    console_log!(
        "BENCH longest main-thread task while opening: {longest:.1} ms (8 ms slices); one-off tasks after it: list {list_ms:.0} ms, search index {index_ms:.0} ms ({} clients)",
        summaries.len()
    );

    // Search per keystroke.
    let (mut ours, mut scan, mut keys) = (0.0, 0.0, 0usize);
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for end in 1..=chars.len() {
            let prefix: String = chars[..end].iter().collect();
            let t = perf_now();
            let hits = search.search(&prefix, 50);
            ours += perf_now() - t;
            let folded = fold(&prefix);
            let t = perf_now();
            let found = parsed
                .iter()
                .filter(|c| {
                    c["name"]
                        .as_str()
                        .is_some_and(|n| fold(n).contains(&folded))
                        || c["contacts"].as_array().is_some_and(|cs| {
                            cs.iter().any(|k| {
                                k["name"]
                                    .as_str()
                                    .is_some_and(|n| fold(n).contains(&folded))
                            })
                        })
                })
                .take(50)
                .count();
            scan += perf_now() - t;
            keys += 1;
            let _ = (hits, found);
        }
    }
    ms(
        "search per keystroke",
        ours / keys as f64,
        scan / keys as f64,
        "linear scan of the JSON",
    );

    // Save a captured lead, as the capture screen does (`Engine::journal`): checked and
    // written down in the journal (the rep is told "saved"), then applied and its chunks
    // stored with the entry deleted.
    let leads = 40;
    let (mut saved, mut bare, mut slowest) = (0.0, 0.0, 0.0f64);
    let (mut applying, mut storing, mut slowest_stored) = (0.0, 0.0, 0.0f64);
    let mut persister = Persister::default();
    for id in fresh.doc_ids() {
        persister.persisted(id, fresh.heads(id));
    }
    for i in 0..leads {
        let t = perf_now();
        let who = author(1_800_000_000_000 + i as i64);
        let intent = Intent::Lead(LeadIntent {
            lead: Lead {
                company: format!("Lead {i}"),
                person: "Jana Nová".into(),
                phone: "+420 601 555 000".into(),
                email: "lead@example.com".into(),
                interest: "Wants samples of rye flour".into(),
                note: String::new(),
                temperature: Temperature::Hot,
            },
            event: Some("bench-fair".into()),
            client: DocumentId::from_bytes(browser::random_bytes::<16>()),
            contact: browser::hex(&browser::random_bytes::<8>()),
            interaction: browser::hex(&browser::random_bytes::<8>()),
            time_zone: "Europe/Prague".into(),
        });
        intent.check(&fresh, &who).expect("a valid lead");
        let entry = Entry {
            author: who,
            intent,
        };
        let key = journal::key("bench", i as u64);
        store
            .journal(&key, &entry.to_json())
            .await
            .expect("written down");
        let now = perf_now();
        slowest = slowest.max(now - t);
        saved += now - t;

        let edit = entry
            .intent
            .apply(&mut fresh, &entry.author)
            .expect("applies");
        let applied = perf_now();
        applying += applied - now;
        let mut batch = Batch::default();
        batch.chunks(persister.plan(&fresh, &edit.touched));
        batch.forget(&key);
        for (doc, heads) in store.write(&batch, &mut fresh).await.expect("stored") {
            persister.persisted(doc, heads);
        }
        storing += perf_now() - applied;
        slowest_stored = slowest_stored.max(perf_now() - t);

        let json = serde_json::json!({"name": format!("Lead {i}"), "phone": "+420601555000", "email": "lead@example.com",
            "contacts": [{"name": "Jana Nová"}], "interactions": [{"kind": "exhibition", "summary": "Wants samples of rye flour"}]}).to_string();
        let t = perf_now();
        json_put_all(&jdb, &[(entry.intent.client().to_string(), json)]).await;
        bare += perf_now() - t;
    }
    assert!(
        store.journal_entries().await.expect("read").is_empty(),
        "every applied lead left the journal"
    );
    ms(
        "save a captured lead (until saved: checked + journaled)",
        saved / leads as f64,
        bare / leads as f64,
        "one bare strict put",
    );
    ms(
        "save a captured lead without the journal (applied + stored, as before)",
        (applying + storing) / leads as f64,
        bare / leads as f64,
        "one bare strict put",
    );
    ms(
        "save a captured lead (until its documents are stored)",
        (saved + applying + storing) / leads as f64,
        bare / leads as f64,
        "one bare strict put",
    );
    console_log!(
        "BENCH of a saved lead after the answer: applying {:.2} ms, storing the chunks {:.2} ms; \
         slowest of {leads}: {slowest:.1} ms until saved, {slowest_stored:.1} ms until stored",
        applying / leads as f64,
        storing / leads as f64,
    );

    store.close();
    jdb.close();
    for db in [name, json_name] {
        let _ = Database::delete_by_name(&db).expect("deleteDatabase").await;
    }
}
