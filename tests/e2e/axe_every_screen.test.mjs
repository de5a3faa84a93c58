// Issue 9: axe-core (npm) over every screen of the widget, light and dark: zero violations of the
// WCAG 2.1 A/AA rules and axe's best practices. axe cannot see the canvas (the contrast of what is
// drawn there is measured by tests/core/test_theme_palette.cpp); it checks the mirrored DOM:
// roles, names, lists, headings, the dialog, the live regions, target sizes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { run, openWidget } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page, screen, results) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  await page.waitForTimeout(150);   // let the last frame land in the mirror
  const outcome = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const violations = outcome.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  results.push({ screen, violations });
}

async function walk(page, scheme, results) {
  const dialog = page.getByRole('dialog');
  const seen = (name) => `${scheme}: ${name}`;
  await axe(page, seen('home'), results);
  await dialog.getByRole('searchbox').fill('licence expires');
  await dialog.getByRole('button', { name: /what happens when a licence expires/i }).waitFor();
  await axe(page, seen('home with search results'), results);
  await dialog.getByRole('button', { name: /what happens when a licence expires/i }).click();
  await dialog.getByRole('heading', { name: /did this answer/i }).waitFor();
  await axe(page, seen('article'), results);
  await dialog.getByRole('button', { name: /back/i }).first().click();
  await dialog.getByRole('searchbox').fill('zzqxv');
  await dialog.getByRole('paragraph').filter({ hasText: /no articles matched/i }).waitFor();
  await axe(page, seen('home, nothing found'), results);
  await dialog.getByRole('searchbox').fill('');

  await dialog.getByRole('button', { name: /problem with one of our plugins/i }).click();
  await dialog.getByRole('button', { name: /seo/i }).first().waitFor();
  await axe(page, seen('plugin choice'), results);
  await dialog.getByRole('button', { name: /seo/i }).first().click();
  for (let i = 0; i < 15; i++) {
    const title = await dialog.getByRole('heading', { level: 2 }).first().textContent();
    await axe(page, seen('step: ' + title), results);
    if (await dialog.getByRole('button', { name: /send ticket/i }).count()) break;
    for (const name of [/didn.t help/i, /still need help/i, /continue/i]) {
      const b = dialog.getByRole('button', { name });
      if (await b.count()) { await b.first().click(); break; }
    }
    await page.waitForFunction((t) => {
      const h = document.querySelector('[data-support-widget]').shadowRoot.querySelector('h2');
      return h && h.textContent !== t;
    }, title);
  }
  await dialog.getByRole('button', { name: /send ticket/i }).click();
  await dialog.getByRole('alert').waitFor();
  await axe(page, seen('form with errors'), results);
  await dialog.getByRole('textbox', { name: /name/i }).fill('Grace Hopper');
  await dialog.getByRole('textbox', { name: /email/i }).fill('grace@example.org');
  await dialog.getByRole('textbox', { name: /address of the affected site/i }).fill('https://grace.example.org');
  await dialog.getByRole('textbox', { name: /subject/i }).fill('Sitemap page stays empty');
  await dialog.getByRole('textbox', { name: /describe/i }).fill(
    'After the update the sitemap page is blank. I deactivated all other plugins and switched themes: no change.');
  await dialog.getByRole('button', { name: /sitemap is empty or missing/i }).waitFor({ timeout: 5000 });
  await axe(page, seen('form with suggestions'), results);
  await dialog.getByRole('button', { name: /send ticket/i }).click();
  await dialog.getByRole('status').waitFor({ timeout: 10000 });
  await axe(page, seen('ticket sent'), results);

  await dialog.getByRole('button', { name: /start a new request/i }).click();
  await dialog.getByRole('button', { name: /problem with one of our plugins/i }).click();
  await dialog.getByRole('button', { name: /form/i }).first().click();
  await dialog.getByRole('button', { name: /didn.t help/i }).click();
  await dialog.getByRole('button', { name: /still need help/i }).click();
  await dialog.getByRole('button', { name: /fixed it/i }).click();
  await dialog.getByRole('status').waitFor({ timeout: 10000 });
  await axe(page, seen('resolved'), results);
}

await run('axe-core: zero violations on every screen, light and dark', async ({ server, browser }) => {
  const results = [];
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openWidget(browser, server);
    await page.emulateMedia({ colorScheme: scheme });
    await walk(page, scheme, results);
    await context.close();
  }
  const failing = results.filter((r) => r.violations.length);
  console.log(`axe: ${results.length} screens checked, ${failing.length} with violations`);
  assert.ok(results.length >= 20, 'every screen of both schemes: ' + results.map((r) => r.screen).join(' | '));
  assert.deepEqual(failing, [], 'axe violations:\n' + failing.map((r) => r.screen + '\n  ' + r.violations.join('\n  ')).join('\n'));
});
