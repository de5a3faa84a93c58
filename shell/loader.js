// The one <script> a site owner adds. Deliberately tiny: it draws the launcher button and loads
// nothing else until the customer shows intent: the pointer enters the launcher or it gets focus
// (then the wasm is fetched and compiled while the click is still on its way), or the click itself.
// No globals, no styles outside its shadow root.
//
//   <script src="https://support.example/widget/loader.js" async
//           data-config="https://support.example/widget/assets/config/default.json"
//           data-api="https://support.example" data-label="Help"
//           data-context='{"logged_in": true}'></script>
// Two widgets on one page: give each its own data-id (keeps their drafts apart) and, if they
// would overlap, data-position="bottom-left" for one.
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
  const start = () => {
    const host = document.createElement('div');
    host.setAttribute('data-support-widget', '');
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>:host{all:initial}button{position:fixed;' + SIDES[options.position] + ':20px;bottom:20px;z-index:2147483000;' +
      'font:600 15px system-ui,sans-serif;color:#fff;background:#1f5fbf;border:0;border-radius:24px;' +
      'padding:12px 20px;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}' +
      'button:focus-visible{outline:3px solid #1f5fbf;outline-offset:3px}</style>' +
      '<button type="button" aria-haspopup="dialog" aria-expanded="false"></button>';
    const launcher = root.querySelector('button');
    launcher.textContent = options.label;
    let widget = null;
    let glue = null;   // the import of the page glue, started on the first sign of intent
    const loadHost = () => glue || (glue = import(base + 'widget-host.js').then((m) => { m.prepareWidget(options); return m; }));
    launcher.addEventListener('pointerenter', loadHost, { once: true });
    launcher.addEventListener('focus', loadHost, { once: true });
    launcher.addEventListener('click', async () => {
      if (!widget) {
        launcher.setAttribute('aria-busy', 'true');
        const { mountWidget } = await loadHost();
        widget = mountWidget(root, launcher, options);
        launcher.removeAttribute('aria-busy');
      }
      widget.toggle();
    });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
