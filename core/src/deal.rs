//! Deals and commercial offers: `deals: { <id>: { title, stage, amount, … , lines: {
//! <line id>: Line } } }` in the client's document.

use crate::{
    Date, Error, Field, Money,
    card::optional_short,
    entity::Entity,
    entity::Item,
    error::{Problem, invalid, rename},
    order::Line,
    validate,
};

keyed_enum! {
    /// Where a deal stands, in funnel order.
    pub enum DealStage {
        /// Being prepared.
        Draft => "draft",
        /// The offer was sent.
        Sent => "sent",
        /// Terms are being negotiated.
        Negotiation => "negotiation",
        /// Won: the client accepted.
        Won => "won",
        /// Lost (see the reason).
        Lost => "lost",
    }
}

keyed_enum! {
    /// How an offer was made; counted separately against the day's targets.
    pub enum OfferChannel {
        /// Not sent yet.
        None => "",
        /// Sent by e-mail.
        Email => "email",
        /// Made by phone.
        Phone => "phone",
        /// Handed over in person.
        InPerson => "in_person",
    }
}

record! {
    /// A deal, or a commercial offer to a client.
    pub struct Deal {
        /// What it is about.
        pub title: String => "title",
        /// Stage.
        pub stage: DealStage => "stage",
        /// Why it was lost (required when lost).
        pub lost_reason: String => "lost_reason",
        /// The amount; when not set, the sum of the lines.
        pub amount: Option<Money> => "amount",
        /// When we expect it to close.
        pub expected_close: Option<Date> => "expected_close",
        /// Probability of winning, in percent (0–100).
        pub probability: u32 => "probability",
        /// How the offer was sent.
        pub channel: OfferChannel => "channel",
        /// When the offer was sent.
        pub sent_on: Option<Date> => "sent_on",
        /// When it was won or lost.
        pub closed_on: Option<Date> => "closed_on",
        /// The manager who runs it.
        pub owner: String => "owner",
    }
}

impl Entity for Deal {
    const COLLECTION: &'static str = "deals";
    const KIND: &'static str = "deal";

    fn validated(&self) -> Result<Self, Error> {
        let title = validate::name(&self.title).map_err(|e| rename(e, Field::Title))?;
        if self.probability > 100 {
            return Err(invalid(
                Field::Probability,
                &self.probability.to_string(),
                Problem::OutOfRange,
            ));
        }
        let lost_reason = optional_short(Field::LostReason, &self.lost_reason)?;
        if self.stage == DealStage::Lost && lost_reason.is_empty() {
            return Err(invalid(Field::LostReason, "", Problem::ReasonRequired));
        }
        if let Some(a) = self.amount
            && a.minor < 0
        {
            return Err(invalid(Field::Amount, &a.to_string(), Problem::OutOfRange));
        }
        let owner = if self.owner.trim().is_empty() {
            String::new()
        } else {
            validate::rep(&self.owner)?
        };
        Ok(Deal {
            title,
            lost_reason,
            owner,
            ..self.clone()
        })
    }
}

impl Item<Deal> for Line {
    const COLLECTION: &'static str = "lines";
    const KIND: &'static str = "line";

    fn validated(&self) -> Result<Self, Error> {
        self.checked()
    }
}
