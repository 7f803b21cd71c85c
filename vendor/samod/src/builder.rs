use std::sync::Arc;

use samod_core::{PeerId, ShareConfig};

use crate::{
    Repo,
    observer::RepoObserver,
    runtime::{LocalRuntimeHandle, RuntimeHandle},
    share_policy::{LocalSharePolicy, SharePolicy},
    storage::{InMemoryStorage, LocalStorage, Storage},
};

/// How to run concurrent documents
///
/// See the [concurrency section](./index.html#concurrency) of the module level
/// documentation
pub enum ConcurrencyConfig {
    /// Run each document in a separate task on the async runtime
    AsyncRuntime,
    /// Run each document on a rayon threadpool
    #[cfg(feature = "threadpool")]
    Threadpool(rayon::ThreadPool),
}

/// A struct for configuring a [`Repo`](crate::Repo)
///
/// ## `Send` and non-`Send` futures
///
/// Once you've finished configuring the builder, you call either [`load`](Self::load) or
/// [`load_local`](Self::load_local) to create a [`Repo`]. The difference between the two is that
/// [`load`](Self::load) is only available for runtimes which implement `RuntimeHandle` and
/// thus require `Send` futures (such as tokio). [`load_local`](Self::load_local) on the other
/// hand works with runtimes that implement [`LocalRuntimeHandle`] and thus does
/// not require [`Send`] futures. If you want to use
/// [`load_local`](Self::load_local) you need to configure the storage and
/// share policy implementations to be implementations of [`LocalStorage`]
/// and [`LocalSharePolicy`] respectively. See the [module level
/// documentation on runtimes](./index.html#runtimes) for more details.
pub struct RepoBuilder<S, R, A> {
    pub(crate) storage: S,
    pub(crate) runtime: R,
    pub(crate) share_policy: A,
    pub(crate) peer_id: Option<PeerId>,
    pub(crate) concurrency: ConcurrencyConfig,
    pub(crate) observer: Option<Arc<dyn RepoObserver>>,
    pub(crate) unload_idle_after: Option<std::time::Duration>,
    pub(crate) documents_on_request: bool,
}

impl<S, R, A> RepoBuilder<S, R, A> {
    pub fn with_storage<S2>(self, storage: S2) -> RepoBuilder<S2, R, A> {
        RepoBuilder {
            storage,
            peer_id: self.peer_id,
            runtime: self.runtime,
            share_policy: self.share_policy,
            concurrency: self.concurrency,
            observer: self.observer,
            unload_idle_after: self.unload_idle_after,
            documents_on_request: self.documents_on_request,
        }
    }

    pub fn with_runtime<R2>(self, runtime: R2) -> RepoBuilder<S, R2, A> {
        RepoBuilder {
            runtime,
            peer_id: self.peer_id,
            storage: self.storage,
            share_policy: self.share_policy,
            concurrency: self.concurrency,
            observer: self.observer,
            unload_idle_after: self.unload_idle_after,
            documents_on_request: self.documents_on_request,
        }
    }

    pub fn with_peer_id(mut self, peer_id: PeerId) -> Self {
        self.peer_id = Some(peer_id);
        self
    }

    /// Configure document access and announcements for each remote peer.
    /// Defaults to read-write access with announcements enabled.
    pub fn with_share_policy<A2>(self, share_policy: A2) -> RepoBuilder<S, R, A2> {
        RepoBuilder {
            runtime: self.runtime,
            peer_id: self.peer_id,
            storage: self.storage,
            share_policy,
            concurrency: self.concurrency,
            observer: self.observer,
            unload_idle_after: self.unload_idle_after,
            documents_on_request: self.documents_on_request,
        }
    }

    /// Configure how the repository should process concurrent documents
    ///
    /// See the [concurrency section](./index.html#concurrency) of the module level
    /// documentation
    pub fn with_concurrency(mut self, concurrency: ConcurrencyConfig) -> Self {
        self.concurrency = concurrency;
        self
    }

    /// Fieldbase patch: drop documents from memory once they have been idle for
    /// `idle_for` (default: never).
    ///
    /// A document is unloaded when nothing has happened to it for `idle_for`, all its
    /// storage operations have completed, no sync with any peer is under way, no
    /// share-policy check is pending, and nothing outside the repo holds it (no
    /// [`DocHandle`](crate::DocHandle) or `Repo::search` stream; streams obtained from a
    /// handle end when it unloads). [`RepoEvent::DocumentClosed`](crate::RepoEvent) is
    /// observed. A later request for it, from a peer or [`Repo::find`](crate::Repo::find),
    /// loads it from storage again; the peers that had been syncing it are synced with
    /// again at once, as if they had requested it. Only the default async runner unloads
    /// (not `ConcurrencyConfig::Threadpool`).
    pub fn with_unload_idle_after(mut self, idle_for: std::time::Duration) -> Self {
        self.unload_idle_after = Some(idle_for);
        self
    }

    /// Fieldbase patch 8: sync a document with a peer only once that peer has asked for
    /// it (sent a request or a sync message for it), instead of offering every
    /// connection every document (default: off, samod's behaviour).
    ///
    /// For a server whose share policy never announces, this changes no answer a peer
    /// gets, and removes the work samod does per (document, connection) pair: with
    /// 1,000 connections and 200 documents, 200,000 share-policy subscriptions and peer
    /// states. Documents are never announced, whatever the share policy says, and a
    /// [`Repo::find`](crate::Repo::find) for a document not in storage does not ask the
    /// connected peers.
    pub fn with_documents_on_request(mut self) -> Self {
        self.documents_on_request = true;
        self
    }

    /// Set an observer for receiving structured observability events.
    pub fn with_observer(mut self, observer: impl RepoObserver) -> Self {
        self.observer = Some(Arc::new(observer));
        self
    }
}

impl<R> RepoBuilder<InMemoryStorage, R, ShareConfig> {
    pub fn new(runtime: R) -> RepoBuilder<InMemoryStorage, R, ShareConfig> {
        RepoBuilder {
            storage: InMemoryStorage::new(),
            runtime,
            peer_id: None,
            share_policy: ShareConfig::default(),
            concurrency: ConcurrencyConfig::AsyncRuntime,
            observer: None,
            unload_idle_after: None,
            documents_on_request: false,
        }
    }
}

impl<S: Storage, R: RuntimeHandle + Clone + Send, A: SharePolicy> RepoBuilder<S, R, A> {
    /// Create the repository
    pub async fn load(self) -> Repo {
        Repo::load(self).await
    }
}

impl<S: LocalStorage, R: LocalRuntimeHandle + Clone + 'static, A: LocalSharePolicy>
    RepoBuilder<S, R, A>
{
    /// Create the repository
    pub async fn load_local(self) -> Repo {
        Repo::load_local(self).await
    }
}
