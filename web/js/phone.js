// Phone: pair a phone on the home network with this diary, and end a phone's access
// (issue 14, docs/phone.md). Step 1 trusts limber's certificate on the phone, step 2 shows
// a pairing code (good once, for 2 minutes) as a QR code and as text.
import {api, ApiError} from './api.js';
import {announce, h, shortTime} from './dom.js';

// An <img> of an SVG from the server: shown as an image, never parsed into the page.
function qrImage(svgText, alt) {
  return h('img', {class: 'qr', alt, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`});
}

function stepList(lines) {
  return h('ol', {class: 'steps'}, lines.map((line) => h('li', {}, line)));
}

let countdown = null;

function stopCountdown() {
  if (countdown) clearInterval(countdown);
  countdown = null;
}

// Seconds left, said as "1:45"; the pairing's end is the server's expires_in from now.
function showCountdown(element, seconds, onEnd) {
  stopCountdown();
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    element.textContent = left > 0
      ? `Good for ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} more`
      : 'This code has expired.';
    if (left === 0) {
      stopCountdown();
      onEnd();
    }
  };
  tick();
  countdown = setInterval(tick, 1000);
}

function pairingSteps(pairing, onAgain) {
  const left = h('p', {class: 'pairing-countdown', 'aria-live': 'off'});
  const again = h('button', {type: 'button', class: 'button', hidden: true, onclick: onAgain}, 'Make a new code');
  showCountdown(left, pairing.expires_in, () => {
    again.hidden = false;
  });
  const step1 = h('section', {class: 'card', 'aria-labelledby': 'step1-heading'},
    h('h2', {id: 'step1-heading'}, `Step 1. ${pairing.step1.title}`),
    h('p', {}, pairing.step1.text),
    qrImage(pairing.ca.qr_svg, `QR code of the address of limber's certificate: ${pairing.ca.url}`),
    h('p', {}, 'Address: ', h('code', {}, pairing.ca.url)),
    h('p', {}, 'Fingerprint (SHA-256): ', h('code', {class: 'fingerprint'}, pairing.ca.fingerprint)),
    h('div', {class: 'two-columns'},
      h('div', {}, h('h3', {}, 'Android'), stepList(pairing.step1.steps.android)),
      h('div', {}, h('h3', {}, 'iPhone and iPad'), stepList(pairing.step1.steps.ios))));
  const step2 = h('section', {class: 'card', 'aria-labelledby': 'step2-heading'},
    h('h2', {id: 'step2-heading'}, `Step 2. ${pairing.step2.title}`),
    h('p', {}, pairing.step2.text),
    qrImage(pairing.qr_svg, 'QR code that pairs the phone'),
    h('p', {}, 'Code: ', h('strong', {class: 'pairing-code'}, pairing.code)),
    left, again);
  return [step1, step2];
}

function phoneList(phones, rerender) {
  if (phones.length === 0) return h('p', {}, 'No phone is paired yet.');
  return h('ul', {class: 'phones'}, phones.map((phone) => h('li', {},
    h('div', {},
      h('strong', {}, phone.name),
      h('span', {}, `Paired ${shortTime(phone.paired_at)} · last seen ${phone.last_seen ? shortTime(phone.last_seen) : 'never'}`)),
    h('button', {
      type: 'button', class: 'button danger',
      'aria-label': `Revoke ${phone.name}`,
      onclick: async () => {
        await api.del(`/api/devices/${encodeURIComponent(phone.name)}`);
        announce(`${phone.name} can no longer open your diary.`);
        rerender();
      },
    }, 'Revoke'))));
}

export async function render(context) {
  stopCountdown();
  const phones = await api.get('/api/devices');
  const steps = h('div', {class: 'pairing'});
  const error = h('p', {class: 'card error', role: 'alert', hidden: true});
  const start = async () => {
    error.hidden = true;
    try {
      const pairing = await api.post('/api/pairing', {});
      steps.replaceChildren(...pairingSteps(pairing, start));
      const first = steps.querySelector('h2');
      first.setAttribute('tabindex', '-1');
      first.focus();
    } catch (failure) {
      error.textContent = failure instanceof ApiError ? failure.message : String(failure);
      error.hidden = false;
    }
  };
  return h('section', {class: 'view'},
    h('h1', {}, 'Phone'),
    h('p', {}, 'Keep your diary from your phone too, on your home network. Your phone talks only to this computer, over an encrypted connection.'),
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'button primary', onclick: start}, 'Pair a phone')),
    error,
    steps,
    h('section', {class: 'card', 'aria-labelledby': 'phones-heading'},
      h('h2', {id: 'phones-heading'}, 'Paired phones'),
      phoneList(phones, () => context.go('phone'))));
}
