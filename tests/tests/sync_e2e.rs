//! The walking skeleton end to end: the real server binary on 127.0.0.1, native
//! replicas running the browser's sync client over real websockets.

use std::time::{Duration, Instant};

use fieldbase_core::{
    ClientPatch, ClientStatus,
    automerge::{Automerge, ROOT, ReadDoc, sync, sync::SyncDoc},
    protocol::Frame,
};
use fieldbase_tests::{LiveSession, NativeReplica, RawPeer, ServerProcess, Ws};
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;

const T: Duration = Duration::from_secs(30);

fn names(r: &NativeReplica) -> Vec<String> {
    r.base.clients().into_iter().map(|c| c.name).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn two_reps_edit_offline_and_converge_through_the_server() {
    let server = ServerProcess::start().unwrap();
    server.add_rep("boris", "boris-password").unwrap();
    let mut anna = NativeReplica::new(
        server.login("admin", &server.admin_password).unwrap(),
        "phone",
    );
    let mut boris = NativeReplica::new(server.login("boris", "boris-password").unwrap(), "laptop");

    // A client both know before going offline.
    let shared = anna
        .add("Shared s.r.o.", "+420 601 000 001", "info@shared.cz")
        .unwrap();
    anna.sync(&server.ws_url(), T).await.unwrap();
    boris.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(names(&boris), vec!["Shared s.r.o."]);

    // Offline: each adds clients and edits the shared one (different fields, and one
    // field both change).
    for n in 0..3 {
        anna.add(
            &format!("Anna client {n}"),
            &format!("+47 22 33 44 5{n}"),
            "",
        )
        .unwrap();
    }
    anna.edit(
        shared,
        &ClientPatch {
            phone: Some("+420 601 999 999".into()),
            ..Default::default()
        },
    )
    .unwrap();
    anna.edit(
        shared,
        &ClientPatch {
            name: Some("Shared A".into()),
            ..Default::default()
        },
    )
    .unwrap();
    for n in 0..2 {
        boris
            .add(
                &format!("Борис клиент {n}"),
                "",
                &format!("b{n}@example.ru"),
            )
            .unwrap();
    }
    boris
        .edit(
            shared,
            &ClientPatch {
                status: Some(ClientStatus::Active),
                ..Default::default()
            },
        )
        .unwrap();
    boris
        .edit(
            shared,
            &ClientPatch {
                name: Some("Shared B".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(anna.sync.status(&anna.base).pending_changes > 0);

    // Back online, in turn.
    anna.sync(&server.ws_url(), T).await.unwrap();
    boris.sync(&server.ws_url(), T).await.unwrap();
    anna.sync(&server.ws_url(), T).await.unwrap();

    assert_eq!(anna.sync.status(&anna.base).pending_changes, 0);
    assert_eq!(boris.sync.status(&boris.base).pending_changes, 0);
    assert_eq!(
        anna.base.summaries(),
        boris.base.summaries(),
        "both hold the same base"
    );
    assert_eq!(anna.base.summaries().len(), 6);
    for r in [&anna, &boris] {
        let card = r.base.client(shared).unwrap();
        assert_eq!(card.phone, "+420601999999", "Anna's phone edit survives");
        assert_eq!(
            card.status,
            ClientStatus::Active,
            "Boris's status edit survives"
        );
        assert!(card.name == "Shared A" || card.name == "Shared B");
        let loser = if card.name == "Shared A" {
            "Shared B"
        } else {
            "Shared A"
        };
        assert_eq!(
            r.base.conflicts(shared, "name"),
            vec![loser.to_string()],
            "the losing name stays retrievable"
        );
        assert!(r.id_of("Борис клиент 1").is_some());
        assert!(r.id_of("Anna client 2").is_some());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn documents_survive_restart_and_kill_9() {
    let mut server = ServerProcess::start().unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut anna = NativeReplica::new(login.clone(), "phone");
    for n in 0..20 {
        anna.add(&format!("Client {n:02}"), "", "").unwrap();
    }
    anna.sync(&server.ws_url(), T).await.unwrap();

    server.restart().unwrap();
    let mut fresh = NativeReplica::new(
        server.login("admin", &server.admin_password).unwrap(),
        "tablet",
    );
    fresh.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(names(&fresh), names(&anna));
    assert_eq!(
        fresh.base.doc_ids().len(),
        21,
        "the index and all 20 client documents"
    );

    // A change the server acknowledged survives kill -9.
    let id = anna.id_of("Client 07").unwrap();
    anna.edit(
        id,
        &ClientPatch {
            email: Some("acked@client7.cz".into()),
            ..Default::default()
        },
    )
    .unwrap();
    anna.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(
        anna.sync.status(&anna.base).pending_changes,
        0,
        "acknowledged"
    );
    server.kill9();
    server.start_again().unwrap();
    let mut after_crash =
        NativeReplica::new(server.login("admin", &server.admin_password).unwrap(), "pc");
    after_crash.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(
        after_crash.base.client(id).unwrap().email,
        "acked@client7.cz"
    );
    assert_eq!(names(&after_crash), names(&anna));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_data_without_a_valid_login() {
    use tokio_tungstenite::{connect_async, tungstenite};
    let server = ServerProcess::start().unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();

    // A wrong password and an unknown user both get 401.
    for (user, pw) in [("admin", "wrong-password"), ("nobody", "whatever-pass")] {
        let err = server.login(user, pw).unwrap_err();
        assert_eq!(err.to_string(), "http: status 401");
    }

    let status_of = |r: Result<_, tungstenite::Error>| match r {
        Err(tungstenite::Error::Http(resp)) => {
            let body = resp
                .body()
                .clone()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            (resp.status().as_u16(), body)
        }
        Err(e) => panic!("expected an HTTP refusal, got {e}"),
        Ok(_) => panic!("the upgrade was accepted"),
    };
    // No token, a forged token, and a valid token claiming someone else's peer id.
    let (code, body) = status_of(
        connect_async(format!("{}?peer=admin/x", server.ws_url()))
            .await
            .map(|_| ()),
    );
    assert_eq!(code, 401);
    assert!(
        !body.contains(&login.team_index.to_string()),
        "no document data in a refusal"
    );
    let (code, _) = status_of(
        connect_async(format!(
            "{}?token={}&peer=admin/x",
            server.ws_url(),
            "f".repeat(64)
        ))
        .await
        .map(|_| ()),
    );
    assert_eq!(code, 401);
    let (code, body) = status_of(
        connect_async(format!(
            "{}?token={}&peer=boris/x",
            server.ws_url(),
            login.token
        ))
        .await
        .map(|_| ()),
    );
    assert_eq!(code, 400);
    assert!(
        body.contains("admin/"),
        "the refusal says which peer ids are allowed: {body}"
    );

    // With a valid login the same replica syncs.
    let mut ok = NativeReplica::new(login, "phone");
    ok.add("Visible", "", "").unwrap();
    ok.sync(&server.ws_url(), T).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn logins_are_throttled_and_revoked_tokens_stop_working() {
    use tokio_tungstenite::{connect_async, tungstenite};
    let server = ServerProcess::start().unwrap();
    server.add_rep("boris", "boris-password").unwrap();
    let boris = server.login("boris", "boris-password").unwrap();

    // Ten wrong passwords for admin: the eleventh attempt is refused even when right,
    // with a Retry-After; boris is not affected.
    for _ in 0..10 {
        assert_eq!(
            server
                .login("admin", "not-the-password")
                .unwrap_err()
                .to_string(),
            "http: status 401"
        );
    }
    assert_eq!(
        server
            .login("admin", &server.admin_password)
            .unwrap_err()
            .to_string(),
        "http: status 429"
    );
    let resp = ureq::post(&format!("{}/api/login", server.url()))
        .send_json(serde_json::json!({ "username": "admin", "password": "x" }));
    match resp {
        Err(ureq::Error::Status(429, r)) => {
            let secs: u64 = r.header("retry-after").unwrap().parse().unwrap();
            assert!(secs > 60 && secs <= 900, "retry after {secs} s");
            assert!(r.into_string().unwrap().contains("too many failed logins"));
        }
        other => panic!("expected 429, got {other:?}"),
    }
    assert!(server.login("boris", "boris-password").is_ok());

    // Revoking boris's sessions: his old token opens no websocket any more.
    let mut replica = NativeReplica::new(boris.clone(), "phone");
    replica.sync(&server.ws_url(), T).await.unwrap();
    let out = server.admin(&["revoke", "boris"]).unwrap();
    assert_eq!(out.trim(), "revoked 2 session(s) of boris");
    match connect_async(replica.sync_url(&server.ws_url())).await {
        Err(tungstenite::Error::Http(resp)) => assert_eq!(resp.status().as_u16(), 401),
        other => panic!(
            "a revoked token must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_report_peers_documents_messages_and_storage() {
    let server = ServerProcess::start().unwrap();
    let mut anna = NativeReplica::new(
        server.login("admin", &server.admin_password).unwrap(),
        "phone",
    );
    for n in 0..3 {
        anna.add(&format!("Metered {n}"), "", "").unwrap();
    }
    anna.sync(&server.ws_url(), T).await.unwrap();
    let value = |name: &str| server.metric(name);
    assert_eq!(value("fieldbase_logins_total"), 1.0);
    assert!(
        value("fieldbase_documents_in_memory") >= 4.0,
        "the index and 3 clients"
    );
    assert!(value("fieldbase_sync_messages_received_total") >= 4.0);
    assert!(value("fieldbase_sync_bytes_received_total") > 0.0);
    assert!(value("fieldbase_storage_seconds_count{op=\"put\"}") >= 4.0);
    assert!(value("fieldbase_hub_event_seconds_count") > 0.0);
}

/// Waits until the share-policy stream gauge reads `want`, or panics saying `why`.
async fn streams_reach(server: &ServerProcess, want: f64, why: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = server.metric("fieldbase_share_policy_streams");
        if now == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{why}: {now} streams, not {want}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The server pairs a connection with a document only when the peer asks for it
/// (vendored samod patch 8): connecting costs nothing per document in memory, and a
/// request opens exactly one share-policy stream, closed again when the peer leaves.
/// Unpatched samod opened one per document in memory for every new connection.
#[tokio::test(flavor = "multi_thread")]
async fn a_connection_is_paired_only_with_the_documents_its_peer_asks_for() {
    let server = ServerProcess::start().unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut anna = NativeReplica::new(login.clone(), "phone");
    let mut first = None;
    for n in 0..20 {
        first.get_or_insert(anna.add(&format!("Paired {n}"), "", "").unwrap());
    }
    let session = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();
    assert_eq!(
        server.metric("fieldbase_share_policy_streams"),
        21.0,
        "anna syncs the index and 20 clients"
    );
    session.close(&mut anna).await;
    let first = first.unwrap();
    assert!(server.metric("fieldbase_documents_in_memory") >= 21.0);
    streams_reach(&server, 0.0, "anna has left").await;

    // A second device connects and asks for nothing yet.
    let RawPeer {
        mut ws,
        peer_id: me,
        server_id: server_peer,
    } = RawPeer::connect(&server, login, "laptop", T).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        server.metric("fieldbase_share_policy_streams"),
        0.0,
        "connected, nothing asked for, yet paired with documents"
    );

    // It asks for one client.
    let empty = Automerge::new().generate_sync_message(&mut sync::State::new());
    let request = Frame::Request {
        document_id: first,
        sender_id: me,
        target_id: server_peer,
        data: empty.unwrap().encode(),
    };
    send_frame(&mut ws, request).await;
    let Some(Ok(Message::Binary(reply))) = tokio::time::timeout(T, ws.next()).await.unwrap() else {
        panic!("no answer to the request");
    };
    assert!(
        matches!(Frame::decode(&reply).unwrap(), Frame::Sync { document_id, .. } if document_id == first),
        "the client's changes come back"
    );
    streams_reach(&server, 1.0, "one document asked for").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.metric("fieldbase_share_policy_streams"), 1.0);

    ws.close(None).await.unwrap();
    streams_reach(&server, 0.0, "the laptop has left").await;
}

/// Sends one frame.
async fn send_frame(ws: &mut Ws, frame: Frame) {
    ws.send(Message::binary(frame.encode())).await.unwrap();
}

/// Frames that arrive within `wait`.
async fn frames_within(ws: &mut Ws, wait: Duration) -> Vec<Frame> {
    let mut out = Vec::new();
    let deadline = tokio::time::Instant::now() + wait;
    while let Ok(Some(Ok(msg))) = tokio::time::timeout_at(deadline, ws.next()).await {
        if let Message::Binary(bytes) = msg {
            out.push(Frame::decode(&bytes).unwrap());
        }
    }
    out
}

/// A peer that has not answered the changes the server last sent it gets the newer ones
/// together with the answer to its reply, in one message, not one message per change
/// (vendored samod patch 11; unpatched, it got a message for every change).
#[tokio::test(flavor = "multi_thread")]
async fn a_peer_still_answering_gets_newer_changes_in_one_message() {
    let server = ServerProcess::start().unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut anna = NativeReplica::new(login.clone(), "phone");
    let client = anna.add("Batched", "", "").unwrap();
    let mut session = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();

    // The laptop asks for the client and gets it, and says nothing back yet.
    let RawPeer {
        mut ws,
        peer_id: me,
        server_id: server_peer,
    } = RawPeer::connect(&server, login, "laptop", T).await.unwrap();
    let mut local = Automerge::new();
    let mut state = sync::State::new();
    let request = local.generate_sync_message(&mut state).unwrap();
    send_frame(
        &mut ws,
        Frame::Request {
            document_id: client,
            sender_id: me.clone(),
            target_id: server_peer.clone(),
            data: request.encode(),
        },
    )
    .await;
    let first = frames_within(&mut ws, Duration::from_secs(2)).await;
    assert_eq!(first.len(), 1, "the client, once");

    // Anna edits three times; each edit reaches the server.
    for n in 0..3 {
        anna.put(client, &format!("edit{n}"), "x").unwrap();
        session.push(&mut anna).await.unwrap();
        session
            .until(&mut anna, T, |r| {
                r.sync.status(&r.base).pending_changes == 0
            })
            .await
            .unwrap();
    }
    let meanwhile = frames_within(&mut ws, Duration::from_secs(1)).await;
    assert!(
        meanwhile.is_empty(),
        "{} messages to a peer that has not answered",
        meanwhile.len()
    );

    // The laptop applies the client and answers; all three edits come in one message.
    let Frame::Sync { data, .. } = &first[0] else {
        panic!("not a sync message: {:?}", first[0]);
    };
    local
        .receive_sync_message(&mut state, sync::Message::decode(data).unwrap())
        .unwrap();
    let reply = local.generate_sync_message(&mut state).unwrap();
    send_frame(
        &mut ws,
        Frame::Sync {
            document_id: client,
            sender_id: me,
            target_id: server_peer,
            data: reply.encode(),
        },
    )
    .await;
    let after = frames_within(&mut ws, Duration::from_secs(2)).await;
    assert_eq!(
        after.len(),
        1,
        "one message with the three edits: {after:?}"
    );
    let Frame::Sync { data, .. } = &after[0] else {
        panic!("not a sync message");
    };
    local
        .receive_sync_message(&mut state, sync::Message::decode(data).unwrap())
        .unwrap();
    for n in 0..3 {
        assert!(
            local.get(ROOT, format!("edit{n}")).unwrap().is_some(),
            "edit {n} missing"
        );
    }
    session.close(&mut anna).await;
}
