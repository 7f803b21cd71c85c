//! The journal: edits written down before they are applied, so that the rep is told
//! "saved" after one small strictly durable write instead of after Automerge's work and
//! the documents' chunks.
//!
//! The engine checks an [`Intent`] against the base (every field, the ids free), stores
//! it as an [`Entry`] under [`key`] in one strict IndexedDB transaction, answers, and
//! only then applies it; the transaction that writes the applied edit's chunks deletes
//! the entry. If the tab dies in between, the next start applies what the journal still
//! holds (`Engine::replay_journal`), with the author and time written down, so the lead
//! is the same. Changes are sent to the server only after they are stored, so an entry
//! never stands for a change another replica has seen.
//!
//! Each tab writes under its own actor and holds the Web Lock [`lock_name`] while it
//! lives: a starting tab leaves alone the entries of a tab that still runs (it is about
//! to apply them itself).
//!
//! Entries are JSON: a later version of the app reads what an earlier one wrote, so an
//! intent's fields are only ever added, with defaults.

use fieldbase_core::{Author, ClientBase, DocumentId, Edit, Error};
use serde::{Deserialize, Serialize};

use crate::lead::LeadIntent;

/// Where the journal's entries live among the `meta` store's keys.
pub const PREFIX: &str = "journal/";

/// The edits the journal takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// A lead captured at a booth.
    Lead(LeadIntent),
}

impl Intent {
    /// Everything [`Intent::apply`] would refuse, refused now without writing: when
    /// this is `Ok`, applying to the same base succeeds.
    pub fn check(&self, base: &ClientBase, author: &Author) -> Result<(), Error> {
        match self {
            Intent::Lead(lead) => lead.check(base, author),
        }
    }

    /// Applies the edit.
    pub fn apply(&self, base: &mut ClientBase, author: &Author) -> Result<Edit, Error> {
        match self {
            Intent::Lead(lead) => lead.apply(base, author),
        }
    }

    /// Whether the base already shows this edit (applied, the entry not yet cleared).
    pub fn applied(&self, base: &ClientBase) -> bool {
        match self {
            Intent::Lead(lead) => lead.applied(base),
        }
    }

    /// The client the edit is about.
    pub fn client(&self) -> DocumentId {
        match self {
            Intent::Lead(lead) => lead.client,
        }
    }
}

/// An intent as the journal stores it: who made it and when, fixed when it was
/// written down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The rep and device, and the time of the edit.
    pub author: Author,
    /// The edit.
    pub intent: Intent,
}

impl Entry {
    /// The entry as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an entry serialises")
    }

    /// An entry as stored; `Err` names what is wrong.
    pub fn from_json(json: &str) -> Result<Entry, String> {
        serde_json::from_str(json).map_err(|e| format!("a journal entry does not read: {e}"))
    }
}

/// The key of a tab's `seq`th entry: `journal/<tab>/<seq, zero-padded>`, so a tab's
/// entries sort in the order they were written.
pub fn key(tab: &str, seq: u64) -> String {
    format!("{PREFIX}{tab}/{seq:012}")
}

/// The tab that wrote the entry stored under `key`.
pub fn tab_of(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?
        .split_once('/')
        .map(|(tab, _)| tab)
}

/// The Web Lock a tab holds while it lives.
pub fn lock_name(tab: &str) -> String {
    format!("fieldbase-tab-{tab}")
}

/// How old an entry must be for a starting tab to apply it when the browser has no Web
/// Locks to tell whether its tab still runs (a running tab applies its own within
/// milliseconds).
pub const ORPHANED_AFTER_MS: i64 = 60_000;

/// Whether a starting tab applies the entry stored under `key`: its tab no longer runs.
/// `held` names the Web Locks held now (`None`: the browser has none, so the entry's
/// age decides); `now` in ms since the epoch.
pub fn orphaned(key: &str, entry: &Entry, held: Option<&[String]>, now: i64) -> bool {
    let Some(tab) = tab_of(key) else {
        return false;
    };
    match held {
        Some(held) => !held.iter().any(|name| *name == lock_name(tab)),
        None => now - entry.author.at >= ORPHANED_AFTER_MS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lead::{Lead, Temperature};

    fn entry() -> Entry {
        Entry {
            author: Author {
                who: "anna/web".into(),
                at: 1_790_000_000_000,
            },
            intent: Intent::Lead(LeadIntent {
                lead: Lead {
                    company: "Mlýn Dvořák".into(),
                    temperature: Temperature::Cold,
                    ..Lead::default()
                },
                event: None,
                client: DocumentId::from_bytes([5; 16]),
                contact: "c".into(),
                interaction: "i".into(),
                time_zone: "UTC".into(),
            }),
        }
    }

    #[test]
    fn an_entry_reads_back() {
        let e = entry();
        assert_eq!(Entry::from_json(&e.to_json()), Ok(e));
        let bad = Entry::from_json("{\"author\":1}").expect_err("refused");
        assert!(bad.contains("journal entry"), "{bad}");
    }

    #[test]
    fn keys_sort_by_tab_then_order_and_name_their_tab() {
        let (a, b) = (key("ab12", 9), key("ab12", 10));
        assert!(a < b, "{a} sorts before {b}");
        assert_eq!(tab_of(&a), Some("ab12"));
        assert_eq!(tab_of("journal/x"), None);
        assert_eq!(tab_of("persisted/x/1"), None);
    }

    #[test]
    fn a_running_tab_keeps_its_entries() {
        let e = entry();
        let held = vec![lock_name("live"), "some-other-lock".to_owned()];
        let now = e.author.at + 1;
        assert!(!orphaned(&key("live", 1), &e, Some(&held), now));
        assert!(orphaned(&key("gone", 1), &e, Some(&held), now));
        assert!(!orphaned("journal/bad", &e, Some(&held), now));
        // Without Web Locks, only an old entry is taken.
        assert!(!orphaned(&key("gone", 1), &e, None, now));
        assert!(orphaned(
            &key("gone", 1),
            &e,
            None,
            e.author.at + ORPHANED_AFTER_MS
        ));
    }
}
