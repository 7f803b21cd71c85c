#!/usr/bin/env node
// A cheating client: the npm automerge-repo client (2.5.6) plus raw websockets, logged in
// as a plain rep, trying what the server must refuse. It reports what happened; the Rust
// test (tests/tests/acl.rs) decides whether that is right.
//
// Environment:
//   FB_URL        base URL, e.g. http://127.0.0.1:8080            (required)
//   FB_USER       username of a plain rep                         (required)
//   FB_PASSWORD   password                                        (required)
//   FB_FORBIDDEN  comma-separated document ids the rep may not read (required)
//   FB_PUSH       a document id the rep may not read, to push changes into (required)
//   FB_PLAN       the plan document id (readable, not writable)   (required)
//   FB_VICTIM     another rep's name, whose peer id we claim       (required)
//   FB_DEBUG=1    progress notes on stderr
//
// Prints one JSON line:
//   {"ok":true,"claimStatus":<http status|"open">,"handshake":"closed"|"peer",
//    "forbidden":{<id>:"unavailable"|"data"|<error>},"planTarget":<string|null>,
//    "planAcked":bool,"pushedAcked":bool}

import crypto from "node:crypto";
import WebSocket from "ws";
import { encode, decode } from "cbor-x";
import { Repo, stringifyAutomergeUrl, encodeHeads } from "@automerge/automerge-repo";
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";
import * as Automerge from "@automerge/automerge";

const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log = (...a) => console.error(...a);
console.info = (...a) => console.error(...a);
const DEBUG = !!process.env.FB_DEBUG && process.env.FB_DEBUG !== "0";
const note = (...a) => {
  if (DEBUG) process.stderr.write(`[cheat] ${a.join(" ")}\n`);
};

let finished = false;
function finish(result, code) {
  if (finished) return;
  finished = true;
  stdoutWrite(JSON.stringify(result) + "\n", () => process.exit(code));
  setTimeout(() => process.exit(code), 2000).unref();
}
function fail(err) {
  note(`failure: ${err?.stack ?? err}`);
  finish({ ok: false, error: err instanceof Error ? err.message : String(err) }, 1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
setTimeout(() => fail(new Error("overall timeout of 60 s exceeded")), 60_000).unref();

const sleep = ms => new Promise(r => setTimeout(r, ms));
const str = v => (v instanceof Automerge.ImmutableString ? v.val : v == null ? null : String(v));
const env = name => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

function syncUrl(baseUrl, token, peerId) {
  const u = new URL("/sync", baseUrl);
  u.protocol = "ws:";
  u.searchParams.set("token", token);
  u.searchParams.set("peer", peerId);
  return u.toString();
}

// Claim another rep's peer id in the upgrade: the server must refuse before any frame.
function claimInUrl(url) {
  return new Promise(resolve => {
    const ws = new WebSocket(url);
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("error", () => resolve("error"));
  });
}

// Open a connection as ourselves, then claim another rep's id in the join message: samod
// must close the connection without answering "peer".
function claimInJoin(url, claimed) {
  return new Promise(resolve => {
    const ws = new WebSocket(url);
    const t = setTimeout(() => {
      resolve("timeout");
      ws.terminate();
    }, 10_000);
    ws.on("open", () => {
      ws.send(
        encode({
          type: "join",
          senderId: claimed,
          peerMetadata: { isEphemeral: true },
          supportedProtocolVersions: ["1"],
        }),
      );
    });
    ws.on("message", data => {
      const msg = decode(data);
      note(`join answer: ${msg.type}`);
      if (msg.type === "peer") {
        clearTimeout(t);
        resolve("peer");
        ws.close();
      }
    });
    ws.on("close", () => {
      clearTimeout(t);
      resolve("closed");
    });
    ws.on("error", () => {});
  });
}

function connect(baseUrl, session) {
  const peerId = `${session.peer_prefix}cheat-${crypto.randomBytes(6).toString("hex")}`;
  const adapter = new WebSocketClientAdapter(syncUrl(baseUrl, session.token, peerId));
  let serverPeerId = null;
  const serverPeer = new Promise(resolve =>
    adapter.on("peer-candidate", ({ peerId: id }) => {
      serverPeerId = id;
      resolve(id);
    }),
  );
  const repo = new Repo({ network: [adapter], peerId, sharePolicy: async () => true });
  const theirHeads = new Map();
  repo.synchronizer.on("sync-state", ({ peerId: from, documentId, syncState }) => {
    if (from === serverPeerId && syncState.theirHeads) theirHeads.set(documentId, encodeHeads(syncState.theirHeads));
  });
  const acked = handle => {
    const remote = theirHeads.get(handle.documentId) ?? [];
    return handle.heads().every(h => remote.includes(h));
  };
  return { repo, serverPeer, acked };
}

async function main() {
  const baseUrl = env("FB_URL");
  const forbidden = env("FB_FORBIDDEN").split(",");
  const pushId = env("FB_PUSH");
  const plan = env("FB_PLAN");
  const victim = env("FB_VICTIM");

  const res = await fetch(new URL("/api/login", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: env("FB_USER"), password: env("FB_PASSWORD") }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const session = await res.json();

  const claimStatus = await claimInUrl(syncUrl(baseUrl, session.token, `${victim}/stolen`));
  note(`claim in URL: ${claimStatus}`);
  const handshake = await claimInJoin(
    syncUrl(baseUrl, session.token, `${session.peer_prefix}honest`),
    `${victim}/honest`,
  );
  note(`claim in join: ${handshake}`);

  // Ask for documents we may not read.
  const reader = connect(baseUrl, session);
  await reader.serverPeer;
  const result = {};
  for (const id of forbidden) {
    try {
      const h = await reader.repo.find(stringifyAutomergeUrl({ documentId: id }), {
        signal: AbortSignal.timeout(8000),
      });
      result[id] = h.doc() ? "data" : "empty";
    } catch (e) {
      result[id] = /unavailable/i.test(e.message) ? "unavailable" : e.message;
    }
    note(`find ${id}: ${result[id]}`);
  }

  // The plan: readable, but our changes must not be stored.
  const planHandle = await reader.repo.find(stringifyAutomergeUrl({ documentId: plan }), {
    signal: AbortSignal.timeout(8000),
  });
  const planTarget = str(planHandle.doc()?.target);
  for (let n = 0; n < 3; n++) {
    planHandle.change(d => {
      d.target = new Automerge.ImmutableString(`js cheat ${n}`);
      d.cheat = new Automerge.ImmutableString("a plain rep was here");
    });
    await sleep(300);
  }
  await sleep(2000);
  const planAcked = reader.acked(planHandle);

  // Push changes into a document we may not read, under its id.
  const pusher = connect(baseUrl, session);
  await pusher.serverPeer;
  const forged = Automerge.from({ name: new Automerge.ImmutableString("hacked by js"), kind: "client" });
  const pushed = pusher.repo.import(Automerge.save(forged), { docId: pushId });
  pushed.change(d => {
    d.email = new Automerge.ImmutableString("evil@example.com");
  });
  await sleep(3000);
  const pushedAcked = pusher.acked(pushed);

  for (const r of [reader.repo, pusher.repo]) {
    await Promise.race([r.shutdown(), sleep(3000)]).catch(() => {});
  }
  finish({ ok: true, claimStatus, handshake, forbidden: result, planTarget, planAcked, pushedAcked }, 0);
}

main().catch(fail);
