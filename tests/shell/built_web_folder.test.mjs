// Checks the web folder the build writes (build/web): the customer's build carries none of the
// staff preview's code, every content-hashed name matches its content and every name the loader
// chain refers to exists, the page glue is served minified, and each .br/.gz copy holds exactly
// its file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const SHELL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shell');
const WEB = process.env.SUPPORT_WEB || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'web');
const WIDGET = join(WEB, 'widget');
const read = (name) => readFileSync(join(WIDGET, name));
const PREVIEW_EXPORTS = ['_widget_lint', '_widget_set_config', '_widget_steps', '_widget_jump', '_widget_take_state', '_widget_restart'];
const LINT_MESSAGE = 'is unreachable from the start step';   // a text only config_lint.cpp has

test('the customer build has no preview exports and no linter; the preview build has both', () => {
  const customer = read('widget.mjs').toString();
  const preview = read('widget-preview.mjs').toString();
  for (const name of PREVIEW_EXPORTS) {
    assert.ok(!customer.includes(name), 'customer build exports ' + name);
    assert.ok(preview.includes(name), 'preview build lacks ' + name);
  }
  assert.ok(!read('widget.wasm').includes(LINT_MESSAGE), 'the linter is linked into the customer build');
  assert.ok(read('widget-preview.wasm').includes(LINT_MESSAGE), 'the preview build has the linter');
});

test('hashed names match their content, and every name the loader leads to exists', () => {
  const hashed = /^(.*)\.([0-9a-f]{12})\.([a-z0-9]+)$/;
  const visit = (file) => {
    const name = file.split('/').pop();
    const m = hashed.exec(name);
    assert.ok(m, file + ' has a content-hashed name');
    const bytes = readFileSync(join(WIDGET, file));
    assert.equal(createHash('sha256').update(bytes).digest('hex').slice(0, 12), m[2], file + ' hash');
    if (!/\.m?js$/.test(name)) return;
    for (const [, ref] of bytes.toString().matchAll(/['"`/]([\w-]+\.[0-9a-f]{12}\.(?:m?js|wasm))['"`]/g)) {
      const path = ref;
      assert.ok(existsSync(join(WIDGET, path)), file + ' names ' + path + ', which exists');
      visit(path);
    }
  };
  const loader = read('loader.js').toString();
  const host = /widget-host\.[0-9a-f]{12}\.js/.exec(loader);
  assert.ok(host, 'the loader imports a hashed widget-host');
  visit(host[0]);
  assert.match(readFileSync(join(WEB, 'preview', 'preview.js'), 'utf8'), /\/widget\/widget-host\.[0-9a-f]{12}\.js'/);
});

test('the loader, widget-host and semantic-mirror are served minified, without their comments', () => {
  const loader = read('loader.js').toString();
  const host = /widget-host\.[0-9a-f]{12}\.js/.exec(loader)[0];
  const mirror = /semantic-mirror\.[0-9a-f]{12}\.js/.exec(read(host).toString())[0];
  for (const [source, served] of [['loader.js', loader], ['widget-host.js', read(host).toString()], ['semantic-mirror.js', read(mirror).toString()]]) {
    const text = readFileSync(join(SHELL, source), 'utf8');
    const firstComment = /^\/\/ (.{20,}?)$/m.exec(text)[1];
    assert.ok(!served.includes(firstComment), source + ' is served with its comments');
    assert.ok(served.length < text.length * 0.7, source + ': ' + served.length + ' bytes served of ' + text.length);
  }
});

test('every .br and .gz copy decompresses to its file', () => {
  let checked = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { walk(path); continue; }
      const m = /^(.*)\.(br|gz)$/.exec(path);
      if (!m) continue;
      const packed = readFileSync(path);
      const unpacked = m[2] === 'br' ? brotliDecompressSync(packed) : gunzipSync(packed);
      assert.ok(unpacked.equals(readFileSync(m[1])), path + ' holds ' + m[1]);
      assert.ok(packed.length < unpacked.length, path + ' is smaller');
      checked++;
    }
  };
  walk(WEB);
  assert.ok(existsSync(join(WIDGET, 'widget.wasm.br')), 'the wasm has a brotli copy');
  assert.ok(checked > 10, 'copies found: ' + checked);
});
