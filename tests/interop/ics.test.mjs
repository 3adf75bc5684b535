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

// Issue 15: the evening question of `limber watch --log-reminder` in the calendar too, at
// the chosen time on each day, with an alarm at its start; off unless asked for.
test('with --log-reminder the calendar asks "How is your back this evening?" each day', (t) => {
  const diary = tempDiary();
  t.after(diary.remove);
  fillDiary(diary.limber);
  const without = new ICAL.Component(ICAL.parse(diary.limber('export', '--format', 'ics')));
  const summaries = (calendar) => calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
  assert.ok(!summaries(without).includes('How is your back this evening?'), 'off unless asked for');

  const file = path.join(diary.home, 'plan.ics');
  diary.limber('export', '--format', 'ics', '--log-reminder', '20:45', '-o', file);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const questions = events.filter((event) => event.summary === 'How is your back this evening?');
  assert.equal(questions.length, 7, 'one a day for the week');
  assert.equal(events.length - questions.length, summaries(without).length, 'the plan\'s events are all still there');
  const today = localDay();
  const days = new Set();
  for (const event of questions) {
    const start = event.startDate;
    assert.equal(start.zone?.tzid, 'floating');
    assert.deepEqual([start.hour, start.minute], [20, 45]);
    assert.equal(event.duration.toSeconds(), 300);
    assert.match(event.uid, /^log-\d{8}@limber$/);
    assert.match(event.description, /Log page/);
    days.add(daysBetween(today, {year: start.year, month: start.month, day: start.day}));
    const alarms = event.component.getAllSubcomponents('valarm');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0].getFirstPropertyValue('action'), 'DISPLAY');
    assert.equal(alarms[0].getFirstPropertyValue('trigger').toSeconds(), 0, 'at the time itself');
  }
  assert.deepEqual([...days].sort(), [0, 1, 2, 3, 4, 5, 6]);
  assert.equal(new Set(events.map((event) => event.uid)).size, events.length, 'every uid its own');
  // Each day in the order its events come.
  const starts = events.map((event) => event.startDate.toUnixTime());
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test('a --log-reminder time that is not one is refused with the way to write it', () => {
  const diary = tempDiary();
  try {
    fillDiary(diary.limber);
    assert.throws(() => diary.limber('export', '--format', 'ics', '--log-reminder', '8pm'),
      (error) => error.status === 2 && /--log-reminder/.test(error.stderr) && /HH:MM|\d\d:\d\d/.test(error.stderr));
    assert.throws(() => diary.limber('export', '--format', 'csv', '--log-reminder', '20:00'),
      (error) => error.status === 2 && /--log-reminder is for --format ics only/.test(error.stderr));
  } finally {
    diary.remove();
  }
});
