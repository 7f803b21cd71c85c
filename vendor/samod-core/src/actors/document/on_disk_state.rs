use std::collections::{HashMap, HashSet};

use automerge::Automerge;

use crate::{
    DocumentId, StorageKey,
    actors::document::DocActorResult,
    io::{IoTaskId, StorageResult},
};

mod compaction_hash;
pub use compaction_hash::CompactionHash;

/// Fieldbase patch (compaction by size): a document is compacted when its incremental
/// chunks outweigh its snapshot (but not before they reach this many bytes) ...
const COMPACT_MIN_INCREMENTAL_BYTES: usize = 4096;
/// ... or when it has this many chunks on disk, whatever their size.
const COMPACT_MAX_CHUNKS: usize = 64;

#[derive(Debug)]
pub(super) struct OnDiskState {
    last_saved_heads: Option<Vec<automerge::ChangeHash>>,
    on_disk: HashSet<StorageKey>,
    /// Fieldbase patch: bytes of the snapshots on disk, and of the incremental chunks
    /// written or loaded since (what the compaction policy weighs).
    snapshot_bytes: usize,
    incremental_bytes: usize,
    compaction: Option<Compaction>,
    deletions: HashSet<StorageKey>,
    running_puts: HashMap<IoTaskId, StorageKey>,
    running_deletes: HashMap<IoTaskId, StorageKey>,
}

#[derive(Debug)]
struct Compaction {
    task: IoTaskId,
    supercedes: HashSet<StorageKey>,
    /// The snapshot's size, and the incremental bytes it supersedes.
    bytes: usize,
    superseded_incremental_bytes: usize,
}

impl OnDiskState {
    pub(super) fn new() -> Self {
        Self {
            last_saved_heads: None,
            on_disk: HashSet::new(),
            snapshot_bytes: 0,
            incremental_bytes: 0,
            compaction: None,
            deletions: HashSet::new(),
            running_deletes: HashMap::new(),
            running_puts: HashMap::new(),
        }
    }

    /// Add keys that we know are now on disk
    pub(super) fn add_keys<I: Iterator<Item = StorageKey>>(&mut self, contents: I) {
        self.on_disk.extend(contents);
    }

    /// Fieldbase patch: the document, empty until now, was loaded from disk with these
    /// heads: every change up to them is stored.
    pub(super) fn loaded(&mut self, heads: Vec<automerge::ChangeHash>) {
        if !heads.is_empty() {
            self.last_saved_heads = Some(heads);
        }
    }

    /// Fieldbase patch: the sizes of what was loaded from disk.
    pub(super) fn add_loaded_bytes(&mut self, snapshot_bytes: usize, incremental_bytes: usize) {
        self.snapshot_bytes += snapshot_bytes;
        self.incremental_bytes += incremental_bytes;
    }

    pub(super) fn save_new_changes(
        &mut self,
        out: &mut DocActorResult,
        doc_id: &DocumentId,
        doc: &Automerge,
    ) {
        // Fieldbase patch: nothing new since the last save (most steps) costs nothing;
        // `get_changes` walks the change graph even when it returns none.
        let heads = doc.get_heads();
        if self.last_saved_heads.as_ref() != Some(&heads) {
            let new_changes =
                doc.get_changes(self.last_saved_heads.as_ref().unwrap_or(&Vec::new()));
            let new_bytes: usize = new_changes.iter().map(|c| c.raw_bytes().len()).sum();
            // Fieldbase patch: compact by size (incremental chunks outweigh the
            // snapshot) or by count, not on every change once ten chunks are on disk:
            // a busy shared document was re-saved, deflated, on each of its changes.
            let eligible_for_compaction = new_changes.len() > 10
                || self.on_disk.len() >= COMPACT_MAX_CHUNKS
                || self.incremental_bytes + new_bytes
                    > self.snapshot_bytes.max(COMPACT_MIN_INCREMENTAL_BYTES);
            if self.compaction.is_none() && eligible_for_compaction {
                tracing::debug!(
                    num_changes = new_changes.len(),
                    num_on_disk = self.on_disk.len(),
                    "compacting changes"
                );
                let hash = CompactionHash::new(&heads);
                let key = StorageKey::snapshot_path(doc_id, &hash);
                let snapshot = doc.save();
                let bytes = snapshot.len();
                let put_id = out.put(key.clone(), snapshot);
                let mut supercedes = self.on_disk.clone();
                // Make sure that we don't delete the compaction we're producing
                // somehow One way this can happen is if a previous process got
                // killed after writing the compacted chunk but before deleting the
                // incremental changes.
                supercedes.remove(&key);
                self.compaction = Some(Compaction {
                    task: put_id,
                    supercedes,
                    bytes,
                    superseded_incremental_bytes: self.incremental_bytes,
                });
                self.running_puts.insert(put_id, key);
            } else {
                self.incremental_bytes += new_bytes;
                for change in new_changes {
                    let key = StorageKey::incremental_path(doc_id, change.hash());
                    let put_id = out.put(key.clone(), change.raw_bytes().to_vec());
                    self.running_puts.insert(put_id, key);
                }
            }
            self.last_saved_heads = Some(heads);
        }

        for deletion in self.deletions.drain() {
            let delete_id = out.delete(deletion.clone());
            self.running_deletes.insert(delete_id, deletion);
        }
    }

    pub(super) fn is_flushed(&self) -> bool {
        self.running_puts.is_empty()
    }

    /// Fieldbase patch (unloading): no write, compaction or deletion is running or
    /// waiting, so nothing would be lost or left half done if the actor went away now.
    pub(super) fn is_idle(&self) -> bool {
        self.running_puts.is_empty()
            && self.running_deletes.is_empty()
            && self.deletions.is_empty()
            && self.compaction.is_none()
    }

    pub(super) fn has_task(&self, task_id: IoTaskId) -> bool {
        self.running_puts.contains_key(&task_id) || self.running_deletes.contains_key(&task_id)
    }

    pub(super) fn task_complete(&mut self, task_id: IoTaskId, result: StorageResult) {
        match result {
            StorageResult::Put => {
                if let Some(compaction_key) = self.running_puts.remove(&task_id) {
                    tracing::debug!(key=%compaction_key, "compaction put completed for key");
                    self.mark_put_complete(task_id, compaction_key);
                } else {
                    panic!("put complete for unknown task id: {:?}", task_id);
                }
            }
            StorageResult::Delete => {
                if let Some(deletion_key) = self.running_deletes.remove(&task_id) {
                    self.mark_delete_complete(deletion_key);
                } else {
                    panic!("delete complete for unknown task id: {:?}", task_id);
                }
            }
            _ => panic!("unexpected storage result"),
        }
    }

    fn mark_put_complete(&mut self, task_id: IoTaskId, key: StorageKey) {
        if let Some(compaction) = &mut self.compaction
            && compaction.task == task_id
        {
            tracing::debug!("compacted chunk saved, deleting superceded data");
            // We're marking these as deleted before we get confirmation that they
            // are deleted. This is okay, worst case we end up with some extra data
            // on disk which gets cleared up on next boot.
            for key in &compaction.supercedes {
                self.on_disk.remove(key);
            }
            self.deletions
                .extend(std::mem::take(&mut compaction.supercedes));
            // What was written incrementally while the snapshot was saved stays.
            self.incremental_bytes = self
                .incremental_bytes
                .saturating_sub(compaction.superseded_incremental_bytes);
            self.snapshot_bytes = compaction.bytes;
            self.compaction = None;
        }
        self.on_disk.insert(key);
    }

    fn mark_delete_complete(&mut self, key: StorageKey) {
        // Probably this has already been removed in the handling of the compaction completion, but
        // we might as well be robust
        self.on_disk.remove(&key);
    }
}
