// Issue 3: the staff preview. Editing the configuration changes the running widget without a
// reload and keeps its place; lint problems appear as they are typed; "jump to" puts the widget
// on any step; submitting shows the exact payload and creates no ticket and no event.
import assert from 'node:assert/strict';
import { run, screenshot, settledList } from './harness.mjs';

// Edits the configuration as staff do: select a piece of it and type over it. (Playwright's fill
// of the whole 130 KB document takes Chromium about 20 s per call.)
async function typeOver(page, editor, from, to) {
  const found = await editor.evaluate((e, from) => {
    const at = e.value.indexOf(from);
    if (at < 0) return false;
    e.focus();
    e.setSelectionRange(at, at + from.length);
    return true;
  }, from);
  assert.ok(found, `the editor holds ${from}`);
  await page.keyboard.insertText(to);
}

await run('staff preview: live edit, lint, jump, dry-run payload', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(server.url + '/preview');
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  await page.evaluate(() => { window.__sameDocument = true; });
  const widget = page.getByRole('dialog', { name: 'Support widget preview' });
  const editor = page.getByRole('textbox', { name: 'Configuration (JSON)' });
  await widget.getByRole('button', { name: /a general sales question/i }).waitFor();
  assert.equal(await page.locator('#lint-summary').textContent(), 'No problems found.');
  await screenshot(page, 'preview-1-start');

  // 1. An edit shows up in the widget, in place.
  const original = await editor.inputValue();
  const renamed = original.replace('"A general sales question"', '"Questions before you buy"');
  assert.notEqual(renamed, original);
  await typeOver(page, editor, '"A general sales question"', '"Questions before you buy"');
  assert.equal(await editor.inputValue(), renamed);
  await widget.getByRole('button', { name: /questions before you buy/i }).waitFor({ timeout: 5000 });
  assert.equal(await widget.getByRole('button', { name: /a general sales question/i }).count(), 0);

  // 2. Lint: a broken step reference is reported with its path, as `supportctl lint` would.
  const broken = renamed.replace('"next": "clear_cache"', '"next": "chek_cache"');
  await typeOver(page, editor, '"next": "clear_cache"', '"next": "chek_cache"');
  assert.equal(await editor.inputValue(), broken);
  const lintItem = page.locator('#lint-list li', { hasText: 'chek_cache' });
  await lintItem.waitFor({ timeout: 5000 });
  assert.match(await lintItem.first().textContent(), /^flows\.plugin_issue\.steps\[\d+\]\.next: unknown step "chek_cache"$/);
  // Clicking the problem selects the broken reference in the editor.
  await lintItem.getByRole('button').click();
  const selected = await editor.evaluate((e) => e.value.slice(e.selectionStart, e.selectionEnd));
  assert.equal(selected, '"next": "chek_cache"');
  await screenshot(page, 'preview-2-lint');
  await typeOver(page, editor, '"next": "chek_cache"', '"next": "clear_cache"');
  await page.locator('#lint-summary', { hasText: 'No problems found.' }).waitFor();

  // Customer context: what the page would pass as data-context reaches the flow's conditions.
  await page.locator('#now-context', { hasText: 'logged_in=true' }).waitFor();
  const contextInput = page.getByRole('textbox', { name: /customer context/i });
  await contextInput.fill('{"logged_in": false, "plan": "pro", "category": "x"}');
  await page.locator('#context-problems', { hasText: 'context.category' }).waitFor();
  await page.locator('#now-context', { hasText: 'plan=pro' }).waitFor();

  // 3. Jump to the plugin form: the route there is real (the plugin was picked on the way).
  await page.getByRole('button', { name: 'Jump to plugin_issue / plugin_form' }).click();
  await widget.getByRole('button', { name: /send ticket/i }).waitFor({ timeout: 5000 });
  assert.match(await page.locator('#now-step').textContent(), /^plugin_form · form$/);
  const path = await page.locator('#path li code').allTextContents();
  assert.equal(path[0], 'pick_plugin');
  assert.equal(path.at(-1), 'plugin_form');

  // 4. Typing, then editing the configuration: the widget stays on the step and keeps the text.
  await widget.getByRole('textbox', { name: /name/i }).fill('Grace Hopper');
  await typeOver(page, editor, '"plugin_issue.plugin_form.title": "Describe the problem"',
    '"plugin_issue.plugin_form.title": "Tell us about the problem"');
  await widget.getByRole('heading', { name: 'Tell us about the problem' }).waitFor({ timeout: 5000 });
  assert.equal(await widget.getByRole('textbox', { name: /name/i }).inputValue(), 'Grace Hopper');

  // 5. Submit: the exact payload is shown; nothing reaches the server.
  await widget.getByRole('textbox', { name: /email/i }).fill('grace@example.org');
  await widget.getByRole('textbox', { name: /address of the affected site/i }).fill('https://grace.example.org');
  await widget.getByRole('textbox', { name: /subject/i }).fill('Sitemap page stays empty');
  await widget.getByRole('textbox', { name: /describe/i }).fill(
    'After the update the sitemap page is blank. I deactivated all other plugins and switched themes: no change.');
  await widget.getByRole('button', { name: /send ticket/i }).click();
  const payload = page.locator('.payload[data-path="/api/tickets"] pre.body');
  await payload.waitFor({ timeout: 5000 });
  const body = JSON.parse(await payload.textContent());
  assert.equal(body.subject.endsWith('Sitemap page stays empty'), true, body.subject);
  assert.equal(body.email, 'grace@example.org');
  assert.equal(body.category, 'plugin_issue');
  assert.ok(body.idempotency_key, 'payload carries its idempotency key');
  assert.deepEqual(body.troubleshooting.map((e) => e.step).slice(0, 1), ['pick_plugin']);
  await widget.getByRole('status').waitFor({ timeout: 5000 });   // the widget shows "sent" (dry run)
  await screenshot(page, 'preview-3-payload');

  assert.equal((await settledList(server.tickets, { timeoutMs: 0 })).length, 0, 'the preview created no ticket');
  assert.equal((await server.events()).length, 0, 'the preview posted no event');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload happened');
  assert.deepEqual(problems, []);
});
