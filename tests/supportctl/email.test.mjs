// supportctl email: one JSON line per address, lists from the command line, batch files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const supportctl = process.env.SUPPORTCTL;
const run = (...args) => spawnSync(supportctl, ['email', ...args], { encoding: 'utf8' });
const lines = (result) => result.stdout.trim().split('\n').map((line) => JSON.parse(line));

test('each address gets input, valid, reason, suggestion and provider', () => {
  const result = run('name@gmial.com', 'name@gmail', 'kunde@bücher.example', 'ana@proton.me');
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(lines(result), [
    { input: 'name@gmial.com', valid: true, reason: null, suggestion: 'name@gmail.com', provider: 'gmail' },
    { input: 'name@gmail', valid: false, reason: 'no_dot_in_domain', suggestion: null, provider: 'other' },
    { input: 'kunde@bücher.example', valid: true, reason: null, suggestion: null, provider: 'other' },
    { input: 'ana@proton.me', valid: true, reason: null, suggestion: null, provider: 'proton' },
  ]);
});

test('--domains, --second-level-domains and --top-level-domains replace the defaults', () => {
  const defaults = lines(run('x@exampel.org'))[0];
  assert.equal(defaults.suggestion, null);  // example.org is not a mailbox provider by default
  const own = lines(run('--domains', 'emaildomain.com, example.org', '--second-level-domains', '',
                        '--top-level-domains', 'com', 'test@emaildomain.con', 'x@exampel.org'));
  assert.equal(own[0].suggestion, 'test@emaildomain.com');
  assert.equal(own[1].suggestion, 'x@example.org');
});

test('--batch reads one address per line, blank lines and CRLF included', () => {
  const folder = mkdtempSync(join(tmpdir(), 'supportctl-email-'));
  const file = join(folder, 'addresses.txt');
  writeFileSync(file, 'a@hotmial.com\r\n\nb@web.de\n');
  const result = run('--batch', file);
  assert.equal(result.status, 0, result.stderr);
  const out = lines(result);
  assert.equal(out.length, 3);
  assert.equal(out[0].suggestion, 'a@hotmail.com');
  assert.equal(out[0].provider, 'outlook');
  assert.deepEqual(out[1], { input: '', valid: false, reason: 'empty', suggestion: null, provider: 'other' });
  assert.equal(out[2].provider, 'gmx');
});

test('usage errors and unreadable files exit 2 with a message', () => {
  assert.equal(run().status, 2);
  assert.equal(run('--batch').status, 2);
  const missing = run('--batch', '/no/such/file.txt');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
  assert.equal(run('--frobnicate', 'x@y.com').status, 2);
});
