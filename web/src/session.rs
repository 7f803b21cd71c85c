//! The signed-in rep's session, as the server hands it out at login and as the app keeps
//! it on the device.

use serde::{Deserialize, Serialize};

/// What `POST /api/login` returns, kept in IndexedDB so later opens work offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

impl Session {
    /// True once the token's lifetime has passed at `now_ms`.
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.expires_at <= now_ms
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
}
