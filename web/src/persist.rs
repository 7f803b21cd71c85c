//! What to write to the device so that every change survives a reload: the pure half of
//! the chunk store (the IndexedDB half lives in `store.rs`, wasm only).
//!
//! Each document is kept as numbered chunks under `[docId, seq]`: incremental chunks
//! made with `save_after(persisted heads)` (never `save_incremental`, whose "since the
//! last call" is lost if the write then fails). Several tabs may write the same
//! database, so the sequence number and the decision to compact are taken inside the
//! write transaction from the keys actually there ([`placement`]), and a compaction
//! first merges every chunk it is about to delete into the snapshot ([`compact`]):
//! nothing another tab wrote is ever overwritten or dropped. Only chunks the tab does not
//! already hold are read and merged ([`HeldChunks`]): merging the index's own snapshot
//! back into itself replays every change in it, seconds at 10,000 clients in wasm.

use std::collections::{BTreeSet, HashMap};

use fieldbase_core::{ClientBase, DocumentId, automerge::ChangeHash};

/// A client document with this many chunks is compacted into one snapshot on its next
/// write.
pub const MAX_CHUNKS: usize = 20;

/// The same for an index document (the team index, a book): its snapshot holds every
/// client's summary, so writing it costs far more than reading a few hundred small
/// chunks at start; compacting it every 20 edits made every 20th saved lead wait for it.
pub const MAX_INDEX_CHUNKS: usize = 200;

/// How many chunks `doc` may have before its next write compacts it.
pub fn max_chunks(base: &ClientBase, doc: DocumentId) -> usize {
    if base.is_index(doc) {
        MAX_INDEX_CHUNKS
    } else {
        MAX_CHUNKS
    }
}

/// An incremental chunk to write for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The document.
    pub doc: DocumentId,
    /// `save_after(persisted heads)`: every change the device does not have yet.
    pub bytes: Vec<u8>,
    /// The document's heads once the chunk is written.
    pub heads: Vec<ChangeHash>,
}

/// Where a chunk goes, decided from the sequence numbers already stored for its
/// document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Add the chunk as `seq`.
    Append {
        /// The new chunk's sequence number.
        seq: u32,
    },
    /// Replace every stored chunk with one snapshot stored as `seq`.
    Compact {
        /// The snapshot's sequence number.
        seq: u32,
    },
}

/// The placement of a new chunk given the sequence numbers stored for its document and
/// how many it may have ([`max_chunks`]).
pub fn placement(existing: &[u32], max_chunks: usize) -> Placement {
    let seq = existing.iter().max().map_or(0, |max| max + 1);
    if existing.len() >= max_chunks {
        Placement::Compact { seq }
    } else {
        Placement::Append { seq }
    }
}

/// The stored chunks whose changes this tab's replica already holds: read at start or
/// written by this tab. Sequence numbers are never reused (a snapshot takes the next
/// one), so a chunk number the tab does not know is another tab's write.
#[derive(Debug, Default)]
pub struct HeldChunks {
    held: HashMap<DocumentId, BTreeSet<u32>>,
}

impl HeldChunks {
    /// Records a chunk read into the replica, or written from it.
    pub fn hold(&mut self, doc: DocumentId, seq: u32) {
        self.held.entry(doc).or_default().insert(seq);
    }

    /// Records a compaction: `seq` is now the document's only chunk.
    pub fn compacted(&mut self, doc: DocumentId, seq: u32) {
        self.held.insert(doc, BTreeSet::from([seq]));
    }

    /// Of the chunks stored for `doc`, those the replica does not hold: what a
    /// compaction must merge before it deletes them.
    pub fn not_held(&self, doc: DocumentId, stored: &[u32]) -> Vec<u32> {
        let held = self.held.get(&doc);
        stored
            .iter()
            .copied()
            .filter(|s| !held.is_some_and(|h| h.contains(s)))
            .collect()
    }

    /// Forgets everything (the store was cleared).
    pub fn clear(&mut self) {
        self.held.clear();
    }
}

/// Merges the stored chunks of `doc` that the replica does not hold (another tab's
/// changes) into `base` and returns a snapshot of everything and its heads.
pub fn compact(
    base: &mut ClientBase,
    doc: DocumentId,
    stored: &[Vec<u8>],
) -> (Vec<u8>, Vec<ChangeHash>) {
    for chunk in stored {
        if let Err(e) = base.load_doc(doc, chunk) {
            // A damaged chunk cannot be merged; the snapshot keeps everything else.
            debug_assert!(false, "damaged chunk of {doc}: {e}");
        }
    }
    let d = base.doc_or_empty(doc);
    (d.save(), d.get_heads())
}

/// The heads of each document known to be on the device (as this tab wrote or read
/// them).
#[derive(Debug, Default)]
pub struct Persister {
    persisted: HashMap<DocumentId, Vec<ChangeHash>>,
}

impl Persister {
    /// Records what is on the device for `doc`: read at start, or just written.
    pub fn persisted(&mut self, doc: DocumentId, heads: Vec<ChangeHash>) {
        self.persisted.insert(doc, heads);
    }

    /// What is on the device for `doc`, as last recorded.
    pub fn persisted_heads(&self, doc: DocumentId) -> Option<&[ChangeHash]> {
        self.persisted.get(&doc).map(Vec::as_slice)
    }

    /// The chunks that bring the device up to date with `ids` in `base` (documents
    /// with nothing new are left out).
    pub fn plan(&self, base: &ClientBase, ids: &[DocumentId]) -> Vec<Planned> {
        let mut out: Vec<Planned> = Vec::new();
        for &id in ids {
            if out.iter().any(|p| p.doc == id) {
                continue;
            }
            let Some(doc) = base.doc(id) else { continue };
            let heads = doc.get_heads();
            let persisted = self.persisted.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            if heads == persisted {
                continue;
            }
            let bytes = doc.save_after(persisted);
            if !bytes.is_empty() {
                out.push(Planned {
                    doc: id,
                    bytes,
                    heads,
                });
            }
        }
        out
    }
}

/// Heads as the hex strings they are stored as.
pub fn heads_to_strings(heads: &[ChangeHash]) -> Vec<String> {
    heads.iter().map(ToString::to_string).collect()
}

/// Heads read back from their hex strings (bad entries are skipped).
pub fn heads_from_strings(heads: &[String]) -> Vec<ChangeHash> {
    heads.iter().filter_map(|h| h.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use fieldbase_core::{Author, ClientDraft, automerge::ActorId};

    use super::*;

    /// The chunk store as IndexedDB holds it.
    type Chunks = BTreeMap<(DocumentId, u32), Vec<u8>>;

    /// One tab: its own replica and bookkeeping over the shared store.
    struct Tab {
        base: ClientBase,
        persister: Persister,
        held: HeldChunks,
        /// How many chunks compactions read back.
        merged: usize,
    }

    fn index() -> DocumentId {
        DocumentId::from_bytes([1; 16])
    }

    impl Tab {
        /// Opens the store as the app does at start.
        fn open(chunks: &Chunks, actor: u8) -> Tab {
            let mut base = ClientBase::new(index(), ActorId::from([actor; 16]));
            let mut persister = Persister::default();
            let mut held = HeldChunks::default();
            let mut by_doc: BTreeMap<DocumentId, Vec<u8>> = BTreeMap::new();
            for ((doc, seq), bytes) in chunks {
                by_doc.entry(*doc).or_default().extend_from_slice(bytes);
                held.hold(*doc, *seq);
            }
            for (doc, bytes) in by_doc {
                base.load_doc(doc, &bytes).unwrap();
                persister.persisted(doc, base.heads(doc));
            }
            Tab {
                base,
                persister,
                held,
                merged: 0,
            }
        }

        fn add(&mut self, chunks: &mut Chunks, id: u8, name: &str) {
            let draft = ClientDraft {
                name: name.into(),
                ..ClientDraft::default()
            };
            let author = Author {
                who: "anna/test".into(),
                at: 1_700_000_000_000,
            };
            let edit = self
                .base
                .add_client(DocumentId::from_bytes([id; 16]), &draft, &author)
                .unwrap();
            // What Store::write does inside its transaction.
            for p in self.persister.plan(&self.base, &edit.touched) {
                let seqs: Vec<u32> = chunks
                    .keys()
                    .filter(|(d, _)| *d == p.doc)
                    .map(|(_, s)| *s)
                    .collect();
                match placement(&seqs, MAX_CHUNKS) {
                    Placement::Append { seq } => {
                        chunks.insert((p.doc, seq), p.bytes);
                        self.held.hold(p.doc, seq);
                        self.persister.persisted(p.doc, p.heads);
                    }
                    Placement::Compact { seq } => {
                        let stored: Vec<Vec<u8>> = self
                            .held
                            .not_held(p.doc, &seqs)
                            .iter()
                            .map(|s| chunks[&(p.doc, *s)].clone())
                            .collect();
                        self.merged += stored.len();
                        let (snapshot, heads) = compact(&mut self.base, p.doc, &stored);
                        chunks.retain(|(d, _), _| *d != p.doc);
                        chunks.insert((p.doc, seq), snapshot);
                        self.held.compacted(p.doc, seq);
                        self.persister.persisted(p.doc, heads);
                    }
                }
            }
        }

        fn names(&self) -> Vec<String> {
            self.base.clients().into_iter().map(|c| c.name).collect()
        }
    }

    #[test]
    fn edits_survive_a_reload_and_chunks_are_compacted() {
        let mut chunks = Chunks::new();
        let mut tab = Tab::open(&chunks, 2);
        for i in 0..45u8 {
            tab.add(&mut chunks, 100 + i, &format!("Client {i:02}"));
            let index_chunks = chunks.keys().filter(|(d, _)| *d == index()).count();
            assert!(index_chunks <= MAX_CHUNKS, "{index_chunks}");
            // Nothing left to write once written.
            assert!(tab.persister.plan(&tab.base, &[index()]).is_empty());
        }
        let reloaded = Tab::open(&chunks, 3);
        assert_eq!(reloaded.base.clients(), tab.base.clients());
        assert_eq!(reloaded.base.heads(index()), tab.base.heads(index()));
        // Alone, a tab holds every chunk it compacts: nothing is read back.
        assert_eq!(tab.merged, 0);
    }

    #[test]
    fn two_tabs_writing_the_same_store_lose_nothing() {
        let mut chunks = Chunks::new();
        let mut a = Tab::open(&chunks, 2);
        let mut b = Tab::open(&chunks, 3);
        for i in 0..30u8 {
            a.add(&mut chunks, 100 + i, &format!("A {i:02}"));
            b.add(&mut chunks, 150 + i, &format!("B {i:02}"));
        }
        let reloaded = Tab::open(&chunks, 4);
        let names = reloaded.names();
        assert_eq!(names.len(), 60, "{names:?}");
        // A compaction by one tab merged the other's changes instead of dropping them,
        // reading back only the chunks it did not hold.
        assert!(a.names().len() > 30 || b.names().len() > 30);
        assert!(a.merged + b.merged > 0);
        assert!(a.merged + b.merged < 2 * 60, "{} + {}", a.merged, b.merged);
    }

    #[test]
    fn only_chunks_the_tab_does_not_hold_are_merged() {
        let doc = index();
        let mut held = HeldChunks::default();
        assert_eq!(held.not_held(doc, &[0, 1]), [0, 1]);
        held.hold(doc, 0);
        held.hold(doc, 1);
        assert_eq!(held.not_held(doc, &[0, 1, 2, 5]), [2, 5]);
        held.compacted(doc, 6);
        assert_eq!(held.not_held(doc, &[0, 6, 7]), [0, 7]);
        assert_eq!(held.not_held(DocumentId::from_bytes([9; 16]), &[6]), [6]);
        held.clear();
        assert_eq!(held.not_held(doc, &[6]), [6]);
    }

    #[test]
    fn an_index_document_may_keep_more_chunks_than_a_client() {
        let base = ClientBase::new(index(), ActorId::from([2u8; 16]));
        assert_eq!(max_chunks(&base, index()), MAX_INDEX_CHUNKS);
        assert_eq!(
            max_chunks(&base, DocumentId::from_bytes([7; 16])),
            MAX_CHUNKS
        );
        let stored: Vec<u32> = (0..MAX_CHUNKS as u32).collect();
        assert_eq!(
            placement(&stored, max_chunks(&base, index())),
            Placement::Append {
                seq: MAX_CHUNKS as u32
            }
        );
    }

    #[test]
    fn a_failed_write_is_written_again_next_time() {
        let mut base = ClientBase::new(index(), ActorId::from([2u8; 16]));
        let persister = Persister::default();
        let author = Author {
            who: "anna/test".into(),
            at: 1,
        };
        let draft = |n: &str| ClientDraft {
            name: n.into(),
            ..ClientDraft::default()
        };
        let a = base
            .add_client(DocumentId::from_bytes([3; 16]), &draft("A"), &author)
            .unwrap();
        let _lost = persister.plan(&base, &a.touched); // the transaction failed
        let b = base
            .add_client(DocumentId::from_bytes([4; 16]), &draft("B"), &author)
            .unwrap();
        let mut ids = a.touched.clone();
        ids.extend(b.touched);
        let mut chunks = Chunks::new();
        for (seq, p) in persister.plan(&base, &ids).into_iter().enumerate() {
            chunks.insert((p.doc, seq as u32), p.bytes);
        }
        assert_eq!(Tab::open(&chunks, 5).names(), ["A", "B"]);
    }

    #[test]
    fn placement_appends_then_compacts() {
        assert_eq!(placement(&[], MAX_CHUNKS), Placement::Append { seq: 0 });
        assert_eq!(
            placement(&[0, 1, 7], MAX_CHUNKS),
            Placement::Append { seq: 8 }
        );
        let full: Vec<u32> = (3..3 + MAX_CHUNKS as u32).collect();
        assert_eq!(
            placement(&full, MAX_CHUNKS),
            Placement::Compact {
                seq: 3 + MAX_CHUNKS as u32
            }
        );
    }

    #[test]
    fn heads_round_trip_through_strings() {
        let tab = Tab::open(&Chunks::new(), 2);
        let heads = tab.base.heads(index());
        assert!(!heads.is_empty());
        assert_eq!(heads_from_strings(&heads_to_strings(&heads)), heads);
    }
}
