// The safety result as a card: it comes first wherever it matters, in plain words, with
// the one thing to do next.
import {api} from './api.js';
import {announce, h, paragraphs} from './dom.js';

const HEADINGS = {
  'needs-check': 'First, a short safety check',
  emergency: 'Get help now',
  urgent: 'Contact a doctor today',
  'see-clinician': 'Book a visit with a clinician',
  'self-care': 'No warning signs found',
};

export function safetyCard(safety, context, {headingLevel = 'h2', showSelfCare = false} = {}) {
  if (safety.gate === 'open' && safety.level === 'self-care' && !showSelfCare) return null;
  const key = safety.gate === 'needs-check' ? 'needs-check' : safety.level;
  const danger = safety.level === 'emergency' || safety.level === 'urgent';
  const card = h('section', {
    class: `card safety ${danger ? 'danger' : safety.gate === 'open' && safety.level === 'self-care' ? 'ok' : 'warn'}`,
    'aria-labelledby': 'safety-heading',
  });
  card.append(h(headingLevel, {id: 'safety-heading'}, HEADINGS[key] ?? 'Safety'));
  card.append(...paragraphs(safety.advice));
  if (safety.next && safety.gate !== 'needs-check') card.append(h('p', {class: 'next'}, safety.next));
  if (safety.gate === 'needs-check') {
    card.append(h('a', {class: 'button primary', href: '#/check'}, 'Start the safety check'));
  } else if (safety.level !== 'self-care') {
    card.append(clinicianButton(context));
  }
  return card;
}

// "A clinician has seen me", with a second tap to confirm: it lifts the pause.
export function clinicianButton(context) {
  const wrap = h('div', {class: 'actions'});
  const confirm = h('button', {
    type: 'button',
    class: 'button primary',
    hidden: true,
    onclick: async () => {
      const result = await api.post('/api/clinician-visit', {});
      announce(result.safety.gate === 'open'
        ? 'Recorded: a clinician has seen you. Your plan is back.'
        : 'Recorded: a clinician has seen you.');
      context.go('today');
    },
  }, 'Yes, record the visit now');
  const ask = h('button', {
    type: 'button',
    class: 'button',
    onclick: () => {
      confirm.hidden = false;
      ask.setAttribute('aria-expanded', 'true');
      confirm.focus();
    },
    'aria-expanded': 'false',
  }, 'A clinician has seen me');
  wrap.append(ask, confirm);
  return wrap;
}
