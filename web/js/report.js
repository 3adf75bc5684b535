// The report for the physical therapist: the same PDF as `limber report`, for the days
// chosen (by default the same days: the current episode, from /api/report/period), fetched
// from /api/report and offered as a download.
import {api, ApiError} from './api.js';
import {announce, h, uid} from './dom.js';

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The PDF's bytes, or an ApiError with the server's own words.
async function fetchReport(from, to, person) {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  if (person) query.set('name', person);
  let response;
  try {
    response = await fetch(`/api/report?${query}`, {headers: {Accept: 'application/pdf, application/json'}});
  } catch {
    throw new ApiError(0, 'limber is not answering. Is `limber serve` still running in its terminal?');
  }
  if (!response.ok) {
    let message = `The server answered ${response.status}.`;
    try {
      message = (await response.json()).error ?? message;
    } catch {
      // not JSON: keep the status
    }
    if (response.status === 401) message = 'This page has lost its key. Open the address that `limber serve` printed.';
    throw new ApiError(response.status, message);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'limber-report.pdf';
  return {name, blob: await response.blob()};
}

let lastUrl = null;

// The command that makes the same file, for the days and name on the form.
function sameCommand(from, to, name) {
  const quoted = name ? ` --name "${name.replaceAll('"', '\\"')}"` : '';
  return `limber report --from ${from} --to ${to}${quoted} -o report.pdf`;
}

export async function render() {
  const today = new Date();
  // The days `limber report` covers without --from and --to: the current episode's.
  const period = await api.get('/api/report/period');
  const fromId = uid('from');
  const toId = uid('to');
  const nameId = uid('name');
  const hintId = uid('hint');
  const from = h('input', {type: 'date', id: fromId, name: 'from', value: period.from, max: isoDay(today), 'aria-describedby': hintId});
  const to = h('input', {type: 'date', id: toId, name: 'to', value: period.to, max: isoDay(today)});
  const name = h('input', {type: 'text', id: nameId, name: 'name', maxlength: 80, autocomplete: 'name'});
  const command = h('code', {}, sameCommand(period.from, period.to, ''));
  const update = () => command.replaceChildren(sameCommand(from.value, to.value, name.value.trim()));
  for (const input of [from, to, name]) input.addEventListener('input', update);
  const error = h('p', {class: 'form-error', role: 'alert', hidden: true});
  const ready = h('div', {class: 'card report-ready', hidden: true});
  const button = h('button', {type: 'submit', class: 'button primary big'}, 'Make the report');
  const form = h('form', {
    class: 'card',
    onsubmit: async (event) => {
      event.preventDefault();
      error.hidden = true;
      ready.hidden = true;
      button.disabled = true;
      button.textContent = 'Making the report…';
      try {
        const {name: file, blob} = await fetchReport(from.value, to.value, name.value.trim());
        if (lastUrl) URL.revokeObjectURL(lastUrl);
        lastUrl = URL.createObjectURL(blob);
        const link = h('a', {class: 'button primary', href: lastUrl, download: file},
          `Download the report (PDF, ${Math.max(1, Math.round(blob.size / 1024))} KB)`);
        ready.replaceChildren(
          h('h2', {}, 'Your report is ready'),
          h('p', {}, `${file}: print it or bring it on your phone.`),
          link);
        ready.hidden = false;
        link.focus();
        announce('Your report is ready to download.');
      } catch (caught) {
        error.textContent = caught instanceof ApiError ? caught.message : `Something went wrong: ${caught}`;
        error.hidden = false;
      } finally {
        button.disabled = false;
        button.textContent = 'Make the report';
      }
    },
  },
  h('label', {for: fromId}, 'From'),
  from,
  h('p', {class: 'hint', id: hintId}, 'It starts where this episode began, as limber report does.'),
  h('label', {for: toId}, 'To'),
  to,
  h('label', {for: nameId}, 'Your name (optional)'),
  name,
  error,
  button);
  return h('section', {class: 'view'},
    h('h1', {}, 'Report for your physical therapist'),
    h('p', {}, 'One or two printable pages from your diary: pain over time, where it hurt, your safety checks, how you got moving again and any setbacks, the activities you find hard, sessions, walks, the muscles you marked, what eased the pain and your notes.'),
    h('p', {class: 'hint'}, 'It is your own diary, not a medical record. In a terminal, the same file comes from ', command, '.'),
    form,
    ready);
}
