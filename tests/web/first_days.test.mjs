// Issue #12, "How to judge it done": the eleven days of a back spasm the issue was found
// with (pain 8 to 2, lie to move, a flare on day 5, neck pain from day 6), played through
// the CLI and through the API, each finding checked on the day it shows; then day 1 and
// day 5 seen on a phone-sized page (412x915: Today, Log, Session), screenshots kept.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {binary, newPage, shot, startBrowser} from './harness.mjs';

const ENV = {...process.env, TZ: 'UTC', DISPLAY: '', WAYLAND_DISPLAY: ''};
const PHONE = {viewport: {width: 412, height: 915}, deviceScaleFactor: 1, hasTouch: true};
const DAY_MS = 24 * 3600 * 1000;

// The story, a day per line: [pain, regions, mobility, note] at 09:00, and on day 5 a second
// entry at 15:00.
const STORY = [
  {pain: 8, regions: ['lower-back'], mobility: 'lie'},
  {pain: 7, regions: ['lower-back'], mobility: 'lie'},
  {pain: 6, regions: ['lower-back'], mobility: 'stand'},
  {pain: 5, regions: ['lower-back'], mobility: 'stand'},
  {pain: 4, regions: ['lower-back'], mobility: 'walk',
    later: {pain: 7, regions: ['lower-back'], mobility: 'walk', note: 'after carrying the shopping'}},
  {pain: 5, regions: ['lower-back', 'neck:3'], mobility: 'walk'},
  {pain: 4, regions: ['lower-back', 'neck:3'], mobility: 'walk'},
  {pain: 3, regions: ['lower-back', 'neck:2'], mobility: 'walk'},
  {pain: 3, regions: ['lower-back', 'neck:2'], mobility: 'move'},
  {pain: 2, regions: ['lower-back'], mobility: 'move'},
  {pain: 2, regions: ['lower-back'], mobility: 'move'},
];

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function tempHome() {
  return mkdtempSync(path.join(tmpdir(), 'limber-days-'));
}

function cli(home, args, expectStatus = 0) {
  const run = spawnSync(binary, ['--data-dir', home, ...args], {env: ENV, encoding: 'utf8'});
  assert.equal(run.status, expectStatus, `limber ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

// The story's entries with their moments: day `last` of the story falls on `lastDayMs`'s
// date; the last day's entries are put just before now, so none is in the future.
function entries(last, lastDayMs) {
  const out = [];
  const now = Date.now();
  for (let day = 1; day <= last; day += 1) {
    const date = isoDay(lastDayMs - (last - day) * DAY_MS);
    const today = day === last && isoDay(now) === date;
    const story = STORY[day - 1];
    const at = (hour, minutesAgo) => (today ? new Date(now - minutesAgo * 60000).toISOString().slice(0, 19) + 'Z'
      : `${date}T${hour}:00:00Z`);
    out.push({day, date, at: at('09', 10), ...story});
    if (story.later) out.push({day, date, at: at('15', 2), ...story.later});
  }
  return out;
}

function sessionLength(plan) {
  return plan.exercises.filter((e) => ['warm-up', 'main', 'cool-down'].includes(e.part))
    .reduce((sum, e) => sum + e.minutes, 0);
}

test('eleven days in the terminal: each finding of issue #12 on its day', {timeout: 180000}, () => {
  const home = tempHome();
  try {
    cli(home, ['check', '--answers', 'none']);
    const yesterday = Date.now() - DAY_MS;  // day 11 is yesterday: every hour of it is past
    const all = entries(11, yesterday);
    for (const e of all) {
      const args = ['log', String(e.pain), ...e.regions, '--mobility', e.mobility, '--at', e.at];
      if (e.note) args.push('--note', e.note);
      cli(home, args);
    }
    const plans = {};
    for (let day = 1; day <= 11; day += 1) {
      const date = isoDay(yesterday - (11 - day) * DAY_MS);
      plans[day] = JSON.parse(cli(home, ['today', '--json', '--date', date]));
      const plan = plans[day];
      // One length for a session, with its cool-down (item 7).
      assert.equal(plan.session_minutes, sessionLength(plan), `day ${day}`);
      if (plan.session_minutes > 0) assert.ok(plan.exercises.some((e) => e.part === 'cool-down'), `day ${day}`);
      // No broken sentence (item 6).
      for (const reason of plan.reasons) assert.doesNotMatch(reason.text, /you said you moving|\s\s/);
      // The default text is a screenful (item 5).
      const text = cli(home, ['today', '--date', date]);
      const lines = text.trimEnd().split('\n');
      // A screenful: about 24 rows; a flare's two days add its notice and the first and last
      // piece of its advice (all of it with --full).
      const rows = plan.flare_advice.length ? 28 : 26;
      assert.ok(lines.length <= rows, `day ${day}: ${lines.length} lines\n${text}`);
      for (const line of lines) assert.ok([...line].length <= 80, `day ${day}: ${line}`);
      // Every place logged this week is answered (item 11).
      for (const region of ['lower-back', 'neck']) {
        const logged = all.some((e) => e.day <= day && e.day > day - 7 && e.regions.some((r) => r.startsWith(region)));
        if (!logged) continue;
        const eased = plan.exercises.some((e) => e.eases.includes(region));
        const named = plan.reasons.some((r) => r.tip === 5 && r.text.includes(region.replace('-', ' ')));
        assert.ok(eased || named, `day ${day}: ${region} is left silent`);
      }
    }
    // Day 1, cannot stand up straight: change position and supported steps, not walks (item 8).
    assert.equal(plans[1].phase, 'rest');
    assert.ok(plans[1].keep_moving.every((line) => !/Walk about|Stand up and move/.test(line)), plans[1].keep_moving.join(' | '));
    assert.ok(plans[1].exercises.some((e) => e.id === 'basics-assisted-steps'));
    // Day 5, 4 to 7 at 15:00 after the shopping: a flare, with two days of advice (item 4).
    assert.equal(plans[5].flare, true);
    assert.equal(plans[5].days_since_flare, 0);
    assert.ok(plans[5].flare_advice.length > 0);
    assert.equal(plans[5].offer_check, false, 'a rise of 3 is a flare, not a reason to check again');
    assert.equal(plans[6].days_since_flare, 1);
    assert.ok(plans[6].flare_advice.length > 0, 'the advice stands for 48 hours');
    assert.equal(plans[7].flare_advice.length, 0);
    assert.equal(plans[11].days_since_flare, 6);
    // Day 6, the neck is new from the first day it appears (item 10).
    assert.ok(plans[6].notices.some((n) => /New this week: pain in your neck/.test(n)), plans[6].notices.join(' | '));
    assert.ok(!plans[5].notices.some((n) => /neck/.test(n)));
    // The plan climbs as the pain falls, and never past move.
    assert.equal(plans[11].phase, 'move');
  } finally {
    rmSync(home, {recursive: true, force: true});
  }
});

// `limber serve` over a fresh diary, fed through its API with the token as a Bearer key.
async function serve(home) {
  const child = spawn(binary, ['--data-dir', home, 'serve', '--port', '0', '--no-open'], {env: ENV, stdio: ['ignore', 'pipe', 'pipe']});
  let err = '';
  child.stderr.on('data', (chunk) => { err += chunk; });
  // The address opens one browser once; scripts get their own key (Authorization: Bearer).
  const [url, token] = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address: ${out}${err}`)), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/\S+\?token=[0-9a-f]+/);
      const bearer = out.match(/Bearer ([0-9a-f]+)/);
      if (found && bearer) {
        clearTimeout(timer);
        resolve([found[0], bearer[1]]);
      }
    });
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const base = url.replace(/\/?\?.*$/, '');
  const call = async (method, where, body) => {
    const send = () => fetch(`${base}${where}`, {
      method,
      headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let response;
    try {
      response = await send();
    } catch (error) {
      // The server closes a connection left idle for 5 s (request_timeout); node's fetch may
      // have picked that closed keep-alive socket. The request never reached the server.
      if (error?.cause?.code !== 'UND_ERR_SOCKET') throw error;
      response = await send();
    }
    const text = await response.text();
    return {status: response.status, body: text ? JSON.parse(text) : null};
  };
  return {
    url, base, call,
    async stop() {
      child.kill('SIGTERM');
      assert.equal(await exited, 0, err);
    },
  };
}

function apiEntry(e) {
  const body = {pain: e.pain, regions: e.regions, mobility: e.mobility, at: e.at};
  if (e.note) body.note = e.note;
  return body;
}

test('the same eleven days through the API give the plan the terminal gives', {timeout: 120000}, async () => {
  const viaCli = tempHome();
  const viaApi = tempHome();
  const server = await serve(viaApi);
  try {
    const yesterday = Date.now() - DAY_MS;
    cli(viaCli, ['check', '--answers', 'none']);
    const check = await server.call('GET', '/api/check');
    assert.equal(check.status, 200);
    const answers = Object.fromEntries(check.body.questions.map((q) => [q.id, false]));
    assert.equal((await server.call('POST', '/api/check', {answers})).status, 201);
    for (const e of entries(11, yesterday)) {
      const args = ['log', String(e.pain), ...e.regions, '--mobility', e.mobility, '--at', e.at];
      if (e.note) args.push('--note', e.note);
      cli(viaCli, args);
      const saved = await server.call('POST', '/api/entries', apiEntry(e));
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
    }
    const terminal = JSON.parse(cli(viaCli, ['today', '--json']));
    const page = (await server.call('GET', '/api/today')).body.plan;
    for (const key of ['phase', 'level', 'day_of_episode', 'session_minutes', 'keep_moving', 'notices', 'days_since_flare']) {
      assert.deepEqual(page[key], terminal[key], key);
    }
    assert.deepEqual(page.exercises.map((e) => e.id), terminal.exercises.map((e) => e.id));
    // A refusal is a refusal (item 3): an emergency pauses the session in both shells.
    cli(viaCli, ['check', '--answers', 'bladder']);
    assert.match(cli(viaCli, []), /emergency|999|112|911/i, 'status shows the emergency first');
    cli(viaCli, ['session', '--plain'], 3);
    const bladder = Object.fromEntries(check.body.questions.map((q) => [q.id, q.id === 'bladder']));
    assert.equal((await server.call('POST', '/api/check', {answers: bladder})).status, 201);
    const refused = await server.call('GET', '/api/session');
    assert.equal(refused.status, 409);
    assert.ok(refused.body.error && refused.body.safety);
  } finally {
    await server.stop();
    rmSync(viaCli, {recursive: true, force: true});
    rmSync(viaApi, {recursive: true, force: true});
  }
});

test('day 1 and day 5 on a phone: the way to start is on the first screen', {timeout: 240000}, async () => {
  const browser = await startBrowser();
  try {
    for (const day of [1, 5]) {
      const home = tempHome();
      const server = await serve(home);
      try {
        const check = await server.call('GET', '/api/check');
        const answers = Object.fromEntries(check.body.questions.map((q) => [q.id, false]));
        assert.equal((await server.call('POST', '/api/check', {answers})).status, 201);
        for (const e of entries(day, Date.now())) {
          const saved = await server.call('POST', '/api/entries', apiEntry(e));
          assert.equal(saved.status, 201, JSON.stringify(saved.body));
        }
        const context = await browser.newContext(PHONE);
        context.setDefaultTimeout(15000);
        const page = await newPage(context);
        await page.goto(server.url);
        await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
        const start = page.getByRole('link', {name: /Start the (session|posture routine)/});
        await start.waitFor();
        const box = await start.boundingBox();
        assert.ok(box && box.y + box.height <= PHONE.viewport.height, `day ${day}: the start button is at ${box?.y}px`);
        const text = await page.locator('main').innerText();
        if (day === 5) {
          assert.match(text, /After a flare, for two days/);
          assert.match(text, /Stepped back after a flare/);
        } else {
          assert.match(text, /Change position at least every/);
          assert.doesNotMatch(text, /Walk about/);
        }
        await shot(page, `first-days-day${day}-today`);
        await page.goto(`${server.base}/#/log`);
        await page.getByRole('heading', {name: 'Log', level: 1}).waitFor();
        await shot(page, `first-days-day${day}-log`);
        await page.goto(`${server.base}/#/session`);
        await page.getByRole('heading', {level: 1}).first().waitFor();
        await shot(page, `first-days-day${day}-session`);
        assert.deepEqual(page.problems, []);
        await context.close();
      } finally {
        await server.stop();
        rmSync(home, {recursive: true, force: true});
      }
    }
  } finally {
    await browser.close();
  }
});
