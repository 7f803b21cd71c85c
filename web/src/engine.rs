//! The engine: one task that owns the client base, the sync client and the store, and
//! handles one command at a time (local edits, frames from the server, sign-out). The
//! UI never reads the live documents: it renders the [`Snapshot`]s the engine publishes,
//! and the engine publishes only after what they show is on disk.

use std::{collections::BTreeSet, rc::Rc};

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ClientSummary, DocumentId, Edit, Error, Field, Problem,
    SyncClient, SyncEvent, automerge::ActorId,
};
use futures::{
    StreamExt,
    channel::{
        mpsc::{self, UnboundedReceiver, UnboundedSender},
        oneshot,
    },
};
use yew::Callback;

use crate::{
    browser,
    persist::Persister,
    session::Session,
    status::{Link, SyncState},
    store::{Batch, Store, StoreError},
    sync::{Driver, LinkEvent},
};

/// How long the engine keeps the main thread while loading documents, in ms.
const LOAD_SLICE_MS: f64 = 8.0;
/// While documents stream in, the UI is republished at most this often, in ms (reading
/// 10,000 summaries for every frame would make a first sync quadratic).
const SYNC_PUBLISH_MS: f64 = 250.0;

/// What the UI shows, as of the last thing the engine finished.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The signed-in rep.
    pub rep: String,
    /// The rep's role as the server said at login or on `/api/me` (`rep`,
    /// `key_account_manager`, `head`; empty from an older server).
    pub role: String,
    /// Clients that are not archived, by name.
    pub clients: Rc<Vec<ClientSummary>>,
    /// The status bar's state.
    pub state: SyncState,
    /// Local changes the server has not acknowledged.
    pub pending: usize,
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

/// Why adding a client failed.
#[derive(Debug, Clone, PartialEq)]
pub enum AddError {
    /// A field is not acceptable; nothing was written.
    Invalid {
        /// Which field.
        field: Field,
        /// Core's reason (see `i18n::invalid_reason_key`).
        reason: Problem,
    },
    /// The device refused the write.
    Storage(String),
    /// The base refused the edit (an unknown client, a taken id…); nothing was written.
    Refused(String),
    /// The engine is gone (signed out).
    Closed,
}

/// An edit run by the engine on the client base, as the signed-in rep on this device.
type EditFn = Box<dyn FnOnce(&mut ClientBase, &Author) -> Result<Edit, Error>>;
/// A read run by the engine on the client base between two commands.
type QueryFn = Box<dyn FnOnce(&ClientBase)>;

enum Command {
    Edit {
        edit: EditFn,
        reply: oneshot::Sender<Result<Edit, AddError>>,
    },
    Query(QueryFn),
    Link(LinkEvent),
    /// The server's current view of this rep (after a reconnect).
    Me(crate::api::Me),
    Retry,
    Relogin {
        session: Session,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    SignOut {
        reply: oneshot::Sender<()>,
    },
}

/// The UI's handle on the running engine.
#[derive(Debug, Clone)]
pub struct EngineHandle {
    tx: UnboundedSender<Command>,
}

impl PartialEq for EngineHandle {
    fn eq(&self, other: &Self) -> bool {
        self.tx.same_receiver(&other.tx)
    }
}

impl EngineHandle {
    /// Adds a client; `Ok` once it is on the device.
    pub async fn add_client(&self, draft: ClientDraft) -> Result<(), AddError> {
        self.edit(move |base, author| {
            let id = DocumentId::from_bytes(browser::random_bytes::<16>());
            base.add_client(id, &draft, author)
        })
        .await
        .map(|_| ())
    }

    /// Runs an edit on the client base; `Ok` once every document it touched is on the
    /// device (and queued for the server). A validation error writes nothing.
    pub async fn edit<F>(&self, edit: F) -> Result<Edit, AddError>
    where
        F: FnOnce(&mut ClientBase, &Author) -> Result<Edit, Error> + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.tx
            .unbounded_send(Command::Edit {
                edit: Box::new(edit),
                reply,
            })
            .map_err(|_| AddError::Closed)?;
        answer.await.unwrap_or(Err(AddError::Closed))
    }

    /// Reads from the client base as it is on the device (between two commands, so
    /// never a state that is not yet durable). `None` once signed out.
    pub async fn query<T, F>(&self, query: F) -> Option<T>
    where
        T: 'static,
        F: FnOnce(&ClientBase) -> T + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let run: QueryFn = Box::new(move |base| {
            let _ = reply.send(query(base));
        });
        self.tx.unbounded_send(Command::Query(run)).ok()?;
        answer.await.ok()
    }

    /// Reconnects now.
    pub fn retry(&self) {
        let _ = self.tx.unbounded_send(Command::Retry);
    }

    /// Replaces a refused session with a fresh one of the same rep and team.
    pub async fn relogin(&self, session: Session) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.tx
            .unbounded_send(Command::Relogin { session, reply })
            .map_err(|_| StoreError("signed out".into()))?;
        answer
            .await
            .unwrap_or_else(|_| Err(StoreError("signed out".into())))
    }

    /// Stops syncing and deletes everything on the device.
    pub async fn sign_out(&self) {
        let (reply, answer) = oneshot::channel();
        if self.tx.unbounded_send(Command::SignOut { reply }).is_ok() {
            let _ = answer.await;
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
    let actor = ActorId::from(browser::random_bytes::<16>());
    let mut base = ClientBase::new(index, actor);
    session.name_documents(&mut base);
    let mut persister = Persister::default();
    let loaded = store.load().await.map_err(|e| e.0)?;
    // Loading 10,000 documents takes seconds: hand the main thread back to the browser
    // every few milliseconds so the page never freezes (no long task).
    let mut slice = browser::now_ms();
    for doc in &loaded.docs {
        if browser::now_ms() - slice > LOAD_SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice = browser::now_ms();
        }
        if let Err(e) = base.load_doc(doc.id, &doc.bytes) {
            web_sys::console::error_1(
                &format!("fieldbase: document {} is damaged: {e}", doc.id).into(),
            );
            continue;
        }
        persister.persisted(doc.id, base.heads(doc.id));
    }
    let peer_id = format!(
        "{}{}",
        session.peer_prefix,
        browser::hex(&browser::random_bytes::<8>())
    );
    let mut sync = SyncClient::new(peer_id.clone(), None);
    for (id, heads) in loaded.acked {
        sync.restore_acked(&base, id, heads);
    }
    // Count what is unsent in every document, also those the server never acknowledged.
    sync.touched(&base, &base.doc_ids());

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
        publish,
    };
    engine.publish();
    wasm_bindgen_futures::spawn_local(engine.run(rx));
    Ok(EngineHandle { tx })
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
    /// For answers that arrive later (`/api/me`).
    me_tx: Option<UnboundedSender<Command>>,
    publish: Callback<Snapshot>,
}

impl Engine {
    async fn run(mut self, mut rx: UnboundedReceiver<Command>) {
        while let Some(command) = rx.next().await {
            let command = match command {
                Command::Link(LinkEvent::Frame(first)) => {
                    // Take every frame already queued, persist them in one transaction.
                    let mut frames = vec![first];
                    let mut next = None;
                    while let Ok(queued) = rx.try_recv() {
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
            Command::Query(query) => query(&self.base),
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

    async fn apply(&mut self, edit: EditFn) -> Result<Edit, AddError> {
        let author = Author {
            who: format!("{}/web", self.session.rep),
            at: browser::now_ms() as i64,
        };
        let edit = edit(&mut self.base, &author).map_err(|e| match e {
            Error::Invalid { field, reason, .. } => AddError::Invalid { field, reason },
            other => AddError::Refused(other.to_string()),
        })?;
        let mut batch = Batch::default();
        batch.chunks(self.persister.plan(&self.base, &edit.touched));
        let written = self.write(&batch).await;
        // Even when the device refused the write, the server may still take the change.
        self.sync.touched(&self.base, &edit.touched);
        let result = match written {
            Ok(()) => Ok(edit),
            Err(e) => Err(AddError::Storage(e.0)),
        };
        self.flush();
        self.publish();
        result
    }

    async fn on_link(&mut self, event: LinkEvent) {
        match event {
            LinkEvent::Opening => self.link = Link::Opening,
            LinkEvent::Opened(out) => {
                self.link = Link::Up;
                self.session_rejected = false;
                let _ = out.unbounded_send(self.sync.hello());
                self.out = Some(out);
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

    fn went_down(&mut self) {
        self.link = Link::Down;
        self.out = None;
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
    }

    /// Writes a batch, records what is now on the device, and remembers a failure for
    /// the UI.
    async fn write(&mut self, batch: &Batch) -> Result<(), StoreError> {
        let store = self.store.clone();
        match store.write(batch, &mut self.base).await {
            Ok(written) => {
                let ids: Vec<DocumentId> = written.iter().map(|(id, _)| *id).collect();
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

    /// Sends whatever the sync client has to say.
    fn flush(&mut self) {
        let Some(out) = &self.out else { return };
        for frame in self.sync.outgoing(&mut self.base) {
            if out.unbounded_send(frame).is_err() {
                break;
            }
        }
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
            docs_in_flight: status.docs_in_flight,
            last_synced: self.last_synced,
            session_rejected: self.session_rejected,
            storage_error: self.storage_error.clone(),
            version: self.version.get(),
        });
    }
}
