// Small helpers to build the page from data without innerHTML, so text from the diary is
// always text, never markup.

const SVG = 'http://www.w3.org/2000/svg';

// h('p', {class: 'x', onclick: fn}, 'text', child, [more children])
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  apply(element, attributes);
  append(element, children);
  return element;
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  apply(element, attributes);
  append(element, children);
  return element;
}

function apply(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces everything inside `element`.
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

// Paragraphs from text with blank lines between them; single newlines become line breaks,
// and lines that start with "- " become a list.
export function paragraphs(text, className) {
  const out = [];
  for (const block of text.split(/\n\n+/)) {
    let p = null;
    let list = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('- ')) {
        if (!list) {
          list = h('ul', {class: className});
          out.push(list);
        }
        list.append(h('li', {}, line.slice(2)));
        p = null;
        continue;
      }
      list = null;
      if (p) {
        p.append(h('br'), line);
      } else {
        p = h('p', {class: className}, line);
        out.push(p);
      }
    }
  }
  return out;
}

let uniqueCounter = 0;
export function uid(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

// Says `message` in the polite live region (and shows it briefly). With `action`
// ({label, run}), a button beside the words does it (undo, js/log.js): the toast then stays
// `seconds` long, and for as long as the focus is on its button, so a person on a keyboard
// or a screen reader is not raced by the clock.
export function announce(message, kind = 'info', {action = null, seconds = 6} = {}) {
  const status = document.getElementById('status');
  status.replaceChildren();
  status.className = `toast ${kind}`;
  const ticket = (announce.ticket ?? 0) + 1;
  announce.ticket = ticket;
  const clear = () => {
    if (announce.ticket !== ticket) return;
    status.className = 'toast';
    status.replaceChildren();
  };
  const later = () => {
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(clear, seconds * 1000);
  };
  // A new text node after clearing makes screen readers announce it again.
  window.setTimeout(() => {
    if (announce.ticket !== ticket) return;
    status.replaceChildren(h('span', {class: 'toast-text'}, message), action
      ? h('button', {
        type: 'button',
        class: 'button toast-action',
        onfocus: () => window.clearTimeout(announce.timer),
        onblur: later,
        onclick: () => {
          clear();
          action.run();
        },
      }, action.label)
      : null);
  }, 30);
  later();
}

// "21 Nov, 09:30" in the person's own locale, from an ISO 8601 time with its offset.
export function shortTime(iso) {
  const date = new Date(iso);
  return date.toLocaleString(undefined, {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });
}

// A card saying the data shown was read earlier, when limber last answered (sw.js keeps
// the last answers for offline use); null for a fresh answer.
export function asOfNote(data, what) {
  if (!data || !data.asOf) return null;
  return h('p', {class: 'card as-of', role: 'note'},
    `limber is not answering, so this is ${what} as of ${shortTime(data.asOf)}, the last time this phone reached it.`);
}

export function shortDay(isoDay) {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, {day: 'numeric', month: 'short'});
}
