// Starts the real `limber serve` on a free loopback port over a fresh diary, and Debian's
// chromium through playwright-core (no browser download). Shared by the e2e tests.
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import assert from 'node:assert/strict';
import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
export const binary = process.env.LIMBER_BINARY ?? path.join(repo, 'build', 'dev', 'limber');
export const screenshots = process.env.LIMBER_E2E_OUT ?? path.join(repo, 'build', 'e2e-screenshots');
const axeSource = readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// The flags a headless chromium needs on this machine (no sandbox as root, no network
// chatter that a closed network refuses).
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

// `seed`: limber commands run on the fresh diary before it is served, through the real
// binary ([['check', '--answers', 'none'], ['log', '6', 'lower-back']]); or
// `{seed, prepare, serveArgs, program}`, where `prepare(home)` fills the diary its own way,
// `serveArgs` are more options for `limber serve` (['--bind', '127.0.0.3']) and `program`
// is another limber to run than LIMBER_BINARY (a benchmark's baseline).
export async function startLimber(options = []) {
  const {seed = [], prepare, serveArgs = [], program = binary} = Array.isArray(options) ? {seed: options} : options;
  const home = mkdtempSync(path.join(tmpdir(), 'limber-e2e-'));
  for (const args of seed) {
    execFileSync(program, ['--data-dir', home, ...args], {env: {...process.env, TZ: 'UTC'}, stdio: ['ignore', 'pipe', 'pipe']});
  }
  if (prepare) await prepare(home);
  const child = spawn(program, ['--data-dir', home, 'serve', '--port', '0', '--no-open', ...serveArgs], {
    env: {...process.env, TZ: 'UTC', DISPLAY: '', WAYLAND_DISPLAY: ''},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk) => { printed += chunk; });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`limber serve printed no address: ${out}${stderr}`)), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/\S+\?token=[0-9a-f]+/);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`limber serve exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({code, signal})));
  // Enter on its standard input prints a new address (each key opens one browser, once).
  async function newUrl() {
    const seen = (printed.match(/\?token=[0-9a-f]+/g) ?? []).length;
    child.stdin.write('\n');
    for (let i = 0; i < 200; i += 1) {
      const all = printed.match(/http:\/\/\S+\?token=[0-9a-f]+/g) ?? [];
      if (all.length > seen) return all[all.length - 1];
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`limber serve printed no new address: ${printed}`);
  }
  return {
    url,
    newUrl,
    base: url.replace(/\?.*$/, ''),
    home,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      const result = await exited;
      rmSync(home, {recursive: true, force: true});
      return result;
    },
  };
}

export async function startBrowser() {
  mkdirSync(screenshots, {recursive: true});
  return chromium.launch({executablePath: process.env.LIMBER_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS});
}

// One person's own limber for one test: a fresh diary (seeded as startLimber's `seed`), its
// own server, and a browser context that holds its session cookie (unless `key` is false,
// for a test that opens the key itself). All of it ends with the test, and the server must
// stop cleanly.
export async function startPerson(t, browser, {seed = [], key = true, options = {}} = {}) {
  const limber = await startLimber(seed);
  const context = await browser.newContext({...PHONE, ...options});
  context.setDefaultTimeout(10000);
  t.after(async () => {
    await context.close();
    const stopped = await limber.stop();
    assert.equal(stopped.code, 0, `limber serve ended cleanly on SIGTERM: ${limber.stderr()}`);
  });
  if (key) {
    const page = await newPage(context);
    await page.goto(limber.url);
    await page.waitForURL(limber.base);
    assert.deepEqual(page.problems, [], 'opening the key');
    await page.close();
  }
  return {limber, context};
}

export const PHONE = {viewport: {width: 390, height: 844}, deviceScaleFactor: 1, hasTouch: true};

// A page whose problems the test asserts away at its end (`page.problems`): a script
// error, a console error, a Content-Security-Policy violation, and any HTTP answer of 400
// or more. `allow` names the answers that are the point of the test, as
// '<status> <METHOD> <path>' ('400 POST /api/report').
export async function newPage(context, {allow = []} = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const answer = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
    if (!allow.includes(answer)) problems.push(`HTTP ${answer}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // chromium's own line for an answer of 400 or more: the 'response' handler above has
    // already judged that answer, with its method and path.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  return page;
}

// Moves the focus with the Tab key, as a person without a mouse does, until `target` has
// it; fails if `limit` presses never get there. Returns how many presses it took.
export async function tabTo(page, target, limit = 80) {
  await target.waitFor();
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${limit} presses of Tab never reached ${target}; the focus is on ${focused}`);
}

export async function shot(page, name) {
  await page.screenshot({path: path.join(screenshots, `${name}.png`), fullPage: true});
}

// axe-core on the page as it is now: no serious or critical violations (WCAG 2.2 AA rules
// and best practices). axe is evaluated through the DevTools protocol, which the page's
// Content-Security-Policy does not block.
export async function checkAccessibility(page, where) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
    resultTypes: ['violations'],
  }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
    [], `axe on ${where}`);
  return results.violations;
}

// Waits until a service worker controls the page: on the 'controllerchange' event in the
// page, not by polling on animation frames (waitForFunction's way, which depends on
// chromium painting the page); fails at once, saying so, when the worker being installed turns redundant (its install
// failed: it will never control the page), and after `timeout` with the worker's states.
export async function waitForController(page, timeout = 30000) {
  const outcome = await page.evaluate((limit) => new Promise((resolve) => {
    const workers = navigator.serviceWorker;
    if (workers.controller) {
      resolve('controlled');
      return;
    }
    workers.addEventListener('controllerchange', () => resolve('controlled'), {once: true});
    const watch = (worker) => worker?.addEventListener('statechange', () => {
      if (worker.state === 'redundant' && !workers.controller) resolve('the service worker being installed turned redundant: its install failed');
    });
    workers.getRegistration().then((registration) => {
      if (!registration) return;
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    });
    setTimeout(async () => {
      const registration = await workers.getRegistration();
      const state = (worker) => worker?.state ?? 'none';
      resolve(`no service worker controls the page after ${limit} ms (registered: ${Boolean(registration)}; installing ${state(registration?.installing)}, waiting ${state(registration?.waiting)}, active ${state(registration?.active)})`);
    }, limit);
  }), timeout);
  assert.equal(outcome, 'controlled');
}
