//! Every screen of the PWA in headless Chromium against the real server with a seeded
//! base (`tests/js/screens.mjs`): each opens and shows its content at phone and desktop
//! size, axe-core finds no serious or critical accessibility violation, and the
//! screenshots in docs/screenshots/ are rewritten from this run.

use std::time::Duration;

use fieldbase_tests::{
    NativeReplica, ServerProcess,
    js::run_script,
    seed,
    server::{free_port, temp_dir},
    workspace_root,
};

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_opens_passes_axe_and_is_photographed() {
    let web = workspace_root().join("web/dist");
    assert!(
        web.join("index.html").is_file(),
        "web/dist is not built: run scripts/build-web.sh (scripts/test.sh does)"
    );
    let server = ServerProcess::start_in(temp_dir("screens"), free_port(), Some(web)).unwrap();
    // A rep besides the admin (a head of sales), to check that the plan is read-only
    // for him.
    server.add_rep("boris", "boris-password-1").unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let (team_doc, plan) = (login.team_doc, login.plan);
    let mut replica = NativeReplica::new(login, "seed");
    replica.base.set_team_docs(team_doc, plan);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    seed::fill(&mut replica, "admin", 30, now);
    let head = fieldbase_core::Author {
        who: "admin/seed".into(),
        at: now,
    };
    for (login, name, role) in [
        ("admin", "Alena Adamová", fieldbase_core::Role::Head),
        ("boris", "Boris Berg", fieldbase_core::Role::Rep),
    ] {
        let manager = fieldbase_core::Manager {
            name: name.into(),
            role,
            calls_per_day: 25,
            ..Default::default()
        };
        replica
            .base
            .put_team_entity(login, &manager, &head)
            .unwrap();
    }
    let ids = replica.base.doc_ids();
    replica.sync.touched(&replica.base, &ids);
    replica
        .sync(&server.ws_url(), Duration::from_secs(120))
        .await
        .unwrap();
    let shots = workspace_root().join("docs/screenshots");
    let verdict = run_script(
        "screens.mjs",
        &[
            ("FB_URL", server.url()),
            ("FB_USER", "admin".into()),
            ("FB_PASSWORD", server.admin_password.clone()),
            ("FB_USER2", "boris".into()),
            ("FB_PASSWORD2", "boris-password-1".into()),
            ("FB_SHOTS", shots.display().to_string()),
        ],
    );
    assert_eq!(
        verdict["seen"].as_object().map(|o| o.len()),
        Some(14),
        "seven screens at two sizes: {verdict}"
    );
    assert_eq!(verdict["views"]["saved"], true, "{verdict}");
    assert_eq!(verdict["views"]["filteredAfterReload"], true, "{verdict}");
    assert_eq!(verdict["views"]["deleted"], true, "{verdict}");
    assert_eq!(verdict["plan"]["headEdits"], true, "{verdict}");
    assert_eq!(verdict["plan"]["repReadOnly"], true, "{verdict}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_day_at_the_booth_offline_with_a_colleague_and_a_conflict() {
    let web = workspace_root().join("web/dist");
    assert!(
        web.join("index.html").is_file(),
        "web/dist is not built: run scripts/build-web.sh (scripts/test.sh does)"
    );
    let server = ServerProcess::start_in(temp_dir("field-day"), free_port(), Some(web)).unwrap();
    server.add_rep("boris", "boris-password-1").unwrap();
    let shots = workspace_root().join("docs/screenshots");
    let verdict = run_script(
        "field-day.mjs",
        &[
            ("FB_URL", server.url()),
            ("FB_USER", "admin".into()),
            ("FB_PASSWORD", server.admin_password.clone()),
            ("FB_USER2", "boris".into()),
            ("FB_PASSWORD2", "boris-password-1".into()),
            ("FB_SHOTS", shots.display().to_string()),
        ],
    );
    eprintln!("field-day: {verdict}");
    assert_eq!(verdict["leads"], 20, "{verdict}");
    assert_eq!(verdict["engine_worker"], true, "{verdict}");
    assert_eq!(verdict["records"], 2, "{verdict}");
    // And the server has all twenty.
    let login = server.login("boris", "boris-password-1").unwrap();
    let mut probe = NativeReplica::new(login, "probe");
    probe
        .sync(&server.ws_url(), Duration::from_secs(60))
        .await
        .unwrap();
    let booth = probe
        .base
        .clients()
        .into_iter()
        .filter(|c| c.name.starts_with("Booth "))
        .count();
    assert_eq!(booth, 20);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_restricted_offline_is_registered_before_it_syncs() {
    let web = workspace_root().join("web/dist");
    assert!(
        web.join("index.html").is_file(),
        "web/dist is not built: run scripts/build-web.sh (scripts/test.sh does)"
    );
    let server = ServerProcess::start_in(temp_dir("restrict"), free_port(), Some(web)).unwrap();
    server.add_rep("anna", "anna-password-1").unwrap();
    server.add_rep("boris", "boris-password-1").unwrap();
    let verdict = run_script(
        "restrict.mjs",
        &[
            ("FB_URL", server.url()),
            ("FB_USER", "anna".into()),
            ("FB_PASSWORD", "anna-password-1".into()),
            (
                "FB_SHOTS",
                workspace_root()
                    .join("docs/screenshots")
                    .display()
                    .to_string(),
            ),
        ],
    );
    let id = |k: &str| -> fieldbase_core::DocumentId {
        verdict[k]
            .as_str()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no {k} id: {verdict}"))
    };
    let (open, secret) = (id("open"), id("secret"));
    // Her colleague asks for both: the open client comes, the restricted one is refused
    // exactly like an unknown id.
    let login = server.login("boris", "boris-password-1").unwrap();
    let mut boris = NativeReplica::new(login, "probe");
    boris.want(open);
    boris.want(secret);
    boris
        .sync(&server.ws_url(), Duration::from_secs(60))
        .await
        .unwrap();
    assert!(boris.has_data(open), "the open client reaches a colleague");
    assert!(!boris.has_data(secret), "the restricted client does not");
    assert!(boris.unavailable.contains(&secret));
    // And she still has it.
    let login = server.login("anna", "anna-password-1").unwrap();
    let mut anna = NativeReplica::new(login, "probe");
    anna.want(secret);
    anna.sync(&server.ws_url(), Duration::from_secs(60))
        .await
        .unwrap();
    assert!(anna.has_data(secret));
}
