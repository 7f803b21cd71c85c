//! The device store against the real IndexedDB of a headless Chromium
//! (`scripts/test-wasm.sh`): edits made through core and persisted the way the engine
//! does it (`Persister::plan` → `Batch` → `Store::write`) must come back identical after
//! the database is closed and opened again, compaction must bound the chunks of a busy
//! document, the sync bookkeeping and the session must round-trip through `meta`, and
//! invalid input must never reach the device.
//!
//! Every test works in a database of its own (`Store::open_named`), deleted at the end,
//! so the tests, which share one page, never see each other's data. The chunk keys are
//! read with IndexedDB directly, not through `Store`, so the counts do not rely on the
//! code under test.

#![cfg(target_arch = "wasm32")]

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ClientPatch, ClientStatus, DocumentId, Error, Field,
    automerge::{ActorId, ChangeHash, ReadDoc},
};
use fieldbase_web::{
    browser,
    persist::{MAX_CHUNKS, MAX_INDEX_CHUNKS, Persister},
    session::Session,
    store::{Batch, Loaded, Store},
};
use indexed_db_futures::{database::Database, prelude::*};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A database name no other test (or earlier run) uses.
fn db_name(test: &str) -> String {
    format!(
        "fieldbase-test-{test}-{}",
        browser::hex(&browser::random_bytes::<6>())
    )
}

fn random_id() -> DocumentId {
    DocumentId::from_bytes(browser::random_bytes::<16>())
}

fn author() -> Author {
    Author {
        who: "anna/browser-test".into(),
        at: browser::now_ms() as i64,
    }
}

fn draft(name: &str, email: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        phone: "+49 30 1234567".into(),
        email: email.into(),
        status: Some(ClientStatus::Active),
        ..ClientDraft::default()
    }
}

/// One tab of the app: its replica and what it knows to be on the device.
struct Tab {
    base: ClientBase,
    persister: Persister,
}

impl Tab {
    /// A fresh replica loaded from the store, as `engine::start` does it.
    fn load(index: DocumentId, loaded: &Loaded) -> Tab {
        let mut base = ClientBase::new(index, ActorId::from(browser::random_bytes::<16>()));
        let mut persister = Persister::default();
        for doc in &loaded.docs {
            base.load_doc(doc.id, &doc.bytes)
                .unwrap_or_else(|e| panic!("document {} does not load: {e}", doc.id));
            persister.persisted(doc.id, base.heads(doc.id));
        }
        Tab { base, persister }
    }

    /// Writes what `touched` changed, as `Engine::write` does, and checks that the
    /// heads reported written are the replica's.
    async fn persist(&mut self, store: &Store, touched: &[DocumentId]) {
        let mut batch = Batch::default();
        batch.chunks(self.persister.plan(&self.base, touched));
        assert!(!batch.is_empty(), "an edit left nothing to write");
        let written = store
            .write(&batch, &mut self.base)
            .await
            .expect("the write is committed");
        assert_eq!(written.len(), touched.len());
        for (id, heads) in written {
            assert_eq!(heads, self.base.heads(id), "heads written for {id}");
            self.persister.persisted(id, heads);
        }
        // Nothing is left to write once written.
        assert!(self.persister.plan(&self.base, touched).is_empty());
    }
}

/// Closes `store`, opens the database again and reads everything back.
async fn reopen(store: Store, name: &str) -> (Store, Loaded) {
    store.close();
    let store = Store::open_named(name).await.expect("the database reopens");
    let loaded = store.load().await.expect("the database reads back");
    (store, loaded)
}

/// What the database holds, read with IndexedDB directly: every chunk key as
/// `(doc, seq)` and every `meta` key.
#[derive(Debug, PartialEq)]
struct Raw {
    chunks: Vec<(String, u32)>,
    meta: Vec<String>,
}

impl Raw {
    fn seqs_of(&self, doc: DocumentId) -> Vec<u32> {
        let doc = doc.to_string();
        self.chunks
            .iter()
            .filter(|(d, _)| *d == doc)
            .map(|(_, seq)| *seq)
            .collect()
    }
}

async fn all_keys(db: &Database, store: &str) -> Vec<JsValue> {
    let tx = db.transaction(store).build().expect("a read transaction");
    let keys = tx
        .object_store(store)
        .expect("the object store exists")
        .get_all_keys::<JsValue>()
        .primitive()
        .expect("getAllKeys")
        .await
        .expect("getAllKeys succeeds")
        .collect::<Result<Vec<JsValue>, _>>()
        .expect("keys");
    drop(tx);
    keys
}

async fn raw(name: &str) -> Raw {
    let db = Database::open(name).await.expect("the database opens");
    let chunks = all_keys(&db, "chunks")
        .await
        .into_iter()
        .map(|key| {
            let key: Array = key.unchecked_into();
            let doc = key.get(0).as_string().expect("a document id");
            let seq = key.get(1).as_f64().expect("a sequence number") as u32;
            (doc, seq)
        })
        .collect();
    let meta = all_keys(&db, "meta")
        .await
        .into_iter()
        .map(|key| key.as_string().expect("a string key"))
        .collect();
    db.close();
    Raw { chunks, meta }
}

async fn delete(store: Store, name: &str) {
    store.close();
    Database::delete_by_name(name)
        .expect("deleteDatabase")
        .await
        .expect("the database is deleted");
}

fn acked_of(loaded: &Loaded, doc: DocumentId) -> Option<&Vec<ChangeHash>> {
    loaded
        .acked
        .iter()
        .find(|(id, _)| *id == doc)
        .map(|(_, heads)| heads)
}

/// (a) A client added through core and written with the app's persistence path is
/// there, with the same heads, in a fresh replica loaded from the reopened database.
#[wasm_bindgen_test]
async fn an_added_client_survives_reopening_the_database() {
    let name = db_name("add");
    let store = Store::open_named(&name).await.expect("the database opens");
    let index = random_id();
    let mut tab = Tab::load(index, &store.load().await.expect("an empty database"));
    assert!(tab.base.clients().is_empty());

    let id = random_id();
    let edit = tab
        .base
        .add_client(
            id,
            &draft("Müller & Söhne GmbH", "info@mueller.example"),
            &author(),
        )
        .expect("a valid draft");
    assert_eq!(edit.touched, [id, index]);
    tab.persist(&store, &edit.touched).await;
    let on_disk = raw(&name).await;
    assert_eq!(on_disk.seqs_of(id), [0]);
    assert_eq!(on_disk.seqs_of(index), [0]);

    let (store, loaded) = reopen(store, &name).await;
    assert_eq!(loaded.docs.len(), 2);
    let fresh = Tab::load(index, &loaded);
    let client = fresh.base.client(id).expect("the client is on the device");
    assert_eq!(client.name, "Müller & Söhne GmbH");
    assert_eq!(client.email, "info@mueller.example");
    assert_eq!(Some(client), tab.base.client(id));
    assert_eq!(fresh.base.clients(), tab.base.clients());
    for doc in [id, index] {
        assert_eq!(fresh.base.heads(doc), tab.base.heads(doc), "heads of {doc}");
    }
    // Nothing was acknowledged or synced yet.
    assert!(loaded.acked.is_empty());
    assert_eq!(loaded.last_synced, None);
    delete(store, &name).await;
}

/// (b) Many edits of one client cross the compaction threshold: the chunks of each
/// document stay bounded, and after reopening every change is still there.
#[wasm_bindgen_test]
async fn many_edits_are_compacted_and_survive_reopening() {
    const EDITS: usize = 3 * MAX_CHUNKS;
    let name = db_name("compact");
    let store = Store::open_named(&name).await.expect("the database opens");
    let index = random_id();
    let mut tab = Tab::load(index, &Loaded::default());
    let id = random_id();
    let edit = tab
        .base
        .add_client(id, &draft("Edit Me", ""), &author())
        .expect("a valid draft");
    tab.persist(&store, &edit.touched).await;

    let mut compactions = 0;
    let mut before = raw(&name).await.seqs_of(id).len();
    for i in 0..EDITS {
        let patch = ClientPatch {
            phone: Some(format!("+49 30 {:07}", 1_000_000 + i)),
            email: Some(format!("edit{i}@example.com")),
            ..ClientPatch::default()
        };
        let edit = tab
            .base
            .edit_client(id, &patch, &author())
            .expect("a valid patch");
        tab.persist(&store, &edit.touched).await;
        let on_disk = raw(&name).await;
        let seqs = on_disk.seqs_of(id);
        assert!(seqs.len() <= MAX_CHUNKS, "edit {i}: {} chunks", seqs.len());
        assert!(
            on_disk.seqs_of(index).len() <= MAX_INDEX_CHUNKS,
            "edit {i}: index"
        );
        if seqs.len() < before {
            compactions += 1;
        }
        before = seqs.len();
    }
    let on_disk = raw(&name).await;
    let seqs = on_disk.seqs_of(id);
    // One write per edit plus the add, yet at most MAX_CHUNKS chunks: the earliest were
    // replaced by snapshots (and sequence numbers keep growing past them).
    assert!(compactions >= 2, "{compactions} compactions");
    assert!(!seqs.contains(&0), "{seqs:?}");
    assert_eq!(seqs.iter().max(), Some(&(EDITS as u32)), "{seqs:?}");

    let (store, loaded) = reopen(store, &name).await;
    let fresh = Tab::load(index, &loaded);
    let client = fresh.base.client(id).expect("the client is on the device");
    assert_eq!(client.email, format!("edit{}@example.com", EDITS - 1));
    assert_eq!(Some(client), tab.base.client(id));
    assert_eq!(fresh.base.clients(), tab.base.clients());
    for doc in [id, index] {
        assert_eq!(fresh.base.heads(doc), tab.base.heads(doc), "heads of {doc}");
        let all = |t: &Tab| {
            t.base
                .doc(doc)
                .expect("the document")
                .get_changes(&[])
                .len()
        };
        assert_eq!(all(&fresh), all(&tab), "changes of {doc}");
        assert_eq!(all(&fresh), EDITS + 1 + usize::from(doc == index));
    }
    delete(store, &name).await;
}

/// (b2) Two tabs, two connections to one database, edit the same client in turn past
/// the compaction threshold. Each compaction reads back only the other tab's chunks
/// (its own are in its replica) and deletes them all: after reopening, every change of
/// both tabs is there.
#[wasm_bindgen_test]
async fn two_tabs_compacting_the_same_client_lose_nothing() {
    let name = db_name("two-tabs");
    let store_a = Store::open_named(&name).await.expect("the database opens");
    let index = random_id();
    let mut a = Tab::load(index, &Loaded::default());
    let id = random_id();
    let edit = a
        .base
        .add_client(id, &draft("Shared", ""), &author())
        .expect("a valid draft");
    a.persist(&store_a, &edit.touched).await;

    let store_b = Store::open_named(&name).await.expect("a second connection");
    let mut b = Tab::load(index, &store_b.load().await.expect("tab b reads"));
    assert_eq!(b.base.client(id), a.base.client(id));

    for i in 0..2 * MAX_CHUNKS {
        let (tab, store) = if i % 2 == 0 {
            (&mut a, &store_a)
        } else {
            (&mut b, &store_b)
        };
        let patch = ClientPatch {
            email: Some(format!("turn{i}@example.com")),
            ..ClientPatch::default()
        };
        let edit = tab
            .base
            .edit_client(id, &patch, &author())
            .expect("a valid patch");
        tab.persist(store, &edit.touched).await;
        assert!(raw(&name).await.seqs_of(id).len() <= MAX_CHUNKS, "turn {i}");
    }
    assert!(
        !raw(&name).await.seqs_of(id).contains(&0),
        "the client was compacted"
    );

    store_b.close();
    let (store_a, loaded) = reopen(store_a, &name).await;
    let fresh = Tab::load(index, &loaded);
    let doc = fresh.base.doc(id).expect("the client is on the device");
    for (tab, who) in [(&a, "a"), (&b, "b")] {
        for change in tab.base.doc(id).expect("held").get_changes(&[]) {
            assert!(
                doc.get_change_by_hash(&change.hash()).is_some(),
                "a change of tab {who} was lost"
            );
        }
    }
    delete(store_a, &name).await;
}

/// The snapshot of the index view is read back at start and taken only while the index
/// chunks it was taken over are exactly those stored: another tab's chunk makes it
/// stale, and a tab that does not hold every stored chunk cannot store one.
#[wasm_bindgen_test]
async fn the_index_view_snapshot_is_taken_only_over_the_chunks_it_covers() {
    let name = db_name("view");
    let store_a = Store::open_named(&name).await.expect("the database opens");
    let index = random_id();
    let mut a = Tab::load(index, &Loaded::default());
    let mut clients = Vec::new();
    for n in 0..3 {
        let id = random_id();
        let edit = a
            .base
            .add_client(id, &draft(&format!("Client {n}"), ""), &author())
            .expect("a valid draft");
        a.persist(&store_a, &edit.touched).await;
        clients.push(id);
    }
    let snapshot = a.base.snapshot_index_view();
    assert!(
        store_a
            .write_view(&[index], &snapshot)
            .await
            .expect("written")
    );

    // Opening reads the index and the snapshot first, the client documents after.
    store_a.close();
    let store_a = Store::open_named(&name).await.expect("reopens");
    let first = store_a.load_first(&[index]).await.expect("reads");
    assert_eq!(
        first.docs.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![index],
        "only the index is read first"
    );
    assert_eq!(
        first.persisted.keys().copied().collect::<Vec<_>>(),
        vec![index],
        "the bookkeeping of the index alone"
    );
    let view = first.view.clone().expect("the snapshot is read back");
    assert_eq!(view.bytes, snapshot);
    assert!(view.covers_exactly(&[index], &first.seqs));
    let mut fresh = ClientBase::new(index, ActorId::from(browser::random_bytes::<16>()));
    for doc in first.docs {
        fresh.stash_doc(doc.id, doc.bytes).expect("stashed");
    }
    fresh.restore_index_view(&view.bytes).expect("restored");
    assert_eq!(fresh.clients(), a.base.clients());
    assert!(!fresh.is_loaded(index), "listed without loading the index");
    let rest = store_a
        .load_rest(&[index].into_iter().collect())
        .await
        .expect("reads the rest");
    let mut rest_ids: Vec<DocumentId> = rest.docs.iter().map(|d| d.id).collect();
    rest_ids.sort();
    clients.sort();
    assert_eq!(
        rest_ids, clients,
        "the client documents, not the index again"
    );
    assert_eq!(rest.persisted.len(), 4, "and every document's bookkeeping");

    // Another tab writes to the index: the stored snapshot no longer covers it, and the
    // first tab, which does not hold that chunk, cannot store a new one.
    let store_b = Store::open_named(&name).await.expect("a second connection");
    let mut b = Tab::load(index, &store_b.load().await.expect("tab b reads"));
    let edit = b
        .base
        .add_client(random_id(), &draft("From tab b", ""), &author())
        .expect("a valid draft");
    b.persist(&store_b, &edit.touched).await;
    assert!(
        !store_a
            .write_view(&[index], &snapshot)
            .await
            .expect("the transaction runs"),
        "a tab missing a stored chunk stores no snapshot"
    );
    let stale = Store::open_named(&name).await.expect("a third connection");
    let read = stale.load_first(&[index]).await.expect("reads");
    let view = read.view.expect("still stored");
    assert!(!view.covers_exactly(&[index], &read.seqs), "stale");
    stale.close();
    // The tab that holds every chunk can.
    assert!(
        store_b
            .write_view(&[index], &b.base.snapshot_index_view())
            .await
            .expect("written")
    );
    let now = store_b.load_first(&[index]).await.expect("reads");
    assert!(
        now.view
            .expect("stored")
            .covers_exactly(&[index], &now.seqs)
    );
    store_b.close();
    delete(store_a, &name).await;
}

/// (c) What the server acknowledged, when the app was last synced and the session are
/// read back after reopening; a later acknowledgement replaces an earlier one.
#[wasm_bindgen_test]
async fn acked_heads_and_the_session_round_trip_through_meta() {
    let name = db_name("meta");
    let store = Store::open_named(&name).await.expect("the database opens");
    assert_eq!(store.session().await.expect("meta reads"), None);

    let index = random_id();
    let mut tab = Tab::load(index, &Loaded::default());
    let id = random_id();
    let edit = tab
        .base
        .add_client(id, &draft("Acked Client", ""), &author())
        .expect("a valid draft");
    tab.persist(&store, &edit.touched).await;
    let first = tab.base.heads(id);
    let index_acked = tab.base.heads(index);
    let mut batch = Batch::default();
    batch.acked(id, &first);
    batch.acked(index, &index_acked);
    batch.last_synced(1_767_225_600_000.0);
    let written = store.write(&batch, &mut tab.base).await.expect("committed");
    assert!(written.is_empty(), "no chunks in a bookkeeping batch");

    // A later acknowledgement of the client replaces the first.
    let patch = ClientPatch {
        name: Some("Acked Client (renamed)".into()),
        ..ClientPatch::default()
    };
    let edit = tab
        .base
        .edit_client(id, &patch, &author())
        .expect("a valid patch");
    tab.persist(&store, &edit.touched).await;
    let second = tab.base.heads(id);
    assert_ne!(first, second);
    let mut batch = Batch::default();
    batch.acked(id, &second);
    store.write(&batch, &mut tab.base).await.expect("committed");

    let session = Session {
        token: "t0k-ü".into(),
        rep: "anna".into(),
        peer_prefix: "rep-anna/".into(),
        team_index: index.to_string(),
        expires_at: 1_767_225_600_000.0,
        ..Session::default()
    };
    store.save_session(&session).await.expect("committed");

    let (store, loaded) = reopen(store, &name).await;
    assert_eq!(store.session().await.expect("meta reads"), Some(session));
    assert_eq!(acked_of(&loaded, id), Some(&second));
    // The rename moved the index on too, but only what was acknowledged is recorded.
    assert_ne!(tab.base.heads(index), index_acked);
    assert_eq!(acked_of(&loaded, index), Some(&index_acked));
    assert_eq!(loaded.acked.len(), 2);
    assert_eq!(loaded.last_synced, Some(1_767_225_600_000.0));
    let mut meta = raw(&name).await.meta;
    meta.sort();
    let mut want = vec![
        format!("acked/{id}"),
        format!("acked/{index}"),
        format!("persisted/{id}"),
        format!("persisted/{index}"),
        "last_synced".to_owned(),
        "session".to_owned(),
    ];
    want.sort();
    assert_eq!(meta, want);

    // Sign-out clears all of it.
    store.clear().await.expect("committed");
    let (store, loaded) = reopen(store, &name).await;
    assert_eq!(store.session().await.expect("meta reads"), None);
    assert!(loaded.docs.is_empty() && loaded.acked.is_empty());
    assert_eq!(loaded.last_synced, None);
    delete(store, &name).await;
}

/// (d) An invalid e-mail is refused by core before anything is written: neither adding
/// nor editing a client with one changes a single key on the device.
#[wasm_bindgen_test]
async fn an_invalid_email_never_reaches_the_device() {
    let name = db_name("invalid");
    let store = Store::open_named(&name).await.expect("the database opens");
    let index = random_id();
    let mut tab = Tab::load(index, &Loaded::default());
    let id = random_id();
    let edit = tab
        .base
        .add_client(id, &draft("Valid Client", "ok@example.com"), &author())
        .expect("a valid draft");
    tab.persist(&store, &edit.touched).await;
    let before = raw(&name).await;
    let bytes_before: Vec<Vec<u8>> = store
        .load()
        .await
        .expect("reads")
        .docs
        .into_iter()
        .map(|d| d.bytes)
        .collect();
    assert_eq!(before.chunks.len(), 2);

    let heads_before: Vec<_> = [id, index].map(|d| tab.base.heads(d)).into();
    let other = random_id();
    for bad in [
        "no-at-sign.example.com",
        "two@@example.com",
        "a..b@example.com",
    ] {
        match tab
            .base
            .add_client(other, &draft("Bad Mail", bad), &author())
        {
            Err(Error::Invalid { field, .. }) => assert_eq!(field, Field::Email, "{bad}"),
            result => panic!("{bad:?} was accepted: {result:?}"),
        }
        let patch = ClientPatch {
            email: Some(bad.into()),
            ..ClientPatch::default()
        };
        match tab.base.edit_client(id, &patch, &author()) {
            Err(Error::Invalid { field, .. }) => assert_eq!(field, Field::Email, "{bad}"),
            result => panic!("{bad:?} was accepted: {result:?}"),
        }
    }
    // Core changed nothing, so the persistence path has nothing to write: the batch
    // the engine would build is empty and `Store::write` opens no transaction.
    assert!(tab.base.doc(other).is_none());
    let heads_after: Vec<_> = [id, index].map(|d| tab.base.heads(d)).into();
    assert_eq!(heads_after, heads_before);
    let mut batch = Batch::default();
    batch.chunks(tab.persister.plan(&tab.base, &tab.base.doc_ids()));
    assert!(batch.is_empty());
    assert!(
        store
            .write(&batch, &mut tab.base)
            .await
            .expect("nothing to do")
            .is_empty()
    );

    let (store, loaded) = reopen(store, &name).await;
    assert_eq!(raw(&name).await, before);
    let bytes_after: Vec<Vec<u8>> = loaded.docs.iter().map(|d| d.bytes.clone()).collect();
    assert_eq!(bytes_after, bytes_before);
    let fresh = Tab::load(index, &loaded);
    let names: Vec<String> = fresh.base.clients().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Valid Client"]);
    assert_eq!(
        fresh.base.client(id).expect("still there").email,
        "ok@example.com"
    );
    delete(store, &name).await;
}
