//! Today and the week's plan, read from the team index alone (no client document is
//! loaded): the task keys `task:<id>:…` and the contact keys `contact:<id>:…` of every
//! client entry (see [`crate::base`] and [`crate::task`]).

use std::collections::BTreeMap;

use automerge::{ObjId, ReadDoc};

use crate::{
    ClientBase, Date, DocumentId, Receivable, TimeOfDay, entries,
    task::{Priority, TASK_PREFIX, TaskKind, TaskStatus},
};

/// How many days ahead (today included) birthdays are shown.
pub const BIRTHDAY_DAYS: i64 = 7;

/// A task as the index summarises it, with its client's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlannedTask {
    /// The client.
    pub client: DocumentId,
    /// The client's name.
    pub client_name: String,
    /// The task's id, unique within the client.
    pub id: String,
    /// What to do.
    pub kind: TaskKind,
    /// The day it is due.
    pub due: Date,
    /// The time of day, when set.
    pub time: Option<TimeOfDay>,
    /// How urgent.
    pub priority: Priority,
    /// The contact it concerns, when set.
    pub contact: Option<String>,
    /// That contact's name as the index has it (empty when unknown).
    pub contact_name: String,
}

/// A contact's birthday coming up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UpcomingBirthday {
    /// The client.
    pub client: DocumentId,
    /// The client's name.
    pub client_name: String,
    /// The contact's id.
    pub contact: String,
    /// The contact's name.
    pub contact_name: String,
    /// The day it falls on (a 29 February birthday falls on 28 February in other years).
    pub date: Date,
}

/// A contact's professional holiday coming up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UpcomingHoliday {
    /// The client.
    pub client: DocumentId,
    /// The client's name.
    pub client_name: String,
    /// The contact's id.
    pub contact: String,
    /// The contact's name.
    pub contact_name: String,
    /// The holiday's name.
    pub name: String,
    /// The day it falls on.
    pub date: Date,
}

/// A rep's day: what is overdue, what is due, and whose birthday is coming.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Today {
    /// Open tasks due before today, oldest first.
    pub overdue: Vec<PlannedTask>,
    /// Every open task due today, by time of day (untimed last), priority (high first),
    /// client name.
    pub due_today: Vec<PlannedTask>,
    /// The calls among `due_today`, in the same order.
    pub calls: Vec<PlannedTask>,
    /// The visits among `due_today`, in the same order.
    pub visits: Vec<PlannedTask>,
    /// Birthdays of (not archived) contacts of (not archived) clients from today to
    /// [`BIRTHDAY_DAYS`] − 1 days ahead, soonest first.
    pub birthdays: Vec<UpcomingBirthday>,
    /// Professional holidays of those contacts in the same days, soonest first.
    pub holidays: Vec<UpcomingHoliday>,
    /// Open reconciliation tasks due today or earlier (also in `overdue` / `due_today`).
    pub reconciliations: Vec<PlannedTask>,
    /// Invoices of the rep's clients owed and past due, the most overdue first.
    pub overdue_invoices: Vec<Receivable>,
    /// The rep's clients whose next step is due today or earlier, oldest first.
    pub follow_ups: Vec<FollowUp>,
}

/// A client whose agreed next step is due.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FollowUp {
    /// The client.
    pub client: DocumentId,
    /// The client's name.
    pub client_name: String,
    /// The next step.
    pub next_step: String,
    /// When it is due.
    pub date: Date,
}

/// One day of the week's plan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayPlan {
    /// The day.
    pub date: Date,
    /// Open calls due that day.
    pub calls: Vec<PlannedTask>,
    /// Open visits due that day.
    pub visits: Vec<PlannedTask>,
}

/// A rep's calls and visits for seven days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WeekPlan {
    /// Seven days, the first one first.
    pub days: Vec<DayPlan>,
}

/// One client entry of the index, as Today needs it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Entry {
    client_name: String,
    tasks: Vec<(PlannedTask, String, TaskStatus)>,
    birthdays: Vec<(String, String, u8, u8)>,
    /// (contact id, contact name, holiday name, month, day)
    holidays: Vec<(String, String, String, u8, u8)>,
}

pub(crate) fn read_entry<R: ReadDoc>(
    index: &R,
    entry: &ObjId,
    client: DocumentId,
) -> Option<Entry> {
    if index
        .get(entry, "archived")
        .ok()
        .flatten()
        .and_then(|(v, _)| v.as_bool())
        .unwrap_or(false)
    {
        return None;
    }
    let client_name = entries::text(index, entry, "name");
    // contact id → (name, archived, birthday)
    let mut contacts: BTreeMap<String, (String, bool, String)> = BTreeMap::new();
    // contact id → [(MM-DD, holiday name)]
    let mut holiday_keys: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for item in index.map_range(entry, "contact:".to_owned().."contact;".to_owned()) {
        let Some((id, what)) = item.key["contact:".len()..].split_once(':') else {
            continue;
        };
        let value = item.value.into_value();
        let c = contacts.entry(id.to_owned()).or_default();
        match what {
            "name" => c.0 = value.as_str().unwrap_or_default().to_owned(),
            "archived" => c.1 = value.as_bool().unwrap_or(false),
            "birthday" => c.2 = value.as_str().unwrap_or_default().to_owned(),
            other => {
                if let Some(day) = other.strip_prefix("holiday:") {
                    let name = value.as_str().unwrap_or_default().to_owned();
                    holiday_keys
                        .entry(id.to_owned())
                        .or_default()
                        .push((day.to_owned(), name));
                }
            }
        }
    }
    // task id → field → value
    let mut fields: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let end = format!("{};", TASK_PREFIX.trim_end_matches(':'));
    for item in index.map_range(entry, TASK_PREFIX.to_owned()..end) {
        let Some((id, what)) = item.key[TASK_PREFIX.len()..].split_once(':') else {
            continue;
        };
        let value = item.value.into_value();
        fields.entry(id.to_owned()).or_default().insert(
            what.to_owned(),
            value.as_str().unwrap_or_default().to_owned(),
        );
    }
    let tasks = fields
        .into_iter()
        .filter_map(|(id, f)| {
            let get = |k: &str| f.get(k).map(String::as_str).unwrap_or_default();
            let contact = entries::non_empty(get("contact").to_owned());
            let contact_name = contact
                .as_ref()
                .and_then(|c| contacts.get(c))
                .map(|c| c.0.clone())
                .unwrap_or_default();
            Some((
                PlannedTask {
                    client,
                    client_name: client_name.clone(),
                    kind: TaskKind::from_key(get("kind"))?,
                    due: Date::parse(get("due")).ok()?,
                    time: TimeOfDay::parse(get("time")).ok(),
                    priority: Priority::from_key(get("priority")).unwrap_or(Priority::Normal),
                    contact,
                    contact_name,
                    id,
                },
                get("assignee").to_owned(),
                TaskStatus::from_key(get("status")).unwrap_or(TaskStatus::Open),
            ))
        })
        .collect();
    let holidays = holiday_keys
        .into_iter()
        .filter_map(|(id, days)| {
            let (name, archived, _) = contacts.get(&id)?;
            (!archived).then(|| {
                days.into_iter()
                    .filter_map(|(md, holiday)| {
                        let (m, d) = md.split_once('-')?;
                        Some((
                            id.clone(),
                            name.clone(),
                            holiday,
                            m.parse().ok()?,
                            d.parse().ok()?,
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .collect();
    let birthdays = contacts
        .into_iter()
        .filter(|(_, (_, archived, _))| !archived)
        .filter_map(|(id, (name, _, md))| {
            let (m, d) = md.split_once('-')?;
            Some((id, name, m.parse().ok()?, d.parse().ok()?))
        })
        .collect();
    Some(Entry {
        client_name,
        tasks,
        birthdays,
        holidays,
    })
}

/// Whether a birthday on `month`-`day` falls on `date` (29 February falls on 28
/// February in years without one).
fn birthday_on(month: u8, day: u8, date: Date) -> bool {
    (date.month(), date.day()) == (month, day)
        || (month, day) == (2, 29)
            && (date.month(), date.day()) == (2, 28)
            && !crate::date::is_leap_year(date.year())
}

fn by_time(a: &PlannedTask, b: &PlannedTask) -> std::cmp::Ordering {
    (a.due, a.time.is_none(), a.time)
        .cmp(&(b.due, b.time.is_none(), b.time))
        .then_with(|| b.priority.cmp(&a.priority))
        .then_with(|| {
            a.client_name
                .to_lowercase()
                .cmp(&b.client_name.to_lowercase())
        })
        .then_with(|| (a.client, &a.id).cmp(&(b.client, &b.id)))
}

impl ClientBase {
    /// Every client entry of the index that is not archived, read for Today.
    fn entries_for_today(&self) -> Vec<(DocumentId, Entry)> {
        self.with_view(|v| {
            v.entries()
                .into_iter()
                .filter_map(|(id, e)| Some((id, e.today.clone()?)))
                .collect()
        })
    }

    /// The open tasks assigned to `rep` of clients that are not archived.
    fn open_tasks(&self, rep: &str) -> Vec<PlannedTask> {
        self.entries_for_today()
            .into_iter()
            .flat_map(|(_, e)| e.tasks)
            .filter(|(_, assignee, status)| assignee == rep && *status == TaskStatus::Open)
            .map(|(t, _, _)| t)
            .collect()
    }

    /// `rep`'s day on `today` (the rep's local date), from the index alone: overdue and
    /// due open tasks assigned to them, today's calls and visits, and the birthdays of
    /// the next [`BIRTHDAY_DAYS`] days (today included).
    pub fn today(&self, rep: &str, today: Date) -> Today {
        let mut out = Today::default();
        let mut tasks = self.open_tasks(rep);
        tasks.sort_by(by_time);
        for t in tasks {
            if t.due < today {
                out.overdue.push(t);
            } else if t.due == today {
                match t.kind {
                    TaskKind::Call => out.calls.push(t.clone()),
                    TaskKind::Visit => out.visits.push(t.clone()),
                    _ => {}
                }
                out.due_today.push(t);
            }
        }
        for (client, e) in self.entries_for_today() {
            for (contact, contact_name, name, m, d) in e.holidays {
                let date = (0..BIRTHDAY_DAYS)
                    .filter_map(|n| today.add_days(n))
                    .find(|date| birthday_on(m, d, *date));
                if let Some(date) = date {
                    out.holidays.push(UpcomingHoliday {
                        client,
                        client_name: e.client_name.clone(),
                        contact,
                        contact_name,
                        name,
                        date,
                    });
                }
            }
            for (contact, contact_name, m, d) in e.birthdays {
                let date = (0..BIRTHDAY_DAYS)
                    .filter_map(|n| today.add_days(n))
                    .find(|date| birthday_on(m, d, *date));
                if let Some(date) = date {
                    out.birthdays.push(UpcomingBirthday {
                        client,
                        client_name: e.client_name.clone(),
                        contact,
                        contact_name,
                        date,
                    });
                }
            }
        }
        out.holidays.sort_by(|a, b| {
            (a.date, &a.contact_name, a.client).cmp(&(b.date, &b.contact_name, b.client))
        });
        out.reconciliations = out
            .overdue
            .iter()
            .chain(&out.due_today)
            .filter(|t| t.kind == TaskKind::Reconcile)
            .cloned()
            .collect();
        out.overdue_invoices = self.overdue_invoices(Some(rep), today);
        out.follow_ups = self
            .clients()
            .into_iter()
            .filter(|c| c.owner == rep)
            .filter_map(|c| {
                let date = c.next_step_date.filter(|d| *d <= today)?;
                Some(FollowUp {
                    client: c.id,
                    client_name: c.name,
                    next_step: c.next_step,
                    date,
                })
            })
            .collect();
        out.follow_ups
            .sort_by(|a, b| (a.date, &a.client_name).cmp(&(b.date, &b.client_name)));
        out.birthdays.sort_by(|a, b| {
            (a.date, a.contact_name.to_lowercase(), a.client, &a.contact).cmp(&(
                b.date,
                b.contact_name.to_lowercase(),
                b.client,
                &b.contact,
            ))
        });
        out
    }

    /// `rep`'s open calls and visits for the seven days from `monday` (any first day
    /// works), each day by time of day (untimed last), from the index alone.
    pub fn week_plan(&self, rep: &str, monday: Date) -> WeekPlan {
        let mut days: Vec<DayPlan> = (0..7)
            .filter_map(|n| monday.add_days(n))
            .map(|date| DayPlan {
                date,
                calls: Vec::new(),
                visits: Vec::new(),
            })
            .collect();
        let mut tasks = self.open_tasks(rep);
        tasks.sort_by(by_time);
        for t in tasks {
            let Some(day) = days.iter_mut().find(|d| d.date == t.due) else {
                continue;
            };
            match t.kind {
                TaskKind::Call => day.calls.push(t),
                TaskKind::Visit => day.visits.push(t),
                _ => {}
            }
        }
        WeekPlan { days }
    }
}
