// limber serve in Debian's chromium, as a person uses it: first start and the safety check,
// pain logged by tapping the body map, the chart changing, a short guided session run to
// the end, and everything still there after a reload. Each test has its own diary and
// server (startPerson), seeded through the real CLI where it needs earlier entries, so any
// one runs alone and in any order. Each test saves a screenshot.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {PHONE, checkAccessibility, newPage, shot, startBrowser, startPerson, tabTo} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

// A person who has done the safety check with no warning signs.
const CHECKED = [['check', '--answers', 'none']];
// ... and logged pain 6 in the lower back and left thigh.
const LOGGED = [...CHECKED, ['log', '6', 'lower-back', 'left-thigh', '--at', '1h ago']];

test('without its key the page explains how to open it', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {key: false});
  const page = await newPage(context, {allow: ['401 GET /']});
  const response = await page.goto(limber.base);
  assert.equal(response.status(), 401);
  await page.getByRole('heading', {name: 'Open limber with its key'}).waitFor();
  await shot(page, '00-no-key');
  assert.deepEqual(page.problems, []);
});

test('first start: the safety check comes before any plan', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {key: false});
  const page = await newPage(context);
  await page.goto(limber.url);
  await page.waitForURL(`${limber.base}`);
  await page.getByRole('heading', {name: 'First, a short safety check'}).waitFor();
  assert.match(await page.locator('main').innerText(), /not a doctor/);
  await checkAccessibility(page, 'today before the check');
  await shot(page, '01-first-start');

  await page.getByRole('link', {name: 'Start the safety check'}).click();
  await page.getByRole('heading', {name: 'Safety check', level: 1}).waitFor();
  const questions = page.locator('fieldset.question');
  const count = await questions.count();
  assert.ok(count >= 10, `${count} questions`);
  for (let i = 0; i < count; i += 1) await questions.nth(i).getByText('No', {exact: true}).click();
  await checkAccessibility(page, 'the safety check');
  await page.getByRole('button', {name: 'See the result'}).click();
  await page.getByRole('heading', {name: 'No warning signs found'}).waitFor();
  await shot(page, '02-check-result');

  await page.getByRole('link', {name: 'See today\'s plan'}).click();
  await page.getByRole('heading', {name: /Phase: Rest and realign/}).waitFor();
  await page.getByRole('heading', {name: 'What to do'}).waitFor();
  await checkAccessibility(page, 'today with a plan');
  await shot(page, '03-today-plan');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('pain logged by tapping the body map shows on the chart', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: CHECKED});
  const page = await newPage(context);
  await page.setViewportSize({width: 360, height: 780});
  await page.goto(`${limber.base}#/progress`);
  await page.getByRole('heading', {name: 'Pain', exact: true}).waitFor();
  assert.equal(await page.locator('[data-chart="pain"] circle.dot').count(), 0);

  await page.getByRole('navigation').getByRole('link', {name: 'Log'}).click();
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  // Tap the drawings: the lower back from behind, the left thigh from the front.
  await page.locator('.body-view', {hasText: 'Back'}).locator('[data-region="lower-back"]').tap();
  await page.locator('.body-view', {hasText: 'Front'}).locator('[data-region="left-thigh"]').tap();
  assert.equal(await page.getByRole('checkbox', {name: 'Lower back'}).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', {name: 'Left thigh'}).isChecked(), true);
  await page.getByText('Chosen: Lower back, Left thigh').waitFor();
  await page.locator('.scale-button', {hasText: 'distressing'}).tap();
  await page.getByText('cannot stand up straight yet').tap();
  await page.getByLabel('Note (optional)').fill('bent to pick up the cat');
  await checkAccessibility(page, 'the log form');
  await shot(page, '04-log-body-map');
  await page.getByRole('button', {name: 'Save pain'}).tap();
  await page.getByRole('status').getByText(/Saved: Pain 6\/10/).waitFor();
  await page.locator('.entries').getByText(/Pain 6\/10 \(distressing\): Lower back, Left thigh/).waitFor();

  await page.getByRole('button', {name: '10 min'}).tap();
  await page.locator('.entries').getByText('Walk, 10 min').waitFor();

  await page.getByRole('navigation').getByRole('link', {name: 'Progress'}).click();
  await page.getByRole('heading', {name: 'Pain', exact: true}).waitFor();
  await page.locator('[data-chart="pain"] circle.dot').first().waitFor();
  assert.equal(await page.locator('[data-chart="pain"] circle.dot').count(), 1);
  assert.match(await page.locator('.summary').first().innerText(), /6\.0\s*out of 10/);
  await page.getByRole('cell', {name: 'Lower back'}).or(page.getByRole('rowheader', {name: 'Lower back'})).first().waitFor();
  // Readable at 360 px: nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 360px screen`);
  await checkAccessibility(page, 'progress');
  await shot(page, '05-progress-360');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a short guided session runs to the end and is saved', {timeout: 120000}, async (t) => {
  // Its own browser context, as every test has: the fake clock below holds for all of it.
  const {limber, context} = await startPerson(t, browser, {seed: CHECKED});
  const page = await newPage(context);
  await page.addInitScript(() => {
    // Headless chromium has no voices: record what would be said.
    window.spoken = [];
    window.speechSynthesis.speak = (utterance) => window.spoken.push(utterance.text);
  });
  // The page's clock stands still unless the test moves it.
  await page.clock.install({time: new Date('2026-11-21T10:00:00')});
  await page.goto(`${limber.base}#/session`);
  await page.getByRole('heading', {name: 'Posture routine'}).waitFor();
  await page.clock.pauseAt(new Date('2026-11-21T10:05:00'));
  await page.locator('.scale-button', {hasText: 'moderate'}).click();  // 4 before
  await page.getByRole('switch', {name: 'Spoken cues'}).check();
  await page.getByRole('button', {name: '▶ Start'}).click();

  const countdown = page.locator('.countdown');
  await countdown.waitFor();
  assert.match(await page.locator('.stage-label').innerText(), /Get ready/);
  const first = await page.locator('.session-name').innerText();
  await page.clock.runFor(3000);
  assert.equal(await countdown.innerText(), '0:12');
  await page.getByRole('button', {name: 'Pause'}).click();
  await page.clock.runFor(10000);
  assert.equal(await countdown.innerText(), '0:12', 'paused: the clock holds');
  await page.getByRole('button', {name: 'Go on'}).click();
  await page.clock.runFor(13000);
  assert.doesNotMatch(await page.locator('.stage-label').innerText(), /Get ready/);
  await page.clock.resume();  // axe waits on the page's timers
  await checkAccessibility(page, 'a running session');
  await shot(page, '06-session-running');

  // Skip the rest of this exercise, then let the others run their whole time.
  await page.getByRole('button', {name: 'Skip'}).click();
  await page.waitForFunction((name) => document.querySelector('.session-name')?.textContent !== name, first);
  for (let minute = 0; minute < 60; minute += 1) {
    if (await page.getByRole('heading', {name: 'Session done'}).isVisible()) break;
    await page.clock.runFor(60000);
  }
  await page.getByRole('heading', {name: 'Session done'}).waitFor();
  const spoken = await page.evaluate(() => window.spoken);
  assert.ok(spoken.some((text) => /^Next: /.test(text)), `spoken: ${spoken.slice(0, 5).join(' | ')}`);
  assert.ok(spoken.includes('That is the whole session. Well done.'));

  await page.locator('.scale-button', {hasText: 'uncomfortable'}).click();  // 3 after
  await checkAccessibility(page, 'the end of a session');
  await page.getByRole('button', {name: 'Save the session'}).click();
  await page.getByText('Saved. Well done for moving today.').waitFor();
  await shot(page, '07-session-done');
  assert.deepEqual(page.problems, []);
});

test('after a reload everything is still there', {timeout: 120000}, async (t) => {
  // A session done elsewhere, from the command line; pain and a walk from this page.
  const session = ['log', 'session', '--exercises', 'basics-knee-rolls', '--pain-before', '4', '--pain-after', '3', '--at', '2h ago'];
  const {limber, context} = await startPerson(t, browser, {seed: [...CHECKED, session]});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  await page.getByRole('checkbox', {name: 'Lower back'}).check();
  await page.locator('.scale-button', {hasText: 'distressing'}).click();
  await page.getByText('cannot stand up straight yet').click();
  await page.getByRole('button', {name: 'Save pain'}).click();
  await page.getByRole('status').getByText(/Saved: Pain 6\/10/).waitFor();
  await page.getByRole('button', {name: '10 min'}).click();
  await page.locator('.entries').getByText('Walk, 10 min').waitFor();
  await page.reload();
  const recent = page.locator('.entries');
  await recent.getByText(/Pain 6\/10/).waitFor();
  await recent.getByText('Walk, 10 min').waitFor();
  await recent.getByText(/Session, \d+ min \(pain 4 → 3\)/).waitFor();
  await page.getByRole('navigation').getByRole('link', {name: 'Progress'}).click();
  await page.getByText('1 session', {exact: true}).waitFor();
  assert.equal(await page.locator('[data-chart="activity"] .session-mark').count(), 1);
  await page.getByRole('navigation').getByRole('link', {name: 'Today'}).click();
  await page.getByRole('heading', {name: /Phase: Rest and realign/}).waitFor();
  await shot(page, '08-after-reload');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('works without a mouse: a walk and the muscle self-check by keyboard', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: CHECKED});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  // Only Tab moves the focus, from the top of the page, as it would for a person.
  await tabTo(page, page.getByLabel('Or type the minutes'));
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await page.locator('.entries').getByText('Walk, 25 min').waitFor();

  await page.goto(`${limber.base}#/muscles`);
  await page.getByRole('heading', {name: 'Muscle self-check'}).waitFor();
  const deepAbs = page.getByRole('group', {name: 'Deep abdominals'});
  await tabTo(page, deepAbs.getByRole('radio', {name: 'Fine'}));
  await page.keyboard.press('ArrowRight');  // Weak
  assert.equal(await deepAbs.getByRole('radio', {name: 'Weak'}).isChecked(), true);
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement.closest('label')).outlineStyle);
  assert.equal(focusRing, 'solid', 'the focused choice shows a focus ring');
  await checkAccessibility(page, 'the muscle self-check');
  await tabTo(page, page.getByRole('button', {name: 'Save'}));
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText(/strengthens the weak/).waitFor();
  await shot(page, '09-muscles-keyboard');

  await page.goto(`${limber.base}#/preferences`);
  await tabTo(page, page.getByRole('checkbox', {name: 'Yoga'}));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', {name: 'Save'}));
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText(/styles you chose/).waitFor();
  await checkAccessibility(page, 'the styles');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a red flag pauses the plan until a clinician has seen the person', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: CHECKED});
  // While the plan is paused the server refuses a session (409): the Session page shows why.
  const page = await newPage(context, {allow: ['409 GET /api/session']});
  await page.goto(`${limber.base}#/check`);
  await page.getByRole('heading', {name: 'Safety check', level: 1}).waitFor();
  // Losing bladder control is an emergency: that answer alone is enough.
  await page.locator('fieldset.question').first().getByText('Yes', {exact: true}).click();
  await page.getByRole('button', {name: 'See the result'}).click();
  await page.getByRole('heading', {name: 'Get help now'}).waitFor();
  await page.getByRole('link', {name: 'Back to today'}).click();
  await page.getByRole('heading', {name: 'Get help now'}).waitFor();
  assert.equal(await page.getByRole('heading', {name: 'What to do'}).count(), 0, 'no plan while paused');
  // The pill is refreshed after each view renders, so wait for it rather than race it.
  await page.waitForFunction(() => document.getElementById('safety-pill')?.textContent === 'Plans paused', null, {timeout: 15000});
  assert.equal(await page.locator('#safety-pill').innerText(), 'Plans paused');
  assert.equal(await page.getByRole('button', {name: 'Yes, record the visit now'}).isVisible(), false, 'asks first');
  await checkAccessibility(page, 'today, paused');
  await shot(page, '10-paused');

  await page.getByRole('navigation').getByRole('link', {name: 'Session'}).click();
  await page.getByRole('heading', {name: 'Get help now'}).waitFor();
  assert.equal(await page.getByRole('button', {name: '▶ Start'}).count(), 0, 'no session while paused');

  await page.getByRole('button', {name: 'A clinician has seen me'}).click();
  await page.getByRole('button', {name: 'Yes, record the visit now'}).click();
  await page.getByRole('heading', {name: 'What to do'}).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the report for the physical therapist downloads as a PDF of the diary', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  // The days the wrong way round are refused: that answer is the point.
  const page = await newPage(context, {allow: ['400 GET /api/report']});
  await page.goto(`${limber.base}#/more`);
  await page.getByRole('link', {name: /Report for your physical therapist/}).click();
  await page.getByRole('heading', {name: 'Report for your physical therapist', level: 1}).waitFor();
  await checkAccessibility(page, 'the report page');

  // Days the wrong way round: the server's own words, in an alert, and nothing to download.
  // The entry an hour ago is yesterday's just after midnight: the page's own first day is kept.
  const first = await page.getByLabel('From').inputValue();
  const today = await page.getByLabel('To').inputValue();
  await page.getByLabel('From').fill(today);
  await page.getByLabel('To').fill('2020-01-01');
  await page.getByRole('button', {name: 'Make the report'}).click();
  await page.getByRole('alert').getByText(/give the earlier day first/).waitFor();
  assert.equal(await page.getByRole('link', {name: /Download the report/}).count(), 0);

  await page.getByLabel('From').fill(first);
  await page.getByLabel('To').fill(today);
  await page.getByRole('button', {name: 'Make the report'}).click();
  const link = page.getByRole('link', {name: /Download the report \(PDF, \d+ KB\)/});
  await link.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), await link.textContent(), 'the link has the focus');
  await checkAccessibility(page, 'the report, ready');
  await shot(page, '11-report');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^limber-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = await download.path();
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], {encoding: 'utf8'});
  assert.match(text, /Back pain diary/);
  assert.match(text, /not a medical record/);
  assert.match(text, /Lower back/, 'the regions of the pain logged earlier');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a mistaken entry is fixed and another deleted, from the Log page', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: LOGGED});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  const walks = page.locator('.entries li', {hasText: 'Walk, 5 min'});
  const before = await walks.count();
  await page.getByRole('button', {name: '5 min', exact: true}).click();
  await page.waitForFunction((n) => [...document.querySelectorAll('.entries li')]
    .filter((li) => li.textContent.includes('Walk, 5 min')).length === n, before + 1);
  const walk = walks.first();
  await walk.getByText('Fix or delete').click();
  await walk.getByRole('button', {name: 'Delete this entry'}).click();
  await page.getByRole('status').getByText('Deleted.').waitFor();
  await page.waitForFunction((n) => [...document.querySelectorAll('.entries li')]
    .filter((li) => li.textContent.includes('Walk, 5 min')).length === n, before);

  const pain = page.locator('.entries li', {hasText: /Pain 6\/10/}).first();
  await pain.getByText('Fix or delete').click();
  await pain.getByLabel('Pain should be').selectOption('5');
  await checkAccessibility(page, 'fixing an entry');
  await shot(page, '12-log-fix');
  await pain.getByRole('button', {name: 'Save', exact: true}).click();
  await page.getByRole('status').getByText('Changed to pain 5/10.').waitFor();
  await page.locator('.entries').getByText(/Pain 5\/10 \(\w+\): Lower back, Left thigh/).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('tags typed on the Log page show with the entry and filter Progress', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: [...CHECKED, ['log', '3', 'neck', '--at', '2h ago']]});
  // The 400 is the point: a tag that is not one is refused with its reason.
  const page = await newPage(context, {allow: ['400 POST /api/entries']});
  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  await page.locator('.scale-button.level-7').click();
  await page.getByLabel('Tags (optional)').fill('Lifting, long drive');
  await page.getByRole('button', {name: 'Save pain'}).click();
  await page.locator('.entries').getByText('tagged lifting, long-drive').waitFor();
  await page.getByLabel('Tags (optional)').fill('lift!ng');
  await page.locator('.scale-button.level-5').click();
  await page.getByRole('button', {name: 'Save pain'}).click();
  await page.getByRole('alert').getByText(/'lift!ng' is not a tag/).waitFor();

  await page.goto(`${limber.base}#/progress`);
  const filter = page.getByLabel('Entries to count');
  await filter.waitFor();
  await checkAccessibility(page, 'the tag filter');
  await filter.selectOption('lifting');
  await page.getByText('count only the entries tagged lifting').waitFor();
  const progress = await page.evaluate(async () => (await fetch('/api/progress?days=28&tag=lifting')).json());
  assert.equal(progress.tag, 'lifting');
  assert.equal(progress.days.at(-1).pain_mean, 7);
  assert.deepEqual(page.problems, []);
  await page.close();
});
