//! Fieldbase's client base as Automerge documents.
//!
//! The crate is pure: it performs no I/O and reads no clock or random source. Every
//! instant, actor id and document id is handed in by the caller, so the same code runs
//! natively (the sync server, tests) and in the browser (the PWA).
//!
//! * [`ClientBase`] holds one team's documents: the team index plus one document per
//!   client, and offers the domain operations (add, edit, archive, list).
//! * [`Contact`]s, the people at a client, live inside the client's document.
//! * [`Money`] is integer minor units in a [`Currency`], never floats.
//! * [`SearchIndex`] answers search as you type over the client summaries.
//! * [`validate`] checks and normalises what a person typed.
//! * [`protocol`] encodes and decodes the automerge-repo websocket frames.
//! * [`SyncClient`] is a sans-IO client of that protocol: feed it frames, send what it
//!   returns.

pub mod base;
pub mod client;
pub mod contact;
pub mod error;
pub mod ids;
pub mod money;
pub mod protocol;
pub mod search;
pub mod sync_client;
pub mod validate;

pub use automerge;
pub use base::{Author, ClientBase, Edit, genesis_index};
pub use client::{Client, ClientDraft, ClientPatch, ClientStatus, ClientSummary};
pub use contact::{Birthday, Channel, Contact, ContactDraft, ContactPatch};
pub use error::{Error, Field, Problem};
pub use ids::DocumentId;
pub use money::{Currency, Money};
pub use search::{SearchHit, SearchIndex};
pub use sync_client::{SyncClient, SyncEvent, SyncStatus};

/// A point in time as milliseconds since the Unix epoch (UTC).
pub type Millis = i64;
