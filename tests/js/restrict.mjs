// A rep restricts one of her clients to herself with no network (the card's "key
// account" box), then reconnects: the PWA tells the server (POST /api/clients) before it
// syncs. The Rust side (tests/tests/screens.rs) then checks, as a colleague, that the
// restricted card is refused and the other one is not.
//   1. anna adds "Open <tag>" and "Secret <tag>" online; both reach the server;
//   2. offline, she ticks "key account" on Secret's card and saves; reload: still ticked;
//   3. back online: synced with nothing pending; prints both document ids.
// Env: FB_URL, FB_USER, FB_PASSWORD.
import path from "node:path";
import { openAdd } from "./list.mjs";
import { openPhone, signIn } from "./phone.mjs";

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const note = (m) => process.stderr.write(`[restrict] ${m}\n`);
const STATUS = '[data-testid="sync-status"]';
const SYNCED = `${STATUS}[data-state="synced"][data-pending="0"]`;
const base = () => env("FB_URL").replace(/\/?$/, "/");

async function addClient(page, name) {
  await page.evaluate(() => { location.hash = "#/clients"; });
  await openAdd(page);
  await page.fill("#name", name);
  await page.click('[data-testid="add-client"]');
  await page.waitForFunction(() => document.querySelector("#name")?.value === "", null, { timeout: 10_000 });
}

/** Opens a client's card from the list and returns its document id. */
async function openCard(page, name) {
  await page.evaluate(() => { location.hash = "#/clients"; });
  await page.fill('[data-testid="client-search"]', name);
  await page.locator('[data-testid="client-row"] [data-testid="client-name"]', { hasText: name }).first().click();
  await page.waitForSelector('[data-testid="card-name"]', { timeout: 10_000 });
  return page.evaluate(() => location.hash.replace("#/client/", ""));
}

async function main() {
  const { context, close } = await openPhone("restrict");
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(base() + "#/clients");
    await signIn(page, env("FB_USER"), env("FB_PASSWORD"));
    await page.waitForSelector(`${STATUS}[data-state="synced"]`, { timeout: 60_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });

    const tag = Math.random().toString(16).slice(2, 6);
    const open = `Open ${tag}`;
    const secret = `Secret ${tag}`;
    await addClient(page, open);
    await addClient(page, secret);
    await page.waitForSelector(SYNCED, { timeout: 30_000 });
    const openId = await openCard(page, open);
    const secretId = await openCard(page, secret);
    note(`added ${openId} and ${secretId}`);

    // Offline: tick "key account" and save.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(`${STATUS}[data-state="offline"]`, { timeout: 30_000 });
    await openCard(page, secret);
    await page.locator(".card-more > summary").first().click();
    await page.check("#card-details-restricted");
    if (process.env.FB_SHOTS) {
      await page.locator("#card-details-restricted").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(process.env.FB_SHOTS, "card-restrict-phone.png") });
    }
    await page.click('[data-testid="card-edit-details"] button[type="submit"]');
    await page.waitForSelector(".card-restricted", { timeout: 10_000 });
    await page.reload();
    await page.waitForSelector(STATUS, { timeout: 30_000 });
    await openCard(page, secret);
    await page.waitForSelector(".card-restricted", { timeout: 10_000 });
    note("restricted offline, still so after a reload");

    await context.setOffline(false);
    await page.waitForSelector(SYNCED, { timeout: 60_000 });
    process.stdout.write(JSON.stringify({ ok: true, open: openId, secret: secretId }) + "\n");
  } finally {
    await close();
  }
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
