//! The HTTP surface: login and logout, the sync websocket, health, and the PWA's files.

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
    accounts::{Accounts, Rep, SESSION_MS},
    durability::WriteBarrier,
    limiter::LoginLimiter,
    metrics::Metrics,
    now_ms,
    policy::TeamPolicy,
    slots::ConnectionSlots,
    transport::{Heartbeat, durable_transport},
};

/// The name of the session cookie.
pub const COOKIE: &str = "fb_token";

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Reps and sessions.
    pub accounts: Accounts,
    /// Where accepted websockets are handed to samod.
    pub acceptor: AcceptorHandle,
    /// The share policy; a rep is let in when one of its peers authenticates.
    pub policy: TeamPolicy,
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

/// The router: `/api/login`, `/api/logout`, `/sync`, `/healthz`, and the PWA from `web`.
pub fn router(state: AppState, web: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/api/login", post(login))
        .route("/api/logout", post(logout))
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
    rep: String,
    peer_prefix: String,
    team_index: String,
    expires_at: i64,
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
            state.limiter.succeeded(&user);
            state.metrics.logins_ok.fetch_add(1, Ordering::Relaxed);
            let cookie = format!(
                "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
                session.token,
                SESSION_MS / 1000
            );
            let body = LoginResponse {
                peer_prefix: format!("{}/", session.rep.username),
                rep: session.rep.username,
                team_index: session.rep.team_index.to_string(),
                token: session.token,
                expires_at: session.expires_at,
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

async fn logout(
    State(state): State<Arc<AppState>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Some(token) = token_of(&headers, &query)
        && let Err(e) = state.accounts.logout(token)
    {
        return internal(e);
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
    state.policy.allow(rep.username);
    let acceptor = state.acceptor.clone();
    let barrier = state.barrier.clone();
    let heartbeat = state.heartbeat;
    upgrade
        .max_message_size(state.max_frame_bytes)
        .max_frame_size(state.max_frame_bytes)
        .on_upgrade(move |socket| async move {
            tracing::info!(peer, "sync connection opened");
            let transport = durable_transport(socket, barrier, heartbeat, slot)
                .with_expected_peer_id(PeerId::from(peer.as_str()));
            if acceptor.accept(transport).is_err() {
                tracing::warn!(peer, "sync engine stopped; connection dropped");
            }
        })
}
