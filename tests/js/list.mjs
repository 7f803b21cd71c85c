// The PWA's client list is virtualised: only the rows on screen are in the DOM. These
// helpers read it whole (by scrolling it through) and open the folded add form.

/** Every client name in the list, in order, scrolling it from top to bottom. */
export async function allNames(page) {
  return page.evaluate(async () => {
    const list = document.querySelector('[data-testid="client-list"]');
    const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 20)));
    const seen = [];
    const collect = () => {
      for (const e of document.querySelectorAll('[data-testid="client-row"] [data-testid="client-name"]')) {
        if (!seen.includes(e.textContent)) seen.push(e.textContent);
      }
    };
    if (!list) return seen;
    list.scrollTop = 0;
    await frame();
    collect();
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      list.scrollTop += Math.max(1, list.clientHeight - 40);
      await frame();
      collect();
    }
    list.scrollTop = 0;
    return seen;
  });
}

/** Waits until `name` is in the list. */
export async function waitListed(page, name, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if ((await allNames(page)).includes(name)) return;
    if (Date.now() > end) throw new Error(`${name} not listed after ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Opens the "New client" form when it is folded away. */
export async function openAdd(page) {
  if (!(await page.isVisible("#name"))) await page.click('[data-testid="add-open"]');
  await page.waitForSelector("#name", { state: "visible", timeout: 5_000 });
}
