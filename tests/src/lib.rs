//! Helpers for Fieldbase's end-to-end tests: start the real server binary on a free
//! port of 127.0.0.1, log in over HTTP, and run native replicas that sync with the very
//! sans-IO client the browser uses ([`fieldbase_core::SyncClient`]) over a real
//! websocket.

pub mod backend;
pub mod js;
pub mod live;
pub mod postgres;
pub mod raw;
pub mod replica;
pub mod seed;
pub mod server;

pub use backend::Backend;
pub use live::LiveSession;
pub use postgres::PostgresCluster;
pub use raw::{RawPeer, Ws};
pub use replica::{Ended, NativeReplica, SyncReport};
pub use server::{Login, ServerProcess, workspace_root};

impl From<tokio_tungstenite::tungstenite::Error> for Error {
    fn from(e: tokio_tungstenite::tungstenite::Error) -> Self {
        Error::Ws(Box::new(e))
    }
}

/// What can go wrong in a test helper.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Starting, stopping or talking to a process failed.
    #[error("{0}")]
    Process(String),
    /// An HTTP call failed.
    #[error("http: {0}")]
    Http(String),
    /// The websocket failed.
    #[error("websocket: {0}")]
    Ws(Box<tokio_tungstenite::tungstenite::Error>),
    /// The core rejected something.
    #[error(transparent)]
    Core(#[from] fieldbase_core::Error),
    /// Sync did not finish in time.
    #[error("timed out: {0}")]
    Timeout(String),
}
