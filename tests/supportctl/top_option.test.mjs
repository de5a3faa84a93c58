// supportctl rank/search --top: only whole numbers from 1 to 1,000,000; anything else is a usage
// error (exit 2) that names the option and the value, never a silent default or a huge limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUPPORTCTL = process.env.SUPPORTCTL || join(ROOT, 'build/native/tools/supportctl/supportctl');
const DOCS = join(ROOT, 'tests/data/kb/articles.jsonl');
const CONFIG = join(ROOT, 'tests/data/configs/minimal.json');

const folder = mkdtempSync(join(tmpdir(), 'supportctl-top-'));
const QUERIES = join(folder, 'queries.jsonl');
writeFileSync(QUERIES, '{"id": "q1", "text": "password refund"}\n');
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));

const commands = {
  rank: (top) => ['rank', '--docs', DOCS, '--queries', QUERIES, ...top],
  search: (top) => ['search', CONFIG, 'restart it', ...top],
};

function run(args) {
  return spawnSync(SUPPORTCTL, args, { encoding: 'utf8' });
}

for (const [name, argsWith] of Object.entries(commands)) {
  test(`${name} --top rejects values that are not 1 to 1000000 with exit 2`, () => {
    for (const bad of ['-1', '0', '10x', '1.5', '', ' 3', '1e3', '1000001', '99999999999999999999999']) {
      const result = run(argsWith(['--top', bad]));
      assert.equal(result.status, 2, `--top '${bad}': exit ${result.status}, stderr ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`^supportctl ${name}: --top needs a whole number from 1 to 1000000, not '`));
      assert.ok(result.stderr.includes(`'${bad}'`), result.stderr);
      assert.equal(result.stdout, '');
    }
    const missing = run(argsWith(['--top']));
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /--top needs a whole number from 1 to 1000000/);
  });

  test(`${name} --top accepts 1 and the maximum`, () => {
    for (const good of ['1', '1000000']) {
      const result = run(argsWith(['--top', good]));
      assert.equal(result.status, 0, `--top ${good}: ${result.stderr}`);
      assert.equal(result.stderr, '');
    }
  });
}

test('rank --top 1 returns at most one result per query', () => {
  const result = run(commands.rank(['--top', '1']));
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, 1);
  assert.equal(lines[0].query, 'q1');
  assert.equal(lines[0].results.length, 1);
  const all = JSON.parse(run(commands.rank(['--top', '10'])).stdout.trim());
  assert.ok(all.results.length > 1, 'the query matches more than one document, so --top 1 really cut the list');
  assert.equal(lines[0].results[0].id, all.results[0].id);
});
