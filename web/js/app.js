// The page: a hash router over the views, each a module that renders into <main>. Every
// piece of data comes from the JSON API (api.js); the browser keeps only the speech switch,
// entries not yet sent (outbox.js) and, in the service worker (sw.js), the page and the
// last answers it read, for when the phone is offline.
import {ApiError, api} from './api.js';
import {announce, fill, h} from './dom.js';
import * as today from './today.js';
import * as log from './log.js';
import * as progress from './progress.js';
import * as session from './session.js';
import * as check from './check.js';
import * as settings from './settings.js';
import * as report from './report.js';
import * as outbox from './outbox.js';
import * as outboxView from './outbox_view.js';
import * as phone from './phone.js';

// `vocabulary: false`: the view reads nothing of /api/vocabulary, so it is drawn while the
// vocabulary loads (a reload shows Today sooner, issue 14); every other view waits for it.
const views = {
  today: {tab: 'today', render: today.render, vocabulary: false},
  log: {tab: 'log', render: log.render},
  session: {tab: 'session', render: session.render},
  progress: {tab: 'progress', render: progress.render},
  more: {tab: 'more', render: settings.renderMore},
  check: {tab: 'more', render: check.render},
  muscles: {tab: 'more', render: settings.renderMuscles},
  preferences: {tab: 'more', render: settings.renderPreferences},
  report: {tab: 'more', render: report.render},
  phone: {tab: 'more', render: phone.render},
};

const context = {
  vocabulary: null,
  vocabularyLoad: null,
  today: null,  // the answer of GET /api/today the view just drawn read, for the pill
  go(name) {
    if (location.hash === `#/${name}`) route();
    else location.hash = `#/${name}`;
  },
  async refreshSafety() {
    try {
      const data = await api.get('/api/today');
      showSafetyPill(data.safety);
      return data;
    } catch {
      return null;
    }
  },
};

function showSafetyPill(safety) {
  const pill = document.getElementById('safety-pill');
  const words = {
    'needs-check': 'Safety check needed',
    paused: 'Plans paused',
  };
  const text = safety.gate === 'open'
    ? (safety.level === 'see-clinician' ? 'See a clinician soon' : '')
    : words[safety.gate];
  pill.hidden = !text;
  pill.textContent = text || '';
  pill.className = `safety-pill ${safety.gate === 'paused' ? 'danger' : 'warn'}`;
}

let firstRoute = true;
let routing = 0;

async function route() {
  const name = location.hash.replace(/^#\/?/, '') || 'today';
  const view = views[name] ?? views.today;
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.tab === view.tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  const ticket = ++routing;
  context.today = null;
  try {
    context.vocabularyLoad ??= api.get('/api/vocabulary').then((vocabulary) => {
      context.vocabulary = vocabulary;
    }, (failure) => {
      context.vocabularyLoad = null;  // asked again by the next view that needs it
      throw failure;
    });
    if (view.vocabulary !== false) await context.vocabularyLoad;
    else context.vocabularyLoad.catch(() => {});
    const content = await view.render(context);
    if (ticket !== routing) return;  // another view was asked for meanwhile
    fill(main, content);
  } catch (error) {
    if (ticket !== routing) return;
    const message = error instanceof ApiError ? error.message : `Something went wrong: ${error}`;
    fill(main, h('section', {class: 'view'},
      h('h1', {tabindex: '-1'}, 'limber cannot show this page'),
      h('p', {class: 'card error'}, message)));
  }
  const heading = main.querySelector('h1');
  if (!firstRoute && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
  firstRoute = false;
  const title = heading ? heading.textContent : 'limber';
  document.title = `${title} · limber`;
  // Today has just read the safety status: the pill takes it from there, not from a second
  // request (a reload asks the server once for Today, issue 14).
  if (context.today && ticket === routing) showSafetyPill(context.today.safety);
  else context.refreshSafety();
}

window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (event) => {
  const error = event.reason;
  announce(error instanceof ApiError ? error.message : 'Something went wrong.', 'error');
});
route();
outboxView.show().then(() => outbox.start()).catch(() => {});
// The page opens offline and keeps the plan readable (sw.js). A browser without service
// workers, or a page not in a secure context, works as before, online only.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
