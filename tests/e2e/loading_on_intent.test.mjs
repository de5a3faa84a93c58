// The loader fetches nothing but itself until the customer shows intent; pointer over the
// launcher or keyboard focus on it starts the download and compilation before the click; what
// Chromium gets is the server's precompressed copy (Content-Encoding), with caching that fits
// (content-hashed names immutable, the loader short-lived).
import assert from 'node:assert/strict';
import { run } from './harness.mjs';

// Every response of the page with its headers, in order.
function recordResponses(page) {
  const seen = [];
  page.on('response', async (r) => {
    try {
      seen.push({ path: new URL(r.url()).pathname, headers: await r.allHeaders(), request: await r.request().allHeaders() });
    } catch (_) { /* the page closed while its last answers arrived */ }
  });
  return seen;
}
const widgetFiles = (seen) => seen.filter((r) => r.path.startsWith('/widget/'));
async function settle(page) { await page.waitForLoadState('networkidle'); await page.waitForTimeout(500); }

await run('nothing fetched before intent; hover or focus prefetch; precompressed and cached files', async ({ server, browser }) => {
  // 1. A page that only shows the launcher fetched the loader and nothing else of the widget.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const seen = recordResponses(page);
  await page.goto(server.url + '/');
  await settle(page);
  assert.deepEqual(widgetFiles(seen).map((r) => r.path), ['/widget/loader.js'], 'only the loader before intent');
  const loader = widgetFiles(seen)[0];
  assert.equal(loader.headers['cache-control'], 'public, max-age=300', 'the loader is short-lived');

  // 2. The pointer over the launcher fetches the wasm (and the rest) before any click.
  await page.getByRole('button', { name: 'Help', exact: true }).hover();
  await page.waitForResponse((r) => r.url().endsWith('.wasm'), { timeout: 10000 });
  await settle(page);
  assert.equal(await page.getByRole('dialog').count(), 0, 'hovering does not open the panel');
  const prefetched = widgetFiles(seen).map((r) => r.path);
  for (const kind of [/widget-host\.[0-9a-f]{12}\.js$/, /widget\.[0-9a-f]{12}\.mjs$/, /widget\.[0-9a-f]{12}\.wasm$/,
    /assets\/config\/default\.json$/]) {
    assert.ok(prefetched.some((p) => kind.test(p)), `${kind} fetched on hover: ${prefetched.join(' ')}`);
  }
  assert.ok(!prefetched.some((p) => p.includes('widget-preview')), 'customers never fetch the preview build');

  // 3. The bytes came precompressed, as the browser asked for them, and hashed names are immutable.
  const wasm = widgetFiles(seen).find((r) => r.path.endsWith('.wasm'));
  const wants = wasm.request['accept-encoding'] || '';
  const expected = /\bbr\b/.test(wants) ? 'br' : /\bgzip\b/.test(wants) ? 'gzip' : undefined;
  assert.ok(expected, 'Chromium accepts a compression: ' + wants);
  assert.equal(wasm.headers['content-encoding'], expected, 'the wasm is sent compressed');
  assert.match(wasm.headers.vary || '', /Accept-Encoding/);
  assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  for (const r of widgetFiles(seen).filter((r) => /\.(m?js|otf|json)$/.test(r.path))) {
    assert.equal(r.headers['content-encoding'], expected, r.path + ' is sent compressed');
  }

  // 4. The click then opens without downloading the widget again.
  const before = seen.length;
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await page.getByRole('dialog').getByRole('button').first().waitFor({ timeout: 20000 });
  await settle(page);
  assert.equal(seen.slice(before).filter((r) => /\.(wasm|mjs|otf)$/.test(r.path)).length, 0, 'nothing fetched twice');
  await context.close();

  // 5. Keyboard users: focusing the launcher with Tab starts loading too.
  const keyboard = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await keyboard.newPage();
  const seen2 = recordResponses(page2);
  await page2.goto(server.url + '/');
  await settle(page2);
  assert.equal(widgetFiles(seen2).length, 1, 'only the loader before intent');
  const wasmOnFocus = page2.waitForResponse((r) => r.url().endsWith('.wasm'), { timeout: 10000 });
  await page2.getByRole('button', { name: 'Help', exact: true }).focus();
  await wasmOnFocus;
  await keyboard.close();
});
