// Charts as SVG that scale to any width (readable at 360 px): pain by day with its 7-day
// line, and walks and sessions by day. Each chart has a text summary for screen readers
// (role="img" with a label) and a table with the same numbers.
import {h, shortDay, svg} from './dom.js';

const WIDTH = 340;
const HEIGHT = 190;
const LEFT = 30;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 26;

function xFor(index, count) {
  if (count <= 1) return LEFT + (WIDTH - LEFT - RIGHT) / 2;
  return LEFT + (index * (WIDTH - LEFT - RIGHT)) / (count - 1);
}

function yFor(value, max) {
  return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / max);
}

function dateLabels(days) {
  const picks = days.length <= 7 ? days.map((_, i) => i) : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  return picks.map((i) => svg('text', {
    x: xFor(i, days.length), y: HEIGHT - 6, class: 'axis', 'text-anchor': i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle',
  }, shortDay(days[i].date)));
}

export function painChart(progress, label) {
  const days = progress.days;
  const n = days.length;
  const grid = [0, 2, 4, 6, 8, 10].map((v) => svg('g', {},
    svg('line', {x1: LEFT, x2: WIDTH - RIGHT, y1: yFor(v, 10), y2: yFor(v, 10), class: 'grid'}),
    svg('text', {x: LEFT - 6, y: yFor(v, 10) + 4, class: 'axis', 'text-anchor': 'end'}, v)));
  const segments = [];
  let current = [];
  days.forEach((day, i) => {
    if (day.pain_7day === null) {
      if (current.length) segments.push(current);
      current = [];
    } else {
      current.push(`${xFor(i, n).toFixed(1)},${yFor(day.pain_7day, 10).toFixed(1)}`);
    }
  });
  if (current.length) segments.push(current);
  const lines = segments.map((points) => (points.length === 1
    ? svg('circle', {cx: points[0].split(',')[0], cy: points[0].split(',')[1], r: 3, class: 'line-dot'})
    : svg('polyline', {points: points.join(' '), class: 'line-7day'})));
  const dots = days.map((day, i) => (day.pain_mean === null ? null
    : svg('circle', {cx: xFor(i, n), cy: yFor(day.pain_mean, 10), r: 4.5, class: 'dot', dataset: {date: day.date}})));
  return h('figure', {class: 'chart'},
    svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart-svg', dataset: {chart: 'pain'}},
      grid, lines, dots, dateLabels(days)),
    h('figcaption', {class: 'legend'},
      h('span', {class: 'key key-dot', 'aria-hidden': 'true'}), ' Daily average  ',
      h('span', {class: 'key key-line', 'aria-hidden': 'true'}), ' 7-day line'));
}

// Session marks (▲) sit in a row of their own above the bars, so the tallest bar never
// runs into one.
const MARK_ROW = 16;

export function activityChart(progress, label) {
  const days = progress.days;
  const n = days.length;
  const max = Math.max(30, ...days.map((d) => d.walk_minutes));
  const yFor = (value) => TOP + MARK_ROW + (HEIGHT - TOP - MARK_ROW - BOTTOM) * (1 - value / max);
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, n);
  const barWidth = Math.max(2, step * 0.6);
  const bars = days.map((day, i) => {
    const x = LEFT + i * step + (step - barWidth) / 2;
    const parts = [];
    if (day.walk_minutes > 0) {
      const y = yFor(day.walk_minutes);
      parts.push(svg('rect', {x, y, width: barWidth, height: HEIGHT - BOTTOM - y, class: 'bar'}));
    }
    if (day.sessions > 0) {
      parts.push(svg('path', {
        d: `M ${x + barWidth / 2} ${TOP + 1} l 6 10 h -12 z`, class: 'session-mark', dataset: {date: day.date},
      }));
    }
    return parts;
  });
  const ticks = [0, Math.round(max / 2), max].map((v) => svg('g', {},
    svg('line', {x1: LEFT, x2: WIDTH - RIGHT, y1: yFor(v), y2: yFor(v), class: 'grid'}),
    svg('text', {x: LEFT - 6, y: yFor(v) + 4, class: 'axis', 'text-anchor': 'end'}, v)));
  const labels = dateLabels(days.map((d, i) => ({...d, index: i})));
  return h('figure', {class: 'chart'},
    svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart-svg', dataset: {chart: 'activity'}},
      ticks, bars, labels),
    h('figcaption', {class: 'legend'},
      h('span', {class: 'key key-bar', 'aria-hidden': 'true'}), ' Walking minutes  ',
      h('span', {class: 'key key-session', 'aria-hidden': 'true'}), ' A session that day'));
}

export function dayTable(progress) {
  const fmt = (v) => (v === null ? '–' : v.toFixed(1));
  return h('details', {class: 'table-details'},
    h('summary', {}, 'Show the numbers'),
    h('div', {class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Numbers by day'},
      h('table', {},
        h('thead', {}, h('tr', {}, ['Day', 'Pain', '7-day', 'Walk min', 'Sessions'].map((t) => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, [...progress.days].reverse().map((d) => h('tr', {},
          h('th', {scope: 'row'}, shortDay(d.date)),
          h('td', {}, fmt(d.pain_mean)), h('td', {}, fmt(d.pain_7day)),
          h('td', {}, d.walk_minutes), h('td', {}, d.sessions)))))));
}

// Sitting by day, from `limber watch`: the longest stretch as a bar, a tick over days
// with a reminder answered by standing up.
export function sittingChart(sitting, label) {
  const n = sitting.length;
  const max = Math.max(60, ...sitting.map((d) => d.longest_minutes));
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, n);
  const barWidth = Math.max(2, step * 0.6);
  const bars = sitting.map((day, i) => {
    const x = LEFT + i * step + (step - barWidth) / 2;
    if (day.longest_minutes <= 0) return null;
    const y = yFor(day.longest_minutes, max);
    return svg('rect', {x, y, width: barWidth, height: HEIGHT - BOTTOM - y, class: 'bar bar-sitting', dataset: {date: day.date}});
  });
  const ticks = [0, Math.round(max / 2), max].map((v) => svg('g', {},
    svg('line', {x1: LEFT, x2: WIDTH - RIGHT, y1: yFor(v, max), y2: yFor(v, max), class: 'grid'}),
    svg('text', {x: LEFT - 6, y: yFor(v, max) + 4, class: 'axis', 'text-anchor': 'end'}, v)));
  return h('figure', {class: 'chart'},
    svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart-svg', dataset: {chart: 'sitting'}},
      ticks, bars, dateLabels(sitting)),
    h('figcaption', {class: 'legend'},
      h('span', {class: 'key key-bar-sitting', 'aria-hidden': 'true'}), ' Longest time sitting without a break, minutes'));
}
