//! samod's [`Storage`] over PostgreSQL: the same `chunks` table and key layout as the
//! SQLite backend ([`crate::storage`]), for several server instances over one database.
//!
//! Every statement commits on its own with `synchronous_commit = on`, so a put has
//! reached PostgreSQL's write-ahead log on disk when it returns; the write barrier
//! ([`crate::durability`]) holds outgoing frames until then. After a put that changed a
//! row commits, its key goes to a notifier task, which sends
//! `NOTIFY fieldbase_chunks, '<instance> <key> <key> …'` for everything queued: that is
//! how the other instances hear of the change ([`crate::cluster`]). Not in the put's own
//! transaction: PostgreSQL serializes the commits of all notifying transactions under one
//! lock, which would make every put wait for every other put's disk flush.
//!
//! As with SQLite, samod's storage trait is infallible: a failed operation is retried
//! with backoff (a dropped connection is replaced by the pool) and, when it keeps
//! failing, the process stops loudly with exit code 70.

use std::{collections::HashMap, str::FromStr, sync::Arc, time::Duration};

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use samod::storage::{Storage, StorageKey};
use tokio::sync::mpsc;
use tokio_postgres::NoTls;

use crate::{
    Error,
    durability::WriteBarrier,
    storage::{ATTEMPTS, fatal, key_text, parse_key},
};

/// The channel every instance LISTENs on for chunks the others wrote.
pub const CHANNEL: &str = "fieldbase_chunks";

/// The most connections one instance opens for storage.
const POOL_SIZE: usize = 8;

/// The longest notification payload we send (PostgreSQL's limit is 8000 bytes).
const PAYLOAD_BYTES: usize = 7000;

pub(crate) const SCHEMA: &str = r#"CREATE TABLE IF NOT EXISTS chunks (
    key TEXT COLLATE "C" PRIMARY KEY,
    data BYTEA NOT NULL
)"#;

/// Documents' chunks in the `chunks` table of a PostgreSQL database.
#[derive(Clone)]
pub struct PostgresStorage {
    pool: Pool,
    barrier: WriteBarrier,
    instance: Arc<str>,
    url: Arc<str>,
    notify: mpsc::UnboundedSender<String>,
}

/// One storage statement.
enum Op<'a> {
    Load(&'a str),
    LoadRange(&'a str),
    Put(&'a str, &'a [u8]),
    Delete(&'a str),
}

/// What a statement returned.
enum Out {
    One(Option<Vec<u8>>),
    Many(Vec<(String, Vec<u8>)>),
    Done,
}

/// The connection settings in `url` (a `postgres://` URL or `key=value` pairs), with
/// durable commits forced whatever the server's default.
pub fn pg_config(url: &str) -> Result<tokio_postgres::Config, Error> {
    let mut config = tokio_postgres::Config::from_str(url)
        .map_err(|e| Error::Postgres(format!("the PostgreSQL URL: {e}")))?;
    config.options("-c synchronous_commit=on");
    if config.get_application_name().is_none() {
        config.application_name("fieldbase-server");
    }
    Ok(config)
}

/// A pool of up to `size` connections to the database at `url` (none is opened yet).
pub(crate) fn pool(url: &str, size: usize) -> Result<Pool, Error> {
    let manager = Manager::from_config(
        pg_config(url)?,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(size)
        .build()
        .map_err(|e| Error::Postgres(format!("the connection pool: {e}")))
}

impl PostgresStorage {
    /// Connects to the database at `url`, creates the `chunks` table if needed, and
    /// registers every write with `barrier`. `instance` tags this server's
    /// notifications so that it can ignore its own.
    pub async fn connect(url: &str, barrier: WriteBarrier, instance: &str) -> Result<Self, Error> {
        let pool = pool(url, POOL_SIZE)?;
        let client = pool
            .get()
            .await
            .map_err(|e| Error::Postgres(format!("connecting: {e}")))?;
        client
            .batch_execute(SCHEMA)
            .await
            .map_err(|e| Error::Postgres(format!("creating the chunks table: {e}")))?;
        drop(client);
        let (notify, queue) = mpsc::unbounded_channel();
        tokio::spawn(notifier(pool.clone(), instance.to_string(), queue));
        tracing::info!(instance, "PostgreSQL storage ready");
        Ok(PostgresStorage {
            pool,
            barrier,
            instance: instance.into(),
            url: url.into(),
            notify,
        })
    }

    /// This instance's id, as written into its notifications.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// The connection string it was opened with.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Closes the pool's connections (after samod has flushed).
    pub fn close(&self) {
        self.pool.close();
    }

    async fn exec(&self, op: &Op<'_>) -> Result<Out, String> {
        let client = self.pool.get().await.map_err(|e| e.to_string())?;
        let pg = |e: tokio_postgres::Error| e.to_string();
        match *op {
            Op::Load(key) => {
                let stmt = client
                    .prepare_cached("SELECT data FROM chunks WHERE key = $1")
                    .await
                    .map_err(pg)?;
                let row = client.query_opt(&stmt, &[&key]).await.map_err(pg)?;
                Ok(Out::One(row.map(|r| r.get(0))))
            }
            Op::LoadRange(prefix) => {
                // The same one range scan of the primary key as in SQLite; the column's
                // "C" collation makes the comparison bytewise, so '/' < '0' holds.
                let stmt = client
                    .prepare_cached(
                        "SELECT key, data FROM chunks WHERE key >= $1 AND key < $1 || '0'",
                    )
                    .await
                    .map_err(pg)?;
                let rows = client.query(&stmt, &[&prefix]).await.map_err(pg)?;
                Ok(Out::Many(
                    rows.into_iter().map(|r| (r.get(0), r.get(1))).collect(),
                ))
            }
            Op::Put(key, data) => {
                // Rewriting a chunk with the bytes it already holds (an instance saving
                // changes it received from another) changes nothing and notifies no one.
                let stmt = client
                    .prepare_cached(
                        "INSERT INTO chunks (key, data) VALUES ($1, $2) \
                         ON CONFLICT (key) DO UPDATE SET data = excluded.data \
                         WHERE chunks.data IS DISTINCT FROM excluded.data",
                    )
                    .await
                    .map_err(pg)?;
                let changed = client.execute(&stmt, &[&key, &data]).await.map_err(pg)?;
                if changed > 0 {
                    let _ = self.notify.send(key.to_string());
                }
                Ok(Out::Done)
            }
            Op::Delete(key) => {
                let stmt = client
                    .prepare_cached("DELETE FROM chunks WHERE key = $1")
                    .await
                    .map_err(pg)?;
                client.execute(&stmt, &[&key]).await.map_err(pg)?;
                Ok(Out::Done)
            }
        }
    }

    /// Runs `op`, retrying failures; stops the process when it keeps failing.
    async fn run(&self, what: &'static str, key: &str, op: Op<'_>) -> Out {
        let mut delay = Duration::from_millis(20);
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            match self.exec(&op).await {
                Ok(out) => return out,
                Err(e) => {
                    tracing::warn!(what, key, attempt, error = %e, "storage operation failed; retrying");
                    last = e;
                }
            }
            tokio::time::sleep(delay).await;
            delay *= 2;
        }
        fatal(what, &last)
    }

    /// Loads one chunk (also used by [`crate::cluster`] for chunks other instances wrote).
    pub async fn load_key(&self, key: &StorageKey) -> Option<Vec<u8>> {
        let k = key_text(key);
        match self.run("load", &k, Op::Load(&k)).await {
            Out::One(v) => v,
            _ => None,
        }
    }
}

/// Sends a notification for every key queued, as many keys per notification as fit.
/// A notification that keeps failing is logged and dropped: it costs other instances'
/// reps liveness (they get the change on their next sync), never data.
async fn notifier(pool: Pool, instance: String, mut queue: mpsc::UnboundedReceiver<String>) {
    while let Some(first) = queue.recv().await {
        let mut payload = format!("{instance} {first}");
        let mut payloads = Vec::new();
        while let Ok(key) = queue.try_recv() {
            if payload.len() + 1 + key.len() > PAYLOAD_BYTES {
                payloads.push(std::mem::replace(&mut payload, format!("{instance} {key}")));
            } else {
                payload.push(' ');
                payload.push_str(&key);
            }
        }
        payloads.push(payload);
        let mut delay = Duration::from_millis(20);
        for attempt in 1..=ATTEMPTS {
            match send_notifications(&pool, &payloads).await {
                Ok(()) => break,
                Err(e) if attempt == ATTEMPTS => {
                    tracing::error!(error = %e, keys = payloads.len(), "notifying other instances failed; they get these changes on their reps' next sync");
                }
                Err(e) => {
                    tracing::warn!(error = %e, attempt, "notifying other instances failed; retrying");
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                }
            }
        }
    }
}

async fn send_notifications(pool: &Pool, payloads: &[String]) -> Result<(), String> {
    let client = pool.get().await.map_err(|e| e.to_string())?;
    let stmt = client
        .prepare_cached("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p")
        .await
        .map_err(|e| e.to_string())?;
    client
        .execute(&stmt, &[&CHANNEL, &payloads])
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

impl Storage for PostgresStorage {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        self.load_key(&key).await
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        let p = key_text(&prefix);
        let below = format!("{p}/");
        let rows = match self.run("load_range", &p, Op::LoadRange(&p)).await {
            Out::Many(rows) => rows,
            _ => Vec::new(),
        };
        rows.into_iter()
            .filter(|(k, _)| k.len() + 1 == below.len() || k.starts_with(&below))
            .filter_map(|(k, v)| parse_key(&k).map(|k| (k, v)))
            .collect()
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        // Numbered now, when samod issues the write, not when the future is first polled.
        let ticket = self.barrier.begin();
        let this = self.clone();
        async move {
            let k = key_text(&key);
            this.run("put", &k, Op::Put(&k, &data)).await;
            drop(ticket);
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let ticket = self.barrier.begin();
        let this = self.clone();
        async move {
            let k = key_text(&key);
            this.run("delete", &k, Op::Delete(&k)).await;
            drop(ticket);
        }
    }
}
