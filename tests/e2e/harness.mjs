// Shared set-up for the browser end-to-end tests: a real support-server on a free loopback port
// with a throw-away data folder, and Debian's headless Chromium driven by playwright-core.
// Tests find everything through the widget's semantic layer (roles and names), never by pixels.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const SERVER = process.env.SUPPORT_SERVER || join(ROOT, 'build/native/server/support-server');
export const WEB = process.env.SUPPORT_WEB || join(ROOT, 'build/web');
export const SHOTS = join(ROOT, 'build/screenshots');

// web: the folder of static files to serve (default build/web).
export async function startServer(extraArgs = [], { web = WEB } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'support-e2e-'));
  const child = spawn(SERVER, ['--port', '0', '--data', data, '--web', web, ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const url = /listening on (http:\/\/\S+)/.exec(out);
      const token = /staff token: (\S+)/.exec(out);
      if (url && token) { clearTimeout(timer); resolve({ url: url[1], token: token[1] }); }
    });
    child.on('exit', (code) => reject(new Error('server exited ' + code + ': ' + out)));
  });
  return {
    ...info,
    async tickets() {
      const r = await fetch(info.url + '/api/tickets', { headers: { Authorization: 'Bearer ' + info.token } });
      if (r.status !== 200) throw new Error('GET /api/tickets: ' + r.status);
      return (await r.json()).tickets;
    },
    async events() {
      const r = await fetch(info.url + '/api/events', { headers: { Authorization: 'Bearer ' + info.token } });
      if (r.status !== 200) throw new Error('GET /api/events: ' + r.status);
      return (await r.json()).events;
    },
    stop() { child.kill('SIGTERM'); rmSync(data, { recursive: true, force: true }); },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// What the server stored, once it has settled: polls `read` (server.tickets, server.events) until
// it returns a non-empty list or `timeoutMs` passes, then waits `settleMs` more and reads again,
// so that a late duplicate is counted, not missed. With timeoutMs 0 it checks that nothing
// arrives within the settle time.
export async function settledList(read, { timeoutMs = 5000, settleMs = 1500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let list = await read();
  while (!list.length && Date.now() < deadline) {
    await sleep(100);
    list = await read();
  }
  await sleep(settleMs);
  return read();
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-gl=angle',
  '--use-angle=swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// Opens the demo page, clicks the launcher and waits until the widget published its first screen.
export async function openWidget(browser, server, viewport = { width: 1280, height: 800 }, path = '/') {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  await page.goto(server.url + path);
  await page.getByRole('button', { name: 'Help' }).click();
  await page.getByRole('dialog').getByRole('heading').first().waitFor({ timeout: 20000 });
  return { page, context, problems };
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(150);   // let the last frames land
  await page.screenshot({ path: join(SHOTS, name + '.png') });
}

// Runs one test body with a server and a browser, always cleaning up; exits non-zero on failure.
// serverOptions: see startServer.
export async function run(name, body, serverOptions = {}) {
  let server, browser;
  try {
    server = await startServer([], serverOptions);
    browser = await launchBrowser();
    await body({ server, browser });
    console.log(`ok - ${name}`);
  } catch (e) {
    console.error(`not ok - ${name}\n${e.stack || e}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.stop();
  }
}
