//! `serve --config <file.toml>`: precedence (flags > environment > file > defaults), a
//! real start from a file, and bad files; and a graceful shutdown (SIGTERM) in the middle
//! of an upload exits 0 having kept everything it acknowledged, on both backends.

use std::{
    process::Command,
    time::{Duration, Instant},
};

use fieldbase_core::automerge::ReadDoc;
use fieldbase_tests::{
    Backend, LiveSession, NativeReplica, ServerProcess,
    server::{server_binary, temp_dir},
};

const T: Duration = Duration::from_secs(60);

fn write_config(text: &str) -> std::path::PathBuf {
    let path = temp_dir("config").join("fieldbase.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `serve --print-config` with these arguments and environment variables.
fn resolved(args: &[&str], env: &[(&str, &str)]) -> Result<String, String> {
    let mut cmd = Command::new(server_binary());
    cmd.arg("serve").args(args).arg("--print-config");
    for var in [
        "FIELDBASE_DATA",
        "FIELDBASE_ADDR",
        "FIELDBASE_CONFIG",
        "FIELDBASE_PING_SECONDS",
        "FIELDBASE_MAX_FRAME_BYTES",
        "FIELDBASE_POSTGRES",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().unwrap();
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(" = "))
        .unwrap_or_else(|| panic!("{key} missing from:\n{text}"))
}

#[test]
fn flags_win_over_environment_over_file_over_defaults() {
    let file = write_config(
        "addr = \"127.0.0.1:7001\"\nping_seconds = 7\nmax_frame_bytes = 1000\n\
         dead_after_seconds = 33\ndata = \"/srv/from-file\"\npostgres = \"postgres://fb:s3cret@db/fb\"\n\
         unload_idle_seconds = 5\n",
    );
    let file = file.to_str().unwrap();
    let out = resolved(
        &["--config", file, "--max-frame-bytes", "2000"],
        &[
            ("FIELDBASE_MAX_FRAME_BYTES", "3000"),
            ("FIELDBASE_PING_SECONDS", "9"),
        ],
    )
    .unwrap();
    assert_eq!(value(&out, "max_frame_bytes"), "2000", "flag > env > file");
    assert_eq!(value(&out, "ping_seconds"), "9", "env > file");
    assert_eq!(value(&out, "addr"), "\"127.0.0.1:7001\"", "file > default");
    assert_eq!(value(&out, "dead_after_seconds"), "33", "file > default");
    assert_eq!(value(&out, "unload_idle_seconds"), "5", "file > default");
    assert_eq!(value(&out, "data"), "\"/srv/from-file\"");
    assert_eq!(
        value(&out, "max_connections_per_login"),
        "20",
        "the default"
    );
    assert_eq!(
        value(&out, "postgres"),
        "\"postgres://fb:***@db/fb\"",
        "passwords are not printed"
    );

    // The global --data flag and FIELDBASE_CONFIG work too.
    let out = resolved(
        &["--addr", "127.0.0.1:7002"],
        &[("FIELDBASE_CONFIG", file), ("FIELDBASE_DATA", "/srv/env")],
    )
    .unwrap();
    assert_eq!(value(&out, "data"), "\"/srv/env\"");
    assert_eq!(value(&out, "addr"), "\"127.0.0.1:7002\"");
    assert_eq!(value(&out, "ping_seconds"), "7");

    // No file: the defaults.
    let out = resolved(&[], &[]).unwrap();
    assert_eq!(value(&out, "addr"), "\"127.0.0.1:8080\"");
    assert_eq!(value(&out, "ping_seconds"), "20");
    assert_eq!(value(&out, "unload_idle_seconds"), "30");
    let out = resolved(&[], &[("FIELDBASE_UNLOAD_IDLE_SECONDS", "0")]).unwrap();
    assert_eq!(value(&out, "unload_idle_seconds"), "0", "0: never unload");
}

#[test]
fn a_bad_file_names_the_line_and_the_key() {
    let file = write_config("addr = \"127.0.0.1:7001\"\n# a comment\nmax_frame_byte = 5\n");
    let err = resolved(&["--config", file.to_str().unwrap()], &[]).unwrap_err();
    assert!(
        err.contains("line 3, key `max_frame_byte`: unknown field"),
        "{err}"
    );
    let file = write_config("ping_seconds = \"often\"\n");
    let err = resolved(&["--config", file.to_str().unwrap()], &[]).unwrap_err();
    assert!(
        err.contains("line 1, key `ping_seconds`: invalid type"),
        "{err}"
    );
    let err = resolved(&["--config", "/nonexistent/fieldbase.toml"], &[]).unwrap_err();
    assert!(err.contains("/nonexistent/fieldbase.toml"), "{err}");
}

/// A real server started with a file: its `max_connections_per_login = 1` is in force.
#[tokio::test(flavor = "multi_thread")]
async fn a_server_runs_with_the_options_of_its_file() {
    let file = write_config("max_connections_per_login = 1\n");
    let server = ServerProcess::start_with(&["--config", file.to_str().unwrap()]).unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut first = NativeReplica::new(login.clone(), "phone");
    let live = LiveSession::open(&mut first, &server.ws_url(), T)
        .await
        .unwrap();
    let mut second = NativeReplica::new(login, "laptop");
    let refused = second.sync(&server.ws_url(), T).await.unwrap_err();
    assert!(refused.to_string().contains("429"), "{refused}");
    live.close(&mut first).await;
}

/// SIGTERM during an upload: the server stops at once with code 0, having flushed; after
/// a restart every change it acknowledged is there, and the rest uploads again.
#[tokio::test(flavor = "multi_thread")]
async fn sigterm_mid_upload_exits_cleanly_and_keeps_what_it_acknowledged() {
    for backend in Backend::both().unwrap() {
        let name = backend.name();
        let mut server = backend.start_server(&[]).unwrap();
        let login = server.login("admin", &server.admin_password).unwrap();
        let mut anna = NativeReplica::new(login.clone(), "phone");
        let mut live = LiveSession::open(&mut anna, &server.ws_url(), T)
            .await
            .unwrap();
        let ids: Vec<_> = (0..300)
            .map(|n| anna.add(&format!("Upload {n:03}"), "", "").unwrap())
            .collect();
        // Send it all, wait until the server has acknowledged some of it, then SIGTERM.
        let _ = live
            .until(&mut anna, T, |r| {
                ids.iter()
                    .filter(|&&id| !r.sync.acked_heads(id).is_empty())
                    .count()
                    >= 20
            })
            .await;
        let asked = Instant::now();
        let status = server
            .terminate(Duration::from_secs(20))
            .expect("the server stops on SIGTERM");
        let took = asked.elapsed();
        assert!(status.success(), "{name}: exit status {status}");
        println!("{name}: SIGTERM mid-upload: exited 0 in {took:?}");
        let _ = live
            .until(&mut anna, Duration::from_secs(5), |_| false)
            .await;
        anna.sync.disconnected();
        let acked: Vec<_> = anna
            .base
            .doc_ids()
            .into_iter()
            .map(|id| (id, anna.sync.acked_heads(id).to_vec()))
            .filter(|(_, h)| !h.is_empty())
            .collect();
        assert!(acked.len() >= 20, "{name}");

        server.start_again().unwrap();
        let mut checker = NativeReplica::new(login.clone(), "checker");
        for (id, _) in &acked {
            checker.base.doc_or_empty(*id);
        }
        checker.sync(&server.ws_url(), T).await.unwrap();
        for (id, heads) in &acked {
            for h in heads {
                assert!(
                    checker
                        .base
                        .doc(*id)
                        .is_some_and(|d| d.get_change_by_hash(h).is_some()),
                    "{name}: an acknowledged change of {id} is gone after a graceful stop"
                );
            }
        }
        anna.sync(&server.ws_url(), T).await.unwrap();
        let mut fresh = NativeReplica::new(login, "fresh");
        fresh.sync(&server.ws_url(), T).await.unwrap();
        assert_eq!(fresh.base.clients().len(), 300, "{name}");
        server.stop().unwrap();
    }
}
