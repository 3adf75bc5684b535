// Entries made on this phone wait here (IndexedDB) until the diary has them (issue 14).
// Each carries an id made here (client_id), so sending it again, after an answer lost on
// the way, finds the entry already made instead of making a second one. An entry is put
// in the outbox before it is sent, so closing the page mid-request loses nothing.
import {ApiError, api} from './api.js';

const DB_NAME = 'limber';
const STORE = 'outbox';
const RETRY_MS = 30000;

let opened = null;
function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, {keyPath: 'client_id'});
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const result = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

// Every entry still on this phone, oldest first:
// {client_id, made_at, body, state: 'waiting' | 'refused', message}.
export async function pending() {
  const items = (await run('readonly', (store) => store.getAll())) ?? [];
  return items.sort((a, b) => a.made_at - b.made_at);
}

const put = (item) => run('readwrite', (store) => store.put(item));
export const forget = (clientId) => run('readwrite', (store) => store.delete(clientId));

// The listeners are told after every change: the page redraws what it shows.
const listeners = new Set();
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const state = {needsPairing: false, lastSent: 0};
async function changed() {
  const items = await pending();
  for (const listener of listeners) listener(items);
}

// The time on this phone, to the second, in UTC (what POST /api/entries reads).
function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Sends one entry. The server's answer when the diary has it (made now, or already
// there), 'waiting' (no answer, the server asleep or busy, or this phone needs pairing
// again: kept), or throws the server's refusal (400, 409: what was wrong, in words).
async function send(item) {
  try {
    return await api.post('/api/entries', item.body);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    if (failure.status === 0 || failure.status >= 500) return 'waiting';
    if (failure.status === 401) {
      state.needsPairing = true;
      return 'waiting';
    }
    throw failure;
  }
}

// Undo (issue 15): an entry made on this phone can be taken back for a few seconds after
// it (js/log.js). `delivered`: the diary's id of each entry this page has seen land;
// `takeBacks`: the entries asked back ('asked') and those done ('done'). An entry asked
// back is dropped from the outbox, and deleted from the diary once it has landed there,
// even when its send was on the way as the person asked: whichever of the two comes
// second deletes it, once.
const delivered = new Map();
const takeBacks = new Map();

function landed(clientId, answer) {
  delivered.set(clientId, answer.entry.id);
  return deleteTakenBack(clientId);
}

async function deleteTakenBack(clientId) {
  if (takeBacks.get(clientId) !== 'asked' || !delivered.has(clientId)) return;
  takeBacks.set(clientId, 'done');
  await api.del(`/api/entries/${delivered.get(clientId)}`);
}

// Takes back the entry this phone made with `clientId`: forgotten here if it still waits,
// deleted from the diary if it is there. Throws ApiError when the diary has it and limber
// does not answer the delete (the entry then stays in the diary, to delete by hand).
export async function takeBack(clientId) {
  takeBacks.set(clientId, 'asked');
  await forget(clientId);
  try {
    await deleteTakenBack(clientId);
  } finally {
    await changed();
  }
}

// Logs `body` (as POST /api/entries takes it): stored on this phone first, then sent.
// Returns {saved: answer, clientId} when the diary has it, {waiting: true, clientId} when it
// stays here (takeBack(clientId) undoes either); throws the server's refusal (the entry
// is then not kept: the form still shows it, to fix).
export async function logEntry(body) {
  const item = {
    client_id: crypto.randomUUID(),
    made_at: Date.now(),
    body: {...body},
    state: 'waiting',
    message: '',
  };
  item.body.client_id = item.client_id;
  item.body.at ??= nowIso();
  await put(item);
  try {
    const answer = await api.post('/api/entries', item.body);
    delivered.set(item.client_id, answer.entry.id);
    await forget(item.client_id);
    state.needsPairing = false;
    await changed();
    return {saved: answer, clientId: item.client_id};
  } catch (failure) {
    const kept = failure instanceof ApiError && (failure.status === 0 || failure.status >= 500 || failure.status === 401);
    if (failure instanceof ApiError && failure.status === 401) state.needsPairing = true;
    if (!kept) await forget(item.client_id);
    await changed();
    if (!kept) throw failure;
    return {waiting: true, clientId: item.client_id};
  }
}

// Sends every waiting entry, oldest first; one run at a time. An entry the server refuses
// (a time in the future from a phone whose clock is ahead, say) stays, marked with the
// server's words, until the person removes it: nothing is dropped unseen.
let flushing = null;
export function flush() {
  flushing ??= (async () => {
    try {
      for (const item of await pending()) {
        if (item.state !== 'waiting' || takeBacks.has(item.client_id)) continue;
        let outcome;
        try {
          outcome = await send(item);
        } catch (refusal) {
          if (!takeBacks.has(item.client_id)) await put({...item, state: 'refused', message: refusal.message});
          continue;
        }
        if (outcome === 'waiting') break;  // no answer: try the rest later
        await forget(item.client_id);
        state.needsPairing = false;
        // Taken back while it was on its way: deleted now it has landed.
        if (takeBacks.has(item.client_id)) {
          await landed(item.client_id, outcome).catch(() => {});
          continue;
        }
        delivered.set(item.client_id, outcome.entry.id);
        state.lastSent += 1;
      }
    } finally {
      flushing = null;
      await changed();
    }
  })();
  return flushing;
}

// Sends the outbox on load, when the phone is back online, and every RETRY_MS.
export function start() {
  window.addEventListener('online', () => flush());
  window.setInterval(() => flush(), RETRY_MS);
  flush();
}
