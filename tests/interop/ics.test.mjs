// The week's plan as iCalendar, parsed by ical.js (the parser behind several calendar apps):
// every event inside the coming week, at the chosen times, each with a display alarm.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import {daysBetween, fillDiary, localDay, tempDiary} from './diary.mjs';

test('the calendar parses with ical.js and reminds the person of each walk and session', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  fillDiary(diary.limber);
  const file = path.join(diary.home, 'plan.ics');
  diary.limber('export', '--format', 'ics', '--walk-at', '10:15', '--session-at', '18:30', '-o', file);
  const text = readFileSync(file, 'utf8');

  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  assert.ok(calendar.getFirstPropertyValue('prodid').includes('limber'));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  assert.ok(events.length >= 7, `${events.length} events`);

  // "Today" where limber runs (Berlin), not in node's zone: late in the UTC evening the two
  // are different days.
  const today = localDay();
  const days = new Set();
  const uids = new Set();
  for (const event of events) {
    const start = event.startDate;
    assert.equal(start.isDate, false);
    assert.equal(start.zone?.tzid, 'floating', 'a floating local time');
    const walk = event.summary.startsWith('Walk');
    assert.ok(walk || /^(Exercise session|Posture routine), \d+ minutes$/.test(event.summary), event.summary);
    assert.deepEqual([start.hour, start.minute], walk ? [10, 15] : [18, 30]);
    assert.ok(event.duration.toSeconds() > 0);
    const offset = daysBetween(today, {year: start.year, month: start.month, day: start.day});
    assert.ok(offset >= 0 && offset <= 6, `event ${offset} days from today`);
    days.add(offset);
    uids.add(event.uid);

    const alarms = event.component.getAllSubcomponents('valarm');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0].getFirstPropertyValue('action'), 'DISPLAY');
    assert.equal(alarms[0].getFirstPropertyValue('trigger').toSeconds(), -600);
    assert.ok(event.description.includes('limber'));
  }
  assert.equal(days.size, 7, 'a walk every day of the week');
  assert.equal(uids.size, events.length, 'every event has its own uid');
});
