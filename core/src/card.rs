//! The rest of the client card: legal data, segment, source, owner and delegates,
//! commercial terms, rating, next step, tags, competitors, addresses, needs, and the
//! collaborative notes.
//!
//! Layout in the client document (besides `name`, `phone`, `email`, `status`,
//! `archived`, `lost_reason` of [`crate::client`]): the [`ClientDetails`] fields as root
//! keys, one per field; `tags` and `competitors` as sets (one key per member, so
//! concurrent additions both land); `delegates: { <rep>: { from, to, note } }`,
//! `addresses: { <id>: {..} }` and `needs: { <id>: {..} }` as record maps; and `notes`
//! as Automerge text, so concurrent typing interleaves.
//!
//! The index entry mirrors what lists, filters, search and Today need: `segment`,
//! `owner`, `rating`, `next_step`, `next_step_date`, `restricted` and one `tag:<tag>` key
//! per tag.

use automerge::{ObjId, ObjType, ROOT, ReadDoc, Value, transaction::Transactable};

use crate::error::{invalid, rename};
use crate::{
    Author, ClientBase, Currency, Date, DocumentId, Edit, Error, Field, Money, entries,
    error::Problem,
    record::{self, Record},
    validate,
};

/// The key of the client's tags set.
pub(crate) const TAGS: &str = "tags";
/// The key of the client's competitors set.
pub(crate) const COMPETITORS: &str = "competitors";
/// The key of the client's delegates map.
pub(crate) const DELEGATES: &str = "delegates";
/// The key of the client's addresses map.
pub(crate) const ADDRESSES: &str = "addresses";
/// The key of the client's needs map.
pub(crate) const NEEDS: &str = "needs";
/// The key of the client's notes text.
pub(crate) const NOTES: &str = "notes";
/// The prefix of tag keys in an index entry.
pub(crate) const TAG_PREFIX: &str = "tag:";
/// The largest discount: 100 % in basis points.
pub const MAX_DISCOUNT_BP: u32 = 10_000;
/// The longest payment term we accept, in days.
pub const MAX_PAYMENT_DAYS: u32 = 365;

keyed_enum! {
    /// Which kind of customer, for planning and price lists.
    pub enum Segment {
        /// Not set yet.
        Unset => "",
        /// A key account.
        Key => "key",
        /// A corporate customer.
        Corporate => "corporate",
        /// A retail customer (a shop or a private buyer).
        Retail => "retail",
    }
}

keyed_enum! {
    /// How the client came to us.
    pub enum Source {
        /// Not known.
        Unknown => "",
        /// Met at an exhibition (see [`ClientDetails::source_event`]).
        Exhibition => "exhibition",
        /// Referred by another client (see [`ClientDetails::referred_by`]).
        Referral => "referral",
        /// We called them.
        ColdCall => "cold_call",
        /// They contacted us.
        Inbound => "inbound",
        /// Through the web site.
        Web => "web",
    }
}

keyed_enum! {
    /// How reliable a payer the client is, A (best) to D.
    pub enum Rating {
        /// Not checked yet.
        Unrated => "",
        /// Reliable.
        A => "A",
        /// Mostly reliable.
        B => "B",
        /// Pays late.
        C => "C",
        /// Prepayment only.
        D => "D",
    }
}

record! {
    /// The card's fields beyond name, phone, e-mail and status.
    pub struct ClientDetails {
        /// The registered (legal) name.
        pub legal_name: String => "legal_name",
        /// Registration or tax id (letters, digits, `-`, `/`, `.`).
        pub tax_id: String => "tax_id",
        /// Industry, free text.
        pub industry: String => "industry",
        /// Segment.
        pub segment: Segment => "segment",
        /// How the client came to us.
        pub source: Source => "source",
        /// The event (exhibition) where we met, for [`Source::Exhibition`].
        pub source_event: String => "source_event",
        /// The client who referred this one, for [`Source::Referral`].
        pub referred_by: Option<DocumentId> => "referred_by",
        /// The manager (login name) who owns the client.
        pub owner: String => "owner",
        /// Web site.
        pub website: String => "website",
        /// The price-list column this client buys at.
        pub price_type: String => "price_type",
        /// Discount in basis points (1 % = 100).
        pub discount_bp: u32 => "discount_bp",
        /// Payment terms in days.
        pub payment_days: u32 => "payment_days",
        /// Credit limit.
        pub credit_limit: Option<Money> => "credit_limit",
        /// The currency the client is invoiced in.
        pub currency: Option<Currency> => "currency",
        /// Reliability rating.
        pub rating: Rating => "rating",
        /// When the rating was last checked.
        pub rating_checked: Option<Date> => "rating_checked",
        /// What the last check found.
        pub rating_note: String => "rating_note",
        /// The next step agreed with the client.
        pub next_step: String => "next_step",
        /// When the next step is due.
        pub next_step_date: Option<Date> => "next_step_date",
        /// A key account restricted to its owner (and delegates, and heads of sales).
        pub restricted: bool => "restricted",
    }
}

impl ClientDetails {
    /// Checks and normalises every field; the first bad one is the error.
    pub fn validated(&self) -> Result<ClientDetails, Error> {
        let short = |field: Field, v: &str| optional_short(field, v);
        let tax_id = short(Field::TaxId, &self.tax_id)?;
        if tax_id
            .chars()
            .any(|c| !(c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ' ')))
        {
            return Err(invalid(Field::TaxId, &self.tax_id, Problem::BadTaxId));
        }
        let website = short(Field::Website, &self.website)?;
        if !website.is_empty() && (website.contains(' ') || !website.contains('.')) {
            return Err(invalid(Field::Website, &self.website, Problem::BadWebsite));
        }
        if self.discount_bp > MAX_DISCOUNT_BP {
            return Err(invalid(
                Field::Discount,
                &self.discount_bp.to_string(),
                Problem::OutOfRange,
            ));
        }
        if self.payment_days > MAX_PAYMENT_DAYS {
            return Err(invalid(
                Field::PaymentDays,
                &self.payment_days.to_string(),
                Problem::OutOfRange,
            ));
        }
        if let Some(limit) = self.credit_limit
            && limit.minor < 0
        {
            return Err(invalid(
                Field::CreditLimit,
                &limit.to_string(),
                Problem::OutOfRange,
            ));
        }
        let owner = if self.owner.trim().is_empty() {
            String::new()
        } else {
            validate::rep(&self.owner)?
        };
        Ok(ClientDetails {
            legal_name: short(Field::LegalName, &self.legal_name)?,
            tax_id,
            industry: short(Field::Industry, &self.industry)?,
            segment: self.segment,
            source: self.source,
            source_event: self.source_event.trim().to_owned(),
            referred_by: self.referred_by,
            owner,
            website,
            price_type: short(Field::PriceType, &self.price_type)?,
            discount_bp: self.discount_bp,
            payment_days: self.payment_days,
            credit_limit: self.credit_limit,
            currency: self.currency,
            rating: self.rating,
            rating_checked: self.rating_checked,
            rating_note: validate::text(Field::Note, &self.rating_note)?,
            next_step: short(Field::NextStep, &self.next_step)?,
            next_step_date: self.next_step_date,
            restricted: self.restricted,
        })
    }
}

record! {
    /// A temporary delegate of a client (hand-over during the owner's absence).
    pub struct Delegation {
        /// First day.
        pub from: Option<Date> => "from",
        /// Last day (inclusive).
        pub to: Option<Date> => "to",
        /// Why (holiday, sick leave…).
        pub note: String => "note",
    }
}

keyed_enum! {
    /// What an address is for.
    pub enum AddressKind {
        /// The registered office.
        Legal => "legal",
        /// Where goods are delivered.
        Delivery => "delivery",
        /// Where invoices go.
        Billing => "billing",
        /// Anything else.
        Other => "other",
    }
}

record! {
    /// A postal address of a client.
    pub struct Address {
        /// What it is for.
        pub kind: AddressKind => "kind",
        /// Street and number (one or more lines).
        pub street: String => "street",
        /// City.
        pub city: String => "city",
        /// Postal code.
        pub postcode: String => "postcode",
        /// ISO 3166 country code (`CZ`, `NO`…) or empty.
        pub country: String => "country",
    }
}

record! {
    /// Something the client buys, and how much.
    pub struct Need {
        /// What (a product, a category).
        pub what: String => "what",
        /// How much, as said ("2 pallets a month").
        pub volume: String => "volume",
        /// A product of our catalog, when it maps to one.
        pub sku: String => "sku",
    }
}

/// The parts of the card kept as collections.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CardCollections {
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Competitors the client also buys from, sorted.
    pub competitors: Vec<String>,
    /// Delegates by rep login.
    pub delegates: Vec<(String, Delegation)>,
    /// Addresses by id.
    pub addresses: Vec<(String, Address)>,
    /// Needs by id.
    pub needs: Vec<(String, Need)>,
}

/// A short optional text: trimmed, folded spaces, at most 200 characters, or empty.
pub(crate) fn optional_short(field: Field, value: &str) -> Result<String, Error> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    validate::name(value).map_err(|e| rename(e, field))
}

/// A tag: trimmed, lower-cased, 1–50 characters, no `:` or control characters.
pub fn normalise_tag(value: &str) -> Result<String, Error> {
    let t = value.trim().to_lowercase();
    if t.is_empty() {
        return Err(invalid(Field::Tag, value, Problem::Empty));
    }
    if t.chars().count() > 50 || t.chars().any(|c| c.is_control() || c == ':') {
        return Err(invalid(Field::Tag, value, Problem::BadTag));
    }
    Ok(t)
}

/// The index keys mirrored from the details.
pub(crate) fn write_details_summary<T: Transactable>(
    tx: &mut T,
    entry: &ObjId,
    details: &ClientDetails,
    old: Option<&ClientDetails>,
) -> Result<(), Error> {
    let changed = |f: fn(&ClientDetails) -> String| old.is_none_or(|o| f(o) != f(details));
    if changed(|d| d.segment.key().to_owned()) {
        tx.put(entry, "segment", details.segment.key())?;
    }
    if changed(|d| d.owner.clone()) {
        tx.put(entry, "owner", details.owner.as_str())?;
    }
    if changed(|d| d.rating.key().to_owned()) {
        tx.put(entry, "rating", details.rating.key())?;
    }
    if changed(|d| d.next_step.clone()) {
        tx.put(entry, "next_step", details.next_step.as_str())?;
    }
    if changed(|d| d.next_step_date.map(|x| x.to_string()).unwrap_or_default()) {
        let date = details
            .next_step_date
            .map(|d| d.to_string())
            .unwrap_or_default();
        tx.put(entry, "next_step_date", date)?;
    }
    if changed(|d| d.restricted.to_string()) {
        tx.put(entry, "restricted", details.restricted)?;
    }
    // Mirrored for the list's event filter; a new client met at no event writes nothing.
    if changed(|d| d.source_event.clone()) && (old.is_some() || !details.source_event.is_empty()) {
        tx.put(entry, "source_event", details.source_event.as_str())?;
    }
    Ok(())
}

impl ClientBase {
    /// The card's details (empty defaults when this replica does not hold the client's
    /// document).
    pub fn details(&self, client: DocumentId) -> ClientDetails {
        match self.client_doc(client) {
            Ok(doc) => ClientDetails::read(doc, &ROOT),
            Err(_) => ClientDetails::default(),
        }
    }

    /// Sets the card's details to `details`: validated first (nothing is written on an
    /// error), then only the fields that differ from the stored ones are written, so a
    /// concurrent edit of another field survives.
    pub fn set_details(
        &mut self,
        client: DocumentId,
        details: &ClientDetails,
        author: &Author,
    ) -> Result<Edit, Error> {
        let new = details.validated()?;
        let old = ClientDetails::read(self.client_doc(client)?, &ROOT);
        if new == old {
            return Ok(Edit {
                client,
                touched: Vec::new(),
            });
        }
        // A restricted client's summary lives in its owner's book (see
        // [`ClientBase::set_book`]); moving it there needs that book.
        let home = if new.restricted {
            Some(
                *self
                    .books()
                    .get(&new.owner)
                    .ok_or_else(|| Error::NoBook(new.owner.clone()))?,
            )
        } else {
            None
        };
        let before = self.index_for(client);
        self.write_client_doc(client, author, |tx| new.write(tx, &ROOT, Some(&old)))?;
        let after = home.unwrap_or(self.index_id);
        self.move_entry(client, after, author)?;
        self.write_index_entry(client, author, |tx, entry| {
            write_details_summary(tx, entry, &new, Some(&old))
        })?;
        let mut touched = vec![client, before];
        if after != before {
            touched.push(after);
        }
        Ok(Edit { client, touched })
    }

    /// The values of a details field (its stored key, e.g. `price_type`) that lost to a
    /// concurrent edit.
    pub fn details_conflicts(&self, client: DocumentId, key: &str) -> Vec<String> {
        match self.client_doc(client) {
            Ok(doc) => record::conflicts(doc, &ROOT, key),
            Err(_) => Vec::new(),
        }
    }

    /// The card's collections: tags, competitors, delegates, addresses, needs.
    pub fn card_collections(&self, client: DocumentId) -> CardCollections {
        let Ok(doc) = self.client_doc(client) else {
            return CardCollections::default();
        };
        CardCollections {
            tags: entries::set_members(doc, &ROOT, TAGS),
            competitors: entries::set_members(doc, &ROOT, COMPETITORS),
            delegates: strip(record::read_all(doc, &ROOT, DELEGATES)),
            addresses: strip(record::read_all(doc, &ROOT, ADDRESSES)),
            needs: strip(record::read_all(doc, &ROOT, NEEDS)),
        }
    }

    /// Tags a client (normalised: trimmed, lower case). Tagging twice, or on two
    /// replicas at once, leaves one tag.
    pub fn add_tag(
        &mut self,
        client: DocumentId,
        tag: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let tag = normalise_tag(tag)?;
        self.write_client_doc(client, author, |tx| entries::set_add(tx, &ROOT, TAGS, &tag))?;
        self.write_index_entry(client, author, |tx, entry| {
            tx.put(entry, format!("{TAG_PREFIX}{tag}"), true)?;
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Removes a tag.
    pub fn remove_tag(
        &mut self,
        client: DocumentId,
        tag: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let tag = normalise_tag(tag)?;
        self.write_client_doc(client, author, |tx| {
            entries::set_remove(tx, &ROOT, TAGS, &tag)
        })?;
        self.write_index_entry(client, author, |tx, entry| {
            let key = format!("{TAG_PREFIX}{tag}");
            if tx.get(entry, key.as_str())?.is_some() {
                tx.delete(entry, key.as_str())?;
            }
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: self.touched(client),
        })
    }

    /// Notes that the client also buys from `competitor` (see the team's competitor
    /// notes, [`crate::team`]).
    pub fn add_competitor(
        &mut self,
        client: DocumentId,
        competitor: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        let name = validate::name(competitor)
            .map_err(|_| invalid(Field::Competitor, competitor, Problem::Empty))?;
        self.write_client_doc(client, author, |tx| {
            entries::set_add(tx, &ROOT, COMPETITORS, &name)
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// Removes a competitor from the client's list.
    pub fn remove_competitor(
        &mut self,
        client: DocumentId,
        competitor: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.write_client_doc(client, author, |tx| {
            entries::set_remove(tx, &ROOT, COMPETITORS, competitor.trim())
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// Makes `rep` a delegate of the client from `from` to `to` (inclusive). The server's
    /// hand-over decides access; this records it on the card.
    pub fn set_delegate(
        &mut self,
        client: DocumentId,
        rep: &str,
        delegation: &Delegation,
        author: &Author,
    ) -> Result<Edit, Error> {
        let rep = validate::rep(rep)?;
        if let (Some(from), Some(to)) = (delegation.from, delegation.to)
            && to < from
        {
            return Err(invalid(
                Field::Date,
                &to.to_string(),
                Problem::EndBeforeStart,
            ));
        }
        let note = validate::text(Field::Note, &delegation.note)?;
        let new = Delegation {
            note,
            ..delegation.clone()
        };
        self.put_record(client, DELEGATES, &rep, &new, author)
    }

    /// Ends a delegation now (removes it from the card).
    pub fn remove_delegate(
        &mut self,
        client: DocumentId,
        rep: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        self.write_client_doc(client, author, |tx| {
            for map in entries::maps(tx, &ROOT, DELEGATES) {
                if tx.get(&map, rep)?.is_some() {
                    tx.delete(&map, rep)?;
                }
            }
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// Adds or changes the address `id` (an id the caller drew).
    pub fn set_address(
        &mut self,
        client: DocumentId,
        id: &str,
        address: &Address,
        author: &Author,
    ) -> Result<Edit, Error> {
        let country = address.country.trim().to_uppercase();
        if !(country.is_empty()
            || country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(invalid(
                Field::Country,
                &address.country,
                Problem::BadCountry,
            ));
        }
        let new = Address {
            kind: address.kind,
            street: validate::text(Field::Street, &address.street)?,
            city: optional_short(Field::City, &address.city)?,
            postcode: optional_short(Field::Postcode, &address.postcode)?,
            country,
        };
        self.put_record(client, ADDRESSES, id, &new, author)
    }

    /// Adds or changes the need `id` (an id the caller drew).
    pub fn set_need(
        &mut self,
        client: DocumentId,
        id: &str,
        need: &Need,
        author: &Author,
    ) -> Result<Edit, Error> {
        let new = Need {
            what: validate::name(&need.what)?,
            volume: optional_short(Field::Volume, &need.volume)?,
            sku: need.sku.trim().to_owned(),
        };
        self.put_record(client, NEEDS, id, &new, author)
    }

    /// Writes record `id` of the root map `collection` of a client, only the fields that
    /// changed when it exists.
    fn put_record<V: Record>(
        &mut self,
        client: DocumentId,
        collection: &str,
        id: &str,
        value: &V,
        author: &Author,
    ) -> Result<Edit, Error> {
        if !entries::usable_id(id) {
            return Err(Error::BadEntryId(id.to_owned()));
        }
        let existing = entries::find(self.client_doc(client)?, collection, id);
        self.write_client_doc(client, author, |tx| {
            match existing {
                Some(obj) => {
                    let old = V::read(tx, &obj);
                    value.write(tx, &obj, Some(&old))?;
                }
                None => {
                    record::insert(tx, &ROOT, collection, id, value)?;
                }
            }
            Ok(())
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }

    /// The clients that `client` referred to us (their source is a referral by it), by
    /// name.
    pub fn referrals(&self, client: DocumentId) -> Vec<crate::ClientSummary> {
        self.clients()
            .into_iter()
            .filter(|c| {
                let d = self.details(c.id);
                d.source == Source::Referral && d.referred_by == Some(client)
            })
            .collect()
    }

    /// The client's notes: collaborative text. Should two replicas have created the notes
    /// concurrently, the losing text follows the winner, so nothing typed is hidden.
    pub fn notes(&self, client: DocumentId) -> String {
        let Ok(doc) = self.client_doc(client) else {
            return String::new();
        };
        let mut texts: Vec<String> = Vec::new();
        let winner = doc.get(ROOT, NOTES).ok().flatten().map(|(_, id)| id);
        let mut all = doc.get_all(ROOT, NOTES).unwrap_or_default();
        all.sort_by_key(|(_, id)| Some(id) != winner.as_ref());
        for (v, id) in all {
            match v {
                Value::Object(ObjType::Text) => texts.push(doc.text(&id).unwrap_or_default()),
                Value::Scalar(s) => {
                    if let Some(s) = s.as_str() {
                        texts.push(s.to_owned());
                    }
                }
                _ => {}
            }
        }
        texts.retain(|t| !t.is_empty());
        texts.join("\n")
    }

    /// Replaces the notes with `text` as the smallest splice (the common start and end
    /// are kept), so that typing on two replicas at once interleaves instead of one
    /// overwriting the other.
    pub fn set_notes(
        &mut self,
        client: DocumentId,
        text: &str,
        author: &Author,
    ) -> Result<Edit, Error> {
        if text.chars().count() > validate::MAX_TEXT_CHARS {
            return Err(invalid(Field::Notes, text, Problem::TextTooLong));
        }
        self.write_client_doc(client, author, |tx| {
            let obj = match tx.get(ROOT, NOTES)? {
                Some((Value::Object(ObjType::Text), obj)) => obj,
                _ => tx.put_object(ROOT, NOTES, ObjType::Text)?,
            };
            splice_text(tx, &obj, text)
        })?;
        Ok(Edit {
            client,
            touched: vec![client],
        })
    }
}

fn strip<V>(v: Vec<(String, ObjId, V)>) -> Vec<(String, V)> {
    v.into_iter().map(|(id, _, r)| (id, r)).collect()
}

impl ClientBase {
    /// Replaces the notes with `text`, typed by a rep who started from the notes as they
    /// were at `since` (the heads of the client's document when the text was read). The
    /// smallest splice from that older text is made on a fork at `since` and merged, so
    /// whatever other devices typed in the meantime stays (Automerge interleaves the
    /// edits) instead of being overwritten by this device's older view. With `since`
    /// equal to the current heads this is [`ClientBase::set_notes`].
    ///
    /// Returns the edit and the heads at which the notes read exactly `text` (the view to
    /// type from next: the other devices' text is merged in, but not part of that view).
    pub fn set_notes_since(
        &mut self,
        client: DocumentId,
        since: &[automerge::ChangeHash],
        text: &str,
        author: &Author,
    ) -> Result<(Edit, Vec<automerge::ChangeHash>), Error> {
        if text.chars().count() > validate::MAX_TEXT_CHARS {
            return Err(invalid(Field::Notes, text, Problem::TextTooLong));
        }
        let doc = self.client_doc(client)?;
        let mut now = doc.get_heads();
        let mut then = since.to_vec();
        now.sort();
        then.sort();
        let has_text = |d: &automerge::Automerge| {
            matches!(
                d.get(ROOT, NOTES),
                Ok(Some((Value::Object(ObjType::Text), _)))
            )
        };
        if then.is_empty() || then == now || !has_text(doc) {
            let edit = self.set_notes(client, text, author)?;
            return Ok((edit, self.heads(client)));
        }
        let mut fork = doc.fork_at(&then)?;
        if !has_text(&fork) {
            let edit = self.set_notes(client, text, author)?;
            return Ok((edit, self.heads(client)));
        }
        // The fork writes as an actor of its own, derived from this replica's actor and
        // the document's current heads (unique per state), so its sequence numbers never
        // collide with this replica's later changes.
        let mut bytes = [0u8; 16];
        for (b, a) in bytes.iter_mut().zip(self.actor().to_bytes()) {
            *b = *a;
        }
        for (b, h) in bytes.iter_mut().zip(now[0].0.iter()) {
            *b ^= *h;
        }
        fork.set_actor(automerge::ActorId::from(bytes));
        fork.transact_with::<_, _, Error, _>(
            |_| author.commit(),
            |tx| {
                let obj = match tx.get(ROOT, NOTES)? {
                    Some((Value::Object(ObjType::Text), obj)) => obj,
                    _ => unreachable!("checked above"),
                };
                splice_text(tx, &obj, text)
            },
        )
        .map_err(|f| f.error)?;
        let doc = self.docs.get_mut(&client).expect("held, checked above");
        let changes: Vec<automerge::Change> = doc.get_changes_added(&fork);
        doc.apply_changes(changes)?;
        Ok((
            Edit {
                client,
                touched: vec![client],
            },
            fork.get_heads(),
        ))
    }
}

/// Turns the text object `obj` into `text` with the smallest splice.
pub(crate) fn splice_text<T: Transactable>(
    tx: &mut T,
    obj: &ObjId,
    text: &str,
) -> Result<(), Error> {
    let old = tx.text(obj)?;
    let (start, delete, insert) = splice_of(&old, text);
    if delete > 0 || !insert.is_empty() {
        tx.splice_text(obj, start, delete as isize, insert)?;
    }
    Ok(())
}

/// The splice turning `old` into `new`: (start, characters to delete, text to insert),
/// positions in Unicode scalar values as Automerge text counts them by default.
fn splice_of<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let o: Vec<char> = old.chars().collect();
    let n: Vec<char> = new.chars().collect();
    let prefix = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let max_suffix = o.len().min(n.len()) - prefix;
    let suffix = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let insert_start: usize = n[..prefix].iter().map(|c| c.len_utf8()).sum();
    let insert_end: usize = new.len()
        - n[n.len() - suffix..]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>();
    (
        prefix,
        o.len() - prefix - suffix,
        &new[insert_start..insert_end],
    )
}

#[cfg(test)]
mod tests {
    use super::splice_of;

    #[test]
    fn splice_keeps_common_start_and_end() {
        assert_eq!(
            splice_of("hello world", "hello brave world"),
            (6, 0, "brave ")
        );
        assert_eq!(splice_of("abc", "abc"), (3, 0, ""));
        assert_eq!(splice_of("", "new"), (0, 0, "new"));
        assert_eq!(splice_of("řeka", "řeky"), (3, 1, "y"));
        assert_eq!(splice_of("aaa", "aa"), (2, 1, ""));
    }
}
