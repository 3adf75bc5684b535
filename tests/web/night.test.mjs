// A flare plan and a night view (issue 15), in Debian's chromium: the page follows the
// system's dark scheme and stays readable in it (axe's contrast rules, on Today, Log with
// the body map and Progress with its charts); Today counts the days since the last flare;
// a log made with one tap can be undone for a few seconds, from the diary or from the
// phone's outbox while it is offline.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {binary, checkAccessibility, newPage, shot, startBrowser, startPerson} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

// Four days with a flare two days ago: 3, 3, then 6 (a rise of 3 over the entry before).
const WITH_A_FLARE = [
  ['check', '--answers', 'none'],
  ['log', '3', 'lower-back', '--at', '4d ago'],
  ['log', '3', 'lower-back', '--at', '3d ago'],
  ['log', '6', 'lower-back', 'left-thigh', '--at', '2d ago'],
  ['log', '5', 'lower-back', '--at', '1h ago'],
];

function walks(home) {
  return JSON.parse(execFileSync(binary, ['--data-dir', home, 'history', '--json', '--days', '2'], {
    env: {...process.env, TZ: 'UTC'},
  }).toString()).filter((entry) => entry.kind === 'walk');
}

// The page's background as chromium paints it: the relative luminance (0 black, 1 white)
// of body's computed background colour and of a card's.
async function luminance(page, selector) {
  return page.locator(selector).first().evaluate((element) => {
    const [r, g, b] = getComputedStyle(element).backgroundColor.match(/[\d.]+/g).map(Number);
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`with the system's ${scheme} scheme, the page is ${scheme} and readable`, {timeout: 180000}, async (t) => {
    const {limber, context} = await startPerson(t, browser, {seed: WITH_A_FLARE, options: {colorScheme: scheme}});
    const page = await newPage(context);
    await page.goto(`${limber.base}#/today`);
    await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
    const body = await luminance(page, 'body');
    const card = await luminance(page, 'main .card');
    if (scheme === 'dark') {
      assert.ok(body < 0.05 && card < 0.05, `dark backgrounds, body ${body}, card ${card}`);
    } else {
      assert.ok(body > 0.8 && card > 0.8, `light backgrounds, body ${body}, card ${card}`);
    }
    // Days since the last flare, on Today.
    assert.match(await page.locator('main').innerText(), /2 days since the last flare/);
    await checkAccessibility(page, `today, ${scheme}`);
    await shot(page, `night-${scheme}-today`);

    await page.goto(`${limber.base}#/log`);
    await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
    await page.locator('.scale-button').nth(4).click();
    await page.locator('.body .region').first().click();
    await checkAccessibility(page, `the log form with the body map, ${scheme}`);
    await shot(page, `night-${scheme}-log`);

    await page.goto(`${limber.base}#/progress`);
    await page.getByRole('heading', {name: 'Progress', level: 1}).waitFor();
    await page.locator('.chart-svg').first().waitFor();
    await checkAccessibility(page, `progress with its charts, ${scheme}`);
    await shot(page, `night-${scheme}-progress`);
    assert.deepEqual(page.problems, []);
  });
}

test('a one-tap walk can be undone for a few seconds, in the diary or still on the phone', {timeout: 180000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: WITH_A_FLARE});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/log`);
  await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
  const toast = page.getByRole('status');

  // In the diary: Undo deletes it there.
  await page.getByRole('button', {name: '10 min'}).click();
  await toast.getByText(/Saved: Walk, 10 min/).waitFor();
  assert.equal(walks(limber.home).length, 1);
  await toast.getByRole('button', {name: 'Undo'}).click();
  await toast.getByText('Undone: Walk, 10 min. It is not in the diary.').waitFor();
  assert.equal(walks(limber.home).length, 0, 'the walk is gone from the diary');
  assert.doesNotMatch(await page.locator('ol.entries').innerText(), /Walk, 10 min/);

  // Not taken back: the Undo button goes by itself, and the walk stays.
  await page.getByRole('button', {name: '20 min'}).click();
  await toast.getByText(/Saved: Walk, 20 min/).waitFor();
  await toast.getByRole('button', {name: 'Undo'}).waitFor({state: 'detached', timeout: 30000});
  assert.deepEqual(walks(limber.home).map((entry) => entry.minutes), [20]);

  // Still waiting on the phone (offline): Undo takes it out of the outbox, so it never
  // reaches the diary when the phone is back online.
  await context.setOffline(true);
  await page.getByRole('button', {name: '15 min'}).click();
  await toast.getByText(/kept on this phone/).waitFor();
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting === '1');
  await toast.getByRole('button', {name: 'Undo'}).click();
  await toast.getByText('Undone: Walk, 15 min. It is not in the diary.').waitFor();
  await page.waitForFunction(() => document.querySelector('#outbox')?.dataset.waiting !== '1');
  await context.setOffline(false);
  await page.getByRole('button', {name: '5 min', exact: true}).click();  // and the outbox is sent
  await toast.getByText(/Saved: Walk, 5 min/).waitFor();
  assert.deepEqual(walks(limber.home).map((entry) => entry.minutes).sort((a, b) => a - b), [5, 20],
    'the walk undone offline never reached the diary');
  const offline = /ERR_INTERNET_DISCONNECTED|net::ERR_FAILED|Failed to fetch/;
  assert.deepEqual(page.problems.filter((line) => !offline.test(line)), []);
});
