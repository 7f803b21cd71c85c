//! The HTTP surface: login and logout, the rep's profile, client registration, the sync
//! websocket, health, and the PWA's files.

use std::{
    collections::HashMap,
    net::SocketAddr,
    path::PathBuf,
    sync::{Arc, atomic::Ordering},
    time::Instant,
};

use axum::{
    Json, Router,
    extract::{
        ConnectInfo, Query, State,
        ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection},
    },
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use samod::{AcceptorHandle, PeerId};
use serde::{Deserialize, Serialize};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
};

use crate::{
    Error,
    accounts::{Accounts, Rep, SESSION_MS},
    directory::{LiveDirectory, Profile, Registered},
    durability::WriteBarrier,
    limiter::LoginLimiter,
    live::LiveConnections,
    metrics::Metrics,
    now_ms,
    slots::ConnectionSlots,
    transport::{Heartbeat, PeerSession, durable_transport},
};

/// The websocket read chunk and write batch per connection (tungstenite's default is
/// 128 KiB each; BENCHMARKS.md, "Many reps at once").
const WS_BUFFER_BYTES: usize = 16 * 1024;

/// The name of the session cookie.
pub const COOKIE: &str = "fb_token";

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Reps and sessions.
    pub accounts: Accounts,
    /// Where accepted websockets are handed to samod.
    pub acceptor: AcceptorHandle,
    /// Who may read and write what; the share policy decides from it.
    pub directory: LiveDirectory,
    /// The open sync connections, closed when their session ends.
    pub live: LiveConnections,
    /// What `/metrics` reports.
    pub metrics: Arc<Metrics>,
    /// Throttles failed logins.
    pub limiter: Arc<LoginLimiter>,
    /// Holds outgoing frames until earlier storage writes have committed.
    pub barrier: WriteBarrier,
    /// The largest websocket frame accepted, in bytes.
    pub max_frame_bytes: usize,
    /// Pings and the silence after which a peer is dropped.
    pub heartbeat: Heartbeat,
    /// Open sync connections per login.
    pub slots: ConnectionSlots,
    /// The most sync connections one login may hold open.
    pub max_connections_per_login: usize,
}

/// The router: `/api/login`, `/api/logout`, `/api/me`, `/api/clients`, `/sync`,
/// `/healthz`, `/metrics`, and the PWA from `web`.
pub fn router(state: AppState, web: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
        .route("/api/me", get(me))
        .route("/api/clients", post(register_client))
        .route("/sync", get(sync))
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics))
        .with_state(Arc::new(state));
    let files = match web {
        Some(dir) if dir.join("index.html").is_file() => Router::new().fallback_service(
            ServeDir::new(&dir).fallback(ServeFile::new(dir.join("index.html"))),
        ),
        _ => Router::new().fallback(|| async {
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The PWA is not built: run scripts/build-web.sh, then start the server with --web web/dist.",
            )
        }),
    };
    api.merge(files)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
}

async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

#[derive(Deserialize)]
struct LoginRequest {
    username: String,
    password: String,
}

#[derive(Serialize)]
struct LoginResponse {
    token: String,
    expires_at: i64,
    #[serde(flatten)]
    profile: Profile,
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "request failed");
    error(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
}

async fn login(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(req): Json<LoginRequest>,
) -> Response {
    let address = peer.ip().to_string();
    let user = req.username.trim().to_lowercase();
    if let Some(wait) = state.limiter.check(&user, &address, Instant::now()) {
        state
            .metrics
            .logins_throttled
            .fetch_add(1, Ordering::Relaxed);
        let secs = wait.as_secs().max(1);
        let mut response = error(
            StatusCode::TOO_MANY_REQUESTS,
            &format!(
                "too many failed logins: try again in {} minutes",
                secs.div_ceil(60)
            ),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        return response;
    }
    let accounts = state.accounts.clone();
    let result =
        tokio::task::spawn_blocking(move || accounts.login(&req.username, &req.password, now_ms()))
            .await;
    match result {
        Ok(Ok(Some(session))) => {
            let profile = match profile_of(&state, &session.rep.username).await {
                Ok(p) => p,
                Err(response) => return response,
            };
            state.limiter.succeeded(&user);
            state.metrics.logins_ok.fetch_add(1, Ordering::Relaxed);
            let cookie = format!(
                "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
                session.token,
                SESSION_MS / 1000
            );
            let body = LoginResponse {
                token: session.token,
                expires_at: session.expires_at,
                profile,
            };
            ([(header::SET_COOKIE, cookie)], Json(body)).into_response()
        }
        Ok(Ok(None)) => {
            state.limiter.failed(&user, &address, Instant::now());
            state.metrics.logins_failed.fetch_add(1, Ordering::Relaxed);
            error(StatusCode::UNAUTHORIZED, "wrong user name or password")
        }
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

/// The token a request carries: `Authorization: Bearer`, the session cookie, or (for
/// websocket clients that cannot set headers) the `token` query parameter.
fn token_of<'a>(headers: &'a HeaderMap, query: &'a HashMap<String, String>) -> Option<&'a str> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim());
    }
    for value in headers.get_all(header::COOKIE) {
        let Ok(text) = value.to_str() else { continue };
        for pair in text.split(';') {
            if let Some(token) = pair
                .trim()
                .strip_prefix(COOKIE)
                .and_then(|r| r.strip_prefix('='))
            {
                return Some(token);
            }
        }
    }
    query.get("token").map(String::as_str)
}

async fn authenticate(state: &AppState, token: Option<&str>) -> Result<Rep, Response> {
    let Some(token) = token.map(str::to_owned) else {
        return Err(error(StatusCode::UNAUTHORIZED, "login required"));
    };
    let accounts = state.accounts.clone();
    match tokio::task::spawn_blocking(move || accounts.authenticate(&token, now_ms())).await {
        Ok(Ok(Some(rep))) => Ok(rep),
        Ok(Ok(None)) => Err(error(
            StatusCode::UNAUTHORIZED,
            "the session is invalid or expired: log in again",
        )),
        Ok(Err(e)) => Err(internal(e)),
        Err(e) => Err(internal(e)),
    }
}

/// The rep's profile from the directory, reloaded first if an admin command changed it.
async fn profile_of(state: &AppState, rep: &str) -> Result<Profile, Response> {
    state.directory.refresh_async().await;
    state
        .directory
        .profile(rep, now_ms())
        .ok_or_else(|| error(StatusCode::UNAUTHORIZED, "this login is revoked"))
}

/// `GET /api/me`: the login answer without a new token (the PWA refreshes its books
/// after reconnecting).
async fn me(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let rep = match authenticate(&state, token_of(&headers, &query)).await {
        Ok(rep) => rep,
        Err(response) => return response,
    };
    match profile_of(&state, &rep.username).await {
        Ok(p) => Json(p).into_response(),
        Err(response) => response,
    }
}

/// Both fields are required: a missing `restricted` must not lift a restriction.
#[derive(Deserialize)]
struct Registration {
    id: String,
    restricted: bool,
}

/// `POST /api/clients {"id", "restricted"}`: registers a client document the rep
/// created (he becomes its owner), or sets the restriction of one he owns (a head: of
/// any client of the team). 201 new, 200 updated, 409 someone else's, 400 not a client.
async fn register_client(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Result<Json<Registration>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let rep = match authenticate(&state, token_of(&headers, &query)).await {
        Ok(rep) => rep,
        Err(response) => return response,
    };
    let Ok(Json(req)) = body else {
        return error(
            StatusCode::BAD_REQUEST,
            "expected JSON {\"id\": \"<document id>\", \"restricted\": true|false}",
        );
    };
    let Ok(id) = req.id.parse::<fieldbase_core::DocumentId>() else {
        return error(StatusCode::BAD_REQUEST, "id is not a document id");
    };
    state.directory.refresh_async().await;
    let directory = state.directory.clone();
    let user = rep.username.clone();
    let result =
        tokio::task::spawn_blocking(move || directory.register(&user, id, Some(req.restricted)))
            .await;
    let reply = |status: StatusCode| {
        (
            status,
            Json(serde_json::json!({ "id": id.to_string(), "restricted": req.restricted })),
        )
            .into_response()
    };
    match result {
        Ok(Ok(Registered::New)) => reply(StatusCode::CREATED),
        Ok(Ok(_)) => reply(StatusCode::OK),
        Ok(Err(Error::NotYours(_))) => error(
            StatusCode::CONFLICT,
            "this client is registered to someone else",
        ),
        Ok(Err(Error::NotAClient(_))) => {
            error(StatusCode::BAD_REQUEST, "this id is a team document")
        }
        Ok(Err(Error::NoSuchRep(_))) => error(StatusCode::UNAUTHORIZED, "this login is revoked"),
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

async fn logout(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = token_of(&headers, &query) {
        let accounts = state.accounts.clone();
        let t = token.to_owned();
        match tokio::task::spawn_blocking(move || accounts.logout(&t)).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return internal(e),
            Err(e) => return internal(e),
        }
        // The session is over: so are its sync connections.
        state.live.close_session(token);
    }
    let expired = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    ([(header::SET_COOKIE, expired)], StatusCode::NO_CONTENT).into_response()
}

async fn sync(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let token = token_of(&headers, &query).map(str::to_owned);
    let rep = match authenticate(&state, token.as_deref()).await {
        Ok(rep) => rep,
        Err(response) => return response,
    };
    let prefix = format!("{}/", rep.username);
    let peer = match query.get("peer") {
        Some(p) if p.len() > prefix.len() && p.len() <= 200 && p.starts_with(&prefix) => p.clone(),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!("the peer query parameter must be {prefix}<device id>"),
            );
        }
    };
    let upgrade = match upgrade {
        Ok(u) => u,
        Err(rejection) => return rejection.into_response(),
    };
    let limit = state.max_connections_per_login;
    let Some(slot) = state
        .slots
        .acquire(token.as_deref().unwrap_or_default(), limit)
    else {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            &format!(
                "this login already has {limit} sync connections open: close some tabs or devices"
            ),
        );
    };
    // An admin command may have just added or changed this rep: decide from fresh rules.
    state.directory.refresh_async().await;
    if state.directory.profile(&rep.username, now_ms()).is_none() {
        return error(StatusCode::UNAUTHORIZED, "this login is revoked");
    }
    let session = PeerSession {
        ticket: state
            .live
            .open(&rep.username, token.as_deref().unwrap_or_default()),
        rep: rep.username,
        directory: state.directory.clone(),
    };
    let acceptor = state.acceptor.clone();
    let barrier = state.barrier.clone();
    let heartbeat = state.heartbeat;
    upgrade
        .max_message_size(state.max_frame_bytes)
        .max_frame_size(state.max_frame_bytes)
        // tungstenite reads in 128 KiB chunks by default: 128 MiB for 1,000 reps before
        // a byte arrives. Sync frames are small; larger ones are still read whole.
        .read_buffer_size(WS_BUFFER_BYTES)
        .write_buffer_size(WS_BUFFER_BYTES)
        .on_upgrade(move |socket| async move {
            tracing::info!(peer, "sync connection opened");
            let transport = durable_transport(socket, barrier, heartbeat, slot, session)
                .with_expected_peer_id(PeerId::from(peer.as_str()));
            if acceptor.accept(transport).is_err() {
                tracing::warn!(peer, "sync engine stopped; connection dropped");
            }
        })
}
