//! The storage backend a test runs the server on, and a look into what it stored.

use std::path::Path;

use crate::{Error, PostgresCluster, ServerProcess};

/// SQLite in the server's data directory, or a throw-away PostgreSQL cluster.
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// `--postgres` pointing at this cluster.
    Postgres(PostgresCluster),
}

impl Backend {
    /// Both backends, PostgreSQL started (an error when it is not installed).
    pub fn both() -> Result<Vec<Backend>, Error> {
        Ok(vec![Backend::Sqlite, Backend::postgres()?])
    }

    /// A new throw-away PostgreSQL cluster.
    pub fn postgres() -> Result<Backend, Error> {
        PostgresCluster::start().map(Backend::Postgres)
    }

    /// `"sqlite"` or `"postgres"`.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// The `serve` flags selecting this backend.
    pub fn args(&self) -> Vec<String> {
        match self {
            Backend::Sqlite => Vec::new(),
            Backend::Postgres(pg) => vec!["--postgres".into(), pg.url()],
        }
    }

    /// Starts a server on this backend with extra `serve` flags.
    pub fn start_server(&self, extra: &[&str]) -> Result<ServerProcess, Error> {
        let args = self.args();
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend_from_slice(extra);
        ServerProcess::start_with(&all)
    }

    /// The stored keys under `prefix` (e.g. a document id), read from the database while
    /// the server runs.
    pub fn keys(&self, data: &Path, prefix: &str) -> Result<Vec<String>, Error> {
        let like = format!("{}/%", prefix.replace('%', "\\%").replace('_', "\\_"));
        match self {
            Backend::Sqlite => {
                let db = rusqlite::Connection::open_with_flags(
                    data.join("fieldbase.db"),
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
                )
                .map_err(|e| Error::Process(format!("opening the SQLite file: {e}")))?;
                let mut stmt = db
                    .prepare("SELECT key FROM chunks WHERE key LIKE ?1 ESCAPE '\\' ORDER BY key")
                    .map_err(|e| Error::Process(e.to_string()))?;
                let rows = stmt
                    .query_map([&like], |r| r.get::<_, String>(0))
                    .map_err(|e| Error::Process(e.to_string()))?;
                rows.collect::<Result<_, _>>()
                    .map_err(|e| Error::Process(e.to_string()))
            }
            Backend::Postgres(pg) => {
                let out = pg.psql(&format!(
                    "SELECT key FROM chunks WHERE key LIKE '{}' ORDER BY key",
                    like.replace('\'', "''")
                ))?;
                Ok(out.lines().map(str::to_string).collect())
            }
        }
    }
}
