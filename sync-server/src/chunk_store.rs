//! The storage backend a server runs on: SQLite (embedded, the default) or PostgreSQL
//! (`serve --postgres <url>`). One type for samod, so the rest of the server does not
//! care which.

use std::{collections::HashMap, path::Path};

use futures::future::Either;
use samod::{
    Repo,
    storage::{Storage, StorageKey},
};

use crate::{
    Error,
    cluster::{Listener, OpenDocs},
    durability::WriteBarrier,
    pg_storage::PostgresStorage,
    storage::SqliteStorage,
};

/// Where documents' chunks are kept.
#[derive(Clone)]
pub enum ChunkStore {
    /// One SQLite file in the data directory.
    Sqlite(SqliteStorage),
    /// A PostgreSQL database, possibly shared by several instances.
    Postgres(PostgresStorage),
}

impl ChunkStore {
    /// `"sqlite"` or `"postgres"`, for logs.
    pub fn kind(&self) -> &'static str {
        match self {
            ChunkStore::Sqlite(_) => "sqlite",
            ChunkStore::Postgres(_) => "postgres",
        }
    }
}

impl Storage for ChunkStore {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        match self {
            ChunkStore::Sqlite(s) => s.load(key).await,
            ChunkStore::Postgres(s) => s.load(key).await,
        }
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        match self {
            ChunkStore::Sqlite(s) => s.load_range(prefix).await,
            ChunkStore::Postgres(s) => s.load_range(prefix).await,
        }
    }

    // put and delete call the backend at once (not inside an async block): each numbers
    // its write for the barrier when samod issues it.
    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        match self {
            ChunkStore::Sqlite(s) => Either::Left(s.put(key, data)),
            ChunkStore::Postgres(s) => Either::Right(s.put(key, data)),
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        match self {
            ChunkStore::Sqlite(s) => Either::Left(s.delete(key)),
            ChunkStore::Postgres(s) => Either::Right(s.delete(key)),
        }
    }
}

impl ChunkStore {
    /// Opens PostgreSQL at `postgres` when given, else the SQLite database at `db`;
    /// every write is registered with `barrier`, and `instance` names this process in
    /// PostgreSQL notifications.
    pub async fn open(
        postgres: Option<&str>,
        db: &Path,
        barrier: WriteBarrier,
        instance: &str,
    ) -> Result<Self, Error> {
        let store = match postgres {
            Some(url) => {
                ChunkStore::Postgres(PostgresStorage::connect(url, barrier, instance).await?)
            }
            None => ChunkStore::Sqlite(SqliteStorage::open_with(db, barrier)?),
        };
        tracing::info!(backend = store.kind(), "storage open");
        Ok(store)
    }

    /// On PostgreSQL, starts applying other instances' changes to `repo`'s documents.
    pub fn listen(&self, repo: &Repo, open: OpenDocs) -> Option<Listener> {
        match self {
            ChunkStore::Sqlite(_) => None,
            ChunkStore::Postgres(pg) => Some(Listener::start(pg.clone(), repo.clone(), open)),
        }
    }

    /// After samod has flushed: stops the listener and closes the connections.
    pub fn close(&self, listener: Option<Listener>) {
        if let Some(l) = listener {
            l.stop();
        }
        if let ChunkStore::Postgres(pg) = self {
            pg.close();
        }
    }
}
