// Issue 2: a customer opens the widget from the launcher, fills the ticket form through the
// semantic layer, submits, sees the ticket number; staff find the ticket through the API.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';

await run('ticket form end to end', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  await screenshot(page, 'home');

  // A general sales question goes straight to a short form: no troubleshooting, no logins.
  await widget.getByRole('button', { name: /sales question/i }).click();
  const name = widget.getByRole('textbox', { name: /name/i });
  const email = widget.getByRole('textbox', { name: /email/i });
  const subject = widget.getByRole('textbox', { name: /subject/i });
  await name.fill('Ada Lovelace');
  await email.fill('ada.example.com');          // the @ is missing
  await subject.fill('Licence for three sites');
  await widget.getByRole('button', { name: /send/i }).click();
  // The errors are shown next to the right fields and announced with them.
  await widget.getByRole('alert').waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true', await widget.ariaSnapshot());
  assert.match(await email.getAttribute('aria-description'), /email address/i);
  const description = widget.getByRole('textbox', { name: /question|describe/i });
  assert.equal(await description.getAttribute('aria-invalid'), 'true');
  assert.equal(await name.getAttribute('aria-invalid'), null, 'a valid field is not marked');
  await screenshot(page, 'sales-form-errors');

  await email.fill('ada@example.com');
  const text = 'Can I move my licence from the old site to the new one without buying another?';
  await description.fill(text);
  await widget.getByRole('button', { name: /send/i }).click();
  const status = widget.getByRole('status');
  await status.waitFor({ timeout: 10000 });
  const number = Number(/(\d+)/.exec(await status.textContent())[1]);
  await screenshot(page, 'sales-ticket-sent');

  const tickets = await settledList(server.tickets);
  assert.equal(tickets.length, 1, 'exactly one ticket stored, and no late second one');
  assert.equal(tickets[0].number, number, 'the number shown is the stored ticket');
  assert.equal(tickets[0].email, 'ada@example.com');
  assert.equal(tickets[0].description, text);
  assert.equal(tickets[0].category, 'sales_question');
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
});
