// The phone for real (issue 14): `limber serve --phone-bind 127.0.0.2:0` makes its own
// certificate authority; a chromium whose NSS database trusts that CA (certutil, as a
// person installs it on the phone) opens the pairing address from the computer's Phone
// screen over HTTPS with no certificate error, pairs, reads the diary, keeps working
// offline through its service worker, and is shut out at once when the computer revokes it,
// losing what it kept of the diary.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {PHONE, binary, newPage, startBrowser} from './harness.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

let desktop;
let phoneBrowser;
let server;
let home;
let phoneHome;

// limber serve with the phone's listener on 127.0.0.2; resolves with both addresses.
function startServe(dataDir) {
  const child = spawn(binary, ['--data-dir', dataDir, 'serve', '--port', '0', '--no-open',
    '--phone-bind', '127.0.0.2:0'], {
    env: {...process.env, TZ: 'UTC', DISPLAY: '', WAYLAND_DISPLAY: ''},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => { err += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no addresses: ${out}${err}`)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const key = out.match(/http:\/\/\S+\?token=[0-9a-f]+/);
      const https = out.match(/https:\/\/127\.0\.0\.2:\d+\//);
      if (key && https && /fingerprint: /.test(out)) {
        clearTimeout(timer);
        resolve({child, exited, key: key[0], https: https[0], output: () => out, stderr: () => err});
      }
    });
    child.on('exit', (code) => reject(new Error(`limber serve exited with ${code}: ${err}`)));
  });
}

before(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'limber-phone-'));
  execFileSync(binary, ['--data-dir', home, 'check', '--answers', 'none'], {stdio: 'ignore'});
  server = await startServe(home);
  // The phone trusts limber's CA, as after step 1 of pairing: chromium reads the CA from
  // the NSS database in $HOME/.pki/nssdb.
  phoneHome = mkdtempSync(path.join(tmpdir(), 'limber-phone-nss-'));
  const nss = path.join(phoneHome, '.pki', 'nssdb');
  mkdirSync(nss, {recursive: true});
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'limber on this computer', '-t', 'C,,',
    '-i', path.join(home, 'tls', 'ca.pem')]);
  desktop = await startBrowser();
  phoneBrowser = await chromium.launch({
    executablePath: process.env.LIMBER_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: {...process.env, HOME: phoneHome},
  });
});

after(async () => {
  await desktop?.close();
  await phoneBrowser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, `limber serve ended cleanly: ${server.stderr()}`);
  }
  rmSync(home, {recursive: true, force: true});
  rmSync(phoneHome, {recursive: true, force: true});
});

test('a phone that trusts the CA pairs over HTTPS, reads offline, and is shut out when revoked', async () => {
  // The computer: the person's browser logs in with the start-up key and starts a pairing.
  const computer = await desktop.newContext();
  const page = await newPage(computer);
  await page.goto(server.key);
  await page.waitForURL(server.key.replace(/\?.*$/, ''));
  const pairing = await page.evaluate(async () => {
    const answer = await fetch('/api/pairing', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
    return {status: answer.status, body: await answer.json()};
  });
  assert.equal(pairing.status, 201, JSON.stringify(pairing.body));
  assert.ok(pairing.body.pair_url.startsWith(server.https), pairing.body.pair_url);
  assert.match(pairing.body.ca.fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // The phone: no certificate error anywhere (ignoreHTTPSErrors is off), so the chain and
  // the name 127.0.0.2 were verified against limber's CA.
  const phone = await phoneBrowser.newContext({...PHONE});
  phone.setDefaultTimeout(15000);
  const landing = await newPage(phone);
  await landing.goto(pairing.body.pair_url);
  await landing.getByLabel(/name/i).fill('Kitchen phone');
  await landing.getByRole('button', {name: 'Pair this phone'}).click();
  await landing.getByText('This phone is paired as “Kitchen phone”').waitFor();
  await landing.waitForURL(server.https);
  await landing.locator('#main h1, #main h2').first().waitFor();
  assert.deepEqual(landing.problems, [], 'pairing and the first page');
  const cookies = await phone.cookies(server.https);
  const device = cookies.find((cookie) => cookie.name === 'limber_device');
  assert.ok(device?.secure && device.httpOnly && device.sameSite === 'Strict', JSON.stringify(cookies));

  const listed = JSON.parse(execFileSync(binary, ['--data-dir', home, 'devices', '--json'], {encoding: 'utf8'}));
  assert.deepEqual(listed.map((row) => row.name), ['Kitchen phone']);

  // The service worker takes the page over HTTPS; offline, the page still opens.
  await landing.evaluate(async () => { await navigator.serviceWorker.ready; });
  await landing.reload();
  await landing.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await phone.setOffline(true);
  await landing.reload();
  await landing.locator('#main h1, #main h2').first().waitFor();
  await phone.setOffline(false);

  // Revoked on the computer: the phone's next request is refused and says what to do.
  execFileSync(binary, ['--data-dir', home, 'devices', 'revoke', 'Kitchen phone'], {stdio: 'ignore'});
  const refused = await landing.evaluate(async () => {
    const answer = await fetch('/api/today', {headers: {Accept: 'application/json'}});
    return {status: answer.status, body: await answer.json()};
  });
  assert.equal(refused.status, 401);
  assert.match(refused.body.error, /pair/i);
  // What the phone kept of the diary for offline reading is gone with it (a lost phone).
  const kept = await landing.evaluate(async () => caches.keys());
  assert.ok(!kept.includes('limber-data'), `caches left: ${kept}`);
  await computer.close();
  await phone.close();
});
