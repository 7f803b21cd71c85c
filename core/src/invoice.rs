//! Invoices and payments (receivables): `invoices: { <id>: { number, order, amount,
//! issued, due, cancelled, payments: { <payment id>: { amount, date, note } } } }` in the
//! client's document. What is outstanding and how many days overdue are derived, never
//! stored. Each invoice and payment is mirrored into the client's index entry
//! (`invoice:<id>:amount|due|issued|cancelled`, `payment:<invoice>:<id>:amount|date`), so
//! Today, the ageing report and the "overdue debt" filter read the index alone; a payment
//! is its own key, so payments recorded on two replicas at once both count.

use automerge::ScalarValue;

use crate::{
    Date, Error, Field, Money,
    entity::{Entity, Item},
    error::Problem,
    error::{invalid, rename},
    record::Scalar,
    validate,
};

/// The prefix of invoice keys in an index entry.
pub(crate) const INVOICE_PREFIX: &str = "invoice:";
/// The prefix of payment keys in an index entry.
pub(crate) const PAYMENT_PREFIX: &str = "payment:";

record! {
    /// An invoice issued to a client.
    pub struct Invoice {
        /// The invoice number.
        pub number: String => "number",
        /// The order it bills (its id at this client), or empty.
        pub order: String => "order",
        /// The amount billed.
        pub amount: Option<Money> => "amount",
        /// The day it was issued.
        pub issued: Option<Date> => "issued",
        /// The day it is due.
        pub due: Option<Date> => "due",
        /// Cancelled invoices are owed nothing.
        pub cancelled: bool => "cancelled",
    }
}

record! {
    /// A payment against an invoice.
    pub struct Payment {
        /// How much was paid (in the invoice's currency).
        pub amount: Option<Money> => "amount",
        /// When.
        pub date: Option<Date> => "date",
        /// A note (bank reference…).
        pub note: String => "note",
    }
}

impl Entity for Invoice {
    const COLLECTION: &'static str = "invoices";
    const KIND: &'static str = "invoice";

    fn validated(&self) -> Result<Self, Error> {
        let number = validate::name(&self.number).map_err(|e| rename(e, Field::Number))?;
        match self.amount {
            None => return Err(invalid(Field::Amount, "", Problem::Empty)),
            Some(a) if a.minor <= 0 => {
                return Err(invalid(Field::Amount, &a.to_string(), Problem::OutOfRange));
            }
            _ => {}
        }
        let (Some(issued), Some(due)) = (self.issued, self.due) else {
            return Err(invalid(Field::Date, "", Problem::Empty));
        };
        if due < issued {
            return Err(invalid(
                Field::Date,
                &due.to_string(),
                Problem::EndBeforeStart,
            ));
        }
        Ok(Invoice {
            number,
            order: self.order.trim().to_owned(),
            ..self.clone()
        })
    }

    fn index_keys(&self, id: &str) -> Vec<(String, ScalarValue)> {
        let p = format!("{INVOICE_PREFIX}{id}:");
        vec![
            (format!("{p}number"), self.number.to_stored()),
            (format!("{p}amount"), self.amount.to_stored()),
            (format!("{p}issued"), self.issued.to_stored()),
            (format!("{p}due"), self.due.to_stored()),
            (format!("{p}cancelled"), self.cancelled.to_stored()),
        ]
    }
}

impl Item<Invoice> for Payment {
    const COLLECTION: &'static str = "payments";
    const KIND: &'static str = "payment";

    fn validated(&self) -> Result<Self, Error> {
        match self.amount {
            None => return Err(invalid(Field::Amount, "", Problem::Empty)),
            Some(a) if a.minor <= 0 => {
                return Err(invalid(Field::Amount, &a.to_string(), Problem::OutOfRange));
            }
            _ => {}
        }
        if self.date.is_none() {
            return Err(invalid(Field::Date, "", Problem::Empty));
        }
        Ok(Payment {
            note: validate::text(Field::Note, &self.note)?,
            ..self.clone()
        })
    }

    fn index_keys(&self, invoice: &str, id: &str) -> Vec<(String, ScalarValue)> {
        let p = format!("{PAYMENT_PREFIX}{invoice}:{id}:");
        vec![
            (format!("{p}amount"), self.amount.to_stored()),
            (format!("{p}date"), self.date.to_stored()),
        ]
    }
}

/// An invoice with what was paid, and what is derived from both.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Receivable {
    /// The client.
    pub client: crate::DocumentId,
    /// The client's name.
    pub client_name: String,
    /// The invoice's id.
    pub id: String,
    /// The invoice number.
    pub number: String,
    /// The amount billed.
    pub amount: Money,
    /// Issued on.
    pub issued: Date,
    /// Due on.
    pub due: Date,
    /// Cancelled.
    pub cancelled: bool,
    /// Payments: (date, amount), oldest first.
    pub payments: Vec<(Date, Money)>,
}

impl Receivable {
    /// What was paid up to and including `on` (payments in another currency are not
    /// counted).
    pub fn paid_by(&self, on: Date) -> i64 {
        self.payments
            .iter()
            .filter(|(d, m)| *d <= on && m.currency == self.amount.currency)
            .map(|(_, m)| m.minor)
            .sum()
    }

    /// What is still owed at the end of `on` (never below zero; nothing when cancelled).
    pub fn outstanding(&self, on: Date) -> Money {
        if self.cancelled {
            return Money::zero(self.amount.currency);
        }
        Money::new(
            (self.amount.minor - self.paid_by(on)).max(0),
            self.amount.currency,
        )
    }

    /// Days past due on `on` while something is owed; 0 otherwise.
    pub fn days_overdue(&self, on: Date) -> i64 {
        if self.outstanding(on).minor == 0 {
            return 0;
        }
        self.due.days_until(on).max(0)
    }
}
