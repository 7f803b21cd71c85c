//! The index documents as plain structs, kept up to date incrementally.
//!
//! Lists, search, Today and the receivables read every client entry of the team index
//! and the books. Reading 10,000 entries key by key through Automerge on every query made
//! Today take seconds; this view parses each entry once and, when an index document
//! changes (a local edit, a merge, a sync message), re-parses only the entries the new
//! changes' operations name (Automerge's diff between the old and the new heads when an
//! operation is on an object the view cannot place: the diff costs the whole document,
//! 0.2 s for one added client at 10,000, reading the new changes costs those changes). The view is refreshed lazily, when a
//! reader needs it, so every way a document can change (including `doc_mut` from the
//! sync client) is covered by comparing heads.
//!
//! The view can be saved ([`ClientBase::snapshot_index_view`]) and handed to a fresh replica
//! ([`ClientBase::restore_index_view`]) whose index documents are stashed with the very bytes
//! the view was parsed from: lists, search and Today then read it without loading the
//! index documents (seconds at 10,000 clients in the browser). A stashed index document
//! the view has heads for is trusted as it is; once it is loaded, its real heads are
//! compared as for any other, so a view that does not match is corrected, never kept.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use automerge::{
    ActorId, Automerge, ChangeHash, ObjId, ObjType, Prop, ReadDoc, Value, legacy,
    patches::PatchAction,
};

use bincode::Options;
use serde::{Deserialize, Serialize};

use crate::{
    ClientBase, ClientSummary, DocumentId, Error, Receivable, base, contact::ContactSummary,
    report, today,
};

/// The version of [`ViewSnapshot`]'s layout (bincode with variable-length integers); a
/// snapshot of another version is not taken.
const SNAPSHOT_FORMAT: u32 = 2;

/// The view of one index document as saved.
#[derive(Serialize, Deserialize)]
struct DocSnapshot {
    id: DocumentId,
    heads: Vec<[u8; 32]>,
    entries: Vec<(DocumentId, CachedEntry)>,
    /// `objects`, with the actors numbered in `ViewSnapshot::actors`.
    objects: Vec<(u64, u32, String)>,
}

/// [`IndexView`] as saved by [`ClientBase::snapshot_index_view`].
#[derive(Serialize, Deserialize)]
struct ViewSnapshot {
    format: u32,
    actors: Vec<Vec<u8>>,
    docs: Vec<DocSnapshot>,
}

/// One client entry, parsed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct CachedEntry {
    pub(crate) summary: ClientSummary,
    pub(crate) contacts: Vec<ContactSummary>,
    /// What Today needs (`None` for an archived client).
    pub(crate) today: Option<today::Entry>,
    pub(crate) receivables: Vec<Receivable>,
}

/// The parsed entries of every index document, and the heads they were parsed at.
#[derive(Debug, Default)]
pub(crate) struct IndexView {
    heads: BTreeMap<DocumentId, Vec<ChangeHash>>,
    by_doc: BTreeMap<DocumentId, BTreeMap<DocumentId, CachedEntry>>,
    /// Index documents in reading order (books first, then the team index).
    order: Vec<DocumentId>,
    /// Per index document, each client entry's object (and objects made inside one), by
    /// its creating operation's id, with the entry's key.
    objects: BTreeMap<DocumentId, HashMap<(u64, ActorId), String>>,
}

impl IndexView {
    /// Every client once (a book's entry wins over the team index's), in id order.
    pub(crate) fn entries(&self) -> Vec<(DocumentId, &CachedEntry)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for doc in &self.order {
            if let Some(entries) = self.by_doc.get(doc) {
                for (id, e) in entries {
                    if seen.insert(*id) {
                        out.push((*id, e));
                    }
                }
            }
        }
        out
    }

    /// One client's entry.
    pub(crate) fn entry(&self, client: DocumentId) -> Option<&CachedEntry> {
        self.order
            .iter()
            .find_map(|doc| self.by_doc.get(doc)?.get(&client))
    }
}

fn parse(
    doc: &Automerge,
    clients: &automerge::ObjId,
    key: &str,
    objects: &mut HashMap<(u64, ActorId), String>,
) -> Option<(DocumentId, CachedEntry)> {
    let id: DocumentId = key.parse().ok()?;
    let entry = match doc.get(clients, key).ok()?? {
        (Value::Object(ObjType::Map), obj) => obj,
        _ => return None,
    };
    if let ObjId::Id(counter, actor, _) = &entry {
        objects.insert((*counter, actor.clone()), key.to_owned());
    }
    Some((
        id,
        CachedEntry {
            summary: base::read_record(doc, &entry, id),
            contacts: crate::contact::read_contact_summaries(doc, &entry),
            today: today::read_entry(doc, &entry, id),
            receivables: report::read_receivables(doc, &entry, id),
        },
    ))
}

/// The client keys the changes after `old` touched, read from their operations: an
/// operation in the `clients` map names its key, one in a known entry object (or an
/// object made inside one by these changes) that entry's key. `None` when an operation
/// is on an object the view cannot place; the caller then asks the diff.
fn touched_by_changes(
    doc: &Automerge,
    clients: &automerge::ObjId,
    objects: &mut HashMap<(u64, ActorId), String>,
    old: &[ChangeHash],
) -> Option<BTreeSet<String>> {
    let ObjId::Id(clients_counter, clients_actor, _) = clients else {
        return None;
    };
    let mut keys = BTreeSet::new();
    for change in doc.get_changes(old) {
        let change = change.decode();
        for (i, op) in change.operations.iter().enumerate() {
            let legacy::ObjectId::Id(legacy::OpId(counter, actor)) = &op.obj else {
                return None;
            };
            let key = if counter == clients_counter && actor == clients_actor {
                match &op.key {
                    legacy::Key::Map(k) => k.to_string(),
                    legacy::Key::Seq(_) => return None,
                }
            } else {
                objects.get(&(*counter, actor.clone()))?.clone()
            };
            if let legacy::OpType::Make(_) = op.action {
                let id = change.start_op.get() + i as u64;
                objects.insert((id, change.actor_id.clone()), key.clone());
            }
            keys.insert(key);
        }
    }
    Some(keys)
}

/// The client keys a change between `old` and `new` touched in the `clients` map.
fn touched_keys(
    doc: &Automerge,
    clients: &automerge::ObjId,
    old: &[ChangeHash],
    new: &[ChangeHash],
) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for patch in doc.diff(old, new) {
        if &patch.obj == clients
            && let PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } = &patch.action
        {
            keys.insert(key.clone());
        }
        for (obj, prop) in &patch.path {
            if obj == clients
                && let Prop::Map(k) = prop
            {
                keys.insert(k.clone());
            }
        }
    }
    keys
}

impl ClientBase {
    /// The parsed view of the index documents (brought up to date first) as bytes, with
    /// the heads of each index document it was parsed at: what a device keeps next to
    /// the stored documents to hand to [`ClientBase::restore_index_view`] when it next opens.
    pub fn snapshot_index_view(&self) -> Vec<u8> {
        self.with_view(|view| {
            let mut actors: Vec<Vec<u8>> = Vec::new();
            let mut numbers: HashMap<&ActorId, u32> = HashMap::new();
            let docs = view
                .order
                .iter()
                .map(|id| DocSnapshot {
                    id: *id,
                    heads: view
                        .heads
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|h| h.0)
                        .collect(),
                    entries: view
                        .by_doc
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|(client, e)| (*client, e.clone()))
                        .collect(),
                    objects: view
                        .objects
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|((counter, actor), key)| {
                            let n = *numbers.entry(actor).or_insert_with(|| {
                                actors.push(actor.to_bytes().to_vec());
                                actors.len() as u32 - 1
                            });
                            (*counter, n, key.clone())
                        })
                        .collect(),
                })
                .collect();
            let saved = ViewSnapshot {
                format: SNAPSHOT_FORMAT,
                actors,
                docs,
            };
            bincode::DefaultOptions::new()
                .serialize(&saved)
                .expect("a view always serialises")
        })
    }

    /// Takes a view saved by [`ClientBase::snapshot_index_view`], for index documents that are
    /// stashed ([`ClientBase::stash_doc`]) with exactly the bytes it was saved from
    /// (the caller checks that: a device compares what it stored since); until one of
    /// them is loaded, lists, search and Today read the saved entries. Bytes that are
    /// not a saved view of this version are an error, and the view is left as it was.
    pub fn restore_index_view(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let saved: ViewSnapshot = bincode::DefaultOptions::new()
            .deserialize(bytes)
            .map_err(|e| Error::BadViewSnapshot(e.to_string()))?;
        if saved.format != SNAPSHOT_FORMAT {
            return Err(Error::BadViewSnapshot(format!(
                "format {} (this version reads {SNAPSHOT_FORMAT})",
                saved.format
            )));
        }
        let actors: Vec<ActorId> = saved.actors.iter().map(|a| ActorId::from(&a[..])).collect();
        let mut view = IndexView::default();
        for doc in saved.docs {
            let mut objects = HashMap::with_capacity(doc.objects.len());
            for (counter, actor, key) in doc.objects {
                let actor = actors
                    .get(actor as usize)
                    .ok_or_else(|| Error::BadViewSnapshot(format!("no actor {actor}")))?;
                objects.insert((counter, actor.clone()), key);
            }
            view.order.push(doc.id);
            view.heads
                .insert(doc.id, doc.heads.into_iter().map(ChangeHash).collect());
            view.by_doc
                .insert(doc.id, doc.entries.into_iter().collect());
            view.objects.insert(doc.id, objects);
        }
        *self.view.borrow_mut() = view;
        Ok(())
    }

    /// Runs `read` on the view, refreshed first for every index document whose heads
    /// moved since it was last parsed. A stashed index document the view has heads for
    /// (restored, see [`ClientBase::restore_index_view`]) is read from the view as it is.
    pub(crate) fn with_view<T>(&self, read: impl FnOnce(&IndexView) -> T) -> T {
        let mut view = self.view.borrow_mut();
        // Books first, as entry_of reads them; the team index last.
        let mut ids = self.index_ids();
        ids.rotate_left(1);
        let trusted = |view: &IndexView, id: &DocumentId| {
            self.docs.is_stashed(id) && view.heads.contains_key(id)
        };
        let mut docs: Vec<(DocumentId, Option<&Automerge>)> = Vec::new();
        for id in ids {
            if trusted(&view, &id) {
                docs.push((id, None));
            } else if let Some(doc) = self.docs.get(&id)
                && (id == self.index_id || base::has_clients(doc))
            {
                docs.push((id, Some(doc)));
            }
        }
        view.order = docs.iter().map(|(id, _)| *id).collect();
        let held: BTreeSet<DocumentId> = view.order.iter().copied().collect();
        view.by_doc.retain(|id, _| held.contains(id));
        view.heads.retain(|id, _| held.contains(id));
        view.objects.retain(|id, _| held.contains(id));
        for (doc_id, doc) in docs {
            let Some(doc) = doc else { continue };
            let heads = doc.get_heads();
            let old = view.heads.get(&doc_id).cloned();
            if old.as_ref() == Some(&heads) {
                continue;
            }
            let clients = base::clients_obj(doc);
            // Incremental when the old heads are in this document's history (a document
            // replaced wholesale, e.g. by a first load, is parsed again in full).
            let keys = old.filter(|old| {
                !old.is_empty() && old.iter().all(|h| doc.get_change_by_hash(h).is_some())
            });
            let IndexView {
                by_doc, objects, ..
            } = &mut *view;
            let entries = by_doc.entry(doc_id).or_default();
            let objects = objects.entry(doc_id).or_default();
            match keys {
                None => {
                    entries.clear();
                    objects.clear();
                    for key in doc.keys(&clients) {
                        if let Some((id, e)) = parse(doc, &clients, &key, objects) {
                            entries.insert(id, e);
                        }
                    }
                }
                Some(old) => {
                    let touched = touched_by_changes(doc, &clients, objects, &old)
                        .unwrap_or_else(|| touched_keys(doc, &clients, &old, &heads));
                    for key in touched {
                        match parse(doc, &clients, &key, objects) {
                            Some((id, e)) => {
                                entries.insert(id, e);
                            }
                            None => {
                                if let Ok(id) = key.parse::<DocumentId>() {
                                    entries.remove(&id);
                                }
                            }
                        }
                    }
                }
            }
            view.heads.insert(doc_id, heads);
        }
        read(&view)
    }
}
