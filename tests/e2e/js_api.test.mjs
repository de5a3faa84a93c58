// Issue 9: the page's JavaScript API (one global, SupportWidget), on a host page of another origin.
// Commands queued before the loader arrives run once it does; prefill/identify cost no download;
// hovering the launcher starts loading; the listeners hear open, close, step, article-viewed,
// resolved, ticket-submitted and error; identify's token goes out with the ticket.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { run, screenshot } from './harness.mjs';

// Each page's script is a separate file (no inline script), as a strict CSP would require.
const SCRIPTS = {
  // The queue form: an array of [command, ...args].
  '/queue.js': `
    window.heard = [];
    window.SupportWidget = window.SupportWidget || [];
    for (const type of ['open', 'close', 'step', 'article-viewed', 'resolved', 'ticket-submitted', 'error'])
      SupportWidget.push(['on', type, (detail) => heard.push({ type, detail })]);
    SupportWidget.push(['prefill', { name: 'Ada Lovelace', email: 'ada@example.org', readOnly: ['email'] }]);
    SupportWidget.push(['identify', 'signed.customer.token']);`,
  // The function-stub form: calls collected in .q.
  '/stub.js': `
    window.SupportWidget = window.SupportWidget || function () { (SupportWidget.q = SupportWidget.q || []).push(arguments); };
    SupportWidget('open');`,
};

function page(widgetOrigin, script) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><main><h1>A host page</h1></main>
<script src="${script}"></script>
<script src="${widgetOrigin}/widget/loader.js" async></script></body></html>`;
}

function startHost(widgetOrigin) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (SCRIPTS[path]) { res.writeHead(200, { 'Content-Type': 'text/javascript' }); return res.end(SCRIPTS[path]); }
    const script = path === '/stub.html' ? '/stub.js' : '/queue.js';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page(widgetOrigin, script));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const heard = (page, type) => page.evaluate((t) => window.heard.filter((e) => e.type === t), type);
async function waitHeard(page, type, count = 1) {
  await page.waitForFunction(([t, n]) => window.heard.filter((e) => e.type === t).length >= n, [type, count], { timeout: 10000 });
  return heard(page, type);
}

await run('JS API: queue before load, intent loading, prefill, identify, events', async ({ server, browser }) => {
  const host = await startHost(server.url);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await context.newPage();
    const requests = [];
    p.on('request', (r) => requests.push(r));
    const warnings = [];
    p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await p.goto(`http://localhost:${host.address().port}/`);
    await p.getByRole('button', { name: 'Help' }).waitFor();
    await p.waitForTimeout(300);
    const loaded = () => requests.map((r) => new URL(r.url()).pathname);
    assert.ok(!loaded().some((u) => /widget-host\.js|\.wasm$/.test(u)), 'prefill and identify loaded nothing: ' + loaded());
    assert.equal(await p.evaluate(() => typeof window.SupportWidget), 'function', 'the queue became the API');

    // Intent: hovering the launcher starts loading, the panel stays closed.
    await p.getByRole('button', { name: 'Help' }).hover();
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\.wasm$/.test(e.name)), null, { timeout: 10000 });
    assert.equal(await p.getByRole('dialog').isVisible(), false, 'hover did not open');

    // startFlow opens the panel at the category's flow.
    await p.evaluate(() => SupportWidget('startFlow', 'sales_question'));
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('button', { name: /send ticket/i }).waitFor({ timeout: 20000 });
    assert.equal((await waitHeard(p, 'open')).length, 1);
    const steps = await waitHeard(p, 'step');
    assert.equal(steps.at(-1).detail.screen, 'flow');
    assert.ok(steps.at(-1).detail.step, 'the step event names the step');

    // prefill: the page's values are in the form, the email locked.
    const name = dialog.getByRole('textbox', { name: /name/i });
    const email = dialog.getByRole('textbox', { name: /email/i });
    assert.equal(await name.inputValue(), 'Ada Lovelace');
    assert.equal(await email.inputValue(), 'ada@example.org');
    assert.equal(await email.getAttribute('readonly'), '', 'email is read-only');
    assert.equal(await name.getAttribute('readonly'), null, 'name stays editable');

    // A bad command is reported, not dropped.
    await p.evaluate(() => SupportWidget('startFlow', 'no_such_category'));
    const errors = await waitHeard(p, 'error');
    assert.match(errors[0].detail.message, /no_such_category/);
    assert.ok(warnings.some((w) => /no_such_category/.test(w)), 'and said in the console');
    await p.evaluate(() => SupportWidget('fly'));
    assert.ok(warnings.some((w) => /unknown command "fly"/.test(w)));

    await dialog.getByRole('textbox', { name: /subject/i }).fill('Moving a licence');
    await dialog.getByRole('textbox', { name: /describe|question|message/i }).fill(
      'Can I move my licence to a new domain without buying another one? We are changing our shop address next month.');
    await dialog.getByRole('button', { name: /send ticket/i }).click();
    const submitted = await waitHeard(p, 'ticket-submitted');
    assert.ok(submitted[0].detail.number > 0);
    const post = requests.find((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/tickets');
    assert.equal((await post.allHeaders())['x-support-identity'], 'signed.customer.token', 'identify: the token goes with the ticket');
    const [ticket] = await server.tickets();
    assert.equal(ticket.email, 'ada@example.org');
    assert.equal(ticket.name, 'Ada Lovelace');

    // close / toggle, each heard once.
    await p.evaluate(() => SupportWidget('close'));
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await waitHeard(p, 'close')).length, 1);
    await p.evaluate(() => SupportWidget.push(['toggle']));
    await dialog.waitFor();
    assert.equal((await waitHeard(p, 'open', 2)).length, 2);

    // article-viewed and resolved: an article from the search answers the question.
    await dialog.getByRole('button', { name: /start a new request/i }).click();
    await dialog.getByRole('searchbox').fill('licence expires');
    await dialog.getByRole('button', { name: /what happens when a licence expires/i }).click();
    const viewed = await waitHeard(p, 'article-viewed');
    assert.ok(viewed[0].detail.id && viewed[0].detail.title);
    await dialog.getByRole('button', { name: /answered|yes/i }).first().click();
    await waitHeard(p, 'resolved');

    // setLocale to a language the configuration lacks: said, and the widget keeps working.
    await p.evaluate(() => SupportWidget('setLocale', 'xx'));
    await p.waitForFunction(() => window.heard.some((e) => e.type === 'error' && /xx/.test(e.detail.message)));
    await dialog.getByRole('heading').first().waitFor();
    await screenshot(p, 'js-api-after');
  } finally {
    host.close();
  }
});

await run('JS API: a function stub queues calls until the loader arrives', async ({ server, browser }) => {
  const host = await startHost(server.url);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await context.newPage();
    await p.goto(`http://localhost:${host.address().port}/stub.html`);
    await p.getByRole('dialog').getByRole('heading').first().waitFor({ timeout: 20000 });
    assert.equal(await p.getByRole('button', { name: 'Help' }).getAttribute('aria-expanded'), 'true');
  } finally {
    host.close();
  }
});
