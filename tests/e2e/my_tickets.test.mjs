// Issue 8: "My tickets". The site identifies its logged-in customer with a signed token
// (docs/identity.md); the widget then offers their tickets (number, subject, status, last update)
// from GET /api/my/tickets, including closed ones and the one just sent; another customer's
// tickets never show; an expired token says what to do instead of showing an empty list.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { run, screenshot } from './harness.mjs';

const SECRET = 'e2e-identity-secret-0123456789abcdef';
process.env.SUPPORT_IDENTITY_SECRET = SECRET;   // the server started by run() reads it

const b64 = (data) => Buffer.from(data).toString('base64url');
function token(email, ttlSeconds = 3600) {
  const signed = 'v1.' + b64(JSON.stringify({ email, name: 'Ada', customer_id: '42',
                                              exp: Math.floor(Date.now() / 1000) + ttlSeconds }));
  return signed + '.' + createHmac('sha256', SECRET).update(signed).digest('base64url');
}

async function postTicket(server, email, subject, key) {
  const r = await fetch(server.url + '/api/tickets', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Support-Identity': token(email) },
    body: JSON.stringify({ name: 'Ada Lovelace', email, subject, category: 'sales_question',
                           description: 'Could you tell me whether the yearly plan includes updates for every plugin we buy later?' }),
  });
  const text = await r.text();
  assert.equal(r.status, 201, text);
  return JSON.parse(text).number;
}

await run('my tickets: an identified customer sees their tickets, nobody else\'s', async ({ server, browser }) => {
  const mine = await postTicket(server, 'ada@example.com', 'Yearly plan and later plugins', 'e2e-1');
  await postTicket(server, 'grace@example.com', 'Someone else entirely', 'e2e-2');

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  await page.goto(server.url + '/');
  await page.evaluate((t) => window.SupportWidget('identify', t), token('Ada@Example.com'));
  await page.getByRole('button', { name: 'Help' }).click();
  const widget = page.getByRole('dialog');
  await widget.getByRole('button', { name: 'My tickets' }).click();
  await widget.getByRole('heading', { name: 'My tickets' }).waitFor({ timeout: 10000 });
  const item = widget.getByRole('listitem').filter({ hasText: `#${mine} Yearly plan and later plugins` });
  await item.waitFor({ timeout: 5000 });
  assert.match(await item.textContent(), /— open, last update \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  assert.equal(await widget.getByRole('listitem').count(), 1, 'only this customer\'s tickets');
  assert.equal(await widget.getByRole('status').filter({ hasText: 'Tickets in the list: 1' }).count(), 1);
  await screenshot(page, 'my-tickets-1-list');

  // Back on home; the page hands over a token that has expired: the list says what to do.
  await widget.getByRole('button', { name: 'Back' }).click();
  await widget.getByRole('button', { name: 'My tickets' }).waitFor();
  await page.evaluate((t) => window.SupportWidget('identify', t), token('ada@example.com', -60));
  await widget.getByRole('button', { name: 'My tickets' }).click();
  await widget.getByRole('alert').filter({ hasText: 'could not confirm that it is you' }).waitFor({ timeout: 5000 });
  assert.equal(await widget.getByRole('listitem').count(), 1, 'the last good list stays under the problem');
  await screenshot(page, 'my-tickets-2-expired');

  // The page hands over a fresh token: the list is fetched again with it, the problem goes.
  await page.evaluate((t) => window.SupportWidget('identify', t), token('ada@example.com'));
  // (The count stays up under the problem too, so it is the problem's going that shows the answer.)
  await widget.getByRole('alert').waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await widget.getByRole('status').filter({ hasText: 'Tickets in the list: 1' }).count(), 1);
  assert.equal(await widget.getByRole('listitem').count(), 1);
  assert.deepEqual(problems, []);
});
