//! The plan document: the team's managers, their roles and targets — `{ managers: {
//! <login>: Manager } }`. Every rep reads it; the server lets only heads of sales write
//! it.

use crate::{
    Error, Field, Money, base::TeamDoc, card::optional_short, entity::TeamEntity, error::Problem,
    error::invalid,
};

keyed_enum! {
    /// A manager's role.
    pub enum Role {
        /// A sales rep.
        Rep => "rep",
        /// A key-account manager.
        KeyAccountManager => "key_account_manager",
        /// The head of sales (sees the whole team).
        Head => "head",
    }
}

/// Calls a day, unless a manager's target says otherwise.
pub const DEFAULT_CALLS_PER_DAY: u32 = 30;
/// Offers by e-mail a day, unless a manager's target says otherwise.
pub const DEFAULT_EMAIL_OFFERS_PER_DAY: u32 = 50;
/// Offers by phone a day, unless a manager's target says otherwise.
pub const DEFAULT_PHONE_OFFERS_PER_DAY: u32 = 20;
/// New contracts a month, unless a manager's target says otherwise.
pub const DEFAULT_CONTRACTS_PER_MONTH: u32 = 4;

record! {
    /// A manager of the team and his targets. A target of 0 means the default.
    pub struct Manager {
        /// Full name.
        pub name: String => "name",
        /// Role.
        pub role: Role => "role",
        /// Calls a day (default 30).
        pub calls_per_day: u32 => "calls_per_day",
        /// Offers by e-mail a day (default 50).
        pub email_offers_per_day: u32 => "email_offers_per_day",
        /// Offers by phone a day (default 20).
        pub phone_offers_per_day: u32 => "phone_offers_per_day",
        /// New contracts a month (default 4).
        pub contracts_per_month: u32 => "contracts_per_month",
        /// Turnover plan a month.
        pub turnover_per_month: Option<Money> => "turnover_per_month",
        /// IANA time zone (for the day's bounds in reports), or empty.
        pub time_zone: String => "time_zone",
    }
}

/// A manager's targets with the defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Targets {
    /// Calls a day.
    pub calls_per_day: u32,
    /// Offers by e-mail a day.
    pub email_offers_per_day: u32,
    /// Offers by phone a day.
    pub phone_offers_per_day: u32,
    /// New contracts a month.
    pub contracts_per_month: u32,
    /// Turnover plan a month, when set.
    pub turnover_per_month: Option<Money>,
}

impl Manager {
    /// The targets, defaults filled in.
    pub fn targets(&self) -> Targets {
        let or = |v: u32, d: u32| if v == 0 { d } else { v };
        Targets {
            calls_per_day: or(self.calls_per_day, DEFAULT_CALLS_PER_DAY),
            email_offers_per_day: or(self.email_offers_per_day, DEFAULT_EMAIL_OFFERS_PER_DAY),
            phone_offers_per_day: or(self.phone_offers_per_day, DEFAULT_PHONE_OFFERS_PER_DAY),
            contracts_per_month: or(self.contracts_per_month, DEFAULT_CONTRACTS_PER_MONTH),
            turnover_per_month: self.turnover_per_month,
        }
    }
}

impl Default for Targets {
    fn default() -> Self {
        Manager::default().targets()
    }
}

impl TeamEntity for Manager {
    const DOC: TeamDoc = TeamDoc::Plan;
    const COLLECTION: &'static str = "managers";
    const KIND: &'static str = "manager";

    fn validated(&self) -> Result<Self, Error> {
        if let Some(t) = self.turnover_per_month
            && t.minor < 0
        {
            return Err(invalid(Field::Amount, &t.to_string(), Problem::OutOfRange));
        }
        let time_zone = if self.time_zone.trim().is_empty() {
            String::new()
        } else {
            crate::validate::time_zone(&self.time_zone)?
        };
        Ok(Manager {
            name: optional_short(Field::Name, &self.name)?,
            time_zone,
            ..self.clone()
        })
    }
}
