//! The documents a replica holds, each either loaded or still the bytes it was stored as.
//!
//! A device holding 10,000 client documents need not parse them all before it can show
//! the list: the list, search and Today read the index documents alone. A client
//! document handed in with [`crate::ClientBase::stash_doc`] stays as its stored bytes
//! until something reads it (the card, a report, the sync client), which loads it once,
//! in place, through `&self`. Whoever persists documents learns the heads each stashed
//! document had when it was loaded from [`Docs::take_materialized`], so it can go on
//! writing chunks after exactly what is on the device.

use std::{
    cell::{Cell, OnceCell, RefCell},
    collections::BTreeMap,
};

use automerge::{ActorId, Automerge, ChangeHash};

use crate::DocumentId;

/// One held document.
#[derive(Debug)]
struct Slot {
    doc: OnceCell<Automerge>,
    /// The stored bytes, until the document is first read.
    stored: RefCell<Option<Box<[u8]>>>,
    /// What was held before the bytes were stashed over it (an index's genesis): its
    /// changes are merged into the document when it loads.
    under: RefCell<Option<Automerge>>,
}

impl Slot {
    fn loaded(doc: Automerge) -> Self {
        Slot {
            doc: OnceCell::from(doc),
            stored: RefCell::new(None),
            under: RefCell::new(None),
        }
    }
}

/// The held documents by id (see the module documentation).
#[derive(Debug)]
pub(crate) struct Docs {
    map: BTreeMap<DocumentId, Slot>,
    actor: ActorId,
    /// Stashed documents loaded since the last [`Docs::take_materialized`], with the
    /// heads they were stored with.
    materialized: RefCell<Vec<(DocumentId, Vec<ChangeHash>)>>,
    /// Stashed documents whose bytes did not load, with the reason.
    damaged: RefCell<Vec<(DocumentId, String)>>,
    stashed: Cell<usize>,
}

impl Docs {
    /// No documents; loaded ones take `actor` for their local changes.
    pub(crate) fn new(actor: ActorId) -> Self {
        Docs {
            map: BTreeMap::new(),
            actor,
            materialized: RefCell::default(),
            damaged: RefCell::default(),
            stashed: Cell::new(0),
        }
    }

    /// The slot's document, loading it from its stored bytes on first use.
    fn force<'a>(&self, id: DocumentId, slot: &'a Slot) -> &'a Automerge {
        slot.doc.get_or_init(|| {
            let bytes = slot.stored.borrow_mut().take().unwrap_or_default();
            let under = slot.under.borrow_mut().take();
            self.stashed.set(self.stashed.get().saturating_sub(1));
            match Automerge::load(&bytes) {
                Ok(doc) => {
                    let mut doc = doc.with_actor(self.actor.clone());
                    self.materialized.borrow_mut().push((id, doc.get_heads()));
                    if let Some(under) = under {
                        let missing = doc.get_changes_added(&under);
                        if let Err(e) = doc.apply_changes(missing) {
                            self.damaged.borrow_mut().push((id, e.to_string()));
                        }
                    }
                    doc
                }
                Err(e) => {
                    // Held as empty (or as what it was stashed over): the sync client
                    // asks the server for all of it.
                    self.damaged.borrow_mut().push((id, e.to_string()));
                    under.unwrap_or_else(|| Automerge::new().with_actor(self.actor.clone()))
                }
            }
        })
    }

    /// A held document (loaded now if it was stashed).
    pub(crate) fn get(&self, id: &DocumentId) -> Option<&Automerge> {
        let slot = self.map.get(id)?;
        Some(self.force(*id, slot))
    }

    /// A held document for writing (loaded now if it was stashed).
    pub(crate) fn get_mut(&mut self, id: &DocumentId) -> Option<&mut Automerge> {
        let slot = self.map.get(id)?;
        self.force(*id, slot);
        self.map.get_mut(id)?.doc.get_mut()
    }

    /// The held document, or `make()` held from now on.
    pub(crate) fn get_or_insert_with(
        &mut self,
        id: DocumentId,
        make: impl FnOnce() -> Automerge,
    ) -> &mut Automerge {
        self.map.entry(id).or_insert_with(|| Slot::loaded(make()));
        self.get_mut(&id).expect("inserted above")
    }

    /// Whether `id` is held, loaded or not.
    pub(crate) fn contains_key(&self, id: &DocumentId) -> bool {
        self.map.contains_key(id)
    }

    /// Holds `doc` as `id`, replacing what was held.
    pub(crate) fn insert(&mut self, id: DocumentId, doc: Automerge) {
        if let Some(old) = self.map.insert(id, Slot::loaded(doc))
            && old.doc.get().is_none()
        {
            self.stashed.set(self.stashed.get().saturating_sub(1));
        }
    }

    /// Holds the stored bytes of a document not held yet, to be loaded on first use.
    /// Returns false (and holds nothing new) when `id` is already held.
    pub(crate) fn stash(&mut self, id: DocumentId, bytes: Vec<u8>) -> bool {
        if self.map.contains_key(&id) {
            return false;
        }
        self.map.insert(
            id,
            Slot {
                doc: OnceCell::new(),
                stored: RefCell::new(Some(bytes.into_boxed_slice())),
                under: RefCell::new(None),
            },
        );
        self.stashed.set(self.stashed.get() + 1);
        true
    }

    /// Stashes the stored bytes of a held, loaded document over it: the document is
    /// loaded from the bytes on first use and what was held is merged in then (for a
    /// document held only as its genesis, which the stored bytes descend from). Returns
    /// false (and changes nothing) when `id` is not held loaded.
    pub(crate) fn stash_over(&mut self, id: DocumentId, bytes: Vec<u8>) -> bool {
        let Some(slot) = self.map.get_mut(&id) else {
            return false;
        };
        let Some(held) = slot.doc.take() else {
            return false;
        };
        *slot.stored.get_mut() = Some(bytes.into_boxed_slice());
        *slot.under.get_mut() = Some(held);
        self.stashed.set(self.stashed.get() + 1);
        true
    }

    /// Whether `id` is held but not loaded yet.
    pub(crate) fn is_stashed(&self, id: &DocumentId) -> bool {
        self.map.get(id).is_some_and(|s| s.doc.get().is_none())
    }

    /// Whether `id` is held and loaded (not still stashed).
    pub(crate) fn is_loaded(&self, id: &DocumentId) -> bool {
        self.map.get(id).is_some_and(|s| s.doc.get().is_some())
    }

    /// How many held documents are still stashed.
    pub(crate) fn stashed(&self) -> usize {
        self.stashed.get()
    }

    /// Ids of up to `max` stashed documents.
    pub(crate) fn stashed_ids(&self, max: usize) -> Vec<DocumentId> {
        if self.stashed.get() == 0 {
            return Vec::new();
        }
        self.map
            .iter()
            .filter(|(_, s)| s.doc.get().is_none())
            .map(|(id, _)| *id)
            .take(max)
            .collect()
    }

    /// Stashed documents loaded since the last call, with the heads they were stored
    /// with.
    pub(crate) fn take_materialized(&self) -> Vec<(DocumentId, Vec<ChangeHash>)> {
        std::mem::take(&mut *self.materialized.borrow_mut())
    }

    /// Stashed documents whose bytes did not load since the last call, with the reason.
    pub(crate) fn take_damaged(&self) -> Vec<(DocumentId, String)> {
        std::mem::take(&mut *self.damaged.borrow_mut())
    }

    /// Ids of every held document, in order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &DocumentId> {
        self.map.keys()
    }

    /// How many documents are held, stashed ones included.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    /// Every held document, loading the stashed ones.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&DocumentId, &Automerge)> {
        self.map
            .iter()
            .map(|(id, slot)| (id, self.force(*id, slot)))
    }
}

impl<'a> IntoIterator for &'a Docs {
    type Item = (&'a DocumentId, &'a Automerge);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl std::ops::Index<&DocumentId> for Docs {
    type Output = Automerge;

    fn index(&self, id: &DocumentId) -> &Automerge {
        self.get(id).expect("a held document")
    }
}

#[cfg(test)]
mod tests {
    use automerge::{AutoCommit, ROOT, ReadDoc, transaction::Transactable};

    use super::*;

    fn id(n: u8) -> DocumentId {
        DocumentId::from_bytes([n; 16])
    }

    fn saved(name: &str) -> (Vec<u8>, Vec<ChangeHash>) {
        let mut doc = AutoCommit::new();
        doc.put(ROOT, "name", name).unwrap();
        let heads = doc.get_heads();
        (doc.save(), heads)
    }

    #[test]
    fn a_stashed_document_loads_on_first_read_and_reports_its_stored_heads() {
        let mut docs = Docs::new(ActorId::from([7u8; 16]));
        let (bytes, heads) = saved("Acme");
        assert!(docs.stash(id(1), bytes));
        assert_eq!(docs.stashed(), 1);
        assert!(!docs.is_loaded(&id(1)));
        assert_eq!(docs.stashed_ids(10), vec![id(1)]);
        let doc = docs.get(&id(1)).expect("held");
        let name: String = doc.get(ROOT, "name").unwrap().unwrap().0.to_string();
        assert_eq!(name, "\"Acme\"");
        assert!(docs.is_loaded(&id(1)));
        assert_eq!(docs.stashed(), 0);
        assert_eq!(docs.take_materialized(), vec![(id(1), heads)]);
        assert!(docs.take_materialized().is_empty(), "reported once");
        assert_eq!(
            docs.get(&id(1)).unwrap().get_actor(),
            &ActorId::from([7u8; 16])
        );
    }

    #[test]
    fn stashing_never_replaces_a_held_document() {
        let mut docs = Docs::new(ActorId::random());
        let (a, _) = saved("A");
        let (b, _) = saved("B");
        docs.stash(id(1), a);
        assert!(!docs.stash(id(1), b), "already held");
        let name = docs
            .get(&id(1))
            .unwrap()
            .get(ROOT, "name")
            .unwrap()
            .unwrap();
        assert_eq!(name.0.to_string(), "\"A\"");
    }

    #[test]
    fn bytes_stashed_over_a_held_document_load_with_its_changes_merged() {
        let mut docs = Docs::new(ActorId::random());
        let mut base = AutoCommit::new();
        base.put(ROOT, "genesis", true).unwrap();
        let mut stored = base.fork();
        stored.put(ROOT, "name", "Acme").unwrap();
        let stored_heads = stored.get_heads();
        let mut held = base.fork();
        held.put(ROOT, "local", 1).unwrap();
        docs.insert(id(1), held.document().clone());
        assert!(docs.stash_over(id(1), stored.save()));
        assert!(docs.is_stashed(&id(1)));
        assert_eq!(docs.stashed(), 1);
        assert!(!docs.stash_over(id(1), Vec::new()), "already stashed");
        assert!(!docs.stash_over(id(9), Vec::new()), "not held");
        let doc = docs.get(&id(1)).unwrap();
        for key in ["genesis", "name", "local"] {
            assert!(doc.get(ROOT, key).unwrap().is_some(), "{key} kept");
        }
        // What is on the device is the stored bytes, not the merged-in changes.
        assert_eq!(docs.take_materialized(), vec![(id(1), stored_heads)]);
        assert_eq!(docs.stashed(), 0);
    }

    #[test]
    fn damaged_bytes_stashed_over_a_document_leave_it_as_it_was() {
        let mut docs = Docs::new(ActorId::random());
        let mut held = AutoCommit::new();
        held.put(ROOT, "genesis", true).unwrap();
        let heads = held.get_heads();
        docs.insert(id(1), held.document().clone());
        docs.stash_over(id(1), vec![1, 2, 3]);
        assert_eq!(docs.get(&id(1)).unwrap().get_heads(), heads);
        assert_eq!(docs.take_damaged().len(), 1);
    }

    #[test]
    fn damaged_bytes_are_held_empty_and_reported() {
        let mut docs = Docs::new(ActorId::random());
        docs.stash(id(2), vec![1, 2, 3]);
        assert!(docs.get(&id(2)).unwrap().get_heads().is_empty());
        let damaged = docs.take_damaged();
        assert_eq!(damaged.len(), 1);
        assert_eq!(damaged[0].0, id(2));
        assert!(docs.take_materialized().is_empty());
    }

    #[test]
    fn iterating_and_writing_load_stashed_documents() {
        let mut docs = Docs::new(ActorId::random());
        docs.stash(id(1), saved("A").0);
        docs.stash(id(2), saved("B").0);
        docs.insert(id(3), Automerge::new());
        assert_eq!(docs.stashed(), 2);
        assert!(docs.get_mut(&id(2)).is_some());
        assert_eq!(docs.stashed(), 1);
        assert_eq!(docs.iter().count(), 3);
        assert_eq!(docs.stashed(), 0);
        assert_eq!(docs.len(), 3);
    }
}
