#!/usr/bin/env node
// Runs browser-e2e.mjs (or another browser-*.mjs given as the argument) against
// ref-server.mjs: starts the reference server on a free port with a temporary --data
// directory and --web pointing at the built PWA, hands the script stop/start hooks that
// kill and restart it on the same port and data, and passes the script's JSON line and
// exit code through.
//
//   scripts/build-web.sh && node tests/js/browser-e2e-ref.mjs [browser-tabs.mjs]
//
// Environment: FB_WEB_DIST (default web/dist), and anything browser-e2e.mjs reads
// (FB_SHOTS, FB_CLIENT_NAME, FB_DEBUG, ...).

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const web = path.resolve(process.env.FB_WEB_DIST || path.join(root, "web/dist"));
if (!fs.existsSync(path.join(web, "index.html"))) {
  process.stdout.write(JSON.stringify({ ok: false, error: `${web} has no index.html: run scripts/build-web.sh` }) + "\n");
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), "fb-e2e-ref-"));
const data = path.join(work, "data");
const pidFile = path.join(work, "server.pid");
const logFile = path.join(work, "server.log");
const user = "alice";
const password = "secret";
const q = s => `'${String(s).replaceAll("'", "'\\''")}'`;

// First start on port 0, to learn a free port; restarts reuse it.
function startServer(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "ref-server.mjs"), "--data", data, "--web", web], {
      env: { ...process.env, PORT: String(port), FB_USER: user, FB_PASSWORD: password },
      stdio: ["ignore", "pipe", fs.openSync(logFile, "a")],
      detached: true,
    });
    let out = "";
    child.stdout.on("data", c => {
      out += c;
      const line = out.split("\n")[0];
      if (out.includes("\n")) {
        try {
          resolve({ child, info: JSON.parse(line) });
        } catch (e) {
          reject(e);
        }
      }
    });
    child.on("exit", code => reject(new Error(`ref-server exited with ${code}: ${fs.readFileSync(logFile, "utf8")}`)));
  });
}

const { child, info } = await startServer(0);
fs.writeFileSync(pidFile, String(child.pid));
child.stdout.destroy();
child.unref();
const port = info.port;
const server = `PORT=${port} FB_USER=${user} FB_PASSWORD=${password} ${q(process.execPath)} ${q(path.join(here, "ref-server.mjs"))} --data ${q(data)} --web ${q(web)}`;
const stop = `kill $(cat ${q(pidFile)}) && for i in $(seq 50); do kill -0 $(cat ${q(pidFile)}) 2>/dev/null || exit 0; sleep 0.1; done; exit 1`;
const start = `${server} >>${q(logFile)} 2>&1 </dev/null & echo $! > ${q(pidFile)}; for i in $(seq 100); do curl -sf http://127.0.0.1:${port}/healthz >/dev/null && exit 0; sleep 0.1; done; exit 1`;

const script = path.join(here, path.basename(process.argv[2] || "browser-e2e.mjs"));
const e2e = spawn(process.execPath, [script], {
  env: {
    ...process.env,
    FB_URL: `http://127.0.0.1:${port}/`,
    FB_USER: user,
    FB_PASSWORD: password,
    FB_STOP_CMD: stop,
    FB_START_CMD: start,
    FB_SHOTS: process.env.FB_SHOTS || path.join(root, "docs/screenshots"),
  },
  stdio: ["ignore", "inherit", "inherit"],
});
e2e.on("exit", code => {
  try {
    process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGTERM");
  } catch {
    // already stopped
  }
  if (process.env.FB_DEBUG) process.stderr.write(fs.readFileSync(logFile, "utf8"));
  setTimeout(() => {
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(code ?? 1);
  }, 500);
});
