// An exercise file from the person's therapist (issue 15), as `limber exercises add` takes
// it: the catalog's own schema, with the stop block every exercise carries, copied from
// limber's own catalog.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const basics = JSON.parse(readFileSync(path.join(here, '..', '..', 'data', 'exercises', 'basics.json'), 'utf8'));

// "Towel squeeze", for walking and moving, at level 1: Today plans it once the person walks.
export const TOWEL_SQUEEZE = {
  id: 'basics-towel-squeeze',
  name: 'Towel squeeze',
  style: 'basics',
  summary: 'Squeeze a rolled towel between the knees.',
  phases: ['walk', 'move'],
  level: 1,
  position: 'lying-back',
  dose: {reps: 8, sets: 2, rest_seconds: 20},
  minutes: 3,
  steps: ['Lie on your back, knees bent.', 'Squeeze the towel for a count of five.'],
  cues: ['Breathe out as you squeeze.'],
  stop_if: basics.exercises[0].stop_if,
  strengthens: ['deep-abs'],
  relaxes: [],
  eases: ['lower-back'],
};

// Writes the file into `folder` and returns its path.
export function writeTherapistFile(folder, exercises = [TOWEL_SQUEEZE]) {
  const file = path.join(folder, 'from-anna.json');
  writeFileSync(file, JSON.stringify({style: 'basics', exercises}, null, 2));
  return file;
}
