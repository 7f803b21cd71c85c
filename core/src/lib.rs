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

#[macro_use]
mod serde_text;

#[macro_use]
pub mod record;

pub mod base;
pub mod card;
pub mod client;
pub mod complaint;
pub mod contact;
pub mod contact_extra;
pub mod contract;
pub mod date;
pub mod deal;
mod docs;
pub mod entity;
mod entries;
pub mod error;
pub mod history;
pub mod ids;
pub mod interaction;
pub mod invoice;
#[cfg(feature = "js")]
pub mod js;
pub mod money;
pub mod order;
pub mod plan;
pub mod protocol;
pub mod report;
pub mod sample;
pub mod search;
pub mod sync_client;
pub mod task;
pub mod team;
pub mod today;
pub mod validate;
mod view;
pub mod views;

pub use automerge;
pub use base::{Author, ClientBase, Edit, TeamDoc, genesis_index};
pub use card::{
    Address, AddressKind, CardCollections, ClientDetails, Delegation, Need, Rating, Segment, Source,
};
pub use client::{Client, ClientDraft, ClientPatch, ClientStatus, ClientSummary};
pub use complaint::{Complaint, ComplaintStatus};
pub use contact::{Birthday, Channel, Contact, ContactDraft, ContactPatch};
pub use contact_extra::{ContactExtras, Messenger};
pub use contract::{Contract, ContractStatus};
pub use date::{Date, TimeOfDay};
pub use deal::{Deal, DealStage, OfferChannel};
pub use entity::{Entity, Item, TeamEntity};
pub use error::{Error, Field, Problem};
pub use history::HistoryEntry;
pub use ids::DocumentId;
pub use interaction::{
    Direction, Interaction, InteractionDraft, InteractionKind, NextStep, Outcome,
};
pub use invoice::{Invoice, Payment, Receivable};
pub use money::{Currency, Money};
pub use order::{Line, Order, OrderStatus, StockState};
pub use plan::{Manager, Role, Targets};
pub use record::Record;
pub use report::Totals;
pub use search::{SearchHit, SearchIndex};
pub use sync_client::{SyncClient, SyncEvent, SyncStatus};
pub use task::{Priority, Task, TaskDraft, TaskKind, TaskStatus};
pub use team::{CatalogItem, Competitor, Event, EventKind, Product};
pub use today::{
    DayPlan, FollowUp, PlannedTask, Today, UpcomingBirthday, UpcomingHoliday, WeekPlan,
};
pub use views::{SavedView, ViewSort};

/// A point in time as milliseconds since the Unix epoch (UTC).
pub type Millis = i64;
