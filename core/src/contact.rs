//! Contacts: the people at a client, as the domain sees them.
//!
//! Contacts live inside the client's document, in a map keyed by contact ids the caller
//! hands in (so contacts two replicas add concurrently both survive):
//! `contacts: { <contact id>: { name, position, role, phones: [..], emails: [..],
//! birthday, preferred_channel, language, archived } }`. Phones and e-mails are
//! Automerge lists, so concurrent additions keep both. This module holds the types,
//! their validation, and the contact operations of [`ClientBase`] (add, edit, archive,
//! restore, list), which also write the flat `contact:<id>:…` keys of the client's index
//! entry (see [`crate::base`]).

use std::{collections::BTreeMap, fmt, str::FromStr};

use automerge::{Automerge, ObjId, ObjType, ROOT, ReadDoc, transaction::Transactable};

use crate::error::invalid;
use crate::{Author, ClientBase, DocumentId, Edit, Error, Field, error::Problem, validate};

/// The key under which a client document keeps its contacts.
pub(crate) const CONTACTS: &str = "contacts";
/// The prefix of the contact keys in an index entry.
const CONTACT_PREFIX: &str = "contact:";

/// How a contact prefers to be reached.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
            position: Some(crate::card::optional_short(
                Field::Position,
                &self.position,
            )?),
            role: Some(crate::card::optional_short(Field::Role, &self.role)?),
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
                .map(|v| crate::card::optional_short(Field::Position, v))
                .transpose()?,
            role: self
                .role
                .as_deref()
                .map(|v| crate::card::optional_short(Field::Role, v))
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

impl ClientBase {
    /// Adds a contact to a client, under `contact_id` (an id the caller drew, unique
    /// within the client; not empty, no `:` or control characters). Validates the draft
    /// first; on any error nothing is written. Needs the client's document on this
    /// replica.
    pub fn add_contact(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        draft: &ContactDraft,
        author: &Author,
    ) -> Result<Edit, Error> {
        let fields = draft.validate()?;
        if contact_id.is_empty() || contact_id.chars().any(|c| c.is_control() || c == ':') {
            return Err(Error::BadContactId(contact_id.to_owned()));
        }
        let doc = self.client_doc(client)?;
        if find_contact(doc, contact_id).is_some() {
            return Err(Error::BadContactId(format!(
                "{contact_id} is already in use"
            )));
        }
        let doc = self.docs.get_mut(&client).expect("checked above");
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                let contacts = match contact_maps(tx).first() {
                    Some(obj) => obj.clone(),
                    None => tx.put_object(ROOT, CONTACTS, ObjType::Map)?,
                };
                let obj = tx.put_object(&contacts, contact_id, ObjType::Map)?;
                tx.put_object(&obj, "phones", ObjType::List)?;
                tx.put_object(&obj, "emails", ObjType::List)?;
                write_contact(tx, &obj, &fields)?;
                tx.put(&obj, "archived", false)?;
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        self.write_contact_summary(client, contact_id, &fields, Some(false), author)?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Changes a contact: the set fields, and adds or removes phones and e-mails. On a
    /// validation error, or when there is no such contact, nothing is written.
    pub fn edit_contact(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        patch: &ContactPatch,
        author: &Author,
    ) -> Result<Edit, Error> {
        let fields = patch.validated()?;
        self.change_contact(client, contact_id, &fields, None, author)
    }

    /// Archives a contact: hidden, never deleted; concurrent edits of it still land.
    pub fn archive_contact(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.change_contact(
            client,
            contact_id,
            &ContactPatch::default(),
            Some(true),
            author,
        )
    }

    /// Brings an archived contact back.
    pub fn restore_contact(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.change_contact(
            client,
            contact_id,
            &ContactPatch::default(),
            Some(false),
            author,
        )
    }

    fn change_contact(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        fields: &ContactPatch,
        archived: Option<bool>,
        author: &Author,
    ) -> Result<Edit, Error> {
        let doc = self.client_doc(client)?;
        let Some(obj) = find_contact(doc, contact_id) else {
            return Err(Error::NoSuchContact {
                client,
                contact: contact_id.to_owned(),
            });
        };
        let doc = self.docs.get_mut(&client).expect("checked above");
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                write_contact(tx, &obj, fields)?;
                if let Some(a) = archived {
                    tx.put(&obj, "archived", a)?;
                }
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        self.write_contact_summary(client, contact_id, fields, archived, author)?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    fn write_contact_summary(
        &mut self,
        client: DocumentId,
        contact_id: &str,
        fields: &ContactPatch,
        archived: Option<bool>,
        author: &Author,
    ) -> Result<(), Error> {
        let prefix = format!("{CONTACT_PREFIX}{contact_id}:");
        self.write_index_entry(client, author, |tx, entry| {
            if let Some(name) = &fields.name {
                tx.put(entry, format!("{prefix}name"), name.as_str())?;
            }
            if let Some(a) = archived {
                tx.put(entry, format!("{prefix}archived"), a)?;
            }
            if let Some(b) = &fields.birthday {
                // Month and day only: what Today needs.
                let md = b.get(b.len().saturating_sub(5)..).unwrap_or_default();
                tx.put(entry, format!("{prefix}birthday"), md)?;
            }
            for (kind, add, remove) in [
                ("phone", &fields.add_phones, &fields.remove_phones),
                ("email", &fields.add_emails, &fields.remove_emails),
            ] {
                for v in add {
                    tx.put(entry, format!("{prefix}{kind}:{v}"), true)?;
                }
                for v in remove {
                    let k = format!("{prefix}{kind}:{v}");
                    if tx.get(entry, k.as_str())?.is_some() {
                        tx.delete(entry, k)?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Every contact of a client, archived ones included (see [`Contact::archived`]),
    /// sorted by name, from the client's document (empty when this replica does not hold
    /// it).
    pub fn contacts(&self, client: DocumentId) -> Vec<Contact> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let mut out: Vec<Contact> = Vec::new();
        for map in contact_maps(doc) {
            for key in doc.keys(&map) {
                if out.iter().any(|c| c.id == key) {
                    continue;
                }
                if let Ok(Some((automerge::Value::Object(ObjType::Map), obj))) =
                    doc.get(&map, key.as_str())
                {
                    out.push(read_contact(doc, &obj, key));
                }
            }
        }
        out.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        });
        out
    }

    /// The contacts of every client as the index summarises them (name, phones,
    /// e-mails, archived), for search; no client document needs to be held.
    pub fn contact_summaries(&self) -> BTreeMap<DocumentId, Vec<ContactSummary>> {
        self.with_view(|v| {
            v.entries()
                .into_iter()
                .filter(|(_, e)| !e.contacts.is_empty())
                .map(|(id, e)| (id, e.contacts.clone()))
                .collect()
        })
    }
}

/// Every `contacts` map of a client document: normally one; more when replicas that
/// held a document without one each created it concurrently (all are read, so no
/// contact is lost).
fn contact_maps<R: ReadDoc>(doc: &R) -> Vec<ObjId> {
    crate::entries::root_maps(doc, CONTACTS)
}

/// The object of a contact, in whichever `contacts` map holds it.
pub(crate) fn find_contact<R: ReadDoc>(doc: &R, contact_id: &str) -> Option<ObjId> {
    crate::entries::find(doc, CONTACTS, contact_id)
}

/// The string values of a list, each once, in list order.
fn read_list<R: ReadDoc>(doc: &R, list: &ObjId) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in 0..doc.length(list) {
        if let Ok(Some((v, _))) = doc.get(list, i)
            && let Some(s) = v.as_str()
            && !out.iter().any(|o| o == s)
        {
            out.push(s.to_owned());
        }
    }
    out
}

fn list_obj<T: Transactable>(tx: &mut T, obj: &ObjId, key: &str) -> Result<ObjId, Error> {
    Ok(match tx.get(obj, key)? {
        Some((automerge::Value::Object(ObjType::List), list)) => list,
        _ => tx.put_object(obj, key, ObjType::List)?,
    })
}

fn write_contact<T: Transactable>(
    tx: &mut T,
    obj: &ObjId,
    fields: &ContactPatch,
) -> Result<(), Error> {
    for (key, value) in [
        ("name", &fields.name),
        ("position", &fields.position),
        ("role", &fields.role),
        ("birthday", &fields.birthday),
        ("language", &fields.language),
    ] {
        if let Some(v) = value {
            tx.put(obj, key, v.as_str())?;
        }
    }
    if let Some(channel) = fields.preferred_channel {
        tx.put(obj, "preferred_channel", channel.map_or("", |c| c.key()))?;
    }
    for (key, add, remove) in [
        ("phones", &fields.add_phones, &fields.remove_phones),
        ("emails", &fields.add_emails, &fields.remove_emails),
    ] {
        if add.is_empty() && remove.is_empty() {
            continue;
        }
        let list = list_obj(tx, obj, key)?;
        for i in (0..tx.length(&list)).rev() {
            let hit = match tx.get(&list, i)? {
                Some((v, _)) => v.as_str().is_some_and(|s| remove.iter().any(|r| r == s)),
                None => false,
            };
            if hit {
                tx.delete(&list, i)?;
            }
        }
        let present = read_list(tx, &list);
        for v in add {
            if !present.contains(v) {
                let end = tx.length(&list);
                tx.insert(&list, end, v.as_str())?;
            }
        }
    }
    Ok(())
}

fn read_contact(doc: &Automerge, obj: &ObjId, id: String) -> Contact {
    let text = |key: &str| match doc.get(obj, key).ok().flatten() {
        Some((automerge::Value::Object(ObjType::Text), t)) => doc.text(&t).unwrap_or_default(),
        Some((v, _)) => v.as_str().map(str::to_owned).unwrap_or_default(),
        None => String::new(),
    };
    let list = |key: &str| match doc.get(obj, key).ok().flatten() {
        Some((automerge::Value::Object(ObjType::List), l)) => read_list(doc, &l),
        _ => Vec::new(),
    };
    Contact {
        id,
        name: text("name"),
        position: text("position"),
        role: text("role"),
        phones: list("phones"),
        emails: list("emails"),
        birthday: text("birthday").parse().ok(),
        preferred_channel: text("preferred_channel").parse().ok(),
        language: text("language"),
        archived: doc
            .get(obj, "archived")
            .ok()
            .flatten()
            .and_then(|(v, _)| v.as_bool())
            .unwrap_or(false),
    }
}

pub(crate) fn read_contact_summaries(index: &Automerge, entry: &ObjId) -> Vec<ContactSummary> {
    let mut out: BTreeMap<String, ContactSummary> = BTreeMap::new();
    for key in index.map_range(entry, CONTACT_PREFIX.to_owned()..) {
        let Some(rest) = key.key.strip_prefix(CONTACT_PREFIX) else {
            break;
        };
        let Some((id, what)) = rest.split_once(':') else {
            continue;
        };
        let c = out.entry(id.to_owned()).or_insert_with(|| ContactSummary {
            id: id.to_owned(),
            ..ContactSummary::default()
        });
        let value = key.value.into_value();
        match what {
            "name" => c.name = value.as_str().unwrap_or_default().to_owned(),
            "archived" => c.archived = value.as_bool().unwrap_or(false),
            _ => {
                if let Some(p) = what.strip_prefix("phone:") {
                    c.phones.push(p.to_owned());
                } else if let Some(e) = what.strip_prefix("email:") {
                    c.emails.push(e.to_owned());
                }
            }
        }
    }
    out.into_values().collect()
}
