// Mirrors the widget's semantic list (see wasm/ui/semantic_tree.h) into real DOM elements laid over
// the canvas: buttons, links, text fields, headings, live regions. Screen readers, the keyboard,
// autofill, IME, mobile keyboards and tests use these; what happens to them is reported back.
// Text fields are the real editors and stay visible; everything else is transparent.

const TAGS = { button: 'button', link: 'a', textbox: 'input', textarea: 'textarea', heading: 'h2', text: 'p',
  status: 'div', alert: 'div' };

export const DOM_INPUT = { activate: 0, focus: 1, blur: 2, setText: 3 };

export class SemanticMirror {
  // layers: {fixed, scroll, spacer}; send(kind, id, text, selStart, selEnd)
  constructor(layers, send) {
    this.layers = layers;
    this.send = send;
    this.elements = new Map();   // id -> element
  }

  update(doc) {
    const s = doc.scroll;
    const [sx, sy, sw, sh] = s.rect;
    Object.assign(this.layers.scroll.style, { left: sx + 'px', top: sy + 'px', width: sw + 'px', height: sh + 'px' });
    this.layers.spacer.style.height = Math.ceil(s.contentHeight) + 'px';
    if (Math.abs(this.layers.scroll.scrollTop - s.y) > 1 && !this.userScrolling) this.layers.scroll.scrollTop = s.y;

    const seen = new Set();
    const lists = { fixed: [], scroll: [] };
    for (const item of doc.items) {
      let el = this.elements.get(item.id);
      if (!el || el.dataset.role !== item.role) {
        if (el) el.remove();
        el = this.create(item);
        this.elements.set(item.id, el);
      }
      this.apply(el, item);
      seen.add(item.id);
      lists[item.layer].push(el);
    }
    for (const [id, el] of this.elements) {
      if (!seen.has(id)) { el.remove(); this.elements.delete(id); }
    }
    this.order(this.layers.fixed, lists.fixed);
    this.order(this.layers.scroll, lists.scroll);
  }

  // Keeps DOM order = drawing order (= reading and tab order) without moving elements that are
  // already in place, so the focused element is never detached.
  order(container, els) {
    const first = container === this.layers.scroll ? 1 : 0;   // the spacer stays first
    els.forEach((el, i) => {
      const at = container.children[first + i];
      if (at !== el) container.insertBefore(el, at || null);
    });
  }

  create(item) {
    const tag = item.role === 'heading' ? 'h' + Math.min(6, Math.max(1, item.level || 2)) : TAGS[item.role] || 'div';
    const el = document.createElement(tag);
    el.dataset.role = item.role;
    el.className = 'm m-' + item.role;
    const id = item.id;
    if (item.role === 'status') el.setAttribute('role', 'status');
    if (item.role === 'alert') el.setAttribute('role', 'alert');
    if (item.role === 'link') { el.target = '_blank'; el.rel = 'noopener noreferrer'; }
    if (item.role === 'button') {
      // Every activation — mouse, touch, Enter, Space, a screen reader's default action — arrives
      // as a click on the element the person actually targeted. Forwarding it by id (not by
      // pointer position) means a layout that shifted a frame earlier can never redirect it.
      el.addEventListener('click', () => this.send(DOM_INPUT.activate, id));
    }
    if (item.role === 'textbox' || item.role === 'textarea') {
      el.spellcheck = item.role === 'textarea';
      el.addEventListener('input', () => this.send(DOM_INPUT.setText, id, el.value, el.selectionStart, el.selectionEnd));
    }
    if (['button', 'link', 'textbox', 'textarea'].includes(item.role)) {
      el.addEventListener('focus', () => this.send(DOM_INPUT.focus, id));
      el.addEventListener('blur', () => this.send(DOM_INPUT.blur, id));
    }
    return el;
  }

  apply(el, item) {
    const [x, y, w, h] = item.rect;
    const st = el.style;
    st.left = x + 'px'; st.top = y + 'px'; st.width = w + 'px'; st.height = h + 'px';
    const name = item.name || '';
    switch (item.role) {
      case 'textbox': case 'textarea':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        if (item.type && el.type !== item.type) el.type = item.type;
        if (item.autocomplete) el.autocomplete = item.autocomplete;
        if (el.value !== (item.value || '') && el.getRootNode().activeElement !== el) el.value = item.value || '';
        break;
      case 'link':
        if (el.textContent !== name) el.textContent = name;
        if (/^(https?:|mailto:)/i.test(item.value || '')) el.href = item.value; else el.removeAttribute('href');
        break;
      default:
        if (el.textContent !== name) el.textContent = name;
    }
    toggleAttr(el, 'aria-description', item.description);
    toggleAttr(el, 'aria-invalid', item.invalid ? 'true' : '');
    toggleAttr(el, 'aria-required', item.required ? 'true' : '');
    if ('disabled' in el) el.disabled = !!item.disabled && item.role !== 'button';
    toggleAttr(el, 'aria-disabled', item.disabled ? 'true' : '');
  }
}

function toggleAttr(el, name, value) {
  if (value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); }
  else if (el.hasAttribute(name)) el.removeAttribute(name);
}
