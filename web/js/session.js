// Session: one exercise at a time, in large text, with a big countdown and spoken cues
// (the browser's speech synthesis, behind a switch); pause, skip and stop at any moment;
// pain before and after, saved as a session entry so the plan can react to a flare.
//
// The server times each exercise in stages (GET /api/session: get ready, sets, rests);
// this page only walks through them. Time is read from Date.now(), so a tab that was in
// the background catches up, and pausing shifts the stage's start.
import {ApiError, api} from './api.js';
import {announce, h, paragraphs} from './dom.js';
import {logEntry} from './outbox.js';
import {painScale} from './scale.js';
import {safetyCard} from './safety.js';
import {PARTS} from './today.js';

const SPEECH_KEY = 'limber.speech';

let state = null;  // the session under way, kept while the person looks at other pages
let ui = null;     // the elements showing it, rebuilt on each visit

function speechOn() {
  return window.localStorage.getItem(SPEECH_KEY) === 'on';
}

function say(text) {
  if (!speechOn() || !('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

function tell(text) {
  if (ui) ui.live.textContent = text;
  say(text);
}

function mmss(seconds) {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function current() {
  const exercise = state.items[state.index];
  return {exercise, stage: exercise.stages[state.stage]};
}

function stageWords(exercise, stage) {
  const sets = exercise.dose.sets;
  switch (stage.stage) {
    case 'ready':
      return `Get ready: ${exercise.name}`;
    case 'rest':
      return `Rest before set ${stage.set} of ${sets}`;
    default:
      return sets > 1 ? `Set ${stage.set} of ${sets}` : 'Now';
  }
}

function spokenCue(exercise, stage) {
  switch (stage.stage) {
    case 'ready':
      return `Next: ${exercise.name}. ${exercise.steps[0] ?? ''}`;
    case 'rest':
      return 'Rest.';
    default: {
      const what = stage.reps ? `${stage.reps} times, slowly` : `hold for ${stage.seconds} seconds`;
      return `${exercise.dose.sets > 1 ? `Set ${stage.set}. ` : ''}${what}.`;
    }
  }
}

function beginStage(now) {
  const {exercise, stage} = current();
  state.stageStart = now;
  if (stage.stage === 'work' && !state.begun.includes(exercise.id)) state.begun.push(exercise.id);
  tell(spokenCue(exercise, stage));
}

function countActive(seconds) {
  const {stage} = current();
  if (stage.stage !== 'ready') state.activeSeconds += seconds;
}

function nextExercise(now) {
  state.index += 1;
  state.stage = 0;
  if (state.index >= state.items.length) {
    finish(false);
    return;
  }
  beginStage(now);
}

function finish(stopped) {
  window.clearInterval(state.timer);
  state.timer = null;
  state.phase = 'done';
  state.stopped = stopped;
  state.index = Math.min(state.index, state.items.length - 1);
  tell(stopped ? 'Session stopped.' : 'That is the whole session. Well done.');
  if (ui && ui.view.isConnected) ui.redraw();
}

// Moves on through every stage whose time is up (several after a long background pause).
function tick() {
  if (!state || state.phase !== 'running' || state.pausedAt !== null) return;
  const now = Date.now();
  for (;;) {
    const {stage} = current();
    const end = state.stageStart + stage.seconds * 1000;
    if (now < end) break;
    countActive(stage.seconds);
    if (state.stage + 1 < state.items[state.index].stages.length) {
      state.stage += 1;
      beginStage(end);
    } else {
      nextExercise(end);
      if (state.phase !== 'running') return;
    }
  }
  if (ui && ui.view.isConnected) ui.update();
}

function elapsedSeconds() {
  const now = state.pausedAt ?? Date.now();
  return Math.floor((now - state.stageStart) / 1000);
}

function start(data, before) {
  state = {
    phase: 'running', items: data.exercises, before, index: 0, stage: 0, stageStart: 0,
    pausedAt: null, begun: [], activeSeconds: 0, stopped: false, timer: null, saved: null,
  };
  beginStage(Date.now());
  state.timer = window.setInterval(tick, 250);
}

function pauseOrResume() {
  if (state.pausedAt === null) {
    state.pausedAt = Date.now();
    tell('Paused.');
  } else {
    state.stageStart += Date.now() - state.pausedAt;
    state.pausedAt = null;
    tell('Going on.');
  }
  ui.update();
}

function skip() {
  const now = state.pausedAt ?? Date.now();
  countActive(Math.min(current().stage.seconds, Math.floor((now - state.stageStart) / 1000)));
  if (state.pausedAt !== null) state.pausedAt = null;
  tell('Skipped.');
  nextExercise(Date.now());
  if (ui) ui.update();
}

function stop() {
  countActive(Math.min(current().stage.seconds, elapsedSeconds()));
  finish(true);
}

function speechSwitch() {
  const box = h('input', {
    type: 'checkbox', role: 'switch', id: 'speech-switch', checked: speechOn(),
    onchange: () => {
      window.localStorage.setItem(SPEECH_KEY, box.checked ? 'on' : 'off');
      if (!box.checked && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    },
  });
  return h('label', {class: 'switch', for: 'speech-switch'}, box,
    h('span', {class: 'switch-track', 'aria-hidden': 'true'}), h('span', {}, 'Spoken cues'));
}

function startScreen(context, data) {
  const scale = painScale(context.vocabulary, {legend: 'Before you start: how bad is the pain now?'});
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const minutes = data.minutes;
  return h('section', {class: 'view'},
    h('h1', {}, data.posture_only ? 'Posture routine' : 'Guided session'),
    h('p', {class: 'lead'}, `${data.exercises.length} exercises, about ${minutes} minutes. Stop whenever you need to.`),
    data.notes.length ? h('ul', {class: 'notices'}, data.notes.map((note) => h('li', {}, note))) : null,
    h('ol', {class: 'session-list card'}, data.exercises.map((exercise) => h('li', {},
      h('strong', {}, exercise.name), ` · ${PARTS[exercise.part] ?? exercise.part}, ${exercise.minutes} min`))),
    h('form', {
      class: 'card',
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        const before = scale.value();
        if (before === null) {
          error.textContent = 'Choose how bad the pain is before you start (0 to 10).';
          error.hidden = false;
          scale.focus();
          return;
        }
        start(data, before);
        context.go('session');
      },
    }, scale.element, speechSwitch(), error,
    h('button', {type: 'submit', class: 'button primary big'}, '▶ Start')));
}

function runningScreen() {
  const name = h('h1', {class: 'session-name'});
  const counter = h('p', {class: 'session-counter'});
  const stageLabel = h('p', {class: 'stage-label'});
  const clock = h('p', {class: 'countdown', 'aria-hidden': 'true'});
  const reps = h('p', {class: 'reps'});
  const steps = h('ol', {class: 'steps'});
  const stopIf = h('ul', {class: 'stop-list'});
  const live = h('p', {class: 'sr-only', 'aria-live': 'polite'});
  const pause = h('button', {type: 'button', class: 'button big', onclick: pauseOrResume});
  const skipButton = h('button', {type: 'button', class: 'button big', onclick: skip}, 'Skip');
  const stopButton = h('button', {type: 'button', class: 'button big danger', onclick: stop}, 'Stop');
  let shown = -1;
  const view = h('section', {class: 'view session-running'},
    counter, name, stageLabel, clock, reps,
    h('div', {class: 'session-controls'}, pause, skipButton, stopButton),
    speechSwitch(),
    h('section', {class: 'card', 'aria-label': 'How to do it'}, h('h2', {}, 'How'), steps),
    h('section', {class: 'card stop-card', 'aria-label': 'When to stop'}, h('h2', {}, 'When to stop'), stopIf),
    live);
  ui = {
    view,
    live,
    update() {
      if (state.phase !== 'running') return;
      const {exercise, stage} = current();
      if (shown !== state.index) {
        shown = state.index;
        name.textContent = exercise.name;
        counter.textContent = `Exercise ${state.index + 1} of ${state.items.length} · ${PARTS[exercise.part] ?? exercise.part}`;
        steps.replaceChildren(...exercise.steps.map((s) => h('li', {}, s)));
        stopIf.replaceChildren(...exercise.stop_if.map((s) => h('li', {}, s)));
      }
      const elapsed = elapsedSeconds();
      stageLabel.textContent = stageWords(exercise, stage) + (state.pausedAt !== null ? ' · paused' : '');
      clock.textContent = mmss(stage.seconds - elapsed);
      clock.classList.toggle('paused', state.pausedAt !== null);
      reps.textContent = stage.stage === 'work' && stage.reps
        ? `Rep ${Math.min(stage.reps, Math.floor(elapsed / stage.rep_seconds) + 1)} of ${stage.reps}` : '';
      pause.textContent = state.pausedAt === null ? 'Pause' : 'Go on';
    },
    redraw() {
      const main = document.getElementById('main');
      main.replaceChildren(doneScreen(ui.context));
      main.querySelector('h1')?.focus();
    },
    context: null,
  };
  ui.update();
  return view;
}

function doneScreen(context) {
  const view = h('section', {class: 'view'});
  view.append(h('h1', {tabindex: '-1'}, state.stopped ? 'Session stopped' : 'Session done'));
  if (state.saved) {
    view.append(h('p', {class: 'card ok'}, state.saved));
    view.append(h('a', {class: 'button primary big', href: '#/today', onclick: () => { state = null; }}, 'Back to today'));
    return view;
  }
  if (!state.begun.length) {
    view.append(h('p', {class: 'card'}, 'No exercise was started, so there is nothing to save.'));
    view.append(h('a', {class: 'button primary big', href: '#/today', onclick: () => { state = null; }}, 'Back to today'));
    return view;
  }
  const minutes = Math.min(180, Math.max(1, Math.ceil(state.activeSeconds / 60)));
  const scale = painScale(context.vocabulary, {legend: 'And now: how bad is the pain?'});
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  view.append(
    h('p', {class: 'lead'}, `${state.begun.length} exercise${state.begun.length === 1 ? '' : 's'}, ${minutes} min. Pain before: ${state.before}.`),
    h('form', {
      class: 'card',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const after = scale.value();
        if (after === null) {
          error.textContent = 'Choose how bad the pain is now (0 to 10).';
          error.hidden = false;
          scale.focus();
          return;
        }
        try {
          const sent = await logEntry({
            kind: 'session', exercises: state.begun, pain_before: state.before, pain_after: after, minutes,
          });
          state.saved = sent.waiting
            ? 'Kept on this phone: limber is not answering. The session goes to the diary when it does.'
            : after - state.before >= 2
            ? 'Saved. The pain is 2 or more points higher than before: that is useful to know. Tomorrow\'s plan steps back a little. If it stays worse, rest and ask a clinician.'
            : 'Saved. Well done for moving today.';
          announce(sent.waiting ? 'Session kept on this phone.' : 'Session saved.');
          view.replaceWith(doneScreen(context));
          document.querySelector('#main h1')?.focus();
        } catch (failure) {
          error.textContent = failure.message;
          error.hidden = false;
        }
      },
    }, scale.element, error, h('button', {type: 'submit', class: 'button primary big'}, 'Save the session')));
  return view;
}

export async function render(context) {
  if (state && state.phase === 'running') {
    const view = runningScreen();
    ui.context = context;
    return view;
  }
  if (state && state.phase === 'done') {
    ui = null;
    return doneScreen(context);
  }
  let data;
  try {
    data = await api.get('/api/session');
  } catch (error) {
    // 409: the safety status refuses a session (a paused plan, or no check yet).
    if (!(error instanceof ApiError) || error.status !== 409 || !error.data?.safety) throw error;
    const view = h('section', {class: 'view'}, h('h1', {}, 'Session'));
    view.append(safetyCard(error.data.safety, context));
    return view;
  }
  if (!data.exercises.length) {
    return h('section', {class: 'view'}, h('h1', {}, 'Session'), paragraphs('There is nothing to guide today.'));
  }
  return startScreen(context, data);
}
