//! Fieldbase's client base as Automerge documents.
//!
//! The crate is pure: it performs no I/O and reads no clock or random source. Every
//! instant, actor id and document id is handed in by the caller, so the same code runs
//! natively (the sync server, tests) and in the browser (the PWA).
//!
//! * [`ClientBase`] holds one team's documents: the team index plus one document per
//!   client, and offers the domain operations (add, edit, archive, list).
//! * [`validate`] checks and normalises what a person typed.
//! * [`protocol`] encodes and decodes the automerge-repo websocket frames.
//! * [`SyncClient`] is a sans-IO client of that protocol: feed it frames, send what it
//!   returns.

pub mod base;
pub mod client;
pub mod error;
pub mod ids;
pub mod protocol;
pub mod sync_client;
pub mod validate;

pub use automerge;
pub use base::{Author, ClientBase, Edit, genesis_index};
pub use client::{Client, ClientDraft, ClientPatch, ClientStatus, ClientSummary};
pub use error::{Error, Field, Problem};
pub use ids::DocumentId;
pub use sync_client::{SyncClient, SyncEvent, SyncStatus};

/// A point in time as milliseconds since the Unix epoch (UTC).
pub type Millis = i64;
