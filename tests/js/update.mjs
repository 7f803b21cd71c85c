// A new version of the app is offered and taken without losing anything: sign in under
// version 1, stop the server, add a client offline (pending on the device), start the
// server again serving version 2 (FB_START2_CMD), let the page check for an update: the
// "update available" banner shows; reload into version 2: the offline client is still
// there, written by version 1, and syncs (nothing pending). Prints one JSON verdict line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import { chromium } from "playwright-core";
import { chromiumOptions, phoneViewport } from "./phone.mjs";
import { openAdd, waitListed } from "./list.mjs";

const env = (k) => {
  const v = process.env[k];
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const STATUS = '[data-testid="sync-status"]';

async function main() {
  const url = env("FB_URL").replace(/\/?$/, "/") + "#/clients";
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fb-update-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumOptions,
    viewport: phoneViewport,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.fill("#username", env("FB_USER"));
    await page.fill("#password", env("FB_PASSWORD"));
    await page.click('[data-testid="login"]');
    await page.waitForSelector(`${STATUS}[data-state="synced"]`, { timeout: 30_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
    const v1 = await page.evaluate(async () => (await caches.keys()).join(","));

    execSync(env("FB_STOP_CMD"), { stdio: "inherit" });
    await page.waitForSelector(`${STATUS}[data-state="offline"]`, { timeout: 30_000 });
    const name = env("FB_CLIENT_NAME");
    await openAdd(page);
    await page.fill("#name", name);
    await page.click('[data-testid="add-client"]');
    await waitListed(page, name, 10_000);
    const pending = Number(await page.$eval(STATUS, (el) => el.dataset.pending));
    if (!(pending > 0)) throw new Error(`expected pending changes offline, saw ${pending}`);

    execSync(env("FB_START2_CMD"), { stdio: "inherit" });
    await page.evaluate(() => window.fieldbaseCheckForUpdate && window.fieldbaseCheckForUpdate());
    await page.waitForSelector('[data-testid="update-available"]', { timeout: 30_000 });
    if (process.env.FB_SHOTS) {
      await page.screenshot({ path: path.join(process.env.FB_SHOTS, "update-available-phone.png") });
    }
    await Promise.all([
      page.waitForNavigation({ timeout: 30_000 }),
      page.click('[data-testid="update-reload"]'),
    ]);
    await page.waitForSelector(STATUS, { timeout: 30_000 });
    const v2 = await page.evaluate(async () => (await caches.keys()).join(","));
    if (v1 === v2) throw new Error(`the cache did not change: ${v1}`);
    await waitListed(page, name, 15_000);
    await page.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 60_000 });
    process.stdout.write(JSON.stringify({ ok: true, v1, v2, pending_before: pending }) + "\n");
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
