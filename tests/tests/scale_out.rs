//! Scale-out: two real server processes, each with its own data directory, over one
//! throw-away PostgreSQL serve one team. A change accepted by one instance reaches a rep
//! connected to the other within a second, both ways, and an instance killed with -9
//! loses nothing the other serves; accounts, sessions and rules are shared: a login on
//! one works on the other, and a revoke, a hand-over, a restriction or a registration
//! made through one holds on the other within a second.

use std::time::{Duration, Instant};

use fieldbase_core::{ClientPatch, DocumentId};
use fieldbase_tests::{
    Backend, Ended, LiveSession, Login, NativeReplica, ServerProcess,
    server::server_binary,
    server::temp_dir,
    server::{add_rep, add_restricted},
};

const T: Duration = Duration::from_secs(30);

/// A fresh replica of `login` that asks `server` for `id` once: whether it was refused
/// (`doc-unavailable`, no data).
async fn refused(server: &ServerProcess, login: &Login, id: DocumentId) -> bool {
    let mut r = NativeReplica::new(login.clone(), "probe");
    r.want(id);
    r.sync(&server.ws_url(), T).await.unwrap();
    !r.has_data(id) && r.unavailable.contains(&id)
}

/// `login` stays connected to `server` for `duration`, asking for `id`: when its card
/// arrived, if it did.
fn wait_for_card(
    server: &ServerProcess,
    login: &Login,
    id: DocumentId,
    duration: Duration,
) -> tokio::task::JoinHandle<Option<Instant>> {
    let url = server.ws_url();
    let mut r = NativeReplica::new(login.clone(), "live");
    r.want(id);
    tokio::spawn(async move {
        let mut got = None;
        r.session(&url, duration, |base| {
            if got.is_none() && base.client(id).is_some() {
                got = Some(Instant::now());
            }
        })
        .await
        .unwrap();
        got
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_over_one_postgres_serve_one_team() {
    let backend = Backend::postgres().unwrap();
    let mut one = backend.start_server(&[]).unwrap();
    // A data directory of its own: the accounts are in PostgreSQL.
    let two = backend.start_server(&[]).unwrap();
    assert_ne!(one.data, two.data);
    one.add_rep("boris", "boris-password").unwrap();

    let mut anna = NativeReplica::new(one.login("admin", &one.admin_password).unwrap(), "phone");
    let mut boris = NativeReplica::new(two.login("boris", "boris-password").unwrap(), "laptop");
    let shared = anna
        .add("Shared across instances", "+420 601 000 001", "")
        .unwrap();
    let mut a = LiveSession::open(&mut anna, &one.ws_url(), T)
        .await
        .unwrap();
    let mut b = LiveSession::open(&mut boris, &two.ws_url(), T)
        .await
        .unwrap();
    assert_eq!(
        boris.base.client(shared).map(|c| c.name),
        Some("Shared across instances".to_string()),
        "instance 2 serves what instance 1 stored"
    );

    // Anna edits on instance 1; Boris, connected to instance 2, receives it.
    let mut latencies = Vec::new();
    for n in 0..5 {
        let email = format!("round{n}@anna.cz");
        anna.edit(
            shared,
            &ClientPatch {
                email: Some(email.clone()),
                ..Default::default()
            },
        )
        .unwrap();
        let start = Instant::now();
        a.push(&mut anna).await.unwrap();
        b.until(&mut boris, T, |r| {
            r.base.client(shared).is_some_and(|c| c.email == email)
        })
        .await
        .unwrap();
        latencies.push(start.elapsed());
        a.settle(&mut anna, T).await.unwrap();
    }
    println!("instance 1 → rep on instance 2: {latencies:?}");
    for l in &latencies {
        assert!(
            *l < Duration::from_secs(1),
            "a change took {l:?} to reach the other instance's rep"
        );
    }

    // Boris edits back on instance 2; Anna, on instance 1, receives it.
    boris
        .edit(
            shared,
            &ClientPatch {
                phone: Some("+420 601 222 333".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let start = Instant::now();
    b.push(&mut boris).await.unwrap();
    a.until(&mut anna, T, |r| {
        r.base
            .client(shared)
            .is_some_and(|c| c.phone == "+420601222333")
    })
    .await
    .unwrap();
    let back = start.elapsed();
    println!("instance 2 → rep on instance 1: {back:?}");
    assert!(back < Duration::from_secs(1), "took {back:?}");
    b.settle(&mut boris, T).await.unwrap();

    // An edit instance 1 acknowledged, then instance 1 dies: instance 2 still serves it.
    anna.edit(
        shared,
        &ClientPatch {
            name: Some("Acknowledged before the crash".into()),
            ..Default::default()
        },
    )
    .unwrap();
    a.settle(&mut anna, T).await.unwrap();
    assert_eq!(anna.sync.status(&anna.base).pending_changes, 0);
    one.kill9();
    a.close(&mut anna).await;
    b.close(&mut boris).await;

    let mut fresh = NativeReplica::new(two.login("admin", &two.admin_password).unwrap(), "pc");
    fresh.sync(&two.ws_url(), T).await.unwrap();
    let card = fresh.base.client(shared).unwrap();
    assert_eq!(card.name, "Acknowledged before the crash");
    assert_eq!(card.phone, "+420601222333");
    assert_eq!(card.email, "round4@anna.cz");
    // Anna moves to instance 2 and converges with everyone.
    anna.sync(&two.ws_url(), T).await.unwrap();
    boris.sync(&two.ws_url(), T).await.unwrap();
    assert_eq!(anna.base.summaries(), fresh.base.summaries());
    assert_eq!(boris.base.summaries(), fresh.base.summaries());
}

/// The listening connection drops (terminated by PostgreSQL): notifications sent while it
/// is gone are lost, so after reconnecting an instance reloads the documents it holds. A
/// change stored in that window still reaches the rep connected to the other instance.
#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_while_the_listener_was_down_still_arrives() {
    let backend = Backend::postgres().unwrap();
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    let one = backend.start_server(&[]).unwrap();
    let two = backend.start_server(&[]).unwrap();
    let login = one.login("admin", &one.admin_password).unwrap();
    let mut anna = NativeReplica::new(login.clone(), "phone");
    let mut boris = NativeReplica::new(login, "laptop");
    let shared = anna.add("Listener gap s.r.o.", "", "").unwrap();
    let mut a = LiveSession::open(&mut anna, &one.ws_url(), T)
        .await
        .unwrap();
    let mut b = LiveSession::open(&mut boris, &two.ws_url(), T)
        .await
        .unwrap();
    assert!(boris.base.client(shared).is_some());

    let listening = "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN fieldbase_chunks'";
    assert_eq!(
        cluster.psql(listening).unwrap(),
        "2",
        "both instances listen"
    );
    let ended = cluster
        .psql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
             WHERE query = 'LISTEN fieldbase_chunks'",
        )
        .unwrap();
    assert_eq!(ended, "2");
    anna.edit(
        shared,
        &ClientPatch {
            email: Some("gap@anna.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    a.settle(&mut anna, T).await.unwrap();
    assert_eq!(
        cluster.psql(listening).unwrap(),
        "0",
        "the change was stored while no instance listened"
    );
    let start = Instant::now();
    b.until(&mut boris, Duration::from_secs(10), |r| {
        r.base
            .client(shared)
            .is_some_and(|c| c.email == "gap@anna.cz")
    })
    .await
    .unwrap();
    println!(
        "arrived {:?} after the edit was acknowledged",
        start.elapsed()
    );
    assert_eq!(cluster.psql(listening).unwrap(), "2", "both listen again");
    a.close(&mut anna).await;
    b.close(&mut boris).await;
}

/// Accounts, sessions and rules live in PostgreSQL: a token issued by instance 1 works on
/// instance 2, and a registration, a restriction, a hand-over and a revoke made through
/// instance 1 or the admin command line hold on instance 2 within a second, also for
/// connections that are open there.
#[tokio::test(flavor = "multi_thread")]
async fn logins_and_rules_made_on_one_instance_hold_on_the_other() {
    let backend = Backend::postgres().unwrap();
    let one = backend.start_server(&[]).unwrap();
    let two = backend.start_server(&[]).unwrap();
    let anna = add_rep(&one, "anna", "key_account_manager");
    let carl = add_rep(&one, "carl", "rep");
    let dana = add_rep(&one, "dana", "rep");

    // Logged in on 1, known on 2 (the API and the sync socket).
    assert_eq!(two.me(&anna).unwrap().rep, "anna");
    let mut r = NativeReplica::new(anna.clone(), "tablet");
    r.sync(&two.ws_url(), T).await.unwrap();
    assert_eq!(
        two.login("carl", "carl-password").unwrap().team_index,
        carl.team_index
    );

    // Pushed to 1 without `POST /api/clients` (a JS client): registered to Anna there by
    // the push, and known as hers on 2, so Carl, who edits it through 2, cannot take it.
    let mut js = NativeReplica::new(anna.clone(), "js");
    let pushed = js.add("Pushed only s.r.o.", "", "").unwrap();
    js.sync(&one.ws_url(), T).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut c = NativeReplica::new(carl.clone(), "phone");
    c.sync(&two.ws_url(), T).await.unwrap();
    c.edit(
        pushed,
        &ClientPatch {
            email: Some("carl@edits.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.sync(&two.ws_url(), T).await.unwrap();
    assert_eq!(two.register_client(&carl, pushed, true).unwrap(), 409);
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    assert_eq!(
        cluster
            .psql(&format!(
                "SELECT owner || ' ' || restricted FROM documents WHERE doc_id = '{pushed}'"
            ))
            .unwrap(),
        "anna false"
    );

    // Registered restricted through 1: refused to a colleague on 2, who cannot take it.
    let key = add_restricted(&one, &anna, "Shared rules a.s.").await;
    assert!(refused(&two, &carl, key).await);
    assert_eq!(two.register_client(&carl, key, false).unwrap(), 409);

    // Carl waits on 2 for it; Anna shares it through 1: his request is answered.
    let waiting = wait_for_card(&two, &carl, key, Duration::from_secs(4));
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(one.register_client(&anna, key, false).unwrap(), 200);
    let shared_at = Instant::now();
    let got = waiting.await.unwrap().expect("the restriction was lifted");
    let after = got.saturating_duration_since(shared_at);
    println!("restriction lifted on 1 → card on 2 after {after:?}");
    assert!(after < Duration::from_secs(1), "took {after:?}");

    // Restricted again through 1: a new connection to 2 gets nothing.
    assert_eq!(one.register_client(&anna, key, true).unwrap(), 200);
    assert!(refused(&two, &dana, key).await);

    // A hand-over by the admin command line: Dana, waiting on 2, gets it.
    let waiting = wait_for_card(&two, &dana, key, Duration::from_secs(4));
    tokio::time::sleep(Duration::from_millis(1000)).await;
    one.admin(&[
        "hand-over",
        "--from",
        "anna",
        "--to",
        "dana",
        "--start",
        "2020-01-01",
        "--end",
        "2099-01-01",
    ])
    .unwrap();
    let handed_at = Instant::now();
    let got = waiting.await.unwrap().expect("the hand-over opened it");
    let after = got.saturating_duration_since(handed_at);
    println!("hand-over by the admin command → card on 2 after {after:?}");
    assert!(after < Duration::from_secs(1), "took {after:?}");

    // A revoke by the admin command line closes Dana's connection to 2.
    let url = two.ws_url();
    let mut d = NativeReplica::new(dana.clone(), "phone");
    let live = tokio::spawn(async move {
        d.session(&url, Duration::from_secs(10), |_| {})
            .await
            .unwrap()
    });
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        one.admin(&["revoke", "dana"]).unwrap().trim(),
        "revoked 1 session(s) of dana"
    );
    let revoked_at = Instant::now();
    let Ended::Closed(closed_at) = live.await.unwrap() else {
        panic!("the revoked rep's connection to instance 2 stayed open");
    };
    let after = closed_at.saturating_duration_since(revoked_at);
    println!("revoke by the admin command → connection on 2 closed after {after:?}");
    assert!(
        after < Duration::from_secs(1),
        "closed {after:?} after the revoke"
    );
    assert!(two.me(&dana).is_err() && one.me(&dana).is_err());
    assert!(two.login("dana", "dana-password").is_err());
}

/// Two instances started at the same moment on an empty database: one team, one first
/// user, both instances serving them.
#[tokio::test(flavor = "multi_thread")]
async fn two_instances_starting_at_once_create_one_team_and_one_admin() {
    let backend = Backend::postgres().unwrap();
    let (one, two) = std::thread::scope(|s| {
        let a = s.spawn(|| backend.start_server(&[]).unwrap());
        let b = s.spawn(|| backend.start_server(&[]).unwrap());
        (a.join().unwrap(), b.join().unwrap())
    });
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    assert_eq!(cluster.psql("SELECT count(*) FROM teams").unwrap(), "1");
    assert_eq!(cluster.psql("SELECT count(*) FROM reps").unwrap(), "1");
    let a = one.login("admin", &one.admin_password).unwrap();
    let b = two.login("admin", &two.admin_password).unwrap();
    assert_eq!((a.team_index, a.plan), (b.team_index, b.plan));
}

/// `backup` with `--postgres` takes a snapshot in the SQLite backup format; `restore`
/// puts it into an empty PostgreSQL database (and refuses one with data), or into a data
/// directory for a SQLite server. Both serve the same accounts, rules and documents.
#[tokio::test(flavor = "multi_thread")]
async fn a_postgres_backup_restores_into_postgres_and_into_sqlite() {
    let backend = Backend::postgres().unwrap();
    let server = backend.start_server(&[]).unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let anna = add_rep(&server, "anna", "rep");
    let carl = add_rep(&server, "carl", "rep");
    let key = add_restricted(&server, &anna, "Backed up a.s.").await;
    let mut h = NativeReplica::new(head, "pc");
    let shared = h.add("Shared and backed up", "", "").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();

    let file = temp_dir("pg-backup").join("fieldbase-backup.db");
    let out = server.admin(&["backup", file.to_str().unwrap()]).unwrap();
    assert!(out.starts_with("backed up to"), "{out}");

    let restore = |env: Option<&str>, data: &std::path::Path| {
        let mut cmd = std::process::Command::new(server_binary());
        cmd.arg("--data")
            .arg(data)
            .args(["restore", file.to_str().unwrap()])
            .env_remove("FIELDBASE_POSTGRES");
        if let Some(url) = env {
            cmd.env("FIELDBASE_POSTGRES", url);
        }
        cmd.output().unwrap()
    };
    // Not into a database with data (the one it came from).
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    let refused_out = restore(Some(&cluster.url()), &temp_dir("restore"));
    assert!(!refused_out.status.success());
    assert!(
        String::from_utf8_lossy(&refused_out.stderr).contains("empty database"),
        "{}",
        String::from_utf8_lossy(&refused_out.stderr)
    );

    let empty = Backend::postgres().unwrap();
    let Backend::Postgres(target) = &empty else {
        unreachable!()
    };
    let out = restore(Some(&target.url()), &temp_dir("restore"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sqlite_dir = temp_dir("restore-sqlite");
    let out = restore(None, &sqlite_dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let on_pg = empty.start_server(&[]).unwrap();
    let on_sqlite =
        ServerProcess::start_in(sqlite_dir, fieldbase_tests::server::free_port(), None).unwrap();
    for restored in [&on_pg, &on_sqlite] {
        let anna = restored.login("anna", "anna-password").unwrap();
        let mut a = NativeReplica::on_index(anna.clone(), "restored", anna.book);
        a.want(key);
        a.sync(&restored.ws_url(), T).await.unwrap();
        assert_eq!(a.base.client(key).unwrap().name, "Backed up a.s.");
        let carl = Login {
            token: restored.login("carl", "carl-password").unwrap().token,
            ..carl.clone()
        };
        assert!(refused(restored, &carl, key).await, "still restricted");
        let mut c = NativeReplica::new(carl, "restored");
        c.sync(&restored.ws_url(), T).await.unwrap();
        assert_eq!(c.base.client(shared).unwrap().name, "Shared and backed up");
    }
}

/// An installation that kept accounts in the data directory's SQLite file (SQLite, or
/// PostgreSQL for documents only) moves to PostgreSQL: the first start over a database
/// without accounts imports them, so the reps log in as before.
#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_over_postgres_imports_the_sqlite_accounts() {
    let mut old = ServerProcess::start().unwrap();
    add_rep(&old, "boris", "head");
    old.stop().unwrap();
    let backend = Backend::postgres().unwrap();
    let args = backend.args();
    let new = ServerProcess::start_in_with(
        old.data.clone(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    let boris = new.login("boris", "boris-password").unwrap();
    assert_eq!(boris.role, "head");
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    assert_eq!(cluster.psql("SELECT count(*) FROM reps").unwrap(), "2");
    assert_eq!(cluster.psql("SELECT count(*) FROM teams").unwrap(), "1");
}

/// The admin commands against PostgreSQL refuse what they refuse on SQLite, with the
/// same messages, and a refusal changes nothing (not even the revision).
#[tokio::test(flavor = "multi_thread")]
async fn admin_commands_on_postgres_refuse_clearly_and_change_nothing() {
    let backend = Backend::postgres().unwrap();
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    let server = backend.start_server(&[]).unwrap();
    let anna = add_rep(&server, "anna", "rep");
    add_rep(&server, "carl", "rep");
    server.admin(&["create-team", "North"]).unwrap();
    server
        .admin(&[
            "add-rep",
            "nils",
            "--password",
            "nils-password",
            "--team",
            "North",
        ])
        .unwrap();
    let key = add_restricted(&server, &anna, "Kept a.s.")
        .await
        .to_string();
    let stranger = DocumentId::from_bytes(rand::random()).to_string();
    let revision = "SELECT value FROM meta WHERE key = 'revision'";
    let before = cluster.psql(revision).unwrap();

    let hand_over = |to: &'static str, start: &'static str, end: &'static str| {
        vec![
            "hand-over",
            "--from",
            "anna",
            "--to",
            to,
            "--start",
            start,
            "--end",
            end,
        ]
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["set-role", "nobody", "head"],
            "no rep named \"nobody\"",
        ),
        (vec!["revoke", "nobody"], "no rep named \"nobody\""),
        (
            vec!["reset-password", "nobody", "--password", "long-enough"],
            "no rep named \"nobody\"",
        ),
        (
            vec!["add-rep", "anna", "--password", "another-password"],
            "a rep named \"anna\" exists already",
        ),
        (
            vec!["create-team", "North"],
            "a team named \"North\" exists already",
        ),
        (
            hand_over("nils", "2030-01-01", "2030-01-05"),
            "\"anna\" and \"nils\" are in different teams",
        ),
        (
            hand_over("carl", "2030-01-10", "2030-01-05"),
            "the end must be after",
        ),
        (vec!["transfer", &key, "--to", "nils"], "in different teams"),
        (
            vec!["transfer", &stranger, "--to", "carl"],
            "no client document",
        ),
        (vec!["restrict", &stranger, "--off"], "no client document"),
    ];
    for (args, expected) in &cases {
        let err = server.admin_fails(args).unwrap();
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err:?}"
        );
    }
    assert_eq!(
        cluster.psql(revision).unwrap(),
        before,
        "refusals change nothing"
    );
    assert_eq!(cluster.psql("SELECT count(*) FROM handovers").unwrap(), "0");
    assert_eq!(cluster.psql("SELECT count(*) FROM teams").unwrap(), "2");
    assert_eq!(
        cluster
            .psql(&format!(
                "SELECT owner || ' ' || restricted FROM documents WHERE doc_id = '{key}'"
            ))
            .unwrap(),
        "anna true"
    );
    // And the commands that succeed move it once each.
    server.admin(&["set-role", "carl", "head"]).unwrap();
    server.admin(&["transfer", &key, "--to", "carl"]).unwrap();
    let after: i64 = cluster.psql(revision).unwrap().parse().unwrap();
    assert_eq!(after, before.parse::<i64>().unwrap() + 2);
    assert_eq!(server.me(&anna).unwrap().books, vec![anna.book]);
}

/// A SQLite installation moves to PostgreSQL with `backup` and `restore --postgres`:
/// logins, rules and documents come along.
#[tokio::test(flavor = "multi_thread")]
async fn a_sqlite_backup_restores_into_postgres() {
    let sqlite = ServerProcess::start().unwrap();
    let anna = add_rep(&sqlite, "anna", "rep");
    add_rep(&sqlite, "carl", "rep");
    let key = add_restricted(&sqlite, &anna, "Moved a.s.").await;
    let file = temp_dir("sqlite-backup").join("fieldbase-backup.db");
    sqlite.admin(&["backup", file.to_str().unwrap()]).unwrap();

    let backend = Backend::postgres().unwrap();
    let Backend::Postgres(cluster) = &backend else {
        unreachable!()
    };
    let out = std::process::Command::new(server_binary())
        .args([
            "restore",
            file.to_str().unwrap(),
            "--postgres",
            &cluster.url(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let moved = backend.start_server(&[]).unwrap();
    let anna = moved.login("anna", "anna-password").unwrap();
    let mut a = NativeReplica::on_index(anna.clone(), "moved", anna.book);
    a.want(key);
    a.sync(&moved.ws_url(), T).await.unwrap();
    assert_eq!(a.base.client(key).unwrap().name, "Moved a.s.");
    let carl = moved.login("carl", "carl-password").unwrap();
    assert!(refused(&moved, &carl, key).await, "still restricted");
    // New rows continue after the restored ones.
    moved.admin(&["create-team", "South"]).unwrap();
    add_rep(&moved, "sven", "rep");
}
