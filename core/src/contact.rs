//! Contacts: the people at a client, as the domain sees them.
//!
//! Contacts live inside the client's document, in a map keyed by contact ids the caller
//! hands in (so contacts two replicas add concurrently both survive):
//! `contacts: { <contact id>: { name, position, role, phones: [..], emails: [..],
//! birthday, preferred_channel, language, archived } }`. Phones and e-mails are
//! Automerge lists, so concurrent additions keep both. The layout is written and read
//! by [`crate::ClientBase`]; this module holds the types and their validation.

use std::{fmt, str::FromStr};

use crate::{Error, Field, error::Problem, validate};

fn invalid(field: Field, value: &str, reason: Problem) -> Error {
    Error::Invalid {
        field,
        value: value.to_owned(),
        reason,
    }
}

/// How a contact prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// A phone call.
    Phone,
    /// A text message.
    Sms,
    /// An e-mail.
    Email,
    /// WhatsApp.
    Whatsapp,
    /// Telegram.
    Telegram,
    /// Viber.
    Viber,
    /// A visit in person.
    Visit,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 7] = [
        Channel::Phone,
        Channel::Sms,
        Channel::Email,
        Channel::Whatsapp,
        Channel::Telegram,
        Channel::Viber,
        Channel::Visit,
    ];

    /// The stored (and translation-key) name.
    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Sms => "sms",
            Channel::Email => "email",
            Channel::Whatsapp => "whatsapp",
            Channel::Telegram => "telegram",
            Channel::Viber => "viber",
            Channel::Visit => "visit",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Channel {
    type Err = Error;

    fn from_str(s: &str) -> Result<Channel, Error> {
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == s)
            .ok_or_else(|| invalid(Field::Channel, s, Problem::UnknownChannel))
    }
}

/// A birthday: month and day, the year when known. 29 February is a birthday only
/// without a year or in a leap year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Birthday {
    /// The year of birth, when known.
    pub year: Option<u16>,
    /// 1–12.
    pub month: u8,
    /// 1–31, a day of that month.
    pub day: u8,
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

impl Birthday {
    /// Reads `MM-DD` or `YYYY-MM-DD` (surrounding white space ignored); anything else,
    /// or a day the calendar does not have, is an [`Error::Invalid`] naming
    /// [`Field::Birthday`].
    pub fn parse(value: &str) -> Result<Birthday, Error> {
        let bad = || invalid(Field::Birthday, value, Problem::BadDate);
        let t = value.trim();
        let num = |s: &str, len: usize| -> Result<u16, Error> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let parts: Vec<&str> = t.split('-').collect();
        let (year, month, day) = match parts.as_slice() {
            [m, d] => (None, num(m, 2)?, num(d, 2)?),
            [y, m, d] => (Some(num(y, 4)?), num(m, 2)?, num(d, 2)?),
            _ => return Err(bad()),
        };
        if year == Some(0) {
            return Err(bad());
        }
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year.is_none_or(is_leap) => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days {
            return Err(bad());
        }
        Ok(Birthday {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl FromStr for Birthday {
    type Err = Error;

    fn from_str(s: &str) -> Result<Birthday, Error> {
        Birthday::parse(s)
    }
}

impl fmt::Display for Birthday {
    /// `MM-DD` or `YYYY-MM-DD`, as stored.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(y) = self.year {
            write!(f, "{y:04}-")?;
        }
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// A contact as read from the client's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The contact's id, unique within the client.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Position (job title), or empty.
    pub position: String,
    /// Role in our dealings (decision maker, buyer, accountant, …), or empty.
    pub role: String,
    /// Phones in E.164, each once, in the order they were added.
    pub phones: Vec<String>,
    /// E-mails, each once, in the order they were added.
    pub emails: Vec<String>,
    /// Birthday, when known.
    pub birthday: Option<Birthday>,
    /// How they like to be reached, when known.
    pub preferred_channel: Option<Channel>,
    /// Language code (`en`, `cs`, …), or empty.
    pub language: String,
    /// Archived contacts are hidden but never deleted.
    pub archived: bool,
}

/// A contact as the team index summarises it, for search (see [`crate::base`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactSummary {
    /// The contact's id, unique within the client.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Phones in E.164.
    pub phones: Vec<String>,
    /// E-mails.
    pub emails: Vec<String>,
    /// Archived contacts are not searched.
    pub archived: bool,
}

/// What a person typed to add a contact; validated by [`ContactDraft::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactDraft {
    /// Full name (required).
    pub name: String,
    /// Position (optional).
    pub position: String,
    /// Role (optional).
    pub role: String,
    /// Phones as typed; empty entries are skipped.
    pub phones: Vec<String>,
    /// E-mails as typed; empty entries are skipped.
    pub emails: Vec<String>,
    /// `MM-DD` or `YYYY-MM-DD`, or empty.
    pub birthday: String,
    /// Preferred channel (optional).
    pub preferred_channel: Option<Channel>,
    /// Language code, or empty.
    pub language: String,
}

/// A change to a contact; `None` leaves a field as it is. Phones and e-mails are added
/// to and removed from their lists, so concurrent additions both survive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactPatch {
    /// New name.
    pub name: Option<String>,
    /// New position (empty clears it).
    pub position: Option<String>,
    /// New role (empty clears it).
    pub role: Option<String>,
    /// Phones to add (skipped when already there).
    pub add_phones: Vec<String>,
    /// Phones to remove (every copy).
    pub remove_phones: Vec<String>,
    /// E-mails to add (skipped when already there).
    pub add_emails: Vec<String>,
    /// E-mails to remove (every copy).
    pub remove_emails: Vec<String>,
    /// New birthday (empty clears it).
    pub birthday: Option<String>,
    /// New preferred channel (`Some(None)` clears it).
    pub preferred_channel: Option<Option<Channel>>,
    /// New language (empty clears it).
    pub language: Option<String>,
}

/// A free-text field of a contact (position, role): trimmed, runs of white space
/// folded, at most [`validate::MAX_NAME_CHARS`] characters, no control characters; may
/// be empty.
fn optional_text(field: Field, value: &str) -> Result<String, Error> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    validate::name(value).map_err(|e| match e {
        Error::Invalid { value, reason, .. } => Error::Invalid {
            field,
            value,
            reason,
        },
        other => other,
    })
}

fn birthday(value: &str) -> Result<String, Error> {
    if value.trim().is_empty() {
        Ok(String::new())
    } else {
        Ok(Birthday::parse(value)?.to_string())
    }
}

fn language(value: &str) -> Result<String, Error> {
    let t = value.trim();
    if t.is_empty() || (2..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(t.to_owned())
    } else {
        Err(invalid(Field::Language, value, Problem::BadLanguage))
    }
}

/// Normalises each non-empty entry with `check`, dropping duplicates.
fn list(values: &[String], check: fn(&str) -> Result<String, Error>) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let n = check(v)?;
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    Ok(out)
}

impl ContactDraft {
    /// Checks every field and returns the normalised values as a patch that sets them
    /// all; the first bad field is the error.
    pub fn validate(&self) -> Result<ContactPatch, Error> {
        Ok(ContactPatch {
            name: Some(validate::name(&self.name)?),
            position: Some(optional_text(Field::Position, &self.position)?),
            role: Some(optional_text(Field::Role, &self.role)?),
            add_phones: list(&self.phones, validate::phone)?,
            remove_phones: Vec::new(),
            add_emails: list(&self.emails, validate::email)?,
            remove_emails: Vec::new(),
            birthday: Some(birthday(&self.birthday)?),
            preferred_channel: Some(self.preferred_channel),
            language: Some(language(&self.language)?),
        })
    }
}

impl ContactPatch {
    /// Validates and normalises every set field.
    pub fn validated(&self) -> Result<ContactPatch, Error> {
        Ok(ContactPatch {
            name: self.name.as_deref().map(validate::name).transpose()?,
            position: self
                .position
                .as_deref()
                .map(|v| optional_text(Field::Position, v))
                .transpose()?,
            role: self
                .role
                .as_deref()
                .map(|v| optional_text(Field::Role, v))
                .transpose()?,
            add_phones: list(&self.add_phones, validate::phone)?,
            remove_phones: list(&self.remove_phones, validate::phone)?,
            add_emails: list(&self.add_emails, validate::email)?,
            remove_emails: list(&self.remove_emails, validate::email)?,
            birthday: self.birthday.as_deref().map(birthday).transpose()?,
            preferred_channel: self.preferred_channel,
            language: self.language.as_deref().map(language).transpose()?,
        })
    }
}
