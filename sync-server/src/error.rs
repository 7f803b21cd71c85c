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
    /// A rep with this name exists already.
    #[error("a rep named {0:?} exists already")]
    RepExists(String),
    /// The named team does not exist.
    #[error("no team named {0:?}")]
    NoSuchTeam(String),
    /// A team with this name exists already.
    #[error("a team named {0:?} exists already")]
    TeamExists(String),
    /// An empty or overlong team name.
    #[error("invalid team name {0:?}: use 1 to 100 characters")]
    BadTeamName(String),
    /// A role other than `rep`, `key_account_manager`, `head`.
    #[error("unknown role {0:?}: use rep, key_account_manager or head")]
    BadRole(String),
    /// Two reps that must share a team do not.
    #[error("{0:?} and {1:?} are in different teams")]
    DifferentTeams(String, String),
    /// A hand-over from a rep to himself.
    #[error("{0:?} cannot hand his clients over to himself")]
    SelfHandover(String),
    /// A period whose end is not after its start.
    #[error("the end must be after the start")]
    BadPeriod,
    /// A date or instant that is neither RFC 3339 nor `YYYY-MM-DD`.
    #[error("invalid date {0:?}: use YYYY-MM-DD or RFC 3339 (2026-12-01T08:00:00Z)")]
    BadDate(String),
    /// The rep was revoked.
    #[error("{0:?} is revoked")]
    Revoked(String),
    /// Not a document id.
    #[error("invalid document id {0:?}")]
    BadDocumentId(String),
    /// The document id is not a registered client document.
    #[error("no client document {0:?} is registered")]
    NoSuchDocument(String),
    /// The document id belongs to a team, a plan, an index or a book.
    #[error("{0:?} is a team document, not a client")]
    NotAClient(String),
    /// Someone else registered this client, or the caller may not change it.
    #[error("client {0:?} belongs to someone else")]
    NotYours(String),
    /// The file is not a Fieldbase database.
    #[error("{0} is not a Fieldbase database: {1}")]
    NotFieldbase(String, String),
    /// A server is running on the data directory.
    #[error("a server is running on {0}: stop it first, or pass --force")]
    ServerRunning(String),
    /// Restore would overwrite existing data.
    #[error("{0} already holds data: pass --force to replace it")]
    WouldOverwrite(String),
    /// `restore` into a PostgreSQL database that holds data.
    #[error(
        "the PostgreSQL database already holds data: restore into an empty database (create a new one, or drop and recreate it)"
    )]
    NotEmpty,
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

impl From<tokio_postgres::Error> for Error {
    fn from(e: tokio_postgres::Error) -> Self {
        // A database error's own message says what went wrong ("db error" alone does not).
        match e.as_db_error() {
            Some(db) => Error::Postgres(format!("{}: {}", db.code().code(), db.message())),
            None => Error::Postgres(with_causes(&e)),
        }
    }
}

impl From<deadpool_postgres::PoolError> for Error {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        match e {
            deadpool_postgres::PoolError::Backend(e) => {
                Error::Postgres(format!("connecting: {}", with_causes(&e)))
            }
            other => Error::Postgres(format!("connecting: {other}")),
        }
    }
}

/// An error and its causes, `: `-separated ("error connecting to server: Connection
/// refused (os error 111)").
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
        let what = what.into();
        move |source| Error::Io { what, source }
    }
}
