//! One team's client base: the team index document plus one document per client.
//!
//! Layout (see ARCHITECTURE.md for why):
//! * the **index** document: `{ clients: { <client doc id>: { name, phone, email,
//!   status, archived } } }`, the summary every list and search reads;
//!   Each entry also holds flat keys for the client's contacts, so search finds them
//!   without loading the client documents and readers that predate contacts ignore
//!   them: `contact:<id>:name`, `contact:<id>:archived`, and one key per phone and
//!   e-mail, `contact:<id>:phone:<E.164>` and `contact:<id>:email:<address>` (true;
//!   removed by deleting the key), so concurrent additions both land, and
//!   `contact:<id>:birthday` (`MM-DD`, empty when unknown) for Today; and flat keys for
//!   the client's tasks, `task:<id>:kind|due|time|status|assignee|priority|contact`
//!   (see [`crate::task`]);
//! * one **client** document per client: `{ kind: "client", name, phone, email, status,
//!   archived, contacts: { <contact id>: { name, position, role, phones: [..],
//!   emails: [..], birthday, preferred_channel, language, archived } },
//!   interactions: { <id>: {..} }, tasks: { <id>: {..} } }`, the source of truth for the
//!   card (see [`crate::contact`], [`crate::interaction`], [`crate::task`]).
//!
//! This module holds the client operations; the contact, interaction, task and Today
//! operations are `impl ClientBase` blocks in their own modules.
//!
//! Every edit writes only the fields it changes, as separate map keys, so concurrent
//! edits of different fields merge and concurrent edits of the same field leave the
//! losing value retrievable as a conflict.

use std::collections::BTreeMap;

use automerge::{
    ActorId, AutoCommit, Automerge, ChangeHash, ObjId, ObjType, ROOT, ReadDoc,
    transaction::CommitOptions, transaction::Transactable,
};

use crate::{
    Client, ClientDraft, ClientPatch, ClientStatus, ClientSummary, DocumentId, Error, Millis,
    card::{self, ClientDetails},
    contact::CONTACTS,
    entries,
    record::Record,
};

/// The team-wide documents besides the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TeamDoc {
    /// Events, the product catalog, competitors (every rep writes).
    Team,
    /// Managers, roles and targets (heads of sales write).
    Plan,
}

/// The key under which the index keeps its client summaries.
const CLIENTS: &str = "clients";

/// Who makes an edit and when; written into every change for the card's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Author {
    /// The rep's login name and device, e.g. `anna/phone`.
    pub who: String,
    /// When, in milliseconds since the epoch.
    pub at: Millis,
}

impl Author {
    /// The rep's login: `who` up to the first `/`.
    pub fn rep(&self) -> &str {
        self.who.split('/').next().unwrap_or_default()
    }

    pub(crate) fn commit(&self) -> CommitOptions {
        CommitOptions::default()
            .with_time(self.at.div_euclid(1000))
            .with_message(self.who.clone())
    }
}

/// What an edit did: the client it concerned and every document it changed (the caller
/// persists and syncs exactly those).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    /// The client's document id.
    pub client: DocumentId,
    /// The documents changed, the index among them when its summary changed.
    pub touched: Vec<DocumentId>,
}

/// A team's documents as one replica holds them.
#[derive(Debug)]
pub struct ClientBase {
    actor: ActorId,
    pub(crate) index_id: DocumentId,
    genesis_heads: Vec<ChangeHash>,
    team_docs: Option<(DocumentId, DocumentId)>,
    /// Books: the index documents of restricted clients, by owner.
    books: BTreeMap<String, DocumentId>,
    pub(crate) docs: crate::docs::Docs,
    /// The index documents parsed into plain structs (see [`crate::view`]).
    pub(crate) view: std::cell::RefCell<crate::view::IndexView>,
    /// Each client document's interactions as counting needs them, with the heads they
    /// were read at (see [`ClientBase::activity`]).
    pub(crate) activity_cache: std::cell::RefCell<crate::report::ActivityCache>,
}

/// The index document every replica starts from. Its one change is made by a fixed actor
/// at time 0, so it has the same hash everywhere: a replica that creates the index
/// offline and the server's copy merge without two competing `clients` maps.
pub fn genesis_index() -> Automerge {
    let mut doc = AutoCommit::new().with_actor(ActorId::from([0u8; 16]));
    doc.put_object(ROOT, CLIENTS, ObjType::Map)
        .expect("a fresh document accepts a map");
    doc.commit_with(CommitOptions::default().with_time(0));
    doc.document().clone()
}

impl ClientBase {
    /// An empty base whose index is `index_id`; local changes are made as `actor`
    /// (16 random bytes the caller drew, new for every running replica).
    pub fn new(index_id: DocumentId, actor: ActorId) -> Self {
        let mut docs = crate::docs::Docs::new(actor.clone());
        let genesis = genesis_index();
        let genesis_heads = genesis.get_heads();
        docs.insert(index_id, genesis.with_actor(actor.clone()));
        ClientBase {
            actor,
            index_id,
            genesis_heads,
            team_docs: None,
            books: BTreeMap::new(),
            docs,
            view: Default::default(),
            activity_cache: Default::default(),
        }
    }

    /// Names `owner`'s book: the index document of his restricted clients (key accounts
    /// only he, his delegates and the heads of sales may see). A restricted client's
    /// summary lives in its owner's book instead of the team index, so colleagues never
    /// learn it exists. Books start from the same genesis as the index.
    pub fn set_book(&mut self, owner: &str, id: DocumentId) {
        self.books.insert(owner.to_owned(), id);
        let genesis = genesis_index();
        let actor = self.actor.clone();
        let doc = self
            .docs
            .get_or_insert_with(id, || Automerge::new().with_actor(actor));
        if doc.get(ROOT, CLIENTS).ok().flatten().is_none() {
            let changes = genesis.get_changes(&[]);
            doc.apply_changes(changes)
                .expect("the genesis change applies to any document");
        }
    }

    /// The books this replica knows, by owner.
    pub fn books(&self) -> &BTreeMap<String, DocumentId> {
        &self.books
    }

    /// Whether `id` is an index document: the team index or a book.
    pub fn is_index(&self, id: DocumentId) -> bool {
        id == self.index_id || self.books.values().any(|b| *b == id)
    }

    /// The ids of the index documents: the team index first, then the books.
    pub fn index_ids(&self) -> Vec<DocumentId> {
        std::iter::once(self.index_id)
            .chain(self.books.values().copied())
            .collect()
    }

    /// Every index document held (the team index first, then the books), with its id.
    pub(crate) fn index_docs(&self) -> Vec<(DocumentId, &Automerge)> {
        self.index_ids()
            .into_iter()
            .filter_map(|id| {
                let doc = self.docs.get(&id)?;
                (id == self.index_id || has_clients(doc)).then_some((id, doc))
            })
            .collect()
    }

    /// The index document holding `client`'s entry and the entry's object: the first
    /// index document (books before the team index) that has one.
    pub(crate) fn entry_of(&self, client: DocumentId) -> Option<(DocumentId, &Automerge, ObjId)> {
        let key = client.to_string();
        let mut docs = self.index_docs();
        docs.rotate_left(1);
        docs.into_iter().find_map(|(id, doc)| {
            let (_, entry) = doc.get(clients_obj(doc), key.as_str()).ok()??;
            Some((id, doc, entry))
        })
    }

    /// Every client entry of every index document, each client once.
    pub(crate) fn all_entries(&self) -> Vec<(DocumentId, &Automerge, ObjId)> {
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        let mut docs = self.index_docs();
        docs.rotate_left(1);
        for (_, doc) in docs {
            let clients = clients_obj(doc);
            for key in doc.keys(&clients) {
                let Ok(id) = key.parse::<DocumentId>() else {
                    continue;
                };
                if !seen.insert(id) {
                    continue;
                }
                if let Ok(Some((_, entry))) = doc.get(&clients, key.as_str()) {
                    out.push((id, doc, entry));
                }
            }
        }
        out
    }

    /// The index document a client's summary is written to: where its entry is, else
    /// (a new client) its owner's book when restricted, else the team index.
    pub(crate) fn index_for(&self, client: DocumentId) -> DocumentId {
        if let Some((id, _, _)) = self.entry_of(client) {
            return id;
        }
        if let Some(doc) = self.docs.get(&client) {
            let details = ClientDetails::read(doc, &ROOT);
            if details.restricted
                && let Some(book) = self.books.get(&details.owner)
            {
                return *book;
            }
        }
        self.index_id
    }

    /// Moves a client's index entry, every key of it, to the index document `to` (when
    /// a client becomes restricted, or stops being). An edit of the old entry made
    /// concurrently on another replica stays in the old, deleted entry; the card's own
    /// fields come back through [`ClientBase::reconcile_summary`].
    pub(crate) fn move_entry(
        &mut self,
        client: DocumentId,
        to: DocumentId,
        author: &Author,
    ) -> Result<(), Error> {
        let Some((from, doc, entry)) = self.entry_of(client) else {
            return Ok(());
        };
        if from == to {
            return Ok(());
        }
        let values: Vec<(String, automerge::ScalarValue)> = doc
            .map_range(&entry, ..)
            .filter_map(|item| {
                let v = item.value.into_value();
                Some((item.key.to_string(), v.into_scalar().ok()?))
            })
            .collect();
        let key = client.to_string();
        let target = self.docs.get_mut(&to).ok_or(Error::NoSuchClient(to))?;
        let clients = clients_obj(target);
        target
            .transact_with::<_, _, Error, _>(
                |_| author.commit(),
                |tx| {
                    let obj = tx.put_object(&clients, key.as_str(), ObjType::Map)?;
                    for (k, v) in &values {
                        tx.put(&obj, k.as_str(), v.clone())?;
                    }
                    Ok(())
                },
            )
            .map_err(|f| f.error)?;
        let source = self.docs.get_mut(&from).expect("the entry was found there");
        let clients = clients_obj(source);
        source
            .transact_with::<_, _, Error, _>(
                |_| author.commit(),
                |tx| {
                    tx.delete(&clients, key.as_str())?;
                    Ok(())
                },
            )
            .map_err(|f| f.error)?;
        Ok(())
    }

    /// The documents an edit of `client`'s card and summary touches.
    pub(crate) fn touched(&self, client: DocumentId) -> Vec<DocumentId> {
        vec![client, self.index_for(client)]
    }

    /// Names the team's other shared documents: `team` (events, catalog, competitors)
    /// and `plan` (managers and targets); the server tells a replica their ids at login.
    pub fn set_team_docs(&mut self, team: DocumentId, plan: DocumentId) {
        self.team_docs = Some((team, plan));
        // Held (empty until synced), so that a sync client asks the server for them.
        self.doc_or_empty(team);
        self.doc_or_empty(plan);
    }

    /// The id of a team document, when known.
    pub fn team_doc_id(&self, which: TeamDoc) -> Result<DocumentId, Error> {
        match (self.team_docs, which) {
            (Some((team, _)), TeamDoc::Team) => Ok(team),
            (Some((_, plan)), TeamDoc::Plan) => Ok(plan),
            (None, _) => Err(Error::NoTeamDocs),
        }
    }

    /// The id of the team index document.
    pub fn index_id(&self) -> DocumentId {
        self.index_id
    }

    /// The heads every replica starts a document from: the genesis change for the index,
    /// nothing for other documents. Changes up to these need no sending.
    pub fn baseline_heads(&self, id: DocumentId) -> &[ChangeHash] {
        if self.is_index(id) {
            &self.genesis_heads
        } else {
            &[]
        }
    }

    /// The actor this replica writes as.
    pub fn actor(&self) -> &ActorId {
        &self.actor
    }

    /// Adds a client: validates the draft, creates the client's document under `id` (16
    /// random bytes drawn by the caller) and its summary in the index. On a validation
    /// error nothing is written.
    pub fn add_client(
        &mut self,
        id: DocumentId,
        draft: &ClientDraft,
        author: &Author,
    ) -> Result<Edit, Error> {
        let fields = draft.validate()?;
        let mut details = draft.details.validated()?;
        if details.owner.is_empty() {
            details.owner = author.rep().to_owned();
        }
        if self.docs.contains_key(&id) {
            return Err(Error::BadDocumentId(format!("{id} is already in use")));
        }
        if details.restricted && !self.books.contains_key(&details.owner) {
            return Err(Error::NoBook(details.owner));
        }
        let mut doc = Automerge::new().with_actor(self.actor.clone());
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                tx.put(ROOT, "kind", "client")?;
                write_fields(tx, &ROOT, &fields)?;
                tx.put(ROOT, "archived", false)?;
                tx.put(ROOT, "created", author.at)?;
                tx.put_object(ROOT, CONTACTS, ObjType::Map)?;
                tx.put_object(ROOT, card::NOTES, ObjType::Text)?;
                details.write(tx, &ROOT, None)?;
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        self.docs.insert(id, doc);
        self.write_index_entry(id, author, |tx, entry| {
            write_fields(tx, entry, &fields)?;
            tx.put(entry, "archived", false)?;
            card::write_details_summary(tx, entry, &details, None)
        })?;
        Ok(Edit {
            client: id,
            touched: self.touched(id),
        })
    }

    /// Changes the set fields of a client's card (and its index summary). On a
    /// validation error nothing is written.
    pub fn edit_client(
        &mut self,
        id: DocumentId,
        patch: &ClientPatch,
        author: &Author,
    ) -> Result<Edit, Error> {
        let fields = patch.validated()?;
        let stored = self.client(id).map(|c| c.lost_reason).unwrap_or_default();
        fields.check_lost_reason(&stored)?;
        self.change_client(id, &fields, None, author)
    }

    /// Archives a client: hidden from lists, never deleted; a concurrent edit of any
    /// other field still lands.
    pub fn archive_client(&mut self, id: DocumentId, author: &Author) -> Result<Edit, Error> {
        self.change_client(id, &ClientPatch::default(), Some(true), author)
    }

    /// Brings an archived client back.
    pub fn restore_client(&mut self, id: DocumentId, author: &Author) -> Result<Edit, Error> {
        self.change_client(id, &ClientPatch::default(), Some(false), author)
    }

    fn change_client(
        &mut self,
        id: DocumentId,
        fields: &ClientPatch,
        archived: Option<bool>,
        author: &Author,
    ) -> Result<Edit, Error> {
        if self.is_index(id) || !self.index_has(id) && !self.docs.contains_key(&id) {
            return Err(Error::NoSuchClient(id));
        }
        let actor = self.actor.clone();
        let doc = self
            .docs
            .get_or_insert_with(id, || Automerge::new().with_actor(actor));
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                write_fields(tx, &ROOT, fields)?;
                if let Some(a) = archived {
                    tx.put(ROOT, "archived", a)?;
                }
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        self.write_summary(id, fields, archived, author)?;
        Ok(Edit {
            client: id,
            touched: self.touched(id),
        })
    }

    fn write_summary(
        &mut self,
        id: DocumentId,
        fields: &ClientPatch,
        archived: Option<bool>,
        author: &Author,
    ) -> Result<(), Error> {
        self.write_index_entry(id, author, |tx, entry| {
            write_fields(tx, entry, fields)?;
            if let Some(a) = archived {
                tx.put(entry, "archived", a)?;
            }
            Ok(())
        })
    }

    /// After concurrent edits of one field, the card and its index summary each pick a
    /// winner on their own and may pick different ones, so the list would show another
    /// value than the card. This rewrites such a field of the summary with the card's
    /// winner. Only fields whose summary value is in conflict and whose card value is one
    /// of the competing values are touched: a summary that is merely ahead of or behind
    /// its card (the two documents sync separately) is left alone. The task keys
    /// (`task:<id>:status`, `:due`, `:time`) are reconciled the same way. Returns the
    /// edit, or `None` when the summary already agrees.
    pub fn reconcile_summary(
        &mut self,
        id: DocumentId,
        author: &Author,
    ) -> Result<Option<Edit>, Error> {
        let Some(doc) = self
            .docs
            .get(&id)
            .filter(|d| !self.is_index(id) && !d.get_heads().is_empty())
        else {
            return Ok(None);
        };
        let Some((index_id, index, entry)) = self.entry_of(id) else {
            return Ok(None);
        };
        let card = read_record(doc, &ROOT, id);
        let summary = read_record(index, &entry, id);
        let competing = |field: &str, card_value: &str| -> bool {
            let values = index.get_all(&entry, field).unwrap_or_default();
            values.len() > 1 && values.iter().any(|(v, _)| v.as_str() == Some(card_value))
        };
        let mut patch = ClientPatch::default();
        if card.name != summary.name && competing("name", &card.name) {
            patch.name = Some(card.name.clone());
        }
        if card.phone != summary.phone && competing("phone", &card.phone) {
            patch.phone = Some(card.phone.clone());
        }
        if card.email != summary.email && competing("email", &card.email) {
            patch.email = Some(card.email.clone());
        }
        if card.status != summary.status && competing("status", card.status.key()) {
            patch.status = Some(card.status);
        }
        let archived = (card.archived != summary.archived
            && index.get_all(&entry, "archived").unwrap_or_default().len() > 1)
            .then_some(card.archived);
        let mut task_fixes = self.task_summary_fixes(id);
        for key in MIRRORED_DETAILS {
            let card_value = entries::text(doc, &ROOT, key);
            if card_value != entries::text(index, &entry, key) && competing(key, &card_value) {
                task_fixes.push(((*key).to_owned(), card_value));
            }
        }
        if patch.is_empty() && archived.is_none() && task_fixes.is_empty() {
            return Ok(None);
        }
        if !patch.is_empty() || archived.is_some() {
            self.write_summary(id, &patch, archived, author)?;
        }
        if !task_fixes.is_empty() {
            self.write_index_entry(id, author, |tx, entry| {
                for (key, value) in &task_fixes {
                    tx.put(entry, key.as_str(), value.as_str())?;
                }
                Ok(())
            })?;
        }
        Ok(Some(Edit {
            client: id,
            touched: vec![index_id],
        }))
    }

    fn index_has(&self, id: DocumentId) -> bool {
        self.entry_of(id).is_some()
    }

    /// Every client summary in the index, archived ones included, sorted by name.
    pub fn summaries(&self) -> Vec<ClientSummary> {
        let mut out: Vec<ClientSummary> = self.with_view(|v| {
            v.entries()
                .into_iter()
                .map(|(_, e)| e.summary.clone())
                .collect()
        });
        // Lower-case each name once, not on every comparison (10,000 clients per list).
        out.sort_by_cached_key(|s| (s.name.to_lowercase(), s.id));
        out
    }

    /// The clients that are not archived, sorted by name.
    pub fn clients(&self) -> Vec<ClientSummary> {
        self.summaries()
            .into_iter()
            .filter(|c| !c.archived)
            .collect()
    }

    /// The full card of a client, from its own document when this replica has it, else
    /// from the index summary.
    pub fn client(&self, id: DocumentId) -> Option<Client> {
        if let Some(doc) = self
            .docs
            .get(&id)
            .filter(|d| !self.is_index(id) && !d.get_heads().is_empty())
        {
            let mut client: Client = read_record(doc, &ROOT, id).into();
            client.lost_reason = entries::text(doc, &ROOT, "lost_reason");
            return Some(client);
        }
        let (_, index, entry) = self.entry_of(id)?;
        Some(read_record(index, &entry, id).into())
    }

    /// Client documents the index lists that this replica does not hold yet.
    pub fn missing_docs(&self) -> Vec<DocumentId> {
        self.all_entries()
            .into_iter()
            .map(|(id, _, _)| id)
            .filter(|id| !self.docs.contains_key(id))
            .collect()
    }

    /// Ids of every document held, the index first.
    pub fn doc_ids(&self) -> Vec<DocumentId> {
        let mut ids = vec![self.index_id];
        ids.extend(self.docs.keys().copied().filter(|id| *id != self.index_id));
        ids
    }

    /// How many documents are held, the index included.
    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    /// Whether `id` is held, loaded or stashed (without loading it).
    pub fn holds(&self, id: DocumentId) -> bool {
        self.docs.contains_key(&id)
    }

    /// A held document.
    pub fn doc(&self, id: DocumentId) -> Option<&Automerge> {
        self.docs.get(&id)
    }

    /// A held document, for the sync client to merge into.
    pub fn doc_mut(&mut self, id: DocumentId) -> Option<&mut Automerge> {
        self.docs.get_mut(&id)
    }

    /// The held document, or a new empty one (for a document arriving from the network).
    pub fn doc_or_empty(&mut self, id: DocumentId) -> &mut Automerge {
        let actor = self.actor.clone();
        self.docs
            .get_or_insert_with(id, || Automerge::new().with_actor(actor))
    }

    /// Loads a document from its saved bytes (a snapshot followed by incremental chunks,
    /// concatenated) and merges it into what is held.
    pub fn load_doc(&mut self, id: DocumentId, bytes: &[u8]) -> Result<(), Error> {
        // A document held only as its genesis (or not at all) is loaded whole, which is
        // many times faster than replaying a saved index change by change; the genesis
        // change is in every saved index, so nothing is lost.
        let fresh = self
            .docs
            .get(&id)
            .is_none_or(|d| d.get_heads() == self.baseline_heads(id) || d.get_heads().is_empty());
        if fresh {
            let mut loaded = Automerge::load(bytes)?.with_actor(self.actor.clone());
            if let Some(held) = self.docs.get(&id) {
                let missing = loaded.get_changes_added(held);
                loaded.apply_changes(missing)?;
            }
            self.docs.insert(id, loaded);
            return Ok(());
        }
        self.doc_or_empty(id).load_incremental(bytes)?;
        Ok(())
    }

    /// Holds a document's stored bytes (as [`ClientBase::load_doc`] takes them) without
    /// loading them: the document is loaded the first time anything reads it. This is how
    /// a device opens a large base quickly: the index documents are loaded, the client
    /// documents stashed. A document held only as its baseline (an index's genesis, or
    /// nothing yet) is stashed over, its baseline merged in when it loads; any other
    /// document already held is loaded and merged at once.
    pub fn stash_doc(&mut self, id: DocumentId, bytes: Vec<u8>) -> Result<(), Error> {
        if !self.docs.contains_key(&id) {
            self.docs.stash(id, bytes);
            return Ok(());
        }
        let fresh = self.docs.is_loaded(&id)
            && self.docs.get(&id).is_some_and(|d| {
                d.get_heads() == self.baseline_heads(id) || d.get_heads().is_empty()
            });
        if fresh {
            self.docs.stash_over(id, bytes);
            return Ok(());
        }
        self.load_doc(id, &bytes)
    }

    /// Whether `id` is held and loaded (not still stashed).
    pub fn is_loaded(&self, id: DocumentId) -> bool {
        self.docs.is_loaded(&id)
    }

    /// How many held documents are still stashed.
    pub fn stashed_count(&self) -> usize {
        self.docs.stashed()
    }

    /// Loads up to `max` stashed documents (a background warm-up, a slice at a time);
    /// returns how many are still stashed.
    pub fn load_stashed(&self, max: usize) -> usize {
        for id in self.docs.stashed_ids(max) {
            self.docs.get(&id);
        }
        self.docs.stashed()
    }

    /// Stashed documents loaded since the last call, each with the heads it was stored
    /// with: what is on the device for it, for whoever writes its next chunk.
    pub fn take_loaded(&self) -> Vec<(DocumentId, Vec<ChangeHash>)> {
        self.docs.take_materialized()
    }

    /// Stashed documents whose stored bytes did not load since the last call, with the
    /// reason. Each is held empty, so a sync client fetches it whole again.
    pub fn take_damaged(&self) -> Vec<(DocumentId, String)> {
        self.docs.take_damaged()
    }

    /// Merges every document of `other` into this base (documents only `other` holds are
    /// copied). Used to merge replicas directly, without a server.
    pub fn merge(&mut self, other: &ClientBase) -> Result<(), Error> {
        for (id, theirs) in &other.docs {
            let ours = self.doc_or_empty(*id);
            let changes = ours.get_changes_added(theirs);
            ours.apply_changes(changes)?;
        }
        Ok(())
    }

    /// The heads of a held document.
    pub fn heads(&self, id: DocumentId) -> Vec<ChangeHash> {
        self.docs
            .get(&id)
            .map(|d| d.get_heads())
            .unwrap_or_default()
    }

    /// Runs `write` in one transaction on the client's entry in the index (created when
    /// missing), committed as `author`.
    pub(crate) fn write_index_entry<F>(
        &mut self,
        client: DocumentId,
        author: &Author,
        write: F,
    ) -> Result<(), Error>
    where
        F: FnOnce(&mut automerge::transaction::Transaction<'_>, &ObjId) -> Result<(), Error>,
    {
        let index_id = self.index_for(client);
        let index = self
            .docs
            .get_mut(&index_id)
            .expect("the index and every named book are held");
        let clients = clients_obj(index);
        let key = client.to_string();
        index
            .transact_with::<_, _, Error, _>(
                |_| author.commit(),
                |tx| {
                    let entry = match tx.get(&clients, &key)? {
                        Some((automerge::Value::Object(ObjType::Map), obj)) => obj,
                        _ => tx.put_object(&clients, &key, ObjType::Map)?,
                    };
                    write(tx, &entry)
                },
            )
            .map_err(|f| f.error)?;
        Ok(())
    }

    /// Runs `write` in one transaction on the client's document, committed as `author`;
    /// the client's document must be held (see [`ClientBase::client_doc`]).
    pub(crate) fn write_client_doc<F>(
        &mut self,
        client: DocumentId,
        author: &Author,
        write: F,
    ) -> Result<(), Error>
    where
        F: FnOnce(&mut automerge::transaction::Transaction<'_>) -> Result<(), Error>,
    {
        self.client_doc(client)?;
        let doc = self.docs.get_mut(&client).expect("checked above");
        doc.transact_with::<_, _, Error, _>(|_| author.commit(), write)
            .map_err(|f| f.error)?;
        Ok(())
    }

    /// The client's own document, when this replica holds it.
    pub(crate) fn client_doc(&self, client: DocumentId) -> Result<&Automerge, Error> {
        self.docs
            .get(&client)
            .filter(|d| !self.is_index(client) && !d.get_heads().is_empty())
            .ok_or(Error::NoSuchClient(client))
    }

    /// The values of a field that lost to a concurrent edit, besides the winner (empty
    /// when there is no conflict).
    pub fn conflicts(&self, id: DocumentId, field: &str) -> Vec<String> {
        let Some(doc) = self.docs.get(&id) else {
            return Vec::new();
        };
        let all = doc.get_all(ROOT, field).unwrap_or_default();
        let winner = doc.get(ROOT, field).ok().flatten().map(|(_, id)| id);
        all.into_iter()
            .filter(|(_, op)| Some(op) != winner.as_ref())
            .filter_map(|(v, _)| v.as_str().map(str::to_owned))
            .collect()
    }
}

/// The details fields the index mirrors as strings, reconciled like name and status.
const MIRRORED_DETAILS: &[&str] = &[
    "segment",
    "owner",
    "rating",
    "next_step",
    "next_step_date",
    "source_event",
];

pub(crate) fn has_clients(doc: &Automerge) -> bool {
    matches!(
        doc.get(ROOT, CLIENTS),
        Ok(Some((automerge::Value::Object(ObjType::Map), _)))
    )
}

pub(crate) fn clients_obj(index: &Automerge) -> ObjId {
    match index.get(ROOT, CLIENTS) {
        Ok(Some((automerge::Value::Object(ObjType::Map), obj))) => obj,
        _ => unreachable!("every index descends from genesis_index(), which has the clients map"),
    }
}

fn write_fields<T: Transactable>(
    tx: &mut T,
    obj: &ObjId,
    fields: &ClientPatch,
) -> Result<(), Error> {
    if let Some(v) = &fields.name {
        tx.put(obj, "name", v.as_str())?;
    }
    if let Some(v) = &fields.phone {
        tx.put(obj, "phone", v.as_str())?;
    }
    if let Some(v) = &fields.email {
        tx.put(obj, "email", v.as_str())?;
    }
    if let Some(v) = fields.status {
        tx.put(obj, "status", v.key())?;
    }
    if let Some(v) = &fields.lost_reason {
        tx.put(obj, "lost_reason", v.as_str())?;
    }
    Ok(())
}

pub(crate) fn read_record(doc: &Automerge, obj: &ObjId, id: DocumentId) -> ClientSummary {
    // Fields are scalar strings (last writer wins). A client that wrote collaborative
    // text instead (Automerge 3's JS default for strings) is read too.
    let text = |key: &str| match doc.get(obj, key).ok().flatten() {
        Some((automerge::Value::Object(ObjType::Text), id)) => doc.text(&id).unwrap_or_default(),
        Some((v, _)) => v.as_str().map(str::to_owned).unwrap_or_default(),
        None => String::new(),
    };
    let mut tags = entries::set_members(doc, obj, card::TAGS);
    // One range of the map (`tag:` … `tag;`), not a scan of every key of a busy entry.
    for item in doc.map_range(obj, card::TAG_PREFIX.to_owned().."tag;".to_owned()) {
        if let Some(tag) = item.key.strip_prefix(card::TAG_PREFIX)
            && !tags.iter().any(|t| t == tag)
        {
            tags.push(tag.to_owned());
        }
    }
    tags.sort();
    let details = ClientDetails::read(doc, obj);
    ClientSummary {
        id,
        name: text("name"),
        phone: text("phone"),
        email: text("email"),
        status: text("status").parse().unwrap_or(ClientStatus::Prospect),
        archived: doc
            .get(obj, "archived")
            .ok()
            .flatten()
            .and_then(|(v, _)| v.as_bool())
            .unwrap_or(false),
        segment: details.segment,
        owner: details.owner,
        rating: details.rating,
        next_step: details.next_step,
        next_step_date: details.next_step_date,
        restricted: details.restricted,
        tags,
        event: details.source_event,
    }
}
