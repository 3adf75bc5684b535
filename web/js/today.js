// Today: the safety status first when it matters, then the plan with its reasons.
import {api} from './api.js';
import {h, paragraphs, shortDay} from './dom.js';
import {safetyCard} from './safety.js';

export const PARTS = {
  posture: 'Posture routine',
  'warm-up': 'Warm-up',
  main: 'Session',
  'cool-down': 'Cool-down',
  related: 'For related pains',
};

function dose(exercise) {
  const d = exercise.dose;
  const reps = d.reps ?? 1;
  let text = d.hold_seconds ? `hold ${d.hold_seconds} s` : reps === 1 ? 'once' : `${reps} times`;
  if (d.sets > 1) text += `, ${d.sets} sets`;
  return text;
}

// An exercise as a disclosure: the name and reason; its steps and "stop if" cues on open.
export function exerciseItem(exercise) {
  const body = h('div', {class: 'exercise-body'}, h('p', {}, exercise.summary));
  let loaded = false;
  const details = h('details', {
    class: 'exercise',
    ontoggle: async () => {
      if (!details.open || loaded) return;
      loaded = true;
      const full = await api.get(`/api/exercises/${encodeURIComponent(exercise.id)}`);
      body.append(
        h('h4', {}, 'Steps'),
        h('ol', {}, full.steps.map((step) => h('li', {}, step))),
        full.cues.length ? [h('h4', {}, 'Keep in mind'), h('ul', {}, full.cues.map((cue) => h('li', {}, cue)))] : null,
        h('h4', {class: 'stop'}, 'When to stop'),
        h('ul', {class: 'stop-list'}, full.stop_if.map((cue) => h('li', {}, cue))));
    },
  },
  h('summary', {},
    h('span', {class: 'exercise-name'}, exercise.name),
    h('span', {class: 'exercise-meta'}, `${exercise.minutes} min · ${dose(exercise)}`),
    exercise.reason ? h('span', {class: 'exercise-reason'}, exercise.reason) : null),
  body);
  return h('li', {}, details);
}

export async function render(context) {
  const data = await api.get('/api/today');
  const view = h('section', {class: 'view'});
  view.append(h('h1', {}, 'Today'));
  if (data.disclaimer.due && data.safety.gate !== 'needs-check') {
    view.append(h('section', {class: 'card note', 'aria-label': 'About limber'}, paragraphs(data.disclaimer.text)));
  }
  const safety = safetyCard(data.safety, context);
  if (safety) view.append(safety);
  if (data.safety.gate === 'needs-check') {
    view.append(h('section', {class: 'card note', 'aria-label': 'About limber'}, paragraphs(data.disclaimer.text)));
  }
  const plan = data.plan;
  if (!plan) return view;

  view.append(h('p', {class: 'lead'},
    `${shortDay(plan.date)} · day ${plan.day_of_episode} of this episode`));
  view.append(h('section', {class: 'card phase', 'aria-labelledby': 'phase-heading'},
    // The names come from the core (plan.phase_name), as in `limber today` and the report.
    h('h2', {id: 'phase-heading'}, `Phase: ${plan.phase_title} · level ${plan.level}`),
    h('p', {}, plan.phase_summary),
    h('p', {class: 'hint'}, plan.level_text),
    plan.flare ? h('p', {class: 'flare'}, 'Stepped back after a flare: gentler today.') : null,
    plan.notices.length ? h('ul', {class: 'notices'}, plan.notices.map((n) => h('li', {}, n))) : null));

  view.append(h('section', {class: 'card', 'aria-labelledby': 'moving-heading'},
    h('h2', {id: 'moving-heading'}, 'Keep moving'),
    h('ul', {class: 'facts'},
      h('li', {}, h('strong', {}, `Every ${plan.sitting_limit_minutes} min`), ' stand up and move.'),
      h('li', {}, h('strong', {}, `About ${plan.walk_minutes} min`), ' of walking today, in short bouts on even ground.')),
    h('a', {class: 'button', href: '#/log'}, 'Log a walk or how you feel')));

  const groups = new Map();
  for (const exercise of plan.exercises) {
    if (!groups.has(exercise.part)) groups.set(exercise.part, []);
    groups.get(exercise.part).push(exercise);
  }
  const exercises = h('section', {class: 'card', 'aria-labelledby': 'plan-heading'},
    h('h2', {id: 'plan-heading'}, 'What to do'));
  for (const [part, items] of groups) {
    exercises.append(h('h3', {}, PARTS[part] ?? part, part === 'main' ? ` (${plan.session_minutes} min)` : ''));
    exercises.append(h('ul', {class: 'exercise-list'}, items.map(exerciseItem)));
  }
  exercises.append(h('a', {class: 'button primary big', href: '#/session'}, '▶ Start the guided session'));
  view.append(exercises);

  view.append(h('section', {class: 'card', 'aria-labelledby': 'why-heading'},
    h('h2', {id: 'why-heading'}, 'Why'),
    h('ul', {class: 'reasons'}, plan.reasons.map((reason) =>
      h('li', {}, h('strong', {}, reason.tip_name), ': ', reason.text)))));
  return view;
}
