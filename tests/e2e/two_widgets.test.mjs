// Two widgets on one page of another origin stay independent: each has its own launcher position
// (data-position), its own draft (data-id) and its own wasm instance. Typing into one leaves the
// other untouched, also after a reload.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { run } from './harness.mjs';

function startHost(widgetOrigin) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
<link rel="icon" href="data:,"></head><body><h1>A page with two help desks</h1>
<script src="${widgetOrigin}/widget/loader.js" async data-id="support" data-label="Help"></script>
<script src="${widgetOrigin}/widget/loader.js" async data-id="sales" data-label="Sales" data-position="bottom-left"></script>
</body></html>`;
  const csp = `default-src 'self'; script-src ${widgetOrigin} 'wasm-unsafe-eval'; connect-src ${widgetOrigin}; ` +
    `style-src 'unsafe-inline'; img-src data:`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(page);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

await run('two widgets on one page are independent', async ({ server, browser }) => {
  const host = await startHost(server.url);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    await page.addInitScript(() => {   // counts wasm instances
      window.__instances = 0;
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = (...a) => instantiate.apply(WebAssembly, a).then((r) => { window.__instances++; return r; });
    });
    await page.goto(`http://localhost:${host.address().port}/`);

    const help = page.getByRole('button', { name: 'Help', exact: true });
    const sales = page.getByRole('button', { name: 'Sales', exact: true });
    const [helpBox, salesBox] = [await help.boundingBox(), await sales.boundingBox()];
    assert.ok(helpBox.x + helpBox.width > 1280 - 40, 'Help sits bottom right: ' + JSON.stringify(helpBox));
    assert.ok(salesBox.x < 40, 'Sales sits bottom left: ' + JSON.stringify(salesBox));

    // Open the first, start a ticket and type.
    await help.click();
    const dialogs = page.getByRole('dialog');
    // Both dialogs are named by the configuration's title: tell them apart by their launcher.
    const panelOf = (label) => page.locator('[data-support-widget]')
      .filter({ has: page.getByRole('button', { name: label, exact: true }) }).getByRole('dialog');
    const first = panelOf('Help');
    await first.getByRole('heading').first().waitFor({ timeout: 20000 });
    assert.equal(await dialogs.count(), 1, 'only the opened widget shows a panel');
    await first.getByRole('button', { name: /sales question/i }).click();
    await first.getByRole('textbox', { name: /name/i }).fill('Ada Lovelace');
    assert.equal(await sales.getAttribute('aria-expanded'), 'false', 'the other launcher stayed closed');

    // The second opens on its own first screen, in its own instance, next to its launcher.
    await sales.click();
    await page.waitForFunction(() => window.__instances === 2, null, { timeout: 20000 });
    const second = panelOf('Sales');
    await second.getByRole('heading').first().waitFor({ timeout: 20000 });
    assert.equal(await second.getByRole('textbox').count(), 0, 'the second widget is on its home screen');
    assert.ok(await second.getByRole('button', { name: /sales question/i }).isVisible());
    const [helpPanel, salesPanel] = [await first.boundingBox(), await second.boundingBox()];
    assert.ok(helpPanel.x > salesPanel.x + salesPanel.width, 'each panel opens on its launcher\'s side');
    assert.equal(await first.getByRole('textbox', { name: /name/i }).inputValue(), 'Ada Lovelace',
      'the first widget kept what was typed');

    // The second gets its own ticket; each keeps its own draft across a reload.
    await second.getByRole('button', { name: /sales question/i }).click();
    await second.getByRole('textbox', { name: /name/i }).fill('Grace Hopper');
    assert.equal(await first.getByRole('textbox', { name: /name/i }).inputValue(), 'Ada Lovelace');
    await page.waitForTimeout(300);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('support-widget:draft:')).sort());
    assert.equal(keys.length, 2, 'one draft per widget: ' + keys);
    assert.ok(keys[0].includes(':sales:') && keys[1].includes(':support:'), keys.join(' '));
    await page.reload();
    for (const [label, name] of [['Sales', 'Grace Hopper'], ['Help', 'Ada Lovelace']]) {
      await page.getByRole('button', { name: label, exact: true }).click();
      const boxes = page.getByRole('dialog').getByRole('textbox', { name: /name/i });
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-support-widget]')]
        .some((h) => [...h.shadowRoot.querySelectorAll('input')].some((i) => i.value === n)), name, { timeout: 20000 });
      assert.ok((await boxes.count()) >= 1, label + ' shows its form again');
    }
    const values = await page.evaluate(() => [...document.querySelectorAll('[data-support-widget]')]
      .map((h) => [...h.shadowRoot.querySelectorAll('input')].map((i) => i.value).filter(Boolean)));
    assert.deepEqual(values.map(String).sort(), ['Ada Lovelace', 'Grace Hopper'], 'each widget got its own draft back');
    assert.deepEqual(problems, []);
  } finally {
    host.close();
  }
});
