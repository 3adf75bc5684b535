// The page's files as the build embeds them, read from web/ with no browser: every module
// app.js imports, near or far, has a modulepreload link in index.html (so a reload asks for
// them all at once, issue 14), and none is preloaded that the page does not use.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

function imports(file) {
  const source = readFileSync(path.join(web, 'js', file), 'utf8');
  return [...source.matchAll(/^import\s[^;]*?from\s+'\.\/([\w-]+\.js)';/gms)].map((match) => match[1]);
}

test('index.html preloads exactly the modules app.js imports, near or far', () => {
  const reached = new Set();
  const queue = [...imports('app.js')];
  while (queue.length) {
    const file = queue.shift();
    if (reached.has(file)) continue;
    reached.add(file);
    queue.push(...imports(file));
  }
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/js\/([\w-]+\.js)">/g)].map((match) => match[1]);
  assert.ok(reached.size >= 10, `app.js's imports were found: ${[...reached]}`);
  assert.deepEqual([...preloaded].sort(), [...reached].sort());
  assert.match(html, /<script type="module" src="\/js\/app.js"><\/script>/);
});
