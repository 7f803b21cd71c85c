//! Contracts: `contracts: { <id>: { number, status, signed, valid_from, valid_to,
//! renewal_days, price_type, discount_bp, payment_days } }` in the client's document.

use crate::{
    Date, Error, Field,
    card::{MAX_DISCOUNT_BP, MAX_PAYMENT_DAYS, optional_short},
    entity::Entity,
    error::Problem,
    error::{invalid, rename},
    validate,
};

keyed_enum! {
    /// Where a contract stands.
    pub enum ContractStatus {
        /// Being negotiated.
        Draft => "draft",
        /// Signed and in force.
        Signed => "signed",
        /// Past its end date.
        Expired => "expired",
        /// Ended early.
        Terminated => "terminated",
    }
}

record! {
    /// A contract with a client.
    pub struct Contract {
        /// The contract number.
        pub number: String => "number",
        /// Status.
        pub status: ContractStatus => "status",
        /// The day it was signed (counts towards the month's new contracts).
        pub signed: Option<Date> => "signed",
        /// First day in force.
        pub valid_from: Option<Date> => "valid_from",
        /// Last day in force.
        pub valid_to: Option<Date> => "valid_to",
        /// Remind this many days before `valid_to` (0: no reminder).
        pub renewal_days: u32 => "renewal_days",
        /// The price-list column.
        pub price_type: String => "price_type",
        /// Discount in basis points.
        pub discount_bp: u32 => "discount_bp",
        /// Payment terms in days.
        pub payment_days: u32 => "payment_days",
    }
}

impl Contract {
    /// The day to remind of the renewal, when there is one.
    pub fn renewal_reminder(&self) -> Option<Date> {
        if self.renewal_days == 0 || self.status != ContractStatus::Signed {
            return None;
        }
        self.valid_to?.add_days(-i64::from(self.renewal_days))
    }
}

impl Entity for Contract {
    const COLLECTION: &'static str = "contracts";
    const KIND: &'static str = "contract";

    fn validated(&self) -> Result<Self, Error> {
        let number = validate::name(&self.number).map_err(|e| rename(e, Field::Number))?;
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to)
            && to < from
        {
            return Err(invalid(
                Field::Date,
                &to.to_string(),
                Problem::EndBeforeStart,
            ));
        }
        if self.status == ContractStatus::Signed && self.signed.is_none() {
            return Err(invalid(Field::Date, "", Problem::SignedNeedsDate));
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
        Ok(Contract {
            number,
            price_type: optional_short(Field::PriceType, &self.price_type)?,
            ..self.clone()
        })
    }
}
