//! The device's copy of everything: IndexedDB through `indexed_db_futures`.
//!
//! Database `fieldbase` (tests use others: [`Store::open_named`]), two object stores
//! with out-of-line keys:
//! * `chunks`: key `[docId, seq]`, value a `Uint8Array` of Automerge bytes (see
//!   `persist.rs` for what a chunk is);
//! * `meta`: key a string: `session` (the session as JSON), `persisted/<docId>` and
//!   `acked/<docId>` (heads as a JSON array of hex strings), `last_synced` (ms),
//!   `registration/<docId>` (a client's restriction as the server must learn it:
//!   `{"restricted": bool, "sent": bool}`, see [`Registration`]), `view` (a snapshot
//!   of the parsed index view, `ClientBase::snapshot_index_view`, a `Uint8Array`) with
//!   `view_covers` (the chunks of each index document it was taken over, as JSON
//!   `{"<docId>": [seq, …]}`; the snapshot is taken at start only while exactly those
//!   chunks are stored, see [`StoredView`]), `journal/<tab>/<seq>` (an edit written
//!   down before it is applied, JSON, see `journal.rs`).
//!
//! Every write is one read-write transaction with `durability: "strict"`, committed
//! explicitly and awaited: when [`Store::write`] returns `Ok`, the data is on disk.
//! Several tabs may share the database; `persist.rs` explains why they never clobber
//! each other's chunks.

use std::{
    cell::RefCell,
    collections::{BTreeMap, BTreeSet},
};

use fieldbase_core::{ClientBase, DocumentId, automerge::ChangeHash};
use indexed_db_futures::{
    KeyRange,
    database::Database,
    future::VoidRequest,
    prelude::*,
    transaction::{TransactionDurability, TransactionMode, TransactionOptions},
};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::{
    journal,
    persist::{
        HeldChunks, Placement, Planned, compact, heads_from_strings, heads_to_strings, max_chunks,
        placement,
    },
    session::Session,
};

/// Every key of an object store, in key order.
async fn all_keys(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
) -> Result<Vec<JsValue>, StoreError> {
    store
        .get_all_keys::<JsValue>()
        .primitive()
        .map_err(err)?
        .await
        .map_err(err)?
        .collect::<Result<Vec<JsValue>, _>>()
        .map_err(err)
}

/// Every value of an object store, in key order.
async fn all_values(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
) -> Result<Vec<JsValue>, StoreError> {
    store
        .get_all::<JsValue>()
        .primitive()
        .map_err(err)?
        .await
        .map_err(err)?
        .collect::<Result<Vec<JsValue>, _>>()
        .map_err(err)
}

/// Puts `value` under `key` in the transaction `store` belongs to. The request is made
/// now; the transaction's commit is what the caller awaits.
fn put_at(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: JsValue,
    value: JsValue,
) -> Result<VoidRequest, StoreError> {
    store
        .put(value)
        .with_key(key)
        .without_key_type()
        .primitive()
        .map_err(err)
}

/// The value stored under `key`, if any.
async fn value_at(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: JsValue,
) -> Result<Option<JsValue>, StoreError> {
    store.get(key).primitive().map_err(err)?.await.map_err(err)
}

/// The keys in `range`, in key order.
async fn keys_in(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    range: KeyRange<JsValue>,
) -> Result<Vec<JsValue>, StoreError> {
    store
        .get_all_keys::<JsValue>()
        .with_query::<JsValue, _>(range)
        .primitive()
        .map_err(err)?
        .await
        .map_err(err)?
        .collect::<Result<Vec<JsValue>, _>>()
        .map_err(err)
}

/// The values in `range`, in key order.
async fn values_in(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    range: KeyRange<JsValue>,
) -> Result<Vec<JsValue>, StoreError> {
    store
        .get_all::<JsValue>()
        .with_query::<JsValue, _>(range)
        .primitive()
        .map_err(err)?
        .await
        .map_err(err)?
        .collect::<Result<Vec<JsValue>, _>>()
        .map_err(err)
}

/// The chunk keys of one document, in sequence order.
async fn doc_keys(
    chunks: &indexed_db_futures::object_store::ObjectStore<'_>,
    doc: DocumentId,
) -> Result<Vec<JsValue>, StoreError> {
    keys_in(chunks, doc_range(doc)).await
}

/// The chunks of one document, in sequence order.
async fn doc_values(
    chunks: &indexed_db_futures::object_store::ObjectStore<'_>,
    doc: DocumentId,
) -> Result<Vec<JsValue>, StoreError> {
    values_in(chunks, doc_range(doc)).await
}

/// Asks for the sequence numbers of the chunks stored for `doc` now, to be awaited
/// later: a write asks for every document's before it awaits the first answer.
fn ask_seqs<'a>(
    chunks: &'a indexed_db_futures::object_store::ObjectStore<'_>,
    doc: DocumentId,
) -> Result<impl std::future::Future<Output = Result<Vec<u32>, StoreError>> + 'a, StoreError> {
    let request = chunks
        .get_all_keys::<JsValue>()
        .with_query::<JsValue, _>(doc_range(doc))
        .primitive()
        .map_err(err)?;
    Ok(async move {
        let keys = request.await.map_err(err)?;
        keys.map(|k| {
            k.map(|k| k.unchecked_into::<Array>().get(1).as_f64())
                .map_err(err)
        })
        .filter_map(|k| k.transpose())
        .map(|s| s.map(|s| s as u32))
        .collect()
    })
}

/// The sequence numbers of the chunks stored for `doc`.
async fn stored_seqs(
    chunks: &indexed_db_futures::object_store::ObjectStore<'_>,
    doc: DocumentId,
) -> Result<Vec<u32>, StoreError> {
    Ok(doc_keys(chunks, doc)
        .await?
        .into_iter()
        .filter_map(|k| k.unchecked_into::<Array>().get(1).as_f64())
        .map(|s| s as u32)
        .collect())
}

const DB_NAME: &str = "fieldbase";
const DB_VERSION: u32 = 1;
const CHUNKS: &str = "chunks";
const META: &str = "meta";
const SESSION: &str = "session";
const LAST_SYNCED: &str = "last_synced";
const VIEW: &str = "view";
const VIEW_COVERS: &str = "view_covers";

/// A storage failure, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}

/// Heads stored as a JSON array of hex strings (unreadable ones count as none).
fn heads_of(value: &JsValue) -> Vec<ChangeHash> {
    let heads: Vec<String> = value
        .as_string()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    heads_from_strings(&heads)
}

/// One document as read back at start.
#[derive(Debug)]
pub struct LoadedDoc {
    /// The document.
    pub id: DocumentId,
    /// Its chunks concatenated in sequence order.
    pub bytes: Vec<u8>,
}

/// The stored snapshot of the index view and the chunks it was taken over.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredView {
    /// `ClientBase::snapshot_index_view`'s bytes.
    pub bytes: Vec<u8>,
    /// The sequence numbers of each index document's chunks when it was taken.
    pub covers: BTreeMap<DocumentId, Vec<u32>>,
}

impl StoredView {
    /// Whether the snapshot was taken over exactly the chunks now stored for `docs`
    /// (`stored`: each document's chunk sequence numbers, as read).
    pub fn covers_exactly(
        &self,
        docs: &[DocumentId],
        stored: &BTreeMap<DocumentId, Vec<u32>>,
    ) -> bool {
        docs.iter().all(|doc| {
            let covered = self.covers.get(doc).map(Vec::as_slice).unwrap_or(&[]);
            let now = stored.get(doc).map(Vec::as_slice).unwrap_or(&[]);
            covered == now
        })
    }
}

/// Everything read back at start.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents.
    pub docs: Vec<LoadedDoc>,
    /// The sequence numbers of the chunks read, per document.
    pub seqs: BTreeMap<DocumentId, Vec<u32>>,
    /// The snapshot of the index view, when one is stored.
    pub view: Option<StoredView>,
    /// What the server had acknowledged, per document.
    pub acked: Vec<(DocumentId, Vec<ChangeHash>)>,
    /// The heads of the last chunk written, per document (by this tab or another).
    pub persisted: BTreeMap<DocumentId, Vec<ChangeHash>>,
    /// When the app was last fully synced.
    pub last_synced: Option<f64>,
    /// Each client's restriction as told, or still to tell, the server.
    pub registrations: BTreeMap<DocumentId, Registration>,
}

/// A client's restriction for `POST /api/clients`: what this device wants the server to
/// know, and whether the server has answered yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Registration {
    /// Only the owner (his delegates, the heads) may read the client.
    pub restricted: bool,
    /// The server has taken it.
    pub sent: bool,
}

/// The writes of one transaction.
#[derive(Debug, Default)]
pub struct Batch {
    planned: Vec<Planned>,
    meta: Vec<(String, JsValue)>,
    forget: Vec<String>,
}

impl Batch {
    /// Adds planned chunk writes.
    pub fn chunks(&mut self, planned: Vec<Planned>) {
        self.planned.extend(planned);
    }

    /// Records what the server acknowledged of a document.
    pub fn acked(&mut self, doc: DocumentId, heads: &[ChangeHash]) {
        self.meta.push((format!("acked/{doc}"), heads_value(heads)));
    }

    /// Records a client's registration (to send, or sent).
    pub fn registration(&mut self, doc: DocumentId, registration: Registration) {
        let json = serde_json::to_string(&registration).unwrap_or_default();
        self.meta
            .push((format!("registration/{doc}"), JsValue::from_str(&json)));
    }

    /// Records when the app was last fully synced.
    pub fn last_synced(&mut self, ms: f64) {
        self.meta
            .push((LAST_SYNCED.to_owned(), JsValue::from_f64(ms)));
    }

    /// Deletes a journal entry (the edit it stood for is in this batch).
    pub fn forget(&mut self, key: &str) {
        self.forget.push(key.to_owned());
    }

    /// Nothing to write.
    pub fn is_empty(&self) -> bool {
        self.planned.is_empty() && self.meta.is_empty() && self.forget.is_empty()
    }
}

fn heads_value(heads: &[ChangeHash]) -> JsValue {
    JsValue::from_str(&serde_json::to_string(&heads_to_strings(heads)).unwrap_or_default())
}

fn chunk_key(doc: DocumentId, seq: u32) -> JsValue {
    Array::of2(&JsValue::from_str(&doc.to_string()), &JsValue::from(seq)).into()
}

/// Every chunk key of `doc`: `[doc, 0]` up to, not including, `[doc, []]` (an array
/// sorts after every number).
fn doc_range(doc: DocumentId) -> KeyRange<JsValue> {
    KeyRange::Bound(
        chunk_key(doc, 0),
        false,
        Array::of2(&JsValue::from_str(&doc.to_string()), &Array::new()).into(),
        true,
    )
}

/// The open database.
#[derive(Debug)]
pub struct Store {
    db: Database,
    /// The chunks this tab's replica holds: a compaction reads back only the others.
    held: RefCell<HeldChunks>,
}

impl Store {
    /// Opens (creating or upgrading) the app's database, `fieldbase`.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_named(DB_NAME).await
    }

    /// Opens (creating or upgrading) the database called `name`, laid out as described
    /// above; tests give each case a database of its own.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(CHUNKS).build()?;
                    db.create_object_store(META).build()?;
                }
                Ok(())
            })
            .await
            .map_err(err)?;
        Ok(Store {
            db,
            held: RefCell::default(),
        })
    }

    fn strict_tx(&self) -> Result<indexed_db_futures::transaction::Transaction<'_>, StoreError> {
        self.db
            .transaction([CHUNKS, META])
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()
            .map_err(err)
    }

    /// The stored session, if a rep is signed in on this device.
    pub async fn session(&self) -> Result<Option<Session>, StoreError> {
        let tx = self.db.transaction(META).build().map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let value = value_at(&meta, SESSION.into()).await?;
        Ok(value
            .and_then(|v| v.as_string())
            .and_then(|s| Session::from_json(&s)))
    }

    /// Stores the session (strictly durable).
    pub async fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        let tx = self.strict_tx()?;
        let meta = tx.object_store(META).map_err(err)?;
        let _req = put_at(
            &meta,
            JsValue::from(SESSION),
            JsValue::from_str(&session.to_json()),
        )?;
        tx.commit().await.map_err(err)
    }

    /// Reads every document's chunks and the sync bookkeeping.
    pub async fn load(&self) -> Result<Loaded, StoreError> {
        let tx = self.db.transaction([CHUNKS, META]).build().map_err(err)?;
        let chunks = tx.object_store(CHUNKS).map_err(err)?;
        let keys = all_keys(&chunks).await?;
        let values = all_values(&chunks).await?;
        let mut loaded = self.read_meta(&tx, None).await?;
        drop(tx);
        (loaded.docs, loaded.seqs) = self.assemble(keys, values, &BTreeSet::new());
        Ok(loaded)
    }

    /// Reads the chunks of `docs` only (the index and team
    /// documents, which opening needs), their sync bookkeeping and the view snapshot;
    /// [`Store::load_rest`] reads the others.
    pub async fn load_first(&self, docs: &[DocumentId]) -> Result<Loaded, StoreError> {
        let tx = self.db.transaction([CHUNKS, META]).build().map_err(err)?;
        let chunks = tx.object_store(CHUNKS).map_err(err)?;
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        for doc in docs {
            keys.extend(doc_keys(&chunks, *doc).await?);
            values.extend(doc_values(&chunks, *doc).await?);
        }
        let mut loaded = self.read_meta(&tx, Some(docs)).await?;
        drop(tx);
        (loaded.docs, loaded.seqs) = self.assemble(keys, values, &BTreeSet::new());
        Ok(loaded)
    }

    /// Reads the chunks of every document but those in `skip` (read by
    /// [`Store::load_first`]) and the sync bookkeeping of every document.
    pub async fn load_rest(&self, skip: &BTreeSet<DocumentId>) -> Result<Loaded, StoreError> {
        let tx = self.db.transaction([CHUNKS, META]).build().map_err(err)?;
        let chunks = tx.object_store(CHUNKS).map_err(err)?;
        let keys = all_keys(&chunks).await?;
        let values = all_values(&chunks).await?;
        let mut loaded = self.read_meta(&tx, None).await?;
        drop(tx);
        (loaded.docs, loaded.seqs) = self.assemble(keys, values, skip);
        Ok(loaded)
    }

    /// Concatenates chunks (keys and values in key order) into documents, skipping the
    /// documents in `skip`, and records them as held.
    fn assemble(
        &self,
        keys: Vec<JsValue>,
        values: Vec<JsValue>,
        skip: &BTreeSet<DocumentId>,
    ) -> (Vec<LoadedDoc>, BTreeMap<DocumentId, Vec<u32>>) {
        // Keys come sorted: by document, then by sequence number.
        let mut docs: Vec<LoadedDoc> = Vec::new();
        let mut seqs: BTreeMap<DocumentId, Vec<u32>> = BTreeMap::new();
        let mut held = self.held.borrow_mut();
        let mut last: Option<(String, Option<DocumentId>)> = None;
        for (key, value) in keys.into_iter().zip(values) {
            let key: Array = key.unchecked_into();
            let Some(name) = key.get(0).as_string() else {
                continue;
            };
            // Parse each document's id once, not once per chunk.
            let id = match &last {
                Some((n, id)) if *n == name => *id,
                _ => {
                    let id = name.parse::<DocumentId>().ok();
                    last = Some((name, id));
                    id
                }
            };
            let Some(id) = id.filter(|id| !skip.contains(id)) else {
                continue;
            };
            if let Some(seq) = key.get(1).as_f64() {
                held.hold(id, seq as u32);
                seqs.entry(id).or_default().push(seq as u32);
            }
            let value = Uint8Array::new(&value);
            match docs.last_mut() {
                Some(doc) if doc.id == id => {
                    let at = doc.bytes.len();
                    doc.bytes.resize(at + value.length() as usize, 0);
                    value.copy_to(&mut doc.bytes[at..]);
                }
                _ => docs.push(LoadedDoc {
                    id,
                    bytes: value.to_vec(),
                }),
            }
        }
        (docs, seqs)
    }

    /// Reads the `meta` store: the sync bookkeeping and the view snapshot; with `only`,
    /// the bookkeeping of those documents alone (a few requests instead of every key).
    async fn read_meta(
        &self,
        tx: &indexed_db_futures::transaction::Transaction<'_>,
        only: Option<&[DocumentId]>,
    ) -> Result<Loaded, StoreError> {
        let meta = tx.object_store(META).map_err(err)?;
        let pairs: Vec<(JsValue, JsValue)> = match only {
            None => {
                let keys = all_keys(&meta).await?;
                let values = all_values(&meta).await?;
                keys.into_iter().zip(values).collect()
            }
            Some(docs) => {
                let mut keys: Vec<String> =
                    [LAST_SYNCED, VIEW, VIEW_COVERS].map(str::to_owned).to_vec();
                for doc in docs {
                    for prefix in ["acked", "persisted", "registration"] {
                        keys.push(format!("{prefix}/{doc}"));
                    }
                }
                let mut pairs = Vec::new();
                for key in keys {
                    let value = value_at(&meta, key.as_str().into()).await?;
                    if let Some(value) = value {
                        pairs.push((JsValue::from_str(&key), value));
                    }
                }
                pairs
            }
        };
        let mut loaded = Loaded::default();
        let (mut view, mut covers) = (None, None);
        for (key, value) in pairs {
            let Some(key) = key.as_string() else { continue };
            if key == LAST_SYNCED {
                loaded.last_synced = value.as_f64();
            } else if key == VIEW {
                view = value
                    .dyn_into::<Uint8Array>()
                    .ok()
                    .map(|bytes| bytes.to_vec());
            } else if key == VIEW_COVERS {
                covers = value
                    .as_string()
                    .and_then(|s| serde_json::from_str::<BTreeMap<String, Vec<u32>>>(&s).ok())
                    .map(|by_name| {
                        by_name
                            .into_iter()
                            .filter_map(|(doc, seqs)| Some((doc.parse().ok()?, seqs)))
                            .collect()
                    });
            } else if let Some(doc) = key.strip_prefix("acked/") {
                if let Ok(id) = doc.parse() {
                    loaded.acked.push((id, heads_of(&value)));
                }
            } else if let Some(doc) = key.strip_prefix("persisted/")
                && let Ok(id) = doc.parse()
            {
                loaded.persisted.insert(id, heads_of(&value));
            } else if let Some(doc) = key.strip_prefix("registration/")
                && let Ok(id) = doc.parse()
                && let Some(registration) = value
                    .as_string()
                    .and_then(|s| serde_json::from_str::<Registration>(&s).ok())
            {
                loaded.registrations.insert(id, registration);
            }
        }
        if let (Some(bytes), Some(covers)) = (view, covers) {
            loaded.view = Some(StoredView { bytes, covers });
        }
        Ok(loaded)
    }

    /// Stores a snapshot of the index view taken over the chunks this tab holds of each
    /// of `docs` (the index documents), in one strictly durable transaction, unless
    /// other chunks are stored for them by now (another tab's): then nothing is written
    /// and the answer is `Ok(false)`.
    pub async fn write_view(&self, docs: &[DocumentId], bytes: &[u8]) -> Result<bool, StoreError> {
        let tx = self.strict_tx()?;
        let chunks = tx.object_store(CHUNKS).map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let mut covers: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for doc in docs {
            let stored: Vec<u32> = stored_seqs(&chunks, *doc).await?;
            if !self.held.borrow().not_held(*doc, &stored).is_empty() {
                return Ok(false);
            }
            covers.insert(doc.to_string(), stored);
        }
        let covers = serde_json::to_string(&covers).map_err(err)?;
        let _a = put_at(
            &meta,
            JsValue::from(VIEW),
            JsValue::from(Uint8Array::from(bytes)),
        )?;
        let _b = put_at(
            &meta,
            JsValue::from(VIEW_COVERS),
            JsValue::from_str(&covers),
        )?;
        tx.commit().await.map_err(err)?;
        Ok(true)
    }

    /// Writes a batch in one strictly durable transaction; `Ok` means it is on disk, with
    /// the heads now persisted for each document written.
    ///
    /// Each chunk's sequence number is taken from the keys stored for its document
    /// inside the transaction (other tabs write too). A document that reached
    /// its chunk limit ([`max_chunks`]) is compacted: the stored chunks this tab does not
    /// hold are merged into `base`, and all are replaced by one snapshot, in the same
    /// transaction.
    pub async fn write(
        &self,
        batch: &Batch,
        base: &mut ClientBase,
    ) -> Result<Vec<(DocumentId, Vec<ChangeHash>)>, StoreError> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self.strict_tx()?;
        let chunks = tx.object_store(CHUNKS).map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let mut written = Vec::new();
        let mut requests = Vec::new();
        // (document, sequence number, compacted): what the tab holds once committed.
        let mut placed = Vec::new();
        // Every document's stored chunks asked for at once: one round trip, not one each.
        // (Polled together: a request's future listens for its answer only once polled.)
        let mut asked = Vec::with_capacity(batch.planned.len());
        for planned in &batch.planned {
            asked.push(ask_seqs(&chunks, planned.doc)?);
        }
        let asked = futures::future::try_join_all(asked).await?;
        for (planned, seqs) in batch.planned.iter().zip(asked) {
            let doc = planned.doc;
            // Only IndexedDB requests are awaited in here: anything else would let the
            // transaction auto-commit half-way.
            let (seq, bytes, heads) = match placement(&seqs, max_chunks(base, doc)) {
                Placement::Append { seq } => {
                    placed.push((doc, seq, false));
                    (seq, planned.bytes.clone(), planned.heads.clone())
                }
                Placement::Compact { seq } => {
                    // Only another tab's chunks need merging; the rest are in `base`.
                    let not_held = self.held.borrow().not_held(doc, &seqs);
                    let mut stored: Vec<Vec<u8>> = Vec::with_capacity(not_held.len());
                    for s in not_held {
                        let value = value_at(&chunks, chunk_key(doc, s)).await?;
                        if let Some(value) = value {
                            stored.push(Uint8Array::new(&value).to_vec());
                        }
                    }
                    let (snapshot, heads) = compact(base, doc, &stored);
                    requests.push(
                        chunks
                            .delete::<JsValue, _>(doc_range(doc))
                            .primitive()
                            .map_err(err)?,
                    );
                    placed.push((doc, seq, true));
                    (seq, snapshot, heads)
                }
            };
            let value: JsValue = Uint8Array::from(bytes.as_slice()).into();
            requests.push(put_at(&chunks, chunk_key(doc, seq), value)?);
            requests.push(put_at(
                &meta,
                JsValue::from(format!("persisted/{doc}")),
                heads_value(&heads),
            )?);
            written.push((doc, heads));
        }
        for key in &batch.forget {
            requests.push(
                meta.delete::<&str, _>(key.as_str())
                    .primitive()
                    .map_err(err)?,
            );
        }
        for (key, value) in &batch.meta {
            requests.push(put_at(&meta, JsValue::from(key.clone()), value.clone())?);
        }
        tx.commit().await.map_err(err)?;
        drop(requests);
        let mut held = self.held.borrow_mut();
        for (doc, seq, compacted) in placed {
            if compacted {
                held.compacted(doc, seq);
            } else {
                held.hold(doc, seq);
            }
        }
        Ok(written)
    }

    /// Writes down a journal entry (`journal.rs`): one put, strictly durable; `Ok` means
    /// it is on disk.
    pub async fn journal(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(META)
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()
            .map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        let _req = put_at(&meta, JsValue::from(key), JsValue::from_str(json))?;
        tx.commit().await.map_err(err)
    }

    /// Every journal entry, by key (`journal.rs`).
    pub async fn journal_entries(&self) -> Result<Vec<(String, String)>, StoreError> {
        let tx = self.db.transaction(META).build().map_err(err)?;
        let meta = tx.object_store(META).map_err(err)?;
        // Every key that starts with the prefix: `journal/` up to `journal0`.
        let upper = format!("{}0", journal::PREFIX.trim_end_matches('/'));
        let range = || {
            KeyRange::Bound(
                JsValue::from_str(journal::PREFIX),
                false,
                JsValue::from_str(&upper),
                true,
            )
        };
        let keys = keys_in(&meta, range()).await?;
        let values = values_in(&meta, range()).await?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    /// Moves the journal entry under `from` to `to` in one strict transaction and
    /// returns it, or `None` when there is none (another tab took it first: IndexedDB
    /// runs read-write transactions on the same store one at a time).
    pub async fn claim_journal(&self, from: &str, to: &str) -> Result<Option<String>, StoreError> {
        let tx = self.strict_tx()?;
        let meta = tx.object_store(META).map_err(err)?;
        let value = value_at(&meta, from.into()).await?;
        let Some(json) = value.and_then(|v| v.as_string()) else {
            return Ok(None);
        };
        let _a = meta.delete::<&str, _>(from).primitive().map_err(err)?;
        let _b = put_at(&meta, JsValue::from(to), JsValue::from_str(&json))?;
        tx.commit().await.map_err(err)?;
        Ok(Some(json))
    }

    /// Closes the connection. Requests already made still complete; the database stays
    /// on the device for the next [`Store::open`].
    pub fn close(self) {
        self.db.close();
    }

    /// Deletes everything on the device (sign-out).
    pub async fn clear(&self) -> Result<(), StoreError> {
        let tx = self.strict_tx()?;
        let _a = tx.object_store(CHUNKS).map_err(err)?.clear().map_err(err)?;
        let _b = tx.object_store(META).map_err(err)?.clear().map_err(err)?;
        tx.commit().await.map_err(err)?;
        self.held.borrow_mut().clear();
        Ok(())
    }
}
