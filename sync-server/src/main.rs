//! `fieldbase-server`: the sync server and its admin commands.

use std::{net::SocketAddr, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use fieldbase_sync_server::Error;
use fieldbase_sync_server::{Config, admin, policy::Role, run};

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
    /// Create a team; prints the ids of its index, team and plan documents.
    CreateTeam {
        /// The team's name (unique).
        name: String,
    },
    /// Add a rep to a team (the first team unless --team is given).
    AddRep {
        /// Login name.
        username: String,
        /// Password (at least 8 characters).
        #[arg(long, env = "FIELDBASE_PASSWORD", hide_env_values = true)]
        password: String,
        /// The team's name.
        #[arg(long)]
        team: Option<String>,
        /// rep, key_account_manager or head.
        #[arg(long, default_value = "rep")]
        role: String,
    },
    /// Set a rep's role: rep, key_account_manager or head.
    SetRole {
        /// Login name.
        username: String,
        /// rep, key_account_manager or head.
        role: String,
    },
    /// Revoke a rep (a lost phone, a rep who left): every session ends, live connections
    /// close, no document is shared with the rep any more. reset-password lets him in again.
    Revoke {
        /// Login name.
        username: String,
    },
    /// Set a rep's password, end all of the rep's sessions, and lift a revoke.
    ResetPassword {
        /// Login name.
        username: String,
        /// New password (at least 8 characters).
        #[arg(long, env = "FIELDBASE_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Hand a rep's clients (restricted ones included) and book to a colleague for a
    /// period: from --start (inclusive) to --end (exclusive).
    HandOver {
        /// Whose clients.
        #[arg(long)]
        from: String,
        /// The colleague who stands in.
        #[arg(long)]
        to: String,
        /// YYYY-MM-DD (midnight UTC) or RFC 3339.
        #[arg(long)]
        start: String,
        /// YYYY-MM-DD (midnight UTC) or RFC 3339.
        #[arg(long)]
        end: String,
    },
    /// Give a client to another rep of the same team for good.
    Transfer {
        /// The client's document id.
        doc: String,
        /// The new owner.
        #[arg(long)]
        to: String,
    },
    /// Restrict a client to its owner, heads and delegates (--off: share it with the team).
    Restrict {
        /// The client's document id.
        doc: String,
        /// Lift the restriction.
        #[arg(long)]
        off: bool,
    },
    /// Write a consistent snapshot of the database to a new file (safe while serving).
    Backup {
        /// The file to create.
        file: PathBuf,
    },
    /// Replace the data directory's database with a backup.
    Restore {
        /// A file written by `backup`.
        file: PathBuf,
        /// Overwrite existing data, even under a running server (restart it afterwards).
        #[arg(long)]
        force: bool,
    },
}

/// Runs an admin command; what it prints on success.
fn admin_command(data: &std::path::Path, command: Command) -> Result<String, Error> {
    Ok(match command {
        Command::Serve { .. } => unreachable!("serve is not an admin command"),
        Command::CreateTeam { name } => {
            let t = admin::create_team(&admin::open(data)?, &name)?;
            format!(
                "created team {:?}\nindex {}\nteam {}\nplan {}",
                t.name, t.index, t.team_doc, t.plan
            )
        }
        Command::AddRep {
            username,
            password,
            team,
            role,
        } => {
            let role: Role = role.parse()?;
            let r = admin::add_rep(
                &admin::open(data)?,
                &username,
                &password,
                team.as_deref(),
                role,
            )?;
            format!(
                "added {} ({}), book {}",
                r.username,
                r.role.as_str(),
                r.book
            )
        }
        Command::SetRole { username, role } => {
            let role: Role = role.parse()?;
            admin::open(data)?.set_role(&username, role)?;
            format!("{username} is now {}", role.as_str())
        }
        Command::Revoke { username } => {
            let n = admin::open(data)?.revoke_sessions(&username)?;
            format!("revoked {n} session(s) of {username}")
        }
        Command::ResetPassword { username, password } => {
            admin::open(data)?.set_password(&username, &password)?;
            format!("new password set for {username}; every session of {username} ended")
        }
        Command::HandOver {
            from,
            to,
            start,
            end,
        } => {
            admin::hand_over(&admin::open(data)?, &from, &to, &start, &end)?;
            format!("{from}'s clients are handed to {to} from {start} until {end}")
        }
        Command::Transfer { doc, to } => {
            let c = admin::transfer(&admin::open(data)?, &doc, &to)?;
            format!("client {} now belongs to {}", c.id, c.owner)
        }
        Command::Restrict { doc, off } => {
            admin::restrict(&admin::open(data)?, &doc, !off)?;
            if off {
                format!("client {doc} is shared with its team")
            } else {
                format!("client {doc} is restricted")
            }
        }
        Command::Backup { file } => {
            admin::backup(data, &file)?;
            format!("backed up to {}", file.display())
        }
        Command::Restore { file, force } => {
            admin::restore(data, &file, force)?;
            format!("restored {} into {}", file.display(), data.display())
        }
    })
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
        command => admin_command(&cli.data, command).map(|out| println!("{out}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fieldbase-server: {e}");
            ExitCode::FAILURE
        }
    }
}
