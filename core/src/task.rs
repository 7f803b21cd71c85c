//! Tasks: what a rep plans to do for a client (call, visit, send an offer, …) and when.
//!
//! A task lives in its client's document, so access to it follows the client:
//! `tasks: { <task id>: { kind, due: "YYYY-MM-DD", time: "HH:MM" or "", contact,
//! priority, assignee, status, note, interaction } }`. It is mirrored as flat keys in
//! the client's index entry, `task:<id>:kind`, `task:<id>:due`, `task:<id>:time`,
//! `task:<id>:status`, `task:<id>:assignee`, `task:<id>:priority` and
//! `task:<id>:contact`, so that [`ClientBase::today`] never loads a client document.
//! Every field is its own key: a task completed on one replica and rescheduled on
//! another keeps both edits.

use automerge::{ObjId, ReadDoc, transaction::Transactable};

use crate::{
    Author, ClientBase, Date, DocumentId, Edit, Error, Field, TimeOfDay, entries, validate,
};

/// The key under which a client document keeps its tasks.
pub(crate) const TASKS: &str = "tasks";
/// The prefix of the task keys in an index entry.
pub(crate) const TASK_PREFIX: &str = "task:";

keyed_enum! {
    /// What a task is.
    pub enum TaskKind {
        /// Call the client.
        Call => "call",
        /// Visit the client.
        Visit => "visit",
        /// Send a commercial offer.
        SendOffer => "send_offer",
        /// Reconcile accounts with the client.
        Reconcile => "reconcile",
        /// Greet (a birthday, a holiday).
        Greet => "greet",
        /// Collect a debt.
        CollectDebt => "collect_debt",
        /// Anything else.
        Other => "other",
    }
}

keyed_enum! {
    /// How urgent a task is; orders low < normal < high.
    pub enum Priority {
        /// Low.
        Low => "low",
        /// Normal.
        Normal => "normal",
        /// High.
        High => "high",
    }
}

keyed_enum! {
    /// Where a task stands.
    pub enum TaskStatus {
        /// To do.
        Open => "open",
        /// Done.
        Done => "done",
        /// Cancelled.
        Cancelled => "cancelled",
    }
}

/// A new task as a person entered it; validated by [`ClientBase::add_task`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TaskDraft {
    /// What to do.
    pub kind: TaskKind,
    /// The day it is due.
    pub due: Date,
    /// The time of day, when it matters.
    pub time: Option<TimeOfDay>,
    /// The contact at the client it concerns (must exist at the client).
    pub contact: Option<String>,
    /// How urgent.
    pub priority: Priority,
    /// The rep who is to do it (login name).
    pub assignee: String,
    /// A free note (may be empty).
    pub note: String,
}

/// A task as read from its client's document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Task {
    /// The task's id, unique within the client.
    pub id: String,
    /// The client.
    pub client: DocumentId,
    /// What to do.
    pub kind: TaskKind,
    /// The day it is due.
    pub due: Date,
    /// The time of day, when set.
    pub time: Option<TimeOfDay>,
    /// The contact it concerns, when set.
    pub contact: Option<String>,
    /// How urgent.
    pub priority: Priority,
    /// The rep who is to do it.
    pub assignee: String,
    /// Open, done or cancelled.
    pub status: TaskStatus,
    /// The note, or empty.
    pub note: String,
    /// The interaction whose next step created it, when one did.
    pub interaction: Option<String>,
}

/// A task's fields after validation.
#[derive(Debug, Clone)]
pub(crate) struct ValidTask {
    pub(crate) kind: TaskKind,
    pub(crate) due: Date,
    pub(crate) time: Option<TimeOfDay>,
    pub(crate) contact: Option<String>,
    pub(crate) priority: Priority,
    pub(crate) assignee: String,
    pub(crate) note: String,
    pub(crate) interaction: Option<String>,
}

impl TaskDraft {
    pub(crate) fn validated(&self) -> Result<ValidTask, Error> {
        Ok(ValidTask {
            kind: self.kind,
            due: self.due,
            time: self.time,
            contact: self.contact.clone().filter(|c| !c.is_empty()),
            priority: self.priority,
            assignee: validate::rep(&self.assignee)?,
            note: validate::text(Field::Note, &self.note)?,
            interaction: None,
        })
    }
}

fn time_key(time: Option<TimeOfDay>) -> String {
    time.map(|t| t.to_string()).unwrap_or_default()
}

/// Writes a new task into the client document's `tasks` map.
pub(crate) fn write_task<T: Transactable>(
    tx: &mut T,
    id: &str,
    task: &ValidTask,
) -> Result<(), Error> {
    let map = entries::root_map_for_writing(tx, TASKS)?;
    let obj = tx.put_object(&map, id, automerge::ObjType::Map)?;
    tx.put(&obj, "kind", task.kind.key())?;
    tx.put(&obj, "due", task.due.to_string())?;
    tx.put(&obj, "time", time_key(task.time))?;
    tx.put(&obj, "contact", task.contact.as_deref().unwrap_or(""))?;
    tx.put(&obj, "priority", task.priority.key())?;
    tx.put(&obj, "assignee", task.assignee.as_str())?;
    tx.put(&obj, "status", TaskStatus::Open.key())?;
    tx.put(&obj, "note", task.note.as_str())?;
    tx.put(
        &obj,
        "interaction",
        task.interaction.as_deref().unwrap_or(""),
    )?;
    Ok(())
}

/// Mirrors a new task into the client's index entry.
pub(crate) fn write_task_summary<T: Transactable>(
    tx: &mut T,
    entry: &ObjId,
    id: &str,
    task: &ValidTask,
) -> Result<(), Error> {
    let p = format!("{TASK_PREFIX}{id}:");
    tx.put(entry, format!("{p}kind"), task.kind.key())?;
    tx.put(entry, format!("{p}due"), task.due.to_string())?;
    tx.put(entry, format!("{p}time"), time_key(task.time))?;
    tx.put(entry, format!("{p}status"), TaskStatus::Open.key())?;
    tx.put(entry, format!("{p}assignee"), task.assignee.as_str())?;
    tx.put(entry, format!("{p}priority"), task.priority.key())?;
    tx.put(
        entry,
        format!("{p}contact"),
        task.contact.as_deref().unwrap_or(""),
    )?;
    Ok(())
}

/// Reads a task; `None` when its kind or due date is unreadable (written by a newer or
/// foreign client).
fn read_task<R: ReadDoc>(doc: &R, obj: &ObjId, id: String, client: DocumentId) -> Option<Task> {
    let t = |k: &str| entries::text(doc, obj, k);
    Some(Task {
        client,
        kind: TaskKind::from_key(&t("kind"))?,
        due: Date::parse(&t("due")).ok()?,
        time: TimeOfDay::parse(&t("time")).ok(),
        contact: entries::non_empty(t("contact")),
        priority: Priority::from_key(&t("priority")).unwrap_or(Priority::Normal),
        assignee: t("assignee"),
        status: TaskStatus::from_key(&t("status")).unwrap_or(TaskStatus::Open),
        note: t("note"),
        interaction: entries::non_empty(t("interaction")),
        id,
    })
}

impl ClientBase {
    /// Checks that a contact exists at a held client (when one is named).
    pub(crate) fn check_contact(
        &self,
        client: DocumentId,
        contact: Option<&str>,
    ) -> Result<(), Error> {
        self.client_doc(client)?;
        if let Some(c) = contact
            && !self.contacts(client).iter().any(|k| k.id == c)
        {
            return Err(Error::NoSuchContact {
                client,
                contact: c.to_owned(),
            });
        }
        Ok(())
    }

    /// Checks a new task id: usable and not yet taken at the client.
    pub(crate) fn check_new_task_id(&self, client: DocumentId, id: &str) -> Result<(), Error> {
        if !entries::usable_id(id) {
            return Err(Error::BadTaskId(id.to_owned()));
        }
        if entries::find(self.client_doc(client)?, TASKS, id).is_some() {
            return Err(Error::BadTaskId(format!("{id} is already in use")));
        }
        Ok(())
    }

    /// Adds a task to a client under `task_id` (an id the caller drew, unique within the
    /// client; not empty, no `:` or control characters). Validates first (the assignee,
    /// the note, the contact must exist at the client); on any error nothing is written.
    /// Needs the client's document on this replica.
    pub fn add_task(
        &mut self,
        client: DocumentId,
        task_id: &str,
        draft: &TaskDraft,
        author: &Author,
    ) -> Result<Edit, Error> {
        let task = draft.validated()?;
        self.check_contact(client, task.contact.as_deref())?;
        self.check_new_task_id(client, task_id)?;
        self.write_client_doc(client, author, |tx| write_task(tx, task_id, &task))?;
        self.write_index_entry(client, author, |tx, entry| {
            write_task_summary(tx, entry, task_id, &task)
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Marks a task done. A concurrent reschedule of it still lands.
    pub fn complete_task(
        &mut self,
        client: DocumentId,
        task_id: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.set_task_fields(
            client,
            task_id,
            author,
            &[("status", TaskStatus::Done.key().into())],
        )
    }

    /// Marks a task cancelled (it stays readable).
    pub fn cancel_task(
        &mut self,
        client: DocumentId,
        task_id: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.set_task_fields(
            client,
            task_id,
            author,
            &[("status", TaskStatus::Cancelled.key().into())],
        )
    }

    /// Moves a task to another day (and time of day, `None` for none). A concurrent
    /// completion of it still lands.
    pub fn reschedule_task(
        &mut self,
        client: DocumentId,
        task_id: &str,
        due: Date,
        time: Option<TimeOfDay>,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.set_task_fields(
            client,
            task_id,
            author,
            &[("due", due.to_string()), ("time", time_key(time))],
        )
    }

    fn set_task_fields(
        &mut self,
        client: DocumentId,
        task_id: &str,
        author: &Author,
        fields: &[(&str, String)],
    ) -> Result<Edit, Error> {
        let Some(obj) = entries::find(self.client_doc(client)?, TASKS, task_id) else {
            return Err(Error::NoSuchTask {
                client,
                task: task_id.to_owned(),
            });
        };
        self.write_client_doc(client, author, |tx| {
            for (k, v) in fields {
                tx.put(&obj, *k, v.as_str())?;
            }
            Ok(())
        })?;
        self.write_index_entry(client, author, |tx, entry| {
            for (k, v) in fields {
                tx.put(entry, format!("{TASK_PREFIX}{task_id}:{k}"), v.as_str())?;
            }
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// The task keys of the client's index entry whose value is in conflict and differs
    /// from the card's winner while the card's value is among the competing ones (see
    /// [`ClientBase::reconcile_summary`]), with the card's value.
    pub(crate) fn task_summary_fixes(&self, client: DocumentId) -> Vec<(String, String)> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let Some((_, index, entry)) = self.entry_of(client) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (id, obj) in entries::all(doc, TASKS) {
            for field in ["status", "due", "time"] {
                let card = entries::text(doc, &obj, field);
                let key = format!("{TASK_PREFIX}{id}:{field}");
                let values = index.get_all(&entry, key.as_str()).unwrap_or_default();
                let summary = entries::text(index, &entry, &key);
                if values.len() > 1
                    && summary != card
                    && values
                        .iter()
                        .any(|(v, _)| v.as_str() == Some(card.as_str()))
                {
                    out.push((key, card));
                }
            }
        }
        out
    }

    /// Every task of a client (done and cancelled ones included), by due date, time of
    /// day (tasks without one last), then id; from the client's document (empty when
    /// this replica does not hold it).
    pub fn tasks(&self, client: DocumentId) -> Vec<Task> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let mut out: Vec<Task> = entries::all(doc, TASKS)
            .into_iter()
            .filter_map(|(id, obj)| read_task(doc, &obj, id, client))
            .collect();
        out.sort_by(|a, b| {
            (a.due, a.time.is_none(), a.time, &a.id).cmp(&(b.due, b.time.is_none(), b.time, &b.id))
        });
        out
    }
}

impl ClientBase {
    /// Generates the month's reconciliation task for every active and key client this
    /// replica holds (archived ones skipped): one task `reconcile-YYYY-MM` per client,
    /// assigned to the client's owner (else the author's rep), due on `due`. The id is
    /// the same on every replica, so generating twice, or on two devices at once, gives
    /// one task per client. Returns one edit per client that got a task.
    pub fn plan_reconciliations(&mut self, due: Date, author: &Author) -> Result<Vec<Edit>, Error> {
        let task_id = format!("reconcile-{:04}-{:02}", due.year(), due.month());
        let targets: Vec<(DocumentId, String)> = self
            .clients()
            .into_iter()
            .filter(|c| {
                matches!(
                    c.status,
                    crate::ClientStatus::Active | crate::ClientStatus::Key
                )
            })
            .filter(|c| self.client_doc(c.id).is_ok())
            .filter(|c| !self.tasks(c.id).iter().any(|t| t.id == task_id))
            .map(|c| (c.id, c.owner))
            .collect();
        let mut edits = Vec::new();
        for (client, owner) in targets {
            let assignee = if owner.is_empty() {
                author.rep().to_owned()
            } else {
                owner
            };
            let draft = TaskDraft {
                kind: TaskKind::Reconcile,
                due,
                time: None,
                contact: None,
                priority: Priority::Normal,
                assignee,
                note: String::new(),
            };
            edits.push(self.add_task(client, &task_id, &draft, author)?);
        }
        Ok(edits)
    }
}
