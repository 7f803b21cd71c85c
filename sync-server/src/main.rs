//! `fieldbase-server`: the sync server and its admin commands.

use std::{path::PathBuf, process::ExitCode};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use fieldbase_sync_server::{accounts::Accounts, db_path, run, serve_args::ServeArgs};

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
    Serve(ServeArgs),
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
