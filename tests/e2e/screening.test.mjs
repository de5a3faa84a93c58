// Issue 10, the widget side: screening before submit, as a customer meets it in the browser.
// A mistyped address gets a one-click fix and the provider's advice; the same draft sent twice
// (a double click, a resubmit after a reload) is one ticket; a near duplicate of an earlier
// ticket stops on a comparison screen, and "It's a different problem" sends it with that choice
// recorded; a shouting draft gets a note and still goes through unchanged.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';
import { focused, waitForNewHeadingFocus } from './focus_probe.mjs';

const PHONE = { width: 360, height: 740 };
const SUBJECT = 'CSV export does nothing';
const TEXT = 'Since the update the CSV export button on the reports page does nothing when I click it: '
  + 'no file is downloaded and no error is shown.';

async function salesForm(widget, { email = 'ada@example.com', subject = SUBJECT, text = TEXT } = {}) {
  await widget.getByRole('button', { name: /sales question/i }).click();
  await widget.getByRole('textbox', { name: /name/i }).fill('Ada Lovelace');
  await widget.getByRole('textbox', { name: /email/i }).fill(email);
  await widget.getByRole('textbox', { name: /subject/i }).fill(subject);
  await widget.getByRole('textbox', { name: /question|describe/i }).fill(text);
}

async function sentNumber(widget) {
  await widget.getByRole('heading', { name: /ticket received/i }).waitFor({ timeout: 10000 });
  const status = widget.getByRole('status');
  await status.waitFor({ timeout: 10000 });
  return Number(/(\d+)/.exec(await status.textContent())[1]);
}

function realProblems(problems) { return problems.filter((p) => !/favicon/.test(p)); }

await run('screening: a mistyped address -> one-click fix -> the Gmail advice, before and after sending', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server, PHONE);
  const widget = page.getByRole('dialog');
  await salesForm(widget, { email: 'name@gmial.com' });
  const fix = widget.getByRole('button', { name: 'Did you mean name@gmail.com?' });
  await fix.waitFor({ timeout: 5000 });
  await fix.click();
  assert.equal(await widget.getByRole('textbox', { name: /email/i }).inputValue(), 'name@gmail.com');
  assert.equal(await fix.count(), 0, 'the suggestion goes once taken');
  // The advice is a real list: where Gmail files our mail, then the steps for our domain.
  await widget.getByText(/Gmail sorts mail it does not know/).waitFor({ timeout: 5000 });
  const steps = widget.getByRole('list').getByRole('listitem');
  assert.ok(await steps.count() >= 3, await widget.ariaSnapshot());
  assert.match(await steps.last().textContent(), /northwind-plugins\.test/);
  await widget.getByText(/adding to a ticket later moves it back/i).waitFor();   // the queue reminder
  await widget.getByText(/Gmail sorts mail/).scrollIntoViewIfNeeded();
  await screenshot(page, 'screening-email-advice-360');

  await widget.getByRole('button', { name: 'Send ticket', exact: true }).click();
  await sentNumber(widget);
  await widget.getByRole('heading', { name: /make sure our replies reach you/i }).waitFor();
  assert.ok(await widget.getByRole('list').getByRole('listitem').count() >= 3, 'the advice again, after sending');
  await screenshot(page, 'screening-sent-advice-360');
  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].email, 'name@gmail.com', 'the corrected address was sent');
  assert.deepEqual(realProblems(problems), []);
});

await run('screening: a double click and a resubmit after a reload make exactly one ticket', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  let widget = page.getByRole('dialog');
  await salesForm(widget);
  await widget.getByRole('button', { name: 'Send ticket', exact: true }).dblclick();
  const first = await sentNumber(widget);

  await page.reload();
  await page.getByRole('button', { name: 'Help' }).click();
  widget = page.getByRole('dialog');
  await widget.getByRole('button', { name: /new request/i }).click();
  await salesForm(widget);   // the very same draft again
  await widget.getByRole('button', { name: 'Send ticket', exact: true }).click();
  // Not sent: the earlier ticket is shown instead, with why.
  const heading = await waitForNewHeadingFocus(page, '');
  assert.match(heading, new RegExp(`#${first}`));
  assert.match(await widget.getByRole('status').textContent(), new RegExp(`exact message as ticket #${first}`));
  assert.match(await widget.textContent(), /CSV export does nothing/);
  await screenshot(page, 'screening-resubmit');

  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1, 'exactly one ticket on the server');
  assert.equal(tickets[0].number, first);
  // Back to the draft: everything typed is still there.
  await widget.getByRole('button', { name: /back to my message/i }).click();
  assert.equal(await widget.getByRole('textbox', { name: /subject/i }).inputValue(), SUBJECT);
  assert.deepEqual(realProblems(problems), []);
});

await run('screening: near duplicate -> comparison -> "It\'s a different problem" -> sent with the choice', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server, PHONE);
  const widget = page.getByRole('dialog');
  await salesForm(widget);
  await widget.getByRole('button', { name: 'Send ticket', exact: true }).click();
  const first = await sentNumber(widget);
  await widget.getByRole('button', { name: /new request/i }).click();

  await salesForm(widget, {
    subject: 'Export to CSV not working',
    text: 'The CSV export on the reports page does nothing when I click the button, no file is downloaded.',
  });
  await widget.getByRole('button', { name: 'Send ticket', exact: true }).click();
  const heading = await waitForNewHeadingFocus(page, '');
  assert.match(heading, /same problem/i, 'focus moves to the comparison heading');
  assert.equal((await focused(page)).tag.startsWith('h'), true);
  const status = await widget.getByRole('status').textContent();
  assert.match(status, new RegExp(`ticket #${first} from \\d{4}-\\d\\d-\\d\\d`));
  await widget.getByRole('heading', { name: /your new message/i }).waitFor();
  await widget.getByRole('heading', { name: new RegExp(`ticket #${first}`, 'i') }).waitFor();
  await screenshot(page, 'screening-comparison-360');

  // A wider full-screen panel (a 500 px viewport): the two side by side, each text inside its own
  // column, the buttons below the taller one.
  await page.setViewportSize({ width: 500, height: 800 });
  await page.waitForTimeout(300);
  const box = (locator) => locator.boundingBox();
  const mine = await box(widget.getByRole('heading', { name: /your new message/i }));
  const theirs = await box(widget.getByRole('heading', { name: new RegExp(`ticket #${first}`, 'i') }));
  const theirText = await box(widget.getByText(/no error is shown/));
  const choose = await box(widget.getByRole('button', { name: /go to that ticket/i }));
  assert.ok(Math.abs(mine.y - theirs.y) < 2, `headings on one line: ${mine.y} / ${theirs.y}`);
  assert.ok(theirs.x > mine.x + 150, `the earlier ticket in the right column: ${mine.x} / ${theirs.x}`);
  assert.ok(theirText.x >= theirs.x - 1 && theirText.x + theirText.width <= 500, 'its text wraps inside the column');
  assert.ok(choose.y > theirText.y + theirText.height, 'the buttons come after the columns');
  await screenshot(page, 'screening-comparison-500');
  await page.setViewportSize(PHONE);

  // "Go to that ticket" shows it; back on the comparison, the customer says it is different.
  await widget.getByRole('button', { name: /go to that ticket/i }).click();
  await widget.getByText(/My Tickets to follow it/).waitFor();
  await widget.getByRole('button', { name: /^back$/i }).click();
  await widget.getByRole('button', { name: /different problem/i }).click();
  const second = await sentNumber(widget);
  assert.notEqual(second, first);

  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 2, 'the different problem is its own ticket');
  const stored = tickets.find((t) => t.number === second);
  assert.equal(stored.screening.choice, 'different_problem');
  assert.equal(stored.screening.duplicate_of, String(first));
  assert.ok(stored.screening.score >= 0.3 && stored.screening.score <= 1, JSON.stringify(stored.screening));
  assert.equal(tickets.find((t) => t.number === first).screening, undefined, 'nothing was asked for the first');
  assert.deepEqual(realProblems(problems), []);
});

await run('screening: a shouting draft gets a note and goes through with its text unchanged', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  const shouting = 'WHY DOES THE EXPORT NOT WORK, I NEED MY REPORT TODAY!!!';
  await salesForm(widget, { subject: 'EXPORT BROKEN', text: shouting });
  await widget.getByText(/capitals can come across as shouting/i).first().waitFor({ timeout: 5000 });
  await widget.getByText(/a single ! or \? is plenty/i).first().waitFor();
  await widget.getByRole('button', { name: 'Send ticket', exact: true }).click();
  await sentNumber(widget);
  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].description, shouting, 'the text is never changed');
  assert.equal(tickets[0].subject, 'EXPORT BROKEN');
  assert.deepEqual(realProblems(problems), []);
});
