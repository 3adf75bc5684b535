// The Phone screen on the computer (issue 14): the list of paired phones with a Revoke
// button each, and "Pair a phone" showing both steps. The phones are put into the real
// diary with sqlite3 before it is served; revoking goes through the real server. Until
// `limber serve --phone` is merged, the server has no phone address, so POST /api/pairing
// is answered here with the shape of docs/api.md (the loopback server test checks the real
// one): swap the route for `--phone-bind 127.0.0.2` once it is there.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {checkAccessibility, newPage, shot, startBrowser, startLimber} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const SQUARES = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><rect width="29" height="29" fill="#fff"/>'
  + '<path fill="#000" d="M4 4h7v7h-7zM18 4h7v7h-7zM4 18h7v7h-7zM13 13h3v3h-3z"/></svg>';

const PAIRING = {
  code: 'K7M2QX9RTA',
  expires_at: '2026-11-28T12:02:00+00:00',
  expires_in: 120,
  pair_url: 'https://127.0.0.2:5463/pair#K7M2QX9RTA',
  qr_svg: SQUARES,
  ca: {url: 'https://127.0.0.2:5463/ca.crt', fingerprint: '3A:1F:9C:0B:77:D2:4E:58:A1:6C:2F:90:BB:13:E4:7D:05:C8:6A:F2:91:3E:DD:40:7B:28:C1:5F:E6:09:A3:84', qr_svg: SQUARES},
  step1: {
    title: 'Trust limber on the phone (once)',
    text: 'The phone checks that it talks to this computer with limber\'s own certificate. Install it once; the fingerprint lets you check it is the right one.',
    steps: {
      android: ['Scan the first code with the phone\'s camera and open the address: the phone downloads limber\'s certificate.', 'Open Settings and search for "CA certificate".', 'Choose CA certificate, then Install anyway, and pick the file called limber.', 'If the phone shows a fingerprint, check that it matches the one on this screen.'],
      ios: ['Scan the first code with the Camera and open the address in Safari; allow the download.', 'Open Settings, General, VPN and Device Management; tap the limber profile and choose Install.', 'Open Settings, General, About, Certificate Trust Settings, and turn on limber.', 'The profile\'s More Details shows a SHA-256 fingerprint: check that it matches the one on this screen.'],
    },
  },
  step2: {title: 'Pair the phone', text: 'Scan this code with the phone\'s camera within 2 minutes. Or open https://127.0.0.2:5463/pair on the phone and type the code.'},
};

test('the Phone screen pairs a phone and revokes one', {timeout: 120000}, async (t) => {
  const limber = await startLimber({
    seed: [['check', '--answers', 'none']],
    prepare: (home) => execFileSync('sqlite3', [path.join(home, 'limber.db'),
      "INSERT INTO devices (name, paired_at, last_seen, secret_sha256) VALUES "
      + `('Android phone', 1796385600, 1796389200, '${'a'.repeat(64)}'), `
      + `('Kitchen iPhone', 1796389200, NULL, '${'b'.repeat(64)}')`]),
  });
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  context.setDefaultTimeout(10000);
  t.after(async () => {
    await context.close();
    await limber.stop();
  });
  const page = await newPage(context);
  await page.route('**/api/pairing', (route) => route.fulfill({status: 201, contentType: 'application/json', body: JSON.stringify(PAIRING)}));
  await page.goto(limber.url);
  await page.waitForURL(limber.base);
  await page.goto(`${limber.base}#/more`);
  await page.getByRole('link', {name: /Phone/}).click();
  await page.getByRole('heading', {name: 'Phone', level: 1}).waitFor();
  const list = page.locator('.phones li');
  assert.equal(await list.count(), 2);
  assert.match(await list.nth(1).innerText(), /Kitchen iPhone[\s\S]*last seen never/);

  await page.getByRole('button', {name: 'Pair a phone'}).click();
  await page.getByRole('heading', {name: /Step 2/}).waitFor();
  assert.equal(await page.locator('.pairing-code').innerText(), 'K7M2QX9RTA');
  assert.match(await page.locator('.fingerprint').innerText(), /^3A:1F/);
  assert.match(await page.locator('.pairing-countdown').innerText(), /Good for [12]:\d\d more/);
  assert.equal(await page.locator('img.qr').count(), 2);
  await checkAccessibility(page, 'the Phone screen with a pairing');
  await shot(page, 'phone-pairing');

  await page.getByRole('button', {name: 'Revoke Kitchen iPhone'}).click();
  await page.getByRole('heading', {name: 'Phone', level: 1}).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.phones li').length === 1);
  const left = execFileSync('sqlite3', [path.join(limber.home, 'limber.db'), 'SELECT name FROM devices']).toString();
  assert.equal(left.trim(), 'Android phone');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the phone\'s landing page takes the code from its address', {timeout: 120000}, async (t) => {
  const limber = await startLimber([['check', '--answers', 'none']]);
  const context = await browser.newContext({viewport: {width: 412, height: 915}, hasTouch: true});
  context.setDefaultTimeout(10000);
  t.after(async () => {
    await context.close();
    await limber.stop();
  });
  const page = await newPage(context, {allow: ['400 POST /api/pair']});
  await page.goto(`${limber.base}pair#K7M2QX9RTA`);
  await page.getByRole('heading', {name: 'Pair this phone'}).waitFor();
  assert.equal(await page.getByLabel('Pairing code').inputValue(), 'K7M2QX9RTA');
  assert.equal(new URL(page.url()).hash, '');
  await checkAccessibility(page, 'the pairing landing page');
  await page.getByRole('button', {name: 'Pair this phone'}).click();
  // No pairing is open on this server: the phone is told what to do.
  await page.getByRole('alert').filter({hasText: 'start a new pairing on the computer'}).waitFor();
  await shot(page, 'phone-landing');
  assert.deepEqual(page.problems, []);
  await page.close();
});
