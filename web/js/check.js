// The safety check: the disclaimer, then each warning sign as a yes/no question. Its
// answer comes before any plan.
import {api} from './api.js';
import {h, paragraphs, shortTime, uid} from './dom.js';
import {safetyCard} from './safety.js';

export async function render(context) {
  const data = await api.get('/api/check');
  const view = h('section', {class: 'view'}, h('h1', {}, 'Safety check'));
  view.append(h('section', {class: 'card note', 'aria-label': 'About limber'}, paragraphs(data.disclaimer)));
  if (data.safety.gate !== 'needs-check') {
    view.append(h('h2', {}, data.last_check ? `Your last result, ${shortTime(data.last_check.at)}` : 'Your last result'));
    view.append(safetyCard(data.safety, context, {headingLevel: 'h3', showSelfCare: true}));
  }
  const result = h('div', {});
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const questions = data.questions.map((question, index) => {
    const name = uid('q');
    const legendId = uid('legend');
    return {
      question,
      name,
      element: h('fieldset', {class: 'question', 'aria-labelledby': legendId},
        h('legend', {id: legendId}, h('span', {class: 'number'}, `${index + 1}.`), ' ', question.question),
        h('div', {class: 'yes-no'},
          h('label', {class: 'choice'}, h('input', {type: 'radio', name, value: 'yes'}), h('span', {}, 'Yes')),
          h('label', {class: 'choice'}, h('input', {type: 'radio', name, value: 'no'}), h('span', {}, 'No')))),
    };
  });
  // "I answered wrongly" (issue #12): a new check that corrects the last one; both are kept,
  // and the result says so.
  const correction = data.safety.gate === 'paused' ? h('label', {class: 'choice'},
    h('input', {type: 'checkbox'}),
    h('span', {}, 'I pressed a wrong answer in my last check: this check corrects it (both are kept in your diary and report)')) : null;
  const form = h('form', {
    class: 'card',
    novalidate: true,
    'aria-labelledby': 'questions-heading',
    onsubmit: async (event) => {
      event.preventDefault();
      const answers = {};
      let ended = false;
      for (const item of questions) {
        const chosen = form.querySelector(`input[name="${item.name}"]:checked`);
        if (!chosen) {
          if (ended) continue;
          error.textContent = `Please answer question ${questions.indexOf(item) + 1}. If you are not sure, answer yes.`;
          error.hidden = false;
          item.element.querySelector('input').focus();
          return;
        }
        answers[item.question.id] = chosen.value === 'yes';
        if (answers[item.question.id] && item.question.ends_questions) ended = true;
      }
      const body = {answers};
      if (correction?.querySelector('input').checked) body.correct = true;
      try {
        const outcome = await api.post('/api/check', body);
        error.hidden = true;
        form.remove();
        const card = safetyCard(outcome.safety, context, {headingLevel: 'h2', showSelfCare: true});
        card.append(h('a', {class: 'button primary', href: '#/today'},
          outcome.safety.gate === 'open' ? 'See today\'s plan' : 'Back to today'));
        result.replaceChildren(card);
        card.querySelector('h2').setAttribute('tabindex', '-1');
        card.querySelector('h2').focus();
        context.refreshSafety();
      } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
      }
    },
  },
  h('h2', {id: 'questions-heading'}, data.safety.gate === 'needs-check' ? `${questions.length} short questions` : 'Check again'),
  h('p', {class: 'hint'}, 'About warning signs that need a doctor. If you are not sure, answer yes.'),
  questions.map((item) => item.element),
  correction,
  error,
  h('button', {type: 'submit', class: 'button primary big'}, 'See the result'));
  view.append(result, form);
  return view;
}
