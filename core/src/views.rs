//! Saved views of the client list: a search, its filters and its sort under a name,
//! kept in the rep's own book — `views: { <id>: SavedView }` beside the book's `clients`
//! map. The book is the one synced document only its rep (his delegates during a
//! hand-over, and the heads of sales) reads and writes, so a view follows the rep to his
//! other devices and never reaches colleagues. Ids are drawn by the caller, so views
//! saved on two devices while offline are both kept.

use automerge::{ROOT, ReadDoc, transaction::Transactable};

use crate::{
    Author, ClientBase, ClientStatus, DocumentId, Error, Segment, entries,
    error::rename,
    record::{self, Record},
    validate,
};

/// The root map of a book holding the views.
const VIEWS: &str = "views";

keyed_enum! {
    /// How a view sorts the list.
    pub enum ViewSort {
        /// By name.
        Name => "name",
        /// By the next step's date, the soonest first (none last).
        NextStep => "next_step",
    }
}

record! {
    /// A saved view: what the Clients screen's search, filters and sort were set to.
    /// Empty strings mean "any".
    pub struct SavedView {
        /// The name on the chip.
        pub name: String => "name",
        /// The search text.
        pub query: String => "query",
        /// A status key (see [`SavedView::status`]), or empty.
        pub status: String => "status",
        /// A segment ([`Segment::Unset`]: any).
        pub segment: Segment => "segment",
        /// The owner's login, or empty.
        pub owner: String => "owner",
        /// A tag, or empty.
        pub tag: String => "tag",
        /// The id of the event the client was met at, or empty.
        pub event: String => "event",
        /// Only clients with an overdue invoice.
        pub overdue: bool => "overdue",
        /// The sort.
        pub sort: ViewSort => "sort",
        /// When it was saved, ms since the epoch (the order of the chips).
        pub saved_at: i64 => "saved_at",
    }
}

impl SavedView {
    /// The status filter, when set.
    pub fn status(&self) -> Option<ClientStatus> {
        self.status.parse().ok()
    }

    /// The view checked and normalised: a name of 1–200 characters (white space folded).
    pub fn validated(&self) -> Result<SavedView, Error> {
        let name = validate::name(&self.name).map_err(|e| rename(e, crate::Field::Name))?;
        Ok(SavedView {
            name,
            query: self.query.trim().to_owned(),
            ..self.clone()
        })
    }
}

impl ClientBase {
    /// The book `rep`'s views live in.
    fn views_book(&self, rep: &str) -> Result<DocumentId, Error> {
        self.books()
            .get(rep)
            .copied()
            .ok_or_else(|| Error::NoBook(rep.to_owned()))
    }

    /// `rep`'s saved views, in the order they were saved (then by id); empty when his
    /// book is not known.
    pub fn saved_views(&self, rep: &str) -> Vec<(String, SavedView)> {
        let Some(doc) = self.views_book(rep).ok().and_then(|id| self.docs.get(&id)) else {
            return Vec::new();
        };
        let mut out: Vec<(String, SavedView)> = record::read_all(doc, &ROOT, VIEWS)
            .into_iter()
            .map(|(id, _, v)| (id, v))
            .collect();
        out.sort_by(|a, b| a.1.saved_at.cmp(&b.1.saved_at).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// Saves view `id` (new, or replacing the one with that id: only changed fields are
    /// written) in the author's book. Returns the book, the document to persist and
    /// sync. Validated first; nothing is written on an error.
    pub fn save_view(
        &mut self,
        id: &str,
        view: &SavedView,
        author: &Author,
    ) -> Result<DocumentId, Error> {
        let view = view.validated()?;
        if !entries::usable_id(id) {
            return Err(Error::BadEntryId(id.to_owned()));
        }
        let book = self.views_book(author.rep())?;
        let doc = self.doc_or_empty(book);
        let existing = entries::find(doc, VIEWS, id);
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                match &existing {
                    Some(obj) => {
                        let old = SavedView::read(tx, obj);
                        view.write(tx, obj, Some(&old))?;
                    }
                    None => {
                        record::insert(tx, &ROOT, VIEWS, id, &view)?;
                    }
                }
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        Ok(book)
    }

    /// Deletes view `id` from the author's book (from every concurrently created views
    /// map that holds it). Returns the book; deleting a view that is not there changes
    /// nothing.
    pub fn delete_view(&mut self, id: &str, author: &Author) -> Result<DocumentId, Error> {
        let book = self.views_book(author.rep())?;
        let doc = self.doc_or_empty(book);
        let holders: Vec<automerge::ObjId> = entries::maps(doc, &ROOT, VIEWS)
            .into_iter()
            .filter(|map| doc.get(map, id).ok().flatten().is_some())
            .collect();
        if holders.is_empty() {
            return Ok(book);
        }
        doc.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                for map in &holders {
                    tx.delete(map, id)?;
                }
                Ok(())
            },
        )
        .map_err(|f| f.error)?;
        Ok(book)
    }
}
