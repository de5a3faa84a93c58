// Last step of the web build: makes build/web cacheable and small on the wire.
//   1. Content-hashed names for the widget's heavy files (wasm, its JS, fonts): each is written
//      again as NAME.<12 hex digits of its SHA-256>.EXT after the names of the files it refers to
//      were replaced by their hashed names (leaves first, so a change anywhere changes every name
//      on the way up to the loader). The server sends hashed names as immutable.
//   2. Entry files keep their names: the loader (whose URL site owners paste) and the staff
//      preview's script. Each is written from its source with the hashed names in it, so they
//      are the only files a new build changes for browsers that cached the old ones.
//   3. Our own page glue (loader, widget-host, semantic-mirror) minified with esbuild first: comments
//      and long local names are bytes every visitor downloads (the loader 1.3 instead of 2.0 KB
//      brotli). widget.mjs is already minified by Closure at link time.
//   4. FILE.br and FILE.gz beside every compressible file, so the server never compresses per
//      request. Node's zlib (brotli quality 11, gzip level 9); a copy that is not smaller is left out.
//
//   node shell/publish.mjs WEB_DIR SOURCE=DEST...     (DEST relative to WEB_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, dirname, basename, extname, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { transformSync } from 'esbuild';

const [webDir, ...entryArgs] = process.argv.slice(2);
const entries = entryArgs.map((a) => a.split('='));
if (!webDir || !entries.length || entries.some((e) => e.length !== 2 || !existsSync(e[0]))) {
  console.error('usage: node shell/publish.mjs WEB_DIR SOURCE=DEST... (every SOURCE must exist)');
  process.exit(2);
}
const widgetDir = join(webDir, 'widget');

// Leaves first: a file may only refer to files listed before it.
const HASHED = [
  'widget.wasm', 'widget-preview.wasm',
  'semantic-mirror.js', 'widget.mjs', 'widget-preview.mjs',
  'widget-host.js',
];
const HASH_DIGITS = 12;
const HASHED_NAME = new RegExp(`\\.[0-9a-f]{${HASH_DIGITS}}\\.[a-z0-9]+$`);
const TEXT = new Set(['.js', '.mjs']);
// Minified before hashing. Modules keep their import/export; the loader is a classic script.
const MINIFIED = { 'semantic-mirror.js': 'esm', 'widget-host.js': 'esm', 'loader.js': 'script' };
function minify(text, name) {
  const kind = MINIFIED[basename(name)];
  if (!kind) return text;
  return transformSync(text, { minify: true, target: 'es2020', legalComments: 'none', ...(kind === 'esm' ? { format: 'esm' } : {}) }).code;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Replaces quoted references ('x.js', "./x.js", `base/x.js`) to already hashed files.
function rewrite(text, renamed) {
  for (const [from, to] of renamed) {
    text = text.replace(new RegExp(`(['"\`/])${escape(from)}(?=['"\`])`, 'g'), `$1${to}`);
  }
  return text;
}

const renamed = new Map();   // path relative to widget/ -> hashed path relative to widget/
const written = new Set();
for (const rel of HASHED) {
  const file = join(widgetDir, rel);
  if (!existsSync(file)) continue;   // e.g. no preview build
  let content = readFileSync(file);
  if (TEXT.has(extname(rel))) content = Buffer.from(rewrite(minify(content.toString('utf8'), rel), renamed));
  const hash = createHash('sha256').update(content).digest('hex').slice(0, HASH_DIGITS);
  const ext = extname(rel);
  const hashedRel = rel.slice(0, -ext.length) + '.' + hash + ext;
  const out = join(widgetDir, hashedRel);
  if (!existsSync(out)) writeFileSync(out, content);
  renamed.set(rel, hashedRel);
  // Also by file name alone ('widget.wasm' inside widget.mjs, './semantic-mirror.js' in the host).
  if (basename(rel) !== rel) renamed.set(basename(rel), basename(hashedRel));
  written.add(out);
}
for (const [source, dest] of entries) writeFileSync(join(webDir, dest), rewrite(minify(readFileSync(source, 'utf8'), dest), renamed));

// Hashed files of earlier builds are not served by anything this build wrote.
function walk(dir, visit) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, visit);
    else visit(path);
  }
}
walk(widgetDir, (path) => {
  const plain = path.replace(/\.(br|gz)$/, '');
  if (HASHED_NAME.test(plain) && !written.has(plain)) unlinkSync(path);
});

const COMPRESSIBLE = new Set(['.js', '.mjs', '.wasm', '.json', '.jsonl', '.otf', '.ttf', '.html', '.css', '.svg', '.txt', '.md']);
const MIN_BYTES = 256;   // below this the headers outweigh the saving
let plainBytes = 0, brBytes = 0;
walk(webDir, (path) => {
  if (!COMPRESSIBLE.has(extname(path))) return;
  const source = statSync(path);
  if (source.size < MIN_BYTES) return;
  const content = readFileSync(path);
  const copies = [
    ['.br', () => brotliCompressSync(content, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      [constants.BROTLI_PARAM_MODE]: TEXT.has(extname(path)) || extname(path) === '.json' ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
    } })],
    ['.gz', () => gzipSync(content, { level: 9 })],
  ];
  for (const [suffix, compress] of copies) {
    const out = path + suffix;
    if (existsSync(out) && statSync(out).mtimeMs >= source.mtimeMs) {
      if (suffix === '.br') { plainBytes += source.size; brBytes += statSync(out).size; }
      continue;
    }
    const packed = compress();
    if (packed.length >= content.length) { if (existsSync(out)) unlinkSync(out); continue; }
    writeFileSync(out, packed);
    if (suffix === '.br') { plainBytes += source.size; brBytes += packed.length; }
  }
});
console.log(`publish: ${written.size} files hashed, ` +
  `${(plainBytes / 1024).toFixed(0)} KB -> ${(brBytes / 1024).toFixed(0)} KB brotli in ${relative(process.cwd(), webDir) || webDir}`);
