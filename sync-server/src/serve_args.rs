//! The `serve` command's options and how they resolve into a [`Config`]: a flag wins
//! over its environment variable, which wins over the configuration file
//! (`--config`, [`crate::config_file`]), which wins over the default.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{ArgMatches, parser::ValueSource};

use crate::{Config, Error, config_file::FileConfig, transport::Heartbeat};

/// `fieldbase-server serve`'s options.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// A TOML file with any of these options (keys as the flags with '_' for '-', and
    /// `data`); flags and environment variables win over it.
    #[arg(long, env = "FIELDBASE_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, env = "FIELDBASE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The built PWA (scripts/build-web.sh writes web/dist).
    #[arg(long, env = "FIELDBASE_WEB", default_value = "web/dist")]
    pub web: PathBuf,
    /// The first user's password, used only when the database has no user yet.
    #[arg(long, env = "FIELDBASE_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
    /// The largest websocket frame accepted, in bytes.
    #[arg(long, env = "FIELDBASE_MAX_FRAME_BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_frame_bytes: usize,
    /// Seconds between websocket pings.
    #[arg(long, env = "FIELDBASE_PING_SECONDS", default_value_t = 20)]
    pub ping_seconds: u64,
    /// A peer silent for this many seconds (no frame, no pong) is dropped.
    #[arg(long, env = "FIELDBASE_DEAD_AFTER_SECONDS", default_value_t = 60)]
    pub dead_after_seconds: u64,
    /// The most sync connections one login may hold open at once.
    #[arg(
        long,
        env = "FIELDBASE_MAX_CONNECTIONS_PER_LOGIN",
        default_value_t = 20
    )]
    pub max_connections_per_login: usize,
    /// Drop a document from memory after this many seconds without sync activity, once
    /// its writes are on disk and no peer is syncing it (it is loaded again when asked
    /// for); 0 keeps every document in memory until the server stops.
    #[arg(long, env = "FIELDBASE_UNLOAD_IDLE_SECONDS", default_value_t = 30)]
    pub unload_idle_seconds: u64,
    /// Keep documents and accounts in this PostgreSQL database (`postgres://user@host/db`
    /// or `host=... dbname=...`) instead of the SQLite file; several instances may share
    /// it.
    #[arg(long, env = "FIELDBASE_POSTGRES", hide_env_values = true)]
    pub postgres: Option<String>,
    /// Print the resolved configuration (passwords hidden) and exit.
    #[arg(long)]
    pub print_config: bool,
}

/// `cli` unless the user left it to the default, then the file's value if it has one.
fn pick<T>(matches: &ArgMatches, id: &str, cli: T, file: Option<T>) -> T {
    match matches.value_source(id) {
        Some(ValueSource::CommandLine | ValueSource::EnvVariable) => cli,
        _ => file.unwrap_or(cli),
    }
}

impl ServeArgs {
    /// The configuration these options, the global `data` (with its own `matches`) and
    /// the configuration file describe. `serve` is the subcommand's matches.
    pub fn resolve(
        self,
        data: PathBuf,
        global: &ArgMatches,
        serve: &ArgMatches,
    ) -> Result<Config, Error> {
        let file = match &self.config {
            Some(path) => FileConfig::read(path)?,
            None => FileConfig::default(),
        };
        let ping = pick(serve, "ping_seconds", self.ping_seconds, file.ping_seconds);
        let dead = pick(
            serve,
            "dead_after_seconds",
            self.dead_after_seconds,
            file.dead_after_seconds,
        );
        Ok(Config {
            addr: pick(serve, "addr", self.addr, file.addr),
            data: pick(global, "data", data, file.data),
            web: Some(pick(serve, "web", self.web, file.web)),
            admin_password: pick(
                serve,
                "admin_password",
                self.admin_password,
                file.admin_password.map(Some),
            ),
            max_frame_bytes: pick(
                serve,
                "max_frame_bytes",
                self.max_frame_bytes,
                file.max_frame_bytes,
            ),
            heartbeat: Heartbeat {
                every: Duration::from_secs(ping.max(1)),
                dead_after: Duration::from_secs(dead.max(2)),
            },
            max_connections_per_login: pick(
                serve,
                "max_connections_per_login",
                self.max_connections_per_login,
                file.max_connections_per_login,
            )
            .max(1),
            unload_idle: match pick(
                serve,
                "unload_idle_seconds",
                self.unload_idle_seconds,
                file.unload_idle_seconds,
            ) {
                0 => None,
                seconds => Some(Duration::from_secs(seconds)),
            },
            postgres: pick(serve, "postgres", self.postgres, file.postgres.map(Some)),
        })
    }
}

impl Config {
    /// The configuration as `key = value` lines (TOML), passwords hidden.
    pub fn describe(&self) -> String {
        let hidden = |v: &Option<String>| match v {
            Some(_) => "\"(hidden)\"".to_string(),
            None => "(none)".to_string(),
        };
        let postgres = match &self.postgres {
            Some(url) => format!("{:?}", redact_password(url)),
            None => "(none: SQLite in the data directory)".to_string(),
        };
        format!(
            "data = {:?}\naddr = \"{}\"\nweb = {:?}\nadmin_password = {}\nmax_frame_bytes = {}\n\
             ping_seconds = {}\ndead_after_seconds = {}\nmax_connections_per_login = {}\n\
             unload_idle_seconds = {}\npostgres = {}\n",
            self.data.display().to_string(),
            self.addr,
            self.web
                .as_ref()
                .map(|w| w.display().to_string())
                .unwrap_or_default(),
            hidden(&self.admin_password),
            self.max_frame_bytes,
            self.heartbeat.every.as_secs(),
            self.heartbeat.dead_after.as_secs(),
            self.max_connections_per_login,
            self.unload_idle.map_or(0, |d| d.as_secs()),
            postgres,
        )
    }
}

/// `url` with the password of a `scheme://user:password@host` URL or a `password=...`
/// pair replaced.
fn redact_password(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((userinfo, host)) = rest.split_once('@')
        && let Some((user, _)) = userinfo.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    url.split(' ')
        .map(|pair| match pair.split_once('=') {
            Some(("password", _)) => "password=***".to_string(),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_password("postgres://fb:s3cret@db:5432/fb"),
            "postgres://fb:***@db:5432/fb"
        );
        assert_eq!(
            redact_password("host=db password=s3cret dbname=fb"),
            "host=db password=*** dbname=fb"
        );
        assert_eq!(redact_password("postgres://db/fb"), "postgres://db/fb");
    }
}
