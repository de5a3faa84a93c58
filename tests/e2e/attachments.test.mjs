// Issue 8 item 5: files with a ticket, as a customer adds them: a screenshot picked with the file
// input, a log dropped on the panel, an image pasted into the form, a type that is refused (its
// message beside the list), one removed; the server then holds exactly the remaining files,
// byte for byte.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';

// A real 1x1 PNG and a second, different one (what a pasted screenshot would be).
const PICKED_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PASTED_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const LOG = '2026-12-02 06:00:01 gallery: loaded\n2026-12-02 06:00:02 gallery: error "cache" not writable\n';

async function walkToForm(page, widget) {
  await widget.getByRole('button', { name: /problem with one of our plugins/i }).click();
  await widget.getByRole('button', { name: /seo/i }).first().click();
  for (let i = 0; i < 15; i++) {
    if (await widget.getByRole('button', { name: /send ticket/i }).count()) return;
    const title = await widget.getByRole('heading', { level: 2 }).first().textContent();
    for (const name of [/didn.t help/i, /still need help/i, /continue/i]) {
      const b = widget.getByRole('button', { name });
      if (await b.count()) { await b.first().click(); break; }
    }
    await page.waitForFunction((t) => {
      const h = document.querySelector('[data-support-widget]').shadowRoot.querySelector('h2');
      return h && h.textContent !== t;
    }, title);
  }
  throw new Error('the ticket form was not reached');
}

// The attached files as the mirror lists them: "name (size)".
const listed = async (widget) => (await widget.getByRole('listitem').allTextContents())
  .filter((t) => /\(\d+(\.\d)? (bytes?|KB|MB)\)$/.test(t));

await run('attachments: pick, drop, paste, refuse, remove, send', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  await walkToForm(page, widget);

  // The picker is a real file input, named like the button under it, accepting the configured types.
  const picker = widget.locator('input[type=file]');
  assert.equal(await picker.count(), 1);
  assert.equal(await picker.getAttribute('aria-label'), 'Add files');
  assert.equal(await picker.evaluate((el) => el.multiple), true);
  const accept = await picker.getAttribute('accept');
  for (const part of ['image/png', '.png', 'text/plain', '.log']) assert.ok(accept.split(',').includes(part), accept);

  await picker.setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: PICKED_PNG });
  await widget.getByRole('listitem').filter({ hasText: 'shot.png' }).waitFor({ timeout: 5000 });

  // A log file dropped on the panel.
  await page.evaluate((text) => {
    const panel = document.querySelector('[data-support-widget]').shadowRoot.querySelector('.panel');
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'debug.log', { type: '' }));
    const at = { bubbles: true, cancelable: true, composed: true, dataTransfer: dt };
    panel.querySelector('.scroll').dispatchEvent(new DragEvent('dragover', at));
    panel.querySelector('.scroll').dispatchEvent(new DragEvent('drop', at));
  }, LOG);
  await widget.getByRole('listitem').filter({ hasText: 'debug.log' }).waitFor({ timeout: 5000 });

  // A screenshot pasted into the description (Ctrl+V of an image): the text stays as typed.
  const description = widget.getByRole('textbox', { name: /describe/i });
  await description.fill('The gallery page stays blank since the update; the log and the screenshots show the error it prints.');
  await description.evaluate((el, bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: dt }));
  }, [...PASTED_PNG]);
  await widget.getByRole('listitem').filter({ hasText: 'image.png' }).waitFor({ timeout: 5000 });
  assert.match(await description.inputValue(), /^The gallery page stays blank/);

  // A type that is not accepted: refused with a message naming it, the list unchanged.
  await picker.setInputFiles({ name: 'screenshot.bmp', mimeType: 'image/bmp', buffer: Buffer.from('BM fake bitmap') });
  const refusal = widget.getByRole('alert').filter({ hasText: 'screenshot.bmp' });
  await refusal.waitFor({ timeout: 5000 });
  assert.match(await refusal.textContent(), /^screenshot\.bmp: files of this type cannot be attached \(accepted: PNG, JPEG/);
  assert.deepEqual(await listed(widget), ['shot.png (' + PICKED_PNG.length + ' bytes)', 'debug.log (' + Buffer.byteLength(LOG) + ' bytes)',
    'image.png (' + PASTED_PNG.length + ' bytes)']);

  await widget.getByRole('textbox', { name: /name/i }).fill('Grace Hopper');
  await widget.getByRole('textbox', { name: /email/i }).fill('grace@example.org');
  await widget.getByRole('textbox', { name: /address of the affected site/i }).fill('https://grace.example.org');
  await widget.getByRole('textbox', { name: /subject/i }).fill('Gallery page blank after update');
  await widget.getByRole('listitem').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'attachments-form');

  // Remove the picked screenshot: each Remove button says which file it removes.
  const remove = widget.getByRole('button', { name: 'Remove' });
  assert.equal(await remove.count(), 3);
  assert.equal(await remove.first().getAttribute('aria-description'), 'shot.png');
  await remove.first().click();
  await widget.getByRole('listitem').filter({ hasText: 'shot.png' }).waitFor({ state: 'detached', timeout: 5000 });
  assert.deepEqual((await listed(widget)).map((t) => t.split(' ')[0]), ['debug.log', 'image.png']);

  await widget.getByRole('button', { name: /send ticket/i }).click();
  await widget.getByRole('status').waitFor({ timeout: 10000 });

  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1);
  const files = tickets[0].attachments;
  assert.deepEqual(files.map((f) => [f.name, f.type, f.size]),
    [['debug.log', 'text/plain', Buffer.byteLength(LOG)], ['image.png', 'image/png', PASTED_PNG.length]]);
  const download = async (f) => {
    const r = await fetch(server.url + f.url, { headers: { Authorization: 'Bearer ' + server.token } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), f.type);
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="${f.name}"; filename*=UTF-8''${f.name}`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    return Buffer.from(await r.arrayBuffer());
  };
  assert.ok((await download(files[0])).equals(Buffer.from(LOG)), 'the log, byte for byte');
  assert.ok((await download(files[1])).equals(PASTED_PNG), 'the pasted image, byte for byte');
  assert.deepEqual(problems, []);
});

await run('attachments: a reload keeps the files added, and the form says nothing was lost', async ({ server, browser }) => {
  const { page } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  await walkToForm(page, widget);
  await widget.locator('input[type=file]').setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: PICKED_PNG });
  await widget.getByRole('listitem').filter({ hasText: 'shot.png' }).waitFor({ timeout: 5000 });
  // The draft is saved after the frame that changed it: wait until it holds the file.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes('shot.png')));
  await page.reload();
  await page.getByRole('button', { name: 'Help' }).click();
  await widget.getByRole('listitem').filter({ hasText: 'shot.png' }).waitFor({ timeout: 20000 });
});
