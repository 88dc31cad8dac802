// Headless browser test of the GraphiQL playground at KAPGRAPH_URL.
//
// It drives Debian's chromium (scripts/install-chromium.sh) through
// playwright-core, since Playwright's own browser download cannot work
// where only package registries are reachable. It checks what a person
// would: the page loads with nothing fetched from another host and no CSP
// violation, a mechanism-to-outcome query typed into the editor runs, and
// its answer shows in the result pane. A screenshot goes to
// artifacts/playground.png.
//
// Run: (cd e2e/browser && npm ci) && KAPGRAPH_URL=http://127.0.0.1:18080 \
//      node --test e2e/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = resolve(here, '..', '..', '..', 'artifacts');
const base = (process.env.KAPGRAPH_URL || '').replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// The query the test types: ketamine's signed causal chains to abstinence.
const query = `query BrowserMechanismToAbstinence {
  mechanismToOutcomePaths(from: "CHEBI:6121", to: "KAP:abstinence", maxHops: 4, first: 3) {
    summary
    score
    nodes {
      id
      name
    }
  }
}`;

test('the playground runs a mechanism-to-outcome query, offline and under CSP', { timeout: 120_000 }, async (t) => {
  assert.ok(base, 'set KAPGRAPH_URL to the base URL of a running kapgraph (e.g. http://127.0.0.1:18080)');
  assert.ok(loopback.has(new URL(base).hostname), `KAPGRAPH_URL must be a loopback address, got ${base}`);

  const userDataDir = await mkdtemp(join(tmpdir(), 'kapgraph-chromium-'));
  // Chromium may still be writing its profile as it exits: retry, and never
  // fail the test over a temporary directory.
  t.after(() => rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => {}));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1400, height: 900 },
  });
  t.after(() => context.close());

  const requested = [];
  context.on('request', (req) => requested.push(req.url()));
  const problems = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  const res = await page.goto(base + '/', { waitUntil: 'networkidle' });
  assert.equal(res.status(), 200, 'GET / status');
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'the page is served under a strict CSP');

  // GraphiQL rendered, with the schema loaded (the docs button appears
  // once introspection has answered).
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  // A browser's very first start (font caches) can be slow, hence the wait.
  await editor.waitFor({ state: 'visible', timeout: 60_000 });

  // Type the query into the editor: select what the example tab holds and
  // insert ours in its place (insertText, so the editor's bracket
  // auto-closing does not double every brace).
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  const typed = await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue());
  assert.equal(typed, query, 'the editor holds the typed query');
  // GraphiQL works out the operation to send on a debounced edit handler;
  // a click before it has run sends the example tab's operation name with
  // our text ("operation MechanismToAbstinence not found"). Wait until the
  // editor knows the new operation, as a person's pause before clicking
  // would.
  await page.waitForFunction(
    () => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.operationName === 'BrowserMechanismToAbstinence',
    null,
    { timeout: 10_000 },
  );

  // Run it and wait for the answer in the result pane.
  await page.locator('.graphiql-execute-button').click();
  const resultText = () =>
    page.evaluate(() => {
      const cm = document.querySelector('.graphiql-response .CodeMirror');
      return cm ? cm.CodeMirror.getValue() : '';
    });
  let text = '';
  for (let i = 0; i < 100 && !text.includes('mechanismToOutcomePaths'); i++) {
    await page.waitForTimeout(200);
    text = await resultText();
  }
  // The screenshot comes before the checks, so a failure has one too.
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'playground.png') });

  let result;
  assert.doesNotThrow(() => (result = JSON.parse(text)), `the result pane holds JSON, got: ${text.slice(0, 500)}`);
  assert.equal(result.errors, undefined, `no errors in the result: ${text.slice(0, 500)}`);
  const paths = result.data.mechanismToOutcomePaths;
  assert.ok(paths.length > 0, 'ketamine has at least one path to abstinence');
  assert.ok(
    paths.every((p) => p.nodes.at(-1).id === 'KAP:abstinence' && p.nodes[0].id === 'CHEBI:6121'),
    'every path runs from ketamine to abstinence',
  );
  // And a person sees it: the node name is rendered in the result pane.
  await page.locator('.graphiql-response').getByText('abstinence').first().waitFor({ timeout: 10_000 });

  // Everything came from the server itself: no CDN, no telemetry.
  const foreign = requested.filter((u) => {
    const url = new URL(u);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !loopback.has(url.hostname);
  });
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.ok(requested.some((u) => u.endsWith('/static/graphiql.min.js')), 'GraphiQL came from /static/');
  assert.ok(requested.some((u) => new URL(u).pathname === '/graphql'), 'the playground called /graphql');

  // No CSP violation or script error (the favicon probe aside).
  assert.deepEqual(
    problems.filter((p) => !/favicon/.test(p)),
    [],
    'console errors (CSP violations show here)',
  );
});
