//! The generic operations on the records a client document keeps in root maps (deals,
//! contracts, orders, invoices, complaints) and on their line items (order lines,
//! payments), and on the records of the team and plan documents (events, products,
//! competitors, managers).
//!
//! Each kind says where it lives ([`Entity::COLLECTION`]), how it is validated, and which
//! flat keys it mirrors into its client's index entry (invoices and payments, so Today,
//! the receivables ageing and the "overdue debt" filter read the index alone). Writes
//! touch only the fields that changed.

use automerge::{ObjId, ROOT, ScalarValue, transaction::Transactable};

use crate::{
    Author, ClientBase, DocumentId, Edit, Error,
    base::TeamDoc,
    entries,
    record::{self, Record},
};

/// A record kept in a client document's root map [`Entity::COLLECTION`].
pub trait Entity: Record {
    /// The root map of the client document.
    const COLLECTION: &'static str;
    /// A readable name of the kind, for errors (`deal`, `order`…).
    const KIND: &'static str;
    /// Checks and normalises every field; nothing is written on an error.
    fn validated(&self) -> Result<Self, Error>;
    /// Flat keys mirrored into the client's index entry (none by default).
    fn index_keys(&self, _id: &str) -> Vec<(String, ScalarValue)> {
        Vec::new()
    }
}

/// A line item kept in the map [`Item::COLLECTION`] of a parent entity `P`.
pub trait Item<P: Entity>: Record {
    /// The map of the parent record.
    const COLLECTION: &'static str;
    /// A readable name of the kind, for errors.
    const KIND: &'static str;
    /// Checks and normalises every field.
    fn validated(&self) -> Result<Self, Error>;
    /// Flat keys mirrored into the client's index entry (none by default).
    fn index_keys(&self, _parent: &str, _id: &str) -> Vec<(String, ScalarValue)> {
        Vec::new()
    }
}

/// A record kept in a root map of a team-wide document.
pub trait TeamEntity: Record {
    /// Which team document.
    const DOC: TeamDoc;
    /// The root map.
    const COLLECTION: &'static str;
    /// A readable name of the kind, for errors.
    const KIND: &'static str;
    /// Checks and normalises every field.
    fn validated(&self) -> Result<Self, Error>;
}

fn write_index_keys<T: Transactable>(
    tx: &mut T,
    entry: &ObjId,
    keys: &[(String, ScalarValue)],
) -> Result<(), Error> {
    for (k, v) in keys {
        let current = tx.get(entry, k.as_str())?.map(|(v, _)| v.into_owned());
        if current.as_ref().and_then(|c| c.as_scalar()) != Some(v) {
            tx.put(entry, k.as_str(), v.clone())?;
        }
    }
    Ok(())
}

impl ClientBase {
    /// Adds a record of kind `E` under `id` (an id the caller drew, unique within the
    /// client; no `:` or control characters). Validated first; on an error nothing is
    /// written. Needs the client's document on this replica.
    pub fn add_entity<E: Entity>(
        &mut self,
        client: DocumentId,
        id: &str,
        value: &E,
        author: &Author,
    ) -> Result<Edit, Error> {
        let value = value.validated()?;
        if !entries::usable_id(id) {
            return Err(Error::BadEntryId(id.to_owned()));
        }
        if entries::find(self.client_doc(client)?, E::COLLECTION, id).is_some() {
            return Err(Error::BadEntryId(format!("{id} is already in use")));
        }
        self.write_client_doc(client, author, |tx| {
            record::insert(tx, &ROOT, E::COLLECTION, id, &value)?;
            Ok(())
        })?;
        self.mirror(client, &value.index_keys(id), author)
    }

    /// Changes record `id` of kind `E` to `value`, writing only the fields that differ
    /// from the stored ones (a concurrent edit of another field survives).
    pub fn update_entity<E: Entity>(
        &mut self,
        client: DocumentId,
        id: &str,
        value: &E,
        author: &Author,
    ) -> Result<Edit, Error> {
        let value = value.validated()?;
        let doc = self.client_doc(client)?;
        let obj = entries::find(doc, E::COLLECTION, id).ok_or_else(|| Error::NoSuchEntry {
            client,
            kind: E::KIND,
            id: id.to_owned(),
        })?;
        let old = E::read(doc, &obj);
        if old == value {
            return Ok(Edit {
                client,
                touched: Vec::new(),
            });
        }
        self.write_client_doc(client, author, |tx| value.write(tx, &obj, Some(&old)))?;
        self.mirror(client, &value.index_keys(id), author)
    }

    /// Record `id` of kind `E`, when the client's document holds it.
    pub fn entity<E: Entity>(&self, client: DocumentId, id: &str) -> Option<E> {
        let doc = self.client_doc(client).ok()?;
        let obj = entries::find(doc, E::COLLECTION, id)?;
        Some(E::read(doc, &obj))
    }

    /// Every record of kind `E` of a client, sorted by id.
    pub fn entities<E: Entity>(&self, client: DocumentId) -> Vec<(String, E)> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        record::read_all(doc, &ROOT, E::COLLECTION)
            .into_iter()
            .map(|(id, _, v)| (id, v))
            .collect()
    }

    /// The values of field `key` of record `id` that lost to a concurrent edit.
    pub fn entity_conflicts<E: Entity>(
        &self,
        client: DocumentId,
        id: &str,
        key: &str,
    ) -> Vec<String> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        entries::find(doc, E::COLLECTION, id)
            .map(|obj| record::conflicts(doc, &obj, key))
            .unwrap_or_default()
    }

    /// Adds or changes item `id` of kind `I` of record `parent` of kind `P` (an order
    /// line, a payment). Validated first; only changed fields are written.
    pub fn put_item<P: Entity, I: Item<P>>(
        &mut self,
        client: DocumentId,
        parent: &str,
        id: &str,
        value: &I,
        author: &Author,
    ) -> Result<Edit, Error> {
        let value = value.validated()?;
        if !entries::usable_id(id) {
            return Err(Error::BadEntryId(id.to_owned()));
        }
        let doc = self.client_doc(client)?;
        let parent_obj =
            entries::find(doc, P::COLLECTION, parent).ok_or_else(|| Error::NoSuchEntry {
                client,
                kind: P::KIND,
                id: parent.to_owned(),
            })?;
        let existing = entries::find_in(doc, &parent_obj, I::COLLECTION, id);
        self.write_client_doc(client, author, |tx| {
            match existing {
                Some(obj) => {
                    let old = I::read(tx, &obj);
                    value.write(tx, &obj, Some(&old))?;
                }
                None => {
                    record::insert(tx, &parent_obj, I::COLLECTION, id, &value)?;
                }
            }
            Ok(())
        })?;
        self.mirror(client, &value.index_keys(parent, id), author)
    }

    /// Every item of kind `I` of record `parent`, sorted by id.
    pub fn items<P: Entity, I: Item<P>>(
        &self,
        client: DocumentId,
        parent: &str,
    ) -> Vec<(String, I)> {
        let Ok(doc) = self.client_doc(client) else {
            return Vec::new();
        };
        let Some(obj) = entries::find(doc, P::COLLECTION, parent) else {
            return Vec::new();
        };
        record::read_all(doc, &obj, I::COLLECTION)
            .into_iter()
            .map(|(id, _, v)| (id, v))
            .collect()
    }

    fn mirror(
        &mut self,
        client: DocumentId,
        keys: &[(String, ScalarValue)],
        author: &Author,
    ) -> Result<Edit, Error> {
        if keys.is_empty() {
            return Ok(Edit {
                client,
                touched: vec![client],
            });
        }
        self.write_index_entry(client, author, |tx, entry| {
            write_index_keys(tx, entry, keys)
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Adds or changes record `id` of kind `E` in its team document. Validated first;
    /// only changed fields are written. Needs the team documents
    /// ([`ClientBase::set_team_docs`]).
    pub fn put_team_entity<E: TeamEntity>(
        &mut self,
        id: &str,
        value: &E,
        author: &Author,
    ) -> Result<DocumentId, Error> {
        let value = value.validated()?;
        if !entries::usable_id(id) {
            return Err(Error::BadEntryId(id.to_owned()));
        }
        let doc_id = self.team_doc_id(E::DOC)?;
        let doc = self.doc_or_empty(doc_id);
        let existing = entries::find(doc, E::COLLECTION, id);
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                match &existing {
                    Some(obj) => {
                        let old = E::read(tx, obj);
                        value.write(tx, obj, Some(&old))?;
                    }
                    None => {
                        record::insert(tx, &ROOT, E::COLLECTION, id, &value)?;
                    }
                }
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        Ok(doc_id)
    }

    /// Every record of kind `E` of its team document, sorted by id (empty when the team
    /// documents are not known or not held).
    pub fn team_entities<E: TeamEntity>(&self) -> Vec<(String, E)> {
        let Some(doc) = self
            .team_doc_id(E::DOC)
            .ok()
            .and_then(|id| self.docs.get(&id))
        else {
            return Vec::new();
        };
        record::read_all(doc, &ROOT, E::COLLECTION)
            .into_iter()
            .map(|(id, _, v)| (id, v))
            .collect()
    }

    /// Record `id` of kind `E` of its team document.
    pub fn team_entity<E: TeamEntity>(&self, id: &str) -> Option<E> {
        let doc = self.docs.get(&self.team_doc_id(E::DOC).ok()?)?;
        let obj = entries::find(doc, E::COLLECTION, id)?;
        Some(E::read(doc, &obj))
    }
}
