//! Bad input on the sync websocket: malformed CBOR, an unknown message type, a frame over
//! the size limit, a text frame. Each is that peer's problem only: its connection ends,
//! every other peer keeps syncing, and nothing stored is touched.

use std::time::Duration;

use fieldbase_core::ClientPatch;
use fieldbase_tests::{NativeReplica, RawPeer, ServerProcess};
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::{connect_async, tungstenite::Message};

const T: Duration = Duration::from_secs(30);

/// Connects as a fresh peer, sends `junk` after a valid handshake, and returns whether
/// the server closed the connection within 10 s.
async fn send_junk(server: &ServerProcess, junk: Message) -> bool {
    let login = server.login("admin", &server.admin_password).unwrap();
    // The handshake done, misbehave.
    let mut ws = RawPeer::connect(server, login, "junk", T).await.unwrap().ws;
    let _ = ws.send(junk).await;
    let closed = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match ws.next().await {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return true,
                Some(Ok(_)) => {}
            }
        }
    })
    .await;
    closed.unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_misbehaving_peer_is_dropped_and_nobody_else_notices() {
    let server = ServerProcess::start_with(&["--max-frame-bytes", "65536"]).unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut good = NativeReplica::new(login.clone(), "good");
    let id = good
        .add("Stays intact a.s.", "+420 601 000 111", "ok@intact.cz")
        .unwrap();
    good.sync(&server.ws_url(), T).await.unwrap();

    // Not CBOR at all; a CBOR map with an unknown type; a sync frame whose automerge
    // payload is garbage; a text frame; a frame over the 64 KiB limit.
    let mut unknown = Vec::new();
    unknown.extend_from_slice(&[0xa2, 0x64]);
    unknown.extend_from_slice(b"type");
    unknown.push(0x67);
    unknown.extend_from_slice(b"nonsuch");
    unknown.push(0x64);
    unknown.extend_from_slice(b"data");
    unknown.push(0x40);
    let garbage_sync = fieldbase_core::protocol::Frame::Sync {
        document_id: id,
        sender_id: format!("{}junk", login.peer_prefix),
        target_id: "server".into(),
        data: vec![0x42; 64],
    }
    .encode();
    let cases = [
        ("not CBOR", Message::binary(vec![0xff, 0x00, 0x13, 0x37])),
        ("unknown type", Message::binary(unknown)),
        ("garbage sync payload", Message::binary(garbage_sync)),
        ("text frame", Message::text("hello")),
        ("oversized", Message::binary(vec![0u8; 200 * 1024])),
    ];
    for (what, junk) in cases {
        assert!(
            send_junk(&server, junk).await,
            "{what}: the server must close that connection"
        );
        let edit = ClientPatch {
            email: Some(format!("after-{}@intact.cz", what.replace(' ', "-"))),
            ..Default::default()
        };
        good.edit(id, &edit).unwrap();
        good.sync(&server.ws_url(), T)
            .await
            .unwrap_or_else(|e| panic!("after {what}: a good peer could not sync: {e}"));
    }

    // Nothing stored was harmed: a fresh replica reads everything, and so after a restart.
    let mut fresh = NativeReplica::new(login, "fresh");
    fresh.sync(&server.ws_url(), T).await.unwrap();
    let card = fresh.base.client(id).unwrap();
    assert_eq!(card.name, "Stays intact a.s.");
    assert_eq!(card.email, "after-oversized@intact.cz");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_that_stops_answering_pings_is_dropped() {
    let server =
        ServerProcess::start_with(&["--ping-seconds", "1", "--dead-after-seconds", "3"]).unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let peers = || server.metric("fieldbase_peers");

    // A peer that completes the handshake and then never reads again: it answers no ping.
    let mut silent = NativeReplica::new(login.clone(), "silent");
    let (mut ws, _) = connect_async(silent.sync_url(&server.ws_url()))
        .await
        .unwrap();
    ws.send(Message::binary(silent.sync.hello())).await.unwrap();
    let _peer = tokio::time::timeout(T, ws.next()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(peers(), 1.0);

    // A live peer keeps syncing the whole time, across several ping intervals.
    let mut live = NativeReplica::new(login, "live");
    for n in 0..3 {
        live.add(&format!("Live {n}"), "", "").unwrap();
        live.sync(&server.ws_url(), T).await.unwrap();
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while peers() != 0.0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the silent peer was not dropped"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(ws);
}

#[tokio::test(flavor = "multi_thread")]
async fn one_login_cannot_hold_too_many_connections() {
    use tokio_tungstenite::tungstenite;
    let server = ServerProcess::start_with(&["--max-connections-per-login", "3"]).unwrap();
    let login = server.login("admin", &server.admin_password).unwrap();
    let url = |device: &str| {
        format!(
            "{}?token={}&peer={}{device}",
            server.ws_url(),
            login.token,
            login.peer_prefix
        )
    };
    let mut open = Vec::new();
    for n in 0..3 {
        open.push(connect_async(url(&format!("tab{n}"))).await.unwrap().0);
    }
    match connect_async(url("tab3")).await {
        Err(tungstenite::Error::Http(resp)) => {
            assert_eq!(resp.status().as_u16(), 429);
            let body =
                String::from_utf8_lossy(resp.body().as_deref().unwrap_or_default()).into_owned();
            assert!(body.contains("3 sync connections"), "{body}");
        }
        other => panic!(
            "a fourth connection must be refused, got {:?}",
            other.map(|_| ())
        ),
    }

    // Another login of the same rep is not affected.
    let other = server.login("admin", &server.admin_password).unwrap();
    let mut replica = NativeReplica::new(other, "laptop");
    replica.add("Still served", "", "").unwrap();
    replica.sync(&server.ws_url(), T).await.unwrap();

    // Closing one frees its slot.
    let mut first = open.remove(0);
    first.close(None).await.unwrap();
    drop(first);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match connect_async(url("tab4")).await {
            Ok(_) => break,
            Err(e) => assert!(
                std::time::Instant::now() < deadline,
                "the slot was not freed: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
