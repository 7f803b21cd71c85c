//! Complaints and claims: `complaints: { <id>: { subject, order, status, resolution,
//! opened, closed } }` in the client's document.

use crate::{
    Date, Error, Field,
    entity::Entity,
    error::Problem,
    error::{invalid, rename},
    validate,
};

keyed_enum! {
    /// Where a complaint stands.
    pub enum ComplaintStatus {
        /// Received, not yet looked at.
        Open => "open",
        /// Being handled.
        InProgress => "in_progress",
        /// Resolved in the client's favour (see the resolution).
        Resolved => "resolved",
        /// Rejected (see the resolution).
        Rejected => "rejected",
    }
}

record! {
    /// A complaint or claim from a client.
    pub struct Complaint {
        /// What is wrong.
        pub subject: String => "subject",
        /// The order it concerns (its id at this client), or empty.
        pub order: String => "order",
        /// Status.
        pub status: ComplaintStatus => "status",
        /// How it was resolved or why rejected (required once closed).
        pub resolution: String => "resolution",
        /// The day it was received.
        pub opened: Option<Date> => "opened",
        /// The day it was closed.
        pub closed: Option<Date> => "closed",
    }
}

impl Entity for Complaint {
    const COLLECTION: &'static str = "complaints";
    const KIND: &'static str = "complaint";

    fn validated(&self) -> Result<Self, Error> {
        let subject = validate::name(&self.subject).map_err(|e| rename(e, Field::Subject))?;
        let resolution = validate::text(Field::Resolution, &self.resolution)?;
        if matches!(
            self.status,
            ComplaintStatus::Resolved | ComplaintStatus::Rejected
        ) && resolution.is_empty()
        {
            return Err(invalid(Field::Resolution, "", Problem::ReasonRequired));
        }
        Ok(Complaint {
            subject,
            resolution,
            order: self.order.trim().to_owned(),
            ..self.clone()
        })
    }
}
