// `limber serve` as a command: its options, its warning, its clean stop.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {binary} from './harness.mjs';

function home() {
  return mkdtempSync(path.join(tmpdir(), 'limber-serve-'));
}

test('a port out of range is a usage error', () => {
  const dir = home();
  const run = spawnSync(binary, ['--data-dir', dir, 'serve', '--port', '70000', '--no-open'], {encoding: 'utf8'});
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /--port 70000 is out of range/);
  rmSync(dir, {recursive: true, force: true});
});

test('binding beyond this computer prints a warning, and SIGINT stops it cleanly', async () => {
  const dir = home();
  const child = spawn(binary, ['--data-dir', dir, 'serve', '--bind', '0.0.0.0', '--port', '0', '--no-open'],
    {env: {...process.env, DISPLAY: '', WAYLAND_DISPLAY: ''}});
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { err += chunk; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address: ${out} ${err}`)), 20000);
    child.stdout.on('data', () => {
      if (/token=[0-9a-f]{64}/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  assert.match(err, /warning: listening on 0\.0\.0\.0/);
  assert.match(out, /http:\/\/0\.0\.0\.0:\d+\/\?token=/);
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  assert.equal(await exited, 0);
  assert.match(out, /Stopped\. Your diary is saved\./);
  rmSync(dir, {recursive: true, force: true});
});

test('on a desktop it opens the browser without putting the key in the process list', async () => {
  const dir = home();
  const bin = mkdtempSync(path.join(tmpdir(), 'limber-bin-'));
  const runtime = mkdtempSync(path.join(tmpdir(), 'limber-runtime-'));
  const opened = path.join(bin, 'opened');
  // A stand-in for xdg-open that writes down what it was asked to open.
  writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, {mode: 0o755});
  const child = spawn(binary, ['--data-dir', dir, 'serve', '--port', '0'], {
    env: {...process.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99', XDG_RUNTIME_DIR: runtime},
  });
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let target = '';
  for (let i = 0; i < 200 && !target; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    target = existsSync(opened) ? readFileSync(opened, 'utf8') : '';
  }
  const url = out.match(/http:\/\/\S+\?token=[0-9a-f]{64}/)?.[0];
  assert.ok(url, out);
  assert.match(target, /^file:\/\/.*limber-serve-\d+\.html$/);
  assert.ok(!target.includes('token'), 'the key is not in xdg-open\'s arguments');
  const page = target.replace('file://', '');
  assert.equal(statSync(page).mode & 0o777, 0o600);
  assert.ok(readFileSync(page, 'utf8').includes(url));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.equal(existsSync(page), false, 'the page with the key is removed at the end');
  for (const folder of [dir, bin, runtime]) rmSync(folder, {recursive: true, force: true});
});

// Issue #12, item 15: the same start-up address opened four separate browsers.
test('an address opens one browser once, and Enter prints a new one', async () => {
  const dir = home();
  const child = spawn(binary, ['--data-dir', dir, 'serve', '--port', '0', '--no-open'],
    {env: {...process.env, DISPLAY: '', WAYLAND_DISPLAY: ''}, stdio: ['pipe', 'pipe', 'pipe']});
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  const addresses = () => out.match(/http:\/\/\S+\?token=[0-9a-f]{64}/g) ?? [];
  const waitFor = async (count) => {
    for (let i = 0; i < 200 && addresses().length < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(addresses().length >= count, `expected ${count} addresses: ${out}`);
    return addresses()[count - 1];
  };
  const first = await waitFor(1);
  assert.match(out, /Press Enter here for a new address/);
  const opened = await fetch(first, {redirect: 'manual'});
  assert.equal(opened.status, 200);
  assert.match(opened.headers.get('set-cookie') ?? '', /limber_session=/);
  const again = await fetch(first, {redirect: 'manual'});
  assert.equal(again.status, 410);
  assert.equal(again.headers.get('set-cookie'), null);
  assert.match(await again.text(), /This address was already used/);

  child.stdin.write('\n');
  const second = await waitFor(2);
  assert.notEqual(second, first);
  assert.equal((await fetch(second, {redirect: 'manual'})).status, 200);
  assert.equal((await fetch(second, {redirect: 'manual'})).status, 410);

  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  rmSync(dir, {recursive: true, force: true});
});
