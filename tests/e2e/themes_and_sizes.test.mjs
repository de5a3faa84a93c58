// Issue 9: light and dark (prefers-color-scheme) and forced colours, at desktop and phone sizes,
// DPR 1 and 2. Screenshots land in build/screenshots/theme-*.png (look at them); the assertions
// check what the browser can tell: the core's palette follows the scheme, the page-drawn text
// fields use it, forced colours hide the canvas so the DOM text shows once.
import assert from 'node:assert/strict';
import { run, screenshot } from './harness.mjs';

async function open(browser, server, { width, height, dpr, scheme, forcedColors = 'none' }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: scheme, forcedColors });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('dialog').getByRole('heading').first().waitFor({ timeout: 20000 });
  return { page, context };
}

const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

await run('themes: light and dark, desktop and phone, DPR 1 and 2', async ({ server, browser }) => {
  for (const scheme of ['light', 'dark']) {
    for (const [size, width, height] of [['desktop', 1280, 800], ['phone', 320, 640]]) {
      for (const dpr of [1, 2]) {
        const { page, context } = await open(browser, server, { width, height, dpr, scheme });
        const dialog = page.getByRole('dialog');
        const name = `theme-${scheme}-${size}-dpr${dpr}`;
        await screenshot(page, name + '-home');
        // The core's palette for the scheme reached the page (the panel colour it reports).
        const surface = await dialog.evaluate((el) => el.style.getPropertyValue('--sw-surface'));
        const px = surface.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
        if (scheme === 'dark') assert.ok(luminance(px) < 0.2, `${name}: dark panel, got ${surface}`);
        else assert.ok(luminance(px) > 0.9, `${name}: light panel, got ${surface}`);
        // The text fields the page draws use the palette's text colour.
        const fieldColor = await dialog.getByRole('searchbox').evaluate((el) => getComputedStyle(el).color);
        const rgb = fieldColor.match(/\d+/g).slice(0, 3).map(Number);
        if (scheme === 'dark') assert.ok(luminance(rgb) > 0.7, `${name}: light field text on dark, got ${fieldColor}`);
        else assert.ok(luminance(rgb) < 0.3, `${name}: dark field text on light, got ${fieldColor}`);

        await dialog.getByRole('button', { name: /problem with one of our plugins/i }).click();
        await dialog.getByRole('button', { name: /form/i }).first().click();
        await dialog.getByRole('button', { name: /didn.t help/i }).waitFor();
        await screenshot(page, name + '-step');
        await dialog.getByRole('button', { name: /didn.t help/i }).click();
        await dialog.getByRole('button', { name: /still need help/i }).click();
        await dialog.getByRole('button', { name: /didn.t help/i }).first().click();
        await page.keyboard.press('Tab');   // keyboard: focus rings show
        await screenshot(page, name + '-focus');
        await context.close();
      }
    }
  }
});

await run('themes: forced colours show the DOM text once (the canvas steps aside)', async ({ server, browser }) => {
  const { page, context } = await open(browser, server, { width: 1280, height: 800, dpr: 1, scheme: 'light', forcedColors: 'active' });
  const root = await page.evaluateHandle(() => document.querySelector('[data-support-widget]').shadowRoot);
  const canvasShown = await root.evaluate((r) => getComputedStyle(r.querySelector('canvas')).display !== 'none');
  assert.equal(canvasShown, false, 'the canvas is hidden, so its text is not under the DOM text');
  const button = page.getByRole('dialog').getByRole('button', { name: /problem with one of our plugins/i });
  const color = await button.evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(color, 'rgba(0, 0, 0, 0)', 'the DOM draws the text in system colours');
  await screenshot(page, 'theme-forced-colors');
  await context.close();
});
