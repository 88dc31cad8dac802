// Headless browser test of the explorer's Table tab and of the evidence
// table's downloads (/export/claims.csv, studies.bib, studies.ris), and
// of the explorer's labels and bounds. The table's rows and the CSV are
// checked against GraphQL's answer for the same claims; the BibTeX is
// parsed with @retorquere/bibtex-parser (pinned in package.json).
//
// Run with explorer.test.mjs: tools/e2e/explorer/run.sh URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse as parseBibTeX } from '@retorquere/bibtex-parser';

const base = (process.env.KAPGRAPH_URL || '').replace(/\/+$/, '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const KETAMINE = 'CHEBI:6121';
const ABSTINENCE = 'KAP:abstinence';

let context;
let userDataDir;

before(async () => {
  assert.ok(base, 'set KAPGRAPH_URL');
  userDataDir = await mkdtemp(join(tmpdir(), 'kapgraph-table-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => {});
});

async function gql(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const CLAIM_FIELDS = 'id predicate sign score subject { name } object { name } evidence { quote sectionTitle studies { id name title: name } } ';

// claimsByID asks GraphQL for the claims of ids, in one request (aliases).
async function claimsByID(ids) {
  const q = `{ ${ids.map((id, i) => `c${i}: claim(id: ${JSON.stringify(id)}) { id predicate sign score subject { name } object { name }
    evidence { quote sectionTitle studies { id name } } }`).join('\n')} }`;
  const data = await gql(q);
  return ids.map((_, i) => data[`c${i}`]);
}

// rootClaims pages through the claims root field for a filter.
async function rootClaims(filter) {
  const out = [];
  let after = null;
  for (;;) {
    const data = await gql(`query($after: String) { claims(filter: ${filter}, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { ${CLAIM_FIELDS} } } } }`, { after });
    out.push(...data.claims.edges.map((e) => e.node));
    if (!data.claims.pageInfo.hasNextPage) return out;
    after = data.claims.pageInfo.endCursor;
  }
}

// parseCSV reads RFC 4180 CSV into objects keyed by the header.
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

// sameRows checks CSV rows against GraphQL claims, in order.
function sameRows(rows, claims, what) {
  assert.equal(rows.length, claims.length, `${what}: ${rows.length} rows, GraphQL has ${claims.length} claims`);
  assert.ok(claims.length > 0, `${what}: no claim: a test of nothing`);
  rows.forEach((r, i) => {
    const c = claims[i];
    assert.deepEqual(
      [r.claim_id, r.subject, r.predicate, r.sign, r.object, Number(r.score), r.quote],
      [c.id, c.subject.name, c.predicate, c.sign ?? '', c.object.name, c.score, c.evidence.map((e) => e.quote).join(' | ')],
      `${what}: row ${i + 1}`);
  });
}

function studiesOf(claims) {
  const seen = new Map();
  for (const c of claims) for (const e of c.evidence) for (const s of e.studies) seen.set(s.id, s);
  return seen;
}

async function openPage(t, hash) {
  const page = await context.newPage();
  t.after(() => page.close());
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(`${base}/explore${hash}`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => window.kapExplorer?.ready === true && !window.kapExplorer.busy, null, { timeout: 60_000 });
  return { page, check: () => assert.deepEqual(problems, [], 'console errors or page errors') };
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = join(userDataDir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), text: await readFile(file, 'utf8') };
}

test('the Table tab lists every claim in view, sorts, filters, and downloads CSV, BibTeX and RIS', { timeout: 180_000 }, async (t) => {
  const { page, check } = await openPage(t, `#node=${KETAMINE}&depth=1&tab=table`);
  await page.locator('#table-view table tbody tr').first().waitFor();
  const inView = await page.evaluate(() => window.kapExplorer.cy.edges().map((e) => e.id()));
  const rowIDs = await page.locator('#table-view tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.claim));
  assert.deepEqual([...rowIDs].sort(), [...inView].sort(), 'one row per claim in view');
  assert.ok(await page.locator('#table-view').isVisible(), 'the table replaces the graph');
  assert.match(page.url(), /&tab=table/, 'the tab is in the deep link');
  const headings = await page.locator('#table-view thead th').allInnerTexts();
  for (const h of ['Subject', 'Predicate', 'Sign', 'Object', 'Score', 'Quote', 'Section', 'Study', 'Design', 'Evidence level']) {
    assert.ok(headings.some((x) => x.startsWith(h)), `column ${h} in ${headings}`);
  }

  // Sorting: by score, descending first, then ascending.
  const scores = async () => (await page.locator('#table-view td.col-score').allInnerTexts()).map(Number);
  let s = await scores();
  assert.deepEqual(s, [...s].sort((a, b) => b - a), 'best supported first');
  await page.locator('#table-view th button.sort[data-column="score"]').click();
  s = await scores();
  assert.deepEqual(s, [...s].sort((a, b) => a - b), 'ascending after a click');
  await page.locator('#table-view th button.sort[data-column="object"]').click();
  const objects = await page.locator('#table-view td.col-object').allInnerTexts();
  assert.deepEqual(objects, [...objects].sort((a, b) => a.localeCompare(b)), 'sorted by object');
  // Filtering.
  await page.getByLabel('Filter rows').fill('abstinence');
  const filtered = await page.locator('#table-view tbody tr').count();
  assert.ok(filtered > 0 && filtered < rowIDs.length, `the filter keeps some rows (${filtered} of ${rowIDs.length})`);
  await page.getByLabel('Filter rows').fill('');

  // The downloads are what GraphQL says of the same claims.
  const claims = (await claimsByID(inView)).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const csv = await download(page, 'Download CSV');
  assert.equal(csv.name, 'kapgraph-claims.csv');
  sameRows(parseCSV(csv.text), claims, 'Table CSV');

  const studies = studiesOf(claims);
  const bib = await download(page, 'Studies as BibTeX');
  const parsed = parseBibTeX(bib.text);
  assert.deepEqual(parsed.errors, [], 'the BibTeX parses without errors');
  assert.equal(parsed.entries.length, studies.size, 'one entry per study the claims cite');
  const study = await gql(`{ node(id: ${JSON.stringify([...studies.keys()][0])}) { ... on Study { title authors year } } }`);
  const entry = parsed.entries.find((e) => e.fields.title === study.node.title);
  assert.ok(entry, `an entry titled ${study.node.title}`);
  assert.equal(entry.fields.year, String(study.node.year));
  assert.equal(entry.fields.author[0].lastName, study.node.authors[0].split(' ')[0], 'authors as Last, First');

  const ris = await download(page, 'Studies as RIS');
  assert.equal((ris.text.match(/^TY {2}- /gm) ?? []).length, studies.size, 'one RIS record per study');
  assert.equal((ris.text.match(/^ER {2}- /gm) ?? []).length, studies.size);
  check();
});

test('in path mode the table holds the hops of the chosen path', { timeout: 120_000 }, async (t) => {
  const { page, check } = await openPage(t, `#from=${KETAMINE}&to=${ABSTINENCE}&hops=6&path=2&tab=table`);
  await page.locator('#table-view table tbody tr').first().waitFor();
  const hops = await page.evaluate(() => window.kapExplorer.cy.edges('.path-on').map((e) => e.id()));
  const rows = await page.locator('#table-view tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.claim));
  assert.deepEqual([...rows].sort(), [...hops].sort());
  check();
});

test('the HTTP exports take the claims filter and agree with GraphQL', { timeout: 60_000 }, async () => {
  for (const [query, filter] of [[`subject=${KETAMINE}`, `{subject: "${KETAMINE}"}`], [`object=${ABSTINENCE}&sign=INCREASES`, `{object: "${ABSTINENCE}", sign: INCREASES}`]]) {
    const res = await fetch(`${base}/export/claims.csv?${query}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    const claims = await rootClaims(filter);
    sameRows(parseCSV(await res.text()), claims, `/export/claims.csv?${query}`);
    const bib = parseBibTeX(await (await fetch(`${base}/export/studies.bib?${query}`)).text());
    assert.deepEqual(bib.errors, []);
    assert.equal(bib.entries.length, studiesOf(claims).size, `studies.bib?${query}`);
    const ris = await (await fetch(`${base}/export/studies.ris?${query}`)).text();
    assert.equal((ris.match(/^TY {2}- /gm) ?? []).length, studiesOf(claims).size, `studies.ris?${query}`);
  }
  const bad = await fetch(`${base}/export/claims.csv?subject=KAP:nope`);
  assert.equal(bad.status, 404);
});

test('edge labels show when ticked, and labels do not overlap at depth 2', { timeout: 120_000 }, async (t) => {
  const { page, check } = await openPage(t, `#node=${KETAMINE}&depth=1`);
  const shown = () => page.evaluate(() => window.kapExplorer.cy.edges().filter((e) => e.style('label') !== '').length);
  assert.ok(await page.getByLabel('Edge labels').isChecked());
  assert.ok(await shown() > 0, 'ticked: edge labels are drawn');
  await page.getByLabel('Edge labels').uncheck();
  assert.equal(await shown(), 0, 'unticked: none');
  await page.getByLabel('Edge labels').check();
  assert.ok(await shown() > 0, 'ticked again');

  const deep = await openPage(t, `#node=${KETAMINE}&depth=2`);
  const boxes = await deep.page.evaluate(() => {
    const { cy } = window.kapExplorer;
    const out = [];
    cy.nodes().forEach((n) => {
      if (n.style('label') === '') return;
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (b.w > 0) out.push({ id: n.id(), ...b });
    });
    cy.edges().forEach((e) => {
      if (e.style('label') === '') return;
      const b = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      if (b.w > 0) out.push({ id: e.id(), ...b });
    });
    return { out, total: cy.elements().length };
  });
  assert.ok(boxes.out.length > 5, `labels drawn at depth 2 (${boxes.out.length})`);
  const overlaps = [];
  const slack = 2;
  for (let i = 0; i < boxes.out.length; i++) {
    for (let j = i + 1; j < boxes.out.length; j++) {
      const a = boxes.out[i];
      const b = boxes.out[j];
      if (a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2) overlaps.push(`${a.id} / ${b.id}`);
    }
  }
  assert.deepEqual(overlaps, [], 'no two labels drawn overlap');
  check();
  deep.check();
});

test('hop and depth bounds come from graph\'s limits', { timeout: 60_000 }, async (t) => {
  const { page, check } = await openPage(t, '');
  const hops = await page.locator('#path-hops option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(hops, ['1', '2', '3', '4', '5', '6']);
  assert.equal(await page.locator('#path-hops').inputValue(), '6');
  const depths = await page.locator('#depth-select option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(depths, ['1', '2', '3']);
  check();
});
