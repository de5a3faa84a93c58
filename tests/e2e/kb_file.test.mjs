// Issue 4: KB articles from a separate file the configuration names (kb.file), loaded without
// freezing the page. The default configuration's file is searched like its own articles; a
// generated 20,000-article file loads while the page keeps answering, and its last article
// becomes searchable. Prints load figures (not asserted: timings vary between machines).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, openWidget, screenshot, WEB } from './harness.mjs';

await run('kb file: the default configuration\'s file is searchable and readable', async ({ server, browser }) => {
  const { page, problems } = await openWidget(browser, server);
  const widget = page.getByRole('dialog');
  await widget.getByRole('searchbox', { name: /search the knowledge base/i }).fill('spam honeypot');
  const hit = widget.getByRole('button', { name: /stopping spam submissions/i });
  await hit.waitFor({ timeout: 10000 });
  await screenshot(page, 'kb-file-suggestion');
  await hit.click();
  await widget.getByRole('heading', { name: /stopping spam submissions/i }).waitFor();
  assert.deepEqual(problems, []);
});

const ARTICLES = 20000;
const web = mkdtempSync(join(tmpdir(), 'support-web-'));
try {
  cpSync(WEB, web, { recursive: true });
  const configPath = join(web, 'widget/assets/config/default.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  config.kb.file = 'generated.jsonl';
  writeFileSync(configPath, JSON.stringify(config));
  const words = ['login', 'password', 'licence', 'plugin', 'update', 'cache', 'email', 'backup', 'restore', 'sitemap',
    'redirect', 'payment', 'invoice', 'theme', 'conflict', 'memory', 'timeout', 'error', 'export', 'import'];
  const lines = [];
  for (let i = 0; i < ARTICLES; i++) {
    const w = (k) => words[(i * 7 + k * 13) % words.length];
    const unique = i === ARTICLES - 1 ? ' zanzibarite' : '';
    lines.push(JSON.stringify({ id: 'gen-' + i, title: `How to fix the ${w(1)} ${w(2)} problem number ${i}${unique}`,
      body: `When the ${w(3)} fails after an ${w(4)}, check the ${w(5)} settings and try the ${w(6)} again. `.repeat(4),
      tags: [w(7), w(8)] }));
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(join(web, 'widget/assets/config/generated.jsonl'), text);

  await run(`kb file: ${ARTICLES} articles load without freezing the page`, async ({ server, browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: 'Help' }).click();
    const widget = page.getByRole('dialog');
    const search = widget.getByRole('searchbox', { name: /search the knowledge base/i });
    await search.waitFor({ timeout: 20000 });
    const started = Date.now();
    // The configuration's own articles answer at once, while the file still loads.
    await search.fill('activate licence');
    await widget.getByRole('button', { name: /activating your licence key/i }).waitFor({ timeout: 5000 });
    const inlineMs = Date.now() - started;
    // The page stays responsive: a click on the host page's own field is handled meanwhile.
    const echo = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      setTimeout(() => resolve(performance.now() - t0), 0);
    }));
    await search.fill('zanzibarite');
    await widget.getByRole('button', { name: new RegExp(`problem number ${ARTICLES - 1} zanzibarite`, 'i') })
      .waitFor({ timeout: 120000 });
    const loadedMs = Date.now() - started;
    const longTasks = await page.evaluate(() => window.__longTasks);
    const maxTask = longTasks.length ? Math.max(...longTasks) : 0;
    console.log(`# kb file: ${ARTICLES} articles, ${(text.length / 1e6).toFixed(1)} MB JSONL; inline article suggested after ` +
      `${inlineMs} ms; last file article searchable after ${loadedMs} ms; timer round-trip during load ${echo.toFixed(1)} ms; ` +
      `long tasks (>50 ms) during the run: ${longTasks.length}, longest ${maxTask.toFixed(0)} ms`);
    await screenshot(page, 'kb-file-large');
  }, { web });
} finally {
  rmSync(web, { recursive: true, force: true });
}
