//! The engine in a dedicated worker, so that loading, merging and syncing a large base
//! never holds the page's main thread (the index of a 10,000-client base takes seconds
//! to load, and one Automerge call cannot be sliced).
//!
//! The page starts `worker.js`, a module worker, and hands it its own compiled
//! `WebAssembly.Module`: the worker runs the same code, so the screens' reads and edits
//! cross as function addresses and bincode (`calls.rs`). Then, in bincode over
//! `postMessage`:
//! - page → worker: [`ToWorker`] (start with a session, edits, reads, reconnect,
//!   re-login, sign out);
//! - worker → page: [`FromWorker`] (started, every published snapshot, the answers).
//!
//! A snapshot carries the client list only when it changed since the last one sent.
//! Where no module worker can be started, the engine runs on the page as before.

use std::{
    cell::{Cell, RefCell},
    collections::HashMap,
    rc::Rc,
};

use fieldbase_core::ClientSummary;
use futures::{
    StreamExt,
    channel::{mpsc, oneshot},
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, prelude::*};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::{
    calls::{AddError, ErasedEdit, ErasedQuery, decode, encode},
    engine::{self, EngineHandle, Snapshot},
    journal::Intent,
    session::Session,
    store::Store,
};

/// The worker's script, next to `index.html` (copied from `web/static/`).
const SCRIPT: &str = "./worker.js";

/// What the page asks of the engine's worker.
#[derive(Debug, Serialize, Deserialize)]
pub enum ToWorker {
    /// Open the device's store and start the engine for this session (the first
    /// message, and only once).
    Start(Session),
    /// An edit, answered with [`FromWorker::Edited`] under the same number.
    Edit(u64, ErasedEdit),
    /// An edit through the journal, answered with [`FromWorker::Journaled`].
    Journal(u64, Intent),
    /// A read, answered with [`FromWorker::Answered`].
    Query(u64, ErasedQuery),
    /// Reconnect now.
    Retry,
    /// Replace a refused session ([`FromWorker::Relogged`]).
    Relogin(u64, Session),
    /// Stop syncing and delete everything on the device ([`FromWorker::SignedOut`]).
    SignOut(u64),
}

/// What the engine's worker tells the page.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// The engine runs (or why it could not start).
    Started(Result<(), String>),
    /// A new snapshot; the client list only when it changed since the last one sent.
    Published(Snapshot, Option<Vec<ClientSummary>>),
    /// The answer to [`ToWorker::Edit`].
    Edited(u64, Result<Vec<u8>, AddError>),
    /// The answer to [`ToWorker::Journal`].
    Journaled(u64, Result<(), AddError>),
    /// The answer to [`ToWorker::Query`]; `None` once signed out.
    Answered(u64, Option<Result<Vec<u8>, String>>),
    /// The answer to [`ToWorker::Relogin`].
    Relogged(u64, Result<(), String>),
    /// The device is cleared.
    SignedOut(u64),
}

/// The calls waiting for their answers, by number.
type Waiting = Rc<RefCell<HashMap<u64, oneshot::Sender<FromWorker>>>>;

/// The page's side of a running worker.
pub struct Remote {
    worker: Worker,
    next: Cell<u64>,
    waiting: Waiting,
    /// Terminated (signed out): calls get `None` at once.
    closed: Cell<bool>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Remote")
            .field("next", &self.next.get())
            .finish_non_exhaustive()
    }
}

impl Remote {
    /// Sends `message`.
    pub fn send(&self, message: &ToWorker) {
        let bytes = js_sys::Uint8Array::from(encode(message).as_slice());
        if let Err(e) = self.worker.post_message(&bytes) {
            web_sys::console::error_2(&"fieldbase: the engine's worker is gone".into(), &e);
        }
    }

    /// Sends what `message` makes of a fresh number and waits for the answer under it
    /// (`None` when the worker is gone).
    pub async fn call(&self, message: impl FnOnce(u64) -> ToWorker) -> Option<FromWorker> {
        if self.closed.get() {
            return None;
        }
        let id = self.next.get();
        self.next.set(id + 1);
        let (reply, answer) = oneshot::channel();
        self.waiting.borrow_mut().insert(id, reply);
        self.send(&message(id));
        answer.await.ok()
    }

    /// Stops the worker; every call still waiting gets `None`.
    pub fn terminate(&self) {
        self.closed.set(true);
        self.worker.terminate();
        self.waiting.borrow_mut().clear();
    }
}

/// Starts the engine in a worker for `session`; every snapshot goes to `publish`.
/// `Err` when no worker could be started (the caller runs the engine here instead).
pub async fn start(session: Session, publish: Callback<Snapshot>) -> Result<EngineHandle, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options.set_name("fieldbase-engine");
    let worker = Worker::new_with_options(SCRIPT, &options).map_err(|e| format!("{e:?}"))?;
    let (started_tx, started) = oneshot::channel::<Result<(), String>>();
    let started_tx = Rc::new(RefCell::new(Some(started_tx)));
    let waiting: Waiting = Rc::default();
    let on_message = {
        let (started_tx, waiting) = (started_tx.clone(), waiting.clone());
        let clients = RefCell::new(Rc::new(Vec::new()));
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            let message = match decode::<FromWorker>(&bytes) {
                Ok(m) => m,
                Err(e) => {
                    web_sys::console::error_1(&format!("fieldbase: {e}").into());
                    return;
                }
            };
            match message {
                FromWorker::Started(result) => {
                    if let Some(tx) = started_tx.borrow_mut().take() {
                        let _ = tx.send(result);
                    }
                }
                FromWorker::Published(mut snapshot, list) => {
                    if let Some(list) = list {
                        *clients.borrow_mut() = Rc::new(list);
                    }
                    snapshot.clients = clients.borrow().clone();
                    publish.emit(snapshot);
                }
                FromWorker::Edited(id, _)
                | FromWorker::Journaled(id, _)
                | FromWorker::Answered(id, _)
                | FromWorker::Relogged(id, _)
                | FromWorker::SignedOut(id) => {
                    if let Some(reply) = waiting.borrow_mut().remove(&id) {
                        let _ = reply.send(message);
                    }
                }
            }
        })
    };
    let on_error = {
        let (started_tx, waiting) = (started_tx.clone(), waiting.clone());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let said = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map_or_else(|| "the worker failed to load".to_owned(), |e| e.message());
            web_sys::console::error_1(&format!("fieldbase: engine worker: {said}").into());
            if let Some(tx) = started_tx.borrow_mut().take() {
                let _ = tx.send(Err(said));
            }
            // The engine may be gone: no call waits for ever (each gets "closed").
            waiting.borrow_mut().clear();
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The very module this page runs: function addresses mean the same on both sides.
    worker
        .post_message(&wasm_bindgen::module())
        .map_err(|e| format!("{e:?}"))?;
    let remote = Rc::new(Remote {
        worker,
        next: Cell::new(0),
        waiting,
        closed: Cell::new(false),
        _on_message: on_message,
        _on_error: on_error,
    });
    remote.send(&ToWorker::Start(session));
    match started.await {
        Ok(Ok(())) => Ok(EngineHandle::remote(remote)),
        Ok(Err(e)) => {
            remote.terminate();
            Err(e)
        }
        Err(_) => Err("the worker went away".into()),
    }
}

/// The worker's side: called by `worker.js` once the module is instantiated, with the
/// messages that arrived meanwhile. Starts the engine on the first [`ToWorker::Start`]
/// and serves the page until it signs out.
#[wasm_bindgen(js_name = fieldbaseWorker)]
pub fn serve(held: js_sys::Array) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let (tx, rx) = mpsc::unbounded::<ToWorker>();
    let take = move |data: JsValue| {
        let bytes = js_sys::Uint8Array::new(&data).to_vec();
        match decode::<ToWorker>(&bytes) {
            Ok(message) => {
                let _ = tx.unbounded_send(message);
            }
            Err(e) => web_sys::console::error_1(&format!("fieldbase: {e}").into()),
        }
    };
    for data in held.iter() {
        take(data);
    }
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| take(event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it.
    on_message.forget();
    wasm_bindgen_futures::spawn_local(run(scope, rx));
}

/// Posts `message` to the page.
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    let bytes = js_sys::Uint8Array::from(encode(message).as_slice());
    if let Err(e) = scope.post_message(&bytes) {
        web_sys::console::error_2(&"fieldbase: the page is gone".into(), &e);
    }
}

async fn run(scope: DedicatedWorkerGlobalScope, mut rx: mpsc::UnboundedReceiver<ToWorker>) {
    let Some(ToWorker::Start(session)) = rx.next().await else {
        post(&scope, &FromWorker::Started(Err("not started".into())));
        return;
    };
    let store = match Store::open().await {
        Ok(store) => Rc::new(store),
        Err(e) => return post(&scope, &FromWorker::Started(Err(e.0))),
    };
    let publish = {
        let scope = scope.clone();
        let last: RefCell<Option<Rc<Vec<ClientSummary>>>> = RefCell::new(None);
        Callback::from(move |mut snapshot: Snapshot| {
            let clients = std::mem::take(&mut snapshot.clients);
            let changed = last.borrow().as_deref() != Some(&*clients);
            let list = changed.then(|| clients.as_ref().clone());
            *last.borrow_mut() = Some(clients);
            post(&scope, &FromWorker::Published(snapshot, list));
        })
    };
    let engine = match engine::start(store, session, publish).await {
        Ok(engine) => engine,
        Err(e) => return post(&scope, &FromWorker::Started(Err(e))),
    };
    post(&scope, &FromWorker::Started(Ok(())));
    while let Some(message) = rx.next().await {
        // Each command is queued on the engine in the order it came (a spawned task
        // sends before its first await, and tasks start in the order spawned).
        let (engine, scope) = (engine.clone(), scope.clone());
        match message {
            ToWorker::Start(_) => {}
            ToWorker::Edit(id, call) => wasm_bindgen_futures::spawn_local(async move {
                let result = engine.edit_erased(call).await;
                post(&scope, &FromWorker::Edited(id, result));
            }),
            ToWorker::Journal(id, intent) => wasm_bindgen_futures::spawn_local(async move {
                let result = engine.journal(intent).await;
                post(&scope, &FromWorker::Journaled(id, result));
            }),
            ToWorker::Query(id, call) => wasm_bindgen_futures::spawn_local(async move {
                let answer = engine.query_erased(call).await;
                post(&scope, &FromWorker::Answered(id, answer));
            }),
            ToWorker::Retry => engine.retry(),
            ToWorker::Relogin(id, session) => wasm_bindgen_futures::spawn_local(async move {
                let result = engine.relogin(session).await.map_err(|e| e.0);
                post(&scope, &FromWorker::Relogged(id, result));
            }),
            ToWorker::SignOut(id) => wasm_bindgen_futures::spawn_local(async move {
                engine.sign_out().await;
                post(&scope, &FromWorker::SignedOut(id));
            }),
        }
    }
}
