// Issue #12, items 12 to 15, on a phone-sized page (412x915) over eleven days of a back
// spasm logged with the real CLI: the report starts at the episode and is the same file as
// `limber report`, the phase and level have one name, the charts' marks and legend agree,
// and a start-up address opens one browser once. Each test saves a screenshot.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {binary, checkAccessibility, newPage, shot, startBrowser, startLimber} from './harness.mjs';

const PHONE = {viewport: {width: 412, height: 915}, deviceScaleFactor: 1, hasTouch: true};
const ENV = {...process.env, TZ: 'UTC'};

let limber;
let browser;
let context;

function isoDay(daysAgo) {
  return new Date(Date.now() - daysAgo * 86400000).toISOString().slice(0, 10);
}

function cli(home, ...args) {
  return execFileSync(binary, ['--data-dir', home, ...args], {env: ENV, encoding: 'utf8'});
}

// Eleven days, the first eleven days ago and the last yesterday (so every hour of them is
// past, whenever the suite runs): pain 8 to 2, lying to moving, a flare on day 5 (walk
// back to stand), neck pain from day 6, a long walk and a session on day 9, one activity
// rated.
function elevenDays(home) {
  const day = (n, time) => `${isoDay(12 - n)}T${time}`;
  cli(home, 'check', '--answers', 'none');
  cli(home, 'log', '8', 'lower-back', '--mobility', 'lie', '--at', day(1, '09:00'));
  cli(home, 'log', '7', 'lower-back', '--mobility', 'lie', '--at', day(2, '09:00'));
  cli(home, 'log', '6', 'lower-back', '--mobility', 'stand', '--at', day(3, '09:00'));
  cli(home, 'log', '5', 'lower-back', '--mobility', 'walk', '--at', day(4, '09:00'));
  cli(home, 'log', '7', 'lower-back', '--mobility', 'stand', '--at', day(5, '15:00'), '--note', 'after carrying the shopping');
  cli(home, 'log', '5', 'lower-back', 'neck:4', '--mobility', 'walk', '--at', day(6, '09:00'));
  cli(home, 'log', '4', 'lower-back', 'neck:3', '--mobility', 'walk', '--at', day(8, '09:00'));
  cli(home, 'log', 'walk', '40', '--at', day(9, '11:00'));
  cli(home, 'log', 'session', '--exercises', 'basics-lie-flat', '--pain-before', '4', '--pain-after', '3', '--minutes', '10', '--at', day(9, '18:00'));
  cli(home, 'log', '3', 'lower-back', '--mobility', 'walk', '--at', day(10, '09:00'));
  cli(home, 'log', '2', 'lower-back', '--mobility', 'move', '--at', day(11, '08:00'));
  cli(home, 'function', 'add', 'put on socks');
  cli(home, 'function', 'rate', 'put on socks', '3');
  cli(home, 'function', 'rate', 'put on socks', '5');
  cli(home, 'function', 'add', 'sit through a film');
}

before(async () => {
  limber = await startLimber({prepare: elevenDays});
  browser = await startBrowser();
  context = await browser.newContext(PHONE);
  context.setDefaultTimeout(10000);
  await (await context.newPage()).goto(limber.url);
});

after(async () => {
  await context?.close();
  await browser?.close();
  const stopped = await limber?.stop();
  assert.equal(stopped?.code, 0, `limber serve ended cleanly: ${limber?.stderr()}`);
});

// Issue #12, item 12: the page started twelve weeks back and said it was "the same file".
test('the report starts at the episode and is the same file as limber report', {timeout: 120000}, async () => {
  const page = await newPage(context);
  await page.goto(`${limber.base}#/report`);
  await page.getByRole('heading', {name: 'Report for your physical therapist', level: 1}).waitFor();
  assert.equal(await page.getByLabel('From').inputValue(), isoDay(11), 'the episode\'s first day');
  assert.equal(await page.getByLabel('To').inputValue(), isoDay(0));
  await page.getByLabel('Your name (optional)').fill('Ada Lovelace');
  assert.match(await page.locator('code').innerText(),
    new RegExp(`limber report --from ${isoDay(11)} --to ${isoDay(0)} --name "Ada Lovelace" -o report.pdf`));
  await checkAccessibility(page, 'the report page');
  await shot(page, 'screens-report-412');
  await page.getByRole('button', {name: 'Make the report'}).click();
  const link = page.getByRole('link', {name: /Download the report/});
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const fromPage = execFileSync('pdftotext', ['-layout', await download.path(), '-'], {encoding: 'utf8'});

  const dir = mkdtempSync(path.join(tmpdir(), 'limber-report-'));
  const pdf = path.join(dir, 'report.pdf');
  cli(limber.home, 'report', '--name', 'Ada Lovelace', '-o', pdf);
  const fromCli = execFileSync('pdftotext', ['-layout', pdf, '-'], {encoding: 'utf8'});
  rmSync(dir, {recursive: true, force: true});
  assert.equal(fromPage, fromCli, 'the page\'s default report is the terminal\'s');
  assert.match(fromPage, /Back pain diary of Ada Lovelace/);
  assert.match(fromPage, /\(12 days, 2 weeks\)/);
  assert.match(fromPage, /setback: slid back to could stand up straight/);
  assert.match(fromPage, /put on socks/);
  assert.match(fromPage, /\(5 days\)/, 'the short first week says so: 12 days are a week and 5 days');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue #12, item 13: one name for the phase, a level explained, the last check dated,
// Basics drawn ticked.
test('the phase, its level, the last check and Basics read the same as in the terminal', {timeout: 120000}, async () => {
  const page = await newPage(context);
  await page.goto(`${limber.base}#/today`);
  const heading = page.getByRole('heading', {name: /^Phase: /});
  await heading.waitFor();
  const plan = JSON.parse(cli(limber.home, 'today', '--json'));
  assert.equal(await heading.innerText(), `Phase: ${plan.phase_title} · level ${plan.level}`);
  assert.match(cli(limber.home, 'today'), new RegExp(`Phase: ${plan.phase_title.replace(/[()]/g, '\\$&')} · level ${plan.level}`));
  await page.getByText(/^Level \d of 5: how demanding the exercises are/).waitFor();
  await shot(page, 'screens-today-412');

  await page.goto(`${limber.base}#/check`);
  const last = page.getByRole('heading', {name: /^Your last result, /});
  await last.waitFor();
  assert.match(await last.innerText(), /\d/, 'the result has its date');

  await page.goto(`${limber.base}#/preferences`);
  const basics = page.getByRole('checkbox', {name: /Basics/});
  await basics.waitFor();
  assert.equal(await basics.isChecked(), true, 'Basics are always in: ticked');
  assert.equal(await basics.isDisabled(), true, 'and cannot be unticked');
  await checkAccessibility(page, 'the styles');
  await shot(page, 'screens-styles-412');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue #12, item 14: the legend showed ▼ where the marks are ▲, and the tallest bar ran
// into its mark.
test('the walking chart\'s session marks match the legend and clear the bars', {timeout: 120000}, async () => {
  const page = await newPage(context);
  await page.goto(`${limber.base}#/progress`);
  const chart = page.locator('[data-chart="activity"]');
  await chart.waitFor();
  const key = await page.locator('.key-session').evaluate((element) => {
    const style = getComputedStyle(element);
    return {top: parseFloat(style.borderTopWidth), bottom: parseFloat(style.borderBottomWidth)};
  });
  assert.ok(key.bottom > 0 && key.top === 0, `the legend's triangle points up: ${JSON.stringify(key)}`);
  const geometry = await chart.evaluate((svg) => {
    const box = (element) => {
      const {y, height} = element.getBBox();
      return {y, height};
    };
    const marks = [...svg.querySelectorAll('.session-mark')].map(box);
    const bars = [...svg.querySelectorAll('rect.bar')].map(box);
    return {marks, bars};
  });
  assert.ok(geometry.marks.length >= 1 && geometry.bars.length >= 1);
  const lowestMark = Math.max(...geometry.marks.map((m) => m.y + m.height));
  const highestBar = Math.min(...geometry.bars.map((b) => b.y));
  assert.ok(highestBar >= lowestMark, `the tallest bar (top ${highestBar}) stays below the marks (bottom ${lowestMark})`);
  await chart.scrollIntoViewIfNeeded();
  await shot(page, 'screens-progress-412');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue #12, item 9: the ratings were shown nowhere after they were given.
test('each activity shows its ratings and their trend, as limber function list does', {timeout: 120000}, async () => {
  const page = await newPage(context);
  await page.goto(`${limber.base}#/progress`);
  const socks = page.locator('.activity', {hasText: 'put on socks'});
  await socks.waitFor();
  assert.match(await socks.locator('.activity-ratings').innerText(), /^3 → 5, \+2 since the first rating \(last rated .+\)$/);
  assert.equal(await page.locator('.activity', {hasText: 'sit through a film'}).locator('.activity-ratings').innerText(), 'Not rated yet');
  const terminal = cli(limber.home, 'function', 'list');
  assert.match(terminal, /put on socks: 3 → 5 \(last rated .+\), \+2 since the first rating/);
  await socks.scrollIntoViewIfNeeded();
  await shot(page, 'screens-function-412');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Issue #12, item 15: the same start-up address opened four browsers.
test('a start-up address opens one browser once; another gets a page saying so', {timeout: 120000}, async () => {
  const stranger = await browser.newContext(PHONE);
  const page = await stranger.newPage();
  const response = await page.goto(limber.url);
  assert.equal(response.status(), 410);
  await page.getByRole('heading', {name: 'This address was already used'}).waitFor();
  assert.match(await page.locator('body').innerText(), /press\s+Enter in the terminal/i);
  await shot(page, 'screens-spent-key-412');
  // A new address from limber serve opens this browser.
  await page.goto(await limber.newUrl());
  await page.waitForURL(limber.base);
  await page.getByRole('heading', {name: 'Today'}).waitFor();
  await stranger.close();
});
