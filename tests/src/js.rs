//! Running the Node scripts of `tests/js/`, which print one JSON line as their verdict.

use std::process::Command;

use crate::{server::temp_dir, workspace_root};

/// Runs `node tests/js/<script>` with `envs`, and returns its JSON verdict; panics with
/// the script's output unless it exited 0 with `"ok": true`.
pub fn run_script(script: &str, envs: &[(&str, String)]) -> serde_json::Value {
    let js = workspace_root().join("tests/js");
    assert!(
        js.join("node_modules/@automerge/automerge-repo").is_dir()
            && js.join("node_modules/playwright-core").is_dir(),
        "tests/js/node_modules is missing: run scripts/setup.sh test"
    );
    // The script's temporary files (Chromium's profiles and scoped directories, which
    // a browser that did not close cleanly leaves behind) go in a directory of its own,
    // removed when it ends.
    let tmp = temp_dir(&format!("node-{}", script.trim_end_matches(".mjs")));
    let out = Command::new("node")
        .current_dir(&js)
        .arg(script)
        .env("TMPDIR", &tmp)
        .envs(envs.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("node runs");
    let _ = std::fs::remove_dir_all(&tmp);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stdout.lines().last().unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(line)
        .unwrap_or_else(|_| panic!("{script} printed {stdout:?}; stderr: {stderr}"));
    assert!(
        out.status.success() && v["ok"] == true,
        "{script} failed: {v}\nstderr: {stderr}"
    );
    v
}
