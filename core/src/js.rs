//! A JavaScript API over the same core (feature `js`, wasm32 only): a mobile shell or a
//! plain web page can keep a client base without Yew.
//!
//! Values cross the boundary as plain JS objects (converted through JSON); ids are the
//! automerge-repo document ids as strings; authors are `{ who: "anna/phone", at: <ms> }`.
//! A validation error is thrown as an `Error` with `field` and `problem` properties (the
//! stable keys of [`crate::Field`] and [`crate::Problem`]), so the page can translate it.
//! Built with `scripts/build-js-api.sh`; `tests/js/core-api.mjs` uses it from Node.

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use wasm_bindgen::prelude::*;

use crate::{
    Author, ClientDetails, ClientDraft, ClientPatch, ClientStatus, ContactDraft, Date, Direction,
    DocumentId, Error, InteractionDraft, InteractionKind, Outcome, Priority, SearchIndex,
    TaskDraft, TaskKind, automerge::ActorId,
};

fn js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    if let Error::Invalid { field, reason, .. } = &e {
        let _ = js_sys::Reflect::set(&err, &"field".into(), &field.key().into());
        let _ = js_sys::Reflect::set(&err, &"problem".into(), &reason.key().into());
    }
    err.into()
}

fn bad_input(what: &str, detail: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!("invalid {what}: {detail}")).into()
}

fn from_js<T: DeserializeOwned>(what: &str, value: &JsValue) -> Result<T, JsValue> {
    let text: String = js_sys::JSON::stringify(value)
        .map_err(|_| bad_input(what, "not JSON-serialisable"))?
        .into();
    serde_json::from_str(&text).map_err(|e| bad_input(what, e))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| bad_input("result", e))?;
    js_sys::JSON::parse(&text)
}

fn doc_id(s: &str) -> Result<DocumentId, JsValue> {
    s.parse().map_err(js_error)
}

fn date(s: &str) -> Result<Date, JsValue> {
    Date::parse(s).map_err(js_error)
}

fn key_of<T: Copy>(
    what: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    s: &str,
) -> Result<T, JsValue> {
    all.iter()
        .copied()
        .find(|v| key(*v) == s)
        .ok_or_else(|| bad_input(what, s))
}

#[derive(Deserialize)]
struct JsAuthor {
    who: String,
    at: f64,
}

impl JsAuthor {
    fn author(&self) -> Author {
        Author {
            who: self.who.clone(),
            at: self.at as i64,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct JsClientDraft {
    name: String,
    phone: String,
    email: String,
    status: Option<String>,
    lost_reason: String,
    owner: String,
    price_type: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct JsClientPatch {
    name: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    status: Option<String>,
    lost_reason: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct JsContactDraft {
    name: String,
    position: String,
    role: String,
    phones: Vec<String>,
    emails: Vec<String>,
    birthday: String,
    language: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsInteractionDraft {
    kind: String,
    #[serde(default)]
    direction: Option<String>,
    at: f64,
    time_zone: String,
    #[serde(default)]
    duration_secs: u32,
    outcome: String,
    #[serde(default)]
    summary: String,
    who: String,
    #[serde(default)]
    contact: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsTaskDraft {
    kind: String,
    due: String,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    priority: Option<String>,
    assignee: String,
    #[serde(default)]
    note: String,
}

#[derive(Serialize)]
struct JsEdit {
    client: String,
    touched: Vec<String>,
}

impl From<crate::Edit> for JsEdit {
    fn from(e: crate::Edit) -> Self {
        JsEdit {
            client: e.client.to_string(),
            touched: e.touched.iter().map(ToString::to_string).collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsSummary {
    id: String,
    name: String,
    phone: String,
    email: String,
    status: &'static str,
    archived: bool,
    owner: String,
    segment: &'static str,
    tags: Vec<String>,
}

#[derive(Serialize)]
struct JsContact {
    id: String,
    name: String,
    phones: Vec<String>,
    emails: Vec<String>,
    birthday: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsTask {
    client: String,
    client_name: String,
    id: String,
    kind: &'static str,
    due: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsToday {
    overdue: Vec<JsTask>,
    due_today: Vec<JsTask>,
    birthdays: Vec<JsBirthday>,
    overdue_invoices: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsBirthday {
    client: String,
    contact_name: String,
    date: String,
}

fn task(t: crate::PlannedTask) -> JsTask {
    JsTask {
        client: t.client.to_string(),
        client_name: t.client_name,
        id: t.id,
        kind: t.kind.key(),
        due: t.due.to_string(),
    }
}

/// A team's client base held in the page (see [`crate::ClientBase`]).
#[wasm_bindgen(js_name = ClientBase)]
pub struct JsClientBase {
    base: crate::ClientBase,
    search: Option<SearchIndex>,
}

#[wasm_bindgen(js_class = ClientBase)]
impl JsClientBase {
    /// A new, empty base: the team index id and this replica's actor (32 hex digits,
    /// random, new for every running replica).
    #[wasm_bindgen(constructor)]
    pub fn new(index_id: &str, actor_hex: &str) -> Result<JsClientBase, JsValue> {
        let actor = ActorId::try_from(actor_hex).map_err(|e| bad_input("actor", e))?;
        Ok(JsClientBase {
            base: crate::ClientBase::new(doc_id(index_id)?, actor),
            search: None,
        })
    }

    /// A document id from 16 random bytes the page drew (`crypto.getRandomValues`).
    #[wasm_bindgen(js_name = documentId)]
    pub fn document_id(bytes: &[u8]) -> Result<String, JsValue> {
        let bytes: [u8; 16] = bytes
            .try_into()
            .map_err(|_| bad_input("document id bytes", "need exactly 16"))?;
        Ok(DocumentId::from_bytes(bytes).to_string())
    }

    fn changed(&mut self) {
        self.search = None;
    }

    /// Adds a client; returns `{ client, touched }` (the documents to save and sync).
    #[wasm_bindgen(js_name = addClient)]
    pub fn add_client(
        &mut self,
        id: &str,
        draft: JsValue,
        author: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d: JsClientDraft = from_js("client draft", &draft)?;
        let a: JsAuthor = from_js("author", &author)?;
        let status = d
            .status
            .as_deref()
            .map(|s| s.parse::<ClientStatus>().map_err(js_error))
            .transpose()?;
        let draft = ClientDraft {
            name: d.name,
            phone: d.phone,
            email: d.email,
            status,
            lost_reason: d.lost_reason,
            details: ClientDetails {
                owner: d.owner,
                price_type: d.price_type,
                ..Default::default()
            },
        };
        let edit = self
            .base
            .add_client(doc_id(id)?, &draft, &a.author())
            .map_err(js_error)?;
        self.changed();
        to_js(&JsEdit::from(edit))
    }

    /// Changes the given fields of a client.
    #[wasm_bindgen(js_name = editClient)]
    pub fn edit_client(
        &mut self,
        id: &str,
        patch: JsValue,
        author: JsValue,
    ) -> Result<JsValue, JsValue> {
        let p: JsClientPatch = from_js("client patch", &patch)?;
        let a: JsAuthor = from_js("author", &author)?;
        let status = p
            .status
            .as_deref()
            .map(|s| s.parse::<ClientStatus>().map_err(js_error))
            .transpose()?;
        let patch = ClientPatch {
            name: p.name,
            phone: p.phone,
            email: p.email,
            status,
            lost_reason: p.lost_reason,
        };
        let edit = self
            .base
            .edit_client(doc_id(id)?, &patch, &a.author())
            .map_err(js_error)?;
        self.changed();
        to_js(&JsEdit::from(edit))
    }

    /// Archives a client (never deletes).
    #[wasm_bindgen(js_name = archiveClient)]
    pub fn archive_client(&mut self, id: &str, author: JsValue) -> Result<JsValue, JsValue> {
        let a: JsAuthor = from_js("author", &author)?;
        let edit = self
            .base
            .archive_client(doc_id(id)?, &a.author())
            .map_err(js_error)?;
        self.changed();
        to_js(&JsEdit::from(edit))
    }

    /// The clients that are not archived, sorted by name.
    pub fn clients(&self) -> Result<JsValue, JsValue> {
        let list: Vec<JsSummary> = self
            .base
            .clients()
            .into_iter()
            .map(|s| JsSummary {
                id: s.id.to_string(),
                name: s.name,
                phone: s.phone,
                email: s.email,
                status: s.status.key(),
                archived: s.archived,
                owner: s.owner,
                segment: s.segment.key(),
                tags: s.tags,
            })
            .collect();
        to_js(&list)
    }

    /// Search as you type: ids and names of the best `limit` matches.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<JsValue, JsValue> {
        let base = &self.base;
        let index = self
            .search
            .get_or_insert_with(|| SearchIndex::from_base(base));
        let hits: Vec<(String, String)> = index
            .search(query, limit)
            .into_iter()
            .map(|h| (h.id.to_string(), h.name))
            .collect();
        to_js(&hits)
    }

    /// Adds a contact to a client.
    #[wasm_bindgen(js_name = addContact)]
    pub fn add_contact(
        &mut self,
        client: &str,
        id: &str,
        draft: JsValue,
        author: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d: JsContactDraft = from_js("contact draft", &draft)?;
        let a: JsAuthor = from_js("author", &author)?;
        let draft = ContactDraft {
            name: d.name,
            position: d.position,
            role: d.role,
            phones: d.phones,
            emails: d.emails,
            birthday: d.birthday,
            preferred_channel: None,
            language: d.language,
        };
        let edit = self
            .base
            .add_contact(doc_id(client)?, id, &draft, &a.author())
            .map_err(js_error)?;
        self.changed();
        to_js(&JsEdit::from(edit))
    }

    /// A client's contacts.
    pub fn contacts(&self, client: &str) -> Result<JsValue, JsValue> {
        let list: Vec<JsContact> = self
            .base
            .contacts(doc_id(client)?)
            .into_iter()
            .map(|c| JsContact {
                id: c.id,
                name: c.name,
                phones: c.phones,
                emails: c.emails,
                birthday: c.birthday.map(|b| b.to_string()),
            })
            .collect();
        to_js(&list)
    }

    /// Logs an interaction (`kind`: call, visit, offer_email…; `outcome`: reached,
    /// no_answer…).
    #[wasm_bindgen(js_name = logInteraction)]
    pub fn log_interaction(
        &mut self,
        client: &str,
        id: &str,
        draft: JsValue,
        author: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d: JsInteractionDraft = from_js("interaction", &draft)?;
        let a: JsAuthor = from_js("author", &author)?;
        let draft = InteractionDraft {
            kind: key_of("kind", InteractionKind::ALL, InteractionKind::key, &d.kind)?,
            direction: match d.direction.as_deref() {
                None => Direction::Out,
                Some(s) => key_of("direction", Direction::ALL, Direction::key, s)?,
            },
            at: d.at as i64,
            time_zone: d.time_zone,
            duration_secs: d.duration_secs,
            outcome: key_of("outcome", Outcome::ALL, Outcome::key, &d.outcome)?,
            summary: d.summary,
            who: d.who,
            contact: d.contact,
            event: None,
            next_step: None,
        };
        let edit = self
            .base
            .log_interaction(doc_id(client)?, id, &draft, &a.author())
            .map_err(js_error)?;
        to_js(&JsEdit::from(edit))
    }

    /// Adds a task (`kind`: call, visit, send_offer…; `due`: YYYY-MM-DD).
    #[wasm_bindgen(js_name = addTask)]
    pub fn add_task(
        &mut self,
        client: &str,
        id: &str,
        draft: JsValue,
        author: JsValue,
    ) -> Result<JsValue, JsValue> {
        let d: JsTaskDraft = from_js("task", &draft)?;
        let a: JsAuthor = from_js("author", &author)?;
        let draft = TaskDraft {
            kind: key_of("kind", TaskKind::ALL, TaskKind::key, &d.kind)?,
            due: date(&d.due)?,
            time: None,
            contact: d.contact,
            priority: match d.priority.as_deref() {
                None => Priority::Normal,
                Some(s) => key_of("priority", Priority::ALL, Priority::key, s)?,
            },
            assignee: d.assignee,
            note: d.note,
        };
        let edit = self
            .base
            .add_task(doc_id(client)?, id, &draft, &a.author())
            .map_err(js_error)?;
        to_js(&JsEdit::from(edit))
    }

    /// A rep's day: overdue and due tasks, birthdays, the count of overdue invoices.
    pub fn today(&self, rep: &str, today: &str) -> Result<JsValue, JsValue> {
        let t = self.base.today(rep, date(today)?);
        to_js(&JsToday {
            overdue: t.overdue.into_iter().map(task).collect(),
            due_today: t.due_today.into_iter().map(task).collect(),
            birthdays: t
                .birthdays
                .into_iter()
                .map(|b| JsBirthday {
                    client: b.client.to_string(),
                    contact_name: b.contact_name,
                    date: b.date.to_string(),
                })
                .collect(),
            overdue_invoices: t.overdue_invoices.len(),
        })
    }

    /// Ids of every document held, the index first.
    #[wasm_bindgen(js_name = docIds)]
    pub fn doc_ids(&self) -> Vec<String> {
        self.base
            .doc_ids()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// A document's bytes, to store (IndexedDB, a file) or send.
    pub fn save(&self, id: &str) -> Result<Vec<u8>, JsValue> {
        let doc = self
            .base
            .doc(doc_id(id)?)
            .ok_or_else(|| bad_input("document", format!("{id} is not held")))?;
        Ok(doc.save())
    }

    /// Loads saved bytes of a document and merges them into what is held.
    pub fn load(&mut self, id: &str, bytes: &[u8]) -> Result<(), JsValue> {
        self.base.load_doc(doc_id(id)?, bytes).map_err(js_error)?;
        self.changed();
        Ok(())
    }
}
