//! Fieldbase's client base as Automerge documents.
//!
//! The crate is pure: it performs no I/O and reads no clock or random source. Every
//! instant, actor id and document id is handed in by the caller, so the same code runs
//! natively (the sync server, tests) and in the browser (the PWA).
//!
//! * [`ClientBase`] holds one team's documents: the team index plus one document per
//!   client, and offers the domain operations (add, edit, archive, list).
//! * [`Contact`]s, the people at a client, live inside the client's document.
//! * [`Interaction`]s (the client's timeline) and [`Task`]s live inside the client's
//!   document; tasks are mirrored in the index so [`ClientBase::today`] and
//!   [`ClientBase::week_plan`] read the index alone. [`Date`]s are calendar dates.
//! * [`Money`] is integer minor units in a [`Currency`], never floats.
//! * [`SearchIndex`] answers search as you type over the client summaries.
//! * [`validate`] checks and normalises what a person typed.
//! * [`protocol`] encodes and decodes the automerge-repo websocket frames.
//! * [`SyncClient`] is a sans-IO client of that protocol: feed it frames, send what it
//!   returns.

#[macro_use]
mod keyed;

pub mod base;
pub mod client;
pub mod contact;
pub mod date;
mod entries;
pub mod error;
pub mod ids;
pub mod interaction;
pub mod money;
pub mod protocol;
pub mod search;
pub mod sync_client;
pub mod task;
pub mod today;
pub mod validate;

pub use automerge;
pub use base::{Author, ClientBase, Edit, genesis_index};
pub use client::{Client, ClientDraft, ClientPatch, ClientStatus, ClientSummary};
pub use contact::{Birthday, Channel, Contact, ContactDraft, ContactPatch};
pub use date::{Date, TimeOfDay};
pub use error::{Error, Field, Problem};
pub use ids::DocumentId;
pub use interaction::{
    Direction, Interaction, InteractionDraft, InteractionKind, NextStep, Outcome,
};
pub use money::{Currency, Money};
pub use search::{SearchHit, SearchIndex};
pub use sync_client::{SyncClient, SyncEvent, SyncStatus};
pub use task::{Priority, Task, TaskDraft, TaskKind, TaskStatus};
pub use today::{DayPlan, PlannedTask, Today, UpcomingBirthday, WeekPlan};

/// A point in time as milliseconds since the Unix epoch (UTC).
pub type Millis = i64;
