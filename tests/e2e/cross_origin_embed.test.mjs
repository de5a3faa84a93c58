// The widget where real sites are: the host page lives on another origin than the widget server,
// sends a strict Content-Security-Policy (no inline script, no eval; only the widget's origin and
// 'wasm-unsafe-eval'), and carries hostile global CSS. The documented script tag must still give
// a working widget that posts a ticket.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { run, screenshot } from './harness.mjs';

function hostPage(widgetOrigin) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<link rel="icon" href="data:,">
<style>
  * { font-size: 31px !important; }
  canvas { filter: invert(1); }
  button { all: unset; }
  div { background: #f0f !important; }
</style></head>
<body><h1>A shop on another origin</h1><p>Members area.</p>
<script src="${widgetOrigin}/widget/loader.js" async></script>
</body></html>`;
}

function startHost(widgetOrigin) {
  const csp = `default-src 'self'; script-src ${widgetOrigin} 'wasm-unsafe-eval'; ` +
    `connect-src ${widgetOrigin}; style-src 'unsafe-inline'; img-src data:`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(hostPage(widgetOrigin));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

await run('cross-origin embed under a strict CSP and hostile CSS', async ({ server, browser }) => {
  const widgetOrigin = server.url;                       // http://127.0.0.1:<port>
  const host = await startHost(widgetOrigin);
  try {
    const hostUrl = `http://localhost:${host.address().port}/`;   // another origin: other host name and port
    assert.notEqual(new URL(hostUrl).origin, new URL(widgetOrigin).origin);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    });
    await page.goto(hostUrl);

    const launcher = page.getByRole('button', { name: 'Help' });
    await launcher.click();
    const widget = page.getByRole('dialog');
    await widget.getByRole('heading').first().waitFor({ timeout: 20000 });

    // The host's CSS does not reach into the widget.
    const looks = await page.evaluate(() => {
      const root = document.querySelector('[data-support-widget]').shadowRoot;
      const canvas = root.querySelector('canvas');
      const button = root.querySelector('button');
      return { filter: getComputedStyle(canvas).filter, launcherFont: getComputedStyle(button).fontSize,
               launcherPosition: getComputedStyle(button).position };
    });
    assert.equal(looks.filter, 'none', 'canvas not inverted by the host page');
    assert.equal(looks.launcherFont, '15px', 'launcher keeps its own size');
    assert.equal(looks.launcherPosition, 'fixed', 'launcher keeps its own layout');
    await screenshot(page, 'cross-origin-home');

    await widget.getByRole('button', { name: /sales question/i }).click();
    await widget.getByRole('textbox', { name: /name/i }).fill('Grace Hopper');
    await widget.getByRole('textbox', { name: /email/i }).fill('grace@example.com');
    await widget.getByRole('textbox', { name: /subject/i }).fill('Licence transfer');
    await widget.getByRole('textbox', { name: /question|describe/i })
      .fill('Can the licence move to our new shop domain when we relaunch next month?');
    await widget.getByRole('button', { name: /send/i }).click();
    const status = widget.getByRole('status');
    await status.waitFor({ timeout: 10000 });
    const number = Number(/(\d+)/.exec(await status.textContent())[1]);
    await screenshot(page, 'cross-origin-sent');

    const tickets = await server.tickets();
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0].number, number);
    assert.equal(tickets[0].email, 'grace@example.com');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    host.close();
  }
});
