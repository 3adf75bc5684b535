// The page's files as limber ships them, with no browser: the ES modules js/app.js imports,
// near or far, are one bundle at /js/app.js (cmake/bundle_web.cmake, esbuild), so a reload
// asks the service worker for one script (issue 14's 100 ms); none of them is served on
// its own, and the bundle imports nothing more.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startLimber} from './harness.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

function imports(file) {
  const source = readFileSync(path.join(web, 'js', file), 'utf8');
  return [...source.matchAll(/^import\s[^;]*?from\s+'\.\/([\w-]+\.js)';/gms)].map((match) => match[1]);
}

let limber;
let cookie;
before(async () => {
  limber = await startLimber();
  // The start-up address's key, exchanged for the login cookie as a browser does.
  const login = await fetch(limber.url, {redirect: 'manual'});
  cookie = login.headers.get('set-cookie').split(';')[0];
});
after(async () => {
  await limber?.stop();
});

const get = (file) => fetch(`${limber.base}${file.replace(/^\//, '')}`, {headers: {Cookie: cookie}});

test('the page loads one script, the bundle of every module app.js imports, near or far', async () => {
  const reached = new Set();
  const queue = [...imports('app.js')];
  while (queue.length) {
    const file = queue.shift();
    if (reached.has(file)) continue;
    reached.add(file);
    queue.push(...imports(file));
  }
  assert.ok(reached.size >= 10, `app.js's imports were found: ${[...reached]}`);

  const page = await (await get('/')).text();
  assert.deepEqual([...page.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]),
    ['<script type="module" src="/js/app.js">'], 'one script, no inline one');
  assert.doesNotMatch(page, /modulepreload/, 'nothing left to preload');

  const bundle = await get('/js/app.js');
  assert.equal(bundle.status, 200);
  const text = await bundle.text();
  assert.doesNotMatch(text, /\bfrom\s*["']\.\//, 'no static import left to fetch');
  assert.doesNotMatch(text, /\bimport\s*\(/, 'no dynamic import either');
  assert.match(text, /limber cannot show this page/, 'app.js itself');
  for (const file of reached) {
    assert.equal((await get(`/js/${file}`)).status, 404, `${file} is in the bundle, not served alone`);
  }
  const worker = await (await get('/sw.js')).text();
  assert.match(worker, /'\/js\/app\.js'/, 'the service worker keeps the bundle');
  assert.doesNotMatch(worker, /'\/js\/(today|dom|api)\.js'/, 'and no module that is in it');
});
