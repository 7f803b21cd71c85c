//! The crate's one error type.

use std::fmt;

use crate::DocumentId;

/// A field of a client card, named in validation errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The client's display name.
    Name,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// The client's status.
    Status,
}

impl Field {
    /// A stable machine name (used as a translation key by the UI).
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Status => "status",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Name => "name",
            Field::Phone => "phone",
            Field::Email => "e-mail",
            Field::Status => "status",
        })
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value a person typed is not acceptable; nothing was written.
    #[error("invalid {field} {value:?}: {reason}")]
    Invalid {
        /// Which field.
        field: Field,
        /// The value as it was given.
        value: String,
        /// What is wrong with it, in plain words.
        reason: &'static str,
    },
    /// No client document with this id is known to this replica.
    #[error("no client with id {0}")]
    NoSuchClient(DocumentId),
    /// A document id that is not a base58check-encoded 16-byte id.
    #[error("invalid document id {0:?}")]
    BadDocumentId(String),
    /// A protocol frame that could not be decoded.
    #[error("malformed frame: {0}")]
    Frame(String),
    /// A sync message inside a frame that automerge rejected.
    #[error("bad sync message for document {doc}: {reason}")]
    SyncMessage {
        /// The document the message was for.
        doc: DocumentId,
        /// Automerge's reason.
        reason: String,
    },
    /// Automerge refused an operation (a corrupt document, for example).
    #[error("automerge: {0}")]
    Automerge(#[from] automerge::AutomergeError),
}
