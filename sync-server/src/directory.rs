//! Who is who, in memory: teams and their documents, reps (team, role, book, active),
//! registered client documents and hand-overs, loaded from the accounts database. The
//! share policy decides from it; it tells the policy's streams when something changed.
//!
//! Changes made by this process (a registration) update it directly and wake only the
//! streams of that document. Automatic registrations (a push of an unregistered
//! document) take effect in memory at once and are written by one background thread in
//! batches (one commit per 50 ms at most), so an upload of many new documents does not
//! pay a commit per document nor contend with the chunk store on each one. The price: a
//! crash within that window forgets the owner of a document pushed just before (it is
//! then unregistered again; see ARCHITECTURE.md). Changes made by the admin command line (another process)
//! bump the database's revision; [`crate::watcher`] notices and reloads everything,
//! waking every stream. On PostgreSQL, registrations and restrictions made by another
//! instance bump a second counter, `registrations`: then only the registry rows stamped
//! since are read, and only the streams of documents whose entry changed are woken.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex, RwLock,
        atomic::{AtomicI64, Ordering},
    },
    time::Duration,
};

use fieldbase_core::DocumentId;
use serde::Serialize;
use tokio::sync::watch;

use crate::{
    Error,
    accounts::{Accounts, Handover, RepRecord, Team},
    policy::{self, Access, DocEntry, DocKind, Role},
};

/// A snapshot of the access-control tables.
#[derive(Debug, Default, Clone)]
pub struct Directory {
    /// Teams by row id.
    pub teams: HashMap<i64, Team>,
    /// Reps by name, revoked ones included.
    pub reps: HashMap<String, RepRecord>,
    /// Every known document: team documents, books and registered clients.
    pub docs: HashMap<DocumentId, DocEntry>,
    /// Hand-overs that had not ended when loaded.
    pub handovers: Vec<Handover>,
}

impl Directory {
    /// Reads every table.
    pub fn load(accounts: &Accounts, now: i64) -> Result<Self, Error> {
        let mut dir = Directory::default();
        for team in accounts.teams()? {
            for (id, kind) in [
                (team.index, DocKind::Index),
                (team.team_doc, DocKind::TeamDoc),
                (team.plan, DocKind::Plan),
            ] {
                dir.docs.insert(
                    id,
                    DocEntry {
                        team: team.id,
                        kind,
                    },
                );
            }
            dir.teams.insert(team.id, team);
        }
        for rep in accounts.reps()? {
            dir.docs.insert(
                rep.book,
                DocEntry {
                    team: rep.team,
                    kind: DocKind::Book {
                        rep: rep.username.clone(),
                    },
                },
            );
            dir.reps.insert(rep.username.clone(), rep);
        }
        for c in accounts.clients()? {
            dir.docs.insert(
                c.id,
                DocEntry {
                    team: c.team,
                    kind: DocKind::Client {
                        owner: c.owner,
                        restricted: c.restricted,
                    },
                },
            );
        }
        dir.handovers = accounts.handovers(now)?;
        Ok(dir)
    }

    /// `rep`'s access to `doc` at `now`, and the next instant it may change by itself.
    pub fn decide(&self, doc: Option<DocumentId>, rep: &str, now: i64) -> (Access, Option<i64>) {
        let entry = doc.and_then(|d| self.docs.get(&d));
        (
            policy::access(entry, self.reps.get(rep), &self.handovers, now),
            policy::next_boundary(&self.handovers, rep, now),
        )
    }

    /// The books `rep` may read at `now`: his own, every book of his team for a head,
    /// and those of the reps he stands in for.
    pub fn books(&self, rep: &RepRecord, now: i64) -> Vec<DocumentId> {
        self.book_owners(rep, now)
            .into_iter()
            .map(|(_, book)| book)
            .collect()
    }

    /// [`Directory::books`] with each book's owner, the rep's own first.
    pub fn book_owners(&self, rep: &RepRecord, now: i64) -> Vec<(String, DocumentId)> {
        let mut books: Vec<&RepRecord> = self
            .reps
            .values()
            .filter(|r| r.team == rep.team)
            .filter(|r| {
                r.username == rep.username
                    || rep.role == Role::Head
                    || policy::delegate_of(&self.handovers, &rep.username, &r.username, now)
            })
            .collect();
        books.sort_by(|a, b| {
            (a.username != rep.username, &a.username)
                .cmp(&(b.username != rep.username, &b.username))
        });
        books
            .into_iter()
            .map(|r| (r.username.clone(), r.book))
            .collect()
    }

    /// What `/api/login` and `/api/me` tell a rep about himself.
    pub fn profile(&self, username: &str, now: i64) -> Option<Profile> {
        let rep = self.reps.get(username).filter(|r| r.active)?;
        let team = self.teams.get(&rep.team)?;
        Some(Profile {
            rep: rep.username.clone(),
            peer_prefix: format!("{}/", rep.username),
            team_index: team.index.to_string(),
            role: rep.role.as_str(),
            team_doc: team.team_doc.to_string(),
            plan: team.plan.to_string(),
            book: rep.book.to_string(),
            books: self
                .books(rep, now)
                .into_iter()
                .map(|b| b.to_string())
                .collect(),
            book_owners: self
                .book_owners(rep, now)
                .into_iter()
                .map(|(owner, b)| (owner, b.to_string()))
                .collect(),
        })
    }
}

/// A rep's view of himself: who he is and which documents he starts from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Profile {
    /// Login name.
    pub rep: String,
    /// What every peer id of this rep starts with.
    pub peer_prefix: String,
    /// The team index.
    pub team_index: String,
    /// `rep`, `key_account_manager` or `head`.
    pub role: &'static str,
    /// The team document (catalog, events, competitors).
    pub team_doc: String,
    /// The plan (managers, roles, targets); only heads write it.
    pub plan: String,
    /// The rep's own book (index of his restricted clients).
    pub book: String,
    /// Every book the rep may read now.
    pub books: Vec<String>,
    /// The same books by owner (a replica files a restricted client's summary in its
    /// owner's book).
    pub book_owners: std::collections::BTreeMap<String, String>,
}

/// What happened to a registration request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// The id was new: registered to the caller.
    New,
    /// Registered already; the restriction was set as asked (or already was).
    Updated,
    /// Registered already; nothing to change (automatic registration).
    Known,
}

/// The directory shared by the share policy, the routes and the watcher.
#[derive(Clone)]
pub struct LiveDirectory {
    inner: Arc<Inner>,
}

struct Inner {
    accounts: Accounts,
    dir: RwLock<Directory>,
    revision: AtomicI64,
    /// The registry counter last seen (PostgreSQL; always 0 on SQLite).
    registrations: AtomicI64,
    everything: watch::Sender<u64>,
    per_doc: Mutex<HashMap<DocumentId, watch::Sender<u64>>>,
    /// Automatic registrations not yet committed (kept across reloads).
    pending: Arc<Mutex<HashMap<DocumentId, DocEntry>>>,
    writer: Mutex<std::sync::mpsc::Sender<Pending>>,
}

/// An automatic registration on its way to the database.
struct Pending {
    id: DocumentId,
    team: i64,
    owner: String,
}

/// How long the registration writer gathers a batch.
const BATCH_WINDOW: Duration = Duration::from_millis(50);

/// Tries before the registration writer stops the server (as storage does: a
/// registration is never dropped while the server carries on).
const ATTEMPTS: u32 = 6;

/// Writes automatic registrations in batches, one transaction each.
fn write_registrations(
    accounts: Accounts,
    pending: Arc<Mutex<HashMap<DocumentId, DocEntry>>>,
    rx: std::sync::mpsc::Receiver<Pending>,
) {
    while let Ok(first) = rx.recv() {
        // Gather for a moment: one commit per batch keeps this writer from contending
        // with the chunk store's writes on every pushed document.
        let until = std::time::Instant::now() + BATCH_WINDOW;
        let mut batch = vec![first];
        while batch.len() < 1000 {
            let left = until.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        let rows: Vec<(DocumentId, i64, &str)> = batch
            .iter()
            .map(|p| (p.id, p.team, p.owner.as_str()))
            .collect();
        let mut delay = Duration::from_millis(20);
        for attempt in 1..=ATTEMPTS {
            match accounts.register_clients(&rows) {
                Ok(()) => break,
                Err(e) if attempt == ATTEMPTS => {
                    tracing::error!(error = %e, "registering documents failed after retries; stopping the server");
                    eprintln!("fieldbase-server: FATAL: registering documents failed: {e}");
                    std::process::exit(70);
                }
                Err(e) => {
                    tracing::warn!(error = %e, attempt, "registering documents failed; retrying");
                    std::thread::sleep(delay);
                    delay *= 2;
                }
            }
        }
        let mut p = pending.lock().unwrap_or_else(|p| p.into_inner());
        for r in &batch {
            p.remove(&r.id);
        }
    }
}

/// What one policy stream waits on: a reload, a change to its document, or a hand-over
/// boundary.
pub struct Changes {
    everything: watch::Receiver<u64>,
    doc: Option<watch::Receiver<u64>>,
}

impl Changes {
    /// Waits until something may have changed the decision (`boundary`: a hand-over
    /// starts or ends, ms since the epoch). False when the directory is gone.
    pub async fn wait(&mut self, boundary: Option<i64>) -> bool {
        let sleep = async {
            match boundary {
                Some(at) => {
                    let ms = (at - crate::now_ms()).max(0) as u64;
                    // One millisecond late rather than early: the decision is taken at `now`.
                    tokio::time::sleep(Duration::from_millis(ms + 1)).await
                }
                None => std::future::pending().await,
            }
        };
        let doc = async {
            match &mut self.doc {
                Some(rx) => rx.changed().await.is_ok(),
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            r = self.everything.changed() => r.is_ok(),
            r = doc => r,
            _ = sleep => true,
        }
    }
}

impl LiveDirectory {
    /// Loads the directory from `accounts` and starts the registration writer.
    pub fn load(accounts: Accounts) -> Result<Self, Error> {
        let (revision, registrations) = accounts.counters()?;
        let dir = Directory::load(&accounts, crate::now_ms())?;
        let pending = Arc::new(Mutex::new(HashMap::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let (a, p) = (accounts.clone(), pending.clone());
        std::thread::Builder::new()
            .name("registrations".into())
            .spawn(move || write_registrations(a, p, rx))
            .map_err(Error::io("starting the registration writer"))?;
        Ok(LiveDirectory {
            inner: Arc::new(Inner {
                accounts,
                dir: RwLock::new(dir),
                revision: AtomicI64::new(revision),
                registrations: AtomicI64::new(registrations),
                everything: watch::channel(0).0,
                per_doc: Mutex::new(HashMap::new()),
                pending,
                writer: Mutex::new(tx),
            }),
        })
    }

    /// Whether every automatic registration has been stored.
    pub fn registrations_stored(&self) -> bool {
        self.inner
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_empty()
    }

    /// Waits (up to `limit`) until every automatic registration has been stored; the
    /// server calls it before it exits.
    pub async fn flush(&self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.registrations_stored() {
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        true
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Directory> {
        self.inner.dir.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The accounts database behind the directory.
    pub fn accounts(&self) -> &Accounts {
        &self.inner.accounts
    }

    /// Reloads everything if the database's revision moved (an admin command ran);
    /// returns whether it did. Blocking: call from a blocking thread.
    pub fn refresh(&self) -> Result<bool, Error> {
        let (revision, registrations) = self.inner.accounts.counters()?;
        if revision == self.inner.revision.load(Ordering::SeqCst) {
            if registrations != self.inner.registrations.load(Ordering::SeqCst) {
                self.refresh_registry(registrations)?;
            }
            return Ok(false);
        }
        let mut guard = self.inner.dir.write().unwrap_or_else(|p| p.into_inner());
        let (revision, registrations) = self.inner.accounts.counters()?;
        let mut fresh = Directory::load(&self.inner.accounts, crate::now_ms())?;
        for (id, entry) in self
            .inner
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            fresh.docs.entry(*id).or_insert_with(|| entry.clone());
        }
        *guard = fresh;
        self.inner.revision.store(revision, Ordering::SeqCst);
        self.inner
            .registrations
            .store(registrations, Ordering::SeqCst);
        drop(guard);
        self.inner.everything.send_modify(|n| *n += 1);
        tracing::info!(revision, "access rules reloaded");
        Ok(true)
    }

    /// On PostgreSQL, when the registrations counter moved to `upto` (an instance
    /// registered or restricted clients), reads the registry rows changed since the
    /// counter last seen and wakes the streams of the documents whose entry changed.
    /// Holds the directory's write lock while it reads (one indexed range: the rows of
    /// the changes since), as a registration here does while it writes, so neither
    /// overwrites the other with an older row: a row this instance changed again since
    /// carries a newer stamp and is not read.
    fn refresh_registry(&self, upto: i64) -> Result<(), Error> {
        let mut guard = self.inner.dir.write().unwrap_or_else(|p| p.into_inner());
        let seen = self.inner.registrations.load(Ordering::SeqCst);
        if upto <= seen {
            return Ok(());
        }
        let mut changed = Vec::new();
        for c in self.inner.accounts.clients_changed(seen, upto)? {
            let entry = DocEntry {
                team: c.team,
                kind: DocKind::Client {
                    owner: c.owner,
                    restricted: c.restricted,
                },
            };
            if guard.docs.get(&c.id) != Some(&entry) {
                guard.docs.insert(c.id, entry);
                changed.push(c.id);
            }
        }
        self.inner.registrations.store(upto, Ordering::SeqCst);
        drop(guard);
        if !changed.is_empty() {
            tracing::info!(
                documents = changed.len(),
                "client registry changed by another instance"
            );
        }
        for doc in changed {
            self.changed(doc);
        }
        Ok(())
    }

    /// [`LiveDirectory::refresh`] on a blocking thread, logging failures.
    pub async fn refresh_async(&self) {
        let this = self.clone();
        match tokio::task::spawn_blocking(move || this.refresh()).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "reloading the access rules failed"),
            Err(e) => tracing::error!(error = %e, "reloading the access rules failed"),
        }
    }

    /// Changes with every reload.
    pub fn reloads(&self) -> watch::Receiver<u64> {
        self.inner.everything.subscribe()
    }

    /// `rep`'s access to `doc` now, and when it may change by itself.
    pub fn decide(&self, doc: Option<DocumentId>, rep: &str, now: i64) -> (Access, Option<i64>) {
        self.read().decide(doc, rep, now)
    }

    /// A rep's profile, if the rep is active.
    pub fn profile(&self, username: &str, now: i64) -> Option<Profile> {
        self.read().profile(username, now)
    }

    /// A rep's record.
    pub fn rep(&self, username: &str) -> Option<RepRecord> {
        self.read().reps.get(username).cloned()
    }

    /// Whether a document is known (a team document, a book or a registered client).
    pub fn is_known(&self, doc: DocumentId) -> bool {
        self.read().docs.contains_key(&doc)
    }

    /// What to wait on for changes of `doc`'s decisions.
    pub fn subscribe(&self, doc: Option<DocumentId>) -> Changes {
        let doc = doc.map(|d| {
            let mut map = self.inner.per_doc.lock().unwrap_or_else(|p| p.into_inner());
            if map.len() >= 4096 && map.len().is_power_of_two() {
                map.retain(|_, tx| tx.receiver_count() > 0);
            }
            map.entry(d)
                .or_insert_with(|| watch::channel(0).0)
                .subscribe()
        });
        Changes {
            everything: self.inner.everything.subscribe(),
            doc,
        }
    }

    fn changed(&self, doc: DocumentId) {
        let map = self.inner.per_doc.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tx) = map.get(&doc) {
            tx.send_modify(|n| *n += 1);
        }
    }

    /// Registers a client document for `rep`. `restricted: Some(_)` is the explicit
    /// registration (`POST /api/clients`): a new id is registered to the caller, and the
    /// owner or a head of the team may set the restriction of a registered one; anyone
    /// else gets [`Error::NotYours`] and nothing changes. `None` is the automatic
    /// registration of a pushed document: a new id is registered unrestricted, a known
    /// one is left alone. Blocking: call from a blocking thread.
    pub fn register(
        &self,
        rep: &str,
        doc: DocumentId,
        restricted: Option<bool>,
    ) -> Result<Registered, Error> {
        let mut guard = self.inner.dir.write().unwrap_or_else(|p| p.into_inner());
        let caller = guard
            .reps
            .get(rep)
            .filter(|r| r.active)
            .cloned()
            .ok_or_else(|| Error::NoSuchRep(rep.to_owned()))?;
        let result = match guard.docs.get(&doc).cloned() {
            None if restricted.is_none() => {
                // Automatic: in memory now, stored by the writer within a batch window.
                let entry = DocEntry {
                    team: caller.team,
                    kind: DocKind::Client {
                        owner: rep.to_owned(),
                        restricted: false,
                    },
                };
                self.inner
                    .pending
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(doc, entry.clone());
                guard.docs.insert(doc, entry);
                let sent = self
                    .inner
                    .writer
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .send(Pending {
                        id: doc,
                        team: caller.team,
                        owner: rep.to_owned(),
                    });
                if sent.is_err() {
                    return Err(Error::Stopped);
                }
                tracing::debug!(%doc, rep, "client registered on push");
                Registered::New
            }
            None => {
                let restricted = restricted.unwrap_or(false);
                if !self
                    .inner
                    .accounts
                    .register_client(doc, caller.team, rep, restricted)?
                {
                    // Registered by another process since the last reload.
                    return Err(Error::NotYours(doc.to_string()));
                }
                guard.docs.insert(
                    doc,
                    DocEntry {
                        team: caller.team,
                        kind: DocKind::Client {
                            owner: rep.to_owned(),
                            restricted,
                        },
                    },
                );
                tracing::info!(%doc, rep, restricted, "client registered");
                Registered::New
            }
            Some(_) if restricted.is_none() => return Ok(Registered::Known),
            Some(entry) if !matches!(entry.kind, DocKind::Client { .. }) => {
                // Say what it is only to someone who may read it.
                let readable = policy::access(
                    Some(&entry),
                    Some(&caller),
                    &guard.handovers,
                    crate::now_ms(),
                ) != Access::None;
                return Err(if readable {
                    Error::NotAClient(doc.to_string())
                } else {
                    Error::NotYours(doc.to_string())
                });
            }
            Some(DocEntry {
                team,
                kind:
                    DocKind::Client {
                        owner,
                        restricted: was,
                    },
            }) if team == caller.team && (owner == rep || caller.role == Role::Head) => {
                let want = restricted.unwrap_or(was);
                if want != was {
                    let queued = self
                        .inner
                        .pending
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .contains_key(&doc);
                    if queued {
                        // Registered on push a moment ago; the writer may not have
                        // stored it yet (its own insert then finds the row and skips it).
                        self.inner
                            .accounts
                            .register_client(doc, team, &owner, was)?;
                    }
                    self.inner.accounts.set_restricted(doc, want, false)?;
                    guard.docs.insert(
                        doc,
                        DocEntry {
                            team,
                            kind: DocKind::Client {
                                owner,
                                restricted: want,
                            },
                        },
                    );
                    tracing::info!(%doc, rep, restricted = want, "client restriction changed");
                }
                Registered::Updated
            }
            Some(_) => return Err(Error::NotYours(doc.to_string())),
        };
        drop(guard);
        self.changed(doc);
        Ok(result)
    }
}

impl LiveDirectory {
    /// Registers the document of an incoming frame to `rep` when the frame pushes
    /// changes to a document nobody registered (JS clients and older PWAs do not
    /// register). A request for an unknown id (no changes) registers nothing. Called
    /// before samod sees the frame, so the decision samod applies to the changes is
    /// already the owner's.
    pub fn observe_push(&self, rep: &str, frame: &[u8]) -> Result<(), Error> {
        use fieldbase_core::protocol::Frame;
        let (doc, data) = match Frame::decode(frame) {
            Ok(Frame::Sync {
                document_id, data, ..
            })
            | Ok(Frame::Request {
                document_id, data, ..
            }) => (document_id, data),
            _ => return Ok(()),
        };
        if self.is_known(doc) {
            return Ok(());
        }
        let pushes = automerge::sync::Message::decode(&data)
            .map(|m| !m.changes.is_empty())
            .unwrap_or(false);
        if !pushes {
            return Ok(());
        }
        // No database call here: the registration is queued (see `register`).
        match self.register(rep, doc, None) {
            Ok(_) | Err(Error::NotYours(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (LiveDirectory, Team) {
        let dir = std::env::temp_dir().join(format!(
            "fb-directory-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let a = Accounts::open(&dir.join("fieldbase.db")).unwrap();
        let team = a.create_team("Team", None).unwrap();
        let other = a.create_team("Other", None).unwrap();
        a.add_rep(team.id, "anna", "anna-password", Role::Rep)
            .unwrap();
        a.add_rep(team.id, "boris", "boris-password", Role::Rep)
            .unwrap();
        a.add_rep(team.id, "hana", "hana-password", Role::Head)
            .unwrap();
        a.add_rep(other.id, "olga", "olga-password", Role::Head)
            .unwrap();
        (LiveDirectory::load(a).unwrap(), team)
    }

    #[test]
    fn registration_rules() {
        let (d, team) = setup();
        let id = crate::accounts::random_doc_id();
        let now = crate::now_ms();
        // Unknown: an active rep may push it; nobody reads data that is not there.
        assert_eq!(d.decide(Some(id), "boris", now).0, Access::Write);
        assert_eq!(d.register("anna", id, Some(true)).unwrap(), Registered::New);
        assert_eq!(d.decide(Some(id), "boris", now).0, Access::None);
        assert_eq!(d.decide(Some(id), "olga", now).0, Access::None);
        assert_eq!(d.decide(Some(id), "hana", now).0, Access::Write);
        // Someone else: refused, nothing changes; automatic registration leaves it alone.
        assert!(matches!(
            d.register("boris", id, Some(false)),
            Err(Error::NotYours(_))
        ));
        assert!(matches!(
            d.register("olga", id, Some(false)),
            Err(Error::NotYours(_))
        ));
        assert_eq!(d.register("boris", id, None).unwrap(), Registered::Known);
        assert_eq!(d.decide(Some(id), "boris", now).0, Access::None);
        // A head of the team may lift it; the owner may set it again.
        assert_eq!(
            d.register("hana", id, Some(false)).unwrap(),
            Registered::Updated
        );
        assert_eq!(d.decide(Some(id), "boris", now).0, Access::Write);
        assert_eq!(
            d.register("anna", id, Some(true)).unwrap(),
            Registered::Updated
        );
        assert!(d.accounts().client(id).unwrap().unwrap().restricted);
        // Team documents are not clients; a stranger is not told what they are.
        assert!(matches!(
            d.register("anna", team.plan, Some(false)),
            Err(Error::NotAClient(_))
        ));
        assert!(matches!(
            d.register("olga", team.plan, Some(false)),
            Err(Error::NotYours(_))
        ));
        // Automatic registration of a pushed unknown id: the pusher's, unrestricted.
        let pushed = crate::accounts::random_doc_id();
        assert_eq!(d.register("boris", pushed, None).unwrap(), Registered::New);
        assert_eq!(d.decide(Some(pushed), "olga", now).0, Access::None);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !d.registrations_stored() {
            assert!(std::time::Instant::now() < deadline, "never stored");
            std::thread::sleep(Duration::from_millis(5));
        }
        let c = d.accounts().client(pushed).unwrap().unwrap();
        assert_eq!((c.owner.as_str(), c.restricted), ("boris", false));
    }

    #[test]
    fn admin_changes_reach_the_directory_on_refresh() {
        let (d, team) = setup();
        let id = crate::accounts::random_doc_id();
        d.register("anna", id, Some(true)).unwrap();
        assert!(!d.refresh().unwrap(), "nothing changed since the load");
        let reloads = d.reloads();
        d.accounts().set_role("boris", Role::Head).unwrap();
        assert!(d.refresh().unwrap());
        assert!(reloads.has_changed().unwrap());
        assert_eq!(
            d.decide(Some(id), "boris", crate::now_ms()).0,
            Access::Write
        );
        assert_eq!(d.profile("boris", 0).unwrap().books.len(), 3);
        d.accounts().revoke_sessions("anna").unwrap();
        d.refresh().unwrap();
        assert_eq!(
            d.decide(Some(team.index), "anna", crate::now_ms()).0,
            Access::None
        );
        assert!(d.profile("anna", 0).is_none());
    }
}
