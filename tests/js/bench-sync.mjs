// Benchmark: the PWA, in a real headless Chromium, against a real server holding a large
// base (scripts/bench-browser-sync.sh seeds it). Measures, for the rep's first sync on a
// new device and for reopening the app from IndexedDB afterwards:
//   * the time until every client is listed (first sync) or the list is shown (reopen),
//   * the time until the status says synced,
//   * the main thread's longest task and how many tasks took over 200 ms
//     (PerformanceObserver "longtask", buffered from the first script on the page).
// Each with the engine in its worker and, as the baseline, on the page.
// Env: FB_URL, FB_USER, FB_PASSWORD, FB_CLIENTS (how many clients the base has),
// FB_ENGINES (default "worker,page").
import { openPhone, signIn } from "./phone.mjs";

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const STATUS = '[data-testid="sync-status"]';
const base = env("FB_URL").replace(/\/?$/, "/");
const clients = Number(env("FB_CLIENTS"));
const line = (m) => console.log(`BENCH ${m}`);

function observeLongTasks() {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: true });
}

async function longTasks(page) {
  const tasks = await page.evaluate(() => window.__longtasks ?? []);
  const longest = tasks.reduce((m, t) => Math.max(m, t.ms), 0);
  return { longest, over200: tasks.filter((t) => t.ms > 200).length, count: tasks.length };
}

/** Waits until the list's counter shows `n` clients. */
const waitListed = (page, n, timeout) => page.waitForFunction((n) => {
  const e = document.querySelector('[data-testid="client-count"]');
  return !!e && Number(e.textContent.replace(/\D/g, "")) === n;
}, n, { timeout, polling: 100 });

/** One rep's first sync and reopening, with the engine in its worker or on the page. */
async function run(engine) {
  const { context, close } = await openPhone(`bench-${engine}`);
  try {
    await context.addInitScript(observeLongTasks);
    if (engine === "page") await context.addInitScript(() => localStorage.setItem("fieldbase-engine", "page"));
    const page = context.pages()[0] ?? (await context.newPage());
    const started = Date.now();
    const logs = [];
    page.on("console", (m) => {
      logs.push(m.text());
      if (m.type() === "error" || (process.env.FB_VERBOSE && m.text().includes("fieldbase"))) {
        process.stderr.write(`[page +${Date.now() - started} ms] ${m.text()}\n`);
      }
    });
    await page.goto(base + "#/clients");
    const t0 = Date.now();
    await signIn(page, env("FB_USER"), env("FB_PASSWORD"));
    await waitListed(page, clients, 1_800_000);
    const firstListed = Date.now() - t0;
    await page.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 1_800_000 });
    const firstSynced = Date.now() - t0;
    const first = await longTasks(page);
    const inWorker = page.workers().some((w) => w.url().endsWith("/worker.js"));
    line(`[engine ${engine}${inWorker ? ", worker running" : ""}] first sync of ${clients} clients: all listed after ${firstListed} ms, synced after ${firstSynced} ms; longest task ${first.longest.toFixed(0)} ms, ${first.over200} tasks over 200 ms (${first.count} over 50 ms)`);

    // The list's snapshot is stored as the sync ends; reopening reads the list from it.
    const until = Date.now() + 30_000;
    while (!logs.some((l) => l.includes("list snapshot stored")) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const stored = logs.find((l) => l.includes("list snapshot stored")) ?? "no list snapshot stored within 30 s";
    line(`[engine ${engine}] ${stored.replace(/^fieldbase: /, "")}`);

    // Reopen: everything comes from IndexedDB; the connection then syncs every document.
    const t1 = Date.now();
    await page.reload();
    await waitListed(page, clients, 600_000);
    const reopenListed = Date.now() - t1;
    await page.waitForSelector(`${STATUS}[data-state="synced"][data-pending="0"]`, { timeout: 1_800_000 });
    const reopenSynced = Date.now() - t1;
    const again = await longTasks(page);
    line(`[engine ${engine}] reopen with ${clients} clients: list shown after ${reopenListed} ms, synced after ${reopenSynced} ms; longest task ${again.longest.toFixed(0)} ms, ${again.over200} tasks over 200 ms (${again.count} over 50 ms)`);

    // Searching while the base is in memory.
    const t2 = Date.now();
    await page.fill('[data-testid="client-search"]', "nováková");
    await page.waitForSelector('[data-testid="client-row"]', { timeout: 60_000 });
    line(`[engine ${engine}] search "nováková" typed and rows shown after ${Date.now() - t2} ms`);
  } finally {
    await close();
  }
}

// The worker first; the engine on the page (as before the worker) is the baseline.
for (const engine of (process.env.FB_ENGINES ?? "worker,page").split(",")) await run(engine);
