// A rep's day at a booth, in headless Chromium against the real server:
//  1. anna captures 20 leads with the network cut (reloaded offline, so the app runs from
//     the service worker and IndexedDB), reloads again: all 20 are there; once the app
//     has stored the list's snapshot, reloads once more: it opens from the snapshot and
//     all 20 are still there, still pending, with the engine in its worker;
//  2. the network comes back: all synced (nothing pending), and her colleague boris, in a
//     second browser context, sees all 20;
//  3. both open the same lead's card, go offline, each changes its phone, come back: the
//     card shows the conflict with both values, anna picks one, the conflict is gone for
//     both;
//  4. anna adds a deal (a bad amount first: refused, nothing listed) and an invoice from
//     the card's forms; both are listed, also after a reload.
// Prints one JSON verdict line.
import path from "node:path";
import { allNames, waitListed } from "./list.mjs";
import { openPhone, signIn } from "./phone.mjs";

const env = (k) => {
  const v = process.env[k];
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const note = (m) => process.stderr.write(`[field-day] ${m}\n`);
const STATUS = '[data-testid="sync-status"]';
const base = () => env("FB_URL").replace(/\/?$/, "/");

async function open(user, password, opened) {
  const { context, close } = await openPhone(user);
  opened.push(close);
  const page = context.pages()[0] ?? (await context.newPage());
  const logs = [];
  page.on("console", (m) => logs.push(m.text()));
  await page.goto(base() + "#/clients");
  await signIn(page, user, password);
  await page.waitForSelector(`${STATUS}[data-state="synced"]`, { timeout: 60_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
  return { context, page, logs };
}

/** Reloads (forgetting what the page logged before) and waits until `names` are listed
 * and the status bar is there. */
async function reloadListed({ page, logs }, names) {
  logs.length = 0;
  await page.reload();
  await page.waitForSelector(STATUS, { timeout: 30_000 });
  await page.evaluate(() => { location.hash = "#/clients"; });
  await page.waitForSelector('[data-testid="client-list"]');
  for (const n of names) await waitListed(page, n, 10_000);
}

/** Waits until the page has logged a line containing `text`. */
async function logged(logs, text, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (!logs.some((l) => l.includes(text))) {
    if (Date.now() > until) {
      const ours = logs.filter((l) => l.includes("fieldbase")).slice(-10);
      throw new Error(`the app never logged "${text}"; its last lines: ${JSON.stringify(ours)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Cuts the network and reloads, so no socket opened before survives. */
async function goOffline({ context, page }) {
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector(`${STATUS}[data-state="offline"]`, { timeout: 30_000 });
}

async function goOnline({ context, page }) {
  await context.setOffline(false);
  await page.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 60_000 });
}

async function openCard(page, name) {
  await page.evaluate(() => { location.hash = "#/clients"; });
  await page.fill('[data-testid="client-search"]', name);
  const row = page.locator('[data-testid="client-row"] [data-testid="client-name"]', { hasText: name }).first();
  await row.click();
  await page.waitForSelector('[data-testid="card-name"]', { timeout: 10_000 });
}

async function setPhone(page, phone) {
  await page.click(".card-more > summary");
  await page.fill("#card-main-phone", phone);
  await page.click('[data-testid="card-edit-main"] button[type="submit"]');
  await page.waitForFunction(
    (p) => [...document.querySelectorAll('[data-testid="card-call"]')].some((a) => a.getAttribute("href") === `tel:${p}`),
    phone.replace(/\s/g, ""),
    { timeout: 10_000 },
  );
}

/** Opens the card's `section` of records of `kind` and its "new" form, and types `fields`. */
async function fillNew(page, section, kind, fields) {
  await page.click(`${section} > details > summary`);
  await page.click(`${section} .card-new > summary`);
  for (const [key, value] of Object.entries(fields)) await page.fill(`#${kind}-new-${key}`, value);
}

async function main() {
  const opened = [];
  try {
    const anna = await open(env("FB_USER"), env("FB_PASSWORD"), opened);
    // 1. Twenty leads with no network.
    await goOffline(anna);
    await anna.page.evaluate(() => { location.hash = "#/capture"; });
    await anna.page.waitForSelector('[data-testid="capture-company"]');
    const tag = Math.random().toString(16).slice(2, 6);
    const names = [];
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      const company = `Booth ${tag} ${String(i).padStart(2, "0")}`;
      await anna.page.fill('[data-testid="capture-company"]', company);
      await anna.page.fill('[data-testid="capture-person"]', `Visitor ${i}`);
      await anna.page.fill('[data-testid="capture-phone"]', `+420 601 ${String(100000 + i)}`);
      await anna.page.click('[data-testid="capture-save"]');
      await anna.page.waitForFunction(
        () => document.querySelector('[data-testid="capture-company"]')?.value === "",
        null, { timeout: 10_000 },
      );
      names.push(company);
    }
    const captureMs = (Date.now() - t0) / 20;
    // What the capture screen waited for each save (sent to the engine's worker, checked,
    // written down in the journal, answered), as it logs it.
    const saves = anna.logs
      .map((line) => /^fieldbase: lead saved in (\d+) ms/.exec(line))
      .filter(Boolean)
      .map((m) => Number(m[1]));
    if (saves.length !== 20) throw new Error(`expected 20 "lead saved" lines, saw ${saves.length}`);
    const saveMs = saves.reduce((a, b) => a + b, 0) / saves.length;
    note(`20 leads offline, ${captureMs.toFixed(0)} ms each (typing included); saved in ${saveMs.toFixed(1)} ms on average, ${Math.max(...saves)} ms at most`);
    await reloadListed(anna, names);
    const pending = Number(await anna.page.$eval(STATUS, (el) => el.dataset.pending));
    if (!(pending > 0)) throw new Error(`expected the leads pending offline, saw ${pending}`);
    // The list's snapshot is stored a few seconds after the index last changed; the next
    // opening reads the list from it.
    await logged(anna.logs, "fieldbase: list snapshot stored", 30_000);
    await reloadListed(anna, names);
    await logged(anna.logs, "fieldbase: opened from the list snapshot", 5_000);
    const still = Number(await anna.page.$eval(STATUS, (el) => el.dataset.pending));
    if (still !== pending) throw new Error(`pending ${pending} before, ${still} after opening from the snapshot`);
    note(`reopened from the list snapshot: all 20 listed, ${still} changes pending`);
    // The engine (loading, merging, syncing) runs in its worker, not on the page.
    const engineWorker = anna.page.workers().some((w) => w.url().endsWith("/worker.js"));
    const onPage = anna.logs.find((l) => l.includes("the engine runs on the page"));
    if (!engineWorker || onPage) throw new Error(`the engine is not in its worker: ${onPage ?? "no worker.js"}`);

    // 2. Back online: synced, and the colleague sees them.
    await goOnline(anna);
    const boris = await open(env("FB_USER2"), env("FB_PASSWORD2"), opened);
    const seen = await allNames(boris.page);
    const missing = names.filter((n) => !seen.includes(n));
    if (missing.length) throw new Error(`boris does not see ${JSON.stringify(missing)}`);
    note("boris sees all 20");

    // 3. The same field changed on two devices offline: a conflict, shown and resolved.
    const lead = names[0];
    await openCard(anna.page, lead);
    await openCard(boris.page, lead);
    await goOffline(anna);
    await goOffline(boris);
    await openCard(anna.page, lead);
    await openCard(boris.page, lead);
    await setPhone(anna.page, "+420 777 000 111");
    await setPhone(boris.page, "+420 777 000 222");
    await goOnline(anna);
    await goOnline(boris);
    await anna.page.waitForTimeout(500);
    await goOnline(anna).catch(() => {});
    await openCard(anna.page, lead);
    await anna.page.waitForSelector('[data-testid="card-conflicts"]', { timeout: 30_000 });
    if (process.env.FB_SHOTS) await anna.page.screenshot({ path: path.join(process.env.FB_SHOTS, "conflict-phone.png") });
    await anna.page.click('[data-testid="card-conflicts"]');
    await anna.page.waitForSelector('[data-testid="conflict-resolve"]');
    const values = await anna.page.$$eval('[data-testid="conflict-value"]', (els) => els.map((e) => e.textContent));
    const both = ["+420777000111", "+420777000222"].every((p) => values.some((v) => v.includes(p)));
    if (!both) throw new Error(`the resolver does not show both phones: ${JSON.stringify(values)}`);
    if (process.env.FB_SHOTS) await anna.page.screenshot({ path: path.join(process.env.FB_SHOTS, "conflict-resolver-phone.png") });
    // Pick the colleague's value.
    const pick = anna.page.locator('[data-testid="conflict-value"]', { hasText: "+420777000222" }).locator('[data-testid="conflict-pick"]');
    await pick.click();
    await anna.page.waitForSelector('[data-testid="card-conflicts"]', { state: "detached", timeout: 15_000 });
    await anna.page.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 30_000 });
    await openCard(boris.page, lead);
    await boris.page.waitForFunction(
      () => !document.querySelector('[data-testid="card-conflicts"]') &&
        [...document.querySelectorAll('[data-testid="card-call"]')].some((a) => a.getAttribute("href") === "tel:+420777000222"),
      null, { timeout: 30_000 },
    );

    // 4. A deal and an invoice from the card's forms (edits that cross to the engine's
    //    worker with the form's values): a bad amount is refused and says so, the good
    //    ones are listed, and still there after a reload.
    const deals = '[data-testid="card-deals"]';
    const invoices = '[data-testid="card-invoices"]';
    await fillNew(anna.page, deals, "deals", { title: "Rye flour, 2 t", amount: "twelve" });
    await anna.page.click(`${deals} .card-new [data-testid="deal-form"] button[type="submit"]`);
    await anna.page.waitForSelector(`${deals} .card-new .field-error`, { timeout: 10_000 });
    if (await anna.page.locator(`${deals} [data-testid="deal-row"]`).count() !== 0) throw new Error("a refused deal was listed");
    await anna.page.fill("#deals-new-amount", "4800");
    await anna.page.click(`${deals} .card-new [data-testid="deal-form"] button[type="submit"]`);
    const dealRow = () => anna.page.locator(`${deals} [data-testid="deal-row"]`, { hasText: "Rye flour, 2 t" });
    await dealRow().waitFor({ timeout: 10_000 });
    await fillNew(anna.page, invoices, "invoices", { number: "INV-7", amount: "4800" });
    // A date input is repeated in the app's language (the picker writes the browser's).
    await anna.page.fill("#invoices-new-due", "2026-12-24");
    const dueNote = await anna.page.textContent('label[for="invoices-new-due"] .field-note');
    if (dueNote !== "Thursday, Dec 24, 2026") throw new Error(`the due date's note says ${JSON.stringify(dueNote)}`);
    if (process.env.FB_SHOTS) {
      await anna.page.locator(`${invoices} .card-new [data-testid="invoice-form"]`).scrollIntoViewIfNeeded();
      await anna.page.screenshot({ path: path.join(process.env.FB_SHOTS, "invoice-form-phone.png") });
    }
    await anna.page.click(`${invoices} .card-new [data-testid="invoice-form"] button[type="submit"]`);
    const invoiceRow = () => anna.page.locator(`${invoices} [data-testid="invoice-row"]`, { hasText: "INV-7" });
    await invoiceRow().waitFor({ timeout: 10_000 });
    await anna.page.reload();
    await anna.page.waitForSelector(STATUS, { timeout: 30_000 });
    await openCard(anna.page, lead);
    await anna.page.click(`${deals} > details > summary`);
    await dealRow().waitFor({ timeout: 10_000 });
    await anna.page.click(`${invoices} > details > summary`);
    await invoiceRow().waitFor({ timeout: 10_000 });
    note("a deal and an invoice added from the card, a bad amount refused");
    process.stdout.write(JSON.stringify({ ok: true, engine_worker: engineWorker, records: 2, leads: names.length, capture_ms: captureMs, save_ms: saveMs, conflict_values: values.length }) + "\n");
  } finally {
    for (const close of opened) await close();
  }
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
