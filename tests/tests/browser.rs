//! The PWA in a real headless Chromium (Playwright, `tests/js/browser-e2e.mjs`) against
//! the real server: log in, add a client, kill the server, reload with no server (the
//! service worker opens the app, IndexedDB still has the client, the status says
//! offline), add a client offline, start the server again: synced, nothing pending, and
//! a native replica sees both clients. Then two tabs editing offline at once
//! (`browser-tabs.mjs`).

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Duration,
};

use fieldbase_tests::{
    NativeReplica, ServerProcess,
    js::run_script,
    server::{free_port, server_binary, temp_dir},
    workspace_root,
};

/// A server started by shell commands (so that the Node script can stop and start it),
/// tracked through a pid file.
struct ShellServer {
    start: String,
    stop: String,
    pidfile: PathBuf,
    port: u16,
}

impl ShellServer {
    fn new(data: &Path, web: &Path, password: &str) -> Self {
        let port = free_port();
        let pidfile = data.join("server.pid");
        let start = format!(
            "FIELDBASE_ADMIN_PASSWORD='{password}' RUST_LOG=warn '{bin}' --data '{data}' serve \
             --addr 127.0.0.1:{port} --web '{web}' >> '{data}/server.log' 2>&1 < /dev/null & \
             echo $! > '{pid}'; \
             for i in $(seq 1 200); do (echo > /dev/tcp/127.0.0.1/{port}) 2>/dev/null && exit 0; sleep 0.05; done; exit 1",
            bin = server_binary().display(),
            data = data.display(),
            web = web.display(),
            pid = pidfile.display(),
        );
        // kill -9: the browser saw its changes acknowledged, so they must survive a crash.
        let stop = format!(
            "pid=$(cat '{pid}'); kill -9 $pid; while kill -0 $pid 2>/dev/null; do sleep 0.05; done",
            pid = pidfile.display()
        );
        // The hooks run under whatever shell Node picks: make them bash scripts.
        let script = |name: &str, body: &str| {
            let path = data.join(name);
            std::fs::write(&path, format!("#!/usr/bin/env bash\n{body}\n")).expect("write hook");
            format!("bash '{}'", path.display())
        };
        ShellServer {
            start: script("start.sh", &start),
            stop: script("stop.sh", &stop),
            pidfile,
            port,
        }
    }

    fn run(cmd: &str) {
        let ok = Command::new("bash")
            .arg("-c")
            .arg(cmd)
            .status()
            .expect("bash runs")
            .success();
        assert!(ok, "{cmd} failed");
    }
}

impl Drop for ShellServer {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(&self.pidfile) {
            let _ = Command::new("kill").args(["-9", pid.trim()]).status();
        }
    }
}

fn web_dist() -> PathBuf {
    let web = workspace_root().join("web/dist");
    assert!(
        web.join("index.html").is_file() && web.join("sw.js").is_file(),
        "web/dist is not built: run scripts/build-web.sh (scripts/test.sh does)"
    );
    web
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pwa_works_offline_and_syncs_when_the_server_returns() {
    let web = web_dist();
    let data = temp_dir("browser");
    let password = "browser-password-1";
    let server = ShellServer::new(&data, &web, password);
    ShellServer::run(&server.start);
    let url = format!("http://127.0.0.1:{}/", server.port);
    let name = format!("Browser E2E {:04x}", rand::random::<u16>());
    let shots = workspace_root().join("docs/screenshots");

    let v = run_script(
        "browser-e2e.mjs",
        &[
            ("FB_URL", url.clone()),
            ("FB_USER", "admin".into()),
            ("FB_PASSWORD", password.into()),
            ("FB_STOP_CMD", server.stop.clone()),
            ("FB_START_CMD", server.start.clone()),
            ("FB_CLIENT_NAME", name.clone()),
            ("FB_SHOTS", shots.display().to_string()),
        ],
    );
    assert_eq!(
        v["relogin"], false,
        "our server keeps sessions across a restart: {v}"
    );

    // A native replica sees what the browser added, online and offline.
    let probe = ServerProcess::login_at(&url, "admin", password).unwrap();
    let mut native = NativeReplica::new(probe, "probe");
    native
        .sync(
            &format!("ws://127.0.0.1:{}/sync", server.port),
            Duration::from_secs(30),
        )
        .await
        .unwrap();
    for n in [name.clone(), format!("{name} (offline)")] {
        assert!(
            native.id_of(&n).is_some(),
            "{n} reached the server: {:?}",
            native.base.clients()
        );
    }

    // Two tabs of one browser, offline at once, lose nothing.
    run_script(
        "browser-tabs.mjs",
        &[
            ("FB_URL", url.clone()),
            ("FB_USER", "admin".into()),
            ("FB_PASSWORD", password.into()),
            ("FB_STOP_CMD", server.stop.clone()),
            ("FB_START_CMD", server.start.clone()),
        ],
    );
}

/// A copy of the built app whose service worker is a new version (a different version
/// string: the browser sees a new worker, as after a deploy).
fn next_version(web: &Path) -> PathBuf {
    let dir = temp_dir("web-v2");
    for entry in walk(web) {
        let rel = entry.strip_prefix(web).unwrap();
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let sw = dir.join("sw.js");
    let text = std::fs::read_to_string(&sw).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("const VERSION = "))
        .expect("sw.js has its version line")
        .to_owned();
    std::fs::write(
        &sw,
        text.replace(
            &line,
            "const VERSION = \"next-version-for-the-update-test\";",
        ),
    )
    .unwrap();
    dir
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_version_is_offered_and_loses_no_local_edit() {
    let web = web_dist();
    let data = temp_dir("browser-update");
    let password = "browser-password-2";
    let server = ShellServer::new(&data, &web, password);
    ShellServer::run(&server.start);
    // The same server on the same data and port, serving the next version of the app.
    let v2 = next_version(&web);
    let start2 = data.join("start2.sh");
    let script = std::fs::read_to_string(data.join("start.sh")).unwrap();
    std::fs::write(
        &start2,
        script.replace(&web.display().to_string(), &v2.display().to_string()),
    )
    .unwrap();
    let url = format!("http://127.0.0.1:{}/", server.port);
    let name = format!("Offline before the update {:04x}", rand::random::<u16>());
    let v = run_script(
        "update.mjs",
        &[
            ("FB_URL", url.clone()),
            ("FB_USER", "admin".into()),
            ("FB_PASSWORD", password.into()),
            ("FB_STOP_CMD", server.stop.clone()),
            ("FB_START2_CMD", format!("bash '{}'", start2.display())),
            ("FB_CLIENT_NAME", name.clone()),
            (
                "FB_SHOTS",
                workspace_root()
                    .join("docs/screenshots")
                    .display()
                    .to_string(),
            ),
        ],
    );
    assert_ne!(v["v1"], v["v2"], "{v}");
    // The client typed under version 1 reached the server through version 2.
    let probe = ServerProcess::login_at(&url, "admin", password).unwrap();
    let mut native = NativeReplica::new(probe, "probe");
    native
        .sync(
            &format!("ws://127.0.0.1:{}/sync", server.port),
            Duration::from_secs(30),
        )
        .await
        .unwrap();
    assert!(native.id_of(&name).is_some(), "{name} reached the server");
}
