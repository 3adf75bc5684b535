// Today: the safety status first when it matters, then the plan with its reasons.
import {api} from './api.js';
import {asOfNote, h, paragraphs, shortDay} from './dom.js';
import {safetyCard} from './safety.js';
import {sittingPauseControl} from './sitting_pause.js';

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
    // Issue 15: an exercise the person added from their therapist says so at a glance.
    exercise.from_therapist ? h('span', {class: 'badge from-therapist'}, 'From your therapist') : null,
    h('span', {class: 'exercise-meta'}, `${exercise.minutes} min · ${dose(exercise)}`),
    exercise.reason ? h('span', {class: 'exercise-reason'}, exercise.reason) : null),
  body);
  return h('li', {}, details);
}

export async function render(context) {
  const data = await api.get('/api/today');
  context.today = data;
  const view = h('section', {class: 'view'});
  view.append(h('h1', {}, 'Today'));
  const asOf = asOfNote(data, 'the plan');
  if (asOf) view.append(asOf);
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

  const flareLine = plan.flare ? 'Stepped back after a flare: gentler today.'
    : plan.days_since_flare !== null && plan.days_since_flare !== undefined
      ? `${plan.days_since_flare} day${plan.days_since_flare === 1 ? '' : 's'} since the last flare.` : null;
  view.append(h('p', {class: 'lead'},
    `${shortDay(plan.date)} · day ${plan.day_of_episode} of this episode`));
  // What to do now comes first, with the start button on the first screen of a phone
  // (issue #12); the reasons wait in a fold.
  const groups = new Map();
  for (const exercise of plan.exercises) {
    if (!groups.has(exercise.part)) groups.set(exercise.part, []);
    groups.get(exercise.part).push(exercise);
  }
  const sessionParts = ['warm-up', 'main', 'cool-down'];
  const exercises = h('section', {class: 'card', 'aria-labelledby': 'plan-heading'},
    h('h2', {id: 'plan-heading'}, 'What to do'),
    // The names come from the core (plan.phase_title), as in `limber today` and the report.
    h('h3', {}, `Phase: ${plan.phase_title} · level ${plan.level}`),
    h('p', {class: 'hint'}, plan.level_text),
    flareLine ? h('p', {class: plan.flare ? 'flare' : 'hint'}, flareLine) : null,
    plan.notices.length ? h('ul', {class: 'notices'}, plan.notices.map((n) => h('li', {}, n))) : null,
    plan.offer_check ? h('a', {class: 'button', href: '#/check'}, 'Take the safety check again') : null,
    plan.ask_ratings ? h('a', {class: 'button', href: '#/progress'}, 'Rate the activities on Progress') : null,
    plan.ask_leg_pain ? h('p', {class: 'notices'},
      'Does the pain in your leg shoot, tingle or go below the knee? ',
      h('a', {href: '#/log'}, 'Say so with your next entry'),
      ': until then the plan leaves out stretches that pull on a nerve.') : null,
    h('a', {class: 'button primary big', href: '#/session'},
      plan.session_minutes > 0 ? `▶ Start the session (${plan.session_minutes} min)` : '▶ Start the posture routine'));
  const list = (heading, items, tag) => {
    if (!items.length) return;
    exercises.append(h('h3', {}, heading));
    exercises.append(h(tag, {class: 'exercise-list'}, items.map(exerciseItem)));
  };
  const minutes = (items) => items.reduce((sum, e) => sum + e.minutes, 0);
  const posture = groups.get('posture') ?? [];
  const session = sessionParts.flatMap((part) => groups.get(part) ?? []);
  const related = groups.get('related') ?? [];
  list(`${PARTS.posture} (${minutes(posture)} min)`, posture, 'ul');
  list(`Session (${plan.session_minutes} min): warm-up, main part, cool-down`, session, 'ol');
  list(`${PARTS.related} (${minutes(related)} min)`, related, 'ul');
  view.append(exercises);

  if (plan.flare_advice?.length) {
    view.append(h('section', {class: 'card', 'aria-labelledby': 'flare-heading'},
      h('h2', {id: 'flare-heading'}, 'After a flare, for two days'),
      h('ul', {}, plan.flare_advice.map((line) => h('li', {}, line)))));
  }

  view.append(h('section', {class: 'card', 'aria-labelledby': 'moving-heading'},
    h('h2', {id: 'moving-heading'}, 'Keep moving'),
    h('ul', {class: 'facts'}, (plan.keep_moving ?? []).map((line) => h('li', {}, line))),
    sittingPauseControl(),
    h('a', {class: 'button', href: '#/log'}, 'Log a walk or how you feel')));

  view.append(h('details', {class: 'card why'},
    h('summary', {}, h('h2', {id: 'why-heading'}, 'Why this plan')),
    h('p', {}, plan.phase_summary),
    h('ul', {class: 'reasons'}, plan.reasons.map((reason) =>
      h('li', {}, h('strong', {}, reason.tip_name), ': ', reason.text)))));
  return view;
}
