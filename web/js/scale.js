// The 0-10 pain scale as eleven buttons, each with its number and words: one tap, no
// dragging. Native radio buttons underneath, so arrow keys and screen readers work.
import {h, uid} from './dom.js';

export function painScale(vocabulary, {legend, name = uid('pain'), required = true} = {}) {
  const inputs = [];
  const fieldset = h('fieldset', {class: 'scale'},
    h('legend', {}, legend),
    h('div', {class: 'scale-buttons'}, vocabulary.pain.map((step) => {
      const input = h('input', {type: 'radio', name, value: step.value, required});
      inputs.push(input);
      return h('label', {class: `scale-button level-${step.value}`},
        input,
        h('span', {class: 'scale-number'}, step.value),
        h('span', {class: 'scale-words'}, step.words));
    })));
  return {
    element: fieldset,
    value: () => {
      const chosen = inputs.find((input) => input.checked);
      return chosen ? Number(chosen.value) : null;
    },
    set: (value) => {
      for (const input of inputs) input.checked = Number(input.value) === value;
    },
    focus: () => inputs[0].focus(),
  };
}
