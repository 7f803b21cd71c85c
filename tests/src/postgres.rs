//! A throw-away PostgreSQL cluster for the tests: `initdb` into a temporary directory,
//! `postgres` on a free port of 127.0.0.1, stopped and deleted on drop.
//!
//! PostgreSQL refuses to run as root; as root, the cluster's directory is given to the
//! `postgres` user (which Debian's package creates) and the server runs as that user
//! through `setpriv`. Without PostgreSQL installed, [`PostgresCluster::start`] fails with
//! a message saying to run `scripts/setup.sh test`: PostgreSQL tests never skip.

use std::{
    ffi::OsStr,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{
    Error,
    server::{free_port, temp_dir},
};

/// A running throw-away PostgreSQL server.
pub struct PostgresCluster {
    child: Option<Child>,
    dir: PathBuf,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

/// The directory holding `initdb` and `postgres`: `/usr/lib/postgresql/<newest>/bin`
/// (Debian), else wherever `pg_config --bindir` points.
pub fn bin_dir() -> Result<PathBuf, Error> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").is_file() && bin.join("postgres").is_file())
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let bin = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if bin.join("initdb").is_file() && bin.join("postgres").is_file() {
            return Ok(bin);
        }
    }
    Err(Error::Process(
        "PostgreSQL is not installed (no initdb/postgres in /usr/lib/postgresql/*/bin): \
         run scripts/setup.sh test"
            .into(),
    ))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A command for a PostgreSQL program, run as `postgres` when we are root.
fn pg_command(bin: &Path, program: &str, root: bool) -> Command {
    if root {
        let mut cmd = Command::new("setpriv");
        cmd.args([
            "--reuid=postgres",
            "--regid=postgres",
            "--init-groups",
            "--reset-env",
        ])
        .arg(bin.join(program));
        cmd
    } else {
        Command::new(bin.join(program))
    }
}

fn run(mut cmd: Command, what: &str) -> Result<(), Error> {
    let out = cmd
        .output()
        .map_err(|e| Error::Process(format!("{what}: {e}")))?;
    if !out.status.success() {
        return Err(Error::Process(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(())
}

impl PostgresCluster {
    /// Creates and starts a cluster; waits until it accepts connections.
    pub fn start() -> Result<Self, Error> {
        let bin = bin_dir()?;
        let root = is_root();
        let dir = temp_dir("pg");
        let data = dir.join("data");
        if root {
            run(
                {
                    let mut c = Command::new("chown");
                    c.args(["-R", "postgres:postgres"]).arg(&dir);
                    c
                },
                "chown the cluster directory to postgres",
            )?;
        }
        let mut initdb = pg_command(&bin, "initdb", root);
        initdb.arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "fieldbase",
            "-E",
            "UTF8",
            "--no-sync",
        ]);
        run(initdb, "initdb")?;
        let port = free_port();
        let mut postgres = pg_command(&bin, "postgres", root);
        postgres
            .arg("-D")
            .arg(&data)
            .arg("-p")
            .arg(port.to_string())
            .arg("-k")
            .arg(&dir)
            .args([
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "max_connections=200",
            ])
            .stdout(Stdio::null())
            .stderr(
                std::fs::File::create(dir.join("postgres.log"))
                    .map(Stdio::from)
                    .unwrap_or_else(|_| Stdio::null()),
            );
        let child = postgres
            .spawn()
            .map_err(|e| Error::Process(format!("starting postgres: {e}")))?;
        let mut cluster = PostgresCluster {
            child: Some(child),
            dir,
            port,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = Command::new(bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p"])
                .arg(port.to_string())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            if ready {
                return Ok(cluster);
            }
            if let Some(Ok(Some(status))) = cluster.child.as_mut().map(|c| c.try_wait()) {
                return Err(Error::Process(format!(
                    "postgres exited ({status}): {}",
                    cluster.log()
                )));
            }
            if Instant::now() > deadline {
                return Err(Error::Process(format!(
                    "postgres did not accept connections within 30 s: {}",
                    cluster.log()
                )));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The connection URL (`--postgres`).
    pub fn url(&self) -> String {
        format!("postgres://fieldbase@127.0.0.1:{}/postgres", self.port)
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("postgres.log")).unwrap_or_default()
    }

    /// Runs one SQL query with `psql` and returns its unaligned output.
    pub fn psql(&self, sql: &str) -> Result<String, Error> {
        let bin = bin_dir()?;
        let psql = Some(bin.join("psql"))
            .filter(|p| p.is_file())
            .map(PathBuf::into_os_string)
            .unwrap_or_else(|| OsStr::new("psql").to_os_string());
        let out = Command::new(psql)
            .args(["-XAtq", "-v", "ON_ERROR_STOP=1", "-d"])
            .arg(self.url())
            .arg("-c")
            .arg(sql)
            .output()
            .map_err(|e| Error::Process(format!("psql: {e}")))?;
        if !out.status.success() {
            return Err(Error::Process(format!(
                "psql {sql:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

impl Drop for PostgresCluster {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SIGINT: PostgreSQL's fast shutdown.
            let _ = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
