// Page glue, loaded by loader.js on the first sign of intent (pointer over or focus on the
// launcher). Builds the panel in the loader's shadow root, loads the wasm module, fonts and
// configuration, drives frames on demand, moves the mirror's events into the widget and the
// widget's requests onto fetch. Nothing here decides anything.
import { SemanticMirror, DOM_INPUT } from './semantic-mirror.js';

// Customers get the small build; the staff preview's adds the linter, step list, jump and state
// snapshot (wasm/web/preview_exports.cpp). The build gives all of them content-hashed names.
const BUILDS = {
  customer: { load: () => import('./widget.mjs'), wasm: new URL('./widget.wasm', import.meta.url) },
  preview: { load: () => import('./widget-preview.mjs'), wasm: new URL('./widget-preview.wasm', import.meta.url) },
};

// What a widget needs before it can draw, started once per file for the page (two widgets of one
// page share the downloads and the compiled module, never an instance): the JS of the build, its
// wasm compiled while it streams in, and the configuration (no fonts: the browser's own draw the
// text, web_library.js). The loader calls this on
// intent (pointer over or focus on the launcher), so the click finds most of it done.
const started = new Map();
const once = (key, start) => {
  if (!started.has(key)) {
    const promise = start();
    started.set(key, promise);
    promise.catch(() => { if (started.get(key) === promise) started.delete(key); });   // a failure is tried again next time
  }
  return started.get(key);
};
const fetchOk = (url, what) => fetch(url).then((r) => { if (!r.ok) throw new Error(what + ' ' + url + ': HTTP ' + r.status); return r; });
function compileWasm(url) {
  return WebAssembly.compileStreaming(fetchOk(url, 'the widget'))
    .catch((e) => {   // served without application/wasm (some CDNs): compile from the bytes instead
      if (!(e instanceof TypeError)) throw e;
      return fetchOk(url, 'the widget').then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b));
    });
}
export function prepareWidget(options) {
  const build = BUILDS[options.preview ? 'preview' : 'customer'];
  const prepared = {
    factory: once(build.wasm.href + '.mjs', () => build.load().then((m) => m.default)),
    wasm: once(build.wasm.href, () => compileWasm(build.wasm)),
    config: options.configText !== undefined ? Promise.resolve(options.configText)
      : once('config ' + options.config, () => fetchOk(options.config, 'configuration').then((r) => r.text())),
  };
  for (const p of Object.values(prepared)) p.catch(() => {});   // reported when the widget opens
  // The texts file of the language the page or the browser most likely gets, fetched beside the
  // rest (the core makes the real choice when the widget starts; a wrong guess costs one fetch).
  prepared.config.then((text) => {
    let config = null;
    try { config = JSON.parse(text); } catch (_) { /* the widget reports it when it starts */ }
    const file = textsFileFor(config, [options.locale, ...(navigator.languages || [])]);
    if (file) localeTexts(options, file).catch(() => {});
    setTimeout(() => warmFonts(config), 0);
  }, () => {});
  return prepared;
}

// The browser's first measurement of a font family costs tens of milliseconds (finding the
// fonts, loading their tables). Done here, while the wasm is still on its way, the widget's first
// frame, which measures and draws its glyphs with that family (web_library.js), does not wait for it.
const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';   // as wasm/core/config/brand.h
const warmedFonts = new Set();
function warmFonts(config) {
  const family = config?.brand?.font_family || DEFAULT_FONT;
  if (typeof family !== 'string' || warmedFonts.has(family)) return;
  warmedFonts.add(family);
  try {
    const ctx = (typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')).getContext('2d');
    for (const weight of ['400', '600']) {
      ctx.font = weight + ' 13px ' + family;
      for (let cp = 0x21; cp < 0x7f; cp++) ctx.measureText(String.fromCharCode(cp));
    }
  } catch (_) { /* only a head start */ }
}

// A locale's texts can live in a file of their own (config: "texts": {"de": "texts/de.json"}),
// named relative to the configuration. Fetched once per page.
export const localeTexts = (options, file) => {
  const url = new URL(file, new URL(options.config || '', location.href)).href;
  return once('texts ' + url, () => fetchOk(url, 'texts file').then((r) => r.text()));
};

// The texts file of the first of `tags` the (parsed) configuration has one for, matched as the core
// matches locales (config/locale_choice.cpp): the whole tag, else a locale that is its language
// ("de-AT" finds "de"), else one of its language ("pt" finds "pt-BR"); null when none. A guess
// for fetching early, not the choice.
export function textsFileFor(config, tags) {
  const texts = config?.texts;
  if (!texts || typeof texts !== 'object') return null;
  const locales = Object.entries(texts).map(([k, v]) => [k.toLowerCase().replace('_', '-'), v]);
  for (const tag of tags) {
    if (!tag) continue;
    const want = String(tag).toLowerCase().replace('_', '-');
    const language = want.split('-')[0];
    const hit = locales.find(([k]) => k === want) || locales.find(([k]) => k === language) ||
      locales.find(([k]) => k.split('-')[0] === language);
    if (hit) return typeof hit[1] === 'string' ? hit[1] : null;   // inline texts: nothing to fetch
  }
  return null;
}

// The canvas's WebGL2 context (null without WebGL2), made when loading starts: making one takes
// tens of milliseconds, which then pass while the module and files are still on their way instead
// of after the click. The module takes it as Module.glContext (wasm/web/web_library.js).
const GL_ATTRIBUTES = { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false };
const makeGlContext = (canvas) => { try { return canvas.getContext('webgl2', GL_ATTRIBUTES); } catch (_) { return null; } };

const STYLE = `
.panel{position:fixed;right:20px;bottom:84px;width:380px;height:min(640px,calc(100vh - 104px));z-index:2147483001;
  border-radius:12px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.3);background:var(--sw-surface,#fff);touch-action:pan-y}
.panel.left{right:auto;left:20px}
.panel[hidden]{display:none}
.panel:focus{outline:none}
.panel.inline{position:absolute;inset:0;right:auto;bottom:auto;width:100%;height:100%;z-index:auto;box-shadow:none;border-radius:0}
@media (max-width:520px){.panel:not(.inline){right:0;left:0;bottom:0;width:100vw;height:100vh;height:100dvh;border-radius:0}}
canvas{position:absolute;left:0;top:0;width:100%;height:100%;display:block}
.fixed{position:absolute;inset:0;pointer-events:none}
.scroll{position:absolute;overflow-y:auto;overflow-x:hidden;scrollbar-width:none;overscroll-behavior:contain}
.scroll::-webkit-scrollbar{display:none}
.spacer{width:1px}
.m{position:absolute;margin:0;padding:0;border:0;background:transparent;color:transparent;overflow:hidden;
  font:15px/1.3 var(--sw-font,system-ui,sans-serif);pointer-events:auto;outline:none;-webkit-tap-highlight-color:transparent;
  appearance:none;-webkit-appearance:none;box-shadow:none}
.m-text,.m-heading,.m-status,.m-alert,.m-listitem{pointer-events:none;white-space:nowrap}
.m-list{position:absolute;left:0;top:0;width:0;height:0;margin:0;padding:0;list-style:none}
.live{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.m-button,.m-link,.m-inline-link,.m-filepicker{cursor:pointer}
.m-filepicker{opacity:0}
.m-inline-link{pointer-events:auto;color:inherit;text-decoration:none;outline:none}
.m-inline-link:focus-visible{outline:2px solid var(--sw-accent,#1f5fbf);outline-offset:2px}
.m-textbox,.m-textarea{color:var(--sw-text,#1f2328);padding:9px 12px;box-sizing:border-box;caret-color:var(--sw-accent,#1f5fbf);resize:none;line-height:19px}
.state{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;
  padding:56px 24px 24px;font:15px/1.4 system-ui,sans-serif;text-align:center;color:#1f2328;background:var(--sw-surface,#fff)}
.state.loading{animation:sw-appear 0s .4s both}
.state p{margin:0;max-width:30em}
.state button{font:inherit;min-height:44px;padding:10px 20px;border-radius:8px;cursor:pointer;color:#1f5fbf;background:transparent;border:1px solid currentColor}
.state .retry{color:#fff;background:#1f5fbf;border-color:#1f5fbf}
.state .close{position:absolute;top:10px;right:10px}
.state button:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
.spinner{width:28px;height:28px;border-radius:50%;border:3px solid rgba(128,128,128,.35);border-top-color:#1f5fbf;animation:sw-spin .9s linear infinite}
@keyframes sw-appear{from{visibility:hidden}}
@keyframes sw-spin{to{transform:rotate(1turn)}}
@media (prefers-color-scheme:dark){.state{color:#e6e8eb;background:#16191d}.state button{color:#9cc3ff}.state .retry{color:#0b1a33;background:#9cc3ff;border-color:#9cc3ff}}
@media (prefers-reduced-motion:reduce){.panel,.panel *{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){
  canvas{display:none}
  .panel{background:Canvas;border:1px solid CanvasText}
  .m{color:CanvasText;white-space:normal;overflow:visible}
  .m-button{color:ButtonText;background:ButtonFace;border:1px solid ButtonText;border-radius:6px}
  .m-link{color:LinkText;text-decoration:underline}
  .m-heading{font-weight:600}
  .m-textbox,.m-textarea{color:FieldText;background:Field;border:1px solid FieldText}
  .m:focus-visible{outline:2px solid Highlight;outline-offset:2px}
}
`;

// The few words the panel needs before the configuration (which holds every other text) is in
// hand: while it loads, and when loading failed. In the language the page or the browser asks for.
const HOST_TEXTS = {
  en: { loading: 'Loading…', failed: 'The help panel could not be loaded. Please try again.',
        offline: 'You are offline. The help panel loads as soon as your connection is back.', retry: 'Try again', close: 'Close' },
  es: { loading: 'Cargando…', failed: 'No se pudo cargar el panel de ayuda. Inténtelo de nuevo.',
        offline: 'No tiene conexión. El panel de ayuda se cargará en cuanto vuelva la conexión.', retry: 'Reintentar', close: 'Cerrar' },
  de: { loading: 'Wird geladen …', failed: 'Die Hilfe konnte nicht geladen werden. Bitte versuchen Sie es erneut.',
        offline: 'Sie sind offline. Die Hilfe wird geladen, sobald die Verbindung wieder steht.', retry: 'Erneut versuchen', close: 'Schließen' },
};
function hostTexts(locale) {
  for (const tag of [locale, ...(navigator.languages || [])]) {
    const language = String(tag || '').toLowerCase().split(/[-_]/)[0];
    if (Object.prototype.hasOwnProperty.call(HOST_TEXTS, language)) return HOST_TEXTS[language];   // Safari < 15.4 lacks Object.hasOwn
  }
  return HOST_TEXTS.en;
}

// options, from loader.js: base, config (URL), api, locale, label, context (what the page knows
// about the customer: {"logged_in": true}, or its JSON text). The staff preview adds:
//   inline     fill the shadow root's (positioned) host element; always open, no launcher
//   configText the configuration itself instead of its URL
//   dryRun     post nothing: each request goes to onRequest(request) and gets the answer the
//              server would give (201 with a ticket number)
//   onState    called with the session snapshot after every change
//   onEvent    called with (type, detail) for open, close, step, article-viewed, resolved,
//              ticket-submitted, error (the loader's SupportWidget('on', ...) listeners)
//   token      the signed customer token (identify)
//   preview    load the preview build, which adds setConfig, restart, lint, steps, jump and
//              the state for onState (customers' pages never need it)
// Returns { open, close, toggle, ready, preload, setContext, prefill, identify, setLocale,
// startFlow } and, for the preview, { setConfig, restart, lint, steps, jump }.
export function mountWidget(root, launcher, options) {
  if (options.onState && !options.preview) throw new Error('support widget: onState needs the preview build (preview: true)');
  const style = document.createElement('style');
  style.textContent = STYLE;
  const panel = document.createElement('div');
  panel.className = options.inline ? 'panel inline' : options.position === 'bottom-left' ? 'panel left' : 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  if (!options.inline) panel.setAttribute('aria-modal', 'true');   // the preview's widget is part of its page
  panel.tabIndex = -1;
  panel.setAttribute('aria-label', options.label);   // until the configuration's title is known
  // The two live regions exist before anything is said through them (a region that appears
  // already filled is often not read).
  panel.innerHTML = '<canvas aria-hidden="true"></canvas><div class="fixed"></div><div class="scroll"><div class="spacer"></div></div>' +
    '<div class="live" aria-live="polite" aria-atomic="true" data-live="polite"></div>' +
    '<div class="live" aria-live="assertive" aria-atomic="true" data-live="assertive"></div>';
  root.append(style, panel);
  const canvas = panel.querySelector('canvas');
  const layers = { fixed: panel.querySelector('.fixed'), scroll: panel.querySelector('.scroll'), spacer: panel.querySelector('.spacer') };
  const liveRegions = { polite: panel.querySelector('[data-live=polite]'), assertive: panel.querySelector('[data-live=assertive]') };

  // The preview keeps no draft: staff must not leave one behind for the customer view.
  // Two widgets of one page keep their drafts apart by their data-id.
  const draftKey = options.dryRun ? null : 'support-widget:draft:' + (options.id ? options.id + ':' : '') + options.config;
  let dryRunNumber = 0;
  let M = null;          // the wasm module, once loaded
  let isOpen = false;
  let rafPending = false;
  let mirror = null;
  let focusedOnce = false;

  const cstr = (s, fn) => {
    const n = M.lengthBytesUTF8(s) + 1;
    const p = M._malloc(n);
    M.stringToUTF8(s, p, n);
    try { return fn(p); } finally { M._free(p); }
  };
  // Bytes (ArrayBuffer or Uint8Array) in wasm memory for the length of fn: the widget copies them.
  const bytes = (buf, fn) => {
    const p = M._malloc(buf.byteLength || 1);
    M.HEAPU8.set(buf instanceof Uint8Array ? buf : new Uint8Array(buf), p);
    try { return fn(p, buf.byteLength); } finally { M._free(p); }
  };
  const readJson = (p) => JSON.parse(M.UTF8ToString(p));

  function invalidate() {
    if (!M || !isOpen || rafPending) return;
    rafPending = true;
    requestAnimationFrame((t) => { rafPending = false; frame(t); });
  }

  // Where the opening's time goes, for the page's performance tools and tests/bench/widget_bytes.mjs:
  // support-widget:load (loading starts), :ready (module, wasm and configuration in hand), :init
  // (widget_init done), :frame (the first frame drawn and mirrored).
  const mark = (name) => { try { performance.mark('support-widget:' + name); } catch (_) { /* no marks */ } };
  let framed = false;
  function frame(t) {
    if (!M || !isOpen) return;
    const more = M._widget_frame(t ?? performance.now());
    syncOut();
    if (!framed) { framed = true; mark('frame'); }
    if (more) invalidate();
    else scheduleWake();
  }

  // The session's next appointment (a debounced search, a ticket retry, its countdown): one
  // timer instead of frames. With the panel closed the session still ticks, so a ticket waiting
  // to be retried goes out on time; nothing is drawn.
  let wakeTimer = 0;
  function scheduleWake() {
    if (!M) return;
    clearTimeout(wakeTimer);
    const at = M._widget_wake_at();
    if (at < 0) return;
    wakeTimer = setTimeout(() => {
      if (isOpen) return invalidate();
      if (M._widget_tick(performance.now())) syncOut();
      scheduleWake();
    }, Math.max(0, at - performance.now()));
  }

  function syncOut() {
    if (options.onState) {
      const state = M._widget_take_state();
      if (state) options.onState(readJson(state));
    }
    const sem = M._widget_take_semantic();
    if (sem) {
      mirror.update(readJson(sem));
      if (!focusedOnce) {   // on opening, focus goes to the screen's heading (not a field: no keyboard pops up on phones)
        focusedOnce = true;
        if (!options.inline && !mirror.focusScreen()) panel.focus({ preventScroll: true });
      }
    }
    const out = M._widget_take_outbox();
    if (out) handleOutbox(readJson(out));
  }

  function handleOutbox(out) {
    if (out.draft !== undefined && draftKey) { try { localStorage.setItem(draftKey, out.draft); } catch (_) { /* private mode: keep in memory */ } }
    for (const r of out.requests || []) send(r);
    for (const e of out.events || []) emit(e.type, e.detail);
    if (out.close) close();
  }

  // The page's listeners (SupportWidget('on', ...)); a listener that throws does not stop the widget.
  function emit(type, detail = {}) {
    if (!options.onEvent) return;
    try { options.onEvent(type, detail); } catch (e) { console.error('support widget: a "' + type + '" listener failed:', e); }
  }
  // A problem the site owner must see: in the console, and to 'error' listeners.
  function report(message) {
    console.warn('support widget: ' + message);
    emit('error', { message });
  }

  // Work that needs the wasm module waits for it (an API call made before the widget loaded).
  const afterLoad = [];
  const withModule = (fn) => { if (M) fn(); else afterLoad.push(fn); };
  // identify(token): the signed customer token (docs/identity.md), sent with every request as
  // "X-Support-Identity: <token>"; the server verifies it (GET /api/my/tickets needs it).
  // Kept in memory only: a credential never goes into local storage.
  let customerToken = options.token || '';

  async function send(r) {
    if (options.dryRun) return sendDry(r);
    let status = 0, body = '', retryAfter = '';
    try {
      const headers = customerToken ? { ...r.headers, 'X-Support-Identity': customerToken } : r.headers;
      const res = await fetch(new URL(r.path, options.api), { method: r.method, headers, body: r.body || undefined });
      status = res.status;
      retryAfter = res.headers.get('Retry-After') || '';
      body = await res.text();
    } catch (_) { status = 0; }
    cstr(body, (p) => cstr(retryAfter, (ra) => M._widget_http_response(r.id, status, p, ra)));
    invalidate();
    scheduleWake();
  }

  // Dry run: the request is shown, not sent; the widget gets what the server would answer.
  function sendDry(r) {
    if (options.onRequest) options.onRequest({ method: r.method, path: r.path, headers: r.headers, body: r.body });
    const isTicket = r.path === '/api/tickets';
    const answer = isTicket ? { number: ++dryRunNumber, created_at: new Date().toISOString(), dry_run: true } : { dry_run: true };
    queueMicrotask(() => {
      cstr(JSON.stringify(answer), (p) => cstr('', (ra) => M._widget_http_response(r.id, isTicket ? 201 : 202, p, ra)));
      invalidate();
    });
  }

  // The KB file the configuration names (kb.file), streamed into the widget as it arrives; the
  // widget indexes it a few milliseconds per frame. Relative names resolve against the config.
  const KB_SLICE = 256 * 1024;
  let kbGeneration = 0;
  async function loadKbFile() {
    const generation = ++kbGeneration;
    const file = M.UTF8ToString(M._widget_kb_file());
    if (!file) return;
    const stale = () => generation !== kbGeneration;
    try {
      const res = await fetch(new URL(file, new URL(options.config, location.href)));
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (stale()) { reader.cancel().catch(() => {}); return; }   // the configuration changed meanwhile
        if (done) break;
        for (let at = 0; at < value.byteLength; at += KB_SLICE) {
          bytes(value.subarray(at, at + KB_SLICE), (p, n) => M._widget_kb_chunk(p, n));
          invalidate();
          if (at + KB_SLICE < value.byteLength) await new Promise((r) => setTimeout(r, 0));   // let the page breathe
          if (stale()) return;
        }
      }
      M._widget_kb_end(1, 0);
    } catch (e) {
      if (stale()) return;
      cstr(String(e.message || e), (p) => M._widget_kb_end(0, p));
      console.warn('support widget: the KB file ' + file + ' could not be loaded: ' + (e.message || e));
    }
    invalidate();
  }

  // The customer context (an object, or its JSON text from data-context). Problems are reported
  // to the console for the site owner; the values that were fine are used.
  let contextObject = {};
  function setContext(context) {
    const text = typeof context === 'string' ? context : JSON.stringify(context);
    try { contextObject = JSON.parse(text); } catch (_) { contextObject = {}; }
    const problems = cstr(text, (p) => readJson(M._widget_set_context(p)));
    for (const p of problems) report(p);
    invalidate();
    return problems;
  }

  // navigator.languages, most preferred first, for the core's locale choice (config/locale_choice.h).
  const browserLanguages = () => JSON.stringify(navigator.languages || (navigator.language ? [navigator.language] : []));

  // What the core chose: the panel's language for screen readers; a request it could not meet
  // goes to the console for the site owner, never silently.
  // A fallback is said in the console and to the page's error listeners, never silent.
  function localeChosen(choice) {
    panel.lang = choice.locale;
    if (choice.reason) report(choice.reason);
    if (choice.problem) report(choice.problem);
    return choice.locale;
  }

  // The chosen locale's texts file, when its texts are in one: until it arrives (or if it never
  // does) the widget speaks the default locale, so a failure is reported, never silent.
  const TEXTS_WAIT_MS = 1500;
  async function loadLocaleTexts(choice) {
    if (!choice.texts_file) return;
    try {
      const text = await localeTexts(options, choice.texts_file);
      const problems = cstr(choice.locale, (l) => cstr(text, (t) => readJson(M._widget_locale_texts(l, t))));
      for (const p of problems) report('texts file ' + choice.texts_file + ': ' + p);
    } catch (e) {
      report('the texts of locale \'' + choice.locale + '\' could not be loaded (' + (e.message || e) + '); using the default locale\'s');
    }
    invalidate();
  }

  // Another language while the widget runs (data-locale's values); the customer keeps their place.
  // Returns the locale now in use.
  function setLocale(locale) {
    options.locale = String(locale ?? '');
    if (!M) return options.locale;   // not loaded yet: widget_init will choose
    const choice = cstr(options.locale, (l) => cstr(browserLanguages(), (b) => readJson(M._widget_set_locale(l, b))));
    loadLocaleTexts(choice);
    invalidate();
    return localeChosen(choice);
  }

  function domInput(kind, id, text = '', s0 = 0, s1 = 0) {
    if (!M) return;
    cstr(text, (p) => M._widget_dom_input(kind, id >>> 0, p, s0 ?? 0, s1 ?? 0));
    if (kind === DOM_INPUT.activate) {
      // Draw the press and the screen it leads to now, inside the click: focus is on the new
      // step's heading before the next key is handled, so a quick second Enter cannot press a
      // button of the new step unread.
      frame(performance.now());
      frame(performance.now());
    }
    invalidate();
  }

  // Files picked (the mirror's file input), dropped on the panel or pasted (a screenshot): their
  // bytes go to the widget one by one, in order, through one export; the core checks each and keeps
  // it or says why not. A file the browser cannot read is handed over as unreadable (length -1),
  // so it gets a message too.
  let filesQueue = Promise.resolve();
  function addFiles(files) {
    if (!files.length) return;
    filesQueue = filesQueue.then(async () => {
      let first = 1;
      for (const file of files) {
        const buf = await file.arrayBuffer().catch(() => null);
        if (!M) return;
        const name = file.name || 'pasted.' + ((file.type || '').split('/')[1] || 'bin');
        cstr(name, (n) => cstr(file.type || '', (t) => (buf
          ? bytes(buf, (p, len) => M._widget_add_attachment(n, t, p, len, first))
          : M._widget_add_attachment(n, t, 0, -1, first))));
        first = 0;
      }
      invalidate();
    });
  }
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  panel.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  panel.addEventListener('drop', (e) => { if (!hasFiles(e)) return; e.preventDefault(); addFiles([...e.dataTransfer.files]); });
  // Text pastes stay the fields' own; only a paste that carries files (an image) is taken.
  panel.addEventListener('paste', (e) => {
    const files = e.clipboardData ? [...e.clipboardData.files] : [];
    if (!files.length) return;
    e.preventDefault();
    addFiles(files);
  });

  // Live regions: the text is replaced a moment after clearing, so the same words said twice
  // (the same error after a second failed submit) are announced again.
  const liveTimers = {};
  function speak(kind, text) {
    const region = liveRegions[kind];
    clearTimeout(liveTimers[kind]);
    region.textContent = '';
    liveTimers[kind] = setTimeout(() => { region.textContent = text; }, 30);
  }

  // A screen change may take focus when focus is in the panel, or fell out of it because the
  // focused element went away with the old screen.
  function mayTakeFocus() {
    if (!isOpen) return false;
    const active = root.activeElement;
    if (active) return panel.contains(active);
    const outside = document.activeElement;   // the host itself while the removed element's focus is fixed up
    return outside === null || outside === document.body || outside === root.host;
  }

  // Tab and Shift+Tab wrap inside the open panel (it is modal).
  function trapTab(e) {
    const focusables = [...panel.querySelectorAll('button:not([disabled]),a[href],input:not([disabled]),textarea:not([disabled])')]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length);
    if (!focusables.length) { e.preventDefault(); return; }
    const active = root.activeElement;
    const first = focusables[0], last = focusables[focusables.length - 1];
    const before = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING);
    if (!active || !panel.contains(active) || active === panel) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    } else if (!e.shiftKey && (active === last || before(active, last))) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && (active === first || before(first, active))) {
      e.preventDefault();
      last.focus();
    }
  }

  // On a phone the panel covers the page: the page behind becomes inert while it is open, so
  // neither Tab nor a screen reader's cursor can reach controls hidden under it.
  const PHONE = '(max-width: 520px)';
  let madeInert = [];
  function setPageInert(on) {
    for (const el of madeInert) el.inert = false;
    madeInert = [];
    if (!on || options.inline || !window.matchMedia(PHONE).matches) return;
    const host = root.host;
    for (const el of document.body.children) {
      if (el === host || el.inert || el.contains(host)) continue;
      el.inert = true;
      madeInert.push(el);
    }
  }

  function resize() {
    if (!M) return;
    const r = panel.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(r.width * dpr);
    canvas.height = Math.round(r.height * dpr);
    M._widget_resize(r.width, r.height, dpr);
    invalidate();
  }

  // Pointer events from the canvas and from every mirrored element bubble up to the panel. Presses
  // on mirrored buttons and links are not forwarded: their click event activates them by id.
  const ACTIVATES_BY_CLICK = new Set(['button', 'link']);
  const pointer = (down) => (e) => {
    if (!M) return;
    const r = canvas.getBoundingClientRect();
    if (down >= 0 && ACTIVATES_BY_CLICK.has(e.target.dataset && e.target.dataset.role)) down = 2;
    M._widget_pointer(e.clientX - r.left, e.clientY - r.top, down);
    if (down === 1 || down === 0) {   // a press and release between two frames must not be lost
      M._widget_focus_visible(0);
      frame(performance.now());
    } else invalidate();
  };
  panel.addEventListener('pointerdown', pointer(1));
  panel.addEventListener('pointerup', pointer(0));
  panel.addEventListener('pointermove', (e) => pointer(e.buttons & 1 ? 1 : 2)(e));
  panel.addEventListener('pointercancel', pointer(-1));
  panel.addEventListener('pointerleave', (e) => { if (!(e.buttons & 1)) pointer(-1)(e); });
  panel.addEventListener('keydown', (e) => {
    if (M) M._widget_focus_visible(1);
    // Escape while an IME composition is open cancels the composition, not the panel.
    if (e.key === 'Escape' && !e.isComposing && e.keyCode !== 229) { e.stopPropagation(); close(); }
    if (e.key === 'Tab' && !options.inline) trapTab(e);
    invalidate();
  });
  layers.scroll.addEventListener('scroll', () => {
    if (!M) return;
    M._widget_dom_scroll(layers.scroll.scrollTop);
    invalidate();
  }, { passive: true });
  new ResizeObserver(resize).observe(panel);
  window.addEventListener('resize', resize);   // also catches devicePixelRatio changes (zoom)

  // Dark scheme and reduced motion follow the browser, also when they change while the page is open.
  const media = { dark: window.matchMedia('(prefers-color-scheme: dark)'), still: window.matchMedia('(prefers-reduced-motion: reduce)') };
  let followingPreferences = false;
  function applyPreferences() {
    if (!M) return;
    M._widget_set_preferences(media.dark.matches ? 1 : 0, media.still.matches ? 1 : 0);
    const colors = readJson(M._widget_palette());
    for (const [name, value] of Object.entries(colors)) panel.style.setProperty('--sw-' + name, value);
    invalidate();
  }
  function followPreferences() {
    applyPreferences();
    if (followingPreferences) return;
    followingPreferences = true;
    for (const query of Object.values(media)) query.addEventListener('change', applyPreferences);
  }

  async function load() {
    mark('load');
    const prepared = prepareWidget(options);
    const glContext = makeGlContext(canvas);
    // The module instantiates the wasm compiled in prepareWidget instead of fetching it again.
    let instantiateFailed;
    const failed = new Promise((_, reject) => { instantiateFailed = reject; });
    const instantiateWasm = (imports, receive) => {
      prepared.wasm.then((m) => WebAssembly.instantiate(m, imports).then((i) => receive(i, m))).catch(instantiateFailed);
      return {};
    };
    const factory = await prepared.factory;
    const [module, configText] = await Promise.all([
      Promise.race([failed, factory({ canvas, glContext, locateFile: (f) => options.base + f, instantiateWasm })]),
      prepared.config,
    ]);
    M = module;
    mark('ready');
    let saved = '';
    try { saved = (draftKey && localStorage.getItem(draftKey)) || ''; } catch (_) { /* no storage */ }
    const seed = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
    const ok = cstr(configText, (c) => cstr(options.locale, (l) => cstr(seed, (s) => cstr(saved, (d) =>
      cstr(browserLanguages(), (b) => M._widget_init(c, l, s, d, b))))));
    if (!ok) throw new Error('WebGL2 is not available in this browser');
    mark('init');
    const choice = readJson(M._widget_locale());
    localeChosen(choice);
    // The texts before the first frame, so the customer does not see the fallback first; but a
    // slow file never keeps the panel from opening: past TEXTS_WAIT_MS the default locale's words
    // show, and the language's replace them when its file arrives.
    await Promise.race([loadLocaleTexts(choice), new Promise((done) => setTimeout(done, TEXTS_WAIT_MS))]);
    M._widget_set_utc_now(Date.now());
    if (customerToken) M._widget_identified();
    followPreferences();
    mirror = new SemanticMirror(layers, domInput, {
      // The panel is named by the configuration's title; the preview names its inline widget itself.
      title: (text) => { if (text && !options.inline) panel.setAttribute('aria-label', text); },
      polite: (text) => speak('polite', text),
      assertive: (text) => speak('assertive', text),
      scrolled: (y) => M._widget_dom_scroll(y),
      files: addFiles,
      mayTakeFocus,
    });
    if (options.context) setContext(options.context);
    // A ticket waiting for the network goes out when the browser is back online.
    const online = () => { M._widget_set_online(navigator.onLine ? 1 : 0); invalidate(); scheduleWake(); };
    window.addEventListener('online', online);
    window.addEventListener('offline', online);
    online();
    resize();
    loadKbFile();
    // Loaded without being opened (a ticket left on its way): the session sends it now.
    if (!isOpen && M._widget_tick(performance.now())) syncOut();
    for (const fn of afterLoad.splice(0)) fn();
  }
  let loading = null;

  // What the panel shows until the widget draws: after a moment of loading, a spinner; when
  // loading failed, why in the customer's words, "Try again" and, offline, a retry by itself
  // once the browser is back online. Both have a Close button, as the drawn one is not there yet
  // and on a phone the panel covers the launcher. null: the widget draws.
  let stateBox = null;
  function showState(kind) {
    if (stateBox) stateBox.remove();
    stateBox = null;
    panel.removeAttribute('aria-busy');
    if (!kind) return;
    const texts = hostTexts(options.locale);
    const offline = kind === 'failed' && navigator.onLine === false;
    stateBox = document.createElement('div');
    stateBox.className = 'state ' + kind;
    stateBox.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
    if (kind === 'loading') {
      panel.setAttribute('aria-busy', 'true');
      const spinner = document.createElement('div');
      spinner.className = 'spinner';
      stateBox.append(spinner);
    }
    const words = document.createElement('p');
    words.textContent = kind === 'loading' ? texts.loading : offline ? texts.offline : texts.failed;
    stateBox.append(words);
    const button = (className, label, onClick) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = className;
      b.textContent = label;
      b.addEventListener('click', onClick);
      stateBox.append(b);
      return b;
    };
    const retry = kind === 'failed' ? button('retry', texts.retry, tryAgain) : null;
    if (!options.inline) button('close', texts.close, close);
    panel.append(stateBox);
    if (retry && isOpen) retry.focus();   // the modal panel is open: its one action takes focus
    if (offline) window.addEventListener('online', tryAgain, { once: true });
  }
  let loadFailed = false;
  function tryAgain() {
    if (!loadFailed) return;   // loading again already, or loaded
    loadFailed = false;
    loading = null;
    startLoading().catch(() => {});
  }

  function open() {
    isOpen = true;
    panel.hidden = false;
    setPageInert(true);
    if (launcher) launcher.setAttribute('aria-expanded', 'true');
    tryAgain();   // opened again after a failed start: that is the customer trying again
    startLoading();
    loading.then(() => { resize(); invalidate(); }, () => {});
    emit('open');
  }
  // Loading starts on intent (hover or focus of the launcher, an API call), before the click.
  function startLoading() {
    if (loading) return loading;
    const attempt = load();
    loading = attempt;
    showState('loading');
    attempt.then(() => showState(null), (e) => {
      M = null;   // a module whose start failed is not used; trying again makes a new one
      loadFailed = true;
      showState('failed');
      report('could not start: ' + e.message);
    });
    return attempt;
  }
  function close() {
    if (options.inline) return;   // the preview's widget stays on the page
    isOpen = false;
    panel.hidden = true;
    setPageInert(false);
    launcher.setAttribute('aria-expanded', 'false');
    focusedOnce = false;
    launcher.focus();
    scheduleWake();   // a ticket waiting to be retried still goes out while the panel is closed
    emit('close');
  }

  const api = { open, close, toggle: () => (isOpen ? close() : open()) };
  api.ready = () => (loading || Promise.reject(new Error('not opened'))).then(() => api);
  api.preload = () => { startLoading().catch(() => {}); return api; };
  api.isOpen = () => isOpen;

  // ---- the page's API (see SupportWidget in loader.js) ----
  // prefill({name, email, subject, description, product, fields: {id: text}, readOnly: true | [ids]})
  api.prefill = (values) => {
    if (!values || typeof values !== 'object') { report('prefill: expected an object such as {email: "ada@example.com"}'); return; }
    withModule(() => {
      const { product, ...form } = values;
      for (const p of cstr(JSON.stringify(form), (q) => readJson(M._widget_prefill(q)))) report(p);
      if (product !== undefined) setContext({ ...contextObject, product: String(product) });   // the ticket's product comes from the flow context
      invalidate();
    });
  };
  api.identify = (token) => {
    if (typeof token !== 'string' || !token) { report('identify: expected the signed customer token as a non-empty string'); return; }
    customerToken = token;
    withModule(() => { M._widget_identified(); syncOut(); });   // their open tickets join the duplicate screening
  };
  api.setLocale = (locale) => {
    if (typeof locale !== 'string' || !locale) { report('setLocale: expected a locale such as "de"'); return undefined; }
    if (!M) {   // not loaded yet: remembered; widget_init chooses (a fallback is reported then)
      options.locale = locale;
      return locale;
    }
    const used = setLocale(locale);   // an unknown locale falls back visibly, see localeChosen
    applyPreferences();
    invalidate();
    return used;
  };
  api.startFlow = (id) => {
    withModule(() => {
      if (cstr(String(id), (p) => M._widget_start_flow(p)) !== 1) report('startFlow: no category "' + id + '" in the configuration');
      invalidate();
    });
  };
  api.setContext = setContext;
  // ---- staff preview (its build only) ----
  if (options.preview) {
    // Swaps the configuration in place; the customer stays on their step. true if it parsed.
    api.setConfig = (text) => {
      const ok = cstr(text, (p) => M._widget_set_config(p)) === 1;
      applyPreferences();   // the new configuration may bring another brand colour
      if (ok) loadKbFile();
      invalidate();
      return ok;
    };
    api.restart = () => { M._widget_restart(); invalidate(); };
    api.lint = (text) => cstr(text, (p) => readJson(M._widget_lint(p)));
    api.steps = () => readJson(M._widget_steps());
    api.jump = (flow, step) => {
      const ok = cstr(flow, (f) => cstr(step, (s) => M._widget_jump(f, s))) === 1;
      invalidate();
      return ok;
    };
  }
  if (options.inline) open();
  return api;
}
