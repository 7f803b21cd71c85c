//! The client card as the domain sees it, independent of its Automerge layout.

use std::{fmt, str::FromStr};

use crate::{
    Date, DocumentId, Error, Field,
    card::{ClientDetails, Rating, Segment, optional_short},
    error::Problem,
    validate,
};

// Snapshots of the index view (`view.rs`) keep these as their text.
serde_as_text!(ClientStatus);

/// Where a client stands with us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClientStatus {
    /// Known, not yet talked to.
    Prospect,
    /// Showed interest.
    Lead,
    /// Buys from us.
    Active,
    /// One of our key accounts.
    Key,
    /// Has not bought for a while.
    Dormant,
    /// Went elsewhere.
    Lost,
}

impl ClientStatus {
    /// Every status, in funnel order.
    pub const ALL: [ClientStatus; 6] = [
        ClientStatus::Prospect,
        ClientStatus::Lead,
        ClientStatus::Active,
        ClientStatus::Key,
        ClientStatus::Dormant,
        ClientStatus::Lost,
    ];

    /// The stored (and translation-key) name.
    pub fn key(self) -> &'static str {
        match self {
            ClientStatus::Prospect => "prospect",
            ClientStatus::Lead => "lead",
            ClientStatus::Active => "active",
            ClientStatus::Key => "key",
            ClientStatus::Dormant => "dormant",
            ClientStatus::Lost => "lost",
        }
    }
}

impl fmt::Display for ClientStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ClientStatus {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        ClientStatus::ALL
            .into_iter()
            .find(|st| st.key() == s)
            .ok_or_else(|| Error::Invalid {
                field: Field::Status,
                value: s.to_owned(),
                reason: Problem::UnknownStatus,
            })
    }
}

/// A full client card as read from its document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Client {
    /// The client's document id.
    pub id: DocumentId,
    /// Display name.
    pub name: String,
    /// Main phone, E.164, or empty.
    pub phone: String,
    /// Main e-mail, or empty.
    pub email: String,
    /// Status.
    pub status: ClientStatus,
    /// Why the client was lost (set when the status is lost).
    pub lost_reason: String,
    /// Archived clients are hidden from lists but never deleted.
    pub archived: bool,
}

/// The few fields lists and search need, as kept in the team index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClientSummary {
    /// The client's document id.
    pub id: DocumentId,
    /// Display name.
    pub name: String,
    /// Main phone, E.164, or empty.
    pub phone: String,
    /// Main e-mail, or empty.
    pub email: String,
    /// Status.
    pub status: ClientStatus,
    /// Archived clients are hidden from lists but never deleted.
    pub archived: bool,
    /// Segment.
    pub segment: Segment,
    /// The owning manager's login, or empty.
    pub owner: String,
    /// Reliability rating.
    pub rating: Rating,
    /// The next step, or empty.
    pub next_step: String,
    /// When the next step is due.
    pub next_step_date: Option<Date>,
    /// A key account restricted to its owner.
    pub restricted: bool,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// The event (exhibition) the client was met at, or empty (mirrored from the card's
    /// `source_event`, for the list's event filter).
    pub event: String,
}

impl From<ClientSummary> for Client {
    fn from(s: ClientSummary) -> Client {
        Client {
            id: s.id,
            name: s.name,
            phone: s.phone,
            email: s.email,
            status: s.status,
            lost_reason: String::new(),
            archived: s.archived,
        }
    }
}

/// What a person typed to create a client; validated by [`ClientDraft::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClientDraft {
    /// Display name (required).
    pub name: String,
    /// Phone as typed (optional).
    pub phone: String,
    /// E-mail as typed (optional).
    pub email: String,
    /// Status; a prospect when not given.
    pub status: Option<ClientStatus>,
    /// Why the client was lost (required when the status is lost).
    pub lost_reason: String,
    /// The rest of the card (owner: the author's rep when empty).
    pub details: ClientDetails,
}

impl ClientDraft {
    /// Checks every field and returns the normalised values; the first bad field is the
    /// error.
    pub fn validate(&self) -> Result<ClientPatch, Error> {
        let patch = ClientPatch {
            name: Some(validate::name(&self.name)?),
            phone: Some(validate::phone(&self.phone)?),
            email: Some(validate::email(&self.email)?),
            status: Some(self.status.unwrap_or(ClientStatus::Prospect)),
            lost_reason: Some(optional_short(Field::LostReason, &self.lost_reason)?),
        };
        patch.check_lost_reason("")?;
        Ok(patch)
    }
}

/// A change to some fields of a card; `None` leaves a field as it is. Only the fields
/// that are set are written, so concurrent edits of different fields both survive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClientPatch {
    /// New name.
    pub name: Option<String>,
    /// New phone.
    pub phone: Option<String>,
    /// New e-mail.
    pub email: Option<String>,
    /// New status.
    pub status: Option<ClientStatus>,
    /// New reason for losing the client (required to set the status to lost, unless
    /// the card has one).
    pub lost_reason: Option<String>,
}

impl ClientPatch {
    /// Validates and normalises every set field.
    pub fn validated(&self) -> Result<ClientPatch, Error> {
        Ok(ClientPatch {
            name: self.name.as_deref().map(validate::name).transpose()?,
            phone: self.phone.as_deref().map(validate::phone).transpose()?,
            email: self.email.as_deref().map(validate::email).transpose()?,
            status: self.status,
            lost_reason: self
                .lost_reason
                .as_deref()
                .map(|r| optional_short(Field::LostReason, r))
                .transpose()?,
        })
    }

    /// A lost client needs a reason: in this patch, or already on the card (`stored`).
    pub(crate) fn check_lost_reason(&self, stored: &str) -> Result<(), Error> {
        let reason = self.lost_reason.as_deref().unwrap_or(stored);
        if self.status == Some(ClientStatus::Lost) && reason.is_empty() {
            return Err(Error::Invalid {
                field: Field::LostReason,
                value: String::new(),
                reason: Problem::ReasonRequired,
            });
        }
        Ok(())
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.phone.is_none()
            && self.email.is_none()
            && self.status.is_none()
            && self.lost_reason.is_none()
    }
}
