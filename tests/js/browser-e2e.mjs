#!/usr/bin/env node
// End-to-end check of the Fieldbase PWA in headless Chromium (playwright-core with
// Debian's /usr/bin/chromium), against a running server that serves the built app
// (web/dist) on the same origin as /api and /sync.
//
// Environment:
//   FB_URL          the app's URL, e.g. http://127.0.0.1:8080/              (required)
//   FB_USER         username                                                  (required)
//   FB_PASSWORD     password                                                  (required)
//   FB_STOP_CMD     shell command that stops the server                       (required)
//   FB_START_CMD    shell command that starts it again on the same address    (required)
//   FB_CLIENT_NAME  name of the client to add (default "E2E <random>")
//   FB_SHOTS        directory for the screenshots (default docs/screenshots/)
//   FB_CHROMIUM     browser binary (default /usr/bin/chromium)
//   FB_TIMEOUT_MS   overall time limit (default 180000)
//   FB_DEBUG=1      progress and the page's console on stderr
//
// Steps: open, sign in, wait for data-state=synced; check a validation error is shown
// and nothing is saved; add a client, see it listed and pending return to 0; check
// installability (CDP Page.getInstallabilityErrors); run FB_STOP_CMD; reload: the app
// opens from the service worker, the client is still listed, the status says offline;
// add a second client offline (pending > 0); run FB_START_CMD: the status returns to
// synced with pending 0 (if the restarted server no longer accepts the token, as
// ref-server.mjs, which keeps tokens in memory, the test signs in again through the
// app's "sign in again" banner and reports "relogin":true).
//
// Screenshots at 390x844: login.png, list.png (list and add form), offline.png.
// Prints one JSON line: {"ok":true,...timings in ms} (exit 0) or {"ok":false,"error"} (exit 1).

import { allNames, openAdd, waitListed } from "./list.mjs";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumOptions, phoneViewport } from "./phone.mjs";

const DEBUG = !!process.env.FB_DEBUG && process.env.FB_DEBUG !== "0";
const note = (...a) => DEBUG && process.stderr.write(`[browser-e2e] ${a.join(" ")}\n`);
const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log = (...a) => console.error(...a);

function env(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") {
    if (fallback === undefined) throw new Error(`${name} is not set`);
    return fallback;
  }
  return v;
}

let finished = false;
function finish(result, code) {
  if (finished) return;
  finished = true;
  stdoutWrite(JSON.stringify(result) + "\n", () => process.exit(code));
  setTimeout(() => process.exit(code), 2000).unref();
}

// Runs a shell hook and waits for the shell to exit. Its output goes to our stderr and
// stdin is closed, so a server it starts in the background does not hold our pipes.
function runHook(name, cmd, timeoutMs = 60_000) {
  note(`${name}: ${cmd}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, { shell: true, stdio: ["ignore", "ignore", "inherit"] });
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", e => {
      clearTimeout(t);
      reject(new Error(`${name} failed to run: ${e.message}`));
    });
    child.on("exit", code => {
      clearTimeout(t);
      if (code === 0) resolve();
      else reject(new Error(`${name} exited with ${code}`));
    });
  });
}

const STATUS = '[data-testid="sync-status"]';

async function status(page) {
  return page.$eval(STATUS, el => ({ state: el.dataset.state, pending: Number(el.dataset.pending) }));
}

// Waits until the status bar matches; the error names what it saw last.
async function waitStatus(page, want, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  for (;;) {
    try {
      last = await status(page);
      if ((!want.state || last.state === want.state) && want.pending(last.pending)) return last;
    } catch {
      // not rendered yet
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; status was ${JSON.stringify(last)}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

const zero = n => n === 0;
const positive = n => n > 0;
const any = () => true;

const rowNames = allNames;
const waitRow = waitListed;

async function main() {
  // The client list is its own screen (#/clients); the app opens on Today.
  const url = env("FB_URL").replace(/\/?$/, "/") + "#/clients";
  const user = env("FB_USER");
  const password = env("FB_PASSWORD");
  const stopCmd = env("FB_STOP_CMD");
  const startCmd = env("FB_START_CMD");
  const clientName = env("FB_CLIENT_NAME", `E2E ${crypto.randomBytes(3).toString("hex")}`);
  const offlineName = `${clientName} (offline)`;
  const shots = path.resolve(env("FB_SHOTS", "docs/screenshots/"));
  const overall = Number(env("FB_TIMEOUT_MS", "180000"));
  setTimeout(() => fail(new Error(`overall timeout of ${overall} ms exceeded`)), overall).unref();
  fs.mkdirSync(shots, { recursive: true });

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fb-e2e-profile-"));
  const t = {};
  const t0 = Date.now();
  const mark = name => {
    t[name] = Date.now() - t0;
    note(`${name} at ${t[name]} ms`);
  };
  let context;
  let page;
  const consoleErrors = [];
  try {
    context = await chromium.launchPersistentContext(profile, {
      ...chromiumOptions,
      viewport: phoneViewport,
      deviceScaleFactor: 1,
      hasTouch: true,
      locale: "en-US",
      timezoneId: "Europe/Prague",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", m => {
      if (m.type() === "error") consoleErrors.push(m.text());
      if (DEBUG) note(`console.${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", e => consoleErrors.push(String(e)));

    // 1. Open and sign in.
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#username", { timeout: 30_000 });
    mark("login_shown");
    await page.screenshot({ path: path.join(shots, "login.png") });
    await page.fill("#username", user);
    await page.fill("#password", password);
    await page.click('[data-testid="login"]');
    await waitStatus(page, { state: "synced", pending: zero }, 30_000, "synced after sign-in");
    mark("synced_after_login");

    // 2. A bad phone number is named next to the field, and nothing is saved.
    const before = (await rowNames(page)).length;
    await openAdd(page);
    await page.fill("#name", clientName);
    await page.fill("#phone", "601 123 456");
    await page.click('[data-testid="add-client"]');
    const phoneError = await page.waitForSelector('[data-testid="phone-error"]', { timeout: 5_000 });
    const phoneErrorText = (await phoneError.textContent()).trim();
    if (!/country code/i.test(phoneErrorText)) throw new Error(`phone error does not name the problem: ${phoneErrorText}`);
    if ((await rowNames(page)).length !== before || (await status(page)).pending !== 0) {
      throw new Error("an invalid client was saved");
    }

    // 3. Add a client: listed, then acknowledged (pending back to 0).
    await page.fill("#phone", "+420 601 123 456");
    await page.fill("#email", "nakup@example.cz");
    await page.click('[data-testid="add-client"]');
    await waitRow(page, clientName, 10_000);
    mark("client_listed");
    await waitStatus(page, { state: "synced", pending: zero }, 30_000, "pending 0 after adding a client");
    mark("client_acked");
    await page.waitForSelector('[data-testid="add-saved"]', { timeout: 5_000 });
    await page.screenshot({ path: path.join(shots, "list.png") });

    // 4. Installable, and the service worker controls the page with the shell cached.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    if (installabilityErrors.length) {
      throw new Error(`not installable: ${JSON.stringify(installabilityErrors)}`);
    }
    mark("installable");

    // 5. Server down, reload: the app opens from the cache with the client listed.
    await runHook("FB_STOP_CMD", stopCmd);
    mark("server_stopped");
    await page.reload({ waitUntil: "load" });
    await waitRow(page, clientName, 20_000);
    mark("reloaded_offline_listed");
    await waitStatus(page, { state: "offline", pending: any }, 30_000, "offline after the server stopped");
    mark("offline_shown");

    // 6. Add a client while offline: listed, pending > 0.
    await openAdd(page);
    await page.fill("#name", offlineName);
    await page.click('[data-testid="add-client"]');
    await waitRow(page, offlineName, 10_000);
    const offline = await waitStatus(page, { state: "offline", pending: positive }, 10_000, "pending > 0 offline");
    mark("offline_client_listed");
    await page.screenshot({ path: path.join(shots, "offline.png") });

    // 7. Server back: synced again with nothing pending.
    await runHook("FB_START_CMD", startCmd);
    mark("server_started");
    let relogin = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const s = await status(page).catch(() => null);
      if (s && s.state === "synced" && s.pending === 0) break;
      if (!relogin && (await page.$('[data-testid="relogin"]'))) {
        note("the server refused the old token: signing in again");
        relogin = true;
        await page.click('[data-testid="relogin-open"]');
        await page.fill('[data-testid="relogin"] #password', password);
        await page.click('[data-testid="relogin"] [data-testid="login"]');
      }
      if (Date.now() > deadline) throw new Error(`not synced 60 s after FB_START_CMD; status ${JSON.stringify(s)}`);
      await new Promise(r => setTimeout(r, 100));
    }
    mark("resynced");
    const names = await rowNames(page);
    for (const n of [clientName, offlineName]) {
      if (!names.includes(n)) throw new Error(`${n} is missing after resync: ${JSON.stringify(names)}`);
    }

    await context.close();
    context = null;
    finish(
      {
        ok: true,
        client: clientName,
        relogin,
        offline_pending: offline.pending,
        phone_error: phoneErrorText,
        ms: t,
        screenshots: shots,
        console_errors: consoleErrors.length,
      },
      0,
    );
  } catch (e) {
    if (page) await page.screenshot({ path: path.join(shots, "failure.png") }).catch(() => {});
    if (consoleErrors.length) note(`console errors: ${consoleErrors.join(" | ")}`);
    throw e;
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function fail(err) {
  const msg = err instanceof Error ? err.message : String(err);
  note(`failure: ${err?.stack ?? msg}`);
  finish({ ok: false, error: msg }, 1);
}

process.on("unhandledRejection", fail);
main().catch(fail);
