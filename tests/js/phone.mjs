// A headless Chromium the way every scenario here opens one: a fresh profile in a
// temporary directory (deleted by `close`), the flags Chromium needs as root, and a
// phone-sized window (390×844).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

/** How every scenario launches Chromium: the binary (`FB_CHROMIUM`, else
 * /usr/bin/chromium), headless, with the flags it needs as root. */
export const chromiumOptions = {
  executablePath: process.env.FB_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

/** A phone's screen (390×844). */
export const phoneViewport = { width: 390, height: 844 };

/** A persistent context on a fresh profile; `close()` closes it and deletes the profile. */
export async function openPhone(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fb-${prefix}-`));
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumOptions,
    viewport: phoneViewport,
  });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/** Signs in on the login form that `page` shows. */
export async function signIn(page, user, password) {
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click('[data-testid="login"]');
}
