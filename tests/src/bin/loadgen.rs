//! Load generator: N reps, each on its own websocket, in groups that share one client
//! document; every rep pushes M edits to its group's document. Measured per server, in
//! the same run: throughput (edits delivered per second), p50 / p99 time until every
//! other rep of the group has an edit, the server's memory (resident and peak, from
//! /proc), and bytes on the wire. Against our server and against the reference Node
//! server (`tests/js/ref-server.mjs`: npm automerge-repo 2.5.6 with its websocket
//! server adapter and file-system storage), with the ratios.
//!
//! `cargo run --release -p fieldbase-tests --bin loadgen -- [reps] [edits] [group] [ours|ref|both] [pause ms] [team|own]`
//! (defaults 100 reps, 20 edits, groups of 5, both, 10 ms between one rep's edits, team).
//!
//! `team`: every rep's list is the team index, so, like the PWA, each rep syncs every
//! client listed there: every group's document is on every rep's device and every edit
//! goes out to every connected rep (reps × groups document pairs). `own`: each rep's list
//! is a document of its own, so it holds only its group's client (the "interested reps"
//! of the benchmark; reps × 2 pairs).

use std::{
    collections::HashMap,
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use fieldbase_core::{
    ClientBase, DocumentId, SyncClient,
    automerge::{ActorId, ROOT, ReadDoc, transaction::Transactable},
};
use fieldbase_tests::{Login, NativeReplica, ServerProcess, server::temp_dir, workspace_root};
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::{connect_async, tungstenite::Message};

/// One edit: who made it, and when each other rep of the group first had it.
struct Sent {
    at: Instant,
    waiting: usize,
    done: Option<Duration>,
}

#[derive(Default)]
struct Shared {
    sent: HashMap<String, Sent>,
    bytes: usize,
    frames: usize,
    errors: Vec<String>,
}

struct Target {
    label: &'static str,
    url: String,
    ws: String,
    login: Login,
    pid: u32,
    _guard: Guard,
}

/// Keeps the server running until the target is dropped (ServerProcess kills its
/// child on drop; the Node child is killed here).
enum Guard {
    Ours(#[allow(dead_code)] ServerProcess),
    Ref(Child),
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Ref(child) = self {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn rss_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn start_ours(reps: usize) -> Target {
    let cap = (reps + 10).to_string();
    let server =
        ServerProcess::start_with(&["--max-connections-per-login", &cap]).expect("server starts");
    let login = server
        .login("admin", &server.admin_password)
        .expect("login");
    Target {
        label: "fieldbase-server (samod, SQLite)",
        url: server.url(),
        ws: server.ws_url(),
        login,
        pid: server.pid().expect("running"),
        _guard: Guard::Ours(server),
    }
}

/// Logs in to the reference server, which hands out the team index only (no team,
/// plan or book documents: the load uses none of them, so they name the index here).
fn ref_login(url: &str) -> Login {
    let v: serde_json::Value = ureq::post(&format!("{url}/api/login"))
        .send_json(serde_json::json!({ "username": "admin", "password": "secret" }))
        .expect("login")
        .into_json()
        .expect("login JSON");
    let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    let team_index: DocumentId = text("team_index").parse().expect("a team index");
    Login {
        token: text("token"),
        rep: text("rep"),
        peer_prefix: text("peer_prefix"),
        team_index,
        role: "head".into(),
        team_doc: team_index,
        plan: team_index,
        book: team_index,
        books: Vec::new(),
    }
}

fn start_ref() -> Target {
    let js = workspace_root().join("tests/js");
    let data = temp_dir("ref-server");
    let mut child = Command::new("node")
        .current_dir(&js)
        .arg("ref-server.mjs")
        .arg("--data")
        .arg(&data)
        .env("PORT", "0")
        .env("FB_USER", "admin")
        .env("FB_PASSWORD", "secret")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs ref-server.mjs (run scripts/setup.sh test)");
    let stdout = child.stdout.take().expect("piped");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("a line");
    let v: serde_json::Value = serde_json::from_str(&line).expect("the listening line");
    let url = v["url"].as_str().expect("url").to_string();
    let login = ref_login(&url);
    Target {
        label: "reference (npm automerge-repo 2.5.6)",
        ws: format!("{}/sync", url.replacen("http", "ws", 1)),
        url,
        login,
        pid: child.id(),
        _guard: Guard::Ref(child),
    }
}

/// A rep: its own replica and websocket; makes `edits` edits to `doc`, one every
/// `pause`, and records when it first sees each other rep's edit.
#[allow(clippy::too_many_arguments)]
async fn rep(
    n: usize,
    login: Login,
    ws_url: String,
    doc: DocumentId,
    edits: usize,
    audience: usize,
    total: usize,
    pause: Duration,
    start: Arc<tokio::sync::Barrier>,
    shared: Arc<Mutex<Shared>>,
    own_list: bool,
) {
    let list = if own_list {
        DocumentId::from_bytes(rand::random())
    } else {
        login.team_index
    };
    let mut base = ClientBase::new(list, ActorId::from(rand::random::<[u8; 16]>()));
    base.doc_or_empty(doc);
    let peer = format!(
        "{}load-{n}-{:08x}",
        login.peer_prefix,
        rand::random::<u32>()
    );
    let mut sync = SyncClient::new(peer.clone(), None);
    let url = format!("{ws_url}?token={}&peer={peer}", login.token);
    let (ws, _) = match connect_async(url).await {
        Ok(c) => c,
        Err(e) => {
            shared.lock().unwrap().errors.push(format!("rep {n}: {e}"));
            start.wait().await;
            return;
        }
    };
    let (mut tx, mut rx) = ws.split();
    let _ = tx.send(Message::binary(sync.hello())).await;
    let mut seen: std::collections::HashSet<String> = Default::default();
    let mut made = 0usize;
    let mut started = false;
    // Wait until the group's document has arrived before the run starts.
    let mut ticker = tokio::time::interval(pause);
    // Wakes the loop to see whether every edit has arrived everywhere, so a rep leaves
    // when the run is over, not at the server's next ping.
    let mut check = tokio::time::interval(Duration::from_millis(20));
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut waited = false;
    loop {
        if !waited && base.doc(doc).is_some_and(|d| !d.get_heads().is_empty()) {
            waited = true;
            start.wait().await;
            started = true;
        }
        let all_done = made >= edits && {
            let s = shared.lock().unwrap();
            s.sent.len() >= total && s.sent.values().all(|e| e.waiting == 0)
        };
        if all_done || Instant::now() > deadline {
            break;
        }
        tokio::select! {
            msg = rx.next() => {
                let Some(Ok(Message::Binary(bytes))) = msg else {
                    if msg.is_none() { break; }
                    continue;
                };
                let len = bytes.len();
                if let Err(e) = sync.receive(&mut base, &bytes) {
                    shared.lock().unwrap().errors.push(format!("rep {n}: {e}"));
                }
                {
                    let now = Instant::now();
                    let mut s = shared.lock().unwrap();
                    s.bytes += len;
                    s.frames += 1;
                    if let Some(d) = base.doc(doc) {
                        for key in d.keys(ROOT) {
                            if !key.starts_with("e:") || seen.contains(&key) { continue; }
                            seen.insert(key.clone());
                            if let Some(e) = s.sent.get_mut(&key)
                                && !key.starts_with(&format!("e:{n}:"))
                                && e.waiting > 0
                            {
                                e.waiting -= 1;
                                if e.waiting == 0 {
                                    e.done = Some(now - e.at);
                                }
                            }
                        }
                    }
                }
                for frame in sync.outgoing(&mut base) {
                    shared.lock().unwrap().bytes += frame.len();
                    let _ = tx.feed(Message::binary(frame)).await;
                }
                let _ = tx.flush().await;
            }
            _ = check.tick() => {}
            _ = ticker.tick(), if started && made < edits => {
                let key = format!("e:{n}:{made}");
                made += 1;
                if let Some(d) = base.doc_mut(doc) {
                    let mut t = d.transaction();
                    let _ = t.put(ROOT, key.as_str(), made as i64);
                    t.commit();
                }
                seen.insert(key.clone());
                shared.lock().unwrap().sent.insert(key, Sent {
                    at: Instant::now(),
                    waiting: audience,
                    done: (audience == 0).then_some(Duration::ZERO),
                });
                sync.touched(&base, &[doc]);
                for frame in sync.outgoing(&mut base) {
                    shared.lock().unwrap().bytes += frame.len();
                    let _ = tx.feed(Message::binary(frame)).await;
                }
                let _ = tx.flush().await;
            }
        }
    }
    let _ = tx.close().await;
}

struct Outcome {
    edits: usize,
    delivered: usize,
    elapsed: Duration,
    p50: Duration,
    p99: Duration,
    rss: (u64, u64),
    bytes: usize,
    frames: usize,
    errors: usize,
}

async fn run(
    target: &Target,
    reps: usize,
    edits: usize,
    group: usize,
    pause: Duration,
    own_list: bool,
) -> Outcome {
    let groups = reps.div_ceil(group);
    // Seed one client document per group.
    let mut seeder = NativeReplica::new(target.login.clone(), "seed");
    let mut docs = Vec::new();
    for g in 0..groups {
        docs.push(
            seeder
                .add(&format!("Group {g}"), "", "")
                .expect("a valid client"),
        );
    }
    seeder
        .sync(&target.ws, Duration::from_secs(600))
        .await
        .expect("seeded");
    let shared = Arc::new(Mutex::new(Shared::default()));
    let barrier = Arc::new(tokio::sync::Barrier::new(reps + 1));
    let members = |n: usize| ((n / group + 1) * group).min(reps) - (n / group) * group;
    let mut tasks = Vec::new();
    for n in 0..reps {
        tasks.push(tokio::spawn(rep(
            n,
            target.login.clone(),
            target.ws.clone(),
            docs[n / group],
            edits,
            members(n) - 1,
            reps * edits,
            pause,
            barrier.clone(),
            shared.clone(),
            own_list,
        )));
    }
    barrier.wait().await;
    let t0 = Instant::now();
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = t0.elapsed();
    let rss = rss_kib(target.pid);
    let s = shared.lock().unwrap();
    let mut lat: Vec<Duration> = s.sent.values().filter_map(|e| e.done).collect();
    lat.sort();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Outcome {
        edits: s.sent.len(),
        delivered: lat.len(),
        elapsed,
        p50: pct(0.5),
        p99: pct(0.99),
        rss,
        bytes: s.bytes,
        frames: s.frames,
        errors: s.errors.len(),
    }
}

#[tokio::main]
async fn main() {
    let arg = |i: usize, d: usize| {
        std::env::args()
            .nth(i)
            .and_then(|a| a.parse().ok())
            .unwrap_or(d)
    };
    let (reps, edits, group) = (arg(1, 100), arg(2, 20), arg(3, 5).max(2));
    let which = std::env::args().nth(4).unwrap_or_else(|| "both".into());
    let pause = Duration::from_millis(arg(5, 10) as u64);
    let own_list = std::env::args().nth(6).is_some_and(|a| a == "own");
    println!(
        "load: {reps} reps, {edits} edits each, groups of {group}, one edit per rep every {pause:?}, {} (release: {})",
        if own_list {
            "each rep holds its group's client only"
        } else {
            "each rep holds every client of the team"
        },
        !cfg!(debug_assertions)
    );
    let mut results = Vec::new();
    for name in ["ours", "ref"] {
        if which != "both" && which != name {
            continue;
        }
        let target = if name == "ours" {
            start_ours(reps)
        } else {
            start_ref()
        };
        let _ = &target.url;
        let o = run(&target, reps, edits, group, pause, own_list).await;
        let throughput = o.delivered as f64 / o.elapsed.as_secs_f64();
        println!(
            "{:<38} {:>6} edits {:>6} delivered in {:>6.2} s = {:>8.1} edits/s  p50 {:>7.1} ms  p99 {:>7.1} ms  server RSS {:>7.1} MiB (peak {:>7.1})  {:>8.1} KiB on the wire, {} frames in  {} errors",
            target.label,
            o.edits,
            o.delivered,
            o.elapsed.as_secs_f64(),
            throughput,
            o.p50.as_secs_f64() * 1000.0,
            o.p99.as_secs_f64() * 1000.0,
            o.rss.0 as f64 / 1024.0,
            o.rss.1 as f64 / 1024.0,
            o.bytes as f64 / 1024.0,
            o.frames,
            o.errors,
        );
        results.push((throughput, o.rss.1));
    }
    if let [(ours_t, ours_m), (ref_t, ref_m)] = results[..] {
        println!(
            "ratios: throughput ours/ref {:.2}x, peak memory ours/ref {:.2}",
            ours_t / ref_t,
            ours_m as f64 / ref_m as f64
        );
    }
}
