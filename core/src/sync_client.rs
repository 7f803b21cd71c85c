//! A sans-IO client of the automerge-repo sync protocol.
//!
//! It owns no socket and no timer. The caller (the PWA over a browser websocket, a test
//! over tokio-tungstenite) sends [`SyncClient::hello`] when a connection opens, feeds
//! every received frame to [`SyncClient::receive`], sends whatever
//! [`SyncClient::outgoing`] returns, and calls [`SyncClient::disconnected`] when the
//! connection drops. What the server has acknowledged is tracked per document as the
//! heads both sides share; the caller persists them so "N changes pending" survives a
//! reload.

use std::collections::{BTreeSet, HashMap, HashSet};

use automerge::{
    ChangeHash, ReadDoc,
    sync::{self, SyncDoc},
};

use crate::{ClientBase, DocumentId, Error, protocol::Frame};

/// Something the caller may want to react to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// The handshake completed.
    Connected,
    /// A document received changes from the server (re-render, persist it).
    Changed(DocumentId),
    /// The server acknowledged local changes of this document (persist the acked heads).
    Acked(DocumentId),
    /// The server does not have this document or will not share it.
    Unavailable(DocumentId),
    /// The server reported an error; it will close the connection.
    ServerError(String),
}

/// What the status bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SyncStatus {
    /// The handshake has completed on the current connection.
    pub connected: bool,
    /// Local changes the server has not acknowledged yet (those of refused documents
    /// not among them).
    pub pending_changes: usize,
    /// Local changes of documents the server answered `doc-unavailable` for on this
    /// connection: it will not take them (the rep may no longer read the client, a
    /// hand-over ended). They stay on the device; the status bar says so instead of
    /// showing them as pending forever.
    pub refused_changes: usize,
    /// Documents whose exchange with the server is still under way.
    pub docs_in_flight: usize,
}

impl SyncStatus {
    /// Connected and nothing left to exchange.
    pub fn is_synced(&self) -> bool {
        self.connected && self.pending_changes == 0 && self.docs_in_flight == 0
    }
}

/// The per-connection and per-document state of one replica's sync with one server.
#[derive(Debug)]
pub struct SyncClient {
    peer_id: String,
    storage_id: Option<String>,
    server: Option<String>,
    states: HashMap<DocumentId, sync::State>,
    dirty: BTreeSet<DocumentId>,
    unavailable: HashSet<DocumentId>,
    acked: HashMap<DocumentId, Vec<ChangeHash>>,
    pending: HashMap<DocumentId, usize>,
    counted: HashMap<DocumentId, Counted>,
    /// Documents whose heads the server has told us match ours on this connection, with
    /// those heads.
    settled: HashMap<DocumentId, Vec<ChangeHash>>,
}

/// How many changes of one document its acknowledged heads cover.
#[derive(Debug)]
struct Counted {
    acked: Vec<ChangeHash>,
    covered: usize,
}

impl SyncClient {
    /// A client that will claim `peer_id` in its handshake; `storage_id` names this
    /// replica's durable storage, when it has one.
    pub fn new(peer_id: impl Into<String>, storage_id: Option<String>) -> Self {
        SyncClient {
            peer_id: peer_id.into(),
            storage_id,
            server: None,
            states: HashMap::new(),
            dirty: BTreeSet::new(),
            unavailable: HashSet::new(),
            acked: HashMap::new(),
            pending: HashMap::new(),
            counted: HashMap::new(),
            settled: HashMap::new(),
        }
    }

    /// The peer id this client claims.
    pub fn peer_id(&self) -> &str {
        &self.peer_id
    }

    /// Restores what the server had acknowledged of a document (read back from local
    /// storage at start). A stashed document is not loaded for it (see
    /// [`SyncClient::touched`]).
    pub fn restore_acked(&mut self, base: &ClientBase, id: DocumentId, heads: Vec<ChangeHash>) {
        self.acked.insert(id, heads);
        if base.is_loaded(id) {
            self.recount(base, id);
        }
    }

    /// The heads of `id` the server is known to have.
    pub fn acked_heads(&self, id: DocumentId) -> &[ChangeHash] {
        self.acked.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first frame to send on a new connection. Forgets the previous connection's
    /// per-document state: a new connection starts a new sync session.
    pub fn hello(&mut self) -> Vec<u8> {
        self.disconnected();
        Frame::Join {
            sender_id: self.peer_id.clone(),
            storage_id: self.storage_id.clone(),
        }
        .encode()
    }

    /// The connection is gone.
    pub fn disconnected(&mut self) {
        self.server = None;
        self.states.clear();
        self.dirty.clear();
        self.unavailable.clear();
        self.settled.clear();
    }

    /// These documents may have changed locally (an edit, or changes loaded from local
    /// storage): count what is unsent and send it. Documents whose heads did not move
    /// are left as they are, so calling this too often costs nothing.
    ///
    /// A document still stashed ([`ClientBase::stash_doc`]) has not changed since it
    /// was stored and is skipped: nothing is loaded here. Its count is taken when it is
    /// loaded and touched, or when the server's answer about it arrives.
    pub fn touched(&mut self, base: &ClientBase, ids: &[DocumentId]) {
        for &id in ids {
            if !base.is_loaded(id) {
                continue;
            }
            self.recount(base, id);
            if let Some(heads) = self.settled.get(&id) {
                if *heads == base.heads(id) {
                    continue;
                }
                self.settled.remove(&id);
            }
            if self.server.is_some() {
                self.dirty.insert(id);
            }
        }
    }

    /// Handles one frame from the server.
    pub fn receive(
        &mut self,
        base: &mut ClientBase,
        bytes: &[u8],
    ) -> Result<Vec<SyncEvent>, Error> {
        let mut events = Vec::new();
        match Frame::decode(bytes)? {
            Frame::Peer { sender_id, .. } => {
                self.server = Some(sender_id);
                self.dirty.extend(base.doc_ids());
                for id in base.missing_docs() {
                    base.doc_or_empty(id);
                    self.dirty.insert(id);
                }
                events.push(SyncEvent::Connected);
            }
            Frame::Sync {
                document_id, data, ..
            }
            | Frame::Request {
                document_id, data, ..
            } => {
                let message = sync::Message::decode(&data).map_err(|e| Error::SyncMessage {
                    doc: document_id,
                    reason: e.to_string(),
                })?;
                let state = self.states.entry(document_id).or_default();
                let doc = base.doc_or_empty(document_id);
                let before = doc.get_heads();
                doc.receive_sync_message(state, message)
                    .map_err(|e| Error::SyncMessage {
                        doc: document_id,
                        reason: e.to_string(),
                    })?;
                let after = doc.get_heads();
                let shared = state.shared_heads.clone();
                if state.their_heads.as_ref() == Some(&after) {
                    self.settled.insert(document_id, after.clone());
                } else {
                    self.settled.remove(&document_id);
                }
                self.unavailable.remove(&document_id);
                self.dirty.insert(document_id);
                if before != after {
                    events.push(SyncEvent::Changed(document_id));
                    if document_id == base.index_id() {
                        for id in base.missing_docs() {
                            base.doc_or_empty(id);
                            self.dirty.insert(id);
                        }
                    }
                }
                if !shared.is_empty() && self.acked.get(&document_id) != Some(&shared) {
                    self.acked.insert(document_id, shared);
                    events.push(SyncEvent::Acked(document_id));
                }
                self.recount(base, document_id);
            }
            Frame::DocUnavailable { document_id, .. } => {
                self.settled.remove(&document_id);
                self.unavailable.insert(document_id);
                events.push(SyncEvent::Unavailable(document_id));
            }
            Frame::Error { message } => events.push(SyncEvent::ServerError(message)),
            Frame::Join { .. } | Frame::Leave { .. } | Frame::Other { .. } => {}
        }
        Ok(events)
    }

    /// The frames to send now (empty before the handshake has completed).
    pub fn outgoing(&mut self, base: &mut ClientBase) -> Vec<Vec<u8>> {
        self.outgoing_some(base, usize::MAX)
    }

    /// Like [`SyncClient::outgoing`], for at most `max_docs` documents; the rest wait
    /// for the next call ([`SyncClient::has_outgoing`]). A caller on a UI thread sends a
    /// slice at a time: a new connection dirties every document, and generating their
    /// messages (loading the stashed ones) at once would freeze the page.
    pub fn outgoing_some(&mut self, base: &mut ClientBase, max_docs: usize) -> Vec<Vec<u8>> {
        let Some(server) = self.server.clone() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let ids: Vec<DocumentId> = if max_docs >= self.dirty.len() {
            std::mem::take(&mut self.dirty).into_iter().collect()
        } else {
            // The index documents first: the list is read from them.
            let mut ids: Vec<DocumentId> = self
                .dirty
                .iter()
                .copied()
                .filter(|id| base.is_index(*id))
                .take(max_docs)
                .collect();
            let rest = max_docs - ids.len();
            ids.extend(
                self.dirty
                    .iter()
                    .copied()
                    .filter(|id| !base.is_index(*id))
                    .take(rest),
            );
            for id in &ids {
                self.dirty.remove(id);
            }
            ids
        };
        for id in ids {
            if self.unavailable.contains(&id) {
                continue;
            }
            let Some(doc) = base.doc(id) else { continue };
            let state = self.states.entry(id).or_default();
            if let Some(message) = doc.generate_sync_message(state) {
                let data = message.encode();
                let frame = if doc.get_heads().is_empty() && state.their_heads.is_none() {
                    Frame::Request {
                        document_id: id,
                        sender_id: self.peer_id.clone(),
                        target_id: server.clone(),
                        data,
                    }
                } else {
                    Frame::Sync {
                        document_id: id,
                        sender_id: self.peer_id.clone(),
                        target_id: server.clone(),
                        data,
                    }
                };
                out.push(frame.encode());
            }
        }
        out
    }

    /// Whether documents are waiting for [`SyncClient::outgoing_some`].
    pub fn has_outgoing(&self) -> bool {
        self.server.is_some() && !self.dirty.is_empty()
    }

    /// The status bar's figures; O(documents with unsent changes), not O(documents).
    pub fn status(&self, base: &ClientBase) -> SyncStatus {
        let connected = self.server.is_some();
        let docs_in_flight = if connected {
            base.doc_count()
                .saturating_sub(self.settled.len())
                .saturating_sub(self.unavailable.len())
        } else {
            0
        };
        let (mut pending_changes, mut refused_changes) = (0, 0);
        for (id, n) in &self.pending {
            if self.unavailable.contains(id) {
                refused_changes += n;
            } else {
                pending_changes += n;
            }
        }
        SyncStatus {
            connected,
            pending_changes,
            refused_changes,
            docs_in_flight,
        }
    }

    /// Counts the changes of `id` the server has not acknowledged: all changes less those
    /// the acknowledged heads cover. The covered count is recomputed only when the
    /// acknowledged heads move, so a local edit costs O(1).
    fn recount(&mut self, base: &ClientBase, id: DocumentId) {
        let Some(doc) = base.doc(id) else { return };
        let total = doc.stats().num_changes as usize;
        let acked = self
            .acked
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_else(|| base.baseline_heads(id));
        let covered = match self.counted.get(&id) {
            Some(c) if c.acked == acked => c.covered,
            _ => {
                let covered = total - doc.get_changes(acked).len();
                self.counted.insert(
                    id,
                    Counted {
                        acked: acked.to_vec(),
                        covered,
                    },
                );
                covered
            }
        };
        let pending = total - covered;
        if pending == 0 {
            self.pending.remove(&id);
        } else {
            self.pending.insert(id, pending);
        }
    }
}
