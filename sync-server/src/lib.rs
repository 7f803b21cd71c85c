//! Fieldbase's sync server: reps log in, then sync their team's Automerge documents over
//! the automerge-repo websocket protocol (served by samod), stored in SQLite or, for
//! several instances, in PostgreSQL (accounts and rules included).
//!
//! Read it top to bottom: [`run`] opens the database, makes sure a team and a first user
//! exist, starts samod and serves [`routes::router`] until a shutdown signal, then flushes.

pub mod accounts;
pub mod admin;
mod allocator;
pub mod chunk_store;
pub mod cluster;
pub mod config_file;
pub mod directory;
pub mod documents;
pub mod durability;
pub mod error;
pub mod limiter;
pub mod live;
pub mod metrics;
pub mod pg_accounts;
pub mod pg_copy;
pub mod pg_storage;
pub mod policy;
pub mod routes;
pub mod serve_args;
pub mod slots;
pub mod storage;
pub mod transport;
pub mod watcher;

use std::{net::SocketAddr, path::PathBuf};

use fieldbase_core::{DocumentId, genesis_index};
use samod::Repo;

pub use error::Error;

use crate::{
    accounts::Accounts,
    chunk_store::ChunkStore,
    cluster::{Observers, OpenDocs},
    directory::LiveDirectory,
    durability::WriteBarrier,
    metrics::{Metrics, Observer},
    policy::TeamPolicy,
    routes::AppState,
};

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// The directory holding `fieldbase.db` (with `postgres`: only its lock, and the
    /// accounts imported on the first start over an empty PostgreSQL database).
    pub data: PathBuf,
    /// The built PWA to serve at `/`, if any.
    pub web: Option<PathBuf>,
    /// The first user's password; generated and printed once when not given.
    pub admin_password: Option<String>,
    /// The largest websocket frame accepted, in bytes.
    pub max_frame_bytes: usize,
    /// Pings and the silence after which a peer is dropped.
    pub heartbeat: transport::Heartbeat,
    /// The most sync connections one login may hold open.
    pub max_connections_per_login: usize,
    /// Unload a document idle this long (samod's `with_unload_idle_after`); `None`
    /// keeps every document in memory until the server stops.
    pub unload_idle: Option<std::time::Duration>,
    /// Keep documents in this PostgreSQL database instead of the SQLite file.
    pub postgres: Option<String>,
}

/// The database file inside the data directory.
pub fn db_path(data: &std::path::Path) -> PathBuf {
    data.join("fieldbase.db")
}

/// Runs the server until SIGINT or SIGTERM.
pub async fn run(config: Config) -> Result<(), Error> {
    std::fs::create_dir_all(&config.data)
        .map_err(Error::io(format!("creating {}", config.data.display())))?;
    let db = db_path(&config.data);
    // One SQLite server owns its data directory. Instances over one PostgreSQL keep
    // everything there and need no directory of their own; if some share one, the shared
    // lock lets them, and keeps a SQLite server (or `restore`) out of it meanwhile.
    let _lock = if config.postgres.is_some() {
        admin::lock_data_dir_shared(&config.data)?
    } else {
        admin::lock_data_dir(&config.data)?
    };
    let accounts = match config.postgres.as_deref() {
        Some(url) => Accounts::open_postgres(url)?,
        None => Accounts::open(&db)?,
    };
    let barrier = WriteBarrier::default();
    let instance = cluster::instance_id();
    let storage =
        ChunkStore::open(config.postgres.as_deref(), &db, barrier.clone(), &instance).await?;
    let directory = LiveDirectory::load(accounts.clone())?;
    let metrics = std::sync::Arc::new(Metrics::default());
    let policy = TeamPolicy::new(directory.clone(), metrics.policy_streams.clone());
    let open_docs = OpenDocs::default();
    // The policy never announces, so a peer is paired with a document only once it
    // asks for it (vendored samod patch 8): no work per (document, connection) pair.
    let mut builder = Repo::build_tokio()
        .with_storage(storage.clone())
        .with_share_policy(policy.clone())
        .with_documents_on_request()
        .with_observer(Observers(Observer(metrics.clone()), open_docs.clone()));
    if let Some(idle) = config.unload_idle {
        builder = builder.with_unload_idle_after(idle);
    }
    let repo = builder.load().await;
    let follower = storage.listen(&repo, open_docs);

    let first_login = ensure_team(&accounts, &repo, config.admin_password.clone(), &db).await?;
    let legacy = accounts.register_legacy_documents()?;
    if legacy > 0 {
        tracing::info!(
            documents = legacy,
            "registered documents stored before owners existed"
        );
    }
    directory.refresh()?;
    let live = live::LiveConnections::default();
    tokio::spawn(watcher::watch(directory.clone(), live.clone()));

    let url = samod::Url::parse(&format!("ws://{}/sync", config.addr))
        .expect("a socket address makes a URL");
    let acceptor = repo.make_acceptor(url).map_err(|_| Error::Stopped)?;
    let state = AppState {
        accounts,
        acceptor,
        directory: directory.clone(),
        live,
        limiter: Default::default(),
        metrics,
        barrier,
        max_frame_bytes: config.max_frame_bytes,
        heartbeat: config.heartbeat,
        slots: Default::default(),
        max_connections_per_login: config.max_connections_per_login,
    };
    let app = routes::router(state, config.web.clone());
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(Error::io(format!("listening on {}", config.addr)))?;
    let bound = listener
        .local_addr()
        .map_err(Error::io("reading the bound address"))?;
    println!("Fieldbase is running at http://{bound}");
    match first_login {
        Some((user, Some(password))) => println!(
            "First start: created the user {user:?} with the password {password:?}. It is shown only this once."
        ),
        Some((user, None)) => {
            println!(
                "First start: created the user {user:?} with the password from FIELDBASE_ADMIN_PASSWORD."
            )
        }
        None => {}
    }
    tracing::info!(%bound, "listening");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(Error::io("serving"))?;
    tracing::info!("shutting down: flushing storage");
    repo.stop().await;
    if !directory.flush(std::time::Duration::from_secs(10)).await {
        tracing::error!("some document registrations were not stored before exit");
    }
    storage.close(follower);
    tracing::info!("storage flushed");
    Ok(())
}

/// On first start: the team (its index document created here, the other ids drawn) and
/// the first user, a head of sales. Returns the user name and the generated password
/// (None when it came from the environment). Over PostgreSQL, under a lock, so that of
/// several instances starting at once only one creates them; the first of all also
/// imports the accounts of the data directory's SQLite file, if it has any.
async fn ensure_team(
    accounts: &Accounts,
    repo: &Repo,
    admin_password: Option<String>,
    db: &std::path::Path,
) -> Result<Option<(String, Option<String>)>, Error> {
    let _bootstrap = accounts.bootstrap_lock()?;
    if let Some(pg) = accounts.pg()
        && pg_copy::import_sqlite_accounts(pg, db)?
    {
        tracing::warn!(
            file = %db.display(),
            "imported the accounts of the SQLite file into PostgreSQL; they live there from now on"
        );
    }
    let team = match accounts.first_team()? {
        Some(team) => team.id,
        None => {
            let handle = repo
                .create(genesis_index())
                .await
                .map_err(|_| Error::Stopped)?;
            let id: DocumentId = handle
                .document_id()
                .to_string()
                .parse()
                .map_err(|_| Error::Corrupt(handle.document_id().to_string()))?;
            accounts.create_team("Team", Some(id))?.id
        }
    };
    if accounts.rep_count()? > 0 {
        return Ok(None);
    }
    let (password, shown) = match admin_password {
        Some(p) => (p, None),
        None => {
            let p = accounts::random_secret()[..16].to_string();
            (p.clone(), Some(p))
        }
    };
    accounts.add_rep(team, "admin", &password, policy::Role::Head)?;
    Ok(Some(("admin".to_string(), shown)))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
