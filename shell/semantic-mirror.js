// Mirrors the widget's semantic list (see wasm/ui/semantic_tree.h) into real DOM elements laid over
// the canvas: buttons, links, text fields, headings, live regions. Screen readers, the keyboard,
// autofill, IME, mobile keyboards and tests use these; what happens to them is reported back.
// Text fields are the real editors and stay visible; everything else is transparent.

const TAGS = { button: 'button', link: 'a', textbox: 'input', textarea: 'textarea', heading: 'h2', text: 'p',
  listitem: 'li', status: 'div', alert: 'div', filepicker: 'input' };
const FOCUSABLE_ROLES = ['button', 'link', 'textbox', 'textarea', 'filepicker'];

export const DOM_INPUT = { activate: 0, focus: 1, blur: 2, setText: 3 };

export class SemanticMirror {
  // layers: {fixed, scroll, spacer}; send(kind, id, text, selStart, selEnd)
  // hooks (all optional): title(text) names the dialog; polite(text) / assertive(text) speak
  // through the panel's live regions; scrolled() after the mirror scrolled the content itself;
  // mayTakeFocus() says whether a screen change may move focus (the panel is open and focus is in
  // it or was lost with a removed element); files(list) gets the files chosen with a file picker.
  constructor(layers, send, hooks = {}) {
    this.layers = layers;
    this.send = send;
    this.hooks = hooks;
    this.elements = new Map();   // id -> element
    this.lists = new Map();      // id of a list's first item -> its <ul>
    this.screen = null;          // the screen key last seen (see wasm/ui/widget_view.cpp)
    this.spoken = { announce: '', status: '', alert: '' };
    this.invalidSubmits = 0;
  }

  call(hook, ...args) { if (this.hooks[hook]) return this.hooks[hook](...args); return undefined; }

  update(doc) {
    this.focusId = doc.focus;
    const s = doc.scroll;
    const [sx, sy, sw, sh] = s.rect;
    Object.assign(this.layers.scroll.style, { left: sx + 'px', top: sy + 'px', width: sw + 'px', height: sh + 'px' });
    this.layers.spacer.style.height = Math.ceil(s.contentHeight) + 'px';
    if (Math.abs(this.layers.scroll.scrollTop - s.y) > 1 && !this.userScrolling) this.layers.scroll.scrollTop = s.y;

    const seen = new Set();
    const lists = { fixed: [], scroll: [] };
    const groups = [];          // [ul, [li...]]: consecutive list items are one list
    let group = null;
    for (const item of doc.items) {
      let el = this.elements.get(item.id);
      if (!el || el.dataset.role !== item.role) {
        if (el) el.remove();
        el = this.create(item);
        this.elements.set(item.id, el);
      }
      this.apply(el, item);
      seen.add(item.id);
      if (item.role !== 'listitem') { group = null; lists[item.layer].push(el); continue; }
      if (!group) {
        group = [this.listFor(item.id), []];
        groups.push(group);
        lists[item.layer].push(group[0]);
      }
      group[1].push(el);
    }
    for (const [id, el] of this.elements) {
      if (!seen.has(id)) { el.remove(); this.elements.delete(id); }
    }
    const liveLists = new Set(groups.map(([ul]) => ul));
    for (const [id, ul] of this.lists) {
      if (!liveLists.has(ul)) { ul.remove(); this.lists.delete(id); }
    }
    for (const [ul, items] of groups) this.order(ul, items);
    this.order(this.layers.fixed, lists.fixed);
    this.order(this.layers.scroll, lists.scroll);
    this.afterUpdate(doc);
  }

  // A list keeps its <ul> while its first item stays the same; the items inside are positioned
  // in the same coordinates as everything else (the <ul> has no box of its own).
  listFor(firstId) {
    let ul = this.lists.get(firstId);
    if (!ul) {
      ul = document.createElement('ul');
      ul.className = 'm-list';
      ul.setAttribute('role', 'list');   // list semantics survive list-style:none
      this.lists.set(firstId, ul);
    }
    return ul;
  }

  // Focus and announcements after the DOM matches the new list.
  afterUpdate(doc) {
    if (doc.title !== undefined && doc.title !== this.title) { this.title = doc.title; this.call('title', doc.title); }
    const texts = (role) => doc.items.filter((i) => i.role === role).map((i) => i.name).join(' ');
    const status = texts('status'), alert = texts('alert');
    const polite = [];
    if (doc.screen !== this.screen) {
      const first = this.screen === null;   // the panel just opened: its host decides
      this.screen = doc.screen;
      // A new screen or step: focus its heading, so it is read from the top and no control of the
      // new step can be activated by a key meant for the old one.
      if (!first && this.call('mayTakeFocus')) this.focusScreen();
      const heading = this.elements.get(doc.focus);
      if (heading && !first) polite.push(heading.textContent);
    } else if (!this.layers.scroll.getRootNode().activeElement && this.call('mayTakeFocus')) {
      this.focusScreen();   // the focused element went away (e.g. a suggestion that is no longer offered)
    }
    if (status !== this.spoken.status) { this.spoken.status = status; if (status) polite.push(status); }
    if ((doc.announce || '') !== this.spoken.announce) {
      this.spoken.announce = doc.announce || '';
      if (doc.announce) polite.push(doc.announce);
    }
    if (polite.length) this.call('polite', polite.join(' '));
    const refused = (doc.invalidSubmits || 0) !== this.invalidSubmits;
    this.invalidSubmits = doc.invalidSubmits || 0;
    if (alert !== this.spoken.alert || (refused && alert)) {
      this.spoken.alert = alert;
      if (alert) {
        this.call('assertive', alert);
        this.focusFirstInvalid();
      }
    }
  }

  // The screen's heading (made focusable for this), else its first control, else nothing.
  focusScreen() {
    let target = null;
    for (const el of this.elements.values()) {
      if (el.dataset.focusTarget === 'true') { target = el; break; }
    }
    target = target || this.layers.scroll.querySelector('button,a[href],input,textarea');
    if (!target) return false;
    target.focus({ preventScroll: true });
    this.reveal(target, 'nearest');
    return true;
  }

  // After a refused submit: the first invalid field takes focus, with the error summary above it
  // in view when both fit.
  focusFirstInvalid() {
    const field = this.layers.scroll.querySelector('[aria-invalid="true"]');
    if (!field) return;
    const summary = this.layers.scroll.querySelector('[data-role="alert"]');
    if (summary && summary.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) this.reveal(summary, 'start');
    field.focus({ preventScroll: true });
    this.reveal(field, 'nearest');
  }

  reveal(el, block) {
    const box = this.layers.scroll;
    const top = el.offsetTop, bottom = top + el.offsetHeight;
    let y = box.scrollTop;
    if (block === 'start') y = top - 8;
    else if (top < y) y = top - 8;
    else if (bottom > y + box.clientHeight) y = bottom - box.clientHeight + 8;
    y = Math.max(0, Math.min(y, box.scrollHeight - box.clientHeight));
    if (Math.abs(y - box.scrollTop) < 1) return;
    box.scrollTop = y;
    this.call('scrolled', box.scrollTop);   // ImGui follows at once, before the next list arrives
  }

  // Keeps DOM order = drawing order (= reading and tab order) without moving elements that are
  // already in place, so the focused element is never detached.
  order(container, els) {
    const first = container === this.layers.scroll ? 1 : 0;   // the spacer stays first
    const active = container.getRootNode().activeElement;
    els.forEach((el, i) => {
      let at = container.children[first + i];
      // Moving the focused element would blur it: move what stands before it out of the way.
      for (let guard = container.children.length; at && at !== el && active && el.contains(active) && guard > 0; guard--) {
        container.appendChild(at);
        at = container.children[first + i];
      }
      if (at !== el) container.insertBefore(el, at || null);
    });
  }

  create(item) {
    const tag = item.role === 'heading' ? 'h' + Math.min(6, Math.max(1, item.level || 2)) : TAGS[item.role] || 'div';
    const el = document.createElement(tag);
    el.dataset.role = item.role;
    el.className = 'm m-' + item.role;
    const id = item.id;
    // The visible status/alert texts keep their roles but are not live regions themselves: an
    // element inserted already filled is often not read. The panel's two live regions, present
    // from the start, say their texts when they change (see afterUpdate).
    if (item.role === 'status' || item.role === 'alert') { el.setAttribute('role', item.role); el.setAttribute('aria-live', 'off'); }
    if (item.role === 'link') { el.target = '_blank'; el.rel = 'noopener noreferrer'; }
    if (item.role === 'button') {
      // Every activation — mouse, touch, Enter, Space, a screen reader's default action — arrives
      // as a click on the element the person actually targeted. Forwarding it by id (not by
      // pointer position) means a layout that shifted a frame earlier can never redirect it.
      el.addEventListener('click', () => this.send(DOM_INPUT.activate, id));
      // A held Enter or Space repeats; a repeat must not press a button of the next step.
      el.addEventListener('keydown', (e) => { if (e.repeat && (e.key === 'Enter' || e.key === ' ')) e.preventDefault(); });
    }
    if (item.role === 'filepicker') {
      // The native control itself (keyboard, screen readers, page.setInputFiles), invisible over
      // the button the canvas draws. Cleared after each pick so the same file can be chosen again.
      el.type = 'file';
      el.multiple = true;
      el.addEventListener('change', () => { const files = [...el.files]; el.value = ''; if (files.length) this.call('files', files); });
    }
    if (item.role === 'textbox' || item.role === 'textarea') {
      el.spellcheck = item.role === 'textarea';
      el.addEventListener('input', () => this.send(DOM_INPUT.setText, id, el.value, el.selectionStart, el.selectionEnd));
    }
    if (FOCUSABLE_ROLES.includes(item.role)) {
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
        el.readOnly = !!item.readonly;
        if (el.value !== (item.value || '') && el.getRootNode().activeElement !== el) el.value = item.value || '';
        break;
      case 'filepicker':
        if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
        if (el.accept !== (item.value || '')) el.accept = item.value || '';
        break;
      case 'link':
        if (el.textContent !== name) el.textContent = name;
        if (/^(https?:|mailto:)/i.test(item.value || '')) el.href = item.value; else el.removeAttribute('href');
        break;
      case 'heading': {
        if (el.textContent !== name) el.textContent = name;
        const target = item.id === this.focusId ? 'true' : '';
        if ((el.dataset.focusTarget || '') !== target) {
          if (target) { el.dataset.focusTarget = target; el.tabIndex = -1; }
          else { delete el.dataset.focusTarget; el.removeAttribute('tabindex'); }
        }
        break;
      }
      case 'text': case 'listitem':
        if (el.dataset.content !== name + '\n' + (item.value || '')) {
          el.dataset.content = name + '\n' + (item.value || '');
          fillWithLink(el, name, item.value);
        }
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

// A text with a web address in it: the address becomes a real link inside the text (new tab).
function fillWithLink(el, text, url) {
  const at = url && /^https?:\/\//i.test(url) ? text.indexOf(url) : -1;
  if (at < 0) { el.textContent = text; return; }
  const a = document.createElement('a');
  a.className = 'm-inline-link';
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = url;
  el.replaceChildren(text.slice(0, at), a, text.slice(at + url.length));
}

function toggleAttr(el, name, value) {
  if (value) { if (el.getAttribute(name) !== value) el.setAttribute(name, value); }
  else if (el.hasAttribute(name)) el.removeAttribute(name);
}
