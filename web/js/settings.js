// More: the safety check, the muscle self-check and the styles, as forms; a new episode.
import {api} from './api.js';
import {announce, h, uid} from './dom.js';

const MUSCLE_NAMES = {
  'deep-abs': 'Deep abdominals', obliques: 'Side abdominals (obliques)', glutes: 'Buttocks (glutes)',
  'hip-flexors': 'Front of the hips (hip flexors)', hamstrings: 'Back of the thighs (hamstrings)',
  quads: 'Front of the thighs (quadriceps)', 'lower-back': 'Lower back', 'upper-back': 'Upper back',
  neck: 'Neck', shoulders: 'Shoulders', calves: 'Calves',
};

export async function renderMore() {
  const episode = await api.get('/api/episode');
  const confirm = h('button', {
    type: 'button', class: 'button danger', hidden: true,
    onclick: async () => {
      const started = await api.post('/api/episode', {});
      announce(`Started episode ${started.number}. Your plan starts again gently; your diary is kept.`);
      location.hash = '#/log';
    },
  }, 'Yes, my back has locked again');
  return h('section', {class: 'view'},
    h('h1', {}, 'More'),
    h('ul', {class: 'menu'},
      h('li', {}, h('a', {href: '#/check'}, h('strong', {}, 'Safety check'), h('span', {}, 'Warning signs that need a doctor'))),
      h('li', {}, h('a', {href: '#/muscles'}, h('strong', {}, 'Muscle self-check'), h('span', {}, 'Weak or tight muscles shape the plan'))),
      h('li', {}, h('a', {href: '#/preferences'}, h('strong', {}, 'Styles you enjoy'), h('span', {}, 'Ballet, capoeira, flamenco, Pilates, yoga'))),
      h('li', {}, h('a', {href: '#/report'}, h('strong', {}, 'Report for your physical therapist'), h('span', {}, 'A printable PDF of your diary'))),
      h('li', {}, h('a', {href: '#/phone'}, h('strong', {}, 'Phone'), h('span', {}, 'Pair a phone, or end a phone\'s access')))),
    h('section', {class: 'card', 'aria-labelledby': 'episode-heading'},
      h('h2', {id: 'episode-heading'}, `Episode ${episode.number}`),
      h('p', {}, 'When your back locks again after a good spell, start a new episode: the plan begins again from rest, and your diary is kept.'),
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'button', onclick: (event) => {
          confirm.hidden = false;
          event.currentTarget.setAttribute('aria-expanded', 'true');
          confirm.focus();
        }, 'aria-expanded': 'false'}, 'Start a new episode'),
        confirm)));
}

export async function renderMuscles(context) {
  const preferences = await api.get('/api/preferences');
  const rows = context.vocabulary.muscles.map((id) => {
    const name = uid('muscle');
    const state = preferences.weak.includes(id) ? 'weak' : preferences.tight.includes(id) ? 'tight' : 'fine';
    return {id, name, element: h('fieldset', {class: 'muscle'},
      h('legend', {}, MUSCLE_NAMES[id] ?? id),
      h('div', {class: 'three'}, ['fine', 'weak', 'tight'].map((value) => h('label', {class: 'choice'},
        h('input', {type: 'radio', name, value, checked: value === state}),
        h('span', {}, {fine: 'Fine', weak: 'Weak', tight: 'Tight'}[value])))))};
  });
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      const weak = [];
      const tight = [];
      for (const row of rows) {
        const value = form.querySelector(`input[name="${row.name}"]:checked`)?.value;
        if (value === 'weak') weak.push(row.id);
        if (value === 'tight') tight.push(row.id);
      }
      try {
        await api.put('/api/preferences', {weak, tight});
        error.hidden = true;
        announce('Saved. Your plan now strengthens the weak muscles and relaxes the tight ones.');
      } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
      }
    },
  },
  rows.map((row) => row.element), error,
  h('button', {type: 'submit', class: 'button primary big'}, 'Save'));
  return h('section', {class: 'view'},
    h('h1', {}, 'Muscle self-check'),
    h('p', {class: 'lead'}, 'Which muscles feel weak (tire fast, hard to switch on) or tight (stiff, over-used)? The plan strengthens the weak and relaxes the tight. A physical therapist can check this properly.'),
    form);
}

export async function renderPreferences(context) {
  const preferences = await api.get('/api/preferences');
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      const styles = [...form.querySelectorAll('input[name="style"]:checked')].map((box) => box.value);
      try {
        await api.put('/api/preferences', {styles});
        error.hidden = true;
        announce('Saved. Sessions now draw on the styles you chose.');
      } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
      }
    },
  },
  h('fieldset', {class: 'choices'},
    h('legend', {}, 'Styles for your sessions, once you can walk'),
    // Basics are in every plan: shown ticked, and not something to untick.
    context.vocabulary.styles.map((id) => h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: 'style', value: id, checked: id === 'basics' || preferences.styles.includes(id), disabled: id === 'basics'}),
      h('span', {}, context.vocabulary.style_names?.[id] ?? id, id === 'basics' ? ' (always included)' : '')))),
  error,
  h('button', {type: 'submit', class: 'button primary big'}, 'Save'));
  return h('section', {class: 'view'}, h('h1', {}, 'Styles you enjoy'), form);
}
