// Which locale's texts file widget-host fetches early, beside the configuration, before the core
// has chosen the locale (shell/widget-host.js, textsFileFor): a guess from the page's data-locale
// and the browser's languages, never a fetch of every language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textsFileFor } from '../../shell/widget-host.js';

const config = { texts: { en: { 'nav.back': 'Back' }, es: 'default.es.json', de_DE: 'texts/de.json', 'pt-BR': 'pt.json' } };

test('the page\'s locale first, then the browser\'s languages in order', () => {
  assert.equal(textsFileFor(config, ['es', 'de-DE']), 'default.es.json');
  assert.equal(textsFileFor(config, ['', 'de-DE', 'es']), 'texts/de.json');   // no data-locale: the browser's first
  assert.equal(textsFileFor(config, ['fr', 'pt-br']), 'pt.json');             // case and _ / - do not matter
});

test('a regional tag finds its language, a bare language a regional locale, as the core matches', () => {
  assert.equal(textsFileFor(config, ['es-MX']), 'default.es.json');
  assert.equal(textsFileFor(config, ['de']), 'texts/de.json');
  assert.equal(textsFileFor(config, ['de-AT']), 'texts/de.json');   // another region of the language
});

test('inline texts, unknown languages and a configuration that is not one: nothing to fetch', () => {
  assert.equal(textsFileFor(config, ['en-GB']), null);   // English is in the configuration itself
  assert.equal(textsFileFor(config, ['en', 'es']), null);   // the first match decides, as in the core
  assert.equal(textsFileFor(config, ['ja']), null);
  assert.equal(textsFileFor(null, ['es']), null);
  assert.equal(textsFileFor({ texts: 'x' }, ['es']), null);
  assert.equal(textsFileFor({}, [undefined, 'es']), null);
});
