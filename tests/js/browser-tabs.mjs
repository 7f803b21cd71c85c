#!/usr/bin/env node
// Two tabs of the Fieldbase PWA writing the same IndexedDB while offline: nothing may
// be lost. Each tab adds FB_TABS_ADDS clients in turn (enough writes to the team index
// for both tabs to compact it, each compaction merging the other tab's chunks); then
// both close and a fresh tab, still offline, must list every client from the device
// alone; back online (the `online` event) it must reach synced with nothing pending.
//
// Environment: FB_URL, FB_USER, FB_PASSWORD (required); FB_TABS_ADDS (default 16),
// FB_CHROMIUM (default /usr/bin/chromium), FB_DEBUG=1.
// Prints one JSON line {"ok":true,...} (exit 0) or {"ok":false,"error"} (exit 1).
// Run against ref-server.mjs with: node tests/js/browser-e2e-ref.mjs browser-tabs.mjs

import { allNames, openAdd, waitListed } from "./list.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumOptions, phoneViewport } from "./phone.mjs";

const DEBUG = !!process.env.FB_DEBUG && process.env.FB_DEBUG !== "0";
const note = (...a) => DEBUG && process.stderr.write(`[browser-tabs] ${a.join(" ")}\n`);
const out = process.stdout.write.bind(process.stdout);
console.log = (...a) => console.error(...a);

function env(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") {
    if (fallback === undefined) throw new Error(`${name} is not set`);
    return fallback;
  }
  return v;
}

const STATUS = '[data-testid="sync-status"]';
const names = allNames;
const waitState = (page, state, timeout) =>
  page.waitForSelector(`${STATUS}[data-state="${state}"]`, { timeout });

async function add(page, name) {
  await openAdd(page);
  await page.fill("#name", name);
  await page.click('[data-testid="add-client"]');
  await waitListed(page, name, 10_000);
}

async function main() {
  // The client list is its own screen (#/clients); the app opens on Today.
  const url = env("FB_URL").replace(/\/?$/, "/") + "#/clients";
  const adds = Number(env("FB_TABS_ADDS", "16"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fb-tabs-profile-"));
  const t0 = Date.now();
  const ms = {};
  const mark = k => (ms[k] = Date.now() - t0);
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumOptions,
    viewport: phoneViewport,
  });
  try {
    const a = context.pages()[0] ?? (await context.newPage());
    await a.goto(url);
    await a.fill("#username", env("FB_USER"));
    await a.fill("#password", env("FB_PASSWORD"));
    await a.click('[data-testid="login"]');
    await waitState(a, "synced", 30_000);
    await a.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
    const before = (await names(a)).length;
    note(`signed in, ${before} clients`);

    await context.setOffline(true);
    // Offline emulation only stops new connections: tab A's open socket could carry some
    // of its edits to the server and make the pending count below wrong. Reloading it
    // offline (from the service worker) closes that socket for good.
    await a.reload();
    await a.waitForSelector(STATUS, { timeout: 20_000 });
    await waitState(a, "offline", 30_000);
    const b = await context.newPage();
    await b.goto(url);
    await b.waitForSelector(STATUS, { timeout: 20_000 });
    await waitState(b, "offline", 30_000);
    const expected = [];
    for (let i = 0; i < adds; i++) {
      for (const [tab, page] of [["A", a], ["B", b]]) {
        const name = `Tab ${tab} ${String(i).padStart(2, "0")}`;
        await add(page, name);
        expected.push(name);
      }
    }
    note(`added ${expected.length} clients in two tabs`);
    mark("added");
    await a.close();
    await b.close();

    const c = await context.newPage();
    await c.goto(url);
    await c.waitForSelector(STATUS, { timeout: 20_000 });
    const listed = await names(c);
    const missing = expected.filter(n => !listed.includes(n));
    if (missing.length) throw new Error(`lost after reopening offline: ${JSON.stringify(missing)}`);
    if (listed.length !== before + expected.length) {
      throw new Error(`expected ${before + expected.length} clients, listed ${listed.length}`);
    }
    const pendingOffline = Number(await c.$eval(STATUS, el => el.dataset.pending));
    // Every client is one change to its own document and one to the index.
    if (pendingOffline !== 2 * expected.length) {
      throw new Error(`expected ${2 * expected.length} pending changes offline, saw ${pendingOffline}`);
    }
    mark("reopened_offline");

    await context.setOffline(false);
    // The browser's `online` event makes the app reconnect at once.
    await c.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 60_000 });
    mark("resynced");
    out(JSON.stringify({ ok: true, clients: listed.length, pending_offline: pendingOffline, ms }) + "\n");
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  e => {
    note(e?.stack ?? e);
    out(JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) }) + "\n");
    process.exit(1);
  },
);
