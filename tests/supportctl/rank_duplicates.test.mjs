// supportctl rank --mode duplicates: every candidate, best first, with a duplicate flag.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const supportctl = process.env.SUPPORTCTL;
const data = join(process.env.SUPPORT_TEST_DATA_DIR, 'duplicates');
const rank = (...extra) => spawnSync(supportctl, ['rank', '--mode', 'duplicates', '--docs', join(data, 'tickets.jsonl'),
  '--queries', join(data, 'drafts.jsonl'), ...extra], { encoding: 'utf8' });

const byQuery = (result) => Object.fromEntries(result.stdout.trim().split('\n').map(JSON.parse).map((r) => [r.query, r.results]));

test('every candidate comes back once, scored best first, the near-duplicate flagged', () => {
  const result = rank('--top', '1');  // --top does not cut the duplicates list
  assert.equal(result.status, 0, result.stderr);
  const out = byQuery(result);
  const white = out['white-screen'];
  assert.deepEqual(white.map((r) => r.id).sort(), ['1001', '1002', '1003']);
  assert.equal(white[0].id, '1002');
  assert.equal(white[0].duplicate, true);
  assert.equal(white[1].duplicate, false);
  for (let i = 1; i < white.length; i++) assert.ok(white[i - 1].score >= white[i].score);
  assert.deepEqual(out.resubmit[0], { id: '1001', score: 1, duplicate: true });
  assert.equal(out['no-candidates-given'].length, 4);  // no candidates: every document
  assert.equal(out['no-candidates-given'][0].id, '1004');
});

test('bad input is named: unknown candidate, bad mode, bad parameter', () => {
  const mode = spawnSync(supportctl, ['rank', '--mode', 'magic', '--docs', 'x', '--queries', 'y'], { encoding: 'utf8' });
  assert.equal(mode.status, 1);
  assert.match(mode.stderr, /--mode/);
  const param = rank('--param', 'nonsense=1');
  assert.equal(param.status, 1);
  assert.match(param.stderr, /bad --param 'nonsense=1'/);
  const missing = spawnSync(supportctl, ['rank', '--mode', 'duplicates', '--docs', join(data, 'tickets.jsonl'),
    '--queries', join(data, 'missing.jsonl')], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot open file/);
});
