//! The team document: exhibitions and other events, the product catalog, and notes on
//! competitors — `{ events: { <id>: Event }, products: { <sku>: Product + prices: {
//! <price type>: "<minor> <currency>" } + analogs: { <sku>: true } }, competitors: {
//! <id>: Competitor } }`. Every rep of the team reads and writes it.

use std::collections::BTreeMap;

use automerge::{ReadDoc, transaction::Transactable};

use crate::{
    Author, ClientBase, Date, DocumentId, Error, Field, Money,
    base::TeamDoc,
    card::optional_short,
    entity::TeamEntity,
    entries,
    error::Problem,
    error::{invalid, rename},
    record::{Record, Scalar},
    validate,
};

keyed_enum! {
    /// What kind of event.
    pub enum EventKind {
        /// A trade exhibition.
        Exhibition => "exhibition",
        /// A fair.
        Fair => "fair",
        /// A presentation we give.
        Presentation => "presentation",
        /// Anything else.
        Other => "other",
    }
}

record! {
    /// An exhibition, fair or presentation where leads are captured.
    pub struct Event {
        /// Name.
        pub name: String => "name",
        /// Kind.
        pub kind: EventKind => "kind",
        /// Where.
        pub place: String => "place",
        /// First day.
        pub starts: Option<Date> => "starts",
        /// Last day.
        pub ends: Option<Date> => "ends",
        /// Hidden from pickers.
        pub archived: bool => "archived",
    }
}

impl TeamEntity for Event {
    const DOC: TeamDoc = TeamDoc::Team;
    const COLLECTION: &'static str = "events";
    const KIND: &'static str = "event";

    fn validated(&self) -> Result<Self, Error> {
        if let (Some(s), Some(e)) = (self.starts, self.ends)
            && e < s
        {
            return Err(invalid(
                Field::Date,
                &e.to_string(),
                Problem::EndBeforeStart,
            ));
        }
        Ok(Event {
            name: validate::name(&self.name)?,
            place: optional_short(Field::Place, &self.place)?,
            ..self.clone()
        })
    }
}

record! {
    /// A product of the catalog (its prices and analogs are kept beside it).
    pub struct Product {
        /// Name.
        pub name: String => "name",
        /// Unit (pcs, kg, pallet…).
        pub unit: String => "unit",
        /// Units in stock now.
        pub in_stock: u32 => "in_stock",
        /// No longer sold.
        pub archived: bool => "archived",
    }
}

impl TeamEntity for Product {
    const DOC: TeamDoc = TeamDoc::Team;
    const COLLECTION: &'static str = "products";
    const KIND: &'static str = "product";

    fn validated(&self) -> Result<Self, Error> {
        Ok(Product {
            name: validate::name(&self.name).map_err(|e| rename(e, Field::Product))?,
            unit: optional_short(Field::Unit, &self.unit)?,
            ..self.clone()
        })
    }
}

record! {
    /// What the team knows about a competitor.
    pub struct Competitor {
        /// Name.
        pub name: String => "name",
        /// Web site.
        pub website: String => "website",
        /// Strengths, weaknesses, prices seen.
        pub note: String => "note",
    }
}

impl TeamEntity for Competitor {
    const DOC: TeamDoc = TeamDoc::Team;
    const COLLECTION: &'static str = "competitors";
    const KIND: &'static str = "competitor";

    fn validated(&self) -> Result<Self, Error> {
        Ok(Competitor {
            name: validate::name(&self.name).map_err(|e| rename(e, Field::Competitor))?,
            website: optional_short(Field::Website, &self.website)?,
            note: validate::text(Field::Note, &self.note)?,
        })
    }
}

/// A catalog product with its prices per price type and its analogs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CatalogItem {
    /// The sku.
    pub sku: String,
    /// The product.
    pub product: Product,
    /// Price per price type (the price-list column).
    pub prices: BTreeMap<String, Money>,
    /// Skus that can replace it when it is out of stock.
    pub analogs: Vec<String>,
}

const PRICES: &str = "prices";
const ANALOGS: &str = "analogs";

impl ClientBase {
    /// The product catalog, sorted by sku.
    pub fn catalog(&self) -> Vec<CatalogItem> {
        let Some(doc) = self
            .team_doc_id(TeamDoc::Team)
            .ok()
            .and_then(|id| self.docs.get(&id))
        else {
            return Vec::new();
        };
        let mut out: Vec<CatalogItem> = entries::all(doc, Product::COLLECTION)
            .into_iter()
            .map(|(sku, obj)| {
                let mut prices = BTreeMap::new();
                for map in entries::maps(doc, &obj, PRICES) {
                    for key in doc.keys(&map) {
                        if let Ok(Some((v, _))) = doc.get(&map, key.as_str())
                            && let Some(m) = Money::from_value(&v)
                        {
                            prices.entry(key).or_insert(m);
                        }
                    }
                }
                CatalogItem {
                    product: Product::read(doc, &obj),
                    analogs: entries::set_members(doc, &obj, ANALOGS),
                    prices,
                    sku,
                }
            })
            .collect();
        out.sort_by(|a, b| a.sku.cmp(&b.sku));
        out
    }

    /// Sets the price of product `sku` in price type `price_type` (the product must
    /// exist).
    pub fn set_price(
        &mut self,
        sku: &str,
        price_type: &str,
        price: Money,
        author: &Author,
    ) -> Result<DocumentId, Error> {
        let price_type = optional_short(Field::PriceType, price_type)?;
        if price_type.is_empty() || price_type.contains(':') {
            return Err(invalid(Field::PriceType, &price_type, Problem::Empty));
        }
        if price.minor < 0 {
            return Err(invalid(
                Field::Amount,
                &price.to_string(),
                Problem::OutOfRange,
            ));
        }
        self.write_product(sku, author, |tx, obj| {
            let map = entries::map_for_writing(tx, obj, PRICES)?;
            tx.put(&map, price_type.as_str(), price.to_stored())?;
            Ok(())
        })
    }

    /// Marks `analog` as able to replace product `sku`.
    pub fn add_analog(
        &mut self,
        sku: &str,
        analog: &str,
        author: &Author,
    ) -> Result<DocumentId, Error> {
        let analog = analog.trim().to_owned();
        if !entries::usable_id(&analog) || analog == sku {
            return Err(Error::BadEntryId(analog));
        }
        self.write_product(sku, author, |tx, obj| {
            entries::set_add(tx, obj, ANALOGS, &analog)
        })
    }

    fn write_product<F>(
        &mut self,
        sku: &str,
        author: &Author,
        write: F,
    ) -> Result<DocumentId, Error>
    where
        F: FnOnce(
            &mut automerge::transaction::Transaction<'_>,
            &automerge::ObjId,
        ) -> Result<(), Error>,
    {
        let doc_id = self.team_doc_id(TeamDoc::Team)?;
        let doc = self.doc_or_empty(doc_id);
        let obj =
            entries::find(doc, Product::COLLECTION, sku).ok_or_else(|| Error::NoSuchEntry {
                client: doc_id,
                kind: Product::KIND,
                id: sku.to_owned(),
            })?;
        doc.transact_with::<_, _, Error, _>(|_| author.commit(), |tx| write(tx, &obj))
            .map_err(|f| f.error)?;
        Ok(doc_id)
    }

    /// The price of `sku` for a client's price type, when the catalog has one.
    pub fn price_for(&self, sku: &str, price_type: &str) -> Option<Money> {
        let doc = self.docs.get(&self.team_doc_id(TeamDoc::Team).ok()?)?;
        let obj = entries::find(doc, Product::COLLECTION, sku)?;
        entries::maps(doc, &obj, PRICES)
            .into_iter()
            .find_map(|map| {
                let (v, _) = doc.get(&map, price_type).ok()??;
                Money::from_value(&v)
            })
    }

    /// Leads captured at an event: the clients whose source is that event, with the
    /// day they were created, newest first.
    pub fn leads_at(&self, event: &str) -> Vec<(DocumentId, String)> {
        self.clients()
            .into_iter()
            .filter(|c| self.details(c.id).source_event == event)
            .map(|c| (c.id, c.name))
            .collect()
    }
}
