// Starts the real `limber serve` on a free loopback port over a fresh diary, and Debian's
// chromium through playwright-core (no browser download). Shared by the e2e tests.
import {spawn} from 'node:child_process';
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

// `prepare(home)`, when given, fills the fresh diary before the server starts.
export async function startLimber({prepare} = {}) {
  const home = mkdtempSync(path.join(tmpdir(), 'limber-e2e-'));
  if (prepare) await prepare(home);
  const child = spawn(binary, ['--data-dir', home, 'serve', '--port', '0', '--no-open'], {
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

// A page that fails the test on a script error or a Content-Security-Policy violation.
export async function newPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.problems = problems;
  return page;
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
