// Headless browser test of the graph explorer at KAPGRAPH_URL/explore.
//
// It drives Debian's chromium (scripts/install-chromium.sh) through
// playwright-core, since Playwright's own browser download cannot work
// where only package registries are reachable. It uses the page as a
// researcher would (search, neighbourhood, evidence, paths, export) and
// checks what it shows against direct GraphQL answers. It fails on any
// request to a host other than the loopback one, on console errors (CSP
// violations included) and on uncaught page errors.
//
// Screenshots go to artifacts/explorer-neighborhood.png and
// artifacts/explorer-path.png; with KAPGRAPH_UPDATE_SCREENSHOTS=1 they are
// copied to docs/screenshots/ for the README as well.
//
// Run: tools/e2e/explorer/run.sh http://127.0.0.1:8080
//  or: (cd tools/e2e/explorer && npm ci) && KAPGRAPH_URL=http://127.0.0.1:8080 node --test tools/e2e/explorer/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..', '..');
const artifacts = join(root, 'artifacts');
const screenshotsDir = join(root, 'docs', 'screenshots');
const base = (process.env.KAPGRAPH_URL || '').replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const updateScreenshots = process.env.KAPGRAPH_UPDATE_SCREENSHOTS === '1';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MTOR = 'GO:0031929';
const KETAMINE = 'CHEBI:6121';
const NMDA = 'FPLX:GRIN';
const ABSTINENCE = 'KAP:abstinence';

let context;
let userDataDir;

async function gql(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  assert.equal(res.status, 200, `POST /graphql status for ${query.slice(0, 60)}`);
  const body = await res.json();
  assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const norm = (s) => String(s).replace(/\s+/g, ' ').trim();

before(async () => {
  assert.ok(base, 'set KAPGRAPH_URL to the base URL of a running kapgraph (e.g. http://127.0.0.1:8080)');
  assert.ok(loopback.has(new URL(base).hostname), `KAPGRAPH_URL must be a loopback address, got ${base}`);
  await mkdir(artifacts, { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'kapgraph-explorer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
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
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => {});
});

// openPage opens /explore (plus a hash) in a fresh tab that records
// requests to other hosts, console errors and page errors; check() asserts
// none happened.
async function openPage(t, hash = '') {
  const page = await context.newPage();
  t.after(() => page.close());
  const offsite = [];
  const problems = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) || loopback.has(url.hostname)) {
      return route.continue();
    }
    offsite.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const res = await page.goto(`${base}/explore${hash}`, { waitUntil: 'networkidle' });
  assert.equal(res.status(), 200, 'GET /explore status');
  // A browser's very first start (font caches) can be slow, hence the wait.
  await page.waitForFunction(() => window.kapExplorer?.ready === true && !window.kapExplorer.busy, null, { timeout: 60_000 });
  const check = () => {
    assert.deepEqual(offsite, [], 'requests to hosts other than the loopback one');
    assert.deepEqual(problems, [], 'console errors or page errors');
  };
  return { page, res, check };
}

const idle = (page) => page.waitForFunction(() => !window.kapExplorer.busy);

async function shoot(page, name) {
  const file = join(artifacts, name);
  await page.screenshot({ path: file });
  if (updateScreenshots) {
    await mkdir(screenshotsDir, { recursive: true });
    await copyFile(file, join(screenshotsDir, name));
  }
}

test('the page loads with only same-origin requests, under a strict CSP', { timeout: 120_000 }, async (t) => {
  const { page, res, check } = await openPage(t);
  const csp = res.headers()['content-security-policy'] ?? '';
  for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
    assert.ok(csp.includes(d), `CSP ${csp} lacks ${d}`);
  }
  assert.match(res.headers()['content-type'] ?? '', /^text\/html/);
  // The edge-type filter comes from the `predicates` root query.
  const data = await gql('{ predicates { predicate curated } }');
  const boxes = await page.$$eval('#edge-types input[type=checkbox]', (els) => els.map((e) => ({ value: e.value, checked: e.checked })));
  assert.deepEqual(boxes.map((b) => b.value).sort(), data.predicates.map((p) => p.predicate).sort());
  for (const p of data.predicates) {
    assert.equal(boxes.find((b) => b.value === p.predicate).checked, p.curated, `${p.predicate} checked by default iff curated`);
  }
  // Every control has an accessible name.
  const unnamed = await page.$$eval('input, select, button', (els) => els
    .filter((e) => !e.labels?.length && !e.getAttribute('aria-label') && !e.textContent.trim())
    .map((e) => e.outerHTML));
  assert.deepEqual(unnamed, [], 'controls without a label');
  check();
});

test('with no view in the URL, it opens on the neighbourhood of the drug with the most claims', { timeout: 120_000 }, async (t) => {
  const { page, check } = await openPage(t);
  const drugs = (await gql('{ drugs(first: 100) { edges { node { id claims(first: 1) { totalCount } } } } }')).drugs.edges.map((e) => e.node);
  const best = drugs.reduce((a, b) => (b.claims.totalCount > a.claims.totalCount ? b : a));
  await page.waitForFunction((id) => window.kapExplorer.state.node === id && window.kapExplorer.cy.nodes().length > 1, best.id);
  const want = (await gql('query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }', { id: best.id })).neighborhood;
  const drawn = await page.evaluate(() => window.kapExplorer.cy.nodes().map((n) => n.id()));
  assert.deepEqual(drawn.sort(), want.nodes.map((n) => n.id).sort());
  assert.ok(await page.locator('#empty-state').isHidden(), 'the empty-canvas hint is gone');
  assert.match(page.url(), new RegExp(`#node=${best.id}&depth=1`));
  check();
});

test('search mTOR, draw its neighbourhood, read a claim\'s evidence', { timeout: 120_000 }, async (t) => {
  const { page, check } = await openPage(t);

  await page.getByLabel('Search nodes').fill('mTOR');
  await page.getByLabel('Search nodes').press('Enter');
  const hit = page.locator('#search-results button.result', { hasText: 'mTOR pathway' });
  await hit.waitFor();
  await hit.click();
  await page.waitForFunction((id) => {
    const k = window.kapExplorer;
    return k.state.node === id && !k.busy && k.cy.nodes().length > 0;
  }, MTOR);

  // The drawing is the neighbourhood the API reports.
  const want = (await gql(`query($id: ID!) { neighborhood(id: $id, depth: 1) {
    nodes { id } edges { id origin evidence { quote } } } }`, { id: MTOR })).neighborhood;
  const drawn = await page.evaluate(() => ({
    nodes: window.kapExplorer.cy.nodes().map((n) => n.id()),
    edges: window.kapExplorer.cy.edges().map((e) => e.id()),
  }));
  assert.ok(drawn.nodes.length > 1 && drawn.edges.length > 0, `a graph is drawn: ${JSON.stringify(drawn)}`);
  assert.deepEqual(drawn.nodes.sort(), want.nodes.map((n) => n.id).sort());
  assert.deepEqual(drawn.edges.sort(), want.edges.map((e) => e.id).sort());
  assert.match(page.url(), /#node=GO:0031929&depth=1/);
  assert.match(await page.locator('#legend').innerText(), /Mechanism/);
  assert.match(await page.locator('#graph-title').innerText(), /mTOR pathway/);

  // Edge labels carry the predicate and the sign.
  const labels = await page.evaluate(() => window.kapExplorer.cy.edges().map((e) => e.data('label')));
  assert.ok(labels.includes('AFFECTS +'), `edge labels ${labels}`);

  // Tap a stated claim (the one with the most evidence text, for a telling
  // screenshot): its evidence shows in the side panel, as the API gives it.
  const quoted = (e) => e.evidence.reduce((n, ev) => n + ev.quote.length, 0);
  const target = want.edges.filter((e) => e.origin === 'STATED').sort((a, b) => quoted(b) - quoted(a))[0];
  assert.ok(target, 'a stated claim around mTOR');
  const claimId = await page.evaluate((id) => {
    const e = window.kapExplorer.cy.getElementById(id);
    e.emit('tap');
    return e.id();
  }, target.id);
  const claim = (await gql(`query($id: ID!) { claim(id: $id) {
    evidence { quote sectionTitle studies { name design evidenceLevel } }
    origin concerns { kind message } } }`, { id: claimId })).claim;
  assert.ok(claim.evidence.length > 0, 'the claim has evidence');
  const details = page.locator('#details');
  await details.locator('blockquote.quote').first().waitFor();
  const text = norm(await details.innerText());
  for (const ev of claim.evidence) {
    assert.ok(text.includes(norm(ev.quote)), `the panel shows the quote “${ev.quote}”`);
    assert.ok(text.includes(norm(ev.sectionTitle)), `the panel shows the section “${ev.sectionTitle}”`);
    for (const s of ev.studies) {
      assert.ok(text.includes(s.name), `the panel names the study ${s.name}`);
      if (s.design) assert.ok(text.includes(s.design), `the panel gives the design ${s.design}`);
      if (s.evidenceLevel != null) assert.ok(text.includes(`evidence level ${s.evidenceLevel}`), 'the panel gives the evidence level');
    }
  }
  assert.ok(text.includes('stated by the review'), 'the panel says the claim is stated');
  assert.doesNotMatch(text, /\b(null|undefined|NaN)\b/, 'no placeholder leaks into the panel');
  for (const c of claim.concerns) assert.ok(text.includes(norm(c.message)), `the panel shows the concern ${c.kind}`);
  assert.ok(page.url().includes(`sel=${claimId}`), 'the selection is in the URL');
  await shoot(page, 'explorer-neighborhood.png');

  // A real click on a drawn node opens its details, xrefs as CURIEs.
  const ketamine = (await gql(`query($id: ID!) { node(id: $id) { name xrefs { curie } } }`, { id: KETAMINE })).node;
  const point = await page.evaluate((id) => {
    const k = window.kapExplorer;
    const p = k.cy.getElementById(id).renderedPosition();
    const box = k.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, KETAMINE);
  await page.mouse.click(point.x, point.y);
  await details.locator('h2', { hasText: ketamine.name }).waitFor();
  await details.locator('ul.curies').waitFor();
  const curies = await details.locator('ul.curies li').allInnerTexts();
  assert.deepEqual(curies.map(norm), ketamine.xrefs.map((x) => x.curie));

  // Double-clicking a node adds its neighbours.
  const before = await page.evaluate(() => window.kapExplorer.cy.nodes().length);
  const glu = 'KAP:glutamate_release';
  const gluNeighbours = (await gql(`query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }`, { id: glu })).neighborhood.nodes.map((n) => n.id);
  const gp = await page.evaluate((id) => {
    const k = window.kapExplorer;
    const p = k.cy.getElementById(id).renderedPosition();
    const box = k.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, glu);
  await page.mouse.dblclick(gp.x, gp.y);
  await page.waitForFunction((id) => window.kapExplorer.state.expanded.includes(id) && !window.kapExplorer.busy, glu);
  const afterIds = await page.evaluate(() => window.kapExplorer.cy.nodes().map((n) => n.id()));
  assert.ok(afterIds.length >= before, 'no node was lost');
  for (const id of gluNeighbours) assert.ok(afterIds.includes(id), `expanded view holds ${id}`);
  assert.match(page.url(), /expand=KAP:glutamate_release/);
  check();
});

test('path mode draws the ranked mechanism-to-outcome paths', { timeout: 120_000 }, async (t) => {
  const { page, check } = await openPage(t);
  await page.getByRole('tab', { name: 'Paths' }).click();
  await page.getByLabel('From (drug or mechanism)').selectOption(KETAMINE);
  await page.getByLabel('To (outcome)').selectOption(ABSTINENCE);
  await page.getByLabel('Longest chain').selectOption('6');
  await page.getByRole('button', { name: 'Find paths' }).click();
  await page.waitForFunction(() => window.kapExplorer.state.mode === 'path' && !window.kapExplorer.busy && window.kapExplorer.paths.length > 0);

  const want = (await gql(`query($from: ID!, $to: ID) {
    mechanismToOutcomePaths(from: $from, to: $to, maxHops: 6, first: 10) { length sign score summary nodes { id } hops { claim { id } } } }`,
  { from: KETAMINE, to: ABSTINENCE })).mechanismToOutcomePaths;
  assert.ok(want.length > 0, 'the API finds paths');
  // Paths through the same nodes (they differ only in which parallel claim
  // a hop takes) are listed once, best first, with the others' claims
  // folded under "+N alternative claims".
  const groups = [];
  want.forEach((p, k) => {
    const key = p.nodes.map((n) => n.id).join(' ');
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push(g = { key, members: [] });
    g.members.push(k);
  });
  const heads = groups.map((g) => g.members[0]);
  const listed = await page.locator('#path-results .summary').allTextContents();
  assert.deepEqual(listed, heads.map((k) => want[k].summary), 'the ranked chains, each once, in order');
  const grouped = groups.find((g) => g.members.length > 1);
  assert.ok(grouped, 'ketamine to abstinence has chains that differ only by parallel claims');
  const headClaims = new Set(want[grouped.members[0]].hops.map((h) => h.claim.id));
  const altClaims = [...new Set(grouped.members.slice(1).flatMap((k) => want[k].hops.map((h) => h.claim.id)))].filter((id) => !headClaims.has(id));
  const li = page.locator(`#path-results li.path-group[data-members="${grouped.members.join(' ')}"]`);
  const more = li.locator('details.alt-claims > summary');
  assert.equal(norm(await more.textContent()), `+${altClaims.length} alternative claim${altClaims.length === 1 ? '' : 's'}`);
  await more.click();
  const altButtons = li.locator('button.path-alt');
  assert.equal(await altButtons.count(), altClaims.length, 'one entry per alternative claim');
  const alt = altButtons.first();
  const altIndex = Number(await alt.getAttribute('data-index'));
  const altClaim = await alt.getAttribute('data-claim');
  await alt.click();
  await page.waitForFunction((n) => window.kapExplorer.state.pathIndex === n, altIndex);
  // An alternative is its chain's sub-index: path=<chain>&alt=<k>.
  const altRank = groups.indexOf(grouped) + 1;
  const altK = grouped.members.indexOf(altIndex);
  assert.ok(page.url().includes(`&path=${altRank}&alt=${altK}`), `alternative deep link ${page.url()}`);
  assert.match(await page.locator('#graph-title').innerText(), new RegExp(`^Chain ${altRank} of ${groups.length}, alternative ${altK}: .* score `));
  const altEdges = await page.evaluate(() => window.kapExplorer.cy.edges('.path-on').map((e) => e.id()));
  assert.ok(altEdges.includes(altClaim), `choosing an alternative claim draws its path (${altClaim} in ${altEdges})`);
  assert.deepEqual(altEdges.sort(), want[altIndex].hops.map((h) => h.claim.id).sort());
  assert.equal(await alt.getAttribute('aria-current'), 'true');
  await page.locator(`#path-results button.path-item[data-index="0"]`).click();
  await page.waitForFunction(() => window.kapExplorer.state.pathIndex === 0);

  const highlighted = () => page.evaluate(() => ({
    nodes: window.kapExplorer.cy.nodes('.path-on').map((n) => n.id()),
    edges: window.kapExplorer.cy.edges('.path-on').map((e) => e.id()),
  }));
  let hl = await highlighted();
  assert.equal(hl.nodes.length, want[0].length + 1, 'highlighted nodes = path length + 1');
  assert.deepEqual(hl.edges.sort(), want[0].hops.map((h) => h.claim.id).sort());

  // Choose the best path with three hops or more: drawn left to right.
  const i = heads.find((k) => want[k].length >= 3) ?? -1;
  assert.ok(i >= 0, 'a path of 3 hops or more');
  await page.locator(`#path-results button.path-item[data-index="${i}"]`).click();
  await page.waitForFunction((n) => window.kapExplorer.state.pathIndex === n, i);
  hl = await highlighted();
  assert.equal(hl.nodes.length, want[i].length + 1, 'highlighted nodes = path length + 1');
  assert.deepEqual(hl.edges.sort(), want[i].hops.map((h) => h.claim.id).sort());
  const xs = await page.evaluate((ids) => ids.map((id) => window.kapExplorer.cy.getElementById(id).position('x')), want[i].nodes.map((n) => n.id));
  for (let k = 1; k < xs.length; k++) assert.ok(xs[k] > xs[k - 1], `path nodes run left to right: ${xs}`);
  assert.equal(await page.locator(`#path-results button.path-item[data-index="${i}"]`).getAttribute('aria-current'), 'true');
  assert.ok(norm(await page.locator('#details').innerText()).includes(norm(want[i].summary)), 'the details panel shows the chosen path');
  // The deep link counts chains (1 the best), not paths.
  const url = page.url();
  const rank = heads.indexOf(i) + 1;
  assert.ok(url.includes(`#from=${KETAMINE}&to=${ABSTINENCE}&hops=6&path=${rank}`) && !url.includes('&alt='), `deep link ${url}`);
  assert.match(await page.locator('#graph-title').innerText(), new RegExp(`^Chain ${rank} of ${groups.length}: `));

  // The other paths can be drawn too, faded, around the chosen one.
  await page.getByLabel('Also draw the other paths, faded').check();
  await page.waitForFunction(() => window.kapExplorer.cy.elements('.path-off').length > 0);
  assert.equal(await page.evaluate(() => window.kapExplorer.cy.nodes('.path-on').length), want[i].length + 1);
  const union = new Set(want.flatMap((p) => p.nodes.map((n) => n.id)));
  assert.equal(await page.evaluate(() => window.kapExplorer.cy.nodes().length), union.size, 'every listed path is drawn');
  await shoot(page, 'explorer-path.png');

  // The deep link draws the same path again.
  const again = await openPage(t, new URL(url).hash);
  const hl2 = await again.page.evaluate(() => window.kapExplorer.cy.nodes('.path-on').map((n) => n.id()).sort());
  assert.deepEqual(hl2, hl.nodes.sort());

  // The receptor-level chain from the NMDA receptor is drawn whole.
  const nmda = (await gql(`query($from: ID!, $to: ID) { mechanismToOutcomePaths(from: $from, to: $to, maxHops: 6, first: 10) { length summary } }`,
    { from: NMDA, to: ABSTINENCE })).mechanismToOutcomePaths;
  const third = await openPage(t, `#from=${NMDA}&to=${ABSTINENCE}&hops=6`);
  const n = await third.page.evaluate(() => window.kapExplorer.cy.nodes('.path-on').length);
  assert.equal(n, nmda[0].length + 1);
  assert.equal(norm(await third.page.locator('#path-results .summary').first().textContent()), norm(nmda[0].summary));
  check();
  again.check();
  third.check();
});

test('GraphQL errors show in a visible error box', { timeout: 60_000 }, async (t) => {
  const { page, check } = await openPage(t, '#node=KAP:no-such-node&depth=1');
  const box = page.locator('#error-box');
  await box.waitFor({ state: 'visible' });
  const text = await box.innerText();
  assert.match(text, /NOT_FOUND/);
  assert.match(text, /KAP:no-such-node/);
  await page.getByRole('button', { name: 'Dismiss error' }).click();
  await box.waitFor({ state: 'hidden' });
  check();
});

test('the view saves as PNG and SVG', { timeout: 60_000 }, async (t) => {
  const { page, check } = await openPage(t, `#node=${MTOR}&depth=1`);
  await page.waitForFunction(() => window.kapExplorer.cy.nodes().length > 1);
  const svg = await page.evaluate(() => {
    const text = window.kapExplorer.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      ok: !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'svg',
      text: doc.documentElement.textContent,
      nodes: doc.querySelectorAll('g.nodes > g').length,
      edges: doc.querySelectorAll('g.edges path[marker-end]').length,
    };
  });
  assert.ok(svg.ok, 'toSVG gives well-formed SVG');
  const counts = await page.evaluate(() => [window.kapExplorer.cy.nodes().length, window.kapExplorer.cy.edges().length]);
  assert.deepEqual([svg.nodes, svg.edges], counts, 'one shape per node, one path per edge');
  assert.ok(svg.text.includes('mTOR pathway') && svg.text.includes('AFFECTS +'), 'the SVG carries node and edge labels');

  for (const [button, ext] of [['Save SVG', '.svg'], ['Save PNG', '.png']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    assert.ok(download.suggestedFilename().endsWith(ext), `${button}: ${download.suggestedFilename()}`);
    const file = join(userDataDir, `download${ext}`);
    await download.saveAs(file);
    const head = Buffer.from(await (await import('node:fs/promises')).readFile(file)).subarray(0, 8);
    if (ext === '.png') assert.deepEqual([...head], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    else assert.match(head.toString(), /^<svg/, 'an SVG file');
  }
  check();
});
