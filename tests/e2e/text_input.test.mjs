// Issue 9 item 5: real text input. The widget's text fields are real DOM editors laid over the
// canvas (shell/semantic-mirror.js); what the browser does to them must reach the session
// unchanged, and the session's frames must never undo it (reset the value, move the caret, break
// the undo history). Each step types the way people do, then checks the field and the draft the
// session saved; at the end the ticket the server stored carries exactly what was typed.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';

const frames = (page, n = 6) => page.evaluate((count) => new Promise((resolve) => {
  let left = count;
  const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
  requestAnimationFrame(step);
}), n);

// The form values the session saved in local storage (what a reload would bring back).
async function savedValues(page) {
  const raw = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('support-widget:draft:')) return localStorage.getItem(key);
    }
    return null;
  });
  assert.ok(raw, 'the session saved a draft');
  return JSON.parse(raw).values || {};
}

async function expectValue(page, field, fieldName, expected, message) {
  await frames(page);
  assert.equal(await field.inputValue(), expected, message + ' (field)');
  assert.equal((await savedValues(page))[fieldName], expected, message + ' (session)');
}

await run('text input: held keys, selection, clipboard, undo, IME, autofill, any script', async ({ server, browser }) => {
  const { page, context, problems } = await openWidget(browser, server);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const widget = page.getByRole('dialog');
  await widget.getByRole('button', { name: /sales question/i }).click();
  const name = widget.getByRole('textbox', { name: /name/i });
  const email = widget.getByRole('textbox', { name: /email/i });
  const subject = widget.getByRole('textbox', { name: /subject/i });
  const description = widget.getByRole('textbox', { name: /question|describe/i });

  // Browser autofill: values arrive without keystrokes, with input events, in unfocused fields.
  assert.equal(await name.getAttribute('autocomplete'), 'name');
  assert.equal(await email.getAttribute('autocomplete'), 'email');
  await page.evaluate(() => {
    const fill = (el, value) => { el.value = value; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); };
    const fields = [...document.querySelectorAll('*')].flatMap((n) => (n.shadowRoot ? [...n.shadowRoot.querySelectorAll('input')] : []));
    const byName = (re) => fields.find((el) => re.test(el.getAttribute('aria-label') || ''));
    fill(byName(/name/i), 'Grace Hopper');
    fill(byName(/email/i), 'grace@example.com');
  });
  await expectValue(page, name, 'name', 'Grace Hopper', 'autofilled name is kept');
  await expectValue(page, email, 'email', 'grace@example.com', 'autofilled email is kept');

  // A held key repeats: every repeat lands, none is lost between frames.
  await subject.click();
  for (let i = 0; i < 12; i++) await page.keyboard.down('x');
  await page.keyboard.up('x');
  await expectValue(page, subject, 'subject', 'x'.repeat(12), 'a held key types one letter per repeat');

  // Selection: select all and type over it; then fix a word in the middle with Shift+arrows. The
  // caret must stay where the customer put it while frames go by.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Licence for tree sites');
  await page.keyboard.press('End');
  for (let i = 0; i < ' sites'.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'tree'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await frames(page);
  assert.equal(await subject.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), 'tree', 'the selection survives frames');
  await page.keyboard.type('three');
  await frames(page);
  await page.keyboard.type(' new');
  await expectValue(page, subject, 'subject', 'Licence for three new sites', 'typing over a selection, caret kept across frames');

  // Cut, paste and undo in the description (a textarea: Enter makes new lines there).
  const first = 'Can I move my licence from the old site to the new one without buying another licence?';
  await description.click();
  await page.keyboard.type(first);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Thanks!');
  const typed = first + '\nThanks!';
  await expectValue(page, description, 'description', typed, 'typing with a new line');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+X');
  await expectValue(page, description, 'description', '', 'cut empties the field');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), typed, 'cut put the text on the clipboard');
  await page.keyboard.press('Control+V');
  await expectValue(page, description, 'description', typed, 'paste puts it back');
  await page.keyboard.press('Control+Z');
  await expectValue(page, description, 'description', '', 'undo takes the paste back');
  await page.keyboard.press('Control+Shift+Z');
  await expectValue(page, description, 'description', typed, 'redo brings it again');

  // Paste of text from elsewhere, in other scripts and with emoji; copy of part of it.
  const foreign = ' Привет, Ελλάδα, 日本語, emoji 😀.';
  await page.evaluate((text) => navigator.clipboard.writeText(text), foreign);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+V');
  await expectValue(page, description, 'description', typed + foreign, 'pasted text in any script is kept');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');   // the caret steps over an emoji whole
  await page.keyboard.press('Control+C');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '😀.', 'copy takes the selection');
  await page.keyboard.press('End');

  // IME composition (Japanese): the composing text shows in the field; Escape during it belongs
  // to the IME; the committed text is what the session keeps.
  const cdp = await context.newCDPSession(page);
  await page.keyboard.type(' ');
  await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
  await frames(page);
  assert.match(await description.inputValue(), /にほんご$/, 'the composition shows in the field');
  await cdp.send('Input.imeSetComposition', { text: 'にほんごで', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: '日本語で' });
  const composed = typed + foreign + ' 日本語で';
  await expectValue(page, description, 'description', composed, 'the committed composition replaces the composing text');

  // A mobile keyboard sends text without key events (insertText), as do dictation and swipe.
  await subject.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' — Ελλάδα');
  await expectValue(page, subject, 'subject', 'Licence for three new sites — Ελλάδα', 'inserted text without key events');

  // Text fields are drawn by the browser (they are the real editors), so any script shows.
  const look = await subject.evaluate((el) => { const s = getComputedStyle(el); return { color: s.color, opacity: s.opacity, visibility: s.visibility }; });
  assert.notEqual(look.color, 'rgba(0, 0, 0, 0)', 'the field text is visible');
  assert.equal(look.opacity, '1');
  assert.equal(look.visibility, 'visible');
  await screenshot(page, 'text-input-any-script');

  // What was typed is what the ticket carries.
  await widget.getByRole('button', { name: /send/i }).click();
  await widget.getByRole('status').waitFor({ timeout: 10000 });
  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].name, 'Grace Hopper');
  assert.equal(tickets[0].email, 'grace@example.com');
  assert.match(tickets[0].subject, /Licence for three new sites — Ελλάδα$/);
  assert.equal(tickets[0].description, composed);
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
});

await run('text input on a phone: tap focuses the real field, inserted text reaches the session', async ({ server, browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).tap();
  const widget = page.getByRole('dialog');
  await widget.getByRole('button', { name: /sales question/i }).tap();
  const email = widget.getByRole('textbox', { name: /email/i });
  await email.tap();
  // The OS keyboard opens for the focused editor; an email field asks for the email layout.
  assert.equal(await email.evaluate((el) => el === el.getRootNode().activeElement), true, 'the tapped field has focus');
  assert.equal(await email.getAttribute('type'), 'email');
  await page.keyboard.insertText('ada@example.com');
  await expectValue(page, email, 'email', 'ada@example.com', 'text from a virtual keyboard');
  const box = await email.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, 'the focused field is on screen: ' + JSON.stringify(box));
  await context.close();
});
