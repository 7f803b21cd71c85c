//! The server's one error type.

/// Everything that can stop a server command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The SQLite database could not be opened or queried.
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// A file or socket operation failed.
    #[error("{what}: {source}")]
    Io {
        /// What we were doing.
        what: String,
        /// Why it failed.
        source: std::io::Error,
    },
    /// A user name that is not 1–64 of `a-z 0-9 . _ -`.
    #[error("invalid user name {0:?}: use 1 to 64 of a-z, 0-9, '.', '_' and '-'")]
    BadUsername(String),
    /// A password shorter than the minimum.
    #[error("the password must have at least 8 characters")]
    WeakPassword,
    /// The named rep does not exist.
    #[error("no rep named {0:?}")]
    NoSuchRep(String),
    /// Hashing a password failed.
    #[error("password hashing: {0}")]
    Hash(String),
    /// The sync engine stopped while we were using it.
    #[error("the sync engine stopped")]
    Stopped,
    /// The stored team index id is not a document id.
    #[error("corrupt team record: {0}")]
    Corrupt(String),
    /// PostgreSQL could not be reached or refused a statement at start.
    #[error("PostgreSQL: {0}")]
    Postgres(String),
    /// The configuration file is unreadable or holds a bad value.
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }
}
