// Where it hurts: a front and a back view to tap, and beside them the same regions as a
// list of checkboxes, the way to choose them without a pointer. The drawings are a
// pointer shortcut to the list (aria-hidden); the list is the control of record.
import {h, svg, uid} from './dom.js';

// Shapes in a 200 x 470 box. Seen from the front, the person's right is on the left.
const FRONT = [
  {region: 'neck', shape: 'rect', x: 86, y: 62, width: 28, height: 24, rx: 8},
  {region: 'right-shoulder', shape: 'rect', x: 40, y: 84, width: 40, height: 32, rx: 15},
  {region: 'left-shoulder', shape: 'rect', x: 120, y: 84, width: 40, height: 32, rx: 15},
  {region: 'right-hip', shape: 'rect', x: 62, y: 208, width: 37, height: 40, rx: 14},
  {region: 'left-hip', shape: 'rect', x: 101, y: 208, width: 37, height: 40, rx: 14},
  {region: 'right-thigh', shape: 'rect', x: 63, y: 252, width: 34, height: 96, rx: 15},
  {region: 'left-thigh', shape: 'rect', x: 103, y: 252, width: 34, height: 96, rx: 15},
  {region: 'right-calf', shape: 'rect', x: 66, y: 352, width: 29, height: 90, rx: 13},
  {region: 'left-calf', shape: 'rect', x: 105, y: 352, width: 29, height: 90, rx: 13},
];
const BACK = [
  {region: 'neck', shape: 'rect', x: 86, y: 62, width: 28, height: 24, rx: 8},
  {region: 'left-shoulder', shape: 'rect', x: 40, y: 84, width: 40, height: 32, rx: 15},
  {region: 'right-shoulder', shape: 'rect', x: 120, y: 84, width: 40, height: 32, rx: 15},
  {region: 'upper-back', shape: 'rect', x: 70, y: 88, width: 60, height: 40, rx: 10},
  {region: 'mid-back', shape: 'rect', x: 68, y: 130, width: 64, height: 38, rx: 8},
  {region: 'lower-back', shape: 'rect', x: 66, y: 170, width: 68, height: 40, rx: 10},
  {region: 'left-buttock', shape: 'rect', x: 62, y: 212, width: 37, height: 38, rx: 16},
  {region: 'right-buttock', shape: 'rect', x: 101, y: 212, width: 37, height: 38, rx: 16},
  {region: 'left-thigh', shape: 'rect', x: 63, y: 252, width: 34, height: 96, rx: 15},
  {region: 'right-thigh', shape: 'rect', x: 103, y: 252, width: 34, height: 96, rx: 15},
  {region: 'left-calf', shape: 'rect', x: 66, y: 352, width: 29, height: 90, rx: 13},
  {region: 'right-calf', shape: 'rect', x: 105, y: 352, width: 29, height: 90, rx: 13},
];

function silhouette() {
  // The body under the regions: head, torso, arms and feet, not themselves choosable.
  return svg('g', {class: 'silhouette'},
    svg('ellipse', {cx: 100, cy: 36, rx: 23, ry: 27}),
    svg('rect', {x: 64, y: 86, width: 72, height: 128, rx: 18}),
    svg('rect', {x: 34, y: 110, width: 22, height: 132, rx: 11}),
    svg('rect', {x: 144, y: 110, width: 22, height: 132, rx: 11}),
    svg('ellipse', {cx: 80, cy: 452, rx: 17, ry: 9}),
    svg('ellipse', {cx: 120, cy: 452, rx: 17, ry: 9}));
}

function figure(title, shapes, sideNote, names, toggle) {
  const drawing = svg('svg', {viewBox: '0 0 200 470', class: 'body', 'aria-hidden': 'true', focusable: 'false'},
    silhouette(),
    shapes.map((shape) => svg(shape.shape, {
      x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: shape.rx,
      class: 'region', dataset: {region: shape.region},
      onclick: () => toggle(shape.region),
    }, svg('title', {}, names.get(shape.region)))),
    svg('text', {x: 12, y: 20, class: 'side'}, sideNote[0]),
    svg('text', {x: 188, y: 20, class: 'side', 'text-anchor': 'end'}, sideNote[1]));
  return h('figure', {class: 'body-view'}, drawing, h('figcaption', {}, title));
}

// Returns {element, selected(), clear()}. `regions` is the vocabulary's list.
export function bodyMap(regions) {
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const boxes = new Map();
  const root = h('div', {class: 'bodymap'});

  function sync() {
    for (const shape of root.querySelectorAll('.region')) {
      shape.classList.toggle('on', boxes.get(shape.dataset.region)?.checked ?? false);
    }
    const chosen = [...boxes.values()].filter((box) => box.checked).map((box) => names.get(box.value));
    summary.textContent = chosen.length ? `Chosen: ${chosen.join(', ')}` : 'Nothing chosen yet.';
  }
  function toggle(region) {
    const box = boxes.get(region);
    box.checked = !box.checked;
    sync();
  }

  const summary = h('p', {class: 'chosen', 'aria-live': 'polite'});
  const drawings = h('div', {class: 'body-views'},
    figure('Front', FRONT, ['R', 'L'], names, toggle),
    figure('Back', BACK, ['L', 'R'], names, toggle));
  const listId = uid('regions');
  const list = h('fieldset', {class: 'region-list', id: listId},
    h('legend', {}, 'Or choose from the list'),
    h('div', {class: 'checks'}, regions.map((region) => {
      const box = h('input', {type: 'checkbox', name: 'region', value: region.id, onchange: sync});
      boxes.set(region.id, box);
      return h('label', {class: 'check'}, box, h('span', {}, region.name));
    })));
  root.append(
    h('p', {class: 'hint'}, 'Tap where it hurts. Tap again to undo. R and L are your right and left.'),
    drawings, summary, list);
  sync();
  return {
    element: root,
    selected: () => [...boxes.values()].filter((box) => box.checked).map((box) => box.value),
    clear: () => {
      for (const box of boxes.values()) box.checked = false;
      sync();
    },
  };
}
