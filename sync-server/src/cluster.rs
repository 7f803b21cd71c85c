//! Scale-out: several instances over one PostgreSQL database serve the same team.
//!
//! After every put of a chunk commits, the channel [`CHANNEL`] is notified with
//! `<instance> <key> …` ([`crate::pg_storage`]). Every instance LISTENs on it; for a notification from
//! another instance about a document this instance holds in memory, it loads that chunk
//! and applies it to its samod document, so the peers connected here are sent the change.
//! Documents not in memory are skipped: they load everything from the database when a
//! peer asks for them. The exception are documents unloaded for idleness while peers
//! connected here were syncing them: those are loaded again for the notification, so
//! these peers get the change live. After the listening connection drops, the instance
//! reconnects and reloads every document it holds, since notifications sent meanwhile are
//! lost.

use std::{
    collections::HashSet,
    str::FromStr,
    sync::{Arc, Mutex},
    time::Duration,
};

use futures::StreamExt;
use samod::{DocumentId, Repo, RepoEvent, RepoObserver, storage::StorageKey};
use tokio::{sync::mpsc, task::JoinHandle};
use tokio_postgres::{AsyncMessage, NoTls};

use crate::pg_storage::{CHANNEL, PostgresStorage, pg_config};

/// How long to wait for a document to be ready before giving up on a notification.
const FIND_TIMEOUT: Duration = Duration::from_secs(5);

/// The ids of the documents samod holds in memory, and of those it unloaded while peers
/// connected here were syncing them, kept by observing its events.
#[derive(Clone, Default)]
pub struct OpenDocs(Arc<Mutex<Docs>>);

#[derive(Default)]
struct Docs {
    open: HashSet<String>,
    /// Unloaded with peers syncing them (who may have disconnected since: then the next
    /// unload, with no peer syncing, removes the id).
    watched: HashSet<String>,
}

impl OpenDocs {
    fn lock(&self) -> std::sync::MutexGuard<'_, Docs> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether the document with this id (as samod spells it) is in memory.
    pub fn contains(&self, id: &str) -> bool {
        self.lock().open.contains(id)
    }

    /// Whether another instance's change to this document must be applied here: it is
    /// in memory, or peers connected here were syncing it when it was unloaded.
    pub fn wants(&self, id: &str) -> bool {
        let docs = self.lock();
        docs.open.contains(id) || docs.watched.contains(id)
    }

    fn all(&self) -> Vec<String> {
        self.lock().open.iter().cloned().collect()
    }
}

impl RepoObserver for OpenDocs {
    fn observe(&self, event: &RepoEvent) {
        match event {
            RepoEvent::DocumentOpened { document_id } => {
                let mut docs = self.lock();
                let id = document_id.to_string();
                docs.watched.remove(&id);
                docs.open.insert(id);
            }
            RepoEvent::DocumentUnloaded {
                document_id,
                peers_syncing,
            } => {
                let mut docs = self.lock();
                if *peers_syncing > 0 {
                    docs.watched.insert(document_id.to_string());
                } else {
                    docs.watched.remove(&document_id.to_string());
                }
            }
            RepoEvent::DocumentClosed { document_id } => {
                self.lock().open.remove(&document_id.to_string());
            }
            _ => {}
        }
    }
}

/// Two observers as one (samod takes one).
pub struct Observers<A, B>(pub A, pub B);

impl<A: RepoObserver, B: RepoObserver> RepoObserver for Observers<A, B> {
    fn observe(&self, event: &RepoEvent) {
        self.0.observe(event);
        self.1.observe(event);
    }
}

/// A random id for this server process, written into its notifications.
pub fn instance_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// The running listener; stopped with [`Listener::stop`].
pub struct Listener(JoinHandle<()>);

impl Listener {
    /// Starts listening for other instances' chunks in `storage`'s database.
    pub fn start(storage: PostgresStorage, repo: Repo, open: OpenDocs) -> Self {
        let url = storage.url().to_string();
        Listener(tokio::spawn(async move {
            let mut reconnect = false;
            loop {
                if let Err(e) = listen(&url, &storage, &repo, &open, reconnect).await {
                    tracing::warn!(error = %e, "listening for other instances' changes failed; reconnecting in 1 s");
                }
                reconnect = true;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }))
    }

    /// Stops listening.
    pub fn stop(self) {
        self.0.abort();
    }
}

/// One listening connection, until it fails. After a reconnect (`catch_up`), reloads
/// every open document first.
async fn listen(
    url: &str,
    storage: &PostgresStorage,
    repo: &Repo,
    open: &OpenDocs,
    catch_up: bool,
) -> Result<(), String> {
    let config = pg_config(url).map_err(|e| e.to_string())?;
    let (client, mut connection) = config.connect(NoTls).await.map_err(|e| e.to_string())?;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        let mut messages = futures::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(message) = messages.next().await {
            match message {
                Ok(AsyncMessage::Notification(n)) => {
                    if tx.send(n.payload().to_string()).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(e) => return e.to_string(),
            }
        }
        "the connection closed".to_string()
    });
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(
        instance = storage.instance(),
        "listening for other instances' changes"
    );
    if catch_up {
        for id in open.all() {
            let (storage, repo) = (storage.clone(), repo.clone());
            tokio::spawn(async move { reload(&storage, &repo, &id).await });
        }
    }
    while let Some(payload) = rx.recv().await {
        let mut words = payload.split(' ');
        if words.next() == Some(storage.instance()) {
            continue;
        }
        for key in words {
            let Some(doc) = key.split('/').next().filter(|d| open.wants(d)) else {
                continue;
            };
            let Ok(key) = StorageKey::from_parts(key.split('/')) else {
                continue;
            };
            let (doc, storage, repo) = (doc.to_string(), storage.clone(), repo.clone());
            tokio::spawn(async move {
                if let Some(chunk) = storage.load_key(&key).await {
                    apply(&repo, &doc, vec![chunk]).await;
                }
            });
        }
    }
    drop(client);
    Err(driver.await.unwrap_or_else(|e| e.to_string()))
}

/// Loads every chunk of a document and applies them.
async fn reload(storage: &PostgresStorage, repo: &Repo, doc: &str) {
    let Ok(prefix) = StorageKey::from_parts([doc]) else {
        return;
    };
    let chunks = samod::storage::Storage::load_range(storage, prefix).await;
    apply(repo, doc, chunks.into_values().collect()).await;
}

/// Applies chunks another instance wrote to our document (samod loads it from the
/// database first if it was unloaded); samod then syncs the new changes to the peers
/// connected here.
async fn apply(repo: &Repo, doc: &str, chunks: Vec<Vec<u8>>) {
    let Ok(id) = DocumentId::from_str(doc) else {
        return;
    };
    let handle = match tokio::time::timeout(FIND_TIMEOUT, repo.find(id)).await {
        Ok(Ok(Some(handle))) => handle,
        Ok(Ok(None)) | Err(_) => {
            tracing::debug!(
                doc,
                "a document in memory is not ready; its peers get the change on their next sync"
            );
            return;
        }
        Ok(Err(_)) => return,
    };
    let applied = handle
        .with_document_async(move |d| {
            let before = d.get_heads();
            for chunk in &chunks {
                if let Err(e) = d.load_incremental(chunk) {
                    tracing::warn!(error = %e, "a chunk from another instance does not load");
                }
            }
            before != d.get_heads()
        })
        .await;
    if let Ok(true) = applied {
        tracing::debug!(doc, "applied another instance's changes");
    }
}
