// What the person sees of the outbox (outbox.js): above every view, how many entries wait
// on this phone, the ones the diary refused with the server's words, and, once they are
// sent, that they are in the diary.
import {h} from './dom.js';
import {flush, forget, onChange, pending, state} from './outbox.js';

const RELIEF = {medication: 'Medication', cream: 'Cream or gel', heat: 'Heat', cold: 'Cold', other: 'Something else'};

// "Pain 5/10", "Walk, 10 min": the body as the page made it.
export function describeBody(body) {
  switch (body.kind ?? 'pain') {
    case 'pain': return `Pain ${body.pain}/10`;
    case 'walk': return `Walk, ${body.minutes} min`;
    case 'relief': return `${RELIEF[body.relief] ?? body.relief}${body.name ? `: ${body.name}` : ''}`;
    case 'session': return `Session, ${body.minutes} min`;
    default: return body.kind;
  }
}

function madeAt(item) {
  return new Date(item.made_at).toLocaleString(undefined, {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});
}

function draw(items) {
  const box = document.getElementById('outbox');
  if (!box) return;
  const waiting = items.filter((item) => item.state === 'waiting');
  const refused = items.filter((item) => item.state === 'refused');
  box.dataset.waiting = String(waiting.length);
  box.dataset.refused = String(refused.length);
  box.className = 'outbox';
  if (!items.length) {
    box.hidden = state.lastSent === 0;
    if (state.lastSent > 0) {
      box.classList.add('sent');
      box.replaceChildren(h('p', {class: 'card'}, 'All entries made on this phone are in the diary.'));
    }
    return;
  }
  box.hidden = false;
  box.classList.add('waiting');
  const parts = [];
  if (waiting.length) {
    parts.push(h('p', {}, h('strong', {},
      `${waiting.length} ${waiting.length === 1 ? 'entry' : 'entries'} waiting on this phone`),
    state.needsPairing
      ? '. limber no longer knows this phone: pair it again from limber on the computer. The entries stay here until then.'
      : '. They go to the diary as soon as limber answers.'));
  }
  parts.push(h('ul', {}, items.map((item) => h('li', {},
    `${describeBody(item.body)}, ${madeAt(item)}: `,
    item.state === 'waiting'
      ? h('span', {class: 'sync waiting'}, 'waiting on this phone')
      : [h('span', {class: 'sync waiting'}, `not saved: ${item.message}`),
        // The commonest reason: this phone's clock is ahead of the computer's.
        /in the future/.test(item.message) ? ' Check the time on this phone, then log it again.' : '', ' ',
        h('button', {type: 'button', class: 'button quiet', onclick: async () => {
          await forget(item.client_id);
          draw(await pending());
        }}, 'Remove')]))));
  if (waiting.length) {
    parts.push(h('button', {type: 'button', class: 'button', onclick: () => flush()}, 'Send now'));
  }
  box.replaceChildren(h('div', {class: 'card'}, parts));
}

export async function show() {
  onChange(draw);
  draw(await pending());
}
