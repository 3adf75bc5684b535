// The phone offline (issue 14), in Debian's chromium over plain loopback (a secure context,
// so the service worker runs as it does over HTTPS): the page opens with no connection and
// shows the plan "as of" when it was read; entries made offline wait on the phone, say so,
// and reach the diary once each when the connection is back, however often they are sent.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {PHONE, binary, newPage, shot, startBrowser, startPerson, waitForController} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const LOGGED = [['check', '--answers', 'none'], ['log', '5', 'lower-back', '--at', '1h ago']];

// The diary as `limber history --json` reads it, on the server's own data dir.
function diary(home) {
  return JSON.parse(execFileSync(binary, ['--data-dir', home, 'history', '--json', '--days', '2'], {
    env: {...process.env, TZ: 'UTC'},
  }).toString());
}
const walks = (home) => diary(home).filter((entry) => entry.kind === 'walk');

// Opens the page and waits until its service worker controls it and has read the views
// that must be readable offline.
async function openControlled(page, base) {
  await page.goto(base);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  // Installing fetches every file of the page once more: on a loaded machine, a while.
  // Once its worker is active, a page loaded again is always controlled by it; the page
  // that installed it is controlled only if the worker's clients.claim() found it, which
  // chromium sometimes misses for a page still settling after a redirect (a person's next
  // visit is controlled either way): so wait for the active worker, then reload.
  const active = await page.evaluate(() => Promise.race([
    navigator.serviceWorker.ready.then(() => 'active'),
    new Promise((resolve) => setTimeout(() => resolve('no active service worker after 30 s'), 30000)),
  ]));
  assert.equal(active, 'active');
  await page.reload();  // every request of the page now goes through the service worker
  await waitForController(page);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  for (const [hash, heading] of [['#/today', 'Today'], ['#/progress', 'Progress'], ['#/log', 'Log']]) {
    await page.goto(`${base}${hash}`);
    await page.getByRole('heading', {name: heading, level: 1}).waitFor();
  }
}

const outbox = (page) => page.locator('#outbox');
const waitingCount = (page) => outbox(page).getAttribute('data-waiting');

// Offline, chromium reports each request that could not go out; those are the point here.
const offlineNoise = (line) => /ERR_INTERNET_DISCONNECTED|net::ERR_FAILED|FetchEvent|Failed to fetch/.test(line);

test('offline, the page opens with the plan as of its last reading; two entries wait and land once each', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const page = await newPage(context);
  await openControlled(page, limber.base);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${limber.base}sw.js`);

  await context.setOffline(true);
  await page.goto(`${limber.base}#/today`);
  await page.reload();
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  await page.getByText(/this is the plan as of/).waitFor();
  assert.match(await page.locator('main').innerText(), /day \d+ of this episode/);
  await shot(page, 'offline-today');
  await page.goto(`${limber.base}#/progress`);
  await page.getByText(/this is your progress as of/).waitFor();

  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  await page.getByRole('button', {name: '10 min'}).click();
  await page.getByText(/kept on this phone/).first().waitFor();
  await page.getByRole('button', {name: '15 min'}).click();
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '2');
  assert.match(await outbox(page).innerText(), /2 entries waiting on this phone/);
  assert.equal((await outbox(page).innerText()).match(/waiting on this phone/g).length, 3, 'the count and each entry');
  assert.equal(walks(limber.home).length, 0, 'nothing reached the diary while offline');
  await shot(page, 'offline-two-waiting');

  await context.setOffline(false);  // the page hears "online" and sends the outbox
  await page.getByText('All entries made on this phone are in the diary.').waitFor();
  assert.equal(await waitingCount(page), '0');
  const landed = walks(limber.home);
  assert.deepEqual(landed.map((entry) => entry.minutes).sort(), [10, 15]);
  assert.ok(landed.every((entry) => /^[0-9a-f-]{36}$/.test(entry.client_id)), JSON.stringify(landed));
  await page.reload();
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  assert.equal((await page.locator('ol.entries').innerText()).match(/in the diary/g).length, 2);

  // An answer lost on the way: the phone sends the same entries again, twice, at once.
  const replays = await page.evaluate(async (sent) => {
    const post = (body) => fetch('/api/entries', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
    }).then(async (response) => ({status: response.status, body: await response.json()}));
    const bodies = sent.map((entry) => ({kind: 'walk', minutes: entry.minutes, at: entry.at, client_id: entry.client_id}));
    return Promise.all([...bodies, ...bodies].map(post));
  }, landed);
  assert.deepEqual(replays.map((r) => r.status), [200, 200, 200, 200]);
  assert.ok(replays.every((r) => r.body.already_there === true));
  assert.equal(walks(limber.home).length, 2, 'a replayed outbox adds nothing');

  const problems = page.problems.filter((line) => !offlineNoise(line));
  assert.deepEqual(problems, []);
});

test('two phones logging at once, both offline then back: both entries land', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const first = await newPage(context);
  await openControlled(first, limber.base);
  const other = await browser.newContext(PHONE);
  t.after(() => other.close());
  const second = await newPage(other);
  await second.goto(await limber.newUrl());
  await second.waitForURL(limber.base);
  await openControlled(second, limber.base);

  await Promise.all([context.setOffline(true), other.setOffline(true)]);
  await Promise.all([
    first.getByRole('button', {name: '5 min', exact: true}).click(),
    second.getByRole('button', {name: '20 min'}).click(),
  ]);
  await first.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '1');
  await second.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '1');
  await Promise.all([context.setOffline(false), other.setOffline(false)]);
  await first.getByText('All entries made on this phone are in the diary.').waitFor();
  await second.getByText('All entries made on this phone are in the diary.').waitFor();
  assert.deepEqual(walks(limber.home).map((entry) => entry.minutes).sort((a, b) => a - b), [5, 20]);
  for (const page of [first, second]) assert.deepEqual(page.problems.filter((line) => !offlineNoise(line)), []);
});

test('a phone limber no longer knows keeps its entries and says to pair again', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const page = await newPage(context, {allow: ['401 POST /api/entries', '401 GET /api/entries', '401 GET /api/today']});
  await openControlled(page, limber.base);
  const cookies = await context.cookies();
  await context.clearCookies();  // as a revoked phone: its session is no longer accepted
  await page.getByRole('button', {name: '10 min'}).click();
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '1');
  assert.match(await outbox(page).innerText(), /pair it again/);
  assert.equal(walks(limber.home).length, 0);

  await context.addCookies(cookies);  // paired again
  await outbox(page).getByRole('button', {name: 'Send now'}).click();
  await page.getByText('All entries made on this phone are in the diary.').waitFor();
  assert.deepEqual(walks(limber.home).map((entry) => entry.minutes), [10]);
});

test('a phone whose clock is an hour ahead: the entry is kept, with the reason, until removed', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const page = await newPage(context, {allow: ['400 POST /api/entries']});
  await openControlled(page, limber.base);
  await context.setOffline(true);
  await page.clock.setSystemTime(Date.now() + 3600 * 1000);
  await page.getByRole('button', {name: '10 min'}).click();
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '1');
  await context.setOffline(false);
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.refused === '1');
  const text = await outbox(page).innerText();
  assert.match(text, /not saved: .*in the future/);
  assert.match(text, /Check the time on this phone/);
  assert.equal(walks(limber.home).length, 0);
  await shot(page, 'offline-clock-ahead');
  await outbox(page).getByRole('button', {name: 'Remove'}).click();
  await page.waitForFunction(() => document.querySelector('#outbox')?.hidden === true);
  assert.deepEqual(page.problems.filter((line) => !offlineNoise(line)), []);
});

// A reload served by the service worker (issue 14's 100 ms): the worker asks limber for
// Today and the vocabulary once each, as the page is asked for, and the page's own
// requests get those answers; the safety pill takes Today's answer instead of asking
// again.
test('a reload asks the server for Today once, as the page opens, and shows what the diary says now', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const page = await newPage(context);
  await openControlled(page, limber.base);
  await page.goto(`${limber.base}#/today`);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();

  const fromServer = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (request.serviceWorker() && url.pathname.startsWith('/api/')) fromServer.push(url.pathname);
  });
  await page.reload();
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  await page.locator('#safety-pill').waitFor({state: 'attached'});
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForTimeout(500);  // any later request would have gone by now
  assert.deepEqual(fromServer.filter((path) => path === '/api/today'), ['/api/today'], fromServer.join(', '));
  assert.deepEqual(fromServer.filter((path) => path === '/api/vocabulary'), ['/api/vocabulary'], fromServer.join(', '));
  assert.ok(fromServer.indexOf('/api/today') < fromServer.indexOf('/api/sitting/pause'), `asked before the page's own: ${fromServer}`);
  assert.deepEqual(page.problems, []);
});
