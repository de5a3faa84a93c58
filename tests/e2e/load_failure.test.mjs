// When the widget cannot load (the configuration does not arrive, the browser is offline) or
// loads slowly, the panel says so in the customer's words and can always be closed: on a phone
// it covers the page and the launcher, so a panel without its drawn Close button would trap them.
// Trying again (the button, opening again, or the network coming back) loads it.
import assert from 'node:assert/strict';
import { run, screenshot } from './harness.mjs';

const PHONE = { width: 390, height: 800 };
const CONFIG = /\/assets\/config\/default\.json$/;

async function phonePage(browser, server, { locale } = {}) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  return { context, page, problems };
}
const pageInert = (page) => page.evaluate(() => [...document.body.children].some((el) => el.inert));
const focusedLabel = (page) => page.evaluate(() => {
  const root = document.querySelector('[data-support-widget]').shadowRoot;
  return root.activeElement ? root.activeElement.textContent : null;
});

await run('load failure: the configuration does not arrive; a phone customer can close the panel, and Try again loads it', async ({ server, browser }) => {
  const { page, problems } = await phonePage(browser, server);
  await page.route(CONFIG, (route) => route.abort());
  const errors = [];
  await page.goto(server.url + '/');
  await page.evaluate(() => window.SupportWidget('on', 'error', (e) => { window.widgetErrors = (window.widgetErrors || []).concat(e.message); }));
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = page.getByRole('dialog');
  const alert = dialog.getByRole('alert');
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.textContent(), /could not be loaded/);
  assert.equal(await focusedLabel(page), 'Try again', 'focus on the one thing to do');
  assert.equal(await pageInert(page), true, 'the page behind the full-screen panel is inert');
  errors.push(...await page.evaluate(() => window.widgetErrors || []));
  assert.ok(errors.some((m) => /could not start/.test(m)), 'the page hears about it: ' + JSON.stringify(errors));
  await screenshot(page, 'load-failed-phone');

  // Close works although the widget never drew its own.
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await pageInert(page), false, 'the page is usable again');
  assert.equal(await focusedLabel(page), 'Help', 'focus back on the launcher');

  // Opening again is trying again; the configuration arrives this time.
  await page.unroute(CONFIG);
  await page.getByRole('button', { name: 'Help' }).click();
  await dialog.getByRole('heading', { name: 'What can we help you with?' }).waitFor({ timeout: 15000 });
  assert.equal(await dialog.getByRole('alert').count(), 0, 'the failure notice is gone');
  assert.deepEqual(problems, []);
});

await run('load failure: Try again, in German for a German page', async ({ server, browser }) => {
  const { page } = await phonePage(browser, server, { locale: 'de-DE' });
  let fail = true;
  await page.route(CONFIG, (route) => (fail ? route.abort() : route.continue()));
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('alert').waitFor({ timeout: 10000 });
  assert.match(await dialog.getByRole('alert').textContent(), /Die Hilfe konnte nicht geladen werden/);
  assert.ok(await dialog.getByRole('button', { name: 'Schließen' }).count(), 'Close in German');
  fail = false;
  await dialog.getByRole('button', { name: 'Erneut versuchen' }).click();
  await dialog.getByRole('heading', { name: 'Wobei können wir Ihnen helfen?' }).waitFor({ timeout: 15000 });
});

await run('load failure: offline at the click, the panel loads by itself when the network is back', async ({ server, browser }) => {
  const { context, page, problems } = await phonePage(browser, server);
  await page.route(CONFIG, (route) => route.abort('internetdisconnected'));
  await page.goto(server.url + '/');
  // The glue arrives on intent; the configuration fetched with it is lost as the network drops.
  await page.getByRole('button', { name: 'Help' }).hover();
  await page.waitForFunction(() => [...performance.getEntriesByType('resource')].some((r) => /widget-host/.test(r.name)));
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('alert').waitFor({ timeout: 10000 });
  assert.match(await dialog.getByRole('alert').textContent(), /You are offline/);
  await screenshot(page, 'load-offline-phone');
  await page.unroute(CONFIG);
  await context.setOffline(false);
  await dialog.getByRole('heading', { name: 'What can we help you with?' }).waitFor({ timeout: 15000 });
  assert.deepEqual(problems, []);
});

await run('load failure: a click while offline, before anything loaded, opens the panel when the network is back', async ({ server, browser }) => {
  const { context, page, problems } = await phonePage(browser, server);
  await page.goto(server.url + '/');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Help' }).click();   // the glue itself cannot be fetched
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('dialog').count(), 0, 'nothing to show yet: the panel is in the glue');
  await context.setOffline(false);
  await page.getByRole('dialog').getByRole('heading', { name: 'What can we help you with?' }).waitFor({ timeout: 15000 });
  assert.deepEqual(problems, [], 'no unhandled rejection from the failed click');
});

await run('load failure: a slow configuration shows that it is loading, with a Close button', async ({ server, browser }) => {
  const { page, problems } = await phonePage(browser, server);
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route(CONFIG, async (route) => { await held; await route.continue(); });
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).click();
  const dialog = page.getByRole('dialog');
  const status = dialog.getByRole('status').filter({ hasText: 'Loading…' });
  await status.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await dialog.getAttribute('aria-busy'), 'true');
  assert.ok(await dialog.getByRole('button', { name: 'Close' }).isVisible(), 'Close while loading');
  await screenshot(page, 'load-slow-phone');
  release();
  await dialog.getByRole('heading', { name: 'What can we help you with?' }).waitFor({ timeout: 15000 });
  assert.equal(await status.count(), 0, 'the loading notice is gone');
  assert.equal(await dialog.getAttribute('aria-busy'), null);
  assert.deepEqual(problems, []);
});
