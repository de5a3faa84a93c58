// Delivery from the widget's side (issue 8): a ticket that does not get through is tried again
// on its own — after a 503 with Retry-After, while the browser is offline, and after a reload —
// always as the same request under the same key, so the server stores it exactly once.
import assert from 'node:assert/strict';
import { run, openWidget, screenshot, settledList } from './harness.mjs';

async function fillSalesForm(widget, subject) {
  await widget.getByRole('button', { name: /sales question/i }).click();
  await widget.getByRole('textbox', { name: /name/i }).fill('Ada Lovelace');
  await widget.getByRole('textbox', { name: /email/i }).fill('ada@example.com');
  await widget.getByRole('textbox', { name: /subject/i }).fill(subject);
  await widget.getByRole('textbox', { name: /question|describe/i })
    .fill('Can I move my licence from the old site to the new one without buying another?');
}

async function ticketNumber(widget) {
  const status = widget.getByRole('status').filter({ hasText: /number.*\d/i });
  await status.first().waitFor({ timeout: 30000 });
  return Number(/(\d+)/.exec(await status.first().textContent())[1]);
}

await run('503 with Retry-After, then through: one ticket', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  let refused = 0;
  await page.route('**/api/tickets', async (route) => {
    if (route.request().method() === 'POST' && refused < 2) {
      refused++;
      await route.fulfill({ status: 503, headers: { 'Retry-After': '1', 'Access-Control-Allow-Origin': '*' }, body: '{"error":"busy"}' });
    } else await route.continue();
  });
  await fillSalesForm(widget, 'Retry after a 503');
  await widget.getByRole('button', { name: /send/i }).click();
  await widget.getByText(/trying again in \d+ s/i).first().waitFor({ timeout: 10000 });
  await screenshot(page, 'delivery-retrying');
  const number = await ticketNumber(widget);
  assert.equal(refused, 2, 'two refusals, then the third try went through on its own');
  const tickets = await settledList(() => server.tickets());
  assert.equal(tickets.length, 1, 'stored once');
  assert.equal(tickets[0].number, number);
  assert.deepEqual(problems.filter((p) => !/favicon|503/.test(p)), []);
});

await run('offline in the middle of a submission: sent once when back online', async ({ server, browser }) => {
  const { page, context } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  await fillSalesForm(widget, 'Sent after going offline');
  await context.setOffline(true);
  await widget.getByRole('button', { name: /send/i }).click();
  await widget.getByText(/offline|trying again/i).first().waitFor({ timeout: 10000 });
  await screenshot(page, 'delivery-offline');
  assert.equal((await server.tickets()).length, 0, 'nothing arrived while offline');
  await context.setOffline(false);
  const number = await ticketNumber(widget);
  const tickets = await settledList(() => server.tickets());
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].number, number);
});

await run('a reload with a ticket still on its way: sent once after the reload', async ({ server, browser }) => {
  const { page } = await openWidget(browser, server);
  let widget = page.getByRole('dialog');
  await page.route('**/api/tickets', (route) => route.request().method() === 'POST' ? route.abort() : route.continue());
  await fillSalesForm(widget, 'Survives a reload');
  await widget.getByRole('button', { name: /send/i }).click();
  await widget.getByText(/trying again/i).first().waitFor({ timeout: 10000 });
  await page.unroute('**/api/tickets');
  await page.reload();
  await page.getByRole('button', { name: 'Help' }).click();
  widget = page.getByRole('dialog');
  const number = await ticketNumber(widget);
  const tickets = await settledList(() => server.tickets());
  assert.equal(tickets.length, 1, 'stored once');
  assert.equal(tickets[0].number, number);
  assert.equal(tickets[0].subject, 'Survives a reload');
});

// The outbox is the browser's, not the tab's: a ticket parked while offline goes out from
// whichever tab of the site is there when the network comes back, without anyone opening the
// widget, and still once.
await run('parked offline, tab closed: the next page of the site sends it unopened', async ({ server, browser }) => {
  const { page, context } = await openWidget(browser, server);
  await fillSalesForm(page.getByRole('dialog'), 'Sent by the next page');
  await context.setOffline(true);
  await page.getByRole('dialog').getByRole('button', { name: /send/i }).click();
  await page.getByRole('dialog').getByText(/offline/i).first().waitFor({ timeout: 10000 });
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  await next.goto(server.url + '/');
  const tickets = await settledList(() => server.tickets(), { timeoutMs: 20000 });
  assert.equal(tickets.length, 1, 'stored once');
  assert.equal(tickets[0].subject, 'Sent by the next page');
  assert.equal(await next.getByRole('dialog').count(), 0, 'the widget was not opened for it');
});

await run('parked offline with another tab open: back online, one ticket', async ({ server, browser }) => {
  const { page, context } = await openWidget(browser, server);
  const other = await context.newPage();
  await other.goto(server.url + '/');   // the launcher only: nothing loaded there yet
  await fillSalesForm(page.getByRole('dialog'), 'Parked with two tabs');
  await context.setOffline(true);
  await page.getByRole('dialog').getByRole('button', { name: /send/i }).click();
  await page.getByRole('dialog').getByText(/offline/i).first().waitFor({ timeout: 10000 });
  await context.setOffline(false);
  const number = await ticketNumber(page.getByRole('dialog'));
  const tickets = await settledList(() => server.tickets());
  assert.equal(tickets.length, 1, 'stored once, whichever tab sent it (same request, same key)');
  assert.equal(tickets[0].number, number, 'the tab that parked it shows the stored ticket');
  assert.equal(await other.getByRole('dialog').count(), 0, 'the other tab was not opened for it');
});
