//! Fieldbase patch 9: one compressed save of a document per heads, shared by every peer
//! that starts from nothing.
//!
//! When a peer that has none of a document asks for it and speaks the v2 sync format,
//! Automerge 0.12's `generate_sync_message` answers with the whole document:
//! `Automerge::save()`, which encodes and deflates every column. A server where many
//! devices sync the same shared document for the first time (the team's index, every
//! shared client) did that once per device, and `perf` during a 1,000-rep load showed
//! more than half of the server's time in deflate and in zeroing zlib's state for it.
//!
//! [`WholeDocCache::generate_sync_message`] builds that exact message itself when the
//! peer's state is the simple "has nothing" case, from a save made once for the
//! document's current heads; in every other case it calls Automerge. The message and
//! the state it leaves are the ones Automerge would produce (checked against Automerge
//! by `tests/tests/whole_doc.rs` in the Fieldbase workspace). The cache is dropped as soon
//! as no peer of the document is waiting for its first copy, so it costs memory only
//! while first syncs are under way.

use automerge::{
    Automerge, ChangeHash,
    sync::{self, BloomFilter, Capability, Have, MessageFlags, MessageVersion, SyncDoc},
};

/// The whole document at one set of heads, as a v2 sync message carries it.
#[derive(Debug)]
struct WholeDoc {
    heads: Vec<ChangeHash>,
    saved: Vec<u8>,
    hashes: Vec<ChangeHash>,
    bloom: BloomFilter,
}

/// A document's cached whole-document message (see the module documentation).
#[derive(Debug, Default)]
pub struct WholeDocCache(Option<WholeDoc>);

/// Whether `state` is a peer that has none of the document, that Automerge would send
/// the whole document to, and whose message needs nothing but the document: not a
/// read-only peer, nothing shared yet, and a message is due.
fn starts_from_nothing(state: &sync::State, our_heads: &[ChangeHash]) -> bool {
    let supports_v2 = state
        .their_capabilities
        .as_ref()
        .is_some_and(|caps| caps.contains(&Capability::MessageV2));
    let their_have_is_empty = state
        .their_have
        .as_ref()
        .is_some_and(|have| have.iter().all(|h| h.last_sync.is_empty()));
    let already_answered = state.last_sent_heads == our_heads && state.have_responded;
    !our_heads.is_empty()
        && state.their_heads.as_deref() == Some(&[][..])
        && state.their_need.is_some()
        && their_have_is_empty
        && supports_v2
        && state.shared_heads.is_empty()
        && !state.peer_read_only
        && !already_answered
}

impl WholeDocCache {
    /// `doc.generate_sync_message(state)`, answered from the cache when the peer starts
    /// from nothing.
    pub fn generate_sync_message(
        &mut self,
        doc: &Automerge,
        state: &mut sync::State,
    ) -> Option<sync::Message> {
        let our_heads = doc.get_heads();
        if !starts_from_nothing(state, &our_heads) {
            return doc.generate_sync_message(state);
        }
        let whole = match &mut self.0 {
            Some(whole) if whole.heads == our_heads => whole,
            slot => {
                let hashes: Vec<ChangeHash> = doc
                    .get_changes_meta(&[])
                    .into_iter()
                    .map(|c| c.hash)
                    .collect();
                slot.insert(WholeDoc {
                    heads: our_heads.clone(),
                    saved: doc.save(),
                    bloom: BloomFilter::from_hashes(hashes.iter()),
                    hashes,
                })
            }
        };
        // What `generate_sync_message` does after choosing the whole document.
        state.have_responded = true;
        state.last_sent_heads.clone_from(&our_heads);
        state.sent_hashes.extend(whole.hashes.iter().copied());
        let mut flags = MessageFlags::new();
        flags.set(MessageFlags::SUPPORTS_SYNC_RESET);
        if state.read_only {
            flags.set(MessageFlags::READ_ONLY);
        }
        // A peer just granted write access (samod starts every peer read-only) is told
        // to forget what it sent, as Automerge does.
        let heads = if state.needs_reset {
            state.needs_reset = false;
            let supports_reset = state
                .their_capabilities
                .as_ref()
                .is_some_and(|caps| caps.contains(&Capability::SyncReset));
            if supports_reset {
                flags.set(MessageFlags::SYNC_RESET);
                our_heads
            } else {
                Vec::new()
            }
        } else {
            our_heads
        };
        state.in_flight = true;
        Some(sync::Message {
            heads,
            need: Vec::new(),
            have: vec![Have {
                last_sync: Vec::new(),
                bloom: whole.bloom.clone(),
            }],
            changes: vec![whole.saved.clone()].into(),
            flags: Some(flags),
            version: MessageVersion::V2,
        })
    }

    /// Drops the cached save unless a peer in `states` still starts from nothing.
    pub fn keep_only_for<'a>(&mut self, mut states: impl Iterator<Item = &'a sync::State>) {
        if self.0.is_some()
            && !states.any(|s| s.their_heads.as_deref() == Some(&[][..]) && s.shared_heads.is_empty())
        {
            self.0 = None;
        }
    }

    /// Whether a save is cached (for tests and metrics).
    pub fn is_cached(&self) -> bool {
        self.0.is_some()
    }
}
