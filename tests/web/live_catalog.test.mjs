// `limber serve` sees the therapist's exercises added while it runs (issue 15): `limber
// exercises add FILE` in a terminal, and the page's next load plans the exercise, without
// a restart; `limber exercises remove ID` takes it away again.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {binary, newPage, startBrowser, startPerson} from './harness.mjs';
import {writeTherapistFile} from './therapist_file.mjs';

let browser;
let folder;

before(async () => {
  browser = await startBrowser();
  folder = mkdtempSync(path.join(tmpdir(), 'limber-therapist-'));
});

after(async () => {
  await browser?.close();
  rmSync(folder, {recursive: true, force: true});
});

function limberCommand(home, ...args) {
  return execFileSync(binary, ['--data-dir', home, ...args], {env: {...process.env, TZ: 'UTC'}}).toString();
}

async function plannedIds(page) {
  const today = await page.evaluate(async () => (await fetch('/api/today')).json());
  return today.plan.exercises.map((exercise) => exercise.id);
}

test('an exercise added in a terminal shows on the next load of a running page', {timeout: 120000}, async (t) => {
  const seed = [['check', '--answers', 'none'], ['log', '4', 'lower-back', '--mobility', 'walk']];
  const {limber, context} = await startPerson(t, browser, {seed});
  const page = await newPage(context);
  await page.goto(`${limber.base}#/today`);
  await page.locator('details.exercise').first().waitFor();
  assert.equal(await page.getByText('Towel squeeze').count(), 0);
  assert.ok(!(await plannedIds(page)).includes('basics-towel-squeeze'));

  assert.match(limberCommand(limber.home, 'exercises', 'add', writeTherapistFile(folder)),
    /Added 1 exercise from your therapist/);
  await page.reload();
  const towel = page.locator('details.exercise').filter({hasText: 'Towel squeeze'});
  await towel.waitFor();
  assert.equal(await towel.locator('.badge').innerText(), 'From your therapist');
  assert.ok((await plannedIds(page)).includes('basics-towel-squeeze'));
  // Its steps come from the same catalog.
  const steps = await page.evaluate(async () => (await fetch('/api/exercises/basics-towel-squeeze')).json());
  assert.equal(steps.name, 'Towel squeeze');

  limberCommand(limber.home, 'exercises', 'remove', 'basics-towel-squeeze');
  await page.reload();
  await page.locator('details.exercise').first().waitFor();
  assert.equal(await page.getByText('Towel squeeze').count(), 0);
  assert.ok(!(await plannedIds(page)).includes('basics-towel-squeeze'));
  assert.deepEqual(page.problems, []);
  await page.close();
});
