// The data-loss finding of the delivery issue: a customer sends a ticket, reloads the page, opens
// the widget again and writes a different problem. The widget must show what was sent (not the
// old form under the old key), and the second problem must become a second ticket.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot } from './harness.mjs';

await run('a second problem after a reload is its own ticket', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  let widget = page.getByRole('dialog');
  await widget.getByRole('button', { name: /sales question/i }).click();
  await widget.getByRole('textbox', { name: /name/i }).fill('Ada Lovelace');
  await widget.getByRole('textbox', { name: /email/i }).fill('ada@example.com');
  await widget.getByRole('textbox', { name: /subject/i }).fill('Licence for three sites');
  await widget.getByRole('textbox', { name: /question|describe/i })
    .fill('Can I move my licence from the old site to the new one without buying another?');
  await widget.getByRole('button', { name: /send/i }).click();
  const firstStatus = widget.getByRole('status');
  await firstStatus.waitFor({ timeout: 10000 });
  const first = Number(/(\d+)/.exec(await firstStatus.textContent())[1]);

  await page.reload();
  await page.getByRole('button', { name: 'Help' }).click();
  widget = page.getByRole('dialog');
  // Back on what was sent: its number and subject, and no form of the sent ticket.
  const status = widget.getByRole('status');
  await status.waitFor({ timeout: 20000 });
  assert.match(await status.textContent(), new RegExp(String(first)));
  assert.match(await widget.textContent(), /Licence for three sites/);
  assert.equal(await widget.getByRole('textbox', { name: /subject/i }).count(), 0, 'no form of the sent ticket');
  await screenshot(page, 'sent-after-reload');

  await widget.getByRole('button', { name: /new request/i }).click();
  await widget.getByRole('button', { name: /sales question/i }).click();
  assert.equal(await widget.getByRole('textbox', { name: /email/i }).inputValue(), 'ada@example.com',
    'who the customer is stays filled in');
  await widget.getByRole('textbox', { name: /subject/i }).fill('Invoice address');
  const second = 'Please change the address on my last invoice to our new office in Lyon.';
  await widget.getByRole('textbox', { name: /question|describe/i }).fill(second);
  await widget.getByRole('button', { name: /send/i }).click();
  await widget.getByRole('status').waitFor({ timeout: 10000 });
  const secondNumber = Number(/(\d+)/.exec(await widget.getByRole('status').textContent())[1]);
  assert.notEqual(secondNumber, first, 'a new number, not the first ticket again');

  await page.waitForTimeout(1000);   // a late duplicate would land here
  const tickets = await server.tickets();
  assert.equal(tickets.length, 2, 'two problems, two tickets');
  assert.equal(tickets[0].number, secondNumber);
  assert.equal(tickets[0].description, second, 'the second problem is stored');
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
});
