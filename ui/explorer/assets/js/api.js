// The GraphQL client: POST application/json to /graphql, one request in
// flight per channel, errors to the error box, a busy count for the
// spinner (and the browser tests).

import { $, h, fill } from './dom.js';

const GRAPHQL = '/graphql';

class RequestError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

async function gql(query, variables, signal) {
  let res;
  try {
    res = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new RequestError([{ message: `cannot reach ${GRAPHQL}: ${err.message}`, code: 'NETWORK_ERROR' }]);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: reported below
  }
  if (!body || typeof body !== 'object') {
    throw new RequestError([{ message: `${GRAPHQL} answered HTTP ${res.status} without a GraphQL response`, code: `HTTP_${res.status}` }]);
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    throw new RequestError(body.errors.map((e) => ({
      message: String(e?.message ?? 'unknown error'),
      code: e?.extensions?.code ? String(e.extensions.code) : '',
      path: Array.isArray(e?.path) ? e.path.join('.') : '',
    })));
  }
  return body.data ?? {};
}

// request runs one query on a channel: a newer request on the same channel
// aborts the older, so a slow answer never overwrites a newer one. Errors
// go to the error box; the result is null when the request failed or was
// superseded.
const channels = new Map();
export let busyCount = 0;

export async function request(channel, query, variables) {
  channels.get(channel)?.abort();
  const ctl = new AbortController();
  channels.set(channel, ctl);
  setBusy(+1);
  try {
    const data = await gql(query, variables, ctl.signal);
    if (ctl.signal.aborted) return null;
    return data;
  } catch (err) {
    if (err.name === 'AbortError' || ctl.signal.aborted) return null;
    showErrors(err instanceof RequestError ? err.errors : [{ message: String(err.message ?? err), code: '' }]);
    return null;
  } finally {
    if (channels.get(channel) === ctl) channels.delete(channel);
    setBusy(-1);
  }
}

function setBusy(delta) {
  busyCount += delta;
  $('#busy').hidden = busyCount === 0;
  $('#cy').setAttribute('aria-busy', busyCount > 0 ? 'true' : 'false');
}

export function showErrors(errors) {
  const list = $('#error-list');
  const seen = new Set();
  errors = errors.filter((e) => {
    const k = `${e.code}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  fill(list, ...errors.map((e) => h('li', null,
    h('span', { class: 'error-message' }, e.message),
    e.code ? h('code', { class: 'error-code' }, e.code) : null,
    e.path ? h('span', { class: 'error-path' }, ` at ${e.path}`) : null,
  )));
  $('#error-box').hidden = false;
}

export function clearErrors() {
  $('#error-box').hidden = true;
  $('#error-list').replaceChildren();
}
