// Progress: pain over time with its 7-day line, where it hurt week by week, walks and
// sessions, sitting and breaks (from `limber watch`), and the activities the pain makes
// hard (PSFS).
import {api} from './api.js';
import {announce, asOfNote, h, shortDay, uid} from './dom.js';
import {activityChart, dayTable, painChart, sittingChart} from './chart.js';

const RANGES = [
  {days: 7, label: '1 week'},
  {days: 28, label: '4 weeks'},
  {days: 84, label: '12 weeks'},
];
let chosenDays = 28;
let chosenTag = '';  // '' for every entry

function count(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function painSummary(progress) {
  if (progress.recent_pain === null) {
    return h('p', {}, 'No pain entries in this period yet. ', h('a', {href: '#/log'}, 'Log how you feel'), '.');
  }
  const parts = [h('strong', {class: 'big-number'}, progress.recent_pain.toFixed(1)), ' out of 10 over the last 7 days'];
  if (progress.start_pain !== null) {
    const change = progress.change;
    parts.push(`; ${progress.start_pain.toFixed(1)} when this episode began`);
    if (change <= -2) parts.push(h('span', {class: 'good'}, ` (${change.toFixed(1)}: a real improvement)`));
    else if (change >= 2) parts.push(h('span', {class: 'bad'}, ` (+${change.toFixed(1)}: worse, take it slower)`));
    else if (change !== 0) parts.push(` (${change > 0 ? '+' : ''}${change.toFixed(1)})`);
  }
  parts.push('.');
  return h('p', {class: 'summary'}, parts);
}

function regionTable(progress) {
  if (!progress.regions.length) return h('p', {}, 'No regions named in this period.');
  const most = Math.max(1, ...progress.regions.flatMap((r) => r.weeks));
  return h('div', {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Where it hurt, by week'},
    h('table', {class: 'heat'},
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, 'Region'),
        progress.weeks.map((week) => h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, 'Week of '),
          shortDay(week).split(' ').map((part, i) => (i ? [h('br'), part] : part)))))),
      h('tbody', {}, progress.regions.map((region) => h('tr', {},
        h('th', {scope: 'row'}, region.name),
        region.weeks.map((count) => h('td', {
          class: `heat-${count === 0 ? 0 : Math.min(4, Math.ceil((4 * count) / most))}`,
        }, count)))))));
}

function sittingSection(sitting) {
  const total = (key) => sitting.reduce((sum, day) => sum + day[key], 0);
  const longest = Math.max(0, ...sitting.map((day) => day.longest_minutes));
  const content = total('sat_minutes') === 0 && total('reminders') === 0
    ? [h('p', {}, 'Nothing recorded yet. ', h('code', {}, 'limber watch'),
      ' notices when you have sat at the computer too long and reminds you to stand up; what it sees shows here.')]
    : [h('ul', {class: 'facts'},
      h('li', {}, h('strong', {}, `${longest} minutes`), ' the longest time sitting without a break'),
      h('li', {}, h('strong', {}, count(total('breaks'), 'break')), ' taken'),
      h('li', {}, h('strong', {}, count(total('reminders'), 'reminder')), `, ${total('stood_up')} answered by standing up`)),
    sittingChart(sitting, `Longest time sitting by day; at most ${longest} minutes in this period`)];
  return h('section', {class: 'card', 'aria-labelledby': 'sitting-heading'},
    h('h2', {id: 'sitting-heading'}, 'Sitting and breaks'), content);
}

// "2 → 5 → 6, +4 since the first rating (last rated Thu 26 Nov)": each activity's ratings
// this episode, as `limber function list` shows them (issue #12).
function ratingsText(ratings) {
  if (!ratings.length) return 'Not rated yet';
  const scores = ratings.map((rating) => rating.score).join(' → ');
  const change = ratings[ratings.length - 1].score - ratings[0].score;
  const trend = ratings.length < 2 ? '' : change === 0 ? ', the same as at first'
    : `, ${change > 0 ? '+' : ''}${change} since the first rating`;
  const last = new Date(ratings[ratings.length - 1].at.slice(0, 10) + 'T12:00:00Z');
  const day = last.toLocaleDateString(undefined, {weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC'});
  return `${scores}${trend} (last rated ${day})`;
}

function functionSection(data, rerender) {
  const fn = data.function;
  const nameId = uid('activity');
  const name = h('input', {id: nameId, type: 'text', maxlength: 80, autocomplete: 'off'});
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const fail = (failure) => {
    error.textContent = failure.message;
    error.hidden = false;
  };
  const items = fn.activities.map((activity) => {
    const scoreId = uid('score');
    const rated = (fn.ratings.find((each) => each.name === activity) || {ratings: []}).ratings;
    const score = h('select', {id: scoreId},
      h('option', {value: ''}, 'Rate…'),
      Array.from({length: 11}, (_, i) => h('option', {value: i}, `${i}${i === 0 ? ' (unable)' : i === 10 ? ' (as before)' : ''}`)));
    return h('li', {class: 'activity'},
      h('span', {class: 'activity-name'}, activity),
      h('span', {class: 'activity-ratings'}, ratingsText(rated)),
      h('label', {for: scoreId, class: 'sr-only'}, `How well can you ${activity} now?`),
      score,
      h('button', {type: 'button', class: 'button', onclick: async () => {
        if (score.value === '') return fail({message: 'Choose a rating from 0 to 10 first.'});
        try {
          await api.post('/api/function/ratings', {name: activity, score: Number(score.value)});
          announce(`Rated “${activity}”: ${score.value}/10.`);
          rerender();
        } catch (failure) { fail(failure); }
      }}, 'Save'),
      h('button', {type: 'button', class: 'button quiet', 'aria-label': `Remove “${activity}”`, onclick: async () => {
        try {
          await api.del(`/api/function/activities/${encodeURIComponent(activity)}`);
          rerender();
        } catch (failure) { fail(failure); }
      }}, 'Remove'));
  });
  return h('section', {class: 'card', 'aria-labelledby': 'function-heading'},
    h('h2', {id: 'function-heading'}, 'Things the pain makes hard'),
    h('p', {class: 'hint'}, 'Name up to three everyday activities and rate each 0 (unable) to 10 (as before the pain). About 2 points is a change that matters. (Patient-Specific Functional Scale, Stratford et al.)'),
    fn.score !== null ? h('p', {class: 'summary'}, h('strong', {class: 'big-number'}, fn.score.toFixed(1)), ' out of 10',
      fn.change !== null ? ` (${fn.change > 0 ? '+' : ''}${fn.change.toFixed(1)} since the episode began)` : '') : null,
    items.length ? h('ul', {class: 'activities'}, items) : null,
    fn.activities.length < fn.max_activities ? h('form', {
      class: 'inline-form',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          await api.post('/api/function/activities', {name: name.value.trim()});
          rerender();
        } catch (failure) { fail(failure); }
      },
    }, h('label', {for: nameId}, 'Add an activity (for example “put on socks”)'),
    h('div', {class: 'inline'}, name, h('button', {type: 'submit', class: 'button'}, 'Add'))) : null,
    error);
}

// Issue 15: a plain select of the period's tags, shown once any entry has one. A tag chosen
// before stays offered when a shorter range no longer holds it (0 entries).
function tagFilter(progress, onchange) {
  if (!progress.tags.length && !chosenTag) return null;
  const id = uid('tag');
  const tags = progress.tags.some((t) => t.tag === chosenTag) || !chosenTag
    ? progress.tags
    : [...progress.tags, {tag: chosenTag, entries: 0}];
  const select = h('select', {id, onchange: () => onchange(select.value)},
    h('option', {value: '', selected: chosenTag === ''}, 'All entries'),
    tags.map((t) => h('option', {value: t.tag, selected: t.tag === chosenTag},
      `Tagged ${t.tag} (${t.entries})`)));
  return h('div', {class: 'tag-filter'},
    h('label', {for: id}, 'Entries to count'),
    select,
    chosenTag ? h('p', {class: 'hint'}, `Pain, regions, walks and sessions below count only the entries tagged ${chosenTag}.`) : null);
}

export async function render(context) {
  const view = h('section', {class: 'view'}, h('h1', {}, 'Progress'));
  const body = h('div', {});
  const rangeName = uid('range');
  const ranges = h('fieldset', {class: 'choices row segmented'},
    h('legend', {}, 'Show'),
    RANGES.map((range) => h('label', {class: 'choice'},
      h('input', {
        type: 'radio', name: rangeName, value: range.days, checked: range.days === chosenDays,
        onchange: () => { chosenDays = range.days; draw(); },
      }),
      h('span', {}, range.label))));
  async function draw() {
    const tagQuery = chosenTag ? `&tag=${encodeURIComponent(chosenTag)}` : '';
    const [progress, fn] = await Promise.all([
      api.get(`/api/progress?days=${chosenDays}${tagQuery}`),
      api.get('/api/function'),
    ]);
    const painLabel = progress.recent_pain === null
      ? 'Pain by day: no entries yet'
      : `Pain by day from ${shortDay(progress.from)} to ${shortDay(progress.to)}; the 7-day line ends at ${progress.recent_pain.toFixed(1)} out of 10`;
    body.replaceChildren(
      asOfNote(progress, 'your progress') ?? '',
      tagFilter(progress, (tag) => {
        chosenTag = tag;
        draw().then(() => body.querySelector('.tag-filter select')?.focus());
      }) ?? '',
      h('section', {class: 'card', 'aria-labelledby': 'pain-chart-heading'},
        h('h2', {id: 'pain-chart-heading'}, 'Pain'),
        painSummary(progress),
        painChart(progress, painLabel),
        dayTable(progress)),
      h('section', {class: 'card', 'aria-labelledby': 'regions-heading'},
        h('h2', {id: 'regions-heading'}, 'Where it hurt, entries per week'),
        regionTable(progress)),
      h('section', {class: 'card', 'aria-labelledby': 'moving-heading'},
        h('h2', {id: 'moving-heading'}, 'Walks and sessions'),
        h('ul', {class: 'facts'},
          h('li', {}, h('strong', {}, count(progress.walks, 'walk')), `, ${progress.walk_minutes} minutes`),
          h('li', {}, h('strong', {}, count(progress.sessions, 'session')), `, ${progress.session_minutes} minutes`,
            progress.flares ? `; ${progress.flares} followed by more pain` : '')),
        activityChart(progress, `Walking minutes and sessions by day: ${progress.walks} walks and ${progress.sessions} sessions in this period`)),
      sittingSection(progress.sitting),
      functionSection({function: fn}, draw));
  }
  await draw();
  view.append(ranges, body);
  return view;
}
