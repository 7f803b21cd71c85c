//! Interop: the npm `@automerge/automerge-repo` 2.5.6 client (run by Node) and our
//! server sync client documents both ways.

use std::time::Duration;

use fieldbase_tests::{NativeReplica, ServerProcess, js::run_script};

const T: Duration = Duration::from_secs(30);

fn run_js(server: &ServerProcess, expect: Option<&str>, create: Option<&str>) -> serde_json::Value {
    let mut envs = vec![
        ("FB_URL", server.url()),
        ("FB_USER", "admin".to_string()),
        ("FB_PASSWORD", server.admin_password.clone()),
    ];
    if let Some(name) = expect {
        envs.push(("FB_EXPECT_CLIENT", name.to_string()));
    }
    if let Some(name) = create {
        envs.push(("FB_NEW_CLIENT", name.to_string()));
    }
    run_script("interop.mjs", &envs)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_js_automerge_repo_client_syncs_both_ways() {
    let server = ServerProcess::start().unwrap();
    let mut rust = NativeReplica::new(
        server.login("admin", &server.admin_password).unwrap(),
        "rust",
    );
    let ours = rust
        .add("Made in Rust a.s.", "+420 777 000 111", "rust@example.cz")
        .unwrap();
    rust.sync(&server.ws_url(), T).await.unwrap();

    // JS reads our client document and creates one of its own.
    let v = run_js(
        &server,
        Some("Made in Rust a.s."),
        Some("Feito em JS Ltda."),
    );
    assert_eq!(
        v["found"],
        ours.to_string(),
        "JS found our document by its id"
    );
    let theirs: fieldbase_core::DocumentId = v["created"].as_str().unwrap().parse().unwrap();

    // We see the JS client's document, card and index entry.
    rust.sync(&server.ws_url(), T).await.unwrap();
    let card = rust
        .base
        .client(theirs)
        .expect("the JS-created client arrived");
    assert_eq!(card.name, "Feito em JS Ltda.");
    assert_eq!(card.phone, "+420601123456");
    assert!(
        rust.base
            .doc(theirs)
            .is_some_and(|d| !d.get_heads().is_empty()),
        "the client document itself"
    );

    // And a second JS run, with a new peer, finds what JS created before.
    run_js(&server, Some("Feito em JS Ltda."), None);
}
