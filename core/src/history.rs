//! A card's history: who (manager and device) changed which fields, when; and the card
//! as it was at an earlier time.
//!
//! Every change a [`crate::ClientBase`] makes carries its [`crate::Author`]: the message
//! is `rep/device`, the timestamp the author's instant in seconds. The fields a change
//! touched come from Automerge's diff between the change's dependencies and the change.

use std::collections::BTreeSet;

use automerge::{ChangeHash, Prop, patches::PatchAction};

use crate::{ClientBase, DocumentId, Millis};

/// One change of a card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HistoryEntry {
    /// The change's hash (hex).
    pub hash: String,
    /// When, ms since the epoch (second precision).
    pub at: Millis,
    /// The rep's login, or empty for a change from a foreign client.
    pub rep: String,
    /// The device, or empty.
    pub device: String,
    /// The fields the change set, as paths: `name`, `notes`, `deals/<id>/stage`,
    /// `contacts/<id>/phones`, sorted, each once.
    pub fields: Vec<String>,
}

fn path_of(path: &[(automerge::ObjId, Prop)], last: Option<&str>) -> String {
    let mut parts: Vec<String> = path
        .iter()
        .map(|(_, p)| match p {
            Prop::Map(k) => k.clone(),
            Prop::Seq(i) => i.to_string(),
        })
        .collect();
    if let Some(k) = last {
        parts.push(k.to_owned());
    }
    // A list's or text's element index says nothing to a person: stop at the list.
    while parts.last().is_some_and(|p| p.parse::<usize>().is_ok()) {
        parts.pop();
    }
    parts.join("/")
}

impl ClientBase {
    /// The history of a document (a client card), oldest first. Empty when the document
    /// is not held.
    pub fn history(&self, id: DocumentId) -> Vec<HistoryEntry> {
        let Some(doc) = self.docs.get(&id) else {
            return Vec::new();
        };
        doc.get_changes(&[])
            .into_iter()
            .map(|change| {
                let before: Vec<ChangeHash> = change.deps().to_vec();
                let after = [change.hash()];
                let mut fields = BTreeSet::new();
                for patch in doc.diff(&before, &after) {
                    let key = match &patch.action {
                        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => {
                            Some(key.as_str())
                        }
                        _ => None,
                    };
                    let p = path_of(&patch.path, key);
                    if !p.is_empty() {
                        fields.insert(p);
                    }
                }
                let message = change.message().unwrap_or_default();
                let (rep, device) = message.split_once('/').unwrap_or((message, ""));
                HistoryEntry {
                    hash: change.hash().to_string(),
                    at: change.timestamp().saturating_mul(1000),
                    rep: rep.to_owned(),
                    device: device.to_owned(),
                    fields: fields.into_iter().collect(),
                }
            })
            .collect()
    }

    /// The card as it was at `at`: a base holding only that document, rolled back to the
    /// changes made up to `at` (and whatever they built on), on which every reader
    /// ([`ClientBase::client`], [`ClientBase::details`], [`ClientBase::contacts`]…)
    /// works. `None` when the document is not held or did not exist yet.
    pub fn as_of(&self, id: DocumentId, at: Millis) -> Option<ClientBase> {
        let doc = self.docs.get(&id)?;
        let changes = doc.get_changes(&[]);
        let mut kept: BTreeSet<ChangeHash> = BTreeSet::new();
        // Changes come in causal order: a change is kept when made by `at`, and its
        // dependencies with it (a device with a slow clock may have made one "later").
        let mut wanted: BTreeSet<ChangeHash> = changes
            .iter()
            .filter(|c| c.timestamp().saturating_mul(1000) <= at)
            .map(|c| c.hash())
            .collect();
        for c in changes.iter().rev() {
            if wanted.contains(&c.hash()) {
                kept.insert(c.hash());
                wanted.extend(c.deps().iter().copied());
            }
        }
        if kept.is_empty() {
            return None;
        }
        let deps: BTreeSet<ChangeHash> = changes
            .iter()
            .filter(|c| kept.contains(&c.hash()))
            .flat_map(|c| c.deps().iter().copied())
            .collect();
        let heads: Vec<ChangeHash> = kept.difference(&deps).copied().collect();
        let past = doc.fork_at(&heads).ok()?;
        let mut view = ClientBase::new(self.index_id, self.actor().clone());
        view.docs.insert(id, past);
        Some(view)
    }
}
