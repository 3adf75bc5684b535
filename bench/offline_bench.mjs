#!/usr/bin/env node
// The phone page's speed (issue 14), on loopback in Debian's chromium (playwright-core from
// tests/web: run tests/web/run once, or `npm ci` there): the bytes the first load
// transfers (goal: under 150 KB), and a reload served by the service worker, by Navigation
// Timing (goal: ready in under 100 ms). Prints a Markdown table for docs/benchmarks.md.
//
//   node bench/offline_bench.mjs     # LIMBER_BINARY (default build/release/limber),
//                                    # LIMBER_BENCH_RELOADS (default 30)
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.LIMBER_BINARY ??= path.join(here, '..', 'build', 'release', 'limber');
if (!existsSync(process.env.LIMBER_BINARY)) {
  console.error(`bench/offline_bench.mjs: ${process.env.LIMBER_BINARY} is missing: build the release preset, or set LIMBER_BINARY`);
  process.exit(1);
}
const {PHONE, startBrowser, startLimber} = await import('../tests/web/harness.mjs');
const reloads = Number(process.env.LIMBER_BENCH_RELOADS ?? 30);

const limber = await startLimber([['check', '--answers', 'none'], ['log', '5', 'lower-back', '--at', '1h ago']]);
const browser = await startBrowser();
try {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // The first load: every answer the page asked for (body and headers, as sent)...
  let pageBytes = 0;
  let requests = 0;
  const count = async (request) => {
    const sizes = await request.sizes();
    pageBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    requests += 1;
  };
  page.on('requestfinished', count);
  // What the service worker itself fetched over the network to fill its cache: with the
  // page's files' ETag these are 304s, their bodies coming from the browser's HTTP cache.
  let workerBytes = 0;
  let workerRequests = 0;
  let notModified = 0;
  const countWorker = async (request) => {
    if (!request.serviceWorker()) return;
    const sizes = await request.sizes();
    workerBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    workerRequests += 1;
    if ((await request.response())?.status() === 304) notModified += 1;
  };
  context.on('requestfinished', countWorker);
  await page.goto(limber.url);
  await page.waitForURL(limber.base);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForTimeout(500);  // the last answers' sizes
  page.off('requestfinished', count);
  context.off('requestfinished', countWorker);
  // ... and what the service worker fetched to keep (the page's files, once more).
  const precache = await page.evaluate(async () => {
    let bytes = 0;
    let files = 0;
    for (const name of await caches.keys()) {
      if (!name.startsWith('limber-page-')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        files += 1;
      }
    }
    return {bytes, files};
  });

  const timings = [];
  for (let i = 0; i < reloads; i += 1) {
    await page.reload();
    await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
    timings.push(await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return {
        dcl: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
        fromWorker: navigation.workerStart > 0,
      };
    }));
  }
  const sorted = (key) => timings.map((t) => t[key]).sort((a, b) => a - b);
  const at = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`| measure | figure | goal |`);
  console.log(`| --- | --- | --- |`);
  console.log(`| first load, the page's ${requests} requests | ${kb(pageBytes)} KB | |`);
  console.log(`| first load, what the service worker fetched to keep ${precache.files} files (${kb(precache.bytes)} KB kept): ${workerRequests} requests, ${notModified} of them 304 | ${kb(workerBytes)} KB | |`);
  console.log(`| first load, transferred in all | ${kb(pageBytes + workerBytes)} KB | < 150 KB |`);
  for (const [key, name] of [['dcl', 'domContentLoadedEventEnd'], ['load', 'loadEventEnd']]) {
    const values = sorted(key);
    console.log(`| reload by the service worker, ${name}: median / p90 / max of ${reloads} | ${at(values, 0.5).toFixed(1)} / ${at(values, 0.9).toFixed(1)} / ${values[values.length - 1].toFixed(1)} ms | < 100 ms |`);
  }
  console.log(`\n(${timings.filter((t) => t.fromWorker).length} of ${reloads} reloads went through the service worker)`);
  await context.close();
} finally {
  await browser.close();
  await limber.stop();
}
