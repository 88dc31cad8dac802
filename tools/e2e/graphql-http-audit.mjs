// graphql-http-audit.mjs runs the GraphQL-over-HTTP audit suite published
// by the spec's authors (the npm package graphql-http, its serverAudits)
// against a running kapgraph, and prints one line per audit.
//
// Usage: (cd e2e && npm ci) && node e2e/graphql-http-audit.mjs [BASE_URL]
// BASE_URL defaults to $KAPGRAPH_URL, then http://127.0.0.1:8080; the
// GraphQL endpoint is BASE_URL/graphql.
//
// Exit status: 1 when any MUST audit fails (the spec's requirements), 0
// otherwise; SHOULD and MAY failures are reported but do not fail the run.
// Only loopback URLs are accepted, since this is a test of our own server.
import { serverAudits } from 'graphql-http';

const base = (process.argv[2] || process.env.KAPGRAPH_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const url = base + '/graphql';
const host = new URL(url).hostname;
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) {
  console.error(`graphql-http-audit: refusing ${url}: only loopback servers are audited`);
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  let result;
  try {
    result = await audit.fn();
  } catch (err) {
    // graphql-http treats anything but an assertion as fatal (for example
    // the server is not there); report it as a failure of that audit.
    result = { id: audit.id, name: audit.name, status: 'error', reason: String(err && err.message ? err.message : err) };
  }
  results.push(result);
}

const level = (name) => name.split(' ')[0]; // MUST, SHOULD or MAY
const tally = {};
for (const r of results) {
  const l = level(r.name);
  tally[l] ??= { passed: 0, total: 0 };
  tally[l].total++;
  if (r.status === 'ok') tally[l].passed++;
  const mark = r.status === 'ok' ? 'ok  ' : r.status === 'error' ? 'FAIL' : r.status === 'warn' ? 'warn' : 'note';
  console.log(`${mark} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`);
}

console.log('');
for (const l of ['MUST', 'SHOULD', 'MAY']) {
  if (tally[l]) console.log(`${l}: ${tally[l].passed} of ${tally[l].total} passing`);
}
const passed = results.filter((r) => r.status === 'ok').length;
const mustFailed = tally.MUST ? tally.MUST.total - tally.MUST.passed : 0;
console.log(`audit: ${passed} passed, ${results.length - passed} failed`);
process.exit(mustFailed > 0 ? 1 : 0);
