//! The real `fieldbase-server` binary as a child process.

use std::{
    io::{BufRead, BufReader},
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::OnceLock,
    time::{Duration, Instant},
};

use crate::Error;

/// The workspace's top directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The server binary, built once per test process (`cargo build` is a no-op when it is
/// up to date); `FIELDBASE_SERVER_BIN` names another one instead (benchmarks comparing
/// two builds in one run).
pub fn server_binary() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("FIELDBASE_SERVER_BIN") {
            return PathBuf::from(bin);
        }
        let profile = if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.current_dir(workspace_root()).args([
            "build",
            "-q",
            "-p",
            "fieldbase-sync-server",
            "--bin",
            "fieldbase-server",
        ]);
        if profile == "release" {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("cargo runs");
        assert!(status.success(), "building fieldbase-server failed");
        let target = std::env::var("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|_| workspace_root().join("target"));
        target.join(profile).join("fieldbase-server")
    })
    .clone()
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A fresh, empty temporary directory.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "fieldbase-{tag}-{}-{}",
        std::process::id(),
        rand::random::<u32>()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A running server process.
pub struct ServerProcess {
    child: Option<Child>,
    /// Its data directory.
    pub data: PathBuf,
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// The first user's password.
    pub admin_password: String,
    web: Option<PathBuf>,
    extra_args: Vec<String>,
}

/// A login's answer.
#[derive(Debug, Clone)]
pub struct Login {
    /// The bearer token.
    pub token: String,
    /// The rep.
    pub rep: String,
    /// What every peer id of this rep starts with.
    pub peer_prefix: String,
    /// The team index document.
    pub team_index: fieldbase_core::DocumentId,
    /// `rep`, `key_account_manager` or `head`.
    pub role: String,
    /// The team document.
    pub team_doc: fieldbase_core::DocumentId,
    /// The plan document.
    pub plan: fieldbase_core::DocumentId,
    /// The rep's own book (index of his restricted clients).
    pub book: fieldbase_core::DocumentId,
    /// The books the rep may read now.
    pub books: Vec<fieldbase_core::DocumentId>,
}

impl Login {
    /// Parses the JSON of `/api/login` (or `/api/me`, whose `token` is empty here).
    pub fn from_json(v: &serde_json::Value) -> Result<Self, Error> {
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        Ok(Login {
            token: text("token"),
            rep: text("rep"),
            peer_prefix: text("peer_prefix"),
            team_index: text("team_index").parse()?,
            role: text("role"),
            team_doc: text("team_doc").parse()?,
            plan: text("plan").parse()?,
            book: text("book").parse()?,
            books: v["books"]
                .as_array()
                .map(|a| a.iter().filter_map(|b| b.as_str()?.parse().ok()).collect())
                .unwrap_or_default(),
        })
    }
}

impl ServerProcess {
    /// Starts a server on a free port with a new data directory.
    pub fn start() -> Result<Self, Error> {
        Self::start_in(temp_dir("server"), free_port(), None)
    }

    /// Starts a server with this data directory, port and PWA directory.
    pub fn start_in(data: PathBuf, port: u16, web: Option<PathBuf>) -> Result<Self, Error> {
        let mut s = Self::unstarted(data, port, web);
        s.spawn()?;
        Ok(s)
    }

    fn unstarted(data: PathBuf, port: u16, web: Option<PathBuf>) -> Self {
        ServerProcess {
            child: None,
            data,
            port,
            admin_password: "admin-password-1".into(),
            web,
            extra_args: Vec::new(),
        }
    }

    /// Starts a server with extra `serve` flags (e.g. `--max-frame-bytes 65536`).
    pub fn start_with(args: &[&str]) -> Result<Self, Error> {
        let mut s = Self::unstarted(temp_dir("server"), free_port(), None);
        s.extra_args = args.iter().map(|a| a.to_string()).collect();
        s.spawn()?;
        Ok(s)
    }

    /// Starts a server on a free port with this data directory and extra `serve` flags
    /// (e.g. a data directory another server wrote, now with `--postgres <url>`).
    pub fn start_in_with(data: PathBuf, args: &[&str]) -> Result<Self, Error> {
        let mut s = Self::unstarted(data, free_port(), None);
        s.extra_args = args.iter().map(|a| a.to_string()).collect();
        s.spawn()?;
        Ok(s)
    }

    /// The server process's id while it runs (to read its memory from /proc).
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Waits up to `timeout` for the server to exit on its own; its exit status.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                self.child = None;
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Sends SIGTERM and waits up to `timeout` for the exit; its exit status.
    pub fn terminate(&mut self, timeout: Duration) -> Option<std::process::ExitStatus> {
        let pid = self.pid()?.to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        self.wait_exit(timeout)
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// One sample from `/metrics` (`name` with its labels, e.g.
    /// `fieldbase_storage_seconds_count{op="put"}`); panics when the server does not
    /// report it.
    pub fn metric(&self, name: &str) -> f64 {
        let text = ureq::get(&format!("{}/metrics", self.url()))
            .call()
            .expect("GET /metrics")
            .into_string()
            .expect("the metrics text");
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
            .unwrap_or_else(|| panic!("{name} missing from:\n{text}"))
    }

    /// `ws://127.0.0.1:<port>/sync`.
    pub fn ws_url(&self) -> String {
        format!("ws://127.0.0.1:{}/sync", self.port)
    }

    /// The command line that starts this server (for scripts that restart it).
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(server_binary());
        cmd.arg("--data")
            .arg(&self.data)
            .arg("serve")
            .arg("--addr")
            .arg(format!("127.0.0.1:{}", self.port))
            .env("FIELDBASE_ADMIN_PASSWORD", &self.admin_password)
            .env("RUST_LOG", "warn");
        if let Some(web) = &self.web {
            cmd.arg("--web").arg(web);
        }
        cmd.args(&self.extra_args);
        cmd
    }

    fn spawn(&mut self) -> Result<(), Error> {
        let mut child = self
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| Error::Process(format!("starting fieldbase-server: {e}")))?;
        let stdout = child.stdout.take().expect("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if line.starts_with("Fieldbase is running at") {
                    let _ = tx.send(());
                }
            }
        });
        self.child = Some(child);
        rx.recv_timeout(Duration::from_secs(30)).map_err(|_| {
            Error::Process("fieldbase-server did not report it was listening within 30 s".into())
        })
    }

    /// Stops the server gracefully (SIGTERM) and waits for it.
    pub fn stop(&mut self) -> Result<(), Error> {
        if let Some(mut child) = self.child.take() {
            let pid = child.id().to_string();
            let _ = Command::new("kill").args(["-TERM", &pid]).status();
            let deadline = Instant::now() + Duration::from_secs(20);
            while Instant::now() < deadline {
                if child.try_wait().ok().flatten().is_some() {
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::Process(
                "fieldbase-server ignored SIGTERM for 20 s".into(),
            ));
        }
        Ok(())
    }

    /// Kills the server with SIGKILL, as a crash would.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port and data directory.
    pub fn restart(&mut self) -> Result<(), Error> {
        self.stop()?;
        self.spawn()
    }

    /// Starts the server again after [`ServerProcess::kill9`] or [`ServerProcess::stop`].
    pub fn start_again(&mut self) -> Result<(), Error> {
        if self.child.is_some() {
            return Err(Error::Process("the server is still running".into()));
        }
        self.spawn()
    }

    /// The `--postgres` URL this server was started with, if any.
    pub fn postgres_url(&self) -> Option<&str> {
        let at = self.extra_args.iter().position(|a| a == "--postgres")?;
        self.extra_args.get(at + 1).map(String::as_str)
    }

    /// An admin command of the server binary on this server's database: its data
    /// directory, and its PostgreSQL database (`FIELDBASE_POSTGRES`) when it runs on one.
    fn admin_command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(server_binary());
        cmd.arg("--data").arg(&self.data).args(args);
        match self.postgres_url() {
            Some(url) => cmd.env("FIELDBASE_POSTGRES", url),
            None => cmd.env_remove("FIELDBASE_POSTGRES"),
        };
        cmd
    }

    /// Runs an admin command of the server binary on this server's database (while the
    /// server runs, as an operator would) and returns its standard output.
    pub fn admin(&self, args: &[&str]) -> Result<String, Error> {
        let out = self
            .admin_command(args)
            .output()
            .map_err(|e| Error::Process(e.to_string()))?;
        if !out.status.success() {
            return Err(Error::Process(format!(
                "{args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Runs an admin command that must fail; returns its standard error.
    pub fn admin_fails(&self, args: &[&str]) -> Result<String, Error> {
        let out = self
            .admin_command(args)
            .output()
            .map_err(|e| Error::Process(e.to_string()))?;
        if out.status.success() {
            return Err(Error::Process(format!(
                "{args:?} succeeded: {}",
                String::from_utf8_lossy(&out.stdout)
            )));
        }
        Ok(String::from_utf8_lossy(&out.stderr).into_owned())
    }

    /// `GET /api/me` with a login's token.
    pub fn me(&self, login: &Login) -> Result<Login, Error> {
        let resp = ureq::get(&format!("{}/api/me", self.url()))
            .set("Authorization", &format!("Bearer {}", login.token))
            .call();
        match resp {
            Ok(r) => {
                let v: serde_json::Value = r.into_json().map_err(|e| Error::Http(e.to_string()))?;
                Ok(Login {
                    token: login.token.clone(),
                    ..Login::from_json(&v)?
                })
            }
            Err(ureq::Error::Status(code, _)) => Err(Error::Http(format!("status {code}"))),
            Err(e) => Err(Error::Http(e.to_string())),
        }
    }

    /// `POST /api/clients {"id", "restricted"}`; returns the status code.
    pub fn register_client(
        &self,
        login: &Login,
        id: fieldbase_core::DocumentId,
        restricted: bool,
    ) -> Result<u16, Error> {
        let resp = ureq::post(&format!("{}/api/clients", self.url()))
            .set("Authorization", &format!("Bearer {}", login.token))
            .send_json(serde_json::json!({ "id": id.to_string(), "restricted": restricted }));
        match resp {
            Ok(r) => Ok(r.status()),
            Err(ureq::Error::Status(code, _)) => Ok(code),
            Err(e) => Err(Error::Http(e.to_string())),
        }
    }

    /// Adds a rep with the admin command line while the server runs.
    pub fn add_rep(&self, username: &str, password: &str) -> Result<(), Error> {
        self.admin(&["add-rep", username, "--password", password])
            .map(|_| ())
    }

    /// Logs in; `Err(Error::Http)` carries the status on failure.
    pub fn login(&self, username: &str, password: &str) -> Result<Login, Error> {
        Self::login_at(&self.url(), username, password)
    }

    /// Logs in to the server at `url` (`http://127.0.0.1:<port>`, a trailing `/` is fine).
    pub fn login_at(url: &str, username: &str, password: &str) -> Result<Login, Error> {
        let resp = ureq::post(&format!("{}/api/login", url.trim_end_matches('/')))
            .send_json(serde_json::json!({ "username": username, "password": password }));
        match resp {
            Ok(r) => {
                let v: serde_json::Value = r.into_json().map_err(|e| Error::Http(e.to_string()))?;
                Login::from_json(&v)
            }
            Err(ureq::Error::Status(code, _)) => Err(Error::Http(format!("status {code}"))),
            Err(e) => Err(Error::Http(e.to_string())),
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Adds a rep with `role` through the admin command line (password
/// `<name>-password`) and logs in as him.
pub fn add_rep(server: &ServerProcess, name: &str, role: &str) -> Login {
    let password = format!("{name}-password");
    server
        .admin(&["add-rep", name, "--password", &password, "--role", role])
        .unwrap();
    server.login(name, &password).unwrap()
}

/// Adds a client named `name` to the rep's book (his restricted clients' index),
/// registers it as restricted and syncs it; returns its id.
pub async fn add_restricted(
    server: &ServerProcess,
    login: &Login,
    name: &str,
) -> fieldbase_core::DocumentId {
    let mut r = crate::NativeReplica::on_index(login.clone(), "book", login.book);
    let id = r.add(name, "+420 601 000 777", "").unwrap();
    assert_eq!(server.register_client(login, id, true).unwrap(), 201);
    r.sync(&server.ws_url(), Duration::from_secs(30))
        .await
        .unwrap();
    id
}
