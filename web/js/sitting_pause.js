// The sitting timer's pause on the page (issue #18): one tap pauses `limber watch`'s
// reminders for 10, 30 or 60 minutes, until tomorrow or until a time of day; they come
// back by themselves, and "Resume now" ends the pause early. The pause lives in the diary
// (PUT/DELETE /api/sitting/pause); the watcher reads it when a reminder falls due. When no
// sitting timer runs on this computer, no reminder can come: the control says so instead of
// "Reminders are on" (the watcher tells the diary it runs, `timer.running`).
import {api, ApiError} from './api.js';
import {announce, fill, h} from './dom.js';

const LENGTHS = [
  {label: '10 min', body: {minutes: 10}},
  {label: '30 min', body: {minutes: 30}},
  {label: '1 hour', body: {minutes: 60}},
  {label: 'Until tomorrow', body: {until: 'tomorrow'}},
];

async function change(box, send) {
  try {
    show(box, await send());
  } catch (error) {
    announce(error instanceof ApiError ? error.message : 'Something went wrong.', 'error');
  }
}

// How to start it, in the page's words: no command line here (a person may read this on a
// phone), only the program's name to look for.
function notRunning() {
  return h('p', {class: 'hint timer-off'},
    'The sitting timer notices long sitting at your computer and reminds you to stand up. ',
    'Start limber-watch, the sitting timer program, on your computer; it can also be set to start with your desktop.');
}

function show(box, pause) {
  const running = pause.timer?.running !== false;
  if (pause.paused) {
    fill(box,
      h('p', {class: 'pause-state', role: 'status'}, pause.text),
      running ? null : notRunning(),
      h('button', {type: 'button', class: 'button', onclick: () => change(box, () => api.del('/api/sitting/pause'))},
        'Resume now'));
    return;
  }
  if (!running) {
    fill(box,
      h('p', {class: 'pause-state', role: 'status'}, 'Reminders to stand up are off: the sitting timer is not running.'),
      notRunning());
    return;
  }
  const time = h('input', {type: 'time', 'aria-label': 'Pause reminders until this time', required: true});
  fill(box,
    h('p', {class: 'pause-state', role: 'status'}, 'Reminders to stand up are on. Pause them:'),
    h('div', {class: 'pause-lengths'},
      LENGTHS.map(({label, body}) => h('button', {
        type: 'button', class: 'button',
        onclick: () => change(box, () => api.put('/api/sitting/pause', body)),
      }, label))),
    h('form', {
      class: 'pause-until',
      onsubmit: (event) => {
        event.preventDefault();
        if (time.value) change(box, () => api.put('/api/sitting/pause', {until: time.value}));
      },
    }, h('label', {}, 'Until ', time), ' ', h('button', {type: 'submit', class: 'button'}, 'Pause')));
}

// The control, filled once the pause is read; empty if the server cannot say.
export function sittingPauseControl() {
  const box = h('div', {class: 'sitting-pause', 'aria-label': 'Pause reminders to stand up'});
  api.get('/api/sitting/pause').then((pause) => show(box, pause), () => {});
  return box;
}
