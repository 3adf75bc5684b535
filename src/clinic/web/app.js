// The therapist's page: log in, the caseload by need, a patient's charts and report.
// Everything is drawn with the DOM (no HTML strings), from the clinic's own API only.
import {setUpExercises, showExercises} from './exercises.js';

const SVG = 'http://www.w3.org/2000/svg';

const NEEDS = {
  'emergency-check': 'Check: get help now',
  'urgent-check': 'Check: a doctor today',
  'pain-rising': 'Pain rising',
  'flare': 'A flare this week',
  'no-entry': 'Nothing for 3 days',
  'steady': 'Steady',
};

const LEVELS = {
  'self-care': 'Home care',
  'see-clinician': 'See a clinician soon',
  'urgent': 'A doctor today',
  'emergency': 'Get help now',
};

const $ = (id) => document.getElementById(id);

function element(name, attributes = {}, text) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgElement(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

class LoggedOut extends Error {}

async function api(path, options = {}) {
  const answer = await fetch(path, {headers: {Accept: 'application/json'}, ...options});
  if (answer.status === 401 && path !== '/api/login') throw new LoggedOut();
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new Error(body.error || `The clinic's server answered ${answer.status}.`);
  return body;
}

function show(view) {
  for (const id of ['login-view', 'caseload-view', 'patient-view']) $(id).hidden = id !== view;
  $('logout').hidden = view === 'login-view';
  $('status').textContent = '';
}

function signed(value) {
  if (value === null || value === undefined) return '—';
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
}

function when(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const date = new Date(seconds * 1000);
  return date.toLocaleString(undefined, {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});
}

// The 14 daily means as a small line; a gap where a day has no rating.
function sparkline(days) {
  const width = 112;
  const height = 28;
  const step = width / Math.max(days.length - 1, 1);
  const y = (pain) => height - 2 - (pain / 10) * (height - 4);
  const rated = days.map((pain, index) => ({pain, index})).filter((point) => point.pain !== null);
  const words = rated.length === 0
    ? 'No pain ratings in the last 14 days'
    : `Pain over the last 14 days, oldest first: ${days.map((pain) => (pain === null ? 'none' : pain)).join(', ')}`;
  const svg = svgElement('svg', {class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': words});
  svg.append(svgElement('line', {class: 'base', x1: 0, x2: width, y1: height - 1, y2: height - 1}));
  let path = '';
  let previous = -2;
  for (const {pain, index} of rated) {
    path += `${index === previous + 1 ? 'L' : 'M'}${(index * step).toFixed(1)},${y(pain).toFixed(1)} `;
    previous = index;
  }
  if (path) svg.append(svgElement('path', {class: 'line', d: path.trim()}));
  for (const {pain, index} of rated) {
    svg.append(svgElement('circle', {class: 'dot', cx: (index * step).toFixed(1), cy: y(pain).toFixed(1), r: 1.6}));
  }
  return svg;
}

function cell(content, className) {
  const td = element('td', className ? {class: className} : {});
  if (content instanceof Node) td.append(content);
  else td.textContent = content;
  return td;
}

async function showCaseload() {
  const {patients} = await api('/api/caseload');
  const body = $('caseload').querySelector('tbody');
  body.replaceChildren();
  for (const patient of patients) {
    const row = element('tr', {'data-need': patient.need});
    const name = element('th', {scope: 'row'});
    name.append(element('a', {href: `#patient/${patient.id}`}, patient.name));
    row.append(name);
    row.append(cell(element('span', {class: `need need-${patient.need}`}, NEEDS[patient.need] ?? patient.need)));
    row.append(cell(sparkline(patient.pain_days)));
    row.append(cell(signed(patient.pain_change), 'number'));
    row.append(cell(String(patient.active_days), 'number'));
    row.append(cell(signed(patient.psfs_change), 'number'));
    const check = element('td');
    if (patient.last_check) {
      check.append(element('span', {class: `level level-${patient.last_check}`}, LEVELS[patient.last_check] ?? patient.last_check));
      check.append(element('span', {class: 'when'}, when(patient.last_check_at)));
    } else {
      check.textContent = 'None yet';
    }
    row.append(check);
    body.append(row);
  }
  $('caseload-empty').hidden = patients.length > 0;
  show('caseload-view');
}

// Bars for each day's mean pain, the report's 7-day line over them.
function painChart(days) {
  const width = 720;
  const height = 200;
  const left = 28;
  const bottom = 22;
  const plot = height - bottom - 8;
  const step = (width - left - 4) / Math.max(days.length, 1);
  const y = (pain) => 8 + plot - (pain / 10) * plot;
  const rated = days.filter((day) => day.pain_mean !== null).length;
  const svg = svgElement('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Mean pain each day from ${days[0]?.date} to ${days.at(-1)?.date}, ${rated} days rated, with the 7-day average as a line`});
  for (const level of [0, 5, 10]) {
    svg.append(svgElement('line', {class: 'grid', x1: left, x2: width, y1: y(level), y2: y(level)}));
    const label = svgElement('text', {x: 4, y: y(level) + 4});
    label.textContent = String(level);
    svg.append(label);
  }
  days.forEach((day, index) => {
    if (day.pain_mean !== null) {
      svg.append(svgElement('rect', {class: 'bar-fill', x: (left + index * step + 1).toFixed(1), y: y(day.pain_mean).toFixed(1),
        width: Math.max(step - 2, 1).toFixed(1), height: (y(0) - y(day.pain_mean)).toFixed(1)}));
    }
  });
  let path = '';
  let joined = false;
  days.forEach((day, index) => {
    if (day.pain_7day === null) { joined = false; return; }
    path += `${joined ? 'L' : 'M'}${(left + index * step + step / 2).toFixed(1)},${y(day.pain_7day).toFixed(1)} `;
    joined = true;
  });
  if (path) svg.append(svgElement('path', {class: 'line', d: path.trim()}));
  const labels = [0, Math.floor(days.length / 2), days.length - 1].filter((index, at, all) => days[index] && all.indexOf(index) === at);
  for (const index of labels) {
    const anchor = index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle';
    const x = index === days.length - 1 ? left + (index + 1) * step : left + index * step;
    const text = svgElement('text', {x: x.toFixed(1), y: height - 6, 'text-anchor': anchor});
    text.textContent = days[index].date;
    svg.append(text);
  }
  return svg;
}

function walkChart(weeks) {
  const width = 720;
  const height = 140;
  const bottom = 22;
  const most = Math.max(30, ...weeks.map((week) => week.walk_minutes));
  const step = width / Math.max(weeks.length, 1);
  const svg = svgElement('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Minutes walked each week: ${weeks.map((week) => `week of ${week.from}, ${week.walk_minutes} minutes in ${week.walks} walks`).join('; ')}`});
  svg.append(svgElement('line', {class: 'axis', x1: 0, x2: width, y1: height - bottom, y2: height - bottom}));
  weeks.forEach((week, index) => {
    const tall = ((height - bottom - 16) * week.walk_minutes) / most;
    svg.append(svgElement('rect', {class: 'walk-fill', x: (index * step + 4).toFixed(1), y: (height - bottom - tall).toFixed(1),
      width: Math.max(step - 8, 2).toFixed(1), height: tall.toFixed(1)}));
    const label = svgElement('text', {x: (index * step + 4).toFixed(1), y: height - 6});
    label.textContent = `${week.from.slice(5)}: ${week.walk_minutes} min`;
    svg.append(label);
  });
  return svg;
}

// The report's week lines: walks, sessions and, when the patient's limber watch records
// it, the time sat at the computer and how many stretches it came in.
function weekTable(weeks) {
  const sat = weeks.some((week) => week.sitting_bouts > 0);
  const names = ['Week of', 'Walks', 'Minutes walked', 'Exercise sessions'];
  if (sat) names.push('Hours sat at the computer', 'Stretches of sitting');
  const rows = weeks.map((week) => {
    const cells = [week.from, [String(week.walks), 'number'], [String(week.walk_minutes), 'number'], [String(week.sessions), 'number']];
    if (sat) cells.push([(week.sat_minutes / 60).toFixed(1), 'number'], [String(week.sitting_bouts), 'number']);
    return cells;
  });
  const parts = [table('Walks, exercise sessions and sitting, week by week', names, rows)];
  if (!sat) parts.push(element('p', {class: 'hint'}, 'No sitting recorded in these days: the patient\'s limber watch records it when it runs.'));
  return parts;
}

function table(caption, names, rows) {
  const node = element('table');
  node.append(element('caption', {class: 'hidden'}, caption));
  const head = element('tr');
  for (const name of names) head.append(element('th', {scope: 'col'}, name));
  const thead = element('thead');
  thead.append(head);
  node.append(thead);
  const body = element('tbody');
  for (const cells of rows) {
    const row = element('tr');
    row.append(element('th', {scope: 'row'}, cells[0]));
    for (const [content, className] of cells.slice(1)) row.append(cell(content, className));
    body.append(row);
  }
  node.append(body);
  return node;
}

// Where the days began and ended, and each step up or back, as the report words them.
function mobilitySection(mobility) {
  if (mobility.start === null) return [element('p', {class: 'empty'}, 'No pain entries in these days say how they got about.')];
  const parts = [element('p', {}, `At the start of these days: ${mobility.start}. At the end: ${mobility.end}.`)];
  if (mobility.steps.length) {
    const list = element('ul');
    for (const step of mobility.steps) {
      list.append(element('li', {'data-change': step.change}, step.change === 'up'
        ? `${step.date}: first noted: ${step.words}`
        : `${step.date}: slid back: ${step.words} (from ${step.from})`));
    }
    parts.push(list);
  }
  return parts;
}

function sessionsSection(sessions) {
  if (sessions.total === 0) return [element('p', {class: 'empty'}, 'No exercise sessions logged in these days.')];
  const parts = [];
  if (sessions.total > sessions.lines.length) parts.push(element('p', {class: 'hint'}, `${sessions.total} sessions in these days; the latest ${sessions.lines.length}:`));
  parts.push(table('Exercise sessions, with the pain before and after each', ['When', 'Minutes', 'Pain before', 'Pain after', 'Exercises'],
    sessions.lines.map((line) => [`${line.date} ${line.time}`, [String(line.minutes), 'number'], [String(line.pain_before), 'number'],
      [String(line.pain_after), line.pain_after - line.pain_before >= 2 ? 'number worse' : 'number'], [line.exercises.join(', ')]])));
  return parts;
}

function reliefsSection(reliefs) {
  if (reliefs.lines.length === 0) return [element('p', {class: 'empty'}, 'No relief logged in these days.')];
  const list = element('ul');
  for (const line of reliefs.lines) {
    const what = line.name ? `${line.words}: ${line.name}` : line.words;
    const when = line.first === line.last ? line.first : `${line.first} to ${line.last}`;
    list.append(element('li', {}, `${what}, ${line.times} time${line.times === 1 ? '' : 's'} (${when})`));
  }
  const parts = [list];
  if (reliefs.kinds_total > reliefs.lines.length) parts.push(element('p', {class: 'hint'}, `And ${reliefs.kinds_total - reliefs.lines.length} more, used less often.`));
  return parts;
}

// Notes come only from a patient who chose to share them (limber share --notes).
function notesSection(notes) {
  if (notes.total === 0) return [element('p', {class: 'empty'}, 'No notes shared in these days. A patient shares notes only when they choose to.')];
  const parts = [];
  if (notes.total > notes.lines.length) parts.push(element('p', {class: 'hint'}, `${notes.total} notes in these days; the latest ${notes.lines.length}:`));
  const list = element('ul', {class: 'notes'});
  for (const line of notes.lines) list.append(element('li', {}, `${line.date} ${line.time}: ${line.text}`));
  parts.push(list);
  return parts;
}

function regionTable(page) {
  if (page.regions.length === 0) return element('p', {class: 'empty'}, 'No places named in these days.');
  const table = element('table', {class: 'grid-table'});
  table.append(element('caption', {class: 'hidden'}, 'Pain entries naming each place, week by week'));
  const head = element('tr');
  head.append(element('th', {scope: 'col'}, 'Place'));
  for (const column of page.columns) head.append(element('th', {scope: 'col'}, `from ${column.from.slice(5)}`));
  head.append(element('th', {scope: 'col'}, 'Mean pain'));
  const thead = element('thead');
  thead.append(head);
  table.append(thead);
  const body = element('tbody');
  const most = Math.max(1, ...page.regions.flatMap((row) => row.entries));
  for (const row of page.regions) {
    const line = element('tr');
    line.append(element('th', {scope: 'row'}, row.name));
    for (const count of row.entries) {
      const heat = count === 0 ? 0 : Math.min(3, Math.ceil((3 * count) / most));
      line.append(cell(String(count), `cell number heat-${heat}`));
    }
    line.append(cell(row.mean_pain === null ? '—' : String(row.mean_pain), 'number'));
    body.append(line);
  }
  table.append(body);
  return table;
}

function checkList(checks) {
  if (checks.length === 0) return element('p', {class: 'empty'}, 'No checks in these days.');
  const list = element('ul');
  for (const check of checks) list.append(element('li', {}, `${check.date} ${check.time}: ${LEVELS[check.level] ?? check.level}`));
  return list;
}

function functionTable(lines) {
  if (lines.length === 0) return element('p', {class: 'empty'}, 'No activities rated in these days.');
  return table('Activities rated from 0 (unable) to 10 (as before)', ['Activity', 'Ratings (0 unable, 10 as before)', 'Change'],
    lines.map((line) => [line.activity, [line.ratings.map((rating) => `${rating.date.slice(5)}: ${rating.score}`).join(', ')],
      [line.change === null ? '—' : signed(line.change), 'number']]));
}

async function showPatient(id, from, to) {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const suffix = query.size ? `?${query}` : '';
  const page = await api(`/api/patients/${encodeURIComponent(id)}${suffix}`);
  $('patient-title').textContent = page.sharing ? page.name : `${page.name} (stopped sharing)`;
  $('from').value = page.from;
  $('to').value = page.to;
  $('pdf-link').href = `/api/patients/${page.id}/report.pdf?from=${page.from}&to=${page.to}`;
  $('range-error').textContent = '';
  $('pain-chart').replaceChildren(painChart(page.days));
  $('regions').replaceChildren(regionTable(page));
  $('checks').replaceChildren(checkList(page.checks));
  const walked = page.weeks.some((week) => week.walks > 0);
  $('walk-chart').replaceChildren(walked ? walkChart(page.weeks) : element('p', {class: 'empty'}, 'No walks in these days.'));
  $('weeks').replaceChildren(...weekTable(page.weeks));
  $('mobility').replaceChildren(...mobilitySection(page.mobility));
  $('sessions').replaceChildren(...sessionsSection(page.sessions));
  $('reliefs').replaceChildren(...reliefsSection(page.reliefs));
  $('notes').replaceChildren(...notesSection(page.notes));
  $('function').replaceChildren(functionTable(page.function));
  await showExercises(page.id);
  show('patient-view');
  $('assign-status').textContent = '';
  $('assign-error').textContent = '';
}

async function route() {
  try {
    const patient = location.hash.match(/^#patient\/(\d+)$/);
    if (patient) await showPatient(patient[1]);
    else await showCaseload();
  } catch (error) {
    if (error instanceof LoggedOut) {
      show('login-view');
      $('email').focus();
      return;
    }
    $('status').textContent = error.message;
  }
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    await api('/api/login', {method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({email: $('email').value, password: $('password').value})});
    $('password').value = '';
    await route();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
});

$('logout').addEventListener('click', async () => {
  await fetch('/api/logout', {method: 'POST'}).catch(() => {});
  location.hash = '';
  show('login-view');
  $('email').focus();
});

$('range-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const patient = location.hash.match(/^#patient\/(\d+)$/);
  if (!patient) return;
  try {
    await showPatient(patient[1], $('from').value, $('to').value);
  } catch (error) {
    if (error instanceof LoggedOut) { show('login-view'); return; }
    $('range-error').textContent = error.message;
  }
});

$('back').addEventListener('click', (event) => {
  event.preventDefault();
  location.hash = '';
});

setUpExercises({api, element, LoggedOut, loggedOut: () => { show('login-view'); $('email').focus(); }});

window.addEventListener('hashchange', route);
route();
