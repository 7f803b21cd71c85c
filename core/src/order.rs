//! Orders: `orders: { <id>: { number, contract, status, status_reason, received_on,
//! delivered_on, lines: { <line id>: Line } } }` in the client's document. Each line
//! carries its out-of-stock path: the date we promised, the analog we offered, and
//! whether logistics was asked.

use crate::{
    Date, Error, Field, Money,
    card::{MAX_DISCOUNT_BP, optional_short},
    entity::{Entity, Item},
    error::Problem,
    error::{invalid, rename},
    validate,
};

keyed_enum! {
    /// Where an order stands.
    pub enum OrderStatus {
        /// Taken from the client.
        Received => "received",
        /// Confirmed to the client.
        Confirmed => "confirmed",
        /// On its way.
        Shipped => "shipped",
        /// Delivered.
        Delivered => "delivered",
        /// Sent back by the client (see the reason).
        Returned => "returned",
        /// Refused by the client (see the reason).
        Refused => "refused",
    }
}

keyed_enum! {
    /// Where a line stands when the goods are not in stock.
    pub enum StockState {
        /// In stock.
        InStock => "",
        /// Out of stock: promised for a date, an analog offered, or logistics asked.
        OutOfStock => "out_of_stock",
    }
}

record! {
    /// An order from a client.
    pub struct Order {
        /// The order number.
        pub number: String => "number",
        /// The contract it falls under (its id at this client), or empty.
        pub contract: String => "contract",
        /// Status.
        pub status: OrderStatus => "status",
        /// Why it was returned or refused.
        pub status_reason: String => "status_reason",
        /// The day it was taken.
        pub received_on: Option<Date> => "received_on",
        /// The day it was delivered.
        pub delivered_on: Option<Date> => "delivered_on",
    }
}

record! {
    /// A line of an order or an offer.
    pub struct Line {
        /// Product (catalog sku), or empty for a free line.
        pub sku: String => "sku",
        /// What (the product's name as offered).
        pub name: String => "name",
        /// How many units.
        pub quantity: u32 => "quantity",
        /// Unit price before discount.
        pub price: Option<Money> => "price",
        /// Discount in basis points.
        pub discount_bp: u32 => "discount_bp",
        /// In stock or not.
        pub stock: StockState => "stock",
        /// Out of stock: the date we promised.
        pub promised: Option<Date> => "promised",
        /// Out of stock: the analog offered instead (a sku).
        pub analog: String => "analog",
        /// Out of stock: logistics was asked to bring it in.
        pub logistics_requested: bool => "logistics_requested",
        /// Out of stock: what logistics answered, or any note.
        pub logistics_note: String => "logistics_note",
    }
}

impl Line {
    /// Quantity × price − discount, rounded half away from zero to the minor unit;
    /// `None` without a price or on overflow.
    pub fn total(&self) -> Option<Money> {
        let price = self.price?;
        let gross = i128::from(price.minor) * i128::from(self.quantity);
        let net = gross * i128::from(MAX_DISCOUNT_BP - self.discount_bp.min(MAX_DISCOUNT_BP));
        let half = i128::from(MAX_DISCOUNT_BP) / 2;
        let rounded = (net + half) / i128::from(MAX_DISCOUNT_BP);
        Some(Money::new(i64::try_from(rounded).ok()?, price.currency))
    }

    pub(crate) fn checked(&self) -> Result<Line, Error> {
        let name = validate::name(&self.name).map_err(|e| rename(e, Field::Product))?;
        if self.quantity == 0 {
            return Err(invalid(Field::Quantity, "0", Problem::OutOfRange));
        }
        if self.discount_bp > MAX_DISCOUNT_BP {
            return Err(invalid(
                Field::Discount,
                &self.discount_bp.to_string(),
                Problem::OutOfRange,
            ));
        }
        if let Some(p) = self.price
            && p.minor < 0
        {
            return Err(invalid(Field::Amount, &p.to_string(), Problem::OutOfRange));
        }
        Ok(Line {
            name,
            sku: self.sku.trim().to_owned(),
            analog: self.analog.trim().to_owned(),
            logistics_note: validate::text(Field::Note, &self.logistics_note)?,
            ..self.clone()
        })
    }
}

impl Entity for Order {
    const COLLECTION: &'static str = "orders";
    const KIND: &'static str = "order";

    fn validated(&self) -> Result<Self, Error> {
        let number = validate::name(&self.number).map_err(|e| rename(e, Field::Number))?;
        let status_reason = optional_short(Field::Reason, &self.status_reason)?;
        if matches!(self.status, OrderStatus::Returned | OrderStatus::Refused)
            && status_reason.is_empty()
        {
            return Err(invalid(Field::Reason, "", Problem::ReasonRequired));
        }
        Ok(Order {
            number,
            status_reason,
            contract: self.contract.trim().to_owned(),
            ..self.clone()
        })
    }
}

impl Item<Order> for Line {
    const COLLECTION: &'static str = "lines";
    const KIND: &'static str = "line";

    fn validated(&self) -> Result<Self, Error> {
        self.checked()
    }
}

/// The sum of the lines' totals per currency (lines without a price are skipped).
pub fn lines_total(lines: &[(String, Line)]) -> crate::report::Totals {
    let mut t = crate::report::Totals::default();
    for (_, l) in lines {
        if let Some(m) = l.total() {
            t.add(m);
        }
    }
    t
}
