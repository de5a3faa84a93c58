// The one <script> a site owner adds (README: "Adding the widget", "JavaScript API"). It draws the
// launcher and loads nothing else until the customer shows intent. One global, SupportWidget.
// Two widgets on one page: give each its own data-id (keeps their drafts apart), its own
// data-global, and, if they would overlap, data-position="bottom-left" for one.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const base = new URL('.', script.src).href;
  const options = {
    base,
    config: script.dataset.config || base + 'assets/config/default.json',
    api: script.dataset.api || new URL(script.src).origin,
    locale: script.dataset.locale || '',
    label: script.dataset.label || 'Help',
    context: script.dataset.context || '',   // JSON the page knows about the customer: {"logged_in":true}
    id: script.dataset.id || '',             // tells two widgets of one page apart (their drafts)
    position: script.dataset.position || 'bottom-right',
  };
  const SIDES = { 'bottom-right': 'right', 'bottom-left': 'left' };
  if (!SIDES[options.position]) {
    console.warn('support widget: data-position "' + options.position + '" is not one of ' + Object.keys(SIDES).join(', ') + '; using bottom-right');
    options.position = 'bottom-right';
  }
  const globalName = script.dataset.global || 'SupportWidget';
  const draftKey = 'support-widget:draft:' + (options.id ? options.id + ':' : '') + options.config;   // as widget-host.js saves it

  // ---- the page's API: one function, also callable as a queue (push) ----
  const listeners = {};   // event type -> callbacks
  options.onEvent = (type, detail) => { for (const cb of listeners[type] || []) cb(detail); };
  const EVENTS = ['open', 'close', 'step', 'article-viewed', 'resolved', 'ticket-submitted', 'error'];
  // Only these load the widget: prefill/identify for every visitor cost no download.
  const LOADS = { open: 1, toggle: 1, startFlow: 1 };
  const COMMANDS = ['open', 'close', 'toggle', 'prefill', 'identify', 'setLocale', 'startFlow'];
  const waiting = [];   // commands for the widget before it is mounted
  let widget = null, mounting = null, launcher = null, root = null;

  function command(name, ...args) {
    if (name === 'on') {
      const [type, cb] = args;
      if (!EVENTS.includes(type) || typeof cb !== 'function') {
        console.warn('support widget: on(type, callback) needs one of ' + EVENTS.join(', ') + ' and a function');
        return;
      }
      (listeners[type] = listeners[type] || []).push(cb);
      return;
    }
    if (!COMMANDS.includes(name)) {
      console.warn('support widget: unknown command "' + name + '" (use ' + COMMANDS.concat('on').join(', ') + ')');
      return;
    }
    if (widget) return run(name, args);
    if (name === 'identify') options.token = args[0];   // ready at mount, before any request
    if (name === 'close') return;
    waiting.push([name, args]);
    if (LOADS[name]) mount();
  }
  function run(name, args) {
    if (name === 'open') { if (!widget.isOpen()) widget.open(); return; }
    if (name === 'close') { if (widget.isOpen()) widget.close(); return; }
    if (name === 'startFlow' && !widget.isOpen()) widget.open();   // a flow is started to be seen
    return widget[name](...args);
  }

  const previous = window[globalName];
  const api = (name, ...args) => command(name, ...args);
  api.push = (entry) => (Array.isArray(entry) ? command(...entry) : command(entry));
  window[globalName] = api;

  async function mount() {
    if (widget || !root) return widget;
    if (!mounting) {
      mounting = (async () => {
        launcher.setAttribute('aria-busy', 'true');
        try {
          // The host's one static import is asked for at the same time: one round trip less.
          const [host] = await Promise.all([import(base + 'widget-host.js'), import(base + 'semantic-mirror.js')]);
          host.prepareWidget(options);   // fetch and compile the wasm, config and fonts at once
          widget = host.mountWidget(root, launcher, options);
          widget.preload();
          for (const [name, args] of waiting.splice(0)) run(name, args);
        } catch (e) {
          mounting = null;   // offline, say: the next intent tries again
          throw e;
        } finally {
          launcher.removeAttribute('aria-busy');
        }
        return widget;
      })();
    }
    return mounting;
  }

  // Intent (pointer over the launcher, keyboard on it) starts loading before the click. On its
  // own so another loading strategy can replace it.
  function loadOnIntent(button, load) {
    const once = () => { button.removeEventListener('pointerenter', once); button.removeEventListener('focus', once); load(); };
    button.addEventListener('pointerenter', once);
    button.addEventListener('focus', once);
  }

  const start = () => {
    const host = document.createElement('div');
    host.setAttribute('data-support-widget', '');
    document.body.appendChild(host);
    root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>:host{all:initial}.launcher{position:fixed;' + SIDES[options.position] + ':20px;bottom:20px;z-index:2147483000;' +
      'font:600 15px system-ui,sans-serif;color:#fff;background:#1f5fbf;border:0;border-radius:24px;' +
      'padding:12px 20px;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}' +
      '.launcher:focus-visible{outline:3px solid #1f5fbf;outline-offset:3px}</style>' +
      '<button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false"></button>';
    launcher = root.querySelector('.launcher');
    launcher.textContent = options.label;
    loadOnIntent(launcher, () => { mount().catch((e) => console.warn('support widget: could not load: ' + e.message)); });
    // A click that could not load the widget (offline, say) opens it when the network is back:
    // the customer asked for help, and this file has no panel to say why nothing happened.
    let openWhenOnline = false;
    launcher.addEventListener('click', () => {
      mount().then((w) => w.toggle(), (e) => {
        console.warn('support widget: could not load: ' + e.message);
        if (openWhenOnline) return;
        openWhenOnline = true;
        addEventListener('online', () => { openWhenOnline = false; command('open'); }, { once: true });
      });
    });
    if (waiting.some(([name]) => LOADS[name])) mount();
    // A ticket still on its way (this tab was reloaded, or another tab closed while it waited)
    // goes out without the customer opening anything: now, or when the network is back.
    const resume = () => { try { if (navigator.onLine && /"sending":true/.test(localStorage.getItem(draftKey))) mount().catch(() => {}); } catch (_) { /* no storage */ } };
    resume();
    addEventListener('online', resume);
  };

  // Commands queued before this file arrived: an array of [name, ...args] entries, or the
  // arguments a function stub collected in .q.
  const queued = Array.isArray(previous) ? previous : previous && Array.isArray(previous.q) ? previous.q : [];
  for (const entry of queued) command(...Array.from(entry));

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
