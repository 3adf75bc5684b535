// A fresh diary written through the real `limber` binary, as a person would fill it in:
// three weeks since the back locked. Shared by the interop tests.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
export const binary = process.env.LIMBER_BINARY ?? path.join(repo, 'build', 'dev', 'limber');

// limber runs in this zone, whatever node's own zone is; dates the tests compare with
// limber's are taken in it too (localDay), never from node's clock.
export const zone = 'Europe/Berlin';

// {year, month, day} of a moment on the wall calendar in `zone`.
export function localDay(ms = Date.now()) {
  const parts = new Intl.DateTimeFormat('en-US', {timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric'})
    .formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return {year: get('year'), month: get('month'), day: get('day')};
}

// Whole days from `from` to `to` ({year, month, day}), by the calendar.
export function daysBetween(from, to) {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86400000);
}

export function tempDiary() {
  const home = mkdtempSync(path.join(tmpdir(), 'limber-interop-'));
  const limber = (...args) => execFileSync(binary, ['--data-dir', home, ...args], {
    env: {...process.env, TZ: zone},
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {home, limber, remove: () => rmSync(home, {recursive: true, force: true})};
}

// Days before today in `zone`, so the diary is always recent: "2026-11-01T09:00" style
// local times.
function daysAgo(n, time) {
  const today = localDay();
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day - n));
  const pad = (v) => String(v).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${time}`;
}

export function fillDiary(limber) {
  limber('check', '--answers', 'none');
  limber('muscles', '--weak', 'deep-abs', '--tight', 'hip-flexors');
  limber('log', '8', 'lower-back', 'right-buttock:6', '--mobility', 'lie', '--at', daysAgo(20, '09:00'),
         '--note', 'could not get out of bed; "really" stuck, 100%');
  limber('log', 'relief', 'heat', 'hot water bottle', '--at', daysAgo(20, '10:00'));
  limber('log', '6', 'lower-back', 'left-thigh:4', 'neck', '--mobility', 'stand', '--at', daysAgo(15, '08:30'));
  limber('log', 'walk', '12', '--at', daysAgo(12, '11:00'));
  limber('log', '4', 'other', '--mobility', 'walk', '--at', daysAgo(8, '19:45'));
  limber('log', '3', 'lower-back', '--mobility', 'move', '--at', daysAgo(2, '09:00'), '--note', 'gardening');
}
