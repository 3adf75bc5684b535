// The phone's landing page (/pair#CODE, docs/phone.md): the code comes in the address's
// fragment, which the browser never sends to a server, and is exchanged for this phone's
// own key (an HttpOnly cookie the page never sees) with POST /api/pair; then on to limber.
const form = document.getElementById('pair-form');
const code = document.getElementById('code');
const name = document.getElementById('name');
const error = document.getElementById('pair-error');
const done = document.getElementById('pair-done');

const fromAddress = decodeURIComponent(location.hash.replace(/^#/, ''));
if (fromAddress) {
  code.value = fromAddress;
  // The code leaves the address bar and the history.
  history.replaceState(null, '', location.pathname);
}

function fail(message) {
  error.textContent = message;
  error.hidden = false;
  code.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  if (!code.value.trim()) {
    fail('Type the pairing code shown on the computer.');
    return;
  }
  let response;
  try {
    response = await fetch('/api/pair', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({code: code.value.trim(), name: name.value.trim()}),
    });
  } catch {
    fail('The computer is not answering. Check that the phone is on the same network as the computer, and that limber is running there.');
    return;
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    fail((data && data.error) || `The computer answered ${response.status}.`);
    return;
  }
  form.hidden = true;
  done.textContent = `This phone is paired as “${data.name}”. Opening your diary…`;
  done.hidden = false;
  setTimeout(() => location.replace('/'), 1200);
});
