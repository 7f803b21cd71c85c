//! samod's [`Storage`] over one SQLite file (WAL, `synchronous = FULL`).
//!
//! samod's storage trait is infallible, so a failed operation is retried with backoff
//! and, if it still fails, the process stops loudly (exit code 70): a change is never
//! dropped while the server carries on as if it were stored.

use std::{
    collections::HashMap,
    path::Path,
    sync::{Arc, Mutex},
    time::Duration,
};

use rusqlite::{Connection, OptionalExtension, params};
use samod::storage::{Storage, StorageKey};

use crate::{Error, durability::WriteBarrier};

/// How often a failing storage operation is tried before the server stops.
pub(crate) const ATTEMPTS: u32 = 6;

/// Documents' chunks in the `chunks` table of the server's SQLite database.
#[derive(Clone)]
pub struct SqliteStorage {
    conn: Arc<Mutex<Connection>>,
    barrier: WriteBarrier,
}

/// Opens (creating if needed) a SQLite database with the settings every connection of
/// ours uses: WAL journal, full synchronous commits, a busy timeout.
pub fn open_db(path: &Path) -> Result<Connection, Error> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

pub(crate) fn key_text(key: &StorageKey) -> String {
    // Components never contain '/', so joining with it is unambiguous.
    key.to_string()
}

pub(crate) fn parse_key(text: &str) -> Option<StorageKey> {
    StorageKey::from_parts(text.split('/')).ok()
}

impl SqliteStorage {
    /// Opens the chunk store in the database at `path`.
    pub fn open(path: &Path) -> Result<Self, Error> {
        Self::open_with(path, WriteBarrier::default())
    }

    /// Opens the chunk store, registering every write with `barrier`.
    pub fn open_with(path: &Path, barrier: WriteBarrier) -> Result<Self, Error> {
        let conn = open_db(path)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS chunks (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;",
        )?;
        Ok(SqliteStorage {
            conn: Arc::new(Mutex::new(conn)),
            barrier,
        })
    }

    /// Runs `op` on the connection on a blocking thread, retrying failures; stops the
    /// process when it keeps failing.
    async fn run<T, F>(&self, what: &'static str, key: String, op: F) -> T
    where
        T: Send + 'static,
        F: Fn(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let conn = self.conn.clone();
        let result = tokio::task::spawn_blocking(move || {
            let mut delay = Duration::from_millis(20);
            let mut last = None;
            for attempt in 1..=ATTEMPTS {
                let guard = conn.lock().unwrap_or_else(|p| p.into_inner());
                match op(&guard) {
                    Ok(v) => return Ok(v),
                    Err(e) => {
                        tracing::warn!(what, key, attempt, error = %e, "storage operation failed; retrying");
                        last = Some(e);
                    }
                }
                drop(guard);
                std::thread::sleep(delay);
                delay *= 2;
            }
            Err(last.expect("at least one attempt ran"))
        })
        .await;
        match result {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => fatal(what, &e.to_string()),
            Err(join) => fatal(what, &join.to_string()),
        }
    }
}

/// Stops the process: storage is broken and carrying on would lose data.
pub(crate) fn fatal(what: &str, error: &str) -> ! {
    tracing::error!(
        what,
        error,
        "storage failed after retries; stopping the server"
    );
    eprintln!("fieldbase-server: FATAL: storage {what} failed after {ATTEMPTS} attempts: {error}");
    std::process::exit(70)
}

impl Storage for SqliteStorage {
    async fn load(&self, key: StorageKey) -> Option<Vec<u8>> {
        let k = key_text(&key);
        self.run("load", k.clone(), move |c| {
            c.query_row("SELECT data FROM chunks WHERE key = ?1", [&k], |r| r.get(0))
                .optional()
        })
        .await
    }

    async fn load_range(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        let p = key_text(&prefix);
        let below = format!("{p}/");
        let rows: Vec<(String, Vec<u8>)> = self
            .run("load_range", p.clone(), move |c| {
                // One range scan of the primary key: [p, p + "0") holds p itself, every
                // key below it (p + "/" …), and keys like p + "-x" that the filter below
                // drops. (An OR of the two conditions would scan the whole table.)
                let mut stmt = c.prepare_cached(
                    "SELECT key, data FROM chunks WHERE key >= ?1 AND key < ?1 || '0'",
                )?;
                let rows = stmt.query_map([&p], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect()
            })
            .await;
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
            this.put_now(key, data).await;
            drop(ticket);
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let ticket = self.barrier.begin();
        let this = self.clone();
        async move {
            this.delete_now(key).await;
            drop(ticket);
        }
    }
}

impl SqliteStorage {
    async fn put_now(&self, key: StorageKey, data: Vec<u8>) {
        let k = key_text(&key);
        self.run("put", k.clone(), move |c| {
            c.execute(
                "INSERT INTO chunks (key, data) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET data = excluded.data",
                params![k, data],
            )
            .map(|_| ())
        })
        .await
    }

    async fn delete_now(&self, key: StorageKey) {
        let k = key_text(&key);
        self.run("delete", k.clone(), move |c| {
            c.execute("DELETE FROM chunks WHERE key = ?1", [&k])
                .map(|_| ())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(parts: &[&str]) -> StorageKey {
        StorageKey::from_parts(parts.iter().copied()).unwrap()
    }

    #[tokio::test]
    async fn put_load_range_delete_and_reopen() {
        let dir = std::env::temp_dir().join(format!("fb-storage-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        let s = SqliteStorage::open(&path).unwrap();
        s.put(key(&["doc1", "incremental", "a"]), vec![1]).await;
        s.put(key(&["doc1", "snapshot", "b"]), vec![2]).await;
        s.put(key(&["doc10", "snapshot", "c"]), vec![3]).await;
        s.put(key(&["doc1-x", "snapshot", "d"]), vec![5]).await;
        s.put(key(&["doc1", "incremental", "a"]), vec![4]).await;
        let range = s.load_range(key(&["doc1"])).await;
        assert_eq!(
            range.len(),
            2,
            "doc10 and doc1-x are not under doc1: {range:?}"
        );
        assert_eq!(range[&key(&["doc1", "incremental", "a"])], vec![4]);
        s.delete(key(&["doc1", "snapshot", "b"])).await;
        drop(s);
        let s = SqliteStorage::open(&path).unwrap();
        assert_eq!(s.load(key(&["doc1", "snapshot", "b"])).await, None);
        assert_eq!(
            s.load(key(&["doc10", "snapshot", "c"])).await,
            Some(vec![3])
        );
        assert_eq!(s.load_range(key(&["doc1", "incremental"])).await.len(), 1);
    }
}
