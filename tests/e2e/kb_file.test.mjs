// Issue 4: KB articles from a separate file the configuration names (kb.file), loaded without
// freezing the page. The default configuration's file is searched like its own articles; a
// generated 20,000-article file loads while the page keeps answering, and its last article
// becomes searchable. Prints the load figures; asserts only generous bounds on what "freezing"
// means, so that a loaded 2-core machine cannot make it flake (figures seen on one: longest
// task 220-230 ms, longest timer echo 170-300 ms).
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
// A frozen page: nothing runs for a second or more. Well above what a slow machine shows.
const MAX_LONG_TASK_MS = 1000;   // the longest main-thread task while the file loads
const MAX_TIMER_ECHO_MS = 1500;  // the longest wait of a setTimeout(0) on the host page meanwhile
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
    // The page stays responsive: the host page's own timers keep running on time while the
    // file loads. Sampled all along the load, not once.
    await page.evaluate(() => {
      window.__echo = { longest: 0, samples: 0, running: true };
      const sample = () => {
        const t0 = performance.now();
        setTimeout(() => {
          window.__echo.longest = Math.max(window.__echo.longest, performance.now() - t0);
          window.__echo.samples += 1;
          if (window.__echo.running) setTimeout(sample, 50);
        }, 0);
      };
      sample();
    });
    await search.fill('zanzibarite');
    await widget.getByRole('button', { name: new RegExp(`problem number ${ARTICLES - 1} zanzibarite`, 'i') })
      .waitFor({ timeout: 120000 });
    const loadedMs = Date.now() - started;
    const echo = await page.evaluate(() => { window.__echo.running = false; return window.__echo; });
    const longTasks = await page.evaluate(() => window.__longTasks);
    const maxTask = longTasks.length ? Math.max(...longTasks) : 0;
    console.log(`# kb file: ${ARTICLES} articles, ${(text.length / 1e6).toFixed(1)} MB JSONL; inline article suggested after ` +
      `${inlineMs} ms; last file article searchable after ${loadedMs} ms; timer echo during load: longest ` +
      `${echo.longest.toFixed(1)} ms of ${echo.samples} samples; long tasks (>50 ms) during the run: ${longTasks.length}, ` +
      `longest ${maxTask.toFixed(0)} ms`);
    await screenshot(page, 'kb-file-large');
    assert.ok(echo.samples >= 3, `the timer echo was sampled only ${echo.samples} times`);
    assert.ok(maxTask < MAX_LONG_TASK_MS, `the page froze: a task of ${maxTask.toFixed(0)} ms (bound ${MAX_LONG_TASK_MS} ms)`);
    assert.ok(echo.longest < MAX_TIMER_ECHO_MS,
      `the page froze: a timer waited ${echo.longest.toFixed(0)} ms (bound ${MAX_TIMER_ECHO_MS} ms)`);
  }, { web });
} finally {
  rmSync(web, { recursive: true, force: true });
}
