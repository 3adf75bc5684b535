// The Progress page's tag filter (issue 15), in Debian's chromium: picking a tag redraws the
// pain chart and the numbers by day with only the days that have an entry with that tag,
// and "All entries" brings the other days back.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {checkAccessibility, newPage, shot, startBrowser, startPerson} from './harness.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

// Four days: two tagged lifting (pain 7 and 6), one tagged long-drive (4), one untagged (2).
const TAGGED = [
  ['check', '--answers', 'none'],
  ['log', '7', 'lower-back', '--tag', 'lifting', '--at', '4d ago'],
  ['log', '4', 'lower-back', '--tag', 'long-drive', '--at', '3d ago'],
  ['log', '2', 'lower-back', '--at', '2d ago'],
  ['log', '6', 'lower-back', '--tag', 'lifting', '--at', '1h ago'],
];

// The days the pain chart draws a dot on, oldest first.
async function dotDays(page) {
  return page.locator('svg[data-chart="pain"] circle.dot').evaluateAll(
    (dots) => dots.map((dot) => dot.dataset.date));
}

// The numbers by day with a pain, as the table shows them: [day as shown, pain], newest first.
async function painRows(page) {
  const details = page.locator('.table-details').first();
  if (!(await details.evaluate((element) => element.open))) {
    await details.locator('summary').click();
  }
  const rows = await details.locator('tbody tr').evaluateAll((trs) => trs.map(
    (tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
  return rows.filter(([, pain]) => pain !== '–');
}

test('a tag picked on Progress leaves only its days in the chart and the numbers', {timeout: 120000}, async (t) => {
  const {limber, context} = await startPerson(t, browser, {seed: TAGGED});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/progress`);
  const filter = page.getByLabel('Entries to count');
  await filter.waitFor();
  assert.deepEqual(await filter.locator('option').allInnerTexts(),
    ['All entries', 'Tagged lifting (2)', 'Tagged long-drive (1)']);

  const every = await dotDays(page);
  assert.equal(every.length, 4, `four days with pain: ${every}`);
  assert.deepEqual((await painRows(page)).map(([, pain]) => pain), ['6.0', '2.0', '4.0', '7.0']);

  await filter.selectOption('lifting');
  await page.getByText('count only the entries tagged lifting').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('svg[data-chart="pain"] circle.dot').length === 2);
  const lifting = await dotDays(page);
  assert.deepEqual(lifting, [every[0], every[3]], 'the first and the last day, the ones tagged lifting');
  assert.deepEqual((await painRows(page)).map(([, pain]) => pain), ['6.0', '7.0']);
  assert.match(await page.locator('.summary').first().innerText(), /^6\.\d out of 10/);
  await shot(page, 'progress-tag-lifting');
  await checkAccessibility(page, 'Progress filtered by a tag');

  await filter.selectOption('long-drive');
  await page.getByText('count only the entries tagged long-drive').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('svg[data-chart="pain"] circle.dot').length === 1);
  assert.deepEqual(await dotDays(page), [every[1]]);
  assert.deepEqual((await painRows(page)).map(([, pain]) => pain), ['4.0']);

  await filter.selectOption('');
  await page.waitForFunction(() => document.querySelectorAll('svg[data-chart="pain"] circle.dot').length === 4);
  assert.equal(await page.getByText(/count only the entries tagged/).count(), 0);
  assert.deepEqual(await dotDays(page), every);
  assert.deepEqual(page.problems, []);
  await page.close();
});
