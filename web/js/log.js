// Log: pain with the body map, mobility and a note; then relief (a log, never advice)
// and walks, each its own short form.
import {api} from './api.js';
import {logEntry, pending, takeBack} from './outbox.js';
import {describeBody} from './outbox_view.js';
import {announce, h, shortTime, uid} from './dom.js';
import {bodyMap} from './bodymap.js';
import {painScale} from './scale.js';

const RELIEF_NAMES = {
  medication: 'Medication', cream: 'Cream or gel', heat: 'Heat', cold: 'Cold', other: 'Something else',
};

function describe(entry) {
  switch (entry.kind) {
    case 'pain': {
      const where = entry.regions.map((r) => (r.pain !== undefined ? `${r.name} ${r.pain}` : r.name));
      return `Pain ${entry.pain}/10 (${entry.pain_words})${where.length ? `: ${where.join(', ')}` : ''}`;
    }
    case 'relief':
      return `${RELIEF_NAMES[entry.relief] ?? entry.relief}${entry.name ? `: ${entry.name}` : ''}`;
    case 'walk':
      return `Walk, ${entry.minutes} min`;
    case 'session':
      return `Session, ${entry.minutes} min (pain ${entry.pain_before} → ${entry.pain_after})`;
    default:
      return entry.kind;
  }
}

// How long a log made here can be taken back with one tap (issue 15): long enough to see a
// slip of the thumb, short enough not to stand in the way. Later, "Fix or delete" in the
// list below does the same.
const UNDO_SECONDS = 8;

// Says where the entry is: in the diary, or kept on this phone until limber answers; with
// an Undo button for UNDO_SECONDS, which takes it back from either place (outbox.js).
// Returns the server's answer, or null when the entry waits.
function savedOrKept(sent, body, refresh) {
  const undo = {
    label: 'Undo',
    run: async () => {
      try {
        await takeBack(sent.clientId);
        announce(`Undone: ${describeBody(body)}. It is not in the diary.`);
      } catch {
        announce(`limber is not answering, so this entry is still in the diary (${describeBody(body)}). You can delete it in the list below once limber answers.`, 'warn');
      }
      await refresh();
    },
  };
  const options = {action: undo, seconds: UNDO_SECONDS};
  if (sent.saved) {
    announce(`Saved: ${describe(sent.saved.entry)}. It is in the diary.`, 'info', options);
    return sent.saved;
  }
  announce(`${describeBody(body)}: kept on this phone. limber is not answering; it goes to the diary when it does.`, 'warn', options);
  return null;
}

// "Lifting, long drive" as the API takes it: ["Lifting", "long drive"]. The server makes
// them tags (small letters, hyphens) or says which one is not a tag and why.
export function readTags(text) {
  return text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

function tagsText(entry) {
  return entry.tags && entry.tags.length ? ` · tagged ${entry.tags.join(', ')}` : '';
}

function errorBox() {
  return h('p', {class: 'form-error', role: 'alert', hidden: true});
}

function showError(box, message) {
  box.textContent = message;
  box.hidden = !message;
}

function painForm(context, refresh) {
  const vocabulary = context.vocabulary;
  const scale = painScale(vocabulary, {legend: 'How bad is the pain right now?'});
  const map = bodyMap(vocabulary.regions);
  const mobilityName = uid('mobility');
  const mobility = h('fieldset', {class: 'choices'},
    h('legend', {}, 'What can you do right now?'),
    vocabulary.mobility.map((m) => h('label', {class: 'choice'},
      h('input', {type: 'radio', name: mobilityName, value: m.id}),
      h('span', {}, m.description))));
  // Leg pain may come from a nerve, not a spasm (issue #20): asked when a thigh or calf is
  // marked, and stored with the entry.
  const legName = uid('leg');
  const leg = h('fieldset', {class: 'choices', hidden: true},
    h('legend', {}, 'Does the pain in your leg shoot, tingle, or go below the knee?'),
    [['yes', 'Yes'], ['no', 'No, it stays put'], ['', 'Not sure']].map(([value, label]) =>
      h('label', {class: 'choice'},
        h('input', {type: 'radio', name: legName, value}),
        h('span', {}, label))));
  const LEGS = ['left-thigh', 'right-thigh', 'left-calf', 'right-calf'];
  const updateLeg = () => {
    leg.hidden = !map.selected().some((region) => LEGS.includes(region));
  };
  map.element.addEventListener('change', updateLeg);
  map.element.addEventListener('click', () => queueMicrotask(updateLeg));
  const noteId = uid('note');
  const note = h('textarea', {id: noteId, rows: 2, maxlength: vocabulary.limits.note});
  // Tags (issue 15): a few words for what went with it, so Progress can show them apart.
  const tagsId = uid('tags');
  const tagsHint = uid('tags-hint');
  const tags = h('input', {
    id: tagsId, type: 'text', autocomplete: 'off', autocapitalize: 'none', 'aria-describedby': tagsHint,
    maxlength: (vocabulary.limits.tag + 2) * vocabulary.limits.tags,
  });
  const error = errorBox();
  const form = h('form', {
    class: 'card',
    'aria-labelledby': 'pain-heading',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const pain = scale.value();
      if (pain === null) {
        showError(error, 'Choose how bad the pain is, from 0 (no pain) to 10 (worst imaginable).');
        scale.focus();
        return;
      }
      const chosenMobility = form.querySelector(`input[name="${mobilityName}"]:checked`);
      const body = {pain, regions: map.selected()};
      if (chosenMobility) body.mobility = chosenMobility.value;
      const legAnswer = form.querySelector(`input[name="${legName}"]:checked`);
      if (!leg.hidden && legAnswer && legAnswer.value) body.leg_pain_spreads = legAnswer.value === 'yes';
      if (note.value.trim()) body.note = note.value.trim();
      const tagList = readTags(tags.value);
      if (tagList.length) body.tags = tagList;
      try {
        const sent = await logEntry(body);
        showError(error, '');
        const saved = savedOrKept(sent, body, refresh);
        if (saved && saved.check_again) announce(saved.check_again, 'warn');
        form.reset();
        map.clear();
        updateLeg();
        await refresh();
      } catch (failure) {
        showError(error, failure.message);
      }
    },
  },
  h('h2', {id: 'pain-heading'}, 'Pain'),
  scale.element,
  h('h3', {}, 'Where does it hurt?'),
  map.element,
  leg,
  mobility,
  h('label', {for: noteId}, 'Note (optional)'),
  note,
  h('label', {for: tagsId}, 'Tags (optional)'),
  h('p', {class: 'hint', id: tagsHint},
    `What went with it, in a word or two each, separated by commas: lifting, long drive. Up to ${vocabulary.limits.tags}.`),
  tags,
  error,
  h('button', {type: 'submit', class: 'button primary big'}, 'Save pain'));
  return form;
}

function reliefForm(context, refresh) {
  const kindName = uid('relief');
  const nameId = uid('relief-name');
  const name = h('input', {id: nameId, type: 'text', maxlength: context.vocabulary.limits.name, autocomplete: 'off'});
  const error = errorBox();
  const form = h('form', {
    class: 'card',
    'aria-labelledby': 'relief-heading',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const kind = form.querySelector(`input[name="${kindName}"]:checked`);
      if (!kind) {
        showError(error, 'Choose what you used.');
        return;
      }
      try {
        const body = {kind: 'relief', relief: kind.value, name: name.value.trim()};
        savedOrKept(await logEntry(body), body, refresh);
        showError(error, '');
        form.reset();
        await refresh();
      } catch (failure) {
        showError(error, failure.message);
      }
    },
  },
  h('h2', {id: 'relief-heading'}, 'Something that eased it'),
  h('p', {class: 'hint'}, 'A log for you and your clinician. limber never suggests doses: follow the label, ask a pharmacist.'),
  h('fieldset', {class: 'choices row'},
    h('legend', {}, 'What did you use?'),
    context.vocabulary.relief.map((id) => h('label', {class: 'choice'},
      h('input', {type: 'radio', name: kindName, value: id}), h('span', {}, RELIEF_NAMES[id] ?? id)))),
  h('label', {for: nameId}, 'Its name (optional)'),
  name,
  error,
  h('button', {type: 'submit', class: 'button primary'}, 'Save relief'));
  return form;
}

function walkForm(context, refresh) {
  const minutesId = uid('minutes');
  const minutes = h('input', {
    id: minutesId, type: 'number', inputmode: 'numeric', min: 1, max: context.vocabulary.limits.walk_minutes, step: 1,
  });
  const error = errorBox();
  async function save(value) {
    try {
      const body = {kind: 'walk', minutes: value};
      savedOrKept(await logEntry(body), body, refresh);
      showError(error, '');
      minutes.value = '';
      await refresh();
    } catch (failure) {
      showError(error, failure.message);
    }
  }
  return h('form', {
    class: 'card',
    'aria-labelledby': 'walk-heading',
    novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      const value = Number(minutes.value);
      if (!Number.isInteger(value) || value < 1) {
        showError(error, `Type the minutes you walked, 1 to ${context.vocabulary.limits.walk_minutes}.`);
        minutes.focus();
        return;
      }
      save(value);
    },
  },
  h('h2', {id: 'walk-heading'}, 'A walk'),
  h('div', {class: 'quick', role: 'group', 'aria-label': 'Save a walk of'},
    [5, 10, 15, 20].map((value) => h('button', {type: 'button', class: 'button', onclick: () => save(value)}, `${value} min`))),
  h('label', {for: minutesId}, 'Or type the minutes'),
  h('div', {class: 'inline'}, minutes, h('button', {type: 'submit', class: 'button primary'}, 'Save walk')),
  error);
}

// A mistake is fixed where it shows: a pain entry's number changed (PUT keeps its time),
// any entry deleted.
function fixControls(entry, refresh) {
  const error = errorBox();
  const fail = (failure) => showError(error, failure.message);
  const parts = [];
  if (entry.kind === 'pain') {
    const selectId = uid('fix-pain');
    const select = h('select', {id: selectId},
      Array.from({length: 11}, (_, i) => h('option', {value: i, selected: i === entry.pain}, `${i}`)));
    parts.push(h('label', {for: selectId}, 'Pain should be'), h('div', {class: 'inline'}, select,
      h('button', {type: 'button', class: 'button', onclick: async () => {
        try {
          const body = {
            pain: Number(select.value),
            regions: entry.regions.map((r) => (r.pain !== undefined ? {region: r.region, pain: r.pain} : r.region)),
            at: entry.at,
          };
          if (entry.mobility) body.mobility = entry.mobility;
          if (entry.note) body.note = entry.note;
          if (entry.tags && entry.tags.length) body.tags = entry.tags;
          await api.put(`/api/entries/${entry.id}`, body);
          announce(`Changed to pain ${select.value}/10.`);
          await refresh();
        } catch (failure) { fail(failure); }
      }}, 'Save')));
  }
  parts.push(h('button', {type: 'button', class: 'button quiet', onclick: async () => {
    try {
      await api.del(`/api/entries/${entry.id}`);
      announce('Deleted.');
      await refresh();
    } catch (failure) { fail(failure); }
  }}, 'Delete this entry'), error);
  return h('details', {class: 'fix'}, h('summary', {}, 'Fix or delete'), parts);
}

export async function render(context) {
  const recent = h('ol', {class: 'entries'});
  async function refresh() {
    // Entries still on this phone first (outbox.js), then the diary's; offline, the diary's
    // list is the one read last (sw.js), or none.
    const waiting = (await pending().catch(() => [])).map((item) => h('li', {class: 'waiting'},
      h('span', {class: 'when'}, shortTime(new Date(item.made_at).toISOString())), ' ', describeBody(item.body), ' ',
      h('span', {class: 'sync waiting'}, item.state === 'waiting' ? 'waiting on this phone' : 'not saved')));
    let data = {entries: []};
    try {
      data = await api.get('/api/entries?days=3');
    } catch {
      // limber is not answering and nothing was read before: only the waiting entries show.
    }
    const diary = data.entries.slice(0, 12).map((entry) => h('li', {},
      h('span', {class: 'when'}, shortTime(entry.at)), ' ', describe(entry),
      entry.note ? h('span', {class: 'entry-note'}, ` “${entry.note}”`) : null,
      tagsText(entry) ? h('span', {class: 'entry-tags'}, tagsText(entry)) : null,
      entry.client_id ? [' ', h('span', {class: 'sync'}, 'in the diary')] : null,
      fixControls(entry, refresh)));
    recent.replaceChildren(...(waiting.length + diary.length
      ? [...waiting, ...diary]
      : [h('li', {class: 'empty'}, 'Nothing logged in the last three days.')]));
  }
  await refresh();
  return h('section', {class: 'view'},
    h('h1', {}, 'Log'),
    painForm(context, refresh),
    walkForm(context, refresh),
    reliefForm(context, refresh),
    h('section', {class: 'card', 'aria-labelledby': 'recent-heading'},
      h('h2', {id: 'recent-heading'}, 'Last three days'), recent));
}
