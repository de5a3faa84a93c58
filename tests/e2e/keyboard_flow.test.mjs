// Issue 9: the whole plugin-problem flow with the keyboard only (Tab, Shift+Tab, Enter, Space; no
// mouse), asserting where focus is after every step; a second Enter never skips a step unread; a
// refused submit focuses the first invalid field with the error summary in view; the live regions
// say what changed; focus stays in the open panel; Escape closes (not during an IME composition)
// and returns focus to the launcher.
import assert from 'node:assert/strict';
import { run, screenshot } from './harness.mjs';
import { focused, liveText, waitForLive, inView, tabTo, waitForNewHeadingFocus } from './focus_probe.mjs';

async function openByKeyboard(browser, server, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('heading').first().waitFor({ timeout: 20000 });
  return { page, problems };
}

await run('keyboard only: the plugin flow, focus after every step, live regions, refused submit', async ({ server, browser }) => {
  const { page, problems } = await openByKeyboard(browser, server, { width: 1280, height: 800 });
  const dialog = page.getByRole('dialog');

  // The dialog is modal and named by the configuration's title; no h1 of its own.
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  assert.equal(await dialog.getAttribute('aria-label'), 'Northwind Plugins Support');
  assert.equal(await dialog.locator('h1').count(), 0, 'no second h1 on the host page');
  // Both live regions are there from the start, before anything is said.
  assert.equal(await liveText(page, 'polite'), '');
  assert.equal(await liveText(page, 'assertive'), '');

  let f = await focused(page);
  assert.equal(f.where, 'panel', 'focus moved into the panel on opening: ' + JSON.stringify(f));
  assert.equal(f.tag, 'h2', 'on the first screen\'s heading');
  let heading = f.name;

  await tabTo(page, /problem with one of our plugins/i);
  await page.keyboard.press('Enter');
  heading = await waitForNewHeadingFocus(page, heading);
  await waitForLive(page, 'polite', heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A second Enter lands on the heading: nothing is pressed, the step stays.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
  assert.equal((await focused(page)).name, heading, 'a second Enter did not skip the step');

  await tabTo(page, /seo/i);
  await page.keyboard.press(' ');   // Space activates as well
  heading = await waitForNewHeadingFocus(page, heading);
  const visited = [heading];

  for (let i = 0; i < 15; i++) {
    if (await dialog.getByRole('button', { name: /send ticket/i }).count()) break;
    await tabTo(page, /didn.t help|still need help|continue/i);
    // Two quick Enters: the first answers, the second must find the next step's heading, not a
    // button of the next step that happens to have the same name.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const next = await waitForNewHeadingFocus(page, heading);
    await page.waitForTimeout(100);
    f = await focused(page);
    assert.equal(f.name, next, `step ${i}: focus stayed on the new heading after a second Enter (${JSON.stringify(f)})`);
    visited.push(next);
    heading = next;
  }
  assert.ok(await dialog.getByRole('button', { name: /send ticket/i }).count(), 'reached the form: ' + visited.join(' | '));
  assert.ok(visited.length >= 4, 'walked every step: ' + visited.join(' | '));
  // No step was skipped: the steps seen are all different.
  assert.equal(new Set(visited).size, visited.length, 'each step seen once: ' + visited.join(' | '));

  // A submit with nothing filled in: focus on the first invalid field, summary in view, said.
  await tabTo(page, /send ticket/i);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-support-widget]').shadowRoot.activeElement;
    return el && el.getAttribute('aria-invalid') === 'true';
  }, null, { timeout: 5000 });
  f = await focused(page);
  assert.ok(f.invalid && /name/i.test(f.name), 'first invalid field focused: ' + JSON.stringify(f));
  assert.ok(await inView(page, '[aria-invalid="true"]'), 'the field is in view');
  assert.ok(await inView(page, '[data-role="alert"]'), 'the error summary is in view');
  await waitForLive(page, 'assertive', '\\S');
  assert.equal(await liveText(page, 'assertive'), await dialog.getByRole('alert').textContent());
  await screenshot(page, 'keyboard-refused-submit');

  // Fill the form by typing; Tab between fields.
  await page.keyboard.type('Grace Hopper');
  await tabTo(page, /email/i);
  await page.keyboard.type('grace@example.org');
  await tabTo(page, /address of the affected site/i);
  await page.keyboard.type('https://grace.example.org');
  await tabTo(page, /subject/i);
  await page.keyboard.type('Sitemap page stays empty');
  await tabTo(page, /describe/i);
  await page.keyboard.type('After the update the sitemap page is blank. I deactivated all other plugins and switched themes: no change.');
  // Suggestions appear without moving focus: their number is said.
  await waitForLive(page, 'polite', '\\d+ matching articles? found', 8000);
  assert.match((await focused(page)).name, /describe/i, 'typing kept focus in the description');

  await tabTo(page, /send ticket/i);
  await page.keyboard.press('Enter');
  await waitForNewHeadingFocus(page, heading, 10000).catch(async (e) => {
    await screenshot(page, 'keyboard-send-failed');
    throw new Error(e.message + '\nfocus: ' + JSON.stringify(await focused(page)) + '\nalerts: ' +
      (await dialog.getByRole('alert').allTextContents()).join(' | '));
  });
  await waitForLive(page, 'polite', '\\d');   // the ticket number is said
  assert.match(await liveText(page, 'polite'), /\d+/);
  assert.equal((await server.tickets()).length, 1, 'the ticket was stored');

  // Focus stays inside the open panel: Tab and Shift+Tab wrap around.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      f = await focused(page);
      assert.equal(f.where, 'panel', `${key} #${i + 1} stayed in the panel: ${JSON.stringify(f)}`);
    }
  }

  // Escape during an IME composition belongs to the composition: the panel stays.
  await tabTo(page, /start a new request/i);
  await page.getByRole('button', { name: /start a new request/i }).press('Enter');
  await waitForNewHeadingFocus(page, '');
  await tabTo(page, /search the knowledge base/i);
  await page.evaluate(() => {
    const el = document.querySelector('[data-support-widget]').shadowRoot.activeElement;
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', isComposing: true, bubbles: true, composed: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', keyCode: 229, bubbles: true, composed: true }));
  });
  await page.waitForTimeout(100);
  assert.ok(await dialog.isVisible(), 'Escape during a composition did not close the panel');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  f = await focused(page);
  assert.equal(f.where, 'launcher', 'Escape returned focus to the launcher: ' + JSON.stringify(f));
  assert.deepEqual(problems, []);
});

await run('keyboard only: on a phone the page behind the panel is out of reach', async ({ server, browser }) => {
  const { page } = await openByKeyboard(browser, server, { width: 320, height: 640 });
  const inertOutside = await page.evaluate(() => [...document.body.children]
    .filter((el) => !el.hasAttribute('data-support-widget')).every((el) => el.inert));
  assert.ok(inertOutside, 'everything but the widget is inert while the full-screen panel is open');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.equal(f.where, 'panel', `Tab #${i + 1} stayed in the panel: ${JSON.stringify(f)}`);
  }
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const inertAfter = await page.evaluate(() => [...document.body.children].some((el) => el.inert));
  assert.equal(inertAfter, false, 'closing gives the page back');
});
