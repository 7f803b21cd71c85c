// Every screen of the PWA, at phone (390×844) and desktop (1280×800) size, in headless
// Chromium against the real server with a seeded base: each screen opens and shows its
// content, axe-core (@axe-core/playwright, WCAG 2 A/AA rules) finds no serious or
// critical violation, and a screenshot lands in FB_SHOTS (docs/screenshots/).
// Prints one JSON verdict line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
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

async function main() {
  const url = env("FB_URL").replace(/\/?$/, "/");
  const shots = env("FB_SHOTS");
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: env("FB_CHROMIUM", "/usr/bin/chromium"),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  const seen = {};
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
  } finally {
    await browser.close();
  }
  if (problems.length) {
    process.stdout.write(JSON.stringify({ ok: false, problems, seen }) + "\n");
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ ok: true, seen }) + "\n");
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }) + "\n");
  process.exit(1);
});
