// Finds where a lint path ("flows.plugin_issue.steps[6].next") sits in the configuration text,
// so the preview can select it in the editor. Lint paths join keys with dots and keys may hold
// dots themselves ("texts.en.category.sales.title"), so each object step takes the longest key
// that matches. A path to something missing (a required key) lands on its nearest ancestor.

// Parses JSON text into nodes that remember their offsets: {start, end, keyStart?, members|items}.
// Returns null when the text is not JSON (the parser's own message says where).
function parseWithOffsets(text) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const fail = () => { throw new SyntaxError('not JSON at ' + i); };
  function string() {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return { start, end: i, value: JSON.parse(text.slice(start, i)) };
  }
  function value() {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members = new Map();
      ws();
      if (text[i] === '}') { i++; return { start, end: i, members }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = string();
        ws();
        if (text[i++] !== ':') fail();
        const node = value();
        node.keyStart = key.start;
        members.set(key.value, node);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i++] !== '}') fail();
        return { start, end: i, members };
      }
    }
    if (c === '[') {
      i++;
      const items = [];
      ws();
      if (text[i] === ']') { i++; return { start, end: i, items }; }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i++] !== ']') fail();
        return { start, end: i, items };
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += m[0].length;
    return { start, end: i };
  }
  try {
    const root = value();
    ws();
    return i === text.length ? root : null;
  } catch (_) {
    return null;
  }
}

// {start, end} of the text the path names (the key and its value), or of its nearest ancestor;
// null when the text is not JSON or the path is empty.
export function locateJsonPath(text, path) {
  if (!path) return null;
  const root = parseWithOffsets(text);
  if (!root) return null;
  let node = root;
  let rest = path;
  while (rest) {
    const index = /^\[(\d+)\]\.?/.exec(rest);
    if (index) {
      const next = node.items && node.items[Number(index[1])];
      if (!next) break;
      node = next;
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!node.members) break;
    let best = null;
    for (const key of node.members.keys()) {
      const fits = rest === key || rest.startsWith(key + '.') || rest.startsWith(key + '[');
      if (fits && (!best || key.length > best.length)) best = key;
    }
    if (best === null) break;
    node = node.members.get(best);
    rest = rest.slice(best.length).replace(/^\./, '');
  }
  return { start: node.keyStart ?? node.start, end: node.end };
}
