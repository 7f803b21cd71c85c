#!/usr/bin/env node
// Interop check: the npm automerge-repo client (2.5.6) against a Fieldbase sync
// server (the Rust one, or ref-server.mjs).
//
// Environment:
//   FB_URL           base URL, e.g. http://127.0.0.1:8080          (required)
//   FB_USER          username                                        (required)
//   FB_PASSWORD      password                                        (required)
//   FB_EXPECT_CLIENT a client name that must appear in the team index and whose
//                    client document must load with that name        (optional)
//   FB_NEW_CLIENT    name of a client to create (client doc + index entry)
//                                                                     (optional)
//   FB_DEBUG=1       progress notes on stderr
//
// Prints exactly one JSON line on stdout:
//   {"ok":true,"found":<doc id|null>,"created":<doc id|null>}   exit 0
//   {"ok":false,"error":"..."}                                   exit 1
//
// "created" is only reported once the server has acknowledged the changes: we
// wait until the heads the server reports in its sync messages (syncState
// .theirHeads for the server peer) include our local heads, for both the new
// client document and the team index.

import crypto from "node:crypto";
import { Repo, stringifyAutomergeUrl, isValidDocumentId, encodeHeads } from "@automerge/automerge-repo";
import { WebSocketClientAdapter } from "@automerge/automerge-repo-network-websocket";
import { ImmutableString } from "@automerge/automerge";

// Fieldbase's schema keeps card fields as scalar strings (last writer wins), which
// Automerge 3's JS API reads and writes as ImmutableString; plain JS strings would become
// collaborative text. `str` reads either.
const str = v => (v instanceof ImmutableString ? v.val : typeof v === "string" ? v : v == null ? v : String(v));

const OVERALL_TIMEOUT_MS = 30_000;
const PEER_TIMEOUT_MS = 10_000;
const FIND_TIMEOUT_MS = 15_000;
const EXPECT_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 10_000;

// automerge-repo itself calls console.log in a few error paths; keep stdout
// reserved for the single result line.
const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log = (...a) => console.error(...a);
console.info = (...a) => console.error(...a);

const DEBUG = !!process.env.FB_DEBUG && process.env.FB_DEBUG !== "0";
const note = (...a) => {
  if (DEBUG) process.stderr.write(`[interop] ${a.join(" ")}\n`);
};

let finished = false;
function finish(result, code) {
  if (finished) return;
  finished = true;
  stdoutWrite(JSON.stringify(result) + "\n", () => process.exit(code));
  // In case the write callback never fires.
  setTimeout(() => process.exit(code), 2000).unref();
}
function fail(err) {
  const msg = err instanceof Error ? err.message : String(err);
  note(`failure: ${err?.stack ?? msg}`);
  finish({ ok: false, error: msg }, 1);
}

process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
setTimeout(() => fail(new Error(`overall timeout of ${OVERALL_TIMEOUT_MS} ms exceeded`)), OVERALL_TIMEOUT_MS).unref();

const sleep = ms => new Promise(r => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

function env(name, required) {
  const v = process.env[name];
  if (required && (v === undefined || v === "")) throw new Error(`${name} is not set`);
  return v === "" ? undefined : v;
}

async function login(baseUrl, username, password) {
  let res;
  try {
    res = await fetch(new URL("/api/login", baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw new Error(`login request failed: ${e?.cause?.message ?? e?.message ?? e}`);
  }
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login failed: HTTP ${res.status} ${text.slice(0, 200)}`);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`login response is not JSON: ${text.slice(0, 200)}`);
  }
  for (const k of ["token", "rep", "peer_prefix", "team_index"]) {
    if (typeof body[k] !== "string" || body[k] === "") throw new Error(`login response lacks string field ${k}`);
  }
  if (typeof body.expires_at !== "number") throw new Error("login response lacks numeric expires_at");
  if (!body.peer_prefix.endsWith("/")) throw new Error(`peer_prefix does not end in '/': ${body.peer_prefix}`);
  if (!isValidDocumentId(body.team_index)) throw new Error(`team_index is not a valid document id: ${body.team_index}`);
  if (body.rep !== username) throw new Error(`login rep ${body.rep} != username ${username}`);
  return body;
}

function syncUrl(baseUrl, token, peerId) {
  const u = new URL("/sync", baseUrl);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  u.searchParams.set("token", token);
  // The server binds the connection to this peer id (it must start with peer_prefix).
  u.searchParams.set("peer", peerId);
  return u.toString();
}

const docUrl = documentId => stringifyAutomergeUrl({ documentId });

async function main() {
  const baseUrl = env("FB_URL", true);
  const user = env("FB_USER", true);
  const password = env("FB_PASSWORD", true);
  const expectName = env("FB_EXPECT_CLIENT", false);
  const newName = env("FB_NEW_CLIENT", false);

  const session = await login(baseUrl, user, password);
  note(`logged in as ${session.rep}, index ${session.team_index}`);

  const peerId = `${session.peer_prefix}node-${crypto.randomBytes(6).toString("hex")}`;
  const adapter = new WebSocketClientAdapter(syncUrl(baseUrl, session.token, peerId));

  // Server peer: the adapter emits peer-candidate when the server answers our
  // join with a "peer" message.
  let serverPeerId = null;
  const serverPeer = new Promise(resolve => {
    adapter.on("peer-candidate", ({ peerId: id, peerMetadata }) => {
      note(`server peer ${id} metadata ${JSON.stringify(peerMetadata)}`);
      serverPeerId = id;
      resolve(id);
    });
  });
  adapter.on("peer-disconnected", ({ peerId: id }) => note(`server peer ${id} disconnected`));

  // Track the heads the server has told us it has, per document.
  const theirHeads = new Map(); // documentId -> UrlHeads
  const headWaiters = new Set();

  const repo = new Repo({ network: [adapter], peerId, sharePolicy: async () => true });
  repo.synchronizer.on("sync-state", ({ peerId: from, documentId, syncState }) => {
    if (from !== serverPeerId || !syncState.theirHeads) return;
    theirHeads.set(documentId, encodeHeads(syncState.theirHeads));
    for (const w of headWaiters) w();
  });

  const serverHas = handle => {
    const remote = theirHeads.get(handle.documentId);
    if (!remote) return false;
    return handle.heads().every(h => remote.includes(h));
  };
  const waitServerHas = (handles, ms) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (handles.every(serverHas)) {
          headWaiters.delete(check);
          clearTimeout(t);
          resolve();
        }
      };
      const t = setTimeout(() => {
        headWaiters.delete(check);
        const missing = handles.filter(h => !serverHas(h)).map(h => h.documentId);
        reject(new Error(`server did not acknowledge changes to ${missing.join(", ")} within ${ms} ms`));
      }, ms);
      headWaiters.add(check);
      check();
    });

  await withTimeout(serverPeer, PEER_TIMEOUT_MS, "server peer message (join rejected? bad token or peer id?)");

  const index = await repo.find(docUrl(session.team_index), { signal: AbortSignal.timeout(FIND_TIMEOUT_MS) });
  note(`index loaded, ${Object.keys(index.doc()?.clients ?? {}).length} clients`);

  let found = null;
  if (expectName !== undefined) {
    const deadline = Date.now() + EXPECT_TIMEOUT_MS;
    for (;;) {
      const clients = index.doc()?.clients ?? {};
      const hit = Object.entries(clients).find(([, c]) => c && str(c.name) === expectName);
      if (hit) {
        found = hit[0];
        break;
      }
      if (Date.now() > deadline) throw new Error(`client ${JSON.stringify(expectName)} not in team index after ${EXPECT_TIMEOUT_MS} ms`);
      await sleep(200);
    }
    if (!isValidDocumentId(found)) throw new Error(`index key ${found} is not a valid document id`);
    const client = await repo.find(docUrl(found), { signal: AbortSignal.timeout(FIND_TIMEOUT_MS) });
    const doc = client.doc();
    if (!doc || str(doc.name) !== expectName) {
      throw new Error(`client doc ${found} has name ${JSON.stringify(str(doc?.name))}, expected ${JSON.stringify(expectName)}`);
    }
    note(`found client ${found}`);
  }

  let created = null;
  if (newName !== undefined) {
    const fields = {
      name: new ImmutableString(newName),
      phone: new ImmutableString("+420601123456"),
      email: new ImmutableString("node@example.com"),
      status: new ImmutableString("prospect"),
    };
    const client = repo.create({ kind: "client", ...fields, archived: false });
    created = client.documentId;
    index.change(d => {
      if (!d.clients) d.clients = {};
      d.clients[created] = { ...fields, archived: false };
    });
    note(`created client ${created}, waiting for server acknowledgement`);
    await waitServerHas([client, index], ACK_TIMEOUT_MS);
    note("server acknowledged");
  }

  await withTimeout(repo.shutdown(), 5000, "repo shutdown").catch(e => note(`shutdown: ${e.message}`));
  finish({ ok: true, found, created }, 0);
}

main().catch(fail);
