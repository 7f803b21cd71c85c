//! Unloading idle documents (`serve --unload-idle-seconds`, samod's
//! `with_unload_idle_after`): a document nobody is syncing leaves the server's memory
//! once its writes are on disk, and comes back from storage when asked for. Here the
//! idle time is 1 s: the documents gauge drops, reloaded documents sync both ways, a rep
//! connected across an unload still gets a colleague's edit live, the rules still apply
//! to a reloaded document, `kill -9` right after an unload loses nothing
//! acknowledged, and with two instances over PostgreSQL a rep connected to one gets an
//! edit made on the other of a document his instance had unloaded.

use std::time::{Duration, Instant};

use fieldbase_core::{ClientPatch, DocumentId};
use fieldbase_tests::{Backend, Error, LiveSession, NativeReplica, ServerProcess, server::add_rep};

const T: Duration = Duration::from_secs(30);

/// A server whose documents unload after 1 s of idleness.
fn start() -> ServerProcess {
    ServerProcess::start_with(&["--unload-idle-seconds", "1"]).unwrap()
}

/// Waits until the server holds no document in memory (everything unloaded).
async fn all_unloaded(server: &ServerProcess) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let n = server.metric("fieldbase_documents_in_memory");
        if n == 0.0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{n} documents still in memory after 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn email(r: &NativeReplica, id: DocumentId) -> Option<String> {
    r.base.client(id).map(|c| c.email)
}

fn patch_email(r: &mut NativeReplica, id: DocumentId, email: &str) {
    r.edit(
        id,
        &ClientPatch {
            email: Some(email.into()),
            ..Default::default()
        },
    )
    .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn idle_documents_leave_memory_and_reloaded_ones_sync_both_ways() {
    let server = start();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut phone = NativeReplica::new(login.clone(), "phone");
    let ids: Vec<DocumentId> = (0..5)
        .map(|n| phone.add(&format!("Idle {n} s.r.o."), "", "").unwrap())
        .collect();
    phone.sync(&server.ws_url(), T).await.unwrap();
    assert!(
        server.metric("fieldbase_documents_in_memory") >= 6.0,
        "the index and 5 clients are in memory after the upload"
    );
    all_unloaded(&server).await;

    // A new device's first sync loads every document again: server → client.
    let mut laptop = NativeReplica::new(login.clone(), "laptop");
    laptop.sync(&server.ws_url(), T).await.unwrap();
    for (n, id) in ids.iter().enumerate() {
        assert_eq!(
            laptop.base.client(*id).map(|c| c.name),
            Some(format!("Idle {n} s.r.o.")),
            "a reloaded document reaches a new device"
        );
    }
    assert!(
        server.metric("fieldbase_documents_in_memory") >= 6.0,
        "loaded again"
    );
    all_unloaded(&server).await;

    // An edit of an unloaded document: client → server, then to a third device.
    patch_email(&mut laptop, ids[2], "reloaded@idle.cz");
    let report = laptop.sync(&server.ws_url(), T).await.unwrap();
    assert!(report.frames_sent > 0);
    all_unloaded(&server).await;
    phone.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(email(&phone, ids[2]).as_deref(), Some("reloaded@idle.cz"));
    let mut tablet = NativeReplica::new(login, "tablet");
    tablet.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(email(&tablet, ids[2]).as_deref(), Some("reloaded@idle.cz"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rep_connected_across_an_unload_gets_a_colleagues_edit_live() {
    let server = start();
    let anna_login = server.login("admin", &server.admin_password).unwrap();
    let boris_login = add_rep(&server, "boris", "rep");
    let mut anna = NativeReplica::new(anna_login, "phone");
    let mut boris = NativeReplica::new(boris_login, "laptop");
    let shared = anna
        .add("Shared live a.s.", "+420 601 000 001", "")
        .unwrap();
    let mut a = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();
    let mut b = LiveSession::open(&mut boris, &server.ws_url(), T)
        .await
        .unwrap();
    assert_eq!(
        boris.base.client(shared).map(|c| c.name).as_deref(),
        Some("Shared live a.s.")
    );

    for round in 0..3 {
        // Both stay connected and idle: every document leaves memory.
        all_unloaded(&server).await;
        // Anna edits; the document is loaded again for her change, and Boris, who was
        // syncing it before the unload, receives it without asking.
        let mail = format!("round{round}@anna.cz");
        patch_email(&mut anna, shared, &mail);
        let start = Instant::now();
        a.push(&mut anna).await.unwrap();
        b.until(&mut boris, T, |r| {
            email(r, shared).as_deref() == Some(&mail)
        })
        .await
        .unwrap();
        let latency = start.elapsed();
        println!("round {round}: Anna's edit reached Boris in {latency:?} across a reload");
        assert!(latency < Duration::from_secs(5), "{latency:?}");
        a.settle(&mut anna, T).await.unwrap();
        b.settle(&mut boris, T).await.unwrap();

        // And back: Boris edits after the next unload, Anna receives it live.
        all_unloaded(&server).await;
        let phone = format!("+42060200000{round}");
        boris
            .edit(
                shared,
                &ClientPatch {
                    phone: Some(phone.clone()),
                    ..Default::default()
                },
            )
            .unwrap();
        b.push(&mut boris).await.unwrap();
        a.until(&mut anna, T, |r| {
            r.base.client(shared).is_some_and(|c| c.phone == phone)
        })
        .await
        .unwrap();
        a.settle(&mut anna, T).await.unwrap();
        b.settle(&mut boris, T).await.unwrap();
    }
    a.close(&mut anna).await;
    b.close(&mut boris).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rules_apply_to_a_reloaded_document() {
    let server = start();
    let anna_login = add_rep(&server, "anna", "rep");
    let boris_login = add_rep(&server, "boris", "rep");
    // Anna's key account: restricted, in her book.
    let mut anna = NativeReplica::on_index(anna_login.clone(), "book", anna_login.book);
    let key = anna.add("Anna Key a.s.", "+420 601 000 777", "").unwrap();
    assert_eq!(server.register_client(&anna_login, key, true).unwrap(), 201);
    anna.sync(&server.ws_url(), T).await.unwrap();

    // Boris stays connected and asks for it: refused, before and after an unload.
    let mut boris = NativeReplica::new(boris_login.clone(), "laptop");
    boris.want(key);
    let mut b = LiveSession::open(&mut boris, &server.ws_url(), T)
        .await
        .unwrap();
    assert!(!boris.has_data(key));
    all_unloaded(&server).await;
    // Anna edits it (reloaded for her); Boris, connected, receives nothing.
    patch_email(&mut anna, key, "secret@anna.cz");
    anna.sync(&server.ws_url(), T).await.unwrap();
    let waited = b
        .until(&mut boris, Duration::from_secs(2), |r| r.has_data(key))
        .await;
    assert!(matches!(waited, Err(Error::Timeout(_))), "{waited:?}");
    b.close(&mut boris).await;
    all_unloaded(&server).await;
    // A fresh request after another unload: refused as an unknown id; Anna reads it.
    let mut probe = NativeReplica::new(boris_login, "probe");
    probe.want(key);
    probe.sync(&server.ws_url(), T).await.unwrap();
    assert!(!probe.has_data(key) && probe.unavailable.contains(&key));
    let mut again = NativeReplica::on_index(anna_login.clone(), "again", anna_login.book);
    again.want(key);
    again.sync(&server.ws_url(), T).await.unwrap();
    assert_eq!(email(&again, key).as_deref(), Some("secret@anna.cz"));
}

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_right_after_an_unload_loses_nothing_acknowledged() {
    let mut server = start();
    let login = server.login("admin", &server.admin_password).unwrap();
    let mut anna = NativeReplica::new(login.clone(), "phone");
    let ids: Vec<DocumentId> = (0..10)
        .map(|n| anna.add(&format!("Durable {n} k.s."), "", "").unwrap())
        .collect();
    let mut live = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();
    for (n, id) in ids.iter().enumerate() {
        patch_email(&mut anna, *id, &format!("first{n}@durable.cz"));
    }
    live.until(&mut anna, T, |r| {
        r.sync.status(&r.base).pending_changes == 0
    })
    .await
    .unwrap();
    // Acknowledged; now unloaded; then killed at once.
    all_unloaded(&server).await;
    server.kill9();
    live.close(&mut anna).await;
    server.start_again().unwrap();

    // Each document is reloaded for an edit, acknowledged, and the server killed
    // right after the acknowledgement (some documents still in memory, some unloaded).
    let mut live = LiveSession::open(&mut anna, &server.ws_url(), T)
        .await
        .unwrap();
    for (n, id) in ids.iter().enumerate() {
        patch_email(&mut anna, *id, &format!("second{n}@durable.cz"));
    }
    live.until(&mut anna, T, |r| {
        r.sync.status(&r.base).pending_changes == 0
    })
    .await
    .unwrap();
    server.kill9();
    live.close(&mut anna).await;
    server.start_again().unwrap();

    let mut fresh = NativeReplica::new(login, "fresh");
    fresh.sync(&server.ws_url(), T).await.unwrap();
    for (n, id) in ids.iter().enumerate() {
        assert_eq!(
            email(&fresh, *id),
            Some(format!("second{n}@durable.cz")),
            "an acknowledged edit survived kill -9"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rep_on_another_instance_gets_an_edit_of_a_document_unloaded_there() {
    let backend = Backend::postgres().unwrap();
    let one = backend
        .start_server(&["--unload-idle-seconds", "1"])
        .unwrap();
    let mut args = backend.args();
    args.extend(["--unload-idle-seconds".to_string(), "1".to_string()]);
    let two = ServerProcess::start_in_with(
        one.data.clone(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    let anna_login = one.login("admin", &one.admin_password).unwrap();
    let boris_login = add_rep(&one, "boris", "rep");
    let mut anna = NativeReplica::new(anna_login, "phone");
    let mut boris = NativeReplica::new(boris_login, "laptop");
    let shared = anna.add("Across instances a.s.", "", "").unwrap();
    let mut a = LiveSession::open(&mut anna, &one.ws_url(), T)
        .await
        .unwrap();
    let mut b = LiveSession::open(&mut boris, &two.ws_url(), T)
        .await
        .unwrap();
    assert!(boris.base.client(shared).is_some());
    for round in 0..2 {
        // Both instances unload everything while Anna and Boris stay connected.
        all_unloaded(&one).await;
        all_unloaded(&two).await;
        let mail = format!("round{round}@one.cz");
        patch_email(&mut anna, shared, &mail);
        a.push(&mut anna).await.unwrap();
        b.until(&mut boris, T, |r| {
            email(r, shared).as_deref() == Some(&mail)
        })
        .await
        .unwrap();
        a.settle(&mut anna, T).await.unwrap();
        b.settle(&mut boris, T).await.unwrap();
    }
}
