// Exercises from the therapist on Today (issue 15), in Debian's chromium: after `limber
// exercises add FILE`, the one Today plans carries a "From your therapist" badge, and
// limber's own exercises do not.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {checkAccessibility, newPage, shot, startBrowser, startPerson} from './harness.mjs';
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

for (const scheme of ['light', 'dark']) {
  test(`Today marks the therapist's exercise with a badge (${scheme})`, {timeout: 120000}, async (t) => {
    const seed = [
      ['exercises', 'add', writeTherapistFile(folder)],
      ['check', '--answers', 'none'],
      ['log', '4', 'lower-back', '--mobility', 'walk'],
    ];
    const {limber, context} = await startPerson(t, browser, {seed, options: {colorScheme: scheme}});
    const page = await newPage(context);
    await page.goto(`${limber.base}#/today`);
    const towel = page.locator('details.exercise').filter({hasText: 'Towel squeeze'});
    await towel.waitFor();
    const badge = towel.locator('summary .badge');
    assert.equal(await badge.innerText(), 'From your therapist');
    assert.ok(await badge.isVisible());
    const exercises = await page.locator('details.exercise').count();
    assert.ok(exercises > 1, `limber's own exercises are planned too (${exercises})`);
    assert.equal(await page.locator('details.exercise .badge').count(), 1, 'only the therapist\'s has the badge');
    await shot(page, `today-therapist-badge-${scheme}`);
    await checkAccessibility(page, `Today with a therapist's exercise (${scheme})`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
