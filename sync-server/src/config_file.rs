//! `serve --config <file.toml>`: every `serve` option in a TOML file, keys spelled as
//! the flags with `_` for `-` (`max_frame_bytes = 65536`), plus `data`. An unknown key
//! or a value of the wrong type is an error naming the file, the line and the key.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use serde::Deserialize;

use crate::Error;

/// What a configuration file may set; absent keys leave the option to the defaults.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// The directory holding the database.
    pub data: Option<PathBuf>,
    /// Address to listen on.
    pub addr: Option<SocketAddr>,
    /// The built PWA.
    pub web: Option<PathBuf>,
    /// The first user's password.
    pub admin_password: Option<String>,
    /// The largest websocket frame accepted, in bytes.
    pub max_frame_bytes: Option<usize>,
    /// Seconds between websocket pings.
    pub ping_seconds: Option<u64>,
    /// Seconds of silence after which a peer is dropped.
    pub dead_after_seconds: Option<u64>,
    /// The most sync connections one login may hold open.
    pub max_connections_per_login: Option<usize>,
    /// Seconds without sync activity after which a document leaves memory (0: never).
    pub unload_idle_seconds: Option<u64>,
    /// A PostgreSQL connection string for documents and accounts.
    pub postgres: Option<String>,
}

impl FileConfig {
    /// Reads and parses the file at `path`.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(Error::io(format!(
            "reading the configuration {}",
            path.display()
        )))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses `text`; `name` is what errors call the file.
    pub fn parse(text: &str, name: &str) -> Result<Self, Error> {
        toml::from_str(text).map_err(|e| {
            let Some(span) = e.span() else {
                return Error::Config(format!("{name}: {}", e.message()));
            };
            let start = span.start.min(text.len());
            let line_no = text[..start].matches('\n').count() + 1;
            let line = text.lines().nth(line_no - 1).unwrap_or_default();
            let key = line
                .split_once('=')
                .map(|(k, _)| k.trim().trim_matches('"'))
                .filter(|k| !k.is_empty() && !k.starts_with('['));
            match key {
                Some(key) => Error::Config(format!(
                    "{name}: line {line_no}, key `{key}`: {}",
                    e.message()
                )),
                None => Error::Config(format!("{name}: line {line_no}: {}", e.message())),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let c = FileConfig::parse(
            "data = \"/srv/fb\"\naddr = \"0.0.0.0:9000\"\nweb = \"dist\"\nadmin_password = \"secret-pw\"\n\
             max_frame_bytes = 1024\nping_seconds = 5\ndead_after_seconds = 30\n\
             max_connections_per_login = 3\nunload_idle_seconds = 0\npostgres = \"postgres://fb@db/fb\"\n",
            "t.toml",
        )
        .unwrap();
        assert_eq!(c.addr, Some("0.0.0.0:9000".parse().unwrap()));
        assert_eq!(c.max_frame_bytes, Some(1024));
        assert_eq!(c.max_connections_per_login, Some(3));
        assert_eq!(c.unload_idle_seconds, Some(0));
        assert_eq!(c.postgres.as_deref(), Some("postgres://fb@db/fb"));
        assert_eq!(FileConfig::parse("", "t").unwrap(), FileConfig::default());
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let e = FileConfig::parse("addr = \"127.0.0.1:1\"\n\nmax_frame_byte = 5\n", "a.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("a.toml: line 3, key `max_frame_byte`: unknown field"),
            "{e}"
        );
        let e = FileConfig::parse("ping_seconds = 5\nmax_frame_bytes = \"big\"\n", "b.toml")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("b.toml: line 2, key `max_frame_bytes`: invalid type"),
            "{e}"
        );
        let e = FileConfig::parse("addr = \"nowhere\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml: line 1, key `addr`:"), "{e}");
        let e = FileConfig::parse("ping_seconds = \n", "d.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("d.toml: line 1"), "{e}");
    }
}
