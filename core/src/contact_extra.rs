//! More about a contact: messengers, professional holidays (greeted like birthdays), and
//! notes.
//!
//! In the contact's map of the client document: `messengers: { "<kind>:<handle>": true }`
//! (a set: concurrent additions both land), `holidays: { "MM-DD": "<name>" }`, and
//! `notes` (text). Holidays are mirrored into the index entry as
//! `contact:<id>:holiday:<MM-DD>` = name, so Today lists them without the card.

use automerge::{ObjId, ObjType, ReadDoc, Value, transaction::Transactable};

use crate::error::{invalid, rename};
use crate::{
    Author, Birthday, ClientBase, DocumentId, Edit, Error, Field, contact::find_contact, entries,
    error::Problem, validate,
};

const MESSENGERS: &str = "messengers";
const HOLIDAYS: &str = "holidays";
const NOTES: &str = "notes";

keyed_enum! {
    /// A messenger a contact can be reached on.
    pub enum Messenger {
        /// WhatsApp (a phone number).
        WhatsApp => "whatsapp",
        /// Telegram (a @name or a phone number).
        Telegram => "telegram",
        /// Viber (a phone number).
        Viber => "viber",
        /// Signal (a phone number).
        Signal => "signal",
        /// KakaoTalk (an id).
        KakaoTalk => "kakaotalk",
        /// Skype or Teams (an id).
        Skype => "skype",
    }
}

/// A contact's messengers, professional holidays and notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContactExtras {
    /// (messenger, handle), sorted.
    pub messengers: Vec<(Messenger, String)>,
    /// (day, the holiday's name), by day.
    pub holidays: Vec<(Birthday, String)>,
    /// Notes.
    pub notes: String,
}

/// A handle: a phone (normalised to E.164) for phone-based messengers, else 1–100
/// characters without spaces or control characters.
fn handle(kind: Messenger, value: &str) -> Result<String, Error> {
    let t = value.trim();
    match kind {
        Messenger::WhatsApp | Messenger::Viber | Messenger::Signal => validate::phone(t),
        Messenger::Telegram if t.starts_with('+') => validate::phone(t),
        _ => {
            if t.is_empty() {
                Err(invalid(Field::Messenger, value, Problem::Empty))
            } else if t.chars().count() > 100
                || t.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                Err(invalid(Field::Messenger, value, Problem::BadHandle))
            } else {
                Ok(t.to_owned())
            }
        }
    }
}

impl ClientBase {
    fn contact_obj(&self, client: DocumentId, contact: &str) -> Result<ObjId, Error> {
        find_contact(self.client_doc(client)?, contact).ok_or_else(|| Error::NoSuchContact {
            client,
            contact: contact.to_owned(),
        })
    }

    /// Adds a messenger handle to a contact.
    pub fn add_messenger(
        &mut self,
        client: DocumentId,
        contact: &str,
        kind: Messenger,
        value: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.change_messenger(client, contact, kind, value, true, author)
    }

    /// Removes a messenger handle.
    pub fn remove_messenger(
        &mut self,
        client: DocumentId,
        contact: &str,
        kind: Messenger,
        value: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.change_messenger(client, contact, kind, value, false, author)
    }

    fn change_messenger(
        &mut self,
        client: DocumentId,
        contact: &str,
        kind: Messenger,
        value: &str,
        add: bool,
        author: &Author,
    ) -> Result<Edit, Error> {
        let h = handle(kind, value)?;
        let obj = self.contact_obj(client, contact)?;
        let member = format!("{}:{h}", kind.key());
        self.write_client_doc(client, author, |tx| {
            if add {
                entries::set_add(tx, &obj, MESSENGERS, &member)
            } else {
                entries::set_remove(tx, &obj, MESSENGERS, &member)
            }
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// Sets a professional holiday of a contact (`MM-DD`, e.g. the Day of the
    /// Accountant), greeted on Today like a birthday.
    pub fn set_holiday(
        &mut self,
        client: DocumentId,
        contact: &str,
        day: &str,
        name: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let d = Birthday::parse(day)?;
        if d.year.is_some() {
            return Err(invalid(Field::Birthday, day, Problem::BadDate));
        }
        let name = validate::name(name).map_err(|e| rename(e, Field::Holiday))?;
        let obj = self.contact_obj(client, contact)?;
        let key = d.to_string();
        self.write_client_doc(client, author, |tx| {
            let map = entries::map_for_writing(tx, &obj, HOLIDAYS)?;
            tx.put(&map, key.as_str(), name.as_str())?;
            Ok(())
        })?;
        self.write_index_entry(client, author, |tx, entry| {
            tx.put(
                entry,
                format!("contact:{contact}:holiday:{key}"),
                name.as_str(),
            )?;
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Removes a professional holiday.
    pub fn remove_holiday(
        &mut self,
        client: DocumentId,
        contact: &str,
        day: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let key = Birthday::parse(day)?.to_string();
        let obj = self.contact_obj(client, contact)?;
        self.write_client_doc(client, author, |tx| {
            for map in entries::maps(tx, &obj, HOLIDAYS) {
                if tx.get(&map, key.as_str())?.is_some() {
                    tx.delete(&map, key.as_str())?;
                }
            }
            Ok(())
        })?;
        self.write_index_entry(client, author, |tx, entry| {
            let k = format!("contact:{contact}:holiday:{key}");
            if tx.get(entry, k.as_str())?.is_some() {
                tx.delete(entry, k.as_str())?;
            }
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Replaces a contact's notes with the smallest splice (see
    /// [`ClientBase::set_notes`]).
    pub fn set_contact_notes(
        &mut self,
        client: DocumentId,
        contact: &str,
        text: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let text = validate::text(Field::Notes, text)?;
        let obj = self.contact_obj(client, contact)?;
        self.write_client_doc(client, author, |tx| {
            let notes = match tx.get(&obj, NOTES)? {
                Some((Value::Object(ObjType::Text), id)) => id,
                _ => tx.put_object(&obj, NOTES, ObjType::Text)?,
            };
            crate::card::splice_text(tx, &notes, &text)
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// A contact's messengers, holidays and notes (empty when unknown).
    pub fn contact_extras(&self, client: DocumentId, contact: &str) -> ContactExtras {
        let Ok(doc) = self.client_doc(client) else {
            return ContactExtras::default();
        };
        let Some(obj) = find_contact(doc, contact) else {
            return ContactExtras::default();
        };
        let messengers = entries::set_members(doc, &obj, MESSENGERS)
            .into_iter()
            .filter_map(|m| {
                let (k, h) = m.split_once(':')?;
                Some((Messenger::from_key(k)?, h.to_owned()))
            })
            .collect();
        let mut holidays: Vec<(Birthday, String)> = Vec::new();
        for map in entries::maps(doc, &obj, HOLIDAYS) {
            for key in doc.keys(&map) {
                let Ok(day) = Birthday::parse(&key) else {
                    continue;
                };
                if holidays.iter().any(|(d, _)| *d == day) {
                    continue;
                }
                holidays.push((day, entries::text(doc, &map, &key)));
            }
        }
        holidays.sort();
        let notes = match doc.get(&obj, NOTES).ok().flatten() {
            Some((Value::Object(ObjType::Text), id)) => doc.text(&id).unwrap_or_default(),
            _ => String::new(),
        };
        ContactExtras {
            messengers,
            holidays,
            notes,
        }
    }
}
