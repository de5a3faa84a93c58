// The preview's lint-problem → editor-selection mapping (shell/preview/json-locate.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateJsonPath } from '../../shell/preview/json-locate.js';

const text = `{
  "texts": {"en": {"category.sales.title": "Sales", "category": "x"}},
  "flows": {"fix": {"steps": [
    {"id": "a", "next": "b"},
    {"id": "b", "next": "chek_cache", "note": "say \\"hi\\" [1]"}
  ]}}
}`;
const at = (path) => {
  const place = locateJsonPath(text, path);
  return place && text.slice(place.start, place.end);
};

test('a member inside an array element: the key and its value', () => {
  assert.equal(at('flows.fix.steps[1].next'), '"next": "chek_cache"');
});

test('keys holding dots are matched longest first', () => {
  assert.equal(at('texts.en.category.sales.title'), '"category.sales.title": "Sales"');
  assert.equal(at('texts.en.category'), '"category": "x"');
});

test('a whole array element, and strings with escapes and brackets do not confuse it', () => {
  assert.equal(at('flows.fix.steps[0]'), '{"id": "a", "next": "b"}');
  assert.equal(at('flows.fix.steps[1].note'), '"note": "say \\"hi\\" [1]"');
});

test('a missing member or index lands on the nearest ancestor', () => {
  assert.match(at('flows.fix.steps[1].title'), /^\{"id": "b"/);
  assert.match(at('flows.fix.steps[7]'), /^"steps": \[/);
  assert.match(at('brand.name'), /^\{/);   // no "brand" at all: the document
});

test('no place for an empty path or text that is not JSON', () => {
  assert.equal(locateJsonPath(text, ''), null);
  assert.equal(locateJsonPath('{"a": ', 'a'), null);
  assert.equal(locateJsonPath('{"a": 1} trailing', 'a'), null);
});
