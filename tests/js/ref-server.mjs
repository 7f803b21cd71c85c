#!/usr/bin/env node
// Reference Fieldbase sync server, built on the npm automerge-repo packages.
//
// It implements the same HTTP/websocket contract as the Rust (samod) server so
// that interop.mjs and the benchmarks can be checked against a known-good
// implementation:
//
//   POST /api/login  {"username","password"} -> 200 {token, rep, peer_prefix,
//                    team_index, expires_at} | 401
//   GET  /healthz    -> 200 "ok"
//   GET  /sync?token=T  (websocket upgrade) -> automerge-repo websocket protocol;
//                    401 on a missing/unknown/expired token; a join whose
//                    senderId does not start with peer_prefix gets an "error"
//                    message and the socket is closed.
//
// Usage:  PORT=8080 FB_USER=alice FB_PASSWORD=secret node ref-server.mjs [--data DIR] [--web DIR]
//
// Environment:
//   PORT            listen port on 127.0.0.1 (default 0 = pick a free one)
//   HOST            listen address (default 127.0.0.1)
//   FB_USER         the one valid username (default "alice")
//   FB_PASSWORD     its password (default "secret")
//   FB_PEER_PREFIX  peer id prefix handed out at login (default "rep-x/")
//   FB_TRACE=1      log every decoded websocket message to stderr
//
// With --data DIR documents are persisted with automerge-repo-storage-nodefs
// and the team index id is kept in DIR/fieldbase-ref.json, so a restart on the
// same DIR serves the same index. Without it everything is in memory.
//
// With --web DIR it also serves the static files in DIR (the built PWA, web/dist) from
// "/" on the same origin: GET/HEAD only, index.html for "/" and for extension-less
// paths, "Cache-Control: no-cache" so the service worker decides what is cached.
//
// When listening it prints one JSON line to stdout:
//   {"listening":true,"port":N,"url":"http://127.0.0.1:N","team_index":"..."}

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { WebSocketServer } from "ws";
import { Repo, cbor, stringifyAutomergeUrl, isValidDocumentId } from "@automerge/automerge-repo";
import { NodeWSServerAdapter } from "@automerge/automerge-repo-network-websocket";

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

function parseArgs(argv) {
  const out = { data: null, web: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") out.data = argv[++i];
    else if (a.startsWith("--data=")) out.data = a.slice("--data=".length);
    else if (a === "--web") out.web = argv[++i];
    else if (a.startsWith("--web=")) out.web = a.slice("--web=".length);
    else if (a === "-h" || a === "--help") {
      process.stderr.write("usage: PORT=N FB_USER=u FB_PASSWORD=p node ref-server.mjs [--data DIR] [--web DIR]\n");
      process.exit(0);
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      process.exit(2);
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const HOST = process.env.HOST || "127.0.0.1";
const PORT = Number(process.env.PORT || 0);
const USER = process.env.FB_USER || "alice";
const PASSWORD = process.env.FB_PASSWORD || "secret";
const PEER_PREFIX = process.env.FB_PEER_PREFIX || "rep-x/";
const TRACE = !!process.env.FB_TRACE && process.env.FB_TRACE !== "0";

const log = (...a) => process.stderr.write(`[ref-server] ${a.join(" ")}\n`);

function describe(msg) {
  const o = {};
  for (const [k, v] of Object.entries(msg)) {
    if (v instanceof Uint8Array) o[k] = `<${v.byteLength} bytes>`;
    else o[k] = v === undefined ? "<undefined>" : v;
  }
  return JSON.stringify(o);
}

// Server-side adapter that enforces the token -> peer id prefix binding.
class FieldbaseWSServerAdapter extends NodeWSServerAdapter {
  receiveMessage(messageBytes, socket) {
    let message;
    try {
      message = cbor.decode(new Uint8Array(messageBytes));
    } catch {
      socket.close(1008, "undecodable message");
      return;
    }
    if (TRACE) log(`<- ${socket.fbUser}: ${describe(message)}`);
    if (message && message.type === "join") {
      const sender = String(message.senderId ?? "");
      if (!sender.startsWith(socket.fbPeerPrefix)) {
        log(`rejecting peer id ${JSON.stringify(sender)} (prefix ${socket.fbPeerPrefix})`);
        socket.send(
          cbor.encode({
            type: "error",
            senderId: this.peerId,
            message: `peer id must start with ${socket.fbPeerPrefix}`,
            targetId: sender,
          }),
        );
        socket.close(1008, "bad peer id");
        return;
      }
      socket.fbPeerId = sender;
    } else if (!socket.fbPeerId || message.senderId !== socket.fbPeerId) {
      // Messages before join, or spoofing another sender: drop them.
      if (TRACE) log(`dropping message from unjoined/spoofed sender ${message?.senderId}`);
      return;
    }
    super.receiveMessage(messageBytes, socket);
  }

  send(message) {
    if (TRACE) log(`-> ${message.targetId}: ${describe(message)}`);
    super.send(message);
  }
}

const STATIC_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

// Serves a file of the --web directory; true when it answered.
function serveStatic(root, req, res, pathname) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (rel.endsWith("/")) rel += "index.html";
  else if (!path.extname(rel)) rel = "/index.html";
  const file = path.resolve(root, "." + path.posix.normalize(rel));
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  let body;
  try {
    body = fs.readFileSync(file);
  } catch {
    return false;
  }
  res.writeHead(200, {
    "content-type": STATIC_TYPES[path.extname(file)] || "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

async function main() {
  let storage;
  let stateFile = null;
  if (args.data) {
    fs.mkdirSync(args.data, { recursive: true });
    const { NodeFSStorageAdapter } = await import("@automerge/automerge-repo-storage-nodefs");
    storage = new NodeFSStorageAdapter(path.join(args.data, "automerge"));
    stateFile = path.join(args.data, "fieldbase-ref.json");
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const repo = new Repo({
    network: [new FieldbaseWSServerAdapter(wss)],
    storage,
    peerId: `fieldbase-ref-server-${crypto.randomBytes(4).toString("hex")}`,
    // A sync server answers requests but does not push every document it holds
    // to every client that connects.
    sharePolicy: async () => false,
  });

  let teamIndex = null;
  if (stateFile && fs.existsSync(stateFile)) {
    const saved = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    if (!isValidDocumentId(saved.team_index)) throw new Error(`bad team_index in ${stateFile}`);
    teamIndex = saved.team_index;
    const h = await repo.find(stringifyAutomergeUrl({ documentId: teamIndex }));
    if (!h.doc()?.clients) throw new Error(`team index ${teamIndex} missing or has no clients map`);
  } else {
    const h = repo.create({ clients: {} });
    teamIndex = h.documentId;
    if (stateFile) {
      await repo.flush([teamIndex]);
      fs.writeFileSync(stateFile, JSON.stringify({ team_index: teamIndex }) + "\n");
    }
  }

  const tokens = new Map(); // token -> { user, expiresAt }
  const webRoot = args.web ? path.resolve(args.web) : null;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const json = (status, body) => {
      const s = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(s) });
      res.end(s);
    };
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
      return;
    }
    if (url.pathname === "/api/login") {
      if (req.method !== "POST") return json(405, { error: "method not allowed" });
      let body = "";
      req.setEncoding("utf8");
      req.on("data", c => {
        body += c;
        if (body.length > 64 * 1024) req.destroy();
      });
      req.on("end", () => {
        let creds;
        try {
          creds = JSON.parse(body);
        } catch {
          return json(400, { error: "invalid json" });
        }
        if (!creds || creds.username !== USER || creds.password !== PASSWORD) {
          return json(401, { error: "invalid credentials" });
        }
        const token = crypto.randomBytes(24).toString("hex");
        const expiresAt = Date.now() + TOKEN_TTL_MS;
        tokens.set(token, { user: USER, expiresAt });
        json(200, { token, rep: USER, peer_prefix: PEER_PREFIX, team_index: teamIndex, expires_at: expiresAt });
      });
      return;
    }
    if (webRoot && !url.pathname.startsWith("/api/") && serveStatic(webRoot, req, res, url.pathname)) return;
    json(404, { error: "not found" });
  });

  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url, "http://x");
    const reject = (code, text) => {
      socket.write(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== "/sync") return reject(404, "Not Found");
    const token = url.searchParams.get("token");
    const entry = token && tokens.get(token);
    if (!entry || entry.expiresAt < Date.now()) return reject(401, "Unauthorized");
    wss.handleUpgrade(req, socket, head, ws => {
      ws.fbUser = entry.user;
      ws.fbPeerPrefix = PEER_PREFIX;
      wss.emit("connection", ws, req);
    });
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, HOST, resolve);
  });
  const port = server.address().port;
  process.stdout.write(
    JSON.stringify({ listening: true, port, url: `http://${HOST}:${port}`, team_index: teamIndex }) + "\n",
  );
  log(`listening on ${HOST}:${port}, team index ${teamIndex}, data ${args.data ?? "(memory)"}${webRoot ? `, web ${webRoot}` : ""}`);

  let stopping = false;
  const stop = async sig => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: shutting down`);
    server.close();
    try {
      await repo.shutdown();
    } catch (e) {
      log(`shutdown error: ${e?.message ?? e}`);
    }
    wss.close();
    process.exit(0);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch(e => {
  log(`fatal: ${e?.stack ?? e}`);
  process.exit(1);
});
