// Three languages: the page's data-locale picks German or Spanish, an unknown locale falls back to
// English with a console warning that names it, and without data-locale a German browser gets
// German. Spanish and German texts live in files of their own: a visitor downloads only theirs,
// and a slow one does not keep the panel from opening. Screenshots of German and Spanish (long
// words wrap, no "?" glyphs) land in build/screenshots/.
import assert from 'node:assert/strict';
import { run, screenshot } from './harness.mjs';

// The demo page, with the loader's script tag given these extra attributes.
async function openDemo(browser, server, { attributes = '', locale, viewport = { width: 1280, height: 800 }, routes } = {}) {
  const context = await browser.newContext({ viewport, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  if (routes) await routes(page);
  const warnings = [], problems = [], textsFiles = [];
  page.on('request', (r) => { const m = /\/default\.(\w+)\.json$/.exec(new URL(r.url()).pathname); if (m) textsFiles.push(m[1]); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') problems.push('console: ' + m.text());
  });
  await page.route(server.url + '/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-label="Help"', 'data-label="Help" ' + attributes);
    await route.fulfill({ response, body: html });
  });
  await page.goto(server.url + '/');
  await page.getByRole('button', { name: 'Help' }).click();
  const widget = page.getByRole('dialog');
  await widget.getByRole('heading', { level: 2 }).first().waitFor({ timeout: 20000 });
  return { page, widget, warnings, problems, textsFiles };
}

const pickTitle = (widget) => widget.getByRole('heading', { level: 2 }).first().textContent();
const panelLang = (page) => page.evaluate(() =>
  document.querySelector('[data-support-widget]').shadowRoot.querySelector('[role=dialog]').lang);

await run('locales: data-locale="de" speaks German, Sie-form, through a whole step', async ({ server, browser }) => {
  const { page, widget, warnings, problems, textsFiles } = await openDemo(browser, server, { attributes: 'data-locale="de"' });
  assert.equal(await pickTitle(widget), 'Wobei können wir Ihnen helfen?');
  assert.deepEqual(textsFiles, ['de'], 'only the German texts file is downloaded');
  assert.equal(await panelLang(page), 'de');
  for (const name of ['Ein Problem mit einem unserer Plugins', 'Wie kann ich …?', 'Eine allgemeine Frage an den Vertrieb',
                      'Unsere E-Mails oder Ihr Support-Passwort kommen nicht an', 'Mein Ticket braucht Aufmerksamkeit'])
    assert.equal(await widget.getByRole('button', { name, exact: false }).count() > 0, true, 'category button ' + name);
  await screenshot(page, 'locale-de-home');
  await widget.getByRole('button', { name: /Ein Problem mit einem unserer Plugins/ }).click();
  await widget.getByRole('heading', { name: 'Um welches Plugin geht es?' }).waitFor({ timeout: 5000 });
  await widget.getByRole('button', { name: /Form Builder/ }).click();
  await widget.getByRole('heading', { name: 'Sehen Sie sich das Tutorial zu Northwind Form Builder an' }).waitFor({ timeout: 5000 });
  assert.ok(await widget.getByRole('button', { name: 'Das hat nicht geholfen' }).count(), 'German answer buttons');
  await screenshot(page, 'locale-de-step');
  assert.deepEqual(warnings.filter((w) => w.includes('locale')), [], 'no locale warning when German is configured');
  assert.deepEqual(problems, []);
});

await run('locales: a texts file that does not come never keeps the panel shut; its language replaces the default when it does', async ({ server, browser }) => {
  let release;
  const held = new Promise((done) => { release = done; });
  const { widget, problems } = await openDemo(browser, server, {
    attributes: 'data-locale="de"',
    routes: (page) => page.route(/\/default\.de\.json$/, async (route) => { await held; await route.continue(); }),
  });
  // openDemo waited for the panel's heading: it opened in English while the German file was held.
  assert.equal(await pickTitle(widget), 'What can we help you with?');
  release();
  await widget.getByRole('heading', { name: 'Wobei können wir Ihnen helfen?' }).waitFor({ timeout: 5000 });
  assert.ok(await widget.getByRole('button', { name: /Ein Problem mit einem unserer Plugins/ }).count(), 'German categories');
  assert.deepEqual(problems, []);
});

await run('locales: data-locale="es" speaks Spanish; a narrow phone wraps the long texts', async ({ server, browser }) => {
  const { page, widget, problems } = await openDemo(browser, server,
    { attributes: 'data-locale="es"', viewport: { width: 360, height: 740 } });
  assert.equal(await pickTitle(widget), '¿En qué podemos ayudarle?');
  assert.ok(await widget.getByRole('button', { name: /Una consulta general de ventas/ }).count(), 'Spanish category');
  await screenshot(page, 'locale-es-home-phone');
  // Every mirrored control fits inside the panel: nothing is cut off at the right edge.
  const overflow = await page.evaluate(() => {
    const root = document.querySelector('[data-support-widget]').shadowRoot;
    const panel = root.querySelector('[role=dialog]').getBoundingClientRect();
    return [...root.querySelectorAll('.m-button,.m-heading,.m-text')]
      .filter((e) => e.getBoundingClientRect().right > panel.right + 1)
      .map((e) => e.textContent);
  });
  assert.deepEqual(overflow, [], 'controls wider than the panel');
  await widget.getByRole('button', { name: /No recibo sus correos/ }).click();
  await widget.getByRole('heading', { name: '¿Qué le falta?' }).waitFor({ timeout: 5000 });
  await screenshot(page, 'locale-es-step-phone');
  assert.deepEqual(problems, []);
});

await run('locales: German on a 320 px phone: long titles and answers wrap inside their buttons', async ({ server, browser }) => {
  const { page, widget, problems } = await openDemo(browser, server,
    { attributes: 'data-locale="de"', viewport: { width: 320, height: 640 } });
  await widget.getByRole('button', { name: /Ein Problem mit einem unserer Plugins/ }).click();
  await widget.getByRole('button', { name: /Form Builder/ }).click();
  await widget.getByRole('button', { name: 'Das hat nicht geholfen' }).click();      // tutorial
  await widget.getByRole('button', { name: 'Ich brauche noch Hilfe' }).click();      // KB check
  await widget.getByRole('button', { name: 'Ohne die anderen funktioniert es' }).click();
  await widget.getByRole('heading', { name: 'Sie haben einen Konflikt gefunden' }).waitFor({ timeout: 5000 });
  await screenshot(page, 'locale-de-step-phone-320');
  const buttons = await page.evaluate(() => {
    const root = document.querySelector('[data-support-widget]').shadowRoot;
    const panel = root.querySelector('[role=dialog]').getBoundingClientRect();
    return [...root.querySelectorAll('.m-button')].map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.textContent, height: r.height, outside: r.left < panel.left - 1 || r.right > panel.right + 1 };
    });
  });
  assert.deepEqual(buttons.filter((b) => b.outside).map((b) => b.name), [], 'buttons sticking out of the panel');
  const long = buttons.find((b) => b.name === 'Ich glaube, das Problem liegt in Ihrem Plugin');
  const short = buttons.find((b) => b.name === 'Ich wende mich an den anderen Entwickler');
  assert.ok(long && short, JSON.stringify(buttons));
  // Labels wider than the phone's buttons take a second line instead of being cut off: the
  // buttons are taller than two lines of 15 px text.
  for (const b of [long, short]) assert.ok(b.height > 2 * 15 + 12, `${b.name}: ${b.height} px high`);
  assert.ok(await widget.getByRole('button', { name: 'Schließen' }).count(), 'the close button says Schließen');
  assert.deepEqual(problems, []);
});

await run('locales: an unknown data-locale falls back to English and says so in the console', async ({ server, browser }) => {
  const { page, widget, warnings, textsFiles } = await openDemo(browser, server, { attributes: 'data-locale="fr"' });
  assert.equal(await pickTitle(widget), 'What can we help you with?');
  assert.deepEqual(textsFiles, [], 'English is in the configuration itself: no texts file');
  assert.equal(await panelLang(page), 'en');
  const warning = warnings.find((w) => w.includes("'fr'"));
  assert.ok(warning, 'a console warning names fr: ' + JSON.stringify(warnings));
  assert.match(warning, /locale 'fr' is not configured; using 'en'/);
});

await run('locales: without data-locale a German browser gets German, an Austrian one too', async ({ server, browser }) => {
  for (const locale of ['de-DE', 'de-AT']) {
    const { page, widget, warnings, textsFiles } = await openDemo(browser, server, { locale });
    assert.equal(await pickTitle(widget), 'Wobei können wir Ihnen helfen?', locale);
    assert.deepEqual(textsFiles, ['de'], locale + ': the German texts file, fetched once');
    assert.deepEqual(warnings.filter((w) => w.includes('locale')), [], 'choosing by the browser is not a fallback');
    await page.context().close();
  }
  const { widget } = await openDemo(browser, server, { locale: 'ja-JP' });
  assert.equal(await pickTitle(widget), 'What can we help you with?', 'an unconfigured browser language gets the default');
});

await run('locales: setLocale switches the language in place, keeping the step', async ({ server, browser }) => {
  const { page, warnings } = await openDemo(browser, server, { attributes: 'data-locale="es"' });
  // A second widget mounted the way the preview does, so the test holds its API object (the
  // public JS API's setLocale calls this same function).
  await page.evaluate(async (base) => {
    const { mountWidget } = await import(base + 'widget-host.js');
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:640px';
    document.body.append(host);
    const api = mountWidget(host.attachShadow({ mode: 'open' }), null,
      { base, config: base + 'assets/config/default.json', api: location.origin, locale: '', label: 'Inline', inline: true });
    window.inlineWidget = await api.ready();
  }, server.url + '/widget/');
  const inline = page.getByRole('dialog', { name: 'Inline' });
  await inline.getByRole('button', { name: /problem with one of our plugins/i }).click();
  await inline.getByRole('heading', { name: 'Which plugin is it?' }).waitFor({ timeout: 5000 });

  assert.equal(await page.evaluate(() => window.inlineWidget.setLocale('de-CH')), 'de');
  await inline.getByRole('heading', { name: 'Um welches Plugin geht es?' }).waitFor({ timeout: 5000 });
  assert.ok(await inline.getByRole('button', { name: 'Zurück' }).count(), 'the navigation speaks German too');

  assert.equal(await page.evaluate(() => window.inlineWidget.setLocale('xx')), 'en');
  await inline.getByRole('heading', { name: 'Which plugin is it?' }).waitFor({ timeout: 5000 });
  assert.ok(warnings.some((w) => w.includes("locale 'xx' is not configured; using 'en'")), JSON.stringify(warnings));
  // The first widget was not touched.
  assert.equal(await pickTitle(page.getByRole('dialog').first()), '¿En qué podemos ayudarle?');
});

await run('locales: a German customer is offered the German version of an article, not the English one', async ({ server, browser }) => {
  const { widget, problems } = await openDemo(browser, server, { attributes: 'data-locale="de"' });
  await widget.getByRole('searchbox').fill('Lizenz aktivieren');
  // The translation arrives with the KB file and replaces the configuration's English version.
  await widget.getByRole('button', { name: /Ihren Lizenzschlüssel aktivieren/ }).first().waitFor({ timeout: 15000 });
  assert.equal(await widget.getByRole('button', { name: /Activating your licence key/ }).count(), 0, 'no English version besides it');
  await widget.getByRole('button', { name: /Ihren Lizenzschlüssel aktivieren/ }).first().click();
  await widget.getByRole('heading', { name: 'Ihren Lizenzschlüssel aktivieren' }).waitFor({ timeout: 5000 });
  assert.ok(await widget.getByText(/Mitgliederbereich/).count(), 'the German body');
  assert.deepEqual(problems, []);
});
