// Every screen of the PWA, at phone (390×844) and desktop (1280×800) size, in headless
// Chromium against the real server with a seeded base: each screen opens and shows its
// content, axe-core (@axe-core/playwright, WCAG 2 A/AA rules) finds no serious or
// critical violation, and a screenshot lands in FB_SHOTS (docs/screenshots/).
// Then, at phone size: a saved view (save the event filter and the next-step sort under
// a name, reload, tap the chip: the list is filtered; delete it: gone after a reload),
// and the plan: the head edits a rep's target in Settings, the rep (FB_USER2) sees his
// targets read-only with the new figure and no editor; the month's funnel is shown with
// its rule.
// Prints one JSON verdict line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromiumOptions, phoneViewport } from "./phone.mjs";
import { AxeBuilder } from "@axe-core/playwright";

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const note = (m) => process.stderr.write(`[screens] ${m}\n`);

const SCREENS = [
  ["today", "#/today", '[data-testid="today"] [data-testid="today-task"]'],
  ["clients", "#/clients", '[data-testid="client-row"]'],
  ["card", null, '[data-testid="card-name"]'],
  ["capture", "#/capture", '[data-testid="capture-company"]'],
  ["plan", "#/plan", '[data-testid="plan-day"]'],
  ["reports", "#/reports", '[data-testid="monthly-table"]'],
  ["settings", "#/settings", '[data-testid="settings"]'],
];

async function login(page, url, user, password) {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("#username", { timeout: 30_000 });
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click('[data-testid="login"]');
  await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 60_000 });
}

async function axe(page, name, problems, seen) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of bad) {
    problems.push(`${name}: ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }
  seen[name] = { violations: result.violations.length, serious: bad.length };
  note(`${name}: ${result.violations.length} violations, ${bad.length} serious or critical`);
}

/// Scrolls so that `selector`'s top sits just below the sticky header and status bar.
const scrollTo = (page, selector) => page.$eval(selector, (e) => {
  const below = document.querySelector(".sync-bar")?.getBoundingClientRect().bottom ?? 0;
  window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - below - 8);
});

const total = (page) => page.$eval('[data-testid="client-list"]', (e) => Number(e.dataset.total));

/// Saves a view, reloads, applies it, deletes it.
async function savedViews(browser, url, shots, problems) {
  const out = { saved: false, filteredAfterReload: false, deleted: false };
  const extra = {};
  const context = await browser.newContext({ viewport: phoneViewport });
  const page = await context.newPage();
  await login(page, url, env("FB_USER"), env("FB_PASSWORD"));
  await page.evaluate(() => { location.hash = "#/clients"; });
  await page.waitForSelector('[data-testid="client-row"]', { timeout: 20_000 });
  const all = await total(page);
  await page.selectOption('[data-testid="filter-event"]', { label: "Salima 2026" });
  await page.click('[data-testid="sort-next-step"]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="client-list"]').dataset.total) < n, all);
  const filtered = await total(page);
  await page.click('[data-testid="view-new"]');
  await page.fill('[data-testid="view-name"]', "Salima leads");
  await page.click('[data-testid="view-save"]');
  await page.waitForSelector('[data-testid="saved-view"] [aria-pressed="true"]', { timeout: 10_000 });
  out.saved = true;
  await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 30_000 });
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector('[data-testid="client-row"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="saved-view"]', { timeout: 20_000 });
  const before = await total(page);
  await page.click('[data-testid="saved-view-apply"]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="client-list"]').dataset.total) === n, filtered);
  const event = await page.$eval('[data-testid="filter-event"]', (e) => e.value);
  const sorted = await page.$eval('[data-testid="sort-next-step"]', (e) => e.getAttribute("aria-pressed"));
  out.filteredAfterReload = before === all && filtered < all && event !== "" && sorted === "true";
  if (!out.filteredAfterReload) problems.push(`saved view: ${JSON.stringify({ all, filtered, before, event, sorted })}`);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "clients-views-phone.png") });
  await axe(page, "clients-views-phone", problems, extra);
  await page.click('[data-testid="saved-view-delete"]');
  await page.waitForSelector('[data-testid="saved-view"]', { state: "detached", timeout: 10_000 });
  await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 30_000 });
  await page.reload({ waitUntil: "load" });
  await page.waitForSelector('[data-testid="client-row"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="saved-views"]', { state: "attached", timeout: 20_000 });
  out.deleted = (await page.$$('[data-testid="saved-view"]')).length === 0
    && (await page.$$('[data-testid="view-new"]')).length === 0;
  await context.close();
  return { out, extra };
}

/// The head changes boris's calls target; boris sees it, read-only.
async function planReadOnly(browser, url, shots, problems) {
  const out = { headEdits: false, repReadOnly: false };
  const extra = {};
  const head = await browser.newContext({ viewport: phoneViewport });
  let page = await head.newPage();
  await login(page, url, env("FB_USER"), env("FB_PASSWORD"));
  await page.evaluate(() => { location.hash = "#/settings"; });
  await page.waitForSelector('[data-testid="targets-editor"] [data-testid="manager"][data-login="boris"]', { timeout: 20_000 });
  const boris = '[data-testid="manager"][data-login="boris"]';
  await page.click(`${boris} summary`);
  await page.fill(`${boris} #manager-boris-calls`, "28");
  await page.click(`${boris} button[type="submit"]`);
  await page.waitForSelector(`${boris} .form-ok`, { timeout: 10_000 });
  out.headEdits = true;
  await scrollTo(page, '[data-testid="targets-editor"]');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "settings-head-phone.png") });
  await axe(page, "settings-head-phone", problems, extra);
  await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 30_000 });
  // The month's funnel says which deals count in the month.
  await page.evaluate(() => { location.hash = "#/reports"; });
  await page.waitForSelector('[data-testid="funnel-note"]', { timeout: 20_000 });
  await scrollTo(page, '[data-testid="section-funnel"]');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "reports-funnel-phone.png") });
  await head.close();

  const rep = await browser.newContext({ viewport: phoneViewport });
  page = await rep.newPage();
  await login(page, url, env("FB_USER2"), env("FB_PASSWORD2"));
  await page.evaluate(() => { location.hash = "#/settings"; });
  await page.waitForSelector('[data-testid="targets-read-only"]', { timeout: 20_000 });
  // The head's change arrives (the plan syncs to the rep, read-only).
  await page.waitForFunction(() => document.querySelector('[data-testid="targets-read-only"] dd')?.textContent === "28", null, { timeout: 20_000 })
    .catch(() => {});
  const calls = await page.$eval('[data-testid="targets-read-only"] dd', (e) => e.textContent);
  const editors = (await page.$$('[data-testid="targets-editor"], [data-testid="manager-form"], [data-testid="manager-new-form"]')).length;
  const noteShown = await page.isVisible('[data-testid="targets-note"]');
  out.repReadOnly = editors === 0 && noteShown && calls === "28";
  if (!out.repReadOnly) problems.push(`plan read-only: ${JSON.stringify({ calls, editors, noteShown })}`);
  await scrollTo(page, '[data-testid="targets-read-only"]');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(shots, "settings-rep-phone.png") });
  await axe(page, "settings-rep-phone", problems, extra);
  await rep.close();
  return { out, extra };
}

async function main() {
  const url = env("FB_URL").replace(/\/?$/, "/");
  const shots = env("FB_SHOTS");
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch(chromiumOptions);
  const problems = [];
  const seen = {};
  const scenarios = {};
  let views = {};
  let plan = {};
  try {
    for (const [width, height, size] of [[390, 844, "phone"], [1280, 800, "desktop"]]) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: "load" });
      await page.waitForSelector("#username", { timeout: 30_000 });
      await page.fill("#username", env("FB_USER"));
      await page.fill("#password", env("FB_PASSWORD"));
      await page.click('[data-testid="login"]');
      await page.waitForSelector('[data-testid="sync-status"][data-state="synced"]', { timeout: 60_000 });
      for (const [name, hash, ready] of SCREENS) {
        if (hash) {
          await page.evaluate((h) => { location.hash = h; }, hash);
        } else {
          await page.evaluate(() => { location.hash = "#/clients"; });
          await page.waitForSelector('[data-testid="client-row"] [data-testid="client-name"]', { timeout: 20_000 });
          await page.click('[data-testid="client-row"] [data-testid="client-name"]');
        }
        try {
          await page.waitForSelector(ready, { timeout: 20_000 });
        } catch {
          problems.push(`${name} (${size}): ${ready} never appeared`);
          continue;
        }
        await page.waitForTimeout(150);
        const file = path.join(shots, `${name}-${size}.png`);
        await page.screenshot({ path: file });
        const result = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        for (const v of bad) {
          problems.push(`${name} (${size}): ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        }
        seen[`${name}-${size}`] = { violations: result.violations.length, serious: bad.length };
        note(`${name} ${size}: ${result.violations.length} violations, ${bad.length} serious or critical`);
      }
      if (errors.length) problems.push(`page errors (${size}): ${errors.join("; ")}`);
      await context.close();
    }
    const v = await savedViews(browser, url, shots, problems);
    views = v.out;
    Object.assign(scenarios, v.extra);
    const p = await planReadOnly(browser, url, shots, problems);
    plan = p.out;
    Object.assign(scenarios, p.extra);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    process.stdout.write(JSON.stringify({ ok: false, problems, seen, scenarios, views, plan }) + "\n");
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ ok: true, seen, scenarios, views, plan }) + "\n");
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
