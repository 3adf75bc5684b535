// The therapist's page for real (issue 17): a throwaway PostgreSQL (scripts/clinic-pg), the
// real `limber-clinic serve` with its trial CA, and Debian's chromium trusting that CA
// through an NSS database (certutil), as a clinic's computer would. The therapist logs in,
// sees the caseload by need, opens a patient's page with its charts and PDF; a red-flag
// check arrives for another patient (inserted with SQL until the patient's `limber share`
// is merged), and after a reload that patient is first. On a patient's page the therapist
// assigns an exercise by pasting its JSON (a wrong one refused with the server's words
// beside the form), sees it listed, and removes it after saying yes once more, all with the
// keyboard. Accessibility is checked with axe.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {checkAccessibility, newPage, screenshots, shot, tabTo} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const clinicBinary = process.env.LIMBER_CLINIC_BINARY ?? path.join(repo, 'build', 'dev', 'limber-clinic');
const PASSWORD = 'a long trial password';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

let folder;
let pgHost;
let server;
let browser;
let alexId;

const owner = () => `host=${pgHost} dbname=clinic user=limber_clinic_owner`;

function sql(statement) {
  return execFileSync('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-h', pgHost, '-U', 'postgres',
    '-d', 'clinic', '-c', statement], {encoding: 'utf8'}).trim();
}

// A patient of therapist 1 with a pain rating each day of the last two weeks.
function patient(name, pains) {
  const id = sql(`INSERT INTO clinic.patients (clinic_id, therapist_id, display_name)
    VALUES (1, 1, '${name}') RETURNING id`).split('\n')[0];
  pains.forEach((pain, day) => {
    sql(`INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
      VALUES (${id}, 'pain-${day}', 'pain', now() - interval '${day} days' - interval '1 hour',
      jsonb_build_object('resourceType', 'Observation', 'valueInteger', ${pain},
        'bodySite', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('code', '37822005')))))`);
  });
  return id;
}

function startClinic() {
  const child = spawn(clinicBinary, ['--database', `host=${pgHost} dbname=clinic user=limber_clinic_app`,
    'serve', '--port', '0', '--trial-ca', path.join(folder, 'ca')], {stdio: ['ignore', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => { err += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`limber-clinic printed no address: ${out}${err}`)), 60000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/serves (https:\/\/\S+\/)/);
      if (found) {
        clearTimeout(timer);
        resolve({child, exited, url: found[1], stderr: () => err});
      }
    });
    child.on('exit', (code) => reject(new Error(`limber-clinic exited with ${code}: ${err}`)));
  });
}

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'limber-clinic-web-'));
  chmodSync(folder, 0o755);  // the postgres user passes through to its own folder
  pgHost = path.join(folder, 'pg');
  execFileSync(path.join(repo, 'scripts', 'clinic-pg'), ['start', pgHost], {stdio: 'ignore'});
  execFileSync('createdb', ['-h', pgHost, '-U', 'postgres', '-O', 'limber_clinic_owner', 'clinic']);
  execFileSync(clinicBinary, ['--database', owner(), 'migrate'], {stdio: 'ignore'});
  execFileSync(clinicBinary, ['--database', owner(), 'add-clinic', 'North clinic'], {stdio: 'ignore'});
  execFileSync(clinicBinary, ['--database', owner(), 'add-therapist', '--clinic', '1', '--email',
    'ann@north.example', '--name', 'Ann'], {input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit']});
  const alex = alexId = patient('Alex Steady', [3, 3, 4, 3, 3, 4, 3, 3, 4, 4, 3, 4, 4, 4]);
  // Alex walks most days and rates one activity twice: 3, then 6.
  sql(`INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
    SELECT ${alex}, 'walk-' || d, 'walk', now() - make_interval(days => d, hours => 3),
      jsonb_build_object('resourceType', 'Observation', 'valueInteger', 15 + d)
    FROM generate_series(0, 13) d WHERE d % 3 <> 1`);
  sql(`INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
    SELECT ${alex}, 'psfs-' || d, 'psfs', now() - make_interval(days => d, hours => 4),
      jsonb_build_object('resourceType', 'Observation', 'code', jsonb_build_object('text', 'Putting on socks'),
        'valueInteger', CASE WHEN d > 5 THEN 3 ELSE 6 END)
    FROM unnest(ARRAY[12, 2]) d`);
  // Alex does an exercise session two days ago, and sits at the computer 2 hours 30
  // minutes yesterday, in 3 stretches.
  const code = (name) => `jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('system', 'urn:limber:code', 'code', '${name}')))`;
  const part = (name, value) => `jsonb_build_object('code', ${code(name)}, 'valueInteger', ${value})`;
  sql(`INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
    VALUES (${alex}, 'session-1', 'session', now() - interval '2 days',
      jsonb_build_object('resourceType', 'Observation', 'code', ${code('session')}, 'valueInteger', 12,
        'component', jsonb_build_array(${part('pain-before', 5)}, ${part('pain-after', 3)}))),
    (${alex}, 'mobility-1', 'pain', now() - interval '10 days',
      jsonb_build_object('resourceType', 'Observation', 'valueInteger', 5,
        'component', jsonb_build_array(jsonb_build_object('code', ${code('mobility')}, 'valueString', 'stand: standing, walking is hard')))),
    (${alex}, 'mobility-2', 'pain', now() - interval '2 days' - interval '2 hours',
      jsonb_build_object('resourceType', 'Observation', 'valueInteger', 3,
        'note', jsonb_build_array(jsonb_build_object('text', 'Walked to the shop <b>and back</b>')),
        'component', jsonb_build_array(jsonb_build_object('code', ${code('mobility')}, 'valueString', 'walk: walking a little')))),
    (${alex}, 'relief-1', 'relief', now() - interval '3 days',
      jsonb_build_object('resourceType', 'Observation', 'valueCodeableConcept', jsonb_build_object(
        'coding', jsonb_build_array(jsonb_build_object('system', 'urn:limber:relief', 'code', 'heat')), 'text', 'hot shower'))),
    (${alex}, 'sitting-1', 'sitting', now() - interval '1 day',
      jsonb_build_object('resourceType', 'Observation', 'code', ${code('sitting')}, 'valueInteger', 9000,
        'component', jsonb_build_array(${part('sitting-bouts', 3)}, ${part('sitting-longest', 4200)})))`);
  patient('Bea Rising', [8, 8, 7, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5]);
  patient('Cam Quiet', [5, 5, 5]);
  sql(`UPDATE clinic.observations SET effective_at = effective_at - interval '5 days'
       WHERE patient_id = (SELECT id FROM clinic.patients WHERE display_name = 'Cam Quiet')`);
  server = await startClinic();
  // The browser trusts the trial CA, as a clinic's computer would after installing it.
  const nss = path.join(folder, 'home', '.pki', 'nssdb');
  mkdirSync(nss, {recursive: true});
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'limber-clinic trial', '-t', 'C,,',
    '-i', path.join(folder, 'ca', 'ca.pem')]);
  mkdirSync(screenshots, {recursive: true});
  browser = await chromium.launch({
    executablePath: process.env.LIMBER_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    env: {...process.env, HOME: path.join(folder, 'home')},
  });
});

after(async () => {
  await browser?.close();
  if (server) {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, `limber-clinic ended cleanly: ${server.stderr()}`);
  }
  if (pgHost) execFileSync(path.join(repo, 'scripts', 'clinic-pg'), ['stop', pgHost], {stdio: 'ignore'});
  rmSync(folder, {recursive: true, force: true});
});

const names = (page) => page.locator('#caseload tbody th').allTextContents();

test('a therapist logs in, reads the caseload and a patient, and a red flag moves a patient first', async () => {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  context.setDefaultTimeout(20000);
  const page = await newPage(context, {allow: ['401 GET /api/caseload', `400 POST /api/patients/${alexId}/exercises`]});
  await page.goto(server.url);

  // Logged out: the form, reached and filled with the keyboard.
  await page.getByRole('heading', {name: 'Log in'}).waitFor();
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type('ann@north.example');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', {name: 'Your patients'}).waitFor();

  assert.deepEqual(await names(page), ['Bea Rising', 'Cam Quiet', 'Alex Steady']);
  const bea = page.locator('#caseload tbody tr').first();
  assert.equal(await bea.getAttribute('data-need'), 'pain-rising');
  assert.match(await bea.getByRole('img').getAttribute('aria-label'), /^Pain over the last 14 days, oldest first: 5, 5/);
  assert.match(await bea.locator('td').nth(2).textContent(), /^\+\d/);
  assert.equal(await bea.locator('td').nth(3).textContent(), '14');
  await checkAccessibility(page, 'the caseload');
  await shot(page, 'clinic-caseload');

  // A patient's page: the charts and the report's PDF for the same days.
  await page.getByRole('link', {name: 'Alex Steady'}).click();
  await page.getByRole('heading', {name: 'Alex Steady'}).waitFor();
  assert.match(await page.locator('#pain-chart svg').getAttribute('aria-label'), /14 days rated/);
  assert.equal(await page.locator('#regions tbody th').first().textContent(), 'Lower back');
  assert.equal(await page.locator('#function tbody td').last().textContent(), '+3');
  assert.match(await page.locator('#walk-chart svg').getAttribute('aria-label'), /^Minutes walked each week/);
  // The report's weeks: a session and the sitting above, in the week that holds them.
  const weeks = page.locator('#weeks tbody tr');
  const lastWeek = await weeks.last().locator('td').allTextContents();
  const allWeeks = await weeks.evaluateAll((rows) => rows.map((row) => [...row.cells].slice(1).map((td) => Number(td.textContent))));
  assert.equal(allWeeks.reduce((sum, row) => sum + row[2], 0), 1, `one session in all: ${JSON.stringify(allWeeks)}`);
  assert.equal(allWeeks.reduce((sum, row) => sum + row[4], 0), 3, `three stretches of sitting: ${JSON.stringify(allWeeks)}`);
  assert.equal(allWeeks.reduce((sum, row) => sum + row[3], 0), 2.5, `2.5 hours sat: ${JSON.stringify(allWeeks)}`);
  assert.equal(lastWeek.length, 5, 'the sitting columns are shown');
  // The rest of the report: getting about, the session's pain before and after, the relief
  // and the note, shown as text (the note's markup is not markup).
  assert.match(await page.locator('#mobility').textContent(), /At the start of these days: could stand up straight\. At the end: could walk for several minutes\./);
  assert.match(await page.locator('#mobility li[data-change="up"]').last().textContent(), /first noted: could walk for several minutes/);
  assert.deepEqual(await page.locator('#sessions tbody td').allTextContents(), ['12', '5', '3', '']);
  assert.match(await page.locator('#reliefs li').textContent(), /^Heat: hot shower, 1 time \(\d{4}-\d{2}-\d{2}\)$/);
  assert.match(await page.locator('#notes li').textContent(), /: Walked to the shop <b>and back<\/b>$/);
  assert.equal(await page.locator('#notes b').count(), 0);
  const pdf = await page.getByRole('link', {name: 'The report as a PDF'}).getAttribute('href');
  // Fetched by the page itself, over the connection chromium verified against the CA.
  const answer = await page.evaluate(async (address) => {
    const response = await fetch(address);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {status: response.status, type: response.headers.get('Content-Type'),
      start: String.fromCharCode(...bytes.subarray(0, 5))};
  }, pdf);
  assert.deepEqual(answer, {status: 200, type: 'application/pdf', start: '%PDF-'});
  await checkAccessibility(page, "a patient's page");
  await shot(page, 'clinic-patient');

  // Assign an exercise in limber's catalog format: a wrong level is refused with the
  // server's words beside the form, nothing assigned; the right one is listed.
  const basics = JSON.parse(readFileSync(path.join(repo, 'data', 'exercises', 'basics.json'), 'utf8'));
  const towel = {...basics.exercises[0], id: 'basics-towel-squeeze', name: 'Towel squeeze'};
  assert.equal(await page.locator('#assigned-empty').textContent(), 'None yet.');
  await tabTo(page, page.getByLabel('Or paste the JSON'));
  await page.keyboard.insertText(JSON.stringify({...towel, level: 9}, null, 2));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('#assign-error').filter({hasText: /line \d+: basics-towel-squeeze: 'level' is 9/}).waitFor();
  assert.equal(sql('SELECT count(*) FROM clinic.assigned_exercises'), '0');
  await page.getByLabel('Or paste the JSON').fill(JSON.stringify(towel, null, 2));
  await tabTo(page, page.getByRole('button', {name: 'Assign', exact: true}));
  await page.keyboard.press('Enter');
  await page.locator('#assigned tbody th').filter({hasText: 'Towel squeeze'}).waitFor();
  assert.equal(await page.locator('#assigned tbody td.id').textContent(), 'basics-towel-squeeze');
  assert.equal(await page.locator('#assign-error').textContent(), '');
  assert.equal(sql('SELECT exercise_id FROM clinic.assigned_exercises'), 'basics-towel-squeeze');
  await checkAccessibility(page, "a patient's assigned exercises");
  await shot(page, 'clinic-assigned');
  // Removed after a second yes, with the keyboard: "Keep" first changes nothing.
  await tabTo(page, page.getByRole('button', {name: 'Remove Towel squeeze (basics-towel-squeeze)'}));
  await page.keyboard.press('Enter');
  await page.getByRole('button', {name: 'Keep'}).click();
  assert.equal(sql('SELECT count(*) FROM clinic.assigned_exercises'), '1');
  await page.getByRole('button', {name: 'Remove Towel squeeze (basics-towel-squeeze)'}).press('Enter');
  await page.keyboard.press('Enter');  // the focus is on "Yes, remove"
  await page.locator('#assigned-empty').waitFor({state: 'visible'});
  assert.equal(sql('SELECT count(*) FROM clinic.assigned_exercises'), '0');
  await page.getByRole('link', {name: 'Back to your patients'}).click();
  await page.getByRole('heading', {name: 'Your patients'}).waitFor();

  // Alex's check says to get help now: after a reload, Alex is first.
  sql(`INSERT INTO clinic.observations (patient_id, identifier, code, effective_at, resource)
    SELECT id, 'check-1', 'check', now() - interval '1 minute',
      '{"resourceType": "Observation", "valueString": "emergency"}'
    FROM clinic.patients WHERE display_name = 'Alex Steady'`);
  await page.reload();
  await page.getByRole('heading', {name: 'Your patients'}).waitFor();
  assert.deepEqual(await names(page), ['Alex Steady', 'Bea Rising', 'Cam Quiet']);
  assert.equal(await page.locator('#caseload tbody tr').first().locator('td').nth(4).textContent(), '+3');
  assert.equal(await page.locator('#caseload tbody tr').first().locator('.need').textContent(), 'Check: get help now');
  await shot(page, 'clinic-red-flag');

  // Logging out ends the session: a reload shows the form again.
  await page.getByRole('button', {name: 'Log out'}).click();
  await page.getByRole('heading', {name: 'Log in'}).waitFor();
  await page.reload();
  await page.getByRole('heading', {name: 'Log in'}).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
