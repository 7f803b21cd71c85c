//! The signed-in rep's session, as the server hands it out at login and as the app keeps
//! it on the device.

use std::collections::BTreeMap;

use fieldbase_core::{ClientBase, DocumentId};
use serde::{Deserialize, Serialize};

/// What `POST /api/login` returns, kept in IndexedDB so later opens work offline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Bearer token for the sync websocket (also set as the `fb_token` cookie).
    pub token: String,
    /// The rep's login name.
    pub rep: String,
    /// Every peer id this session claims must start with it.
    pub peer_prefix: String,
    /// The team index document id (base58check).
    pub team_index: String,
    /// When the token stops being accepted, in milliseconds since the epoch.
    pub expires_at: f64,
    /// The rep's role (`rep`, `key_account_manager`, `head`); empty from older servers.
    #[serde(default)]
    pub role: String,
    /// The team document (events, catalog, competitors).
    #[serde(default)]
    pub team_doc: Option<String>,
    /// The plan document (managers and targets).
    #[serde(default)]
    pub plan: Option<String>,
    /// The rep's own book (his restricted clients).
    #[serde(default)]
    pub book: Option<String>,
    /// The books this rep may read, by owner (his own, all for a head, a colleague's
    /// during a hand-over); the server's `book_owners`.
    #[serde(default, rename = "book_owners")]
    pub books: BTreeMap<String, String>,
}

impl Session {
    /// True once the token's lifetime has passed at `now_ms`.
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.expires_at <= now_ms
    }

    /// Tells the base which documents the server named: the team and plan documents and
    /// the books this rep may read (ids that do not parse are skipped).
    pub fn name_documents(&self, base: &mut ClientBase) {
        let id = |s: &str| s.parse::<DocumentId>().ok();
        if let (Some(team), Some(plan)) = (
            self.team_doc.as_deref().and_then(id),
            self.plan.as_deref().and_then(id),
        ) {
            base.set_team_docs(team, plan);
        }
        if let Some(book) = self.book.as_deref().and_then(id) {
            base.set_book(&self.rep, book);
        }
        for (owner, book) in &self.books {
            if let Some(book) = id(book) {
                base.set_book(owner, book);
            }
        }
    }

    /// The session as JSON, the form it is stored in.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a session always serialises")
    }

    /// A session read back from its JSON form.
    pub fn from_json(text: &str) -> Option<Session> {
        serde_json::from_str(text).ok()
    }
}

/// Whether the server lets a session write the plan document (managers, roles,
/// targets): only a head of sales does (`policy.rs`: every other role reads it, and the
/// server ignores their changes, so the app must not offer them the edit). The session's
/// role is the server's word; `plan_role`, the plan document's role of the rep, decides
/// only when an older server sent no role.
pub fn may_write_plan(session_role: &str, plan_role: Option<fieldbase_core::Role>) -> bool {
    match session_role {
        "head" => true,
        "" => plan_role == Some(fieldbase_core::Role::Head),
        _ => false,
    }
}

/// The body of `POST /api/login`.
#[derive(Debug, Clone, Serialize)]
pub struct Credentials {
    /// Login name.
    pub username: String,
    /// Password.
    pub password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_login_response_and_round_trips() {
        let body = r#"{"token":"t0k","rep":"alice","peer_prefix":"rep-x/",
            "team_index":"2j9UqGuTsUJB4uBV4YPCPyzGKkHz","expires_at":1767225600000}"#;
        let s = Session::from_json(body).unwrap();
        assert_eq!(s.rep, "alice");
        assert!(s.is_expired(1_767_225_600_000.0));
        assert!(!s.is_expired(1_767_225_599_999.0));
        assert_eq!(Session::from_json(&s.to_json()), Some(s));
        assert_eq!(Session::from_json("{}"), None);
    }

    #[test]
    fn only_a_head_writes_the_plan() {
        use fieldbase_core::Role;
        assert!(may_write_plan("head", None));
        assert!(
            !may_write_plan("rep", Some(Role::Head)),
            "the server's word wins"
        );
        assert!(!may_write_plan("key_account_manager", None));
        assert!(!may_write_plan("rep", None));
        assert!(
            may_write_plan("", Some(Role::Head)),
            "an older server: the plan decides"
        );
        assert!(!may_write_plan("", Some(Role::Rep)));
        assert!(!may_write_plan("", None));
    }

    #[test]
    fn reads_the_team_documents_and_books_of_the_login_answer() {
        let body = r#"{"token":"t","rep":"anna","peer_prefix":"anna/","team_index":"2j9UqGuTsUJB4uBV4YPCPyzGKkHz",
            "expires_at":1,"role":"head","team_doc":"3uZ2H7ZkDgnVBvbSWMVfzW6dp8Hp","plan":"4A4GdrBYEbA5cVCHfyj6NUVqtwvP",
            "book":"2YBbdqEeTGBDcfEuQM4BZwbL8mu8","books":["2YBbdqEeTGBDcfEuQM4BZwbL8mu8"],
            "book_owners":{"anna":"2YBbdqEeTGBDcfEuQM4BZwbL8mu8","boris":"3ZbLUbkUBF1n3zJ9GcXM4ydAewDd"}}"#;
        let s = Session::from_json(body).unwrap();
        assert_eq!(s.role, "head");
        assert_eq!(s.books.len(), 2);
        assert_eq!(s.books["boris"], "3ZbLUbkUBF1n3zJ9GcXM4ydAewDd");
    }
}
