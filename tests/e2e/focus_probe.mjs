// What assistive technology would see of the widget: where focus is (inside the shadow root), what
// its live regions say, and whether an element is in the visible part of the panel.
export async function focused(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-support-widget]').shadowRoot;
    const el = root.activeElement;
    if (!el) return { where: document.activeElement === document.body ? 'body' : 'page' };
    const panel = root.querySelector('.panel');
    return {
      where: panel && panel.contains(el) ? 'panel' : el.classList.contains('launcher') ? 'launcher' : 'shadow',
      tag: el.tagName.toLowerCase(),
      role: el.dataset.role || el.getAttribute('role') || '',
      name: (el.getAttribute('aria-label') || el.textContent || '').trim(),
      invalid: el.getAttribute('aria-invalid') === 'true',
    };
  });
}

export async function liveText(page, kind /* 'polite' | 'assertive' */) {
  return page.evaluate((k) => {
    const region = document.querySelector('[data-support-widget]').shadowRoot.querySelector(`[aria-live="${k}"][data-live]`);
    return region ? region.textContent : null;
  }, kind);
}

// Waits until the live region says something matching `pattern` (a RegExp source string).
export async function waitForLive(page, kind, pattern, timeout = 5000) {
  await page.waitForFunction(([k, p]) => {
    const region = document.querySelector('[data-support-widget]').shadowRoot.querySelector(`[aria-live="${k}"][data-live]`);
    return region && new RegExp(p, 'i').test(region.textContent);
  }, [kind, pattern], { timeout });
}

// Is the element (by CSS selector inside the panel) fully inside the panel's scrolling viewport?
export async function inView(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector('[data-support-widget]').shadowRoot;
    const el = root.querySelector(sel);
    const box = root.querySelector('.scroll');
    if (!el || !box) return false;
    const r = el.getBoundingClientRect(), v = box.getBoundingClientRect();
    return r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
  }, selector);
}

// Presses Tab until the focused element's name matches `pattern`; fails after `limit` presses.
export async function tabTo(page, pattern, limit = 40) {
  for (let i = 0; i < limit; i++) {
    const f = await focused(page);
    if (f.name && pattern.test(f.name) && f.tag !== 'h2' && f.tag !== 'h3') return f;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached ' + pattern + '; focus is on ' + JSON.stringify(await focused(page)));
}

// Waits until focus is on a heading whose text differs from `previous`; returns its text.
export async function waitForNewHeadingFocus(page, previous, timeout = 5000) {
  await page.waitForFunction((prev) => {
    const el = document.querySelector('[data-support-widget]').shadowRoot.activeElement;
    return el && /^H[2-6]$/.test(el.tagName) && el.textContent !== prev;
  }, previous, { timeout });
  return (await focused(page)).name;
}
