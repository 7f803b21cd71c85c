//! `fieldbase-server`: the sync server and its admin commands.

use std::{path::PathBuf, process::ExitCode};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use fieldbase_sync_server::Error;
use fieldbase_sync_server::{admin, policy::Role, run, serve_args::ServeArgs};

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

/// Where an admin command finds the accounts, as `serve` does: `--postgres` (or
/// `FIELDBASE_POSTGRES`, or `postgres` in the `--config` file), else the data directory.
#[derive(clap::Args, Clone, Debug)]
struct DbArgs {
    /// The PostgreSQL database the servers run on (`serve --postgres`).
    #[arg(long, env = "FIELDBASE_POSTGRES", hide_env_values = true)]
    postgres: Option<String>,
    /// The servers' configuration file (its `postgres` and `data` are used).
    #[arg(long, env = "FIELDBASE_CONFIG")]
    config: Option<PathBuf>,
}

impl DbArgs {
    /// Flag or environment first, then the configuration file, as `serve` resolves them.
    fn target(self, data: PathBuf, matches: &clap::ArgMatches) -> Result<admin::Target, Error> {
        let file = match &self.config {
            Some(path) => fieldbase_sync_server::config_file::FileConfig::read(path)?,
            None => Default::default(),
        };
        let data = match (matches.value_source("data"), file.data) {
            (Some(clap::parser::ValueSource::DefaultValue), Some(d)) => d,
            _ => data,
        };
        Ok(admin::Target {
            data,
            postgres: self.postgres.or(file.postgres),
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// Serve the PWA and the sync websocket.
    Serve(ServeArgs),
    /// Create a team; prints the ids of its index, team and plan documents.
    CreateTeam {
        /// The team's name (unique).
        name: String,
        #[command(flatten)]
        db: DbArgs,
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
        #[command(flatten)]
        db: DbArgs,
    },
    /// Set a rep's role: rep, key_account_manager or head.
    SetRole {
        /// Login name.
        username: String,
        /// rep, key_account_manager or head.
        role: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Revoke a rep (a lost phone, a rep who left): every session ends, live connections
    /// close, no document is shared with the rep any more. reset-password lets him in again.
    Revoke {
        /// Login name.
        username: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Set a rep's password, end all of the rep's sessions, and lift a revoke.
    ResetPassword {
        /// Login name.
        username: String,
        /// New password (at least 8 characters).
        #[arg(long, env = "FIELDBASE_PASSWORD", hide_env_values = true)]
        password: String,
        #[command(flatten)]
        db: DbArgs,
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
        #[command(flatten)]
        db: DbArgs,
    },
    /// Give a client to another rep of the same team for good.
    Transfer {
        /// The client's document id.
        doc: String,
        /// The new owner.
        #[arg(long)]
        to: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Restrict a client to its owner, heads and delegates (--off: share it with the team).
    Restrict {
        /// The client's document id.
        doc: String,
        /// Lift the restriction.
        #[arg(long)]
        off: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Write a consistent snapshot of the database to a new file (safe while serving).
    Backup {
        /// The file to create.
        file: PathBuf,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Replace the data directory's database with a backup.
    Restore {
        /// A file written by `backup`.
        file: PathBuf,
        /// Overwrite existing data, even under a running server (restart it afterwards).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Runs an admin command; what it prints on success.
fn admin_command(
    data: PathBuf,
    matches: &clap::ArgMatches,
    command: Command,
) -> Result<String, Error> {
    let (db, command) = command.split_db();
    let target = db.target(data, matches)?;
    let open = || admin::open(&target);
    Ok(match command {
        Command::Serve { .. } => unreachable!("serve is not an admin command"),
        Command::CreateTeam { name, .. } => {
            let t = admin::create_team(&open()?, &name)?;
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
            ..
        } => {
            let role: Role = role.parse()?;
            let r = admin::add_rep(&open()?, &username, &password, team.as_deref(), role)?;
            format!(
                "added {} ({}), book {}",
                r.username,
                r.role.as_str(),
                r.book
            )
        }
        Command::SetRole { username, role, .. } => {
            let role: Role = role.parse()?;
            open()?.set_role(&username, role)?;
            format!("{username} is now {}", role.as_str())
        }
        Command::Revoke { username, .. } => {
            let n = open()?.revoke_sessions(&username)?;
            format!("revoked {n} session(s) of {username}")
        }
        Command::ResetPassword {
            username, password, ..
        } => {
            open()?.set_password(&username, &password)?;
            format!("new password set for {username}; every session of {username} ended")
        }
        Command::HandOver {
            from,
            to,
            start,
            end,
            ..
        } => {
            admin::hand_over(&open()?, &from, &to, &start, &end)?;
            format!("{from}'s clients are handed to {to} from {start} until {end}")
        }
        Command::Transfer { doc, to, .. } => {
            let c = admin::transfer(&open()?, &doc, &to)?;
            format!("client {} now belongs to {}", c.id, c.owner)
        }
        Command::Restrict { doc, off, .. } => {
            admin::restrict(&open()?, &doc, !off)?;
            if off {
                format!("client {doc} is shared with its team")
            } else {
                format!("client {doc} is restricted")
            }
        }
        Command::Backup { file, .. } => {
            admin::backup(&target, &file)?;
            format!("backed up to {}", file.display())
        }
        Command::Restore { file, force, .. } => {
            admin::restore(&target, &file, force)?;
            match &target.postgres {
                Some(_) => format!("restored {} into the PostgreSQL database", file.display()),
                None => format!("restored {} into {}", file.display(), target.data.display()),
            }
        }
    })
}

impl Command {
    /// An admin command's database options, and the command.
    fn split_db(self) -> (DbArgs, Command) {
        let db = match &self {
            Command::Serve(_) => unreachable!("serve resolves its own options"),
            Command::CreateTeam { db, .. }
            | Command::AddRep { db, .. }
            | Command::SetRole { db, .. }
            | Command::Revoke { db, .. }
            | Command::ResetPassword { db, .. }
            | Command::HandOver { db, .. }
            | Command::Transfer { db, .. }
            | Command::Restrict { db, .. }
            | Command::Backup { db, .. }
            | Command::Restore { db, .. } => db.clone(),
        };
        (db, self)
    }
}

/// `serve`: resolves flags, environment and the configuration file, then runs.
fn serve(
    args: ServeArgs,
    data: PathBuf,
    matches: &clap::ArgMatches,
) -> Result<(), fieldbase_sync_server::Error> {
    let serve = matches.subcommand_matches("serve").unwrap_or(matches);
    let print = args.print_config;
    let config = args.resolve(data, matches, serve)?;
    if print {
        print!("{}", config.describe());
        return Ok(());
    }
    tokio::runtime::Runtime::new()
        .map_err(fieldbase_sync_server::Error::io("starting the runtime"))?
        .block_on(run(config))
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,samod=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        Command::Serve(args) => serve(args, cli.data, &matches),
        command => admin_command(cli.data, &matches, command).map(|out| println!("{out}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fieldbase-server: {e}");
            ExitCode::FAILURE
        }
    }
}
