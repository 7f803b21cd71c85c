//! A native replica: a [`ClientBase`] kept in memory, synced over a real websocket by
//! the same [`SyncClient`] the PWA runs in the browser.

use std::{
    collections::BTreeSet,
    time::{Duration, Instant},
};

use fieldbase_core::{
    Author, ClientBase, ClientDraft, ClientPatch, DocumentId, SyncClient, SyncEvent,
    automerge::{ActorId, ROOT, ReadDoc, transaction::Transactable},
};
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::{connect_async, tungstenite::Message};

use crate::{Error, Login};

/// What one sync run moved.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyncReport {
    /// Frames we sent.
    pub frames_sent: usize,
    /// Frames we received.
    pub frames_received: usize,
    /// Payload bytes we sent.
    pub bytes_sent: usize,
    /// Payload bytes we received.
    pub bytes_received: usize,
    /// From connecting to in sync.
    pub elapsed: Duration,
}

/// How a [`NativeReplica::session`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The time was up; the connection was still open.
    Deadline,
    /// The server closed the connection at this instant.
    Closed(Instant),
}

/// One rep's device.
pub struct NativeReplica {
    /// The documents.
    pub base: ClientBase,
    /// The protocol state.
    pub sync: SyncClient,
    /// Documents the server answered `doc-unavailable` for during the last sync and
    /// sent nothing of since.
    pub unavailable: BTreeSet<DocumentId>,
    login: Login,
    who: String,
    clock: i64,
}

fn random_id() -> DocumentId {
    DocumentId::from_bytes(rand::random())
}

impl NativeReplica {
    /// A new, empty replica for a logged-in rep on a device named `device`.
    pub fn new(login: Login, device: &str) -> Self {
        let index = login.team_index;
        Self::on_index(login, device, index)
    }

    /// A replica whose client list is the document `index` (a rep's book, for
    /// restricted clients) instead of the team index.
    pub fn on_index(login: Login, device: &str, index: DocumentId) -> Self {
        let peer = format!(
            "{}{device}-{:08x}",
            login.peer_prefix,
            rand::random::<u32>()
        );
        NativeReplica {
            base: ClientBase::new(index, ActorId::from(rand::random::<[u8; 16]>())),
            sync: SyncClient::new(peer, None),
            unavailable: BTreeSet::new(),
            who: format!("{}/{device}", login.rep),
            login,
            clock: 1_790_000_000_000,
        }
    }

    fn author(&mut self) -> Author {
        self.clock += 1000;
        Author {
            who: self.who.clone(),
            at: self.clock,
        }
    }

    /// Adds a client (offline: nothing is sent until [`NativeReplica::sync`]).
    pub fn add(&mut self, name: &str, phone: &str, email: &str) -> Result<DocumentId, Error> {
        let draft = ClientDraft {
            name: name.into(),
            phone: phone.into(),
            email: email.into(),
            ..ClientDraft::default()
        };
        let author = self.author();
        let edit = self.base.add_client(random_id(), &draft, &author)?;
        self.sync.touched(&self.base, &edit.touched);
        Ok(edit.client)
    }

    /// Edits a client.
    pub fn edit(&mut self, id: DocumentId, patch: &ClientPatch) -> Result<(), Error> {
        let author = self.author();
        let edit = self.base.edit_client(id, patch, &author)?;
        self.sync.touched(&self.base, &edit.touched);
        Ok(())
    }

    /// Archives a client.
    pub fn archive(&mut self, id: DocumentId) -> Result<(), Error> {
        let author = self.author();
        let edit = self.base.archive_client(id, &author)?;
        self.sync.touched(&self.base, &edit.touched);
        Ok(())
    }

    /// Sets a string under `key` in the root of any document (the plan, the team
    /// document), creating the document locally when it is not held.
    pub fn put(&mut self, id: DocumentId, key: &str, value: &str) -> Result<(), Error> {
        let doc = self.base.doc_or_empty(id);
        let mut tx = doc.transaction();
        tx.put(ROOT, key, value)
            .map_err(|e| Error::Process(e.to_string()))?;
        tx.commit();
        self.sync.touched(&self.base, &[id]);
        Ok(())
    }

    /// The string under `key` in the root of a held document.
    pub fn get(&self, id: DocumentId, key: &str) -> Option<String> {
        let (value, _) = self.base.doc(id)?.get(ROOT, key).ok()??;
        value.into_scalar().ok()?.into_string().ok()
    }

    /// Asks for a document on the next sync (an empty local copy is requested).
    pub fn want(&mut self, id: DocumentId) {
        self.base.doc_or_empty(id);
    }

    /// Whether the replica holds any change of `id`.
    pub fn has_data(&self, id: DocumentId) -> bool {
        self.base.doc(id).is_some_and(|d| !d.get_heads().is_empty())
    }

    /// Stays connected for `duration` (or until the server closes the connection),
    /// answering the server and calling `seen` after every frame that changed a
    /// document. Unacknowledged changes are not an error here.
    pub async fn session(
        &mut self,
        ws_url: &str,
        duration: Duration,
        mut seen: impl FnMut(&ClientBase),
    ) -> Result<Ended, Error> {
        let deadline = Instant::now() + duration;
        let (mut ws, _) = connect_async(self.sync_url(ws_url)).await?;
        self.unavailable.clear();
        ws.send(Message::binary(self.sync.hello())).await?;
        let ended = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let next = match tokio::time::timeout(left, ws.next()).await {
                Err(_) => break Ended::Deadline,
                Ok(None) | Ok(Some(Err(_))) => break Ended::Closed(Instant::now()),
                Ok(Some(Ok(Message::Close(_)))) => break Ended::Closed(Instant::now()),
                Ok(Some(Ok(msg))) => msg,
            };
            let Message::Binary(bytes) = next else {
                continue;
            };
            let mut changed = false;
            for event in self.sync.receive(&mut self.base, &bytes)? {
                self.note(&event);
                changed |= matches!(event, SyncEvent::Changed(_));
            }
            if changed {
                seen(&self.base);
            }
            for frame in self.sync.outgoing(&mut self.base) {
                ws.feed(Message::binary(frame)).await?;
            }
            ws.flush().await?;
        };
        let _ = ws.close(None).await;
        self.sync.disconnected();
        Ok(ended)
    }

    fn note(&mut self, event: &SyncEvent) {
        match event {
            SyncEvent::Unavailable(id) => {
                self.unavailable.insert(*id);
            }
            SyncEvent::Changed(id) => {
                self.unavailable.remove(id);
            }
            _ => {}
        }
    }

    /// The id of a listed client by name.
    pub fn id_of(&self, name: &str) -> Option<DocumentId> {
        self.base
            .summaries()
            .into_iter()
            .find(|c| c.name == name)
            .map(|c| c.id)
    }

    /// The websocket URL with this replica's token and peer id.
    pub fn sync_url(&self, ws_url: &str) -> String {
        format!(
            "{ws_url}?token={}&peer={}",
            self.login.token,
            self.sync.peer_id()
        )
    }

    /// Connects, syncs until the server has everything of ours and we have everything it
    /// lists, then disconnects.
    pub async fn sync(&mut self, ws_url: &str, timeout: Duration) -> Result<SyncReport, Error> {
        let start = Instant::now();
        let (mut ws, _) = connect_async(self.sync_url(ws_url)).await?;
        self.unavailable.clear();
        let mut report = SyncReport::default();
        let hello = self.sync.hello();
        report.frames_sent += 1;
        report.bytes_sent += hello.len();
        ws.send(Message::binary(hello)).await?;
        let result = loop {
            let left = timeout.saturating_sub(start.elapsed());
            let next = match tokio::time::timeout(left, ws.next()).await {
                Err(_) => {
                    break Err(Error::Timeout(format!(
                        "not in sync after {timeout:?}: {:?}",
                        self.sync.status(&self.base)
                    )));
                }
                Ok(None) => break Err(Error::Process("the server closed the connection".into())),
                Ok(Some(msg)) => msg?,
            };
            let Message::Binary(bytes) = next else {
                continue;
            };
            report.frames_received += 1;
            report.bytes_received += bytes.len();
            for event in self.sync.receive(&mut self.base, &bytes)? {
                if let SyncEvent::ServerError(e) = event {
                    return Err(Error::Process(format!("server error: {e}")));
                }
                self.note(&event);
            }
            let out = self.sync.outgoing(&mut self.base);
            for frame in out {
                report.frames_sent += 1;
                report.bytes_sent += frame.len();
                ws.feed(Message::binary(frame)).await?;
            }
            ws.flush().await?;
            if self.sync.status(&self.base).is_synced() {
                break Ok(());
            }
        };
        let _ = ws.close(None).await;
        self.sync.disconnected();
        result?;
        report.elapsed = start.elapsed();
        Ok(report)
    }
}
