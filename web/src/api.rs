//! The HTTP half of the server contract: login, logout and a reachability probe.

use gloo_net::http::Request;

use crate::session::{Credentials, Session};

/// Why a login failed.
#[derive(Debug, Clone, PartialEq)]
pub enum LoginError {
    /// 401: wrong username or password.
    BadCredentials,
    /// The request never got an answer (offline, server down).
    Network,
    /// Any other answer, with its HTTP status.
    Server(u16),
}

/// `POST /api/login`; the server also sets the `fb_token` cookie.
pub async fn login(username: &str, password: &str) -> Result<Session, LoginError> {
    let body = Credentials {
        username: username.to_owned(),
        password: password.to_owned(),
    };
    let response = Request::post("/api/login")
        .json(&body)
        .map_err(|_| LoginError::Network)?
        .send()
        .await
        .map_err(|_| LoginError::Network)?;
    match response.status() {
        200 => {
            let text = response.text().await.map_err(|_| LoginError::Network)?;
            Session::from_json(&text).ok_or(LoginError::Server(200))
        }
        401 => Err(LoginError::BadCredentials),
        status => Err(LoginError::Server(status)),
    }
}

/// `POST /api/logout`, best effort: signing out on the device never waits for it.
pub async fn logout() {
    if let Ok(request) = Request::post("/api/logout").build() {
        let _ = request.send().await;
    }
}

/// True when the server answers HTTP at all (any status): used to tell "server down"
/// from "server up but the websocket refused our token".
pub async fn server_reachable() -> bool {
    Request::get("/healthz").send().await.is_ok()
}

/// How `POST /api/clients` went.
#[derive(Debug, Clone, PartialEq)]
pub enum Registered {
    /// The server took it (201 new, 200 changed or already so).
    Yes,
    /// The server refused it for good (a 4xx: not the owner, a client owned by
    /// someone else…), with its status and message; retrying will not help.
    Refused(u16, String),
    /// No answer, or a 5xx: try again on the next connection.
    Later,
}

/// `POST /api/clients {"id", "restricted"}`: registers a client this rep created, or
/// sets the restriction of one he owns, so that the server shares it by that rule.
pub async fn register_client(token: &str, id: &str, restricted: bool) -> Registered {
    let body = serde_json::json!({ "id": id, "restricted": restricted });
    let Ok(request) = Request::post("/api/clients")
        .header("Authorization", &format!("Bearer {token}"))
        .json(&body)
    else {
        return Registered::Later;
    };
    let Ok(response) = request.send().await else {
        return Registered::Later;
    };
    match response.status() {
        200 | 201 => Registered::Yes,
        status @ 400..=499 => {
            Registered::Refused(status, response.text().await.unwrap_or_default())
        }
        _ => Registered::Later,
    }
}

/// What `GET /api/me` says now: the role, the team documents and the books this rep may
/// read (they change when a hand-over starts or ends). `None` when it cannot be had.
pub async fn me(token: &str) -> Option<Me> {
    let response = Request::get("/api/me")
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .ok()?;
    if response.status() != 200 {
        return None;
    }
    response.json::<Me>().await.ok()
}

/// The answer of `GET /api/me`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Me {
    /// The rep's role.
    #[serde(default)]
    pub role: String,
    /// The team document.
    #[serde(default)]
    pub team_doc: Option<String>,
    /// The plan document.
    #[serde(default)]
    pub plan: Option<String>,
    /// The rep's own book.
    #[serde(default)]
    pub book: Option<String>,
    /// The books readable now, by owner.
    #[serde(default)]
    pub book_owners: std::collections::BTreeMap<String, String>,
}
