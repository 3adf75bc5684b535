#!/usr/bin/env node
// The phone page's speed (issue 14), on loopback in Debian's chromium (playwright-core from
// tests/web: run tests/web/run once, or `npm ci` there): the bytes the first load
// transfers (goal: under 150 KB), and a reload served by the service worker, by Navigation
// Timing (goal: ready in under 100 ms). Prints a Markdown table for docs/benchmarks.md.
//
// The bytes are counted twice: by Playwright (what the page and its service worker asked
// for, as chromium reports it) and on the wire, by a TCP relay in front of limber that
// counts every byte limber sends: the relay listens on 127.0.0.1:PORT and limber on
// 127.0.0.3:PORT, so the page's Host and Origin stay what limber allows. A reload is
// "ready" when Today's heading is on the screen (a MutationObserver added before the
// page's own scripts), besides Navigation Timing's domContentLoaded and load events.
//
// With LIMBER_BENCH_BASELINE (another limber, an older build), both run side by side and
// their reloads take turns in rounds of five, so a machine busy with other work slows both
// alike, and the table gives each figure for both and their ratio.
//
//   node bench/offline_bench.mjs     # LIMBER_BINARY (default build/release/limber),
//                                    # LIMBER_BENCH_RELOADS (default 30),
//                                    # LIMBER_BENCH_BASELINE (none unless given)
import {existsSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.LIMBER_BINARY ??= path.join(here, '..', 'build', 'release', 'limber');
const baseline = process.env.LIMBER_BENCH_BASELINE;
for (const program of [process.env.LIMBER_BINARY, baseline]) {
  if (program !== undefined && !existsSync(program)) {
    console.error(`bench/offline_bench.mjs: ${program} is missing: build the release preset, or set LIMBER_BINARY`);
    process.exit(1);
  }
}
const {PHONE, startBrowser, startLimber, waitForController} = await import('../tests/web/harness.mjs');
const reloads = Number(process.env.LIMBER_BENCH_RELOADS ?? 30);
const ROUND = 5;

// A relay from 127.0.0.1:port to limber on 127.0.0.3:port that counts what limber sends,
// and its answers by status (the 304s that Playwright reports as the 200s kept).
async function countingRelay(port) {
  let sent = 0;
  const statuses = {};
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.3');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => { client.destroy(); upstream.destroy(); });
      socket.on('close', () => sockets.delete(socket));
    }
    upstream.on('data', (chunk) => {
      sent += chunk.length;
      for (const [, status] of chunk.toString('latin1').matchAll(/HTTP\/1\.1 (\d{3}) /g)) {
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    sent: () => sent,
    statuses: () => ({...statuses}),
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(resolve);
    }),
  };
}

// One limber with its own browser context: opens the page with its key, counts the first
// load, and waits until the service worker controls the page. `reload(n)` then reloads it
// n times, keeping each one's timings.
async function firstLoad(browser, program) {
  const limber = await startLimber({
    seed: [['check', '--answers', 'none'], ['log', '5', 'lower-back', '--at', '1h ago']],
    serveArgs: ['--bind', '127.0.0.3'],
    program,
  });
  const relay = await countingRelay(Number(new URL(limber.url).port));
  const url = limber.url.replace('127.0.0.3', '127.0.0.1');
  const base = limber.base.replace('127.0.0.3', '127.0.0.1');
  const context = await browser.newContext(PHONE);
  // When Today's heading is first on the screen, in the page's own clock.
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const heading = document.querySelector('main h1');
      if (heading && heading.textContent === 'Today') {
        window.limberBenchShown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, {childList: true, subtree: true});
  });
  const page = await context.newPage();
  // The first load: every answer the page asked for (body and headers, as sent)...
  const figures = {pageBytes: 0, requests: 0, workerBytes: 0, workerRequests: 0, notModified: 0};
  const count = async (request) => {
    const sizes = await request.sizes();
    figures.pageBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    figures.requests += 1;
  };
  page.on('requestfinished', count);
  // ... and what the service worker itself fetched over the network to fill its cache.
  const countWorker = async (request) => {
    if (!request.serviceWorker()) return;
    const sizes = await request.sizes();
    figures.workerBytes += sizes.responseBodySize + sizes.responseHeadersSize;
    figures.workerRequests += 1;
    if ((await request.response())?.status() === 304) figures.notModified += 1;
  };
  context.on('requestfinished', countWorker);
  await page.goto(url);
  await page.waitForURL(base);
  await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
  await waitForController(page);
  await page.waitForTimeout(500);  // the last answers' sizes
  page.off('requestfinished', count);
  context.off('requestfinished', countWorker);
  figures.wire = relay.sent();
  figures.statuses = relay.statuses();
  // What the service worker keeps: the page's files, read back from its cache.
  figures.precache = await page.evaluate(async () => {
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
  let reloadWire = 0;
  return {
    figures,
    timings,
    reloadWire: () => reloadWire / Math.max(1, timings.length),
    async reload(times) {
      const before = relay.sent();
      for (let i = 0; i < times; i += 1) {
        await page.reload();
        await page.getByRole('heading', {name: 'Today', level: 1}).waitFor();
        await page.waitForFunction(() => document.readyState === 'complete' && window.limberBenchShown !== undefined);
        timings.push(await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation');
          const resources = performance.getEntriesByType('resource');
          const pathOf = (entry) => new URL(entry.name).pathname;
          const files = resources.filter((entry) => !pathOf(entry).startsWith('/api/'));
          const api = (path) => resources.find((entry) => pathOf(entry) === path);
          const today = api('/api/today');
          // Each file's time in the service worker: from its fetch event to its answer.
          const inWorker = files.filter((entry) => entry.workerStart > 0)
            .map((entry) => entry.responseEnd - entry.workerStart);
          return {
            dcl: navigation.domContentLoadedEventEnd,
            load: navigation.loadEventEnd,
            shown: window.limberBenchShown,
            fromWorker: navigation.workerStart > 0,
            // Where a reload's time goes (the breakdown after the table).
            phases: {
              workerStart: navigation.workerStart,
              documentAnswered: navigation.responseEnd,
              domInteractive: navigation.domInteractive,
              filesAsked: files.length ? Math.min(...files.map((entry) => entry.startTime)) : 0,
              filesAnswered: files.length ? Math.max(...files.map((entry) => entry.responseEnd)) : 0,
              dclStart: navigation.domContentLoadedEventStart,
              todayAsked: today ? today.startTime : 0,
              todayAnswered: today ? today.responseEnd : 0,
              files: files.length,
              requests: resources.length,
              fileInWorker: inWorker.length ? inWorker.reduce((a, b) => a + b, 0) / inWorker.length : 0,
            },
          };
        }));
      }
      reloadWire += relay.sent() - before;
    },
    async close() {
      await context.close();
      await relay.close();
      await limber.stop();
    },
  };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const at = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
const sorted = (run, key) => run.timings.map((t) => t[key]).sort((a, b) => a - b);
const median = (run, key) => at(sorted(run, key), 0.5);

const browser = await startBrowser();
const runs = [];
try {
  runs.push(await firstLoad(browser, process.env.LIMBER_BINARY));
  if (baseline) runs.push(await firstLoad(browser, baseline));
  for (let done = 0; done < reloads; done += ROUND) {
    for (const run of runs) await run.reload(Math.min(ROUND, reloads - done));
  }
  const [now, before] = runs;
  const both = (figure, format) => (before ? `${format(figure(now))} (was ${format(figure(before))})` : format(figure(now)));
  console.log(before ? `| measure | this build (baseline) | ratio | goal |` : `| measure | figure | goal |`);
  console.log(before ? `| --- | --- | --- | --- |` : `| --- | --- | --- |`);
  const row = (name, figure, format, goal = '') => {
    const ratio = before ? ` ${(figure(now) / figure(before)).toFixed(2)} |` : '';
    console.log(`| ${name} | ${both(figure, format)} |${ratio} ${goal} |`);
  };
  const bytes = (value) => `${kb(value)} KB`;
  const f = now.figures;
  row(`first load, the page's ${f.requests} requests (Playwright)`, (run) => run.figures.pageBytes, bytes);
  row(`first load, what the service worker fetched to keep ${f.precache.files} files (${kb(f.precache.bytes)} KB kept): ${f.workerRequests} requests, ${f.notModified} of them 304 (Playwright)`,
    (run) => run.figures.workerBytes, bytes);
  row('first load, transferred in all (Playwright)', (run) => run.figures.pageBytes + run.figures.workerBytes, bytes, '< 150 KB');
  const answers = (run) => Object.entries(run.figures.statuses).map(([status, n]) => `${n} × ${status}`).join(', ');
  row(`first load, sent by limber on the wire (the relay): ${answers(now)}${before ? ` (was ${answers(before)})` : ''}`,
    (run) => run.figures.wire, bytes, '< 150 KB');
  row('a reload, sent by limber on the wire (mean)', (run) => run.reloadWire(), bytes);
  for (const [key, name] of [['dcl', 'domContentLoadedEventEnd'], ['load', 'loadEventEnd'], ['shown', "Today's heading on the screen"]]) {
    const spread = (run) => {
      const values = sorted(run, key);
      return `${at(values, 0.5).toFixed(1)} / ${at(values, 0.9).toFixed(1)} / ${values[values.length - 1].toFixed(1)} ms`;
    };
    const ratio = before ? ` ${(median(now, key) / median(before, key)).toFixed(2)} |` : '';
    console.log(`| reload by the service worker, ${name}: median / p90 / max of ${reloads} | ${spread(now)}${before ? ` (was ${spread(before)})` : ''} |${ratio} < 100 ms |`);
  }
  for (const run of runs) {
    console.log(`\n(${run.timings.filter((t) => t.fromWorker).length} of ${run.timings.length} reloads went through the service worker)`);
  }
  // Where a reload's time goes: the medians of each step, in the page's clock (0 is the
  // reload's start), for each build.
  const phase = (run, key) => at(run.timings.map((t) => t.phases[key]).sort((a, b) => a - b), 0.5);
  console.log(`\n| a reload, median (ms from its start) | this build${before ? ' | baseline' : ''} |`);
  console.log(`| --- | --- |${before ? ' --- |' : ''}`);
  for (const [key, name] of [
    ['workerStart', 'the service worker gets the navigation'],
    ['documentAnswered', 'index.html answered by the worker'],
    ['domInteractive', 'the HTML parsed (domInteractive)'],
    ['filesAsked', 'the first script or style asked for'],
    ['filesAnswered', 'the last script or style answered'],
    ['dclStart', 'the modules run (domContentLoadedEventStart)'],
    ['todayAsked', 'GET /api/today asked for'],
    ['todayAnswered', 'GET /api/today answered'],
    ['fileInWorker', "a file's time in the worker (mean of the reload's files)"],
    ['files', 'files asked for (scripts, styles, icons)'],
    ['requests', 'requests in all (files and API)'],
  ]) {
    console.log(`| ${name} | ${runs.map((run) => phase(run, key).toFixed(1)).join(' | ')} |`);
  }
  console.log(`| Today's heading on the screen | ${runs.map((run) => median(run, 'shown').toFixed(1)).join(' | ')} |`);
} finally {
  for (const run of runs) await run.close();
  await browser.close();
}
