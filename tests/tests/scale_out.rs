//! Scale-out: two real server processes over one throw-away PostgreSQL serve one team.
//! A change accepted by one instance reaches a rep connected to the other within a
//! second, both ways, and an instance killed with -9 loses nothing the other serves.

use std::time::{Duration, Instant};

use fieldbase_core::ClientPatch;
use fieldbase_tests::{Backend, LiveSession, NativeReplica, ServerProcess};

const T: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_over_one_postgres_serve_one_team() {
    let backend = Backend::postgres().unwrap();
    let mut one = backend.start_server(&[]).unwrap();
    // The second instance shares the first's accounts (SQLite in one data directory).
    let args = backend.args();
    let two = ServerProcess::start_in_with(
        one.data.clone(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
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
    let args = backend.args();
    let two = ServerProcess::start_in_with(
        one.data.clone(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
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
