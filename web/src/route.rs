//! Where the app is: the screen, kept in the location hash (`#/today`, `#/clients`,
//! `#/client/<id>`, …) so a reload, the back button and a shared link land on the same
//! screen.

use fieldbase_core::DocumentId;

/// A screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Today: due and overdue tasks, birthdays, receivables, the day's counters.
    Today,
    /// The client list with search and filters.
    Clients,
    /// One client's card.
    Client(DocumentId),
    /// Capture a lead (exhibition mode).
    Capture,
    /// The week's plan of calls and visits.
    Plan,
    /// Reports: plan vs fact, funnel, ageing, the monthly report.
    Reports,
    /// Settings: language, targets, current event, sign out.
    Settings,
}

impl Route {
    /// The route of a location hash; Today for anything unknown.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or_default(), parts.next()) {
            ("clients", _) => Route::Clients,
            ("client", Some(id)) => id.parse().map(Route::Client).unwrap_or(Route::Clients),
            ("capture", _) => Route::Capture,
            ("plan", _) => Route::Plan,
            ("reports", _) => Route::Reports,
            ("settings", _) => Route::Settings,
            _ => Route::Today,
        }
    }

    /// The location hash of this route.
    pub fn hash(self) -> String {
        match self {
            Route::Today => "#/today".into(),
            Route::Clients => "#/clients".into(),
            Route::Client(id) => format!("#/client/{id}"),
            Route::Capture => "#/capture".into(),
            Route::Plan => "#/plan".into(),
            Route::Reports => "#/reports".into(),
            Route::Settings => "#/settings".into(),
        }
    }

    /// The bottom-bar tab this route belongs to.
    pub fn tab(self) -> Route {
        match self {
            Route::Client(_) => Route::Clients,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_the_hash() {
        let id = DocumentId::from_bytes([7; 16]);
        for r in [
            Route::Today,
            Route::Clients,
            Route::Client(id),
            Route::Capture,
            Route::Plan,
            Route::Reports,
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Today);
        assert_eq!(Route::parse("#/client/not-an-id"), Route::Clients);
        assert_eq!(Route::Client(id).tab(), Route::Clients);
    }
}
