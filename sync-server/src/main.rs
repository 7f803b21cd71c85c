//! `fieldbase-server`: the sync server and its admin commands.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use fieldbase_sync_server::{Config, accounts::Accounts, db_path, run};

#[derive(Parser)]
#[command(
    name = "fieldbase-server",
    version,
    about = "Fieldbase's sync server and admin tool"
)]
struct Cli {
    /// The directory holding the database.
    #[arg(long, env = "FIELDBASE_DATA", default_value = "./data", global = true)]
    data: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the PWA and the sync websocket.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "FIELDBASE_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built PWA (scripts/build-web.sh writes web/dist).
        #[arg(long, env = "FIELDBASE_WEB", default_value = "web/dist")]
        web: PathBuf,
        /// The first user's password, used only when the database has no user yet.
        #[arg(long, env = "FIELDBASE_ADMIN_PASSWORD", hide_env_values = true)]
        admin_password: Option<String>,
        /// The largest websocket frame accepted, in bytes.
        #[arg(long, env = "FIELDBASE_MAX_FRAME_BYTES", default_value_t = 16 * 1024 * 1024)]
        max_frame_bytes: usize,
        /// Seconds between websocket pings.
        #[arg(long, env = "FIELDBASE_PING_SECONDS", default_value_t = 20)]
        ping_seconds: u64,
        /// A peer silent for this many seconds (no frame, no pong) is dropped.
        #[arg(long, env = "FIELDBASE_DEAD_AFTER_SECONDS", default_value_t = 60)]
        dead_after_seconds: u64,
        /// The most sync connections one login may hold open at once.
        #[arg(
            long,
            env = "FIELDBASE_MAX_CONNECTIONS_PER_LOGIN",
            default_value_t = 20
        )]
        max_connections_per_login: usize,
    },
    /// Add a rep to the first team.
    AddRep {
        /// Login name.
        username: String,
        /// Password (at least 8 characters).
        #[arg(long, env = "FIELDBASE_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// End all of a rep's sessions (a lost or stolen device).
    Revoke {
        /// Login name.
        username: String,
    },
    /// Set a rep's password and end all of the rep's sessions.
    ResetPassword {
        /// Login name.
        username: String,
        /// New password (at least 8 characters).
        #[arg(long, env = "FIELDBASE_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,samod=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            addr,
            web,
            admin_password,
            max_frame_bytes,
            ping_seconds,
            dead_after_seconds,
            max_connections_per_login,
        } => tokio::runtime::Runtime::new()
            .map_err(fieldbase_sync_server::Error::io("starting the runtime"))
            .and_then(|rt| {
                rt.block_on(run(Config {
                    addr,
                    data: cli.data,
                    web: Some(web),
                    admin_password,
                    max_frame_bytes,
                    heartbeat: fieldbase_sync_server::transport::Heartbeat {
                        every: std::time::Duration::from_secs(ping_seconds.max(1)),
                        dead_after: std::time::Duration::from_secs(dead_after_seconds.max(2)),
                    },
                    max_connections_per_login: max_connections_per_login.max(1),
                }))
            }),
        Command::AddRep { username, password } => {
            Accounts::open(&db_path(&cli.data)).and_then(|a| {
                let (team, _) = a.first_team()?.ok_or_else(|| {
                    fieldbase_sync_server::Error::Corrupt(
                        "no team yet: run `serve` once first".into(),
                    )
                })?;
                a.add_rep(team, &username, &password)
            })
        }
        Command::Revoke { username } => Accounts::open(&db_path(&cli.data)).and_then(|a| {
            let n = a.revoke_sessions(&username)?;
            println!("revoked {n} session(s) of {username}");
            Ok(())
        }),
        Command::ResetPassword { username, password } => {
            Accounts::open(&db_path(&cli.data)).and_then(|a| a.set_password(&username, &password))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fieldbase-server: {e}");
            ExitCode::FAILURE
        }
    }
}
