//! The engine: one task that owns the client base, the sync client and the store, and
//! handles one command at a time (local edits, frames from the server, sign-out). The
//! UI never reads the live documents: it renders the [`Snapshot`]s the engine publishes,
//! and the engine publishes only after what they show is on disk.

use std::{
    collections::{BTreeMap, BTreeSet},
    rc::Rc,
};

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ClientSummary, DocumentId, Edit, Error, SyncClient, SyncEvent,
    automerge::{ActorId, ChangeHash},
};
use futures::{
    StreamExt,
    channel::{
        mpsc::{self, UnboundedReceiver, UnboundedSender},
        oneshot,
    },
};
use serde::{Serialize, de::DeserializeOwned};
use yew::Callback;

use crate::{
    browser,
    calls::{EditCall, Edited, ErasedEdit, ErasedQuery, decode},
    journal::{self, Entry, Intent},
    persist::Persister,
    session::Session,
    status::{Link, SyncState},
    store::{Batch, Registration, Store, StoreError},
    sync::{Driver, LinkEvent},
    worker::{FromWorker, Remote, ToWorker},
};

/// How long the engine keeps the main thread while loading documents, in ms.
const LOAD_SLICE_MS: f64 = 8.0;
/// While documents stream in, the UI is republished at most this often, in ms (reading
/// 10,000 summaries for every frame would make a first sync quadratic).
const SYNC_PUBLISH_MS: f64 = 250.0;
/// Documents whose sync messages are made in one go; the engine makes batches for at
/// most [`LOAD_SLICE_MS`], then lets the browser run before the next.
const FLUSH_DOCS: usize = 16;
/// Frames handled (and persisted) in one batch at most: a first sync brings thousands,
/// and one batch is one main-thread task.
const FRAMES_PER_BATCH: usize = 64;
/// Stashed documents loaded in one go by the warm-up, within the same slices.
const WARM_DOCS: usize = 8;
/// How long after the index last changed its view's snapshot is stored, in ms (a
/// snapshot holds every client's summary: written once a burst of edits is over).
const VIEW_SAVE_DELAY_MS: u32 = 5_000;

/// What the UI shows, as of the last thing the engine finished.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Snapshot {
    /// The signed-in rep.
    pub rep: String,
    /// The rep's role as the server said at login or on `/api/me` (`rep`,
    /// `key_account_manager`, `head`; empty from an older server).
    pub role: String,
    /// Clients that are not archived, by name (crosses from the engine's worker apart,
    /// and only when it changed).
    #[serde(skip)]
    pub clients: Rc<Vec<ClientSummary>>,
    /// The status bar's state.
    pub state: SyncState,
    /// Local changes the server has not acknowledged.
    pub pending: usize,
    /// Local changes the server refused on this connection (see
    /// `SyncStatus::refused_changes`).
    pub refused: usize,
    /// Documents whose exchange with the server is still under way.
    pub docs_in_flight: usize,
    /// When everything was last in sync (ms since the epoch).
    pub last_synced: Option<f64>,
    /// The server no longer accepts the session: the rep must sign in again.
    pub session_rejected: bool,
    /// The last write to the device failed with this.
    pub storage_error: Option<String>,
    /// Grows with every publish: queries keyed by it see each durable state once.
    pub version: u64,
}

pub use crate::calls::AddError;

/// A read run by the engine on the client base between two commands.
type QueryFn = Box<dyn FnOnce(&ClientBase)>;

enum Command {
    Edit {
        edit: ErasedEdit,
        reply: oneshot::Sender<Result<Vec<u8>, AddError>>,
    },
    /// An edit through the journal (`journal.rs`), answered once it is written down.
    Journal {
        intent: Intent,
        reply: oneshot::Sender<Result<(), AddError>>,
    },
    Query(QueryFn),
    Link(LinkEvent),
    /// The server's current view of this rep (after a reconnect).
    Me(crate::api::Me),
    /// Answers to `POST /api/clients` for the registrations sent.
    Registered(Vec<(DocumentId, Registration, crate::api::Registered)>),
    Retry,
    /// Go on sending what the sync client has for the server (a slice at a time).
    Flush,
    /// Go on loading stashed client documents in the background (a slice at a time).
    Warm,
    /// Store the snapshot of the index view if the index changed since the last one.
    SaveView,
    Relogin {
        session: Session,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    SignOut {
        reply: oneshot::Sender<()>,
    },
}

/// The UI's handle on the running engine, here or in its worker.
#[derive(Debug, Clone)]
pub struct EngineHandle {
    host: Host,
}

/// Where the engine runs.
#[derive(Debug, Clone)]
enum Host {
    /// On this thread.
    Here(UnboundedSender<Command>),
    /// In a dedicated worker (`worker.rs`).
    Worker(Rc<Remote>),
}

impl PartialEq for EngineHandle {
    fn eq(&self, other: &Self) -> bool {
        match (&self.host, &other.host) {
            (Host::Here(a), Host::Here(b)) => a.same_receiver(b),
            (Host::Worker(a), Host::Worker(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl EngineHandle {
    /// Adds a client; `Ok` once it is on the device.
    pub async fn add_client(&self, draft: ClientDraft) -> Result<(), AddError> {
        let id = DocumentId::from_bytes(browser::random_bytes::<16>());
        self.edit(EditCall::new(
            |(id, draft): (DocumentId, ClientDraft), base: &mut ClientBase, author: &Author| {
                base.add_client(id, &draft, author)
            },
            (id, draft),
        ))
        .await
        .map(|_| ())
    }

    /// Runs an edit on the client base; `Ok` once every document it touched is on the
    /// device (and queued for the server). A validation error writes nothing.
    pub async fn edit<R: Edited>(&self, call: EditCall<R>) -> Result<R, AddError> {
        let bytes = match &self.host {
            Host::Here(_) => self.edit_erased(call.erase()).await?,
            Host::Worker(remote) => {
                let call = call.erase();
                match remote.call(|id| ToWorker::Edit(id, call)).await {
                    Some(FromWorker::Edited(_, result)) => result?,
                    _ => return Err(AddError::Closed),
                }
            }
        };
        EditCall::<R>::answer(&bytes)
    }

    /// Saves an edit through the journal (`journal.rs`): `Ok` once it is checked and
    /// written down, strictly durable; the engine applies it right after. A
    /// validation error writes nothing.
    pub async fn journal(&self, intent: Intent) -> Result<(), AddError> {
        match &self.host {
            Host::Here(tx) => {
                let (reply, answer) = oneshot::channel();
                tx.unbounded_send(Command::Journal { intent, reply })
                    .map_err(|_| AddError::Closed)?;
                answer.await.unwrap_or(Err(AddError::Closed))
            }
            Host::Worker(remote) => match remote.call(|id| ToWorker::Journal(id, intent)).await {
                Some(FromWorker::Journaled(_, result)) => result,
                _ => Err(AddError::Closed),
            },
        }
    }

    /// Runs an edit on an engine on this thread: the edit function's answer, encoded.
    pub async fn edit_erased(&self, edit: ErasedEdit) -> Result<Vec<u8>, AddError> {
        let Host::Here(tx) = &self.host else {
            return Err(AddError::Refused("the engine is not on this thread".into()));
        };
        let (reply, answer) = oneshot::channel();
        tx.unbounded_send(Command::Edit { edit, reply })
            .map_err(|_| AddError::Closed)?;
        answer.await.unwrap_or(Err(AddError::Closed))
    }

    /// Reads from the client base as it is on the device (between two commands, so
    /// never a state that is not yet durable): `f(params, base)`. `None` once signed
    /// out.
    pub async fn query<P, T>(&self, f: fn(&P, &ClientBase) -> T, params: P) -> Option<T>
    where
        P: Serialize + DeserializeOwned + 'static,
        T: Serialize + DeserializeOwned + 'static,
    {
        match &self.host {
            Host::Here(tx) => {
                let (reply, answer) = oneshot::channel();
                let run: QueryFn = Box::new(move |base| {
                    let _ = reply.send(f(&params, base));
                });
                tx.unbounded_send(Command::Query(run)).ok()?;
                answer.await.ok()
            }
            Host::Worker(remote) => {
                let call = ErasedQuery::new(f, &params);
                let Some(FromWorker::Answered(_, Some(answer))) =
                    remote.call(|id| ToWorker::Query(id, call)).await
                else {
                    return None;
                };
                match answer.and_then(|bytes| decode(&bytes)) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        web_sys::console::error_1(&format!("fieldbase: {e}").into());
                        None
                    }
                }
            }
        }
    }

    /// Runs a read on an engine on this thread: its answer, encoded; `None` once
    /// signed out.
    pub async fn query_erased(&self, query: ErasedQuery) -> Option<Result<Vec<u8>, String>> {
        let Host::Here(tx) = &self.host else {
            return None;
        };
        let (reply, answer) = oneshot::channel();
        let run: QueryFn = Box::new(move |base| {
            let _ = reply.send(query.run(base));
        });
        tx.unbounded_send(Command::Query(run)).ok()?;
        answer.await.ok()
    }

    /// Reconnects now.
    pub fn retry(&self) {
        match &self.host {
            Host::Here(tx) => {
                let _ = tx.unbounded_send(Command::Retry);
            }
            Host::Worker(remote) => remote.send(&ToWorker::Retry),
        }
    }

    /// Replaces a refused session with a fresh one of the same rep and team.
    pub async fn relogin(&self, session: Session) -> Result<(), StoreError> {
        let closed = || StoreError("signed out".into());
        match &self.host {
            Host::Here(tx) => {
                let (reply, answer) = oneshot::channel();
                tx.unbounded_send(Command::Relogin { session, reply })
                    .map_err(|_| closed())?;
                answer.await.unwrap_or_else(|_| Err(closed()))
            }
            Host::Worker(remote) => match remote.call(|id| ToWorker::Relogin(id, session)).await {
                Some(FromWorker::Relogged(_, result)) => result.map_err(StoreError),
                _ => Err(closed()),
            },
        }
    }

    /// Stops syncing and deletes everything on the device.
    pub async fn sign_out(&self) {
        match &self.host {
            Host::Here(tx) => {
                let (reply, answer) = oneshot::channel();
                if tx.unbounded_send(Command::SignOut { reply }).is_ok() {
                    let _ = answer.await;
                }
            }
            Host::Worker(remote) => {
                remote.call(ToWorker::SignOut).await;
                remote.terminate();
            }
        }
    }

    /// The handle on an engine running in a worker.
    pub(crate) fn remote(remote: Rc<Remote>) -> EngineHandle {
        EngineHandle {
            host: Host::Worker(remote),
        }
    }
}

/// Loads the rep's documents from the device, starts syncing and returns the handle;
/// every state change is published through `publish`.
pub async fn start(
    store: Rc<Store>,
    session: Session,
    publish: Callback<Snapshot>,
) -> Result<EngineHandle, String> {
    let index: DocumentId = session
        .team_index
        .parse()
        .map_err(|e: Error| e.to_string())?;
    // A new actor for every page load: two tabs never write as the same actor.
    let actor_bytes = browser::random_bytes::<16>();
    let tab = browser::hex(&actor_bytes);
    // Held while this tab lives: a tab starting later leaves its journal alone.
    browser::hold_lock(&journal::lock_name(&tab));
    let mut base = ClientBase::new(index, ActorId::from(actor_bytes));
    session.name_documents(&mut base);
    let mut persister = Persister::default();
    // Opening reads the index and team documents first; every client document's chunks
    // are read after the list is shown (`Engine::finish_opening`).
    let indexes = base.index_ids();
    let mut first = indexes.clone();
    for which in [fieldbase_core::TeamDoc::Team, fieldbase_core::TeamDoc::Plan] {
        first.extend(base.team_doc_id(which).ok());
    }
    let mut loaded = store.load_first(&first).await.map_err(|e| e.0)?;
    // A snapshot of the index view taken over exactly the stored index chunks: the
    // index documents stay stashed and the list is read from the snapshot (loading and
    // parsing the index takes seconds at 10,000 clients).
    let view = match loaded.view.take() {
        Some(view) if view.covers_exactly(&indexes, &loaded.seqs) => Some(view),
        Some(view) => {
            web_sys::console::debug_1(
                &format!(
                    "fieldbase: the list snapshot is stale (taken over {:?}, stored {:?})",
                    view.covers, loaded.seqs
                )
                .into(),
            );
            None
        }
        None => None,
    };
    let mut slice = Slice::new();
    for doc in loaded.docs {
        slice.yield_when_over().await;
        let id = doc.id;
        if base.is_loaded(id) && !(view.is_some() && indexes.contains(&id)) {
            match base.load_doc(id, &doc.bytes) {
                Ok(()) => persister.persisted(id, base.heads(id)),
                Err(e) => damaged(id, &e),
            }
        } else if let Err(e) = base.stash_doc(id, doc.bytes) {
            damaged(id, &e);
        }
    }
    let view_restored = match &view {
        Some(view) => match base.restore_index_view(&view.bytes) {
            Ok(()) => {
                web_sys::console::debug_1(&"fieldbase: opened from the list snapshot".into());
                true
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("fieldbase: {e}").into());
                false
            }
        },
        None => false,
    };
    let peer_id = format!(
        "{}{}",
        session.peer_prefix,
        browser::hex(&browser::random_bytes::<8>())
    );
    let mut sync = SyncClient::new(peer_id.clone(), None);
    // What the server acknowledged of the documents read so far (the rest with them).
    for (id, heads) in loaded.acked {
        sync.restore_acked(&base, id, heads);
    }
    // Count what is unsent in every loaded document, also those the server never
    // acknowledged.
    sync.touched(&base, &base.doc_ids());
    let opening = Opening {
        read: first.into_iter().collect(),
        view_restored,
    };

    let (tx, rx) = mpsc::unbounded();
    let driver = {
        let tx = tx.clone();
        Driver::spawn(peer_id, session.token.clone(), move |event| {
            let _ = tx.unbounded_send(Command::Link(event));
        })
    };
    let session_rejected = session.is_expired(browser::now_ms());
    let engine = Engine {
        base,
        sync,
        persister,
        store,
        session,
        driver,
        link: Link::Down,
        out: None,
        last_synced: loaded.last_synced,
        session_rejected,
        storage_error: None,
        version: std::cell::Cell::new(0),
        last_publish: std::cell::Cell::new(0.0),
        me_tx: Some(tx.clone()),
        registrations: loaded.registrations,
        registering: false,
        hello_waits: false,
        flush_scheduled: false,
        warm_scheduled: false,
        view_dirty: false,
        view_changed_at: 0.0,
        view_save_scheduled: false,
        opening: Some(opening),
        publish,
        tab,
        journal_seq: 0,
    };
    engine.publish();
    wasm_bindgen_futures::spawn_local(engine.run(rx));
    Ok(EngineHandle {
        host: Host::Here(tx),
    })
}

/// A stretch of main-thread work that gives the browser its turn every
/// [`LOAD_SLICE_MS`].
struct Slice(f64);

impl Slice {
    fn new() -> Slice {
        Slice(browser::now_ms())
    }

    /// Lets the browser run (a `setTimeout(0)`) once this slice has run long enough.
    async fn yield_when_over(&mut self) {
        if browser::now_ms() - self.0 > LOAD_SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.0 = browser::now_ms();
        }
    }
}

/// Logs a stored document that does not load (it is held empty and fetched again).
fn damaged(id: DocumentId, e: &Error) {
    web_sys::console::error_1(&format!("fieldbase: document {id} is damaged: {e}").into());
}

/// What opening left for [`Engine::finish_opening`], once the list is shown.
struct Opening {
    /// Documents whose chunks were read already.
    read: BTreeSet<DocumentId>,
    /// The index view came from its stored snapshot.
    view_restored: bool,
}

struct Engine {
    base: ClientBase,
    sync: SyncClient,
    persister: Persister,
    store: Rc<Store>,
    session: Session,
    driver: Driver,
    link: Link,
    out: Option<UnboundedSender<Vec<u8>>>,
    last_synced: Option<f64>,
    session_rejected: bool,
    storage_error: Option<String>,
    version: std::cell::Cell<u64>,
    last_publish: std::cell::Cell<f64>,
    /// For answers that arrive later (`/api/me`) and the engine's own continuations.
    me_tx: Option<UnboundedSender<Command>>,
    /// Each client's restriction as told, or still to tell, the server
    /// (`POST /api/clients`); persisted with the edit that changed it.
    registrations: BTreeMap<DocumentId, Registration>,
    /// Registrations are being sent.
    registering: bool,
    /// The connection's hello waits until the registrations are sent, so that a client
    /// restricted offline is never first pushed as an unrestricted one.
    hello_waits: bool,
    /// A [`Command::Flush`] is on its way.
    flush_scheduled: bool,
    /// A [`Command::Warm`] is on its way.
    warm_scheduled: bool,
    /// An index document was written since the view's snapshot was last stored.
    view_dirty: bool,
    /// When an index document was last written (ms since the epoch).
    view_changed_at: f64,
    /// A [`Command::SaveView`] is on its way.
    view_save_scheduled: bool,
    /// Opening is not finished yet (the client documents are still to be read).
    opening: Option<Opening>,
    publish: Callback<Snapshot>,
    /// This tab, in journal keys and its Web Lock: the actor's hex.
    tab: String,
    /// The last journal entry's number.
    journal_seq: u64,
}

impl Engine {
    async fn run(mut self, mut rx: UnboundedReceiver<Command>) {
        // Commands wait until every document is held: the card, a report or an edit may
        // read any of them.
        self.finish_opening().await;
        while let Some(command) = rx.next().await {
            let command = match command {
                Command::Link(LinkEvent::Frame(first)) => {
                    // Take the frames already queued (up to a batch), persist them in one
                    // transaction.
                    let mut frames = vec![first];
                    let mut next = None;
                    while frames.len() < FRAMES_PER_BATCH
                        && let Ok(queued) = rx.try_recv()
                    {
                        match queued {
                            Command::Link(LinkEvent::Frame(bytes)) => frames.push(bytes),
                            other => {
                                next = Some(other);
                                break;
                            }
                        }
                    }
                    self.on_frames(frames).await;
                    match next {
                        Some(command) => command,
                        None => continue,
                    }
                }
                other => other,
            };
            if !self.handle(command).await {
                break;
            }
        }
    }

    /// Handles one command; false once signed out.
    async fn handle(&mut self, command: Command) -> bool {
        match command {
            Command::Edit { edit, reply } => {
                let result = self.apply(edit).await;
                let _ = reply.send(result);
            }
            Command::Journal { intent, reply } => self.journal(intent, reply).await,
            Command::Query(query) => {
                query(&self.base);
                self.absorb_loaded();
            }
            Command::Flush => {
                self.flush_scheduled = false;
                self.flush();
            }
            Command::Warm => {
                self.warm_scheduled = false;
                self.warm();
            }
            Command::SaveView => {
                self.view_save_scheduled = false;
                self.save_view(false).await;
            }
            Command::Me(me) => {
                let mut session = self.session.clone();
                session.role = me.role;
                session.team_doc = me.team_doc;
                session.plan = me.plan;
                session.book = me.book;
                session.books = me.book_owners;
                if session != self.session {
                    session.name_documents(&mut self.base);
                    if self.store.save_session(&session).await.is_ok() {
                        self.session = session;
                    }
                    // Newly readable books are asked for on this connection.
                    self.sync.touched(&self.base, &self.base.doc_ids());
                    self.flush();
                    self.publish();
                }
            }
            Command::Registered(answers) => self.on_registered(answers).await,
            Command::Link(event) => self.on_link(event).await,
            Command::Retry => self.driver.wake(),
            Command::Relogin { session, reply } => {
                let result = self.store.save_session(&session).await;
                if result.is_ok() {
                    self.driver.set_token(session.token.clone());
                    session.name_documents(&mut self.base);
                    self.session = session;
                    self.session_rejected = false;
                    self.publish();
                }
                let _ = reply.send(result);
            }
            Command::SignOut { reply } => {
                self.driver.stop();
                self.out = None;
                if let Err(e) = self.store.clear().await {
                    web_sys::console::error_1(&format!("fieldbase: clearing failed: {e}").into());
                }
                let _ = reply.send(());
                return false;
            }
        }
        true
    }

    /// Reads the client documents' chunks (stashed, each loaded when first read), loads
    /// those with changes the server has not acknowledged so that they are counted,
    /// and starts the warm-up.
    async fn finish_opening(&mut self) {
        let Some(opening) = self.opening.take() else {
            return;
        };
        let rest = match self.store.load_rest(&opening.read).await {
            Ok(rest) => rest,
            Err(e) => {
                web_sys::console::error_1(&format!("fieldbase: reading failed: {e}").into());
                self.storage_error = Some(e.0);
                Default::default()
            }
        };
        let mut slice = Slice::new();
        for doc in rest.docs {
            slice.yield_when_over().await;
            if let Err(e) = self.base.stash_doc(doc.id, doc.bytes) {
                damaged(doc.id, &e);
            }
        }
        self.registrations = rest.registrations;
        let acked: std::collections::HashMap<DocumentId, Vec<ChangeHash>> =
            rest.acked.into_iter().collect();
        for (id, heads) in &acked {
            self.sync.restore_acked(&self.base, *id, heads.clone());
        }
        // A stashed document whose last written heads are not what the server
        // acknowledged has unsent changes: load it so that they are counted (a handful,
        // usually: what was written offline).
        let mut unsent = Vec::new();
        for (id, persisted) in &rest.persisted {
            if !self.base.is_loaded(*id) && acked.get(id) != Some(persisted) {
                self.base.doc(*id);
                unsent.push(*id);
            }
        }
        self.absorb_loaded();
        self.sync.touched(&self.base, &unsent);
        self.replay_journal().await;
        if !opening.view_restored {
            self.view_dirty = true;
            self.schedule_view_save();
        }
        self.schedule(Command::Warm);
        self.publish();
    }

    /// Stores the snapshot of the index view (see `store.rs`) once the index has
    /// changed and what the view shows is on the device; `settled` when a sync just
    /// ended (no need to wait for the index to be still).
    async fn save_view(&mut self, settled: bool) {
        if !self.view_dirty {
            return;
        }
        // Mid-sync, or within a burst of edits, the index changes again soon: wait until
        // it has been still for a while.
        if self.state() == SyncState::Syncing
            || (!settled
                && browser::now_ms() - self.view_changed_at < f64::from(VIEW_SAVE_DELAY_MS))
        {
            self.schedule_view_save();
            return;
        }
        let indexes = self.base.index_ids();
        // A loaded index document must be exactly what is stored (a write that failed
        // leaves it ahead of the device); one never written holds only its genesis.
        let stored = indexes.iter().all(|id| {
            let on_device = self
                .persister
                .persisted_heads(*id)
                .unwrap_or(self.base.baseline_heads(*id));
            !self.base.is_loaded(*id) || on_device == self.base.heads(*id)
        });
        if !stored {
            web_sys::console::debug_1(
                &"fieldbase: list snapshot not stored: the index is ahead of the device".into(),
            );
            return;
        }
        let bytes = self.base.snapshot_index_view();
        match self.store.write_view(&indexes, &bytes).await {
            Ok(stored) => {
                self.view_dirty = false;
                let said = if stored {
                    format!("fieldbase: list snapshot stored ({} bytes)", bytes.len())
                } else {
                    "fieldbase: list snapshot not stored: another tab wrote the index".into()
                };
                web_sys::console::debug_1(&said.into());
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("fieldbase: storing the list failed: {e}").into())
            }
        }
    }

    /// Sends [`Command::SaveView`] after [`VIEW_SAVE_DELAY_MS`], unless one is on its way.
    fn schedule_view_save(&mut self) {
        if self.view_save_scheduled {
            return;
        }
        let Some(tx) = self.me_tx.clone() else { return };
        self.view_save_scheduled = true;
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(VIEW_SAVE_DELAY_MS).await;
            let _ = tx.unbounded_send(Command::SaveView);
        });
    }

    /// The signed-in rep on this device, now.
    fn author(&self) -> Author {
        Author {
            who: format!("{}/web", self.session.rep),
            at: browser::now_ms() as i64,
        }
    }

    async fn apply(&mut self, call: ErasedEdit) -> Result<Vec<u8>, AddError> {
        let author = self.author();
        let (edit, answer) = call.run(&mut self.base, &author)?;
        let written = self.store_edit(&edit, None).await;
        // Even when the device refused the write, the server may still take the change.
        self.sync.touched(&self.base, &edit.touched);
        self.flush();
        self.publish();
        written.map(|()| answer)
    }

    /// Writes what `edit` touched, and the registrations it changed, in one strict
    /// transaction that also deletes the journal entry `forget`.
    async fn store_edit(&mut self, edit: &Edit, forget: Option<&str>) -> Result<(), AddError> {
        self.absorb_loaded();
        let mut batch = Batch::default();
        batch.chunks(self.persister.plan(&self.base, &edit.touched));
        if let Some(key) = forget {
            batch.forget(key);
        }
        // A client restricted (or no longer) by this edit: the server must learn it;
        // recorded in the same transaction as the edit, sent now or on reconnecting.
        let mut to_register = false;
        for &id in &edit.touched {
            if !self.is_client_doc(id) {
                continue;
            }
            let restricted = self.base.details(id).restricted;
            let known = self.registrations.get(&id).is_some_and(|r| r.restricted);
            if restricted != known {
                let registration = Registration {
                    restricted,
                    sent: false,
                };
                batch.registration(id, registration);
                self.registrations.insert(id, registration);
                to_register = true;
            }
        }
        let written = self.write(&batch).await;
        if to_register && self.out.is_some() {
            self.send_registrations();
        }
        written.map_err(|e| AddError::Storage(e.0))
    }

    /// Checks an edit, writes it down in the journal and answers, then applies it
    /// (see `journal.rs`): the rep is told "saved" after one small strict write.
    async fn journal(&mut self, intent: Intent, reply: oneshot::Sender<Result<(), AddError>>) {
        let author = self.author();
        let checked = intent.check(&self.base, &author);
        self.absorb_loaded();
        if let Err(e) = checked {
            let _ = reply.send(Err(e.into()));
            return;
        }
        let key = self.next_journal_key();
        let entry = Entry { author, intent };
        if let Err(e) = self.store.journal(&key, &entry.to_json()).await {
            self.storage_error = Some(e.0.clone());
            let _ = reply.send(Err(AddError::Storage(e.0)));
            // The status bar shows that the device refused it.
            self.publish();
            return;
        }
        let _ = reply.send(Ok(()));
        // Let the answer go out (the worker posts it) before the work of applying.
        gloo_timers::future::TimeoutFuture::new(0).await;
        self.apply_journaled(&key, &entry).await;
        self.flush();
        self.publish();
    }

    fn next_journal_key(&mut self) -> String {
        self.journal_seq += 1;
        journal::key(&self.tab, self.journal_seq)
    }

    /// Applies a journal entry; the transaction that stores the edit deletes the entry.
    /// The server hears of it only once it is stored, so a stored entry never stands
    /// for a change another replica already has.
    async fn apply_journaled(&mut self, key: &str, entry: &Entry) {
        let edit = match entry.intent.apply(&mut self.base, &entry.author) {
            Ok(edit) => edit,
            Err(e) => {
                web_sys::console::error_1(
                    &format!("fieldbase: {key} did not apply, the journal keeps it: {e}").into(),
                );
                return;
            }
        };
        match self.store_edit(&edit, Some(key)).await {
            Ok(()) => self.sync.touched(&self.base, &edit.touched),
            Err(e) => web_sys::console::error_1(
                &format!("fieldbase: {key} is applied but not stored, the journal keeps it: {e:?}")
                    .into(),
            ),
        }
    }

    /// Applies what the journal holds of tabs that closed before applying it (each
    /// entry claimed first, so that two starting tabs never both apply one).
    async fn replay_journal(&mut self) {
        let entries = match self.store.journal_entries().await {
            Ok(entries) => entries,
            Err(e) => {
                web_sys::console::error_1(&format!("fieldbase: reading the journal: {e}").into());
                return;
            }
        };
        if entries.is_empty() {
            return;
        }
        let alive = browser::held_locks().await;
        let now = browser::now_ms() as i64;
        for (key, json) in &entries {
            let entry = match Entry::from_json(json) {
                Ok(entry) => entry,
                Err(e) => {
                    web_sys::console::error_1(&format!("fieldbase: {key}: {e}; kept").into());
                    continue;
                }
            };
            if !journal::orphaned(key, &entry, alive.as_deref(), now) {
                continue;
            }
            let mine = self.next_journal_key();
            match self.store.claim_journal(key, &mine).await {
                Ok(Some(_)) => {}
                Ok(None) => continue,
                Err(e) => {
                    web_sys::console::error_1(&format!("fieldbase: claiming {key}: {e}").into());
                    continue;
                }
            }
            if entry.intent.applied(&self.base) {
                let mut batch = Batch::default();
                batch.forget(&mine);
                let _ = self.write(&batch).await;
                continue;
            }
            if let Err(e) = entry.intent.check(&self.base, &entry.author) {
                web_sys::console::error_1(
                    &format!(
                        "fieldbase: {key} no longer applies, the journal keeps it as {mine}: {e}"
                    )
                    .into(),
                );
                continue;
            }
            self.apply_journaled(&mine, &entry).await;
            web_sys::console::info_1(
                &format!("fieldbase: applied {key}, left by a tab that closed first").into(),
            );
        }
    }

    async fn on_link(&mut self, event: LinkEvent) {
        match event {
            LinkEvent::Opening => self.link = Link::Opening,
            LinkEvent::Opened(out) => {
                self.link = Link::Up;
                self.session_rejected = false;
                self.out = Some(out);
                if self.send_registrations() {
                    self.hello_waits = true;
                } else {
                    self.hello();
                }
                // Books come and go with hand-overs: ask the server what this rep reads now.
                if let Some(tx) = self.me_tx.clone() {
                    let token = self.session.token.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(me) = crate::api::me(&token).await {
                            let _ = tx.unbounded_send(Command::Me(me));
                        }
                    });
                }
            }
            LinkEvent::Frame(bytes) => return self.on_frames(vec![bytes]).await,
            LinkEvent::Down => self.went_down(),
            LinkEvent::Rejected => {
                self.went_down();
                self.session_rejected = true;
            }
        }
        self.publish();
    }

    /// Starts the sync session on the open connection.
    fn hello(&mut self) {
        self.hello_waits = false;
        if let Some(out) = &self.out {
            let _ = out.unbounded_send(self.sync.hello());
        }
    }

    /// Whether `id` is a client's document (not an index, a book or a team document).
    fn is_client_doc(&self, id: DocumentId) -> bool {
        !self.base.is_index(id)
            && [fieldbase_core::TeamDoc::Team, fieldbase_core::TeamDoc::Plan]
                .into_iter()
                .all(|which| self.base.team_doc_id(which).ok() != Some(id))
    }

    /// Sends every registration the server has not taken yet (one request each, in the
    /// background); true when some are on their way.
    fn send_registrations(&mut self) -> bool {
        if self.registering {
            return true;
        }
        let unsent: Vec<(DocumentId, Registration)> = self
            .registrations
            .iter()
            .filter(|(_, r)| !r.sent)
            .map(|(id, r)| (*id, *r))
            .collect();
        let Some(tx) = self.me_tx.clone() else {
            return false;
        };
        if unsent.is_empty() {
            return false;
        }
        self.registering = true;
        let token = self.session.token.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut answers = Vec::new();
            for (id, registration) in unsent {
                let answer =
                    crate::api::register_client(&token, &id.to_string(), registration.restricted)
                        .await;
                answers.push((id, registration, answer));
            }
            let _ = tx.unbounded_send(Command::Registered(answers));
        });
        true
    }

    /// Records what the server answered to registrations, then says hello if the
    /// connection was waiting for them.
    async fn on_registered(
        &mut self,
        answers: Vec<(DocumentId, Registration, crate::api::Registered)>,
    ) {
        self.registering = false;
        let mut batch = Batch::default();
        for (id, sent, answer) in answers {
            // A later edit may have changed it meanwhile: that one is still to send.
            if self.registrations.get(&id) != Some(&sent) {
                continue;
            }
            match answer {
                crate::api::Registered::Yes => {}
                crate::api::Registered::Refused(status, message) => {
                    web_sys::console::warn_1(
                        &format!(
                            "fieldbase: the server refused to register {id}: {status} {message}"
                        )
                        .into(),
                    );
                }
                crate::api::Registered::Later => continue,
            }
            let done = Registration { sent: true, ..sent };
            batch.registration(id, done);
            self.registrations.insert(id, done);
        }
        let _ = self.write(&batch).await;
        if self.hello_waits {
            self.hello();
        }
    }

    fn went_down(&mut self) {
        self.link = Link::Down;
        self.out = None;
        self.hello_waits = false;
        self.sync.disconnected();
    }

    async fn on_frames(&mut self, frames: Vec<Vec<u8>>) {
        let was_synced = self.state() == SyncState::Synced;
        let mut changed = BTreeSet::new();
        let mut acked = BTreeSet::new();
        for frame in frames {
            match self.sync.receive(&mut self.base, &frame) {
                Ok(events) => {
                    for event in events {
                        match event {
                            SyncEvent::Changed(id) => {
                                changed.insert(id);
                            }
                            SyncEvent::Acked(id) => {
                                acked.insert(id);
                            }
                            SyncEvent::ServerError(message) => web_sys::console::warn_1(
                                &format!("fieldbase: server error: {message}").into(),
                            ),
                            SyncEvent::Connected | SyncEvent::Unavailable(_) => {}
                        }
                    }
                }
                Err(e) => web_sys::console::warn_1(&format!("fieldbase: bad frame: {e}").into()),
            }
        }
        // Concurrent edits of one field may leave the list showing another winner than
        // the card: make the index agree with the cards that just changed.
        let author = Author {
            who: format!("{}/web", self.session.rep),
            at: browser::now_ms() as i64,
        };
        let mut reconciled = Vec::new();
        let cards: Vec<DocumentId> = changed
            .iter()
            .copied()
            .filter(|id| !self.base.is_index(*id))
            .collect();
        for id in cards {
            if let Ok(Some(edit)) = self.base.reconcile_summary(id, &author) {
                reconciled.extend(edit.touched);
            }
        }
        changed.extend(reconciled.iter().copied());
        let changed: Vec<DocumentId> = changed.into_iter().collect();
        self.absorb_loaded();
        let mut batch = Batch::default();
        batch.chunks(self.persister.plan(&self.base, &changed));
        for id in &acked {
            batch.acked(*id, self.sync.acked_heads(*id));
        }
        let now_synced = self.state() == SyncState::Synced;
        let mut synced_at = None;
        if now_synced && (!was_synced || !changed.is_empty() || !acked.is_empty()) {
            let now = browser::now_ms();
            batch.last_synced(now);
            synced_at = Some(now);
        }
        // Received changes reach the disk before the UI shows them or we answer.
        if self.write(&batch).await.is_ok() && synced_at.is_some() {
            self.last_synced = synced_at;
        }
        if !reconciled.is_empty() {
            self.sync.touched(&self.base, &reconciled);
        }
        self.flush();
        // Mid-sync, republish only now and then; the moment sync ends, at once.
        let busy = self.state() == SyncState::Syncing;
        if !busy || was_synced || browser::now_ms() - self.last_publish.get() >= SYNC_PUBLISH_MS {
            self.publish();
        }
        // A sync that just ended leaves the index settled: its list is stored now, not
        // only after the quiet time meant for a burst of edits.
        if now_synced && !was_synced {
            self.save_view(true).await;
        }
    }

    /// Writes a batch, records what is now on the device, and remembers a failure for
    /// the UI.
    async fn write(&mut self, batch: &Batch) -> Result<(), StoreError> {
        let store = self.store.clone();
        match store.write(batch, &mut self.base).await {
            Ok(written) => {
                let ids: Vec<DocumentId> = written.iter().map(|(id, _)| *id).collect();
                if ids.iter().any(|id| self.base.is_index(*id)) {
                    self.view_dirty = true;
                    self.view_changed_at = browser::now_ms();
                    self.schedule_view_save();
                }
                for (id, heads) in written {
                    self.persister.persisted(id, heads);
                }
                // A compaction may have merged another tab's changes: they have to be
                // counted and sent like our own.
                self.sync.touched(&self.base, &ids);
                self.storage_error = None;
                Ok(())
            }
            Err(e) => {
                self.storage_error = Some(e.0.clone());
                Err(e)
            }
        }
    }

    /// Records what is on the device for stashed documents that something just loaded
    /// (their next chunk starts after it), and reports the damaged ones.
    fn absorb_loaded(&mut self) {
        for (id, heads) in self.base.take_loaded() {
            self.persister.persisted(id, heads);
        }
        for (id, e) in self.base.take_damaged() {
            web_sys::console::error_1(
                &format!("fieldbase: document {id} is damaged, fetching it again: {e}").into(),
            );
        }
    }

    /// Sends whatever the sync client has to say, for at most one slice of main-thread
    /// time; the rest goes out after the browser has run (a new connection has a
    /// message for every document).
    fn flush(&mut self) {
        let Some(out) = self.out.clone() else { return };
        let start = browser::now_ms();
        loop {
            for frame in self.sync.outgoing_some(&mut self.base, FLUSH_DOCS) {
                if out.unbounded_send(frame).is_err() {
                    return;
                }
            }
            if !self.sync.has_outgoing() {
                break;
            }
            if browser::now_ms() - start > LOAD_SLICE_MS {
                self.schedule(Command::Flush);
                break;
            }
        }
        self.absorb_loaded();
    }

    /// Loads stashed client documents for one slice, and schedules the next slice while
    /// some are left: by the time the rep opens a report, they are in memory.
    fn warm(&mut self) {
        let start = browser::now_ms();
        while self.base.load_stashed(WARM_DOCS) > 0 {
            if browser::now_ms() - start > LOAD_SLICE_MS {
                self.schedule(Command::Warm);
                break;
            }
        }
        self.absorb_loaded();
    }

    /// Sends `command` to this engine once the browser has had its turn (a timer of 0
    /// ms), unless one of its kind is already on its way.
    fn schedule(&mut self, command: Command) {
        let flag = match command {
            Command::Flush => &mut self.flush_scheduled,
            Command::Warm => &mut self.warm_scheduled,
            _ => return,
        };
        if *flag {
            return;
        }
        let Some(tx) = self.me_tx.clone() else { return };
        *flag = true;
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            let _ = tx.unbounded_send(command);
        });
    }

    fn state(&self) -> SyncState {
        SyncState::of(self.link, &self.sync.status(&self.base))
    }

    fn publish(&self) {
        let status = self.sync.status(&self.base);
        self.version.set(self.version.get() + 1);
        self.last_publish.set(browser::now_ms());
        self.publish.emit(Snapshot {
            rep: self.session.rep.clone(),
            role: self.session.role.clone(),
            clients: Rc::new(self.base.clients()),
            state: SyncState::of(self.link, &status),
            pending: status.pending_changes,
            refused: status.refused_changes,
            docs_in_flight: status.docs_in_flight,
            last_synced: self.last_synced,
            session_rejected: self.session_rejected,
            storage_error: self.storage_error.clone(),
            version: self.version.get(),
        });
    }
}
