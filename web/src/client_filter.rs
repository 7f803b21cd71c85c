//! The Clients screen's filters and sort: which summaries they keep, and their round
//! trip through a [`SavedView`] (the search text travels beside them).

use fieldbase_core::{ClientStatus, ClientSummary, DocumentId, SavedView, Segment, ViewSort};

/// Which clients to show and in what order. Empty strings and `None` mean "any".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientFilter {
    /// Status.
    pub status: Option<ClientStatus>,
    /// Segment.
    pub segment: Option<Segment>,
    /// The owner's login.
    pub owner: String,
    /// A tag.
    pub tag: String,
    /// The id of the event the client was met at.
    pub event: String,
    /// Only clients with an overdue invoice.
    pub overdue: bool,
    /// The order.
    pub sort: ViewSort,
}

impl ClientFilter {
    /// Whether `c` passes; `overdue` is the sorted ids of clients with an overdue invoice
    /// (`None` while not yet known: the overdue filter then keeps nothing).
    pub fn keeps(&self, c: &ClientSummary, overdue: Option<&[DocumentId]>) -> bool {
        self.status.is_none_or(|s| c.status == s)
            && self.segment.is_none_or(|s| c.segment == s)
            && (self.owner.is_empty() || c.owner == self.owner)
            && (self.tag.is_empty() || c.tags.contains(&self.tag))
            && (self.event.is_empty() || c.event == self.event)
            && (!self.overdue || overdue.is_some_and(|o| o.binary_search(&c.id).is_ok()))
    }

    /// Sorts a filtered list in place (it arrives sorted by name).
    pub fn sort(&self, list: &mut [ClientSummary]) {
        if self.sort == ViewSort::NextStep {
            list.sort_by_key(|c| (c.next_step_date.is_none(), c.next_step_date));
        }
    }

    /// Whether nothing is filtered and the order is the default.
    pub fn is_default(&self) -> bool {
        *self == ClientFilter::default()
    }

    /// The filter and search text a saved view holds.
    pub fn from_view(v: &SavedView) -> (String, ClientFilter) {
        (
            v.query.clone(),
            ClientFilter {
                status: v.status(),
                segment: (v.segment != Segment::Unset).then_some(v.segment),
                owner: v.owner.clone(),
                tag: v.tag.clone(),
                event: v.event.clone(),
                overdue: v.overdue,
                sort: v.sort,
            },
        )
    }

    /// This filter and `query` as a view named `name`, saved at `saved_at` (ms).
    pub fn to_view(&self, name: &str, query: &str, saved_at: i64) -> SavedView {
        SavedView {
            name: name.to_owned(),
            query: query.trim().to_owned(),
            status: self.status.map(|s| s.key().to_owned()).unwrap_or_default(),
            segment: self.segment.unwrap_or(Segment::Unset),
            owner: self.owner.clone(),
            tag: self.tag.clone(),
            event: self.event.clone(),
            overdue: self.overdue,
            sort: self.sort,
            saved_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldbase_core::Date;

    fn client(n: u8, owner: &str, event: &str, tags: &[&str]) -> ClientSummary {
        ClientSummary {
            id: DocumentId::from_bytes([n; 16]),
            name: format!("C{n}"),
            phone: String::new(),
            email: String::new(),
            status: ClientStatus::Active,
            archived: false,
            segment: Segment::Retail,
            owner: owner.into(),
            rating: Default::default(),
            next_step: String::new(),
            next_step_date: None,
            restricted: false,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            event: event.into(),
        }
    }

    #[test]
    fn filters_by_owner_event_tag_and_overdue() {
        let a = client(1, "anna", "fair", &["vip"]);
        let b = client(2, "boris", "", &[]);
        let any = ClientFilter::default();
        assert!(any.keeps(&a, None) && any.keeps(&b, None) && any.is_default());
        let owner = ClientFilter {
            owner: "anna".into(),
            ..Default::default()
        };
        assert!(owner.keeps(&a, None) && !owner.keeps(&b, None));
        let event = ClientFilter {
            event: "fair".into(),
            ..Default::default()
        };
        assert!(event.keeps(&a, None) && !event.keeps(&b, None));
        let tag = ClientFilter {
            tag: "vip".into(),
            ..Default::default()
        };
        assert!(tag.keeps(&a, None) && !tag.keeps(&b, None));
        let overdue = ClientFilter {
            overdue: true,
            ..Default::default()
        };
        let ids = [b.id];
        assert!(!overdue.keeps(&a, Some(&ids)) && overdue.keeps(&b, Some(&ids)));
        assert!(!overdue.keeps(&b, None), "not known yet: nothing");
        let segment = ClientFilter {
            segment: Some(Segment::Key),
            ..Default::default()
        };
        assert!(!segment.keeps(&a, None));
    }

    #[test]
    fn sorts_by_the_next_step_undated_last() {
        let mut list = vec![
            client(1, "", "", &[]),
            client(2, "", "", &[]),
            client(3, "", "", &[]),
        ];
        list[0].next_step_date = None;
        list[1].next_step_date = Date::new(2026, 12, 1);
        list[2].next_step_date = Date::new(2026, 11, 1);
        let f = ClientFilter {
            sort: ViewSort::NextStep,
            ..Default::default()
        };
        f.sort(&mut list);
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["C3", "C2", "C1"]);
    }

    #[test]
    fn a_view_round_trips_the_filter_and_the_search() {
        let f = ClientFilter {
            status: Some(ClientStatus::Lead),
            segment: Some(Segment::Corporate),
            owner: "anna".into(),
            tag: "vip".into(),
            event: "fair".into(),
            overdue: true,
            sort: ViewSort::NextStep,
        };
        let v = f.to_view("Hot", " novak ", 5);
        assert_eq!(
            (v.name.as_str(), v.query.as_str(), v.saved_at),
            ("Hot", "novak", 5)
        );
        assert_eq!(ClientFilter::from_view(&v), ("novak".to_owned(), f));
        let plain = ClientFilter::default().to_view("All", "", 1);
        assert_eq!(ClientFilter::from_view(&plain).1, ClientFilter::default());
    }
}
