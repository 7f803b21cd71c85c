//! Interactions: the client's timeline (calls, visits, meetings, e-mails, offers, …).
//!
//! An interaction lives in its client's document, in a map keyed by ids the caller
//! draws, so interactions logged concurrently on two replicas both survive:
//! `interactions: { <id>: { kind, direction, at, time_zone, duration, outcome, summary,
//! who, contact, event, next_task } }`. An optional next step becomes a task
//! ([`crate::task`]) in the same edit.

use automerge::{ObjId, ObjType, ReadDoc, transaction::Transactable};

use crate::{
    Author, ClientBase, Date, DocumentId, Edit, Error, Field, Millis, TimeOfDay, entries,
    error::Problem,
    task::{Priority, TaskKind, ValidTask, write_task, write_task_summary},
    validate,
};

/// The key under which a client document keeps its interactions.
const INTERACTIONS: &str = "interactions";
/// The longest duration we accept: a day, in seconds.
pub const MAX_DURATION_SECS: u32 = 24 * 60 * 60;

keyed_enum! {
    /// What kind of interaction.
    pub enum InteractionKind {
        /// A phone call.
        Call => "call",
        /// A visit in person.
        Visit => "visit",
        /// A meeting.
        Meeting => "meeting",
        /// An e-mail.
        Email => "email",
        /// A commercial offer sent by e-mail.
        OfferEmail => "offer_email",
        /// A commercial offer made by phone.
        OfferPhone => "offer_phone",
        /// An encounter at an exhibition.
        Exhibition => "exhibition",
        /// A complaint.
        Complaint => "complaint",
        /// A reconciliation of accounts.
        Reconciliation => "reconciliation",
    }
}

keyed_enum! {
    /// Who started it.
    pub enum Direction {
        /// The client reached us.
        In => "in",
        /// We reached the client.
        Out => "out",
    }
}

keyed_enum! {
    /// How it went.
    pub enum Outcome {
        /// Reached the person.
        Reached => "reached",
        /// Nobody answered.
        NoAnswer => "no_answer",
        /// Asked to call back.
        CallBack => "call_back",
        /// Interested.
        Interested => "interested",
        /// Not interested.
        NotInterested => "not_interested",
        /// Asked for an offer.
        OfferRequested => "offer_requested",
        /// Something else (see the summary).
        Other => "other",
    }
}

/// The next step of an interaction: becomes an open task assigned to the interaction's
/// rep, for the same contact, in the same edit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NextStep {
    /// The id of the task to create (drawn by the caller, unique within the client).
    pub task_id: String,
    /// What to do.
    pub kind: TaskKind,
    /// The day it is due.
    pub due: Date,
    /// The time of day, when it matters.
    pub time: Option<TimeOfDay>,
    /// A free note (may be empty).
    pub note: String,
}

/// An interaction as a person entered it; validated by [`ClientBase::log_interaction`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InteractionDraft {
    /// What kind.
    pub kind: InteractionKind,
    /// Who started it.
    pub direction: Direction,
    /// When it began (UTC milliseconds).
    pub at: Millis,
    /// The rep's IANA time zone at the time, e.g. `Europe/Prague`.
    pub time_zone: String,
    /// How long it took, in seconds (at most [`MAX_DURATION_SECS`]).
    pub duration_secs: u32,
    /// How it went.
    pub outcome: Outcome,
    /// What was said or agreed (may be empty).
    pub summary: String,
    /// The rep (login name).
    pub who: String,
    /// The contact spoken to (must exist at the client).
    pub contact: Option<String>,
    /// The event (exhibition, fair) it happened at.
    pub event: Option<String>,
    /// What to do next, as a task.
    pub next_step: Option<NextStep>,
}

/// An interaction as read from the client's document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Interaction {
    /// The interaction's id, unique within the client.
    pub id: String,
    /// What kind.
    pub kind: InteractionKind,
    /// Who started it.
    pub direction: Direction,
    /// When it began (UTC milliseconds).
    pub at: Millis,
    /// The rep's IANA time zone at the time.
    pub time_zone: String,
    /// How long it took, in seconds.
    pub duration_secs: u32,
    /// How it went.
    pub outcome: Outcome,
    /// What was said or agreed.
    pub summary: String,
    /// The rep.
    pub who: String,
    /// The contact spoken to, when set.
    pub contact: Option<String>,
    /// The event it happened at, when set.
    pub event: Option<String>,
    /// The task its next step created, when it had one.
    pub next_task: Option<String>,
}

struct Valid {
    time_zone: String,
    summary: String,
    who: String,
    contact: Option<String>,
    event: Option<String>,
    next: Option<(String, ValidTask)>,
}

impl InteractionDraft {
    fn validated(&self, id: &str) -> Result<Valid, Error> {
        let time_zone = validate::time_zone(&self.time_zone)?;
        if self.duration_secs > MAX_DURATION_SECS {
            return Err(Error::Invalid {
                field: Field::Duration,
                value: self.duration_secs.to_string(),
                reason: Problem::DurationTooLong,
            });
        }
        let summary = validate::text(Field::Summary, &self.summary)?;
        let who = validate::rep(&self.who)?;
        let contact = self.contact.clone().filter(|c| !c.is_empty());
        let next = match &self.next_step {
            None => None,
            Some(step) => Some((
                step.task_id.clone(),
                ValidTask {
                    kind: step.kind,
                    due: step.due,
                    time: step.time,
                    contact: contact.clone(),
                    priority: Priority::Normal,
                    assignee: who.clone(),
                    note: validate::text(Field::Note, &step.note)?,
                    interaction: Some(id.to_owned()),
                },
            )),
        };
        Ok(Valid {
            time_zone,
            summary,
            who,
            contact,
            event: self.event.clone().filter(|e| !e.is_empty()),
            next,
        })
    }
}

fn read_interaction<R: ReadDoc>(doc: &R, obj: &ObjId, id: String) -> Option<Interaction> {
    let t = |k: &str| entries::text(doc, obj, k);
    Some(Interaction {
        kind: InteractionKind::from_key(&t("kind"))?,
        direction: Direction::from_key(&t("direction")).unwrap_or(Direction::Out),
        at: entries::int(doc, obj, "at"),
        time_zone: t("time_zone"),
        duration_secs: u32::try_from(entries::int(doc, obj, "duration")).unwrap_or(0),
        outcome: Outcome::from_key(&t("outcome")).unwrap_or(Outcome::Other),
        summary: t("summary"),
        who: t("who"),
        contact: entries::non_empty(t("contact")),
        event: entries::non_empty(t("event")),
        next_task: entries::non_empty(t("next_task")),
        id,
    })
}

impl ClientBase {
    /// Logs an interaction with a client under `id` (drawn by the caller, unique within
    /// the client; not empty, no `:` or control characters), and its next step as a task
    /// in the same edit. Validates everything first (time zone, duration, summary, rep,
    /// the contact must exist at the client, the ids must be free); on any error nothing
    /// is written. Needs the client's document on this replica.
    pub fn log_interaction(
        &mut self,
        client: DocumentId,
        id: &str,
        draft: &InteractionDraft,
        author: &Author,
    ) -> Result<Edit, Error> {
        let v = draft.validated(id)?;
        if !entries::usable_id(id) {
            return Err(Error::BadInteractionId(id.to_owned()));
        }
        self.check_contact(client, v.contact.as_deref())?;
        if entries::find(self.client_doc(client)?, INTERACTIONS, id).is_some() {
            return Err(Error::BadInteractionId(format!("{id} is already in use")));
        }
        if let Some((task_id, _)) = &v.next {
            self.check_new_task_id(client, task_id)?;
        }
        self.write_client_doc(client, author, |tx| {
            let map = entries::root_map_for_writing(tx, INTERACTIONS)?;
            let obj = tx.put_object(&map, id, ObjType::Map)?;
            tx.put(&obj, "kind", draft.kind.key())?;
            tx.put(&obj, "direction", draft.direction.key())?;
            tx.put(&obj, "at", draft.at)?;
            tx.put(&obj, "time_zone", v.time_zone.as_str())?;
            tx.put(&obj, "duration", i64::from(draft.duration_secs))?;
            tx.put(&obj, "outcome", draft.outcome.key())?;
            tx.put(&obj, "summary", v.summary.as_str())?;
            tx.put(&obj, "who", v.who.as_str())?;
            tx.put(&obj, "contact", v.contact.as_deref().unwrap_or(""))?;
            tx.put(&obj, "event", v.event.as_deref().unwrap_or(""))?;
            let next = v.next.as_ref().map_or("", |(t, _)| t.as_str());
            tx.put(&obj, "next_task", next)?;
            if let Some((task_id, task)) = &v.next {
                write_task(tx, task_id, task)?;
            }
            Ok(())
        })?;
        if let Some((task_id, task)) = &v.next {
            self.write_index_entry(client, author, |tx, entry| {
                write_task_summary(tx, entry, task_id, task)
            })?;
            return Ok(Edit {
                client,
                touched: self.touched(client),
            });
        }
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// The client's interactions, newest first (ties by id); from the client's document
    /// (empty when this replica does not hold it).
    pub fn interactions(&self, client: DocumentId) -> Vec<Interaction> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let mut out: Vec<Interaction> = entries::all(doc, INTERACTIONS)
            .into_iter()
            .filter_map(|(id, obj)| read_interaction(doc, &obj, id))
            .collect();
        out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.id.cmp(&b.id)));
        out
    }
}
