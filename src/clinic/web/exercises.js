// A patient's exercises assigned by the therapist (issue 17): the list (name, id, when), a
// form that assigns from a JSON file or pasted text in limber's catalog format, with the
// server's error shown beside it, and a remove button that asks once more in place.
// Drawn with the DOM only; the page's own api() and element() are passed in.
let helpers;
let patientId;

const $ = (id) => document.getElementById(id);

function assignedWhen(seconds) {
  return new Date(seconds * 1000).toLocaleString(undefined,
    {day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

function say(text) {
  $('assign-status').textContent = text;
}

function removeCell(exercise) {
  const {element} = helpers;
  const td = element('td');
  const ask = element('button', {type: 'button', class: 'quiet', 'aria-label': `Remove ${exercise.name} (${exercise.id})`}, 'Remove');
  ask.addEventListener('click', () => {
    const question = element('span', {class: 'confirm'}, `Remove ${exercise.name}? `);
    const yes = element('button', {type: 'button', class: 'danger'}, 'Yes, remove');
    const keep = element('button', {type: 'button', class: 'quiet'}, 'Keep');
    yes.addEventListener('click', async () => {
      try {
        await helpers.api(`/api/patients/${patientId}/exercises/${encodeURIComponent(exercise.id)}`, {method: 'DELETE'});
        await showExercises(patientId);
        say(`Removed ${exercise.name}. It leaves the patient's plan when their limber next shares.`);
        $('assign-text').focus();
      } catch (error) {
        if (error instanceof helpers.LoggedOut) return helpers.loggedOut();
        say(error.message);
      }
    });
    keep.addEventListener('click', () => {
      td.replaceChildren(ask);
      ask.focus();
    });
    td.replaceChildren(question, yes, keep);
    yes.focus();
  });
  td.append(ask);
  return td;
}

export async function showExercises(id) {
  patientId = id;
  const {element} = helpers;
  const {exercises} = await helpers.api(`/api/patients/${encodeURIComponent(id)}/exercises`);
  const body = $('assigned').querySelector('tbody');
  body.replaceChildren();
  for (const exercise of exercises) {
    const row = element('tr', {'data-id': exercise.id});
    row.append(element('th', {scope: 'row'}, exercise.name));
    row.append(element('td', {class: 'id'}, exercise.id));
    row.append(element('td', {}, `${assignedWhen(exercise.assigned_at)} by ${exercise.assigned_by}`));
    row.append(removeCell(exercise));
    body.append(row);
  }
  $('assigned').hidden = exercises.length === 0;
  $('assigned-empty').hidden = exercises.length > 0;
}

// `page`: {api, element, LoggedOut, loggedOut}, the page's own.
export function setUpExercises(page) {
  helpers = page;
  $('assign-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('assign-error').textContent = '';
    say('');
    const file = $('assign-file').files[0];
    const text = file ? await file.text() : $('assign-text').value;
    if (!text.trim()) {
      $('assign-error').textContent = 'Choose a JSON file or paste the exercise first.';
      return;
    }
    try {
      const {exercises} = await helpers.api(`/api/patients/${patientId}/exercises`, {method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: text});
      $('assign-file').value = '';
      $('assign-text').value = '';
      await showExercises(patientId);
      say(`Assigned. ${exercises.length} ${exercises.length === 1 ? 'exercise is' : 'exercises are'} assigned now; they reach the patient's plan when their limber next shares.`);
    } catch (error) {
      if (error instanceof helpers.LoggedOut) return helpers.loggedOut();
      $('assign-error').textContent = error.message;
      (file ? $('assign-file') : $('assign-text')).focus();
    }
  });
}
