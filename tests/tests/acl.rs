//! Access control end to end: real server processes, real websockets, the browser's sync
//! client (native replicas) and the npm automerge-repo client trying to cheat.
//!
//! The team: `admin` (head of sales, the first user), `anna` and `boris` (reps), `kira`
//! (key account manager), `carl` (rep, Anna's stand-in during a hand-over).

use std::time::{Duration, Instant};

use fieldbase_core::{ClientPatch, DocumentId};
use fieldbase_tests::{
    Ended, Login, NativeReplica, ServerProcess,
    js::run_script,
    server::{add_rep, add_restricted},
};

const T: Duration = Duration::from_secs(30);

fn random_id() -> DocumentId {
    DocumentId::from_bytes(rand::random())
}

/// A fresh replica of `login` that asks for `ids` and syncs once; what it got is in
/// `has_data` / `unavailable`.
async fn probe(server: &ServerProcess, login: &Login, ids: &[DocumentId]) -> NativeReplica {
    let mut r = NativeReplica::new(login.clone(), "probe");
    for id in ids {
        r.want(*id);
    }
    r.sync(&server.ws_url(), T).await.unwrap();
    r
}

/// Whether the probe read `id`: data arrived and the server did not refuse it.
fn read(r: &NativeReplica, id: DocumentId) -> bool {
    r.has_data(id) && !r.unavailable.contains(&id)
}

/// Refused exactly as an unknown id is: `doc-unavailable` and no data.
fn refused(r: &NativeReplica, id: DocumentId) -> bool {
    !r.has_data(id) && r.unavailable.contains(&id)
}

#[tokio::test(flavor = "multi_thread")]
async fn each_role_reads_and_writes_what_the_rules_allow() {
    let server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    assert_eq!(head.role, "head", "the first user is a head of sales");
    let anna = add_rep(&server, "anna", "rep");
    let boris = add_rep(&server, "boris", "rep");
    let kira = add_rep(&server, "kira", "key_account_manager");
    assert_eq!(
        (anna.role.as_str(), kira.role.as_str()),
        ("rep", "key_account_manager")
    );
    for l in [&anna, &boris, &kira] {
        assert_eq!(l.team_index, head.team_index);
        assert_eq!((l.team_doc, l.plan), (head.team_doc, head.plan));
        assert_eq!(l.books, vec![l.book], "a rep reads only his own book");
    }
    assert_eq!(
        server.me(&head).unwrap().books.len(),
        4,
        "a head reads every book of the team"
    );

    // The head writes the plan and the team document.
    let mut h = NativeReplica::new(head.clone(), "head");
    h.put(head.plan, "target", "100").unwrap();
    h.put(head.team_doc, "catalog", "v1").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();

    // Anna: one shared client, one key account; Kira: one key account.
    let mut a = NativeReplica::new(anna.clone(), "phone");
    let open = a.add("Open s.r.o.", "", "open@example.cz").unwrap();
    a.sync(&server.ws_url(), T).await.unwrap();
    let anna_key = add_restricted(&server, &anna, "Anna Key a.s.").await;
    let kira_key = add_restricted(&server, &kira, "Kira Key a.s.").await;
    let unknown = random_id();

    let all = [
        head.team_doc,
        head.plan,
        anna.book,
        kira.book,
        open,
        anna_key,
        kira_key,
        unknown,
    ];
    // (who, readable, refused)
    let table = [
        (
            &anna,
            vec![head.team_doc, head.plan, anna.book, open, anna_key],
            vec![kira.book, kira_key, unknown],
        ),
        (
            &boris,
            vec![head.team_doc, head.plan, open],
            vec![anna.book, kira.book, anna_key, kira_key, unknown],
        ),
        (
            &kira,
            vec![head.team_doc, head.plan, kira.book, open, kira_key],
            vec![anna.book, anna_key, unknown],
        ),
        (
            &head,
            vec![
                head.team_doc,
                head.plan,
                anna.book,
                kira.book,
                open,
                anna_key,
                kira_key,
            ],
            vec![unknown],
        ),
    ];
    for (who, readable, denied) in table {
        let p = probe(&server, who, &all).await;
        assert!(
            !p.unavailable.contains(&head.team_index),
            "{} reads the index",
            who.rep
        );
        for id in readable {
            assert!(read(&p, id), "{} must read {id}", who.rep);
        }
        for id in denied {
            assert!(
                refused(&p, id),
                "{} must get doc-unavailable for {id}, as for a random id",
                who.rep
            );
        }
        if who.rep != "admin" {
            assert_eq!(p.get(head.plan, "target").as_deref(), Some("100"));
        }
    }

    // Writes: a colleague edits a shared client; the owner and the head edit a key
    // account; a rep and a key account manager write the team document.
    let mut b = probe(&server, &boris, &[open]).await;
    b.edit(
        open,
        &ClientPatch {
            phone: Some("+420 601 222 333".into()),
            ..Default::default()
        },
    )
    .unwrap();
    b.sync(&server.ws_url(), T).await.unwrap();
    let mut hk = NativeReplica::on_index(head.clone(), "head-book", anna.book);
    hk.sync(&server.ws_url(), T).await.unwrap();
    hk.edit(
        anna_key,
        &ClientPatch {
            email: Some("head@key.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    hk.sync(&server.ws_url(), T).await.unwrap();
    let mut k = probe(&server, &kira, &[head.team_doc]).await;
    k.put(head.team_doc, "catalog", "v2 by kira").unwrap();
    k.sync(&server.ws_url(), T).await.unwrap();

    let mut ak = NativeReplica::on_index(anna.clone(), "book2", anna.book);
    ak.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(ak.base.client(anna_key).unwrap().email, "head@key.cz");
    let check = probe(&server, &anna, &[open, head.team_doc]).await;
    assert_eq!(check.base.client(open).unwrap().phone, "+420601222333");
    assert_eq!(
        check.get(head.team_doc, "catalog").as_deref(),
        Some("v2 by kira")
    );

    // The plan is read-only for reps and key account managers: their changes are not
    // stored and reach nobody.
    for who in [&anna, &kira] {
        let mut r = probe(&server, who, &[head.plan]).await;
        r.put(head.plan, "target", &format!("999 by {}", who.rep))
            .unwrap();
        r.session(&server.ws_url(), Duration::from_secs(2), |_| {})
            .await
            .unwrap();
    }
    // Boris pushes into Anna's key account under its id (forged locally): refused.
    let mut forger = NativeReplica::new(boris.clone(), "forger");
    forger.put(anna_key, "name", "Hacked by Boris").unwrap();
    forger
        .session(&server.ws_url(), Duration::from_secs(2), |_| {})
        .await
        .unwrap();
    assert!(forger.unavailable.contains(&anna_key));

    let p = probe(&server, &head, &[head.plan, anna_key]).await;
    assert_eq!(p.get(head.plan, "target").as_deref(), Some("100"));
    assert_eq!(p.base.client(anna_key).unwrap().name, "Anna Key a.s.");
    // The head writes the plan; reps read the new value.
    let mut h = p;
    h.put(head.plan, "target", "200").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();
    let b = probe(&server, &boris, &[head.plan]).await;
    assert_eq!(b.get(head.plan, "target").as_deref(), Some("200"));
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_is_first_come_and_only_the_owner_or_a_head_changes_it() {
    let server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let anna = add_rep(&server, "anna", "rep");
    let boris = add_rep(&server, "boris", "rep");
    let key = add_restricted(&server, &anna, "Secret a.s.").await;

    // Boris cannot take it, nor lift the restriction: 409, nothing changes.
    assert_eq!(server.register_client(&boris, key, false).unwrap(), 409);
    assert_eq!(server.register_client(&boris, key, true).unwrap(), 409);
    assert!(refused(&probe(&server, &boris, &[key]).await, key));
    // No login, a malformed id, a revoked session: refused.
    let status = |r: Result<ureq::Response, ureq::Error>| match r {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(e) => panic!("{e}"),
    };
    let url = format!("{}/api/clients", server.url());
    let no_login = ureq::post(&url).send_json(serde_json::json!({ "id": key.to_string() }));
    assert_eq!(status(no_login), 401);
    let bad_id = ureq::post(&url)
        .set("Authorization", &format!("Bearer {}", boris.token))
        .send_json(serde_json::json!({ "id": "not an id", "restricted": false }));
    assert_eq!(status(bad_id), 400);
    let missing_flag = ureq::post(&url)
        .set("Authorization", &format!("Bearer {}", anna.token))
        .send_json(serde_json::json!({ "id": key.to_string() }));
    assert_eq!(status(missing_flag), 400, "a missing flag lifts nothing");
    assert!(refused(&probe(&server, &boris, &[key]).await, key));
    assert_eq!(
        status(ureq::get(&format!("{}/api/me", server.url())).call()),
        401
    );
    // A team document is not a client.
    assert_eq!(
        server
            .register_client(&anna, anna.team_index, false)
            .unwrap(),
        400
    );
    assert_eq!(
        server.register_client(&boris, anna.book, false).unwrap(),
        409
    );

    // Anna shares it with the team: Boris reads it, live changes included.
    assert_eq!(server.register_client(&anna, key, false).unwrap(), 200);
    assert!(read(&probe(&server, &boris, &[key]).await, key));
    // A head restricts it again: Boris gets nothing.
    assert_eq!(server.register_client(&head, key, true).unwrap(), 200);
    assert!(refused(&probe(&server, &boris, &[key]).await, key));

    // A document pushed without registration is registered to the pusher, unrestricted
    // (what JS clients and older PWAs do): a colleague reads it, and cannot claim it.
    let mut b = NativeReplica::new(boris.clone(), "old-pwa");
    let pushed = b.add("Unregistered GmbH", "", "").unwrap();
    b.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(server.register_client(&anna, pushed, true).unwrap(), 409);
    assert!(read(&probe(&server, &anna, &[pushed]).await, pushed));
    assert_eq!(server.register_client(&boris, pushed, true).unwrap(), 200);
    assert!(refused(&probe(&server, &anna, &[pushed]).await, pushed));

    // The admin command line transfers it to Anna: now hers, Boris no longer sees it.
    server
        .admin(&["transfer", &pushed.to_string(), "--to", "anna"])
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(read(&probe(&server, &anna, &[pushed]).await, pushed));
    assert!(refused(&probe(&server, &boris, &[pushed]).await, pushed));
    // ... and `restrict --off` shares it with the team.
    server
        .admin(&["restrict", &pushed.to_string(), "--off"])
        .unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(read(&probe(&server, &boris, &[pushed]).await, pushed));

    // A role change by the command line reaches the running server: as a head Boris
    // reads the key account and every book, as a rep again nothing of them.
    server.admin(&["set-role", "boris", "head"]).unwrap();
    assert_eq!(server.me(&boris).unwrap().role, "head");
    assert!(read(&probe(&server, &boris, &[key, anna.book]).await, key));
    server.admin(&["set-role", "boris", "rep"]).unwrap();
    let p = probe(&server, &boris, &[key, anna.book]).await;
    assert!(refused(&p, key) && refused(&p, anna.book));
}

#[tokio::test(flavor = "multi_thread")]
async fn teams_see_nothing_of_each_other() {
    let server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let out = server.admin(&["create-team", "North"]).unwrap();
    assert!(out.contains("created team \"North\""), "{out}");
    server
        .admin(&[
            "add-rep",
            "nils",
            "--password",
            "nils-password",
            "--team",
            "North",
            "--role",
            "head",
        ])
        .unwrap();
    let nils = server.login("nils", "nils-password").unwrap();
    assert_ne!(nils.team_index, head.team_index);
    assert!(out.contains(&nils.team_index.to_string()), "{out}");

    let mut h = NativeReplica::new(head.clone(), "south");
    let south = h.add("South client", "", "").unwrap();
    h.put(head.plan, "target", "1").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();
    let mut n = NativeReplica::new(nils.clone(), "north");
    let north = n.add("North client", "", "").unwrap();
    n.sync(&server.ws_url(), T).await.unwrap();

    let p = probe(
        &server,
        &nils,
        &[head.team_index, head.plan, head.book, south],
    )
    .await;
    for id in [head.team_index, head.plan, head.book, south] {
        assert!(refused(&p, id), "a head of another team gets nothing");
    }
    let p = probe(&server, &head, &[nils.team_index, nils.book, north]).await;
    for id in [nils.team_index, nils.book, north] {
        assert!(refused(&p, id), "nor the other way round");
    }
    assert_eq!(
        p.base.summaries().len(),
        1,
        "only the own team's index entry"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn revoke_stops_data_within_a_second_and_closes_the_connection() {
    let server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let boris = add_rep(&server, "boris", "rep");
    let mut b = NativeReplica::new(boris.clone(), "phone");
    b.sync(&server.ws_url(), T).await.unwrap();

    // Boris stays connected, recording when each client name reached him.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(Instant, Vec<String>)>();
    let url = server.ws_url();
    let live = tokio::spawn(async move {
        let ended = b
            .session(&url, Duration::from_secs(20), move |base| {
                let names = base.summaries().into_iter().map(|c| c.name).collect();
                let _ = tx.send((Instant::now(), names));
            })
            .await
            .unwrap();
        (b, ended)
    });

    let mut h = NativeReplica::new(head.clone(), "head");
    h.add("Before the revoke", "", "").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();
    let deadline = Instant::now() + T;
    'wait: loop {
        let (_, names) = tokio::time::timeout_at(deadline.into(), rx.recv())
            .await
            .expect("Boris receives live changes before the revoke")
            .unwrap();
        if names.iter().any(|n| n == "Before the revoke") {
            break 'wait;
        }
    }

    let out = server.admin(&["revoke", "boris"]).unwrap();
    let revoked_at = Instant::now();
    assert_eq!(out.trim(), "revoked 1 session(s) of boris");
    // The head keeps writing for two seconds.
    for n in 0..10 {
        h.add(&format!("After the revoke {n}"), "", "").unwrap();
        h.sync(&server.ws_url(), T).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (b, ended) = live.await.unwrap();
    let Ended::Closed(closed_at) = ended else {
        panic!("the revoked rep's connection stayed open");
    };
    let closed_after = closed_at.saturating_duration_since(revoked_at);
    assert!(
        closed_after < Duration::from_secs(1),
        "closed {closed_after:?} after the revoke"
    );
    while let Ok((at, names)) = rx.try_recv() {
        if names.iter().any(|n| n.starts_with("After the revoke")) {
            assert!(
                at.saturating_duration_since(revoked_at) < Duration::from_secs(1),
                "data reached the revoked rep {:?} after the revoke",
                at.saturating_duration_since(revoked_at)
            );
        }
    }
    assert!(
        b.id_of("After the revoke 9").is_none(),
        "the last change never reached him"
    );

    // He cannot come back with the old token nor log in; a password reset lets him in.
    let mut again = NativeReplica::new(boris.clone(), "phone");
    assert!(again.sync(&server.ws_url(), T).await.is_err());
    assert_eq!(
        server
            .login("boris", "boris-password")
            .unwrap_err()
            .to_string(),
        "http: status 401"
    );
    server
        .admin(&[
            "reset-password",
            "boris",
            "--password",
            "boris-new-password",
        ])
        .unwrap();
    let back = server.login("boris", "boris-new-password").unwrap();
    let mut b = NativeReplica::new(back, "new-phone");
    b.sync(&server.ws_url(), T).await.unwrap();
    assert!(b.id_of("After the revoke 9").is_some());
}

/// `ms` since the epoch as RFC 3339 with milliseconds, UTC.
fn rfc3339(ms: i64) -> String {
    let (secs, millis) = (ms.div_euclid(1000), ms.rem_euclid(1000));
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

async fn sleep_until_ms(at: i64) {
    let left = at - now_ms();
    if left > 0 {
        tokio::time::sleep(Duration::from_millis(left as u64)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_handover_opens_the_restricted_clients_for_its_period_only() {
    let server = ServerProcess::start().unwrap();
    let anna = add_rep(&server, "anna", "key_account_manager");
    let carl = add_rep(&server, "carl", "rep");
    let key = add_restricted(&server, &anna, "Handed a.s.").await;

    let start = now_ms() + 4000;
    let end = start + 6000;
    server
        .admin(&[
            "hand-over",
            "--from",
            "anna",
            "--to",
            "carl",
            "--start",
            &rfc3339(start),
            "--end",
            &rfc3339(end),
        ])
        .unwrap();

    // Before the start: nothing, not even the book.
    let mut c = NativeReplica::on_index(carl.clone(), "stand-in", anna.book);
    c.want(key);
    c.sync(&server.ws_url(), T).await.unwrap();
    assert!(
        now_ms() < start,
        "the test machine is too slow for this test"
    );
    assert!(c.unavailable.contains(&anna.book) && refused(&c, key));
    assert!(c.base.summaries().is_empty(), "no name from Anna's book");
    assert_eq!(server.me(&carl).unwrap().books, vec![carl.book]);

    // Connected across the start: the earlier request is answered when it begins.
    let url = server.ws_url();
    let mut live = NativeReplica::on_index(carl.clone(), "live", anna.book);
    live.want(key);
    let opened = tokio::spawn(async move {
        let mut got = None;
        live.session(&url, Duration::from_millis(6000), |base| {
            if got.is_none() && base.client(key).is_some_and(|c| c.name == "Handed a.s.") {
                got = Some(now_ms());
            }
        })
        .await
        .unwrap();
        got
    });

    // During: Carl reads and writes the key account through Anna's book.
    sleep_until_ms(start + 50).await;
    assert_eq!(
        server.me(&carl).unwrap().books,
        vec![carl.book, anna.book],
        "during the hand-over Carl reads Anna's book"
    );
    let mut c = NativeReplica::on_index(carl.clone(), "stand-in", anna.book);
    c.sync(&server.ws_url(), T).await.unwrap();
    assert!(read(&c, anna.book) && read(&c, key));
    c.edit(
        key,
        &ClientPatch {
            phone: Some("+420 601 555 555".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.sync(&server.ws_url(), T).await.unwrap();
    let mut a = NativeReplica::on_index(anna.clone(), "back", anna.book);
    a.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(a.base.client(key).unwrap().phone, "+420601555555");
    assert!(now_ms() < end, "the test machine is too slow for this test");
    let got = opened
        .await
        .unwrap()
        .expect("the live request was answered");
    assert!(
        got >= start && got < start + 1000,
        "answered {} ms after the start",
        got - start
    );

    // Across the end: Carl stays connected, Anna edits after the end; nothing reaches him.
    let url = server.ws_url();
    let mut watcher = c;
    let after_end = tokio::spawn(async move {
        let ended = watcher
            .session(
                &url,
                Duration::from_millis((end - now_ms() + 3000) as u64),
                |_| {},
            )
            .await
            .unwrap();
        (watcher, ended)
    });
    sleep_until_ms(end + 300).await;
    a.edit(
        key,
        &ClientPatch {
            email: Some("after@end.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    a.sync(&server.ws_url(), T).await.unwrap();
    let (mut c, _) = after_end.await.unwrap();
    assert_eq!(
        c.base.client(key).unwrap().email,
        "",
        "nothing new after the end"
    );

    // After: a new connection gets nothing, and his changes are not accepted.
    assert_eq!(server.me(&carl).unwrap().books, vec![carl.book]);
    c.edit(
        key,
        &ClientPatch {
            name: Some("Changed after the end".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.session(&server.ws_url(), Duration::from_secs(2), |_| {})
        .await
        .unwrap();
    assert!(c.unavailable.contains(&key) && c.unavailable.contains(&anna.book));
    a.sync(&server.ws_url(), T).await.unwrap();
    let card = a.base.client(key).unwrap();
    assert_eq!(card.name, "Handed a.s.");
    assert_eq!(card.phone, "+420601555555");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cheating_js_client_gets_nothing_it_may_not_have() {
    let mut server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let anna = add_rep(&server, "anna", "rep");
    let _boris = add_rep(&server, "boris", "rep");
    let key = add_restricted(&server, &anna, "Anna Secret a.s.").await;
    let mut h = NativeReplica::new(head.clone(), "head");
    h.put(head.plan, "target", "100").unwrap();
    h.sync(&server.ws_url(), T).await.unwrap();
    let unknown = random_id();

    let v = run_script(
        "cheat.mjs",
        &[
            ("FB_URL", server.url()),
            ("FB_USER", "boris".into()),
            ("FB_PASSWORD", "boris-password".into()),
            (
                "FB_FORBIDDEN",
                format!("{key},{},{},{unknown}", anna.book, head.book),
            ),
            ("FB_PUSH", key.to_string()),
            ("FB_PLAN", head.plan.to_string()),
            ("FB_VICTIM", "anna".into()),
        ],
    );
    assert_eq!(v["claimStatus"], 400, "another rep's peer id: {v}");
    assert_eq!(
        v["handshake"], "closed",
        "another rep's id in the join: {v}"
    );
    for id in [key, anna.book, head.book, unknown] {
        assert_eq!(
            v["forbidden"][id.to_string()],
            "unavailable",
            "{id} must look like an unknown id: {v}"
        );
    }
    assert_eq!(v["planTarget"], "100", "the plan is readable: {v}");
    assert_eq!(v["planAcked"], false, "plan changes are not accepted: {v}");
    assert_eq!(
        v["pushedAcked"], false,
        "forged changes are not accepted: {v}"
    );

    // Nobody sees the cheat, not even after a restart.
    let p = probe(&server, &anna, &[head.plan]).await;
    assert_eq!(p.get(head.plan, "target").as_deref(), Some("100"));
    assert_eq!(p.get(head.plan, "cheat"), None);
    server.restart().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let p = probe(&server, &head, &[head.plan, key]).await;
    assert_eq!(p.get(head.plan, "target").as_deref(), Some("100"));
    assert_eq!(p.get(head.plan, "cheat"), None);
    let card = p.base.client(key).unwrap();
    assert_eq!(
        (card.name.as_str(), card.email.as_str()),
        ("Anna Secret a.s.", "")
    );
    assert_eq!(
        p.base.doc(key).unwrap().get_changes(&[]).len(),
        1,
        "the key account holds only Anna's change"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn admin_command_errors_are_clear_and_change_nothing() {
    let server = ServerProcess::start().unwrap();
    let anna = add_rep(&server, "anna", "rep");
    let _carl = add_rep(&server, "carl", "rep");
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
    let key = add_restricted(&server, &anna, "Kept a.s.").await;
    let k = key.to_string();
    let stranger = random_id().to_string();

    let cases: &[(&[&str], &str)] = &[
        (&["set-role", "nobody", "head"], "no rep named \"nobody\""),
        (&["set-role", "anna", "boss"], "unknown role \"boss\""),
        (
            &["add-rep", "anna", "--password", "another-password"],
            "a rep named \"anna\" exists already",
        ),
        (
            &[
                "add-rep",
                "zed",
                "--password",
                "zed-password",
                "--team",
                "Nowhere",
            ],
            "no team named \"Nowhere\"",
        ),
        (
            &["create-team", "North"],
            "a team named \"North\" exists already",
        ),
        (&["revoke", "nobody"], "no rep named \"nobody\""),
        (
            &["reset-password", "anna", "--password", "short"],
            "at least 8 characters",
        ),
        (
            &[
                "hand-over",
                "--from",
                "anna",
                "--to",
                "carl",
                "--start",
                "2030-01-10",
                "--end",
                "2030-01-05",
            ],
            "the end must be after the start",
        ),
        (
            &[
                "hand-over",
                "--from",
                "anna",
                "--to",
                "nils",
                "--start",
                "2030-01-01",
                "--end",
                "2030-01-05",
            ],
            "\"anna\" and \"nils\" are in different teams",
        ),
        (
            &[
                "hand-over",
                "--from",
                "anna",
                "--to",
                "carl",
                "--start",
                "soon",
                "--end",
                "2030-01-05",
            ],
            "invalid date \"soon\"",
        ),
        (
            &[
                "hand-over",
                "--from",
                "anna",
                "--to",
                "anna",
                "--start",
                "2030-01-01",
                "--end",
                "2030-01-05",
            ],
            "to himself",
        ),
        (&["transfer", &k, "--to", "nils"], "in different teams"),
        (
            &["transfer", &k, "--to", "nobody"],
            "no rep named \"nobody\"",
        ),
        (
            &["transfer", "not-an-id", "--to", "carl"],
            "invalid document id",
        ),
        (&["restrict", &stranger, "--off"], "no client document"),
        (
            &["restore", "/nonexistent/backup.db"],
            "is not a Fieldbase database",
        ),
        (&["restore", "Cargo.toml"], "is not a Fieldbase database"),
    ];
    for (args, expected) in cases {
        let err = server.admin_fails(args).unwrap();
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err:?}"
        );
    }
    // A restore over the running server's data is refused without --force.
    let backup = server.data.join("snapshot.db");
    server.admin(&["backup", backup.to_str().unwrap()]).unwrap();
    let err = server
        .admin_fails(&["restore", backup.to_str().unwrap()])
        .unwrap();
    assert!(err.contains("a server is running on"), "{err}");

    // Nothing changed: roles, passwords, teams, hand-overs, ownership.
    let me = server.me(&anna).unwrap();
    assert_eq!(
        (me.role.as_str(), me.books.clone()),
        ("rep", vec![anna.book])
    );
    let carl = server.login("carl", "carl-password").unwrap();
    assert_eq!(carl.books, vec![carl.book], "no hand-over was recorded");
    assert!(refused(&probe(&server, &carl, &[key]).await, key));
    assert!(read(&probe(&server, &anna, &[key]).await, key));
    assert!(server.login("anna", "anna-password").is_ok());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_taken_while_serving_restores_every_acknowledged_change() {
    let server = ServerProcess::start().unwrap();
    let head = server.login("admin", &server.admin_password).unwrap();
    let anna = add_rep(&server, "anna", "rep");
    let key = add_restricted(&server, &anna, "Backed up a.s.").await;

    // A writer keeps adding clients; every name it lists was acknowledged.
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (url, acked2, stop2) = (server.ws_url(), acked.clone(), stop.clone());
    let mut w = NativeReplica::new(head.clone(), "writer");
    let writer = tokio::spawn(async move {
        let mut n = 0;
        while !stop2.load(std::sync::atomic::Ordering::SeqCst) {
            let name = format!("Written {n:03}");
            w.add(&name, "", "").unwrap();
            w.sync(&url, T).await.unwrap();
            acked2.lock().unwrap().push(name);
            n += 1;
        }
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let before: Vec<String> = acked.lock().unwrap().clone();
    let file = server.data.join("backup.db");
    let out = server.admin(&["backup", file.to_str().unwrap()]).unwrap();
    assert!(out.contains("backed up"), "{out}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.await.unwrap();
    assert!(before.len() >= 3, "the writer was writing: {before:?}");

    // Restore into a fresh data directory and serve it.
    let fresh = fieldbase_tests::server::temp_dir("restored");
    let restore = std::process::Command::new(fieldbase_tests::server::server_binary())
        .arg("--data")
        .arg(&fresh)
        .args(["restore", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        restore.status.success(),
        "{}",
        String::from_utf8_lossy(&restore.stderr)
    );
    let restored =
        ServerProcess::start_in(fresh, fieldbase_tests::server::free_port(), None).unwrap();
    let head2 = restored.login("admin", &restored.admin_password).unwrap();
    assert_eq!(
        (head2.team_index, head2.plan, head2.book),
        (head.team_index, head.plan, head.book)
    );
    let r = probe(&restored, &head2, &[]).await;
    for name in &before {
        assert!(
            r.id_of(name).is_some(),
            "{name} was acknowledged before the backup"
        );
    }
    // Accounts and access rules came along: Anna logs in, her key account is still hers
    // and still restricted.
    let anna2 = restored.login("anna", "anna-password").unwrap();
    let mut a = NativeReplica::on_index(anna2.clone(), "restored", anna2.book);
    a.sync(&restored.ws_url(), T).await.unwrap();
    assert_eq!(a.base.client(key).unwrap().name, "Backed up a.s.");
    restored
        .admin(&["add-rep", "boris", "--password", "boris-password"])
        .unwrap();
    let boris = restored.login("boris", "boris-password").unwrap();
    assert!(refused(&probe(&restored, &boris, &[key]).await, key));

    // Restoring over existing data needs --force.
    let err = restored
        .admin_fails(&["restore", file.to_str().unwrap()])
        .unwrap();
    assert!(err.contains("a server is running on"), "{err}");
}
