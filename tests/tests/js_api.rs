//! The JavaScript API of fieldbase-core (feature `js`), built to wasm by
//! scripts/build-js-api.sh and used from Node by tests/js/core-api.mjs.

use fieldbase_tests::{js::run_script, workspace_root};

#[test]
fn node_uses_the_core_through_its_javascript_api() {
    let dir = std::env::var("FB_JS_API")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target/js-api"));
    assert!(
        dir.join("fieldbase_core.js").is_file(),
        "{} has no build of the JavaScript API: run scripts/build-js-api.sh (scripts/test.sh does)",
        dir.display()
    );
    let verdict = run_script("core-api.mjs", &[("FB_JS_API", dir.display().to_string())]);
    assert_eq!(verdict["clients"], 2);
}
