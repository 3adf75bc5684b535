// The sitting timer's control on Today (issues 18 and 15), in Debian's chromium: it says
// what is true. With no sitting timer running, "Reminders to stand up are off" and how to
// start it, in the page's words (no command line); with one running, "on", a pause of N
// minutes or until a time shown as the diary holds it, and "Resume now".
//
// The web suite has no desktop session for a real `limber watch`: the timer's word that it
// runs is the row it writes in the diary every few minutes (store/sitting_store.h,
// set_watcher_seen), written here by the sqlite3 shell into the diary of a running
// `limber serve`, as the watcher would.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {checkAccessibility, newPage, shot, startBrowser, startPerson} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const SEED = [['check', '--answers', 'none'], ['log', '4', 'lower-back', '--mobility', 'walk']];

// The sitting timer, started `startedAgo` seconds ago, last said it runs `seenAgo` seconds ago.
function timerSeen(home, {startedAgo = 600, seenAgo = 30} = {}) {
  execFileSync('sqlite3', ['-cmd', '.timeout 5000', path.join(home, 'limber.db'),
    'INSERT OR REPLACE INTO sitting_watcher (id, started_at, seen_at) VALUES '
    + `(1, unixepoch() - ${startedAgo}, unixepoch() - ${seenAgo})`]);
}

async function openToday(limber, context) {
  const page = await newPage(context);
  await page.goto(`${limber.base}#/today`);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  return page;
}

const state = (page) => page.locator('.sitting-pause .pause-state');

test('with no sitting timer running, Today says reminders are off and how to start it', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: SEED});
  const page = await openToday(limber, context);
  await state(page).getByText('Reminders to stand up are off: the sitting timer is not running.').waitFor();
  const box = await page.locator('.sitting-pause').innerText();
  assert.match(box, /Start limber-watch, the sitting timer program, on your computer/);
  assert.doesNotMatch(box, /are on/);
  assert.doesNotMatch(box, /limber |--/, 'no command line reaches the page');
  assert.equal(await page.locator('.sitting-pause button').count(), 0, 'nothing to pause');
  const pause = await page.evaluate(async () => (await fetch('/api/sitting/pause')).json());
  assert.deepEqual(pause.timer, {running: false, seen_at: null});
  await shot(page, 'today-timer-off');
  await checkAccessibility(page, 'Today, no sitting timer');

  // A timer that went quiet long ago (killed, not stopped) is not running either.
  timerSeen(limber.home, {startedAgo: 7200, seenAgo: 20 * 60});
  await page.reload();
  await state(page).getByText('the sitting timer is not running').waitFor();
  const stale = await page.evaluate(async () => (await fetch('/api/sitting/pause')).json());
  assert.equal(stale.timer.running, false);
  assert.match(stale.timer.seen_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('with the sitting timer running, Today pauses its reminders and resumes them', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: SEED});
  timerSeen(limber.home);
  const page = await openToday(limber, context);
  await state(page).getByText('Reminders to stand up are on. Pause them:').waitFor();
  const before = await page.evaluate(async () => (await fetch('/api/sitting/pause')).json());
  assert.equal(before.timer.running, true);
  assert.equal(before.paused, false);
  await checkAccessibility(page, 'Today, the sitting timer on');

  // 30 minutes: the control shows the end the diary holds, and offers "Resume now".
  await page.locator('.sitting-pause').getByRole('button', {name: '30 min'}).click();
  await state(page).getByText(/^Reminders paused until (tomorrow at )?\d\d:\d\d\.$/).waitFor();
  const paused = await page.evaluate(async () => (await fetch('/api/sitting/pause')).json());
  assert.equal(paused.paused, true);
  const minutes = (Date.parse(paused.until) - Date.now()) / 60000;
  assert.ok(minutes > 28 && minutes <= 30.5, `paused for about 30 minutes: ${minutes}`);
  assert.equal(await state(page).innerText(), paused.text);
  await shot(page, 'today-timer-paused');

  // The pause is the diary's: another load of the page shows it too.
  await page.reload();
  await state(page).getByText(paused.text).waitFor();
  await page.getByRole('button', {name: 'Resume now'}).click();
  await state(page).getByText('Reminders to stand up are on. Pause them:').waitFor();
  assert.equal((await page.evaluate(async () => (await fetch('/api/sitting/pause')).json())).paused, false);

  // Until a time of day: three hours from now on the server's clock (UTC in these tests).
  const later = new Date(Date.now() + 3 * 3600 * 1000);
  const time = `${String(later.getUTCHours()).padStart(2, '0')}:${String(later.getUTCMinutes()).padStart(2, '0')}`;
  await page.getByLabel('Pause reminders until this time').fill(time);
  await page.locator('.sitting-pause').getByRole('button', {name: 'Pause', exact: true}).click();
  await state(page).getByText(new RegExp(`^Reminders paused until (tomorrow at )?${time}\\.$`)).waitFor();
  await page.getByRole('button', {name: 'Resume now'}).click();
  await state(page).getByText('Reminders to stand up are on. Pause them:').waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});
