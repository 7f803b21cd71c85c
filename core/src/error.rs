//! The crate's one error type.

use std::fmt;

use crate::DocumentId;

/// A field of a client card, named in validation errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// The client's display name.
    Name,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// The client's status.
    Status,
    /// A contact's position (job title).
    Position,
    /// A contact's role in our dealings.
    Role,
    /// A contact's birthday.
    Birthday,
    /// A contact's preferred channel.
    Channel,
    /// A contact's language.
    Language,
    /// A currency code.
    Currency,
    /// An amount of money.
    Amount,
    /// A calendar date (a due date).
    Date,
    /// A time of day.
    Time,
    /// An IANA time-zone name.
    TimeZone,
    /// A duration.
    Duration,
    /// The summary of an interaction.
    Summary,
    /// The note of a task or a next step.
    Note,
    /// The rep who made an interaction or is assigned a task.
    Rep,
    /// The registered (legal) name.
    LegalName,
    /// A registration or tax id.
    TaxId,
    /// The client's industry.
    Industry,
    /// A web site.
    Website,
    /// A price type (price-list column).
    PriceType,
    /// A discount.
    Discount,
    /// Payment terms in days.
    PaymentDays,
    /// A credit limit.
    CreditLimit,
    /// The next step.
    NextStep,
    /// Why a client or deal was lost.
    LostReason,
    /// A tag.
    Tag,
    /// A competitor's name.
    Competitor,
    /// A country code.
    Country,
    /// A street address.
    Street,
    /// A city.
    City,
    /// A postal code.
    Postcode,
    /// How much a client buys.
    Volume,
    /// The client's notes.
    Notes,
    /// The title of a deal.
    Title,
    /// A probability in percent.
    Probability,
    /// A contract, order or invoice number.
    Number,
    /// Why an order was returned or refused.
    Reason,
    /// A product.
    Product,
    /// A quantity.
    Quantity,
    /// What a complaint is about.
    Subject,
    /// How a complaint was resolved.
    Resolution,
    /// Where an event takes place.
    Place,
    /// A unit of measure.
    Unit,
    /// A messenger handle.
    Messenger,
    /// The name of a professional holiday.
    Holiday,
}

impl Field {
    /// A stable machine name (used as a translation key by the UI).
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Status => "status",
            Field::Position => "position",
            Field::Role => "role",
            Field::Birthday => "birthday",
            Field::Channel => "channel",
            Field::Language => "language",
            Field::Currency => "currency",
            Field::Amount => "amount",
            Field::Date => "date",
            Field::Time => "time",
            Field::TimeZone => "time-zone",
            Field::Duration => "duration",
            Field::Summary => "summary",
            Field::Note => "note",
            Field::Rep => "rep",
            Field::LegalName => "legal-name",
            Field::TaxId => "tax-id",
            Field::Industry => "industry",
            Field::Website => "website",
            Field::PriceType => "price-type",
            Field::Discount => "discount",
            Field::PaymentDays => "payment-days",
            Field::CreditLimit => "credit-limit",
            Field::NextStep => "next-step",
            Field::LostReason => "lost-reason",
            Field::Tag => "tag",
            Field::Competitor => "competitor",
            Field::Country => "country",
            Field::Street => "street",
            Field::City => "city",
            Field::Postcode => "postcode",
            Field::Volume => "volume",
            Field::Notes => "notes",
            Field::Title => "title",
            Field::Probability => "probability",
            Field::Number => "number",
            Field::Reason => "reason",
            Field::Product => "product",
            Field::Quantity => "quantity",
            Field::Subject => "subject",
            Field::Resolution => "resolution",
            Field::Place => "place",
            Field::Unit => "unit",
            Field::Messenger => "messenger",
            Field::Holiday => "holiday",
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
            Field::Position => "position",
            Field::Role => "role",
            Field::Birthday => "birthday",
            Field::Channel => "preferred channel",
            Field::Language => "language",
            Field::Currency => "currency",
            Field::Amount => "amount",
            Field::Date => "date",
            Field::Time => "time of day",
            Field::TimeZone => "time zone",
            Field::Duration => "duration",
            Field::Summary => "summary",
            Field::Note => "note",
            Field::Rep => "rep",
            Field::LegalName => "legal name",
            Field::TaxId => "tax id",
            Field::Industry => "industry",
            Field::Website => "web site",
            Field::PriceType => "price type",
            Field::Discount => "discount",
            Field::PaymentDays => "payment terms",
            Field::CreditLimit => "credit limit",
            Field::NextStep => "next step",
            Field::LostReason => "reason for losing",
            Field::Tag => "tag",
            Field::Competitor => "competitor",
            Field::Country => "country",
            Field::Street => "street",
            Field::City => "city",
            Field::Postcode => "postal code",
            Field::Volume => "volume",
            Field::Notes => "notes",
            Field::Title => "title",
            Field::Probability => "probability",
            Field::Number => "number",
            Field::Reason => "reason",
            Field::Product => "product",
            Field::Quantity => "quantity",
            Field::Subject => "subject",
            Field::Resolution => "resolution",
            Field::Place => "place",
            Field::Unit => "unit",
            Field::Messenger => "messenger",
            Field::Holiday => "holiday",
        })
    }
}

/// What is wrong with a value; `Display` gives the English words, [`Problem::key`] a
/// stable key for translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// Required and empty.
    Empty,
    /// Longer than allowed.
    TooLong,
    /// Holds control characters.
    ControlChars,
    /// A phone with characters other than digits and separators.
    PhoneChars,
    /// A phone without its country code.
    PhoneCountry,
    /// A phone whose country code starts with 0.
    PhoneZero,
    /// A phone with too few or too many digits.
    PhoneLength,
    /// An e-mail without `@`.
    EmailNoAt,
    /// An e-mail whose part before `@` is empty or too long.
    EmailLocalLength,
    /// An e-mail with a space or a second `@` before the `@`.
    EmailLocalChars,
    /// An e-mail with a misplaced dot before the `@`.
    EmailDot,
    /// An e-mail whose domain has no dot.
    EmailDomainDot,
    /// An e-mail with an invalid domain.
    EmailDomain,
    /// A status that is not one of the known ones.
    UnknownStatus,
    /// A date that is not `MM-DD` or `YYYY-MM-DD`, or not a day of the calendar.
    BadDate,
    /// A currency code that is not three upper-case letters A–Z.
    BadCurrency,
    /// An amount that is not a number with at most the currency's decimals.
    BadAmount,
    /// Two amounts in different currencies.
    CurrencyMismatch,
    /// An amount too large to hold.
    AmountOverflow,
    /// A preferred channel that is not one of the known ones.
    UnknownChannel,
    /// A language that is not a two- or three-letter lower-case code.
    BadLanguage,
    /// A time of day that is not `HH:MM`.
    BadTime,
    /// A time-zone name that is not like `Europe/Prague` or `UTC`.
    BadTimeZone,
    /// A free text longer than [`crate::validate::MAX_TEXT_CHARS`] characters.
    TextTooLong,
    /// A duration longer than a day.
    DurationTooLong,
    /// A tax id with other characters than letters, digits, spaces and `- / .`.
    BadTaxId,
    /// A web site that is not like `example.com`.
    BadWebsite,
    /// A number outside its allowed range.
    OutOfRange,
    /// A tag longer than 50 characters or with a `:`.
    BadTag,
    /// An end date before the start date.
    EndBeforeStart,
    /// A country that is not a two-letter code.
    BadCountry,
    /// A status (lost, returned, refused, resolved) that needs a reason.
    ReasonRequired,
    /// A signed contract without the day it was signed.
    SignedNeedsDate,
    /// A messenger handle with spaces or longer than 100 characters.
    BadHandle,
}

impl Problem {
    /// A stable key (translation files use `invalid-<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Problem::Empty => "empty",
            Problem::TooLong => "too-long",
            Problem::ControlChars => "control-chars",
            Problem::PhoneChars => "phone-chars",
            Problem::PhoneCountry => "phone-country",
            Problem::PhoneZero => "phone-zero",
            Problem::PhoneLength => "phone-length",
            Problem::EmailNoAt => "email-no-at",
            Problem::EmailLocalLength => "email-local-length",
            Problem::EmailLocalChars => "email-local-chars",
            Problem::EmailDot => "email-dot",
            Problem::EmailDomainDot => "email-domain-dot",
            Problem::EmailDomain => "email-domain",
            Problem::UnknownStatus => "unknown-status",
            Problem::BadDate => "bad-date",
            Problem::BadCurrency => "bad-currency",
            Problem::BadAmount => "bad-amount",
            Problem::CurrencyMismatch => "currency-mismatch",
            Problem::AmountOverflow => "amount-overflow",
            Problem::UnknownChannel => "unknown-channel",
            Problem::BadLanguage => "bad-language",
            Problem::BadTime => "bad-time",
            Problem::BadTimeZone => "bad-time-zone",
            Problem::TextTooLong => "text-too-long",
            Problem::DurationTooLong => "duration-too-long",
            Problem::BadTaxId => "bad-tax-id",
            Problem::BadWebsite => "bad-website",
            Problem::OutOfRange => "out-of-range",
            Problem::BadTag => "bad-tag",
            Problem::EndBeforeStart => "end-before-start",
            Problem::BadCountry => "bad-country",
            Problem::ReasonRequired => "reason-required",
            Problem::SignedNeedsDate => "signed-needs-date",
            Problem::BadHandle => "bad-handle",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::Empty => "must not be empty",
            Problem::TooLong => "is longer than 200 characters",
            Problem::ControlChars => "contains control characters",
            Problem::PhoneChars => "may hold only digits, spaces and - . ( ) /",
            Problem::PhoneCountry => "needs the country code, e.g. +420 601 123 456",
            Problem::PhoneZero => "a country code never starts with 0",
            Problem::PhoneLength => "must have 8 to 15 digits",
            Problem::EmailNoAt => "has no @",
            Problem::EmailLocalLength => "needs 1 to 64 characters before the @",
            Problem::EmailLocalChars => "has a space or a second @ before the @",
            Problem::EmailDot => "has a misplaced dot before the @",
            Problem::EmailDomainDot => "needs a domain with a dot after the @",
            Problem::EmailDomain => "has an invalid domain after the @",
            Problem::UnknownStatus => "is not one of prospect, lead, active, key, dormant, lost",
            Problem::BadDate => "is not a date like 12-31 or 1980-12-31",
            Problem::BadCurrency => "is not a currency code like EUR or CZK",
            Problem::BadAmount => "is not an amount like 1 234,50 in this currency",
            Problem::CurrencyMismatch => "is in another currency",
            Problem::AmountOverflow => "is too large",
            Problem::UnknownChannel => {
                "is not one of phone, sms, email, whatsapp, telegram, viber, visit"
            }
            Problem::BadLanguage => "is not a language code like en, cs or ko",
            Problem::BadTime => "is not a time like 09:30",
            Problem::BadTimeZone => "is not a time zone like Europe/Prague or UTC",
            Problem::TextTooLong => "is longer than 10,000 characters",
            Problem::DurationTooLong => "is longer than 24 hours",
            Problem::BadTaxId => "may hold only letters, digits, spaces and - / .",
            Problem::BadWebsite => "is not a web address like example.com",
            Problem::OutOfRange => "is outside the allowed range",
            Problem::BadTag => "is longer than 50 characters or holds a colon",
            Problem::EndBeforeStart => "is before the start",
            Problem::BadCountry => "is not a two-letter country code like CZ",
            Problem::ReasonRequired => "is required for this status",
            Problem::SignedNeedsDate => "is required for a signed contract",
            Problem::BadHandle => "must be 1 to 100 characters without spaces",
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
        /// What is wrong with it.
        reason: Problem,
    },
    /// No contact with this id in the client's document.
    #[error("no contact {contact} at client {client}")]
    NoSuchContact {
        /// The client.
        client: DocumentId,
        /// The contact id asked for.
        contact: String,
    },
    /// A contact id that is empty or already taken at this client.
    #[error("invalid contact id {0:?}")]
    BadContactId(String),
    /// An interaction id that is empty, holds `:` or control characters, or is already
    /// taken at this client.
    #[error("invalid interaction id {0:?}")]
    BadInteractionId(String),
    /// A task id that is empty, holds `:` or control characters, or is already taken at
    /// this client.
    #[error("invalid task id {0:?}")]
    BadTaskId(String),
    /// No task with this id in the client's document.
    #[error("no task {task} at client {client}")]
    NoSuchTask {
        /// The client.
        client: DocumentId,
        /// The task id asked for.
        task: String,
    },
    /// An id for a record (deal, order, line, payment, event…) that is empty, holds `:`
    /// or control characters, or is already taken.
    #[error("invalid id {0:?}")]
    BadEntryId(String),
    /// No record of this kind with this id in the document.
    #[error("no {kind} {id} in document {client}")]
    NoSuchEntry {
        /// The document (a client, or the team document).
        client: DocumentId,
        /// The kind of record (`deal`, `order`…).
        kind: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A restricted client needs its owner's book, which this replica does not know (the
    /// server names the books a rep may use at login).
    #[error("no book of {0:?} is known: a restricted client's summary goes there")]
    NoBook(String),
    /// The team documents (events, catalog, plan) are not known to this replica yet.
    #[error("the team documents are not known yet (log in again)")]
    NoTeamDocs,
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
    /// Bytes handed to `ClientBase::restore_index_view` that are not a snapshot this
    /// version reads.
    #[error("not a snapshot of the index view: {0}")]
    BadViewSnapshot(String),
    /// Automerge refused an operation (a corrupt document, for example).
    #[error("automerge: {0}")]
    Automerge(#[from] automerge::AutomergeError),
}

/// The error for a bad value of `field`.
pub(crate) fn invalid(field: Field, value: &str, reason: Problem) -> Error {
    Error::Invalid {
        field,
        value: value.to_owned(),
        reason,
    }
}

/// The same validation error, about another field (a name check reused for a title).
pub(crate) fn rename(e: Error, field: Field) -> Error {
    match e {
        Error::Invalid { value, reason, .. } => Error::Invalid {
            field,
            value,
            reason,
        },
        other => other,
    }
}
