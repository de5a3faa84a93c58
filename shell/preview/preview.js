// Staff preview: the configuration editor, the widget running it in dry-run mode, and what the
// widget is doing (screen, step, path, the request it would post, every step to jump to).
// All checks and decisions come from the widget's own core (widget-host.js API); this page only
// lays them out.
import { mountWidget } from '/widget/widget-host.js';
import { locateJsonPath } from '/preview/json-locate.js';

const $ = (id) => document.getElementById(id);
const editor = $('config');
const LINT_DELAY_MS = 300;

let widget = null;
let lastState = null;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

async function serverConfig() {
  const r = await fetch('/api/config', { cache: 'no-store' });
  if (!r.ok) throw new Error('GET /api/config: HTTP ' + r.status);
  return r.text();
}

function showLint(problems) {
  const summary = $('lint-summary');
  const list = $('lint-list');
  list.replaceChildren(...problems.map((p) => {
    const text = (p.path ? p.path + ': ' : '') + p.message;
    const place = locateJsonPath(editor.value, p.path);
    if (!place) return el('li', { textContent: text });
    const show = el('button', { type: 'button', className: 'problem', textContent: text, title: 'Select it in the editor' });
    show.addEventListener('click', () => select(place));
    return el('li', {}, show);
  }));
  summary.className = problems.length ? 'bad' : 'clean';
  summary.textContent = problems.length
    ? `${problems.length} problem${problems.length === 1 ? '' : 's'} — customers would see the error panel or a broken step.`
    : 'No problems found.';
}

// Selects a range of the editor and scrolls it into view (textareas do not scroll to a selection
// made by script, so the line is computed).
function select({ start, end }) {
  editor.focus();
  editor.setSelectionRange(start, end);
  const line = editor.value.slice(0, start).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 17;
  editor.scrollTop = Math.max(0, line * lineHeight - editor.clientHeight / 3);
}

function showState(state) {
  lastState = state;
  $('now-screen').textContent = state.screen;
  $('now-flow').textContent = state.flow ? `${state.flow} (category ${state.category || '—'})` : '—';
  $('now-step').textContent = state.step ? `${state.step} · ${state.step_type}` : '—';
  const context = Object.entries(state.context || {}).map(([k, v]) => `${k}=${v}`).join(', ');
  $('now-context').textContent = context || '—';
  const items = (state.path || []).map((entry, i) => {
    const li = el('li', { className: i === state.position ? 'current' : i > state.position ? 'ahead' : '' },
      el('code', { textContent: entry.step }));
    if (entry.answer && i < state.position) li.append(' ', el('span', { className: 'answer', textContent: '→ ' + entry.answer }));
    return li;
  });
  $('path').replaceChildren(...items);
  markCurrentStep();
  showKbFile(state.kb_file);
}

function showKbFile(kb) {
  const status = $('kb-file-status');
  if (!kb) {
    status.textContent = 'None configured (kb.file).';
    $('kb-file-problems').replaceChildren();
    return;
  }
  const count = `${kb.articles} article${kb.articles === 1 ? '' : 's'}`;
  status.textContent = kb.loading ? `${kb.file}: loading… ${count} so far` : `${kb.file}: ${count} loaded`;
  $('kb-file-problems').replaceChildren(...kb.problems.map((p) => el('li', { textContent: p })));
}

function showRequest(request) {
  $('payload-empty').hidden = true;
  let body = request.body;
  try { body = JSON.stringify(JSON.parse(request.body), null, 2); } catch (_) { /* show as sent */ }
  const headers = Object.entries(request.headers || {}).map(([k, v]) => `${k}: ${v}`).join('\n');
  const box = el('div', { className: 'payload' },
    el('h3', { textContent: `${request.method} ${request.path} — dry run, not sent` }),
    el('pre', { className: 'headers', textContent: headers }),
    el('pre', { className: 'body', textContent: body }));
  box.dataset.path = request.path;
  $('payloads').prepend(box);
}

function showSteps() {
  const byFlow = new Map();
  for (const s of widget.steps()) {
    if (!byFlow.has(s.flow)) byFlow.set(s.flow, []);
    byFlow.get(s.flow).push(s);
  }
  const groups = [...byFlow].map(([flow, steps]) => el('div', { className: 'flow-steps' },
    el('h3', { textContent: flow }),
    el('ul', {}, ...steps.map((s) => {
      const jump = el('button', { type: 'button', textContent: 'Jump to' });
      jump.setAttribute('aria-label', `Jump to ${s.flow} / ${s.step}`);
      jump.addEventListener('click', () => widget.jump(s.flow, s.step));
      const li = el('li', {}, el('code', { textContent: s.step }), el('span', { className: 'title', textContent: s.title, title: s.title }), jump);
      li.dataset.flow = s.flow;
      li.dataset.step = s.step;
      return li;
    }))));
  $('steps').replaceChildren(...groups);
  markCurrentStep();
}

function markCurrentStep() {
  for (const li of document.querySelectorAll('.flow-steps li')) {
    const current = lastState && li.dataset.flow === lastState.flow && li.dataset.step === lastState.step;
    li.classList.toggle('current', !!current);
  }
}

// Lint and apply: the widget keeps the customer's place when the configuration changes.
function apply() {
  const text = editor.value;
  showLint(widget.lint(text));
  widget.setConfig(text);
  showSteps();
}

let timer = 0;
editor.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(apply, LINT_DELAY_MS);
});
// Tab indents inside the editor; Escape then Tab leaves it (keyboard users are not trapped).
let escaped = false;
editor.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') { escaped = true; return; }
  if (e.key === 'Tab' && !e.shiftKey && !escaped) {
    e.preventDefault();
    editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
    editor.dispatchEvent(new Event('input'));
  }
  escaped = false;
});
$('reload-config').addEventListener('click', async () => {
  editor.value = await serverConfig();
  apply();
});
$('restart').addEventListener('click', () => widget.restart());

// The customer context: conditions on it ({"context": {"logged_in": true}}) can be tried here.
function applyContext() {
  let problems;
  try {
    JSON.parse($('context').value || 'null');
    problems = widget.setContext($('context').value || '{}');
  } catch (e) {
    problems = ['context: not JSON (' + e.message + ')'];
  }
  $('context-problems').textContent = problems.join(' · ');
}
let contextTimer = 0;
$('context').addEventListener('input', () => {
  clearTimeout(contextTimer);
  contextTimer = setTimeout(applyContext, LINT_DELAY_MS);
});

async function start() {
  const text = await serverConfig();
  editor.value = text;
  const host = $('widget-host');
  const root = host.attachShadow({ mode: 'open' });
  widget = mountWidget(root, null, {
    // config: only the base for a relative kb.file (the server's own config lives there).
    base: '/widget/', config: '/widget/assets/config/default.json', api: location.origin, locale: '', label: 'Support widget preview',
    inline: true, dryRun: true, preview: true, configText: text, onState: showState, onRequest: showRequest,
  });
  await widget.ready();
  applyContext();
  showLint(widget.lint(text));
  showSteps();
  document.body.dataset.ready = 'true';   // for tests and for people: everything is wired
}

start().catch((e) => {
  $('lint-summary').className = 'bad';
  $('lint-summary').textContent = 'The preview could not start: ' + e.message;
});
