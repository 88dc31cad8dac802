// kapgraph explorer: search the graph, draw a node's neighbourhood, read the
// evidence behind each claim, follow mechanism-to-outcome paths.
//
// Plain ES module, no build step. It talks to /graphql like any client
// (POST application/json) and runs under a strict CSP: no inline code, no
// eval, no style attributes written as strings (CSSOM only). cytoscape.js
// comes from vendor/cytoscape.min.js, loaded before this module.
//
// The state worth sharing lives in the URL hash, e.g.
//   #node=GO:0031929&depth=2&sel=<claim id>
//   #from=CHEBI:6121&to=KAP:abstinence&hops=6&path=2
// Tests reach the graph through window.kapExplorer (see the end).

const cytoscape = globalThis.cytoscape;
// The fcose layout registers itself only under CommonJS or AMD; as a plain
// script it leaves a global to hand to cytoscape.use.
if (globalThis.cytoscapeFcose) cytoscape.use(globalThis.cytoscapeFcose);
const GRAPHQL = '/graphql';
const FONT = 'system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif';
const NEIGHBORHOOD_LIMIT = 200;
const PATHS_FIRST = 10;
const MINUS = '\u2212';

// ---------------------------------------------------------------- palette

// One colour and one shape per category, so that the legend reads without
// colour vision too. Curated categories first; the text's own structure
// (review, sections, passages, studies, concerns) in greys.
const CATEGORIES = {
  Drug: { color: '#f28e2b', shape: 'hexagon', label: 'Drug' },
  Mechanism: { color: '#4e79a7', shape: 'ellipse', label: 'Mechanism' },
  BrainRegion: { color: '#9c755f', shape: 'diamond', label: 'Brain region' },
  BrainNetwork: { color: '#b07aa1', shape: 'octagon', label: 'Brain network' },
  Disorder: { color: '#e15759', shape: 'round-rectangle', label: 'Disorder' },
  Symptom: { color: '#ff9da7', shape: 'vee', label: 'Symptom' },
  Outcome: { color: '#59a14f', shape: 'star', label: 'Outcome' },
  Therapy: { color: '#76b7b2', shape: 'pentagon', label: 'Therapy' },
  SafetyRisk: { color: '#edc948', shape: 'rhomboid', label: 'Safety risk' },
  Population: { color: '#86bcd9', shape: 'heptagon', label: 'Population' },
  Study: { color: '#59595f', shape: 'rectangle', label: 'Study' },
  CitationConcern: { color: '#b3261e', shape: 'triangle', label: 'Citation concern' },
  Review: { color: '#2b2b2b', shape: 'rectangle', label: 'Review' },
  Section: { color: '#9a9a9a', shape: 'rectangle', label: 'Section' },
  Passage: { color: '#c9c9c9', shape: 'round-rectangle', label: 'Passage' },
};
const UNKNOWN_CATEGORY = { color: '#999999', shape: 'ellipse', label: 'Other' };
const LEXICAL_CATEGORIES = new Set(['Review', 'Section', 'Passage', 'Study', 'CitationConcern']);

const SIGN_COLORS = { INCREASES: '#1a7f37', DECREASES: '#c4262e', NONE: '#7d8590' };

// The Predicate enum of the schema, used until (or if) the `predicates`
// root query answers.
const FALLBACK_PREDICATES = [
  ['AFFECTS', true, true], ['CORRELATED_WITH', true, true], ['STUDIED_TO_TREAT', false, true],
  ['HAS_ADVERSE_EVENT', false, true], ['LOCATED_IN', false, true], ['PART_OF', false, true],
  ['HAS_PART', false, true], ['CONSIDERED_FOR', false, true], ['ASSOCIATED_WITH', false, true],
  ['HAS_SECTION', false, false], ['HAS_PASSAGE', false, false], ['HAS_REFERENCE', false, false],
  ['CITES', false, false], ['MENTIONS', false, false], ['FLAGS', false, false],
].map(([predicate, signed, curated]) => ({ predicate, signed, curated, biolink: '' }));

const categoryStyle = (c) => CATEGORIES[c] ?? UNKNOWN_CATEGORY;

// ---------------------------------------------------------------- queries

const EDGE_FIELDS = `id predicate sign negated origin score subject { id } object { id }`;

const INIT_QUERY = `query ExplorerInit {
  predicates { predicate biolink signed curated }
  drugs(first: 100) { edges { node { id name } } }
  mechanisms(first: 100) { edges { node { id name } } }
  outcomes(first: 100) { edges { node { id name } } }
  symptoms(first: 100) { edges { node { id name } } }
}`;

const SEARCH_QUERY = `query ExplorerSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) { score matched node { id name category } }
}`;

const NEIGHBORHOOD_QUERY = `query ExplorerNeighborhood($id: ID!, $depth: Int, $edgeTypes: [Predicate!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, edgeTypes: $edgeTypes, limit: $limit) {
    truncated
    nodes { id name category }
    edges { ${EDGE_FIELDS} }
  }
}`;

const PATHS_QUERY = `query ExplorerPaths($from: ID!, $to: ID, $maxHops: Int, $first: Int) {
  mechanismToOutcomePaths(from: $from, to: $to, maxHops: $maxHops, first: $first) {
    length sign score summary
    nodes { id name category }
    hops { forward claim { ${EDGE_FIELDS} } }
  }
}`;

const NODE_QUERY = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    id name category biolink synonyms description
    xrefs { curie }
    ... on Drug { kind }
    ... on Mechanism { kind }
    ... on BrainRegion { kind }
    ... on BrainNetwork { kind }
    ... on Disorder { kind }
    ... on Symptom { kind }
    ... on Outcome { kind }
    ... on Therapy { kind }
    ... on SafetyRisk { kind }
    ... on Population { kind }
    ... on Study { authors year studyTitle: title journal volume issue pages design evidenceLevel designBasis citation refNumber }
    ... on CitationConcern { concernKind: kind message line }
    ... on Passage { text sectionId }
    ... on Section { title level }
    ... on Review { title authors year journal citation }
  }
}`;

const CLAIM_QUERY = `query ExplorerClaim($id: ID!) {
  claim(id: $id) {
    id predicate biolink sign negated origin score knowledgeLevel agentType note document
    subject { id name category }
    object { id name category }
    qualifiers {
      mechanism aspect timePoint effectSize combinedWithIds
      combinedWith { id name }
      comparator { text node { id name } }
      disorder { id name }
      disorderId
      population { text node { id name } }
      location { text node { id name } }
    }
    evidence {
      quote sectionTitle citations
      studies { id name year design evidenceLevel }
    }
    concerns { id kind message }
  }
}`;

// ---------------------------------------------------------------- DOM helpers

const $ = (sel) => document.querySelector(sel);

// h builds an element: h('p', { class: 'x' }, 'text', child). Attributes
// go through setAttribute (never `style`, which the CSP would refuse).
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// fill replaces an element's children, skipping null and false (which
// replaceChildren would write out as text).
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c != null && c !== false));
}

// swatch draws a category's colour and shape as a small inline SVG.
function swatch(category, size = 14) {
  const st = categoryStyle(category);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('viewBox', '-1.1 -1.1 2.2 2.2');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  const shape = shapeSVG(st.shape, 0, 0, 2, 2, `fill="${st.color}" stroke="#333" stroke-width="0.12"`);
  svg.innerHTML = shape; // SVG markup built from constants only
  return svg;
}

function signSymbol(sign) {
  if (sign === 'INCREASES') return '+';
  if (sign === 'DECREASES') return MINUS;
  return '';
}

function edgeLabel(e) {
  const s = signSymbol(e.sign);
  return `${e.negated ? 'NOT ' : ''}${e.predicate}${s ? ' ' + s : ''}`;
}

function signWord(sign) {
  if (sign === 'INCREASES') return 'increases';
  if (sign === 'DECREASES') return 'decreases';
  return 'unsigned';
}

function fmtScore(x) {
  return typeof x === 'number' ? x.toFixed(x < 0.01 && x > 0 ? 4 : 2) : '';
}

// ---------------------------------------------------------------- GraphQL client

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
let busyCount = 0;

async function request(channel, query, variables) {
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

function showErrors(errors) {
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

function clearErrors() {
  $('#error-box').hidden = true;
  $('#error-list').replaceChildren();
}

// ---------------------------------------------------------------- cytoscape

// Labels keep a legible size on screen when a large graph is zoomed out to
// fit: their model size grows by labelScale (see updateZoomStyles).
let labelScale = 1;
const isPathOn = (el) => el.hasClass('path-on');
const nodeFont = (n) => (n.hasClass('centre') || isPathOn(n) ? 14 : n.hasClass('lexical') ? 10 : 12) * labelScale;
const nodeTextWidth = (n) => (isPathOn(n) ? 150 : n.hasClass('lexical') ? 100 : 120) * labelScale;
const edgeFont = (e) => (e.selected() || isPathOn(e) ? 11 : 9.5) * labelScale;

const cy = cytoscape({
  container: $('#cy'),
  minZoom: 0.1,
  maxZoom: 4,
  boxSelectionEnabled: false,
  selectionType: 'single',
  style: [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)',
        width: 30,
        height: 30,
        'border-width': 1.5,
        'border-color': '#ffffff',
        label: 'data(label)',
        'font-family': FONT,
        'font-size': nodeFont,
        'line-height': 1.15,
        color: '#1c2330',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': nodeTextWidth,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node.lexical', style: { width: 20, height: 20 } },
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -5 } },
    {
      selector: 'node.centre',
      style: { width: 46, height: 46, 'border-width': 3, 'border-color': '#1c2330', 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        width: 'mapData(score, 0, 1, 1.4, 4.2)',
        'line-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': 'data(color)',
        'arrow-scale': 1.1,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': edgeFont,
        color: '#30363d',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': 2,
        'text-background-shape': 'round-rectangle',
        'text-border-width': 0.8,
        'text-border-color': 'data(color)',
        'text-border-opacity': 0.6,
      },
    },
    { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.lexical', style: { 'line-style': 'dotted', width: 1.2, 'target-arrow-shape': 'vee', 'arrow-scale': 0.8 } },
    { selector: '.dim', style: { opacity: 0.2 } },
    // Zoomed out, edge labels would be a blur: only those around the
    // selection (and of a path) show until one zooms in.
    { selector: 'edge.quiet', style: { label: '' } },
    { selector: 'edge.path-off', style: { label: '' } },
    { selector: 'edge.near', style: { label: 'data(label)', 'z-index': 5 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#111827', 'underlay-color': '#ffd54f', 'underlay-opacity': 0.7, 'underlay-padding': 6, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'edge:selected',
      style: { width: 5, 'underlay-color': '#ffd54f', 'underlay-opacity': 0.8, 'underlay-padding': 5, 'z-index': 20, 'font-weight': 'bold', label: 'data(label)' },
    },
    { selector: '.path-off', style: { opacity: 0.5 } },
    {
      selector: 'node.path-on',
      style: { width: 40, height: 40, 'border-width': 3, 'border-color': '#1c2330', 'font-weight': 'bold' },
    },
    {
      selector: 'edge.path-on',
      style: { width: 5, 'underlay-color': '#ffcc33', 'underlay-opacity': 0.55, 'underlay-padding': 5, 'z-index': 10, 'font-weight': 'bold', label: 'data(label)' },
    },
    { selector: 'edge.hide-label', style: { label: '' } },
  ],
});

// updateZoomStyles helps node labels towards 10px on screen when zoomed
// out (up to 1.3 times their size, which the layouts leave room for) and
// quiets edge labels below 8px.
function updateZoomStyles() {
  const z = cy.zoom();
  const scale = Math.min(1.3, Math.max(1, 10 / (12 * z)));
  cy.batch(() => {
    cy.edges().toggleClass('quiet', 9.5 * z < 8);
    if (Math.abs(scale - labelScale) / labelScale > 0.04) {
      labelScale = scale;
      cy.style().update();
    }
  });
}

let zoomFrame = 0;
cy.on('zoom', () => {
  cancelAnimationFrame(zoomFrame);
  zoomFrame = requestAnimationFrame(updateZoomStyles);
});

function nodeElement(n, classes = []) {
  const st = categoryStyle(n.category);
  const cls = [...classes, `cat-${n.category}`];
  if (LEXICAL_CATEGORIES.has(n.category)) cls.push('lexical');
  // A passage's name is its first 80 characters: too long for a label.
  const label = n.category === 'Passage' && n.name.length > 48 ? `${n.name.slice(0, 45).trimEnd()}…` : n.name;
  return {
    group: 'nodes',
    data: { id: n.id, label, name: n.name, category: n.category, color: st.color, shape: st.shape },
    classes: cls,
  };
}

function edgeElement(e, classes = []) {
  const curated = isCuratedPredicate(e.predicate);
  const cls = [...classes];
  if (e.origin === 'INFERRED') cls.push('inferred');
  if (!curated) cls.push('lexical');
  if (!$('#edge-labels').checked) cls.push('hide-label');
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.subject.id,
      target: e.object.id,
      predicate: e.predicate,
      sign: e.sign ?? null,
      negated: !!e.negated,
      origin: e.origin ?? null,
      score: typeof e.score === 'number' ? Math.max(0, Math.min(1, e.score)) : 0.5,
      label: edgeLabel(e),
      color: SIGN_COLORS[e.sign ?? 'NONE'],
    },
    classes: cls,
  };
}

// addElements adds nodes and edges not in the graph yet; an edge whose
// ends are missing is skipped.
function addElements(nodes, edges, nodeClasses = () => [], edgeClasses = () => []) {
  const add = [];
  const have = new Set(cy.nodes().map((n) => n.id()));
  for (const n of nodes) {
    if (have.has(n.id)) continue;
    have.add(n.id);
    add.push(nodeElement(n, nodeClasses(n)));
  }
  for (const e of edges) {
    if (!cy.getElementById(e.id).empty() || add.some((a) => a.data.id === e.id)) continue;
    if (!have.has(e.subject.id) || !have.has(e.object.id)) continue;
    add.push(edgeElement(e, edgeClasses(e)));
  }
  return cy.add(add);
}

// withSeed runs fn with Math.random replaced by a seeded generator
// (mulberry32), so that fcose's randomised start draws the same picture
// for the same graph every time; "Re-layout" moves to the next seed.
function withSeed(seed, fn) {
  const original = Math.random;
  let a = seed >>> 0;
  Math.random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
let layoutSeed = 1;

function fcoseLayout(opts = {}) {
  return {
    name: 'fcose',
    quality: 'proof',
    randomize: true,
    animate: false,
    fit: false,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 140,
    nodeRepulsion: () => 45000,
    edgeElasticity: () => 0.45,
    nodeSeparation: 120,
    gravity: 0.15,
    gravityRange: 3.8,
    numIter: 2500,
    ...opts,
  };
}

// neighbourhoodLayout lays out a neighbourhood. A pure star (no edge among
// the neighbours) reads best as a ring around its centre; anything else
// goes to fcose. Deterministic: a link draws the same picture twice.
function neighbourhoodLayout() {
  const centre = cy.nodes('.centre');
  const ring = cy.nodes().difference(centre);
  if (centre.nonempty() && !state.expanded.length && ring.edgesWith(ring).empty() && ring.every((n) => n.edgesWith(centre).nonempty())) {
    ringLayout(centre, ring);
    return;
  }
  // Small graphs: try a few seeds and keep the picture with the fewest
  // crossing edges (a crossing is where labels collide and readers lose
  // an edge).
  const n = cy.nodes().length;
  const tries = n <= 10 ? 16 : n <= 40 ? 4 : 1;
  let best = null;
  for (let i = 0; i < tries; i++) {
    withSeed(layoutSeed * 1000 + i, () => cy.layout(fcoseLayout()).run());
    const crossings = tries > 1 ? countCrossings() : 0;
    if (!best || crossings < best.crossings) {
      best = { crossings, pos: new Map(cy.nodes().map((x) => [x.id(), { ...x.position() }])) };
    }
    if (crossings === 0) break;
  }
  cy.nodes().forEach((x) => x.position(best.pos.get(x.id())));
}

// countCrossings counts pairs of edges (with no end in common) whose
// straight lines cross.
function countCrossings() {
  const segs = cy.edges().map((e) => [e.source().id(), e.target().id(), e.source().position(), e.target().position()]);
  const orient = (a, b, c) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const [s1, t1, p1, q1] = segs[i];
      const [s2, t2, p2, q2] = segs[j];
      if (s1 === s2 || s1 === t2 || t1 === s2 || t1 === t2) continue;
      if (orient(p1, q1, p2) * orient(p1, q1, q2) < 0 && orient(p2, q2, p1) * orient(p2, q2, q1) < 0) count += 1;
    }
  }
  return count;
}

// ringLayout puts centre in the middle and ring around it, ordered so that
// neighbours joined by an edge sit side by side (their edge then skirts the
// ring instead of crossing the centre); a large ring is sorted by category
// and staggered on two radii to give the labels room.
function ringLayout(centre, ring) {
  const nodes = ring.toArray();
  const n = nodes.length;
  const catOrder = Object.keys(CATEGORIES);
  nodes.sort((a, b) => (catOrder.indexOf(a.data('category')) - catOrder.indexOf(b.data('category'))) || a.data('name').localeCompare(b.data('name')));
  let order = nodes;
  if (n >= 3 && n <= 7) {
    const index = new Map(nodes.map((x, i) => [x.id(), i]));
    const pairs = ring.edgesWith(ring).map((e) => [index.get(e.source().id()), index.get(e.target().id())]);
    let best = null;
    let bestCost = Infinity;
    const perm = (arr, k) => {
      if (k === arr.length) {
        const at = new Array(n);
        arr.forEach((v, i) => { at[v] = i; });
        let cost = 0;
        for (const [a, b] of pairs) {
          const d = Math.abs(at[a] - at[b]);
          cost += Math.min(d, n - d) ** 2;
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = arr.slice();
        }
        return;
      }
      for (let i = k; i < arr.length; i++) {
        [arr[k], arr[i]] = [arr[i], arr[k]];
        perm(arr, k + 1);
        [arr[k], arr[i]] = [arr[i], arr[k]];
      }
    };
    // Fix the first node: rotations of one order cost the same.
    perm([...Array(n).keys()], 1);
    order = best.map((i) => nodes[i]);
  }
  const slot = 130 * labelScale;
  const stagger = n > 10;
  const radius = Math.max(150, (n * slot) / (2 * Math.PI) / (stagger ? 1.7 : 1));
  centre.position({ x: 0, y: 0 });
  order.forEach((node, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    const r = stagger && i % 2 === 1 ? radius * 1.3 : radius;
    node.position({ x: r * Math.cos(a), y: r * Math.sin(a) });
  });
}

function runLayout() {
  const nodes = cy.nodes();
  if (nodes.length === 0) return;
  if (state.mode === 'path') {
    drawChosenPath();
    return;
  }
  if (nodes.length === 1) {
    nodes.position({ x: 0, y: 0 });
    fitView();
    return;
  }
  settle(neighbourhoodLayout);
}

// settle lays out at the labels' natural size (layouts leave room for
// them), then fits; fitting may enlarge the labels a little.
function settle(layout) {
  if (labelScale !== 1) {
    labelScale = 1;
    cy.style().update();
  }
  layout();
  fitView();
}

// fitView fits the graph without blowing a small one up. The container may
// have changed size (legend, note), so cytoscape measures it again first;
// once the labels are rescaled for the new zoom, it fits once more.
function fitView() {
  cy.resize();
  const fit = () => {
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
  };
  fit();
  updateZoomStyles();
  declutterLabels();
}

// declutterLabels slides an edge label that would sit on an earlier label
// or on a node along its own edge (up to a third of the edge's length
// either way) to the first free place. Crossing edges otherwise stack
// their labels at the crossing.
function declutterLabels() {
  cy.batch(() => {
    cy.edges().removeStyle('text-margin-x text-margin-y');
    const placed = cy.nodes().map((n) => ({ x: n.position().x, y: n.position().y, w: n.width() + 6, h: n.height() + 6 }));
    const hit = (a, b) => Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
    cy.edges().forEach((e) => {
      if (e.hasClass('hide-label')) return;
      const size = edgeFont(e);
      const box = { w: measure(e.data('label'), `${size}px ${FONT}`) + 8, h: size + 6, ...e.midpoint() };
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
      const dx = (t.x - s.x) / len;
      const dy = (t.y - s.y) / len;
      // labelAt: where along the edge (0 source, 1 target) the label would
      // rather be; the middle when not set.
      const base = ((e.data('labelAt') ?? 0.5) - 0.5) * len;
      for (const k of [0, 0.6, -0.6, 1.2, -1.2, 1.8, -1.8]) {
        const shift = base + k * box.w;
        if (Math.abs(shift) > len * 0.4) continue;
        const cand = { ...box, x: box.x + dx * shift, y: box.y + dy * shift };
        if (placed.some((b) => hit(cand, b))) continue;
        if (shift) e.style({ 'text-margin-x': dx * shift, 'text-margin-y': dy * shift });
        placed.push(cand);
        return;
      }
      placed.push(box);
    });
  });
}

// ---------------------------------------------------------------- state

const state = {
  mode: 'none', // 'node' | 'path' | 'none'
  node: null, // centre id
  nodeName: '',
  depth: 1,
  types: null, // null: curated default
  expanded: [],
  from: null,
  to: null,
  hops: 6,
  pathIndex: 0,
  sel: null, // selected node or claim id
};
let predicates = FALLBACK_PREDICATES;
let paths = [];
let lastHash = '';
let ready = false;
const names = new Map(); // id -> name, for titles of nodes not drawn

function isCuratedPredicate(p) {
  const info = predicates.find((x) => x.predicate === p);
  return info ? info.curated : true;
}

function curatedTypes() {
  return predicates.filter((p) => p.curated).map((p) => p.predicate);
}

function checkedTypes() {
  return [...document.querySelectorAll('#edge-types input[type=checkbox]:checked')].map((c) => c.value);
}

// typesParam is what to send as edgeTypes: null for the server's default
// (every curated predicate).
function typesParam(types) {
  const cur = curatedTypes();
  if (types.length === cur.length && cur.every((t) => types.includes(t))) return null;
  return types;
}

// ---------------------------------------------------------------- URL hash

function enc(v) {
  return encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
}

function stateToHash() {
  const parts = [];
  if (state.mode === 'node') {
    parts.push(`node=${enc(state.node)}`, `depth=${state.depth}`);
    if (state.types) parts.push(`types=${enc(state.types.join(','))}`);
    if (state.expanded.length) parts.push(`expand=${enc(state.expanded.join(','))}`);
  } else if (state.mode === 'path') {
    parts.push(`from=${enc(state.from)}`);
    if (state.to) parts.push(`to=${enc(state.to)}`);
    parts.push(`hops=${state.hops}`);
    if (state.pathIndex) parts.push(`path=${state.pathIndex}`);
  }
  if (state.sel && state.mode !== 'none') parts.push(`sel=${enc(state.sel)}`);
  return parts.length ? '#' + parts.join('&') : '';
}

// writeHash records the state: push for a new view (so Back returns to the
// previous one), replace for a selection.
function writeHash(push) {
  const hash = stateToHash();
  if (hash === lastHash) return;
  lastHash = hash;
  const url = location.pathname + location.search + hash;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function clampInt(v, lo, hi, def) {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : def;
}

async function applyHash() {
  const hash = location.hash;
  lastHash = hash;
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const sel = p.get('sel');
  if (p.get('node')) {
    selectTab('explore', false);
    const depth = clampInt(p.get('depth'), 1, 3, 1);
    $('#depth-select').value = String(depth);
    const types = p.get('types') ? p.get('types').split(',').filter(Boolean) : null;
    setCheckedTypes(types ?? curatedTypes());
    const expanded = p.get('expand') ? p.get('expand').split(',').filter(Boolean) : [];
    await loadNeighborhood(p.get('node'), { push: false, expanded, sel });
  } else if (p.get('from')) {
    selectTab('paths', false);
    await runPaths({
      from: p.get('from'),
      to: p.get('to') || null,
      hops: clampInt(p.get('hops'), 1, 6, 6),
      index: clampInt(p.get('path'), 0, PATHS_FIRST - 1, 0),
      push: false,
      sel,
    });
  }
}

function onHistory() {
  if (location.hash === lastHash) return;
  applyHash();
}

// ---------------------------------------------------------------- tabs

function selectTab(which, focus) {
  for (const name of ['explore', 'paths']) {
    const on = name === which;
    const tab = $(`#tab-${name}`);
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    $(`#panel-${name}`).hidden = !on;
    if (on && focus) tab.focus();
  }
}

function setupTabs() {
  const tabs = ['explore', 'paths'];
  for (const name of tabs) {
    const tab = $(`#tab-${name}`);
    tab.addEventListener('click', () => selectTab(name, false));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(name);
      let j = null;
      if (ev.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (ev.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (ev.key === 'Home') j = 0;
      else if (ev.key === 'End') j = tabs.length - 1;
      if (j === null) return;
      ev.preventDefault();
      selectTab(tabs[j], true);
    });
  }
}

// ---------------------------------------------------------------- edge types

function renderEdgeTypes() {
  const make = (p) => {
    const id = `type-${p.predicate}`;
    const title = [p.biolink, p.signed ? 'signed: carries a direction' : ''].filter(Boolean).join('; ');
    return h('label', { class: 'check', for: id, title },
      h('input', { type: 'checkbox', id, value: p.predicate, checked: p.curated }),
      h('span', null, p.predicate),
      p.signed ? h('span', { class: 'tag', 'aria-label': 'signed' }, '±') : null);
  };
  fill($('#edge-types-curated'), ...predicates.filter((p) => p.curated).map(make));
  fill($('#edge-types-lexical'), ...predicates.filter((p) => !p.curated).map(make));
}

function setCheckedTypes(types) {
  for (const c of document.querySelectorAll('#edge-types input[type=checkbox]')) {
    c.checked = types.includes(c.value);
  }
  if (types.some((t) => !isCuratedPredicate(t))) $('#edge-types-lexical-box').open = true;
}

let typesTimer = 0;
function onTypesChanged() {
  clearTimeout(typesTimer);
  typesTimer = setTimeout(() => {
    if (state.mode !== 'node') return;
    loadNeighborhood(state.node, { push: true, expanded: state.expanded, sel: state.sel });
  }, 250);
}

// ---------------------------------------------------------------- search

async function doSearch(text) {
  text = text.trim();
  if (!text) return;
  clearErrors();
  $('#search-status').textContent = 'Searching…';
  const data = await request('search', SEARCH_QUERY, { text, first: 20 });
  if (!data) {
    $('#search-status').textContent = '';
    return;
  }
  const hits = data.search ?? [];
  $('#search-status').textContent = hits.length
    ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”. Choose one to draw its neighbourhood.`
    : `Nothing matches “${text}”. Every word must start a word of a name or synonym.`;
  fill($('#search-results'), ...hits.map((hit) => {
    const n = hit.node;
    names.set(n.id, n.name);
    const synonym = hit.matched && hit.matched.toLowerCase() !== n.name.toLowerCase();
    return h('li', null, h('button', {
      type: 'button',
      class: 'result',
      'data-id': n.id,
      onclick: () => {
        markCurrentResult(n.id);
        loadNeighborhood(n.id, { push: true });
      },
    },
    swatch(n.category),
    h('span', { class: 'result-main' },
      h('span', { class: 'result-name' }, n.name),
      h('span', { class: 'result-meta' }, `${categoryStyle(n.category).label} · ${n.id}`),
      synonym ? h('span', { class: 'result-meta' }, `matched “${hit.matched}”`) : null)));
  }));
  markCurrentResult(state.node);
}

function markCurrentResult(id) {
  for (const b of document.querySelectorAll('#search-results button.result')) {
    if (b.dataset.id === id) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
}

// Arrow keys move between results; from the search box, ArrowDown enters
// the list.
function setupResultKeys() {
  $('#search-input').addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = $('#search-results button');
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  });
  $('#search-results').addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
    const buttons = [...document.querySelectorAll('#search-results button')];
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    ev.preventDefault();
    if (ev.key === 'ArrowDown' && i + 1 < buttons.length) buttons[i + 1].focus();
    else if (ev.key === 'ArrowUp') (i > 0 ? buttons[i - 1] : $('#search-input')).focus();
  });
}

// ---------------------------------------------------------------- neighbourhood

async function loadNeighborhood(id, { push = true, expanded = [], sel = null } = {}) {
  const types = checkedTypes();
  if (types.length === 0) {
    showErrors([{ message: 'Choose at least one edge type to draw a neighbourhood.', code: 'NO_EDGE_TYPES' }]);
    return;
  }
  clearErrors();
  const depth = clampInt($('#depth-select').value, 1, 3, 1);
  const edgeTypes = typesParam(types);
  const data = await request('graph', NEIGHBORHOOD_QUERY, { id, depth, edgeTypes, limit: NEIGHBORHOOD_LIMIT });
  const sg = data?.neighborhood;
  if (!sg) return;

  Object.assign(state, { mode: 'node', node: id, depth, types: edgeTypes, expanded: [], sel: null, pathIndex: 0 });
  paths = [];
  $('#path-results').replaceChildren();
  $('#path-status').textContent = '';
  cy.elements().remove();
  for (const n of sg.nodes) names.set(n.id, n.name);
  state.nodeName = names.get(id) ?? id;
  addElements(sg.nodes, sg.edges, (n) => (n.id === id ? ['centre'] : []));
  let truncated = sg.truncated;

  // Re-apply expansions from a deep link or a filter change.
  for (const x of expanded) {
    if (cy.getElementById(x).empty()) continue;
    const more = await request('graph', NEIGHBORHOOD_QUERY, { id: x, depth: 1, edgeTypes, limit: NEIGHBORHOOD_LIMIT });
    if (!more?.neighborhood) continue;
    for (const n of more.neighborhood.nodes) names.set(n.id, n.name);
    addElements(more.neighborhood.nodes, more.neighborhood.edges);
    cy.getElementById(x).addClass('expanded');
    state.expanded.push(x);
    truncated ||= more.neighborhood.truncated;
  }

  $('#empty-state').hidden = true;
  renderLegend();
  setNote(truncated ? `Only the first ${NEIGHBORHOOD_LIMIT} nodes in reach are drawn; lower the depth or narrow the edge types.` : '');
  runLayout();
  updateTitle();
  markCurrentResult(id);
  if (sel && cy.getElementById(sel).nonempty()) selectElement(sel, { push: false });
  else showNodeDetails(id);
  writeHash(push);
}

// expand adds a node's direct neighbours to the view (double-click).
async function expand(id) {
  if (state.mode === 'path') {
    // A path view has its own layout: open the node's neighbourhood instead.
    selectTab('explore', false);
    await loadNeighborhood(id, { push: true });
    return;
  }
  if (state.mode !== 'node') return;
  const edgeTypes = typesParam(checkedTypes());
  const data = await request('graph', NEIGHBORHOOD_QUERY, { id, depth: 1, edgeTypes, limit: NEIGHBORHOOD_LIMIT });
  const sg = data?.neighborhood;
  if (!sg) return;
  for (const n of sg.nodes) names.set(n.id, n.name);
  const centre = cy.getElementById(id);
  const at = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
  const added = addElements(sg.nodes, sg.edges);
  renderLegend();
  const fresh = added.nodes();
  fresh.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
    n.position({ x: at.x + 90 * Math.cos(a), y: at.y + 90 * Math.sin(a) });
  });
  centre.addClass('expanded');
  if (!state.expanded.includes(id)) state.expanded.push(id);
  // fcose refines the current picture (the new nodes start around the
  // expanded one) rather than starting again.
  if (added.length > 0) settle(() => withSeed(layoutSeed, () => cy.layout(fcoseLayout({ randomize: false })).run()));
  updateTitle();
  renderLegend();
  setNote(added.nodes().length === 0 ? `${names.get(id) ?? id}: no neighbours beyond those already drawn.` : '');
  selectElement(id, { push: false });
  writeHash(true);
}

function updateTitle() {
  const n = cy.nodes().length;
  const e = cy.edges().length;
  const counts = `${n} node${n === 1 ? '' : 's'}, ${e} claim${e === 1 ? '' : 's'}`;
  let title = 'No graph yet';
  if (state.mode === 'node') {
    title = `Neighbourhood of ${state.nodeName} · ${state.depth} hop${state.depth === 1 ? '' : 's'}${state.expanded.length ? ` + ${state.expanded.length} expanded` : ''} · ${counts}`;
  } else if (state.mode === 'path' && paths.length) {
    const p = paths[state.pathIndex];
    title = `Path ${state.pathIndex + 1} of ${paths.length}: ${p.nodes[0].name} → ${p.nodes[p.nodes.length - 1].name} · ${p.length} hop${p.length === 1 ? '' : 's'}`;
  }
  $('#graph-title').textContent = title;
}

function setNote(text) {
  $('#graph-note').textContent = text;
  $('#graph-note').hidden = !text;
}

// ---------------------------------------------------------------- legend

function renderLegend() {
  const present = new Set(cy.nodes().map((n) => n.data('category')));
  const cats = Object.keys(CATEGORIES).filter((c) => present.has(c));
  const signs = new Set(cy.edges().map((e) => e.data('sign') ?? 'NONE'));
  const inferred = cy.edges('.inferred').nonempty();
  const items = cats.map((c) => h('li', null, swatch(c), h('span', null, categoryStyle(c).label)));
  const edgeItems = [];
  const line = (color, dashed, text) => h('li', null, lineSwatch(color, dashed), h('span', null, text));
  if (signs.has('INCREASES')) edgeItems.push(line(SIGN_COLORS.INCREASES, false, '+ increases'));
  if (signs.has('DECREASES')) edgeItems.push(line(SIGN_COLORS.DECREASES, false, `${MINUS} decreases`));
  if (signs.has('NONE')) edgeItems.push(line(SIGN_COLORS.NONE, false, 'unsigned'));
  if (inferred) edgeItems.push(line('#555', true, 'inferred by curator'));
  if (edgeItems.length) edgeItems.push(h('li', { class: 'legend-note' }, 'Thicker edges: stronger evidence.'));
  const legend = $('#legend');
  if (!cats.length) {
    legend.replaceChildren();
    legend.hidden = true;
    return;
  }
  legend.hidden = false;
  fill(legend,
    h('h2', { id: 'legend-title' }, 'Legend'),
    h('ul', { class: 'legend-list', 'aria-label': 'Node categories' }, items),
    edgeItems.length ? h('ul', { class: 'legend-list edges', 'aria-label': 'Edges' }, edgeItems) : null,
  );
}

function lineSwatch(color, dashed) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', 22);
  svg.setAttribute('height', 10);
  svg.setAttribute('viewBox', '0 0 22 10');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  svg.innerHTML = `<line x1="1" y1="5" x2="16" y2="5" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="4 3"' : ''}/><path d="M15 1 L21 5 L15 9 Z" fill="${color}"/>`;
  return svg;
}

// ---------------------------------------------------------------- paths

function fillPathSelects(data) {
  const group = (label, conn) => {
    const nodes = (conn?.edges ?? []).map((e) => e.node);
    for (const n of nodes) names.set(n.id, n.name);
    return nodes.length ? h('optgroup', { label }, nodes.map((n) => h('option', { value: n.id }, n.name))) : null;
  };
  fill($('#path-from'), ...[group('Drugs', data?.drugs), group('Mechanisms', data?.mechanisms)].filter(Boolean));
  fill($('#path-to'),
    h('option', { value: '' }, 'any outcome'),
    ...[group('Outcomes', data?.outcomes), group('Symptoms', data?.symptoms)].filter(Boolean));
  setSelect('#path-from', 'CHEBI:6121');
  setSelect('#path-to', 'KAP:abstinence');
}

// setSelect chooses a value, adding an option for an id not listed.
function setSelect(sel, value) {
  const el = $(sel);
  if (value == null) value = '';
  if (![...el.options].some((o) => o.value === value)) {
    el.append(h('option', { value }, names.get(value) ?? value));
  }
  el.value = value;
}

async function runPaths({ from, to, hops, index = 0, push = true, sel = null }) {
  if (!from) return;
  clearErrors();
  setSelect('#path-from', from);
  setSelect('#path-to', to ?? '');
  $('#path-hops').value = String(hops);
  $('#path-status').textContent = 'Looking for chains…';
  const data = await request('graph', PATHS_QUERY, { from, to: to || null, maxHops: hops, first: PATHS_FIRST });
  if (!data) {
    $('#path-status').textContent = '';
    return;
  }
  paths = data.mechanismToOutcomePaths ?? [];
  Object.assign(state, { mode: 'path', from, to: to || null, hops, node: null, expanded: [], sel: null });
  state.pathIndex = Math.min(index, Math.max(0, paths.length - 1));
  for (const p of paths) for (const n of p.nodes) names.set(n.id, n.name);
  const fromName = names.get(from) ?? from;
  const toName = to ? names.get(to) ?? to : 'any outcome';
  renderPathList();
  if (!paths.length) {
    $('#path-status').textContent = `No signed chain from ${fromName} to ${toName} within ${hops} hops.`;
    cy.elements().remove();
    $('#graph-title').textContent = 'No path';
    renderLegend();
    showOverview();
    writeHash(push);
    return;
  }
  $('#path-status').textContent = `${paths.length} chain${paths.length === 1 ? '' : 's'} from ${fromName} to ${toName}, best supported first.`;
  $('#empty-state').hidden = true;
  drawChosenPath();
  if (sel && !cy.getElementById(sel).empty()) selectElement(sel, { push: false });
  else showPathDetails();
  writeHash(push);
}

function renderPathList() {
  fill($('#path-results'), ...paths.map((p, i) => h('li', null, h('button', {
    type: 'button',
    class: 'path-item',
    'data-index': i,
    'aria-current': i === state.pathIndex ? 'true' : null,
    onclick: () => choosePath(i),
  },
  h('span', { class: 'path-head' },
    h('span', { class: 'rank' }, `#${i + 1}`),
    h('span', { class: `sign-badge sign-${(p.sign ?? 'none').toLowerCase()}` }, p.sign ? `net ${signWord(p.sign)}` : 'unsigned'),
    h('span', { class: 'score' }, `score ${fmtScore(p.score)}`),
    h('span', { class: 'hops' }, `${p.length} hop${p.length === 1 ? '' : 's'}`)),
  summaryText(p.summary)))));
}

// summaryText shows a path's summary with each step kept whole when the
// line wraps (the text itself is the server's summary, unchanged).
function summaryText(summary, cls = 'summary') {
  const parts = summary.split(' ');
  return h('span', { class: cls }, parts.flatMap((part, i) => [h('span', { class: 'nowrap' }, part), i < parts.length - 1 ? ' ' : null]));
}

function choosePath(i) {
  if (i < 0 || i >= paths.length) return;
  state.pathIndex = i;
  state.sel = null;
  for (const b of document.querySelectorAll('#path-results button.path-item')) {
    if (Number(b.dataset.index) === i) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  drawChosenPath();
  showPathDetails();
  writeHash(true);
}

// drawChosenPath draws the chosen path left to right on one row, and the
// other paths (when asked) faded in lanes above and below it, each of their
// detours spread between the nodes it shares with what is already placed.
function drawChosenPath() {
  const chosen = paths[state.pathIndex];
  if (!chosen) return;
  const others = $('#path-alternatives').checked ? paths.filter((_, i) => i !== state.pathIndex) : [];
  cy.elements().remove();
  const onNodes = new Set(chosen.nodes.map((n) => n.id));
  const onEdges = new Set(chosen.hops.map((hp) => hp.claim.id));
  const all = [chosen, ...others];
  addElements(
    all.flatMap((p) => p.nodes),
    all.flatMap((p) => p.hops.map((hp) => hp.claim)),
    (n) => (onNodes.has(n.id) ? ['path-on'] : ['path-off']),
    (e) => (onEdges.has(e.id) ? ['path-on'] : ['path-off']),
  );

  // A long chain zigzags between two rows, so that each hop has room for
  // its label while the chain still reads left to right.
  const zig = chosen.length >= 4;
  const gap = zig ? 130 : 250;
  const amp = zig ? 190 : 0;
  const maxLen = Math.max(...all.map((p) => p.length), 1);
  const width = Math.max(chosen.length * gap, maxLen * 120);
  const pos = new Map();
  chosen.nodes.forEach((n, i) => pos.set(n.id, { x: (width * i) / Math.max(1, chosen.length), y: (i % 2) * amp }));
  let lane = 0;
  for (const p of others) {
    const ids = p.nodes.map((n) => n.id);
    if (ids.every((id) => pos.has(id))) continue;
    lane += 1;
    const k = Math.ceil(lane / 2) * 150;
    const y = lane % 2 === 1 ? -k : amp + k;
    // Each alternative spreads evenly over the width in its own lane;
    // the nodes it shares with what is placed stay where they are.
    ids.forEach((id, m) => {
      if (!pos.has(id)) pos.set(id, { x: (width * m) / Math.max(1, p.length), y });
    });
  }
  // On a zigzag, each hop's label sits 30% along from where the hop
  // starts: the labels then alternate between a band under the upper row
  // and one above the lower row, two hops apart, and never meet.
  if (zig) {
    for (const hp of chosen.hops) cy.getElementById(hp.claim.id).data('labelAt', hp.forward ? 0.3 : 0.7);
  }
  // Labels go outwards: above the upper row and the lanes above it, below
  // the rest.
  for (const [id, p] of pos) {
    const chosenIndex = chosen.nodes.findIndex((n) => n.id === id);
    const top = chosenIndex >= 0 ? zig && chosenIndex % 2 === 0 : p.y < 0;
    if (top) cy.getElementById(id).addClass('label-top');
  }
  cy.nodes().forEach((n) => n.position(pos.get(n.id()) ?? { x: 0, y: 0 }));
  // An alternative's edge between two nodes of the chosen row would run
  // straight through the nodes in between: bend it into an arc away from
  // the row, alternately above and below.
  let arc = 0;
  cy.edges('.path-off').forEach((e) => {
    const a = pos.get(e.source().id());
    const b = pos.get(e.target().id());
    if (!a || !b || !onNodes.has(e.source().id()) || !onNodes.has(e.target().id())) return;
    if (Math.abs(a.x - b.x) <= gap * 1.01) return;
    arc += 1;
    const d = (arc % 2 === 1 ? -1 : 1) * (110 + 60 * Math.floor((arc - 1) / 2)) * (a.x < b.x ? 1 : -1);
    e.style({ 'curve-style': 'unbundled-bezier', 'control-point-distances': [d], 'control-point-weights': [0.5] });
  });
  renderLegend();
  setNote('');
  fitView();
  updateTitle();
}

function showPathDetails() {
  const p = paths[state.pathIndex];
  if (!p) return showOverview();
  const panel = $('#details');
  fill(panel,
    h('h2', null, `Path ${state.pathIndex + 1} of ${paths.length}`),
    h('p', null, summaryText(p.summary, 'summary-line')),
    h('dl', { class: 'facts' },
      h('dt', null, 'Net sign'), h('dd', null, p.sign ? `${signWord(p.sign)} (${signSymbol(p.sign)})` : 'unsigned (a hop has no direction)'),
      h('dt', null, 'Score'), h('dd', null, `${fmtScore(p.score)} (the product of its claims' scores)`),
      h('dt', null, 'Hops'), h('dd', null, String(p.length))),
    h('h3', null, 'Hops'),
    h('p', { class: 'hint' }, 'Open a hop for the sentences behind it.'),
    h('ol', { class: 'hop-list' }, p.hops.map((hp) => {
      const c = hp.claim;
      const fromName = names.get(hp.forward ? c.subject.id : c.object.id);
      const toName = names.get(hp.forward ? c.object.id : c.subject.id);
      return h('li', null, h('button', { type: 'button', class: 'link-button', onclick: () => selectElement(c.id) },
        `${fromName} `, h('span', { class: `pred sign-${(c.sign ?? 'none').toLowerCase()}` }, edgeLabel(c)), ` ${toName}`,
        c.origin === 'INFERRED' ? h('span', { class: 'tag' }, 'inferred') : null));
    })),
  );
}

// ---------------------------------------------------------------- selection and details

// selectElement selects a node or claim of the view and shows its details;
// an id not drawn (a study cited by a claim, say) shows details only.
function selectElement(id, { push = false } = {}) {
  cy.elements().unselect();
  const el = cy.getElementById(id);
  if (el.nonempty()) el.select();
  focusOn(el);
  state.sel = id;
  const isEdge = el.nonempty() ? el.isEdge() : id.includes('/claim/');
  if (isEdge) showClaimDetails(id);
  else showNodeDetails(id);
  if (state.mode !== 'none') writeHash(push);
}

// focusOn dims what is not adjacent to a selected node (on a neighbourhood
// with more than a handful of nodes) and shows the labels of its edges.
function focusOn(el) {
  cy.batch(() => {
    cy.elements().removeClass('dim near');
    if (el.empty()) return;
    const near = el.isNode() ? el.connectedEdges() : el;
    near.addClass('near');
    if (el.isNode() && state.mode === 'node' && cy.nodes().length > 8) {
      cy.elements().difference(el.closedNeighborhood()).addClass('dim');
    }
  });
  declutterLabels(); // a selected edge's label is larger
}

function clearSelection() {
  cy.elements().unselect();
  focusOn(cy.collection());
  state.sel = null;
  if (state.mode === 'path') showPathDetails();
  else showOverview();
  if (state.mode !== 'none') writeHash(false);
}

function showOverview() {
  const panel = $('#details');
  if (cy.nodes().empty()) {
    fill(panel, h('h2', null, 'Details'), h('p', { class: 'hint' }, 'Nothing drawn yet.'));
    return;
  }
  const byCat = new Map();
  cy.nodes().forEach((n) => {
    const c = n.data('category');
    if (!byCat.has(c)) byCat.set(c, []);
    byCat.get(c).push(n);
  });
  const cats = [...byCat.keys()].sort((a, b) => Object.keys(CATEGORIES).indexOf(a) - Object.keys(CATEGORIES).indexOf(b));
  fill(panel,
    h('h2', null, 'In this view'),
    h('p', { class: 'hint' }, 'Click a node or an edge in the graph, or choose one below.'),
    h('details', { open: true }, h('summary', null, `Nodes (${cy.nodes().length})`),
      cats.map((c) => h('div', { class: 'cat-group' },
        h('h3', null, swatch(c), ` ${categoryStyle(c).label}`),
        h('ul', { class: 'plain' }, byCat.get(c).sort((a, b) => a.data('name').localeCompare(b.data('name'))).map((n) =>
          h('li', null, h('button', { type: 'button', class: 'link-button', onclick: () => selectElement(n.id()) }, n.data('name')))))))),
    h('details', null, h('summary', null, `Claims (${cy.edges().length})`),
      h('ul', { class: 'plain' }, cy.edges().map((e) => h('li', null, claimButton(e))))),
  );
}

function claimButton(e) {
  return h('button', { type: 'button', class: 'link-button', onclick: () => selectElement(e.id()) },
    `${e.source().data('name')} `,
    h('span', { class: `pred sign-${(e.data('sign') ?? 'none').toLowerCase()}` }, e.data('label')),
    ` ${e.target().data('name')}`,
    e.data('origin') === 'INFERRED' ? h('span', { class: 'tag' }, 'inferred') : null);
}

let detailsSeq = 0;

async function showNodeDetails(id) {
  const seq = ++detailsSeq;
  const panel = $('#details');
  const el = cy.getElementById(id);
  const cat = el.nonempty() ? el.data('category') : '';
  fill(panel,
    h('h2', null, el.nonempty() ? el.data('name') : names.get(id) ?? id),
    cat ? categoryLine(cat, id) : null,
    h('p', { class: 'hint' }, 'Loading…'),
  );
  const data = await request('details', NODE_QUERY, { id });
  if (seq !== detailsSeq || !data) return;
  const n = data.node;
  if (!n) return;
  names.set(n.id, n.name);
  const facts = [];
  const fact = (k, v) => {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return;
    facts.push(h('dt', null, k), h('dd', null, v));
  };
  fact('Biolink', h('code', null, n.biolink));
  fact('Kind', n.category === 'CitationConcern' ? null : n.kind);
  if (n.category === 'Study') {
    fact('Design', n.design ?? 'not assigned');
    fact('Evidence level', n.evidenceLevel != null ? `${n.evidenceLevel} of 5 (1 is strongest)` : 'unknown');
    fact('Why this design', n.designBasis);
    fact('Authors', n.authors?.join(', '));
    fact('Year', n.year != null ? String(n.year) : null);
    fact('Title', n.studyTitle);
    fact('Journal', [n.journal, n.volume && `${n.volume}${n.issue ? `(${n.issue})` : ''}`, n.pages].filter(Boolean).join(', '));
    fact('Reference', n.refNumber != null ? `[${n.refNumber}] ${n.citation ?? ''}` : n.citation);
  }
  if (n.category === 'CitationConcern') {
    fact('Concern', n.concernKind);
    fact('Message', n.message);
    fact('Line', n.line != null ? String(n.line) : null);
  }
  if (n.category === 'Passage') fact('Text', h('q', null, n.text));
  if (n.category === 'Section') fact('Title', n.title);
  if (n.category === 'Review') {
    fact('Title', n.title);
    fact('Authors', n.authors?.join(', '));
    fact('Citation', n.citation);
  }
  fact('Synonyms', n.synonyms?.length ? n.synonyms.join('; ') : null);
  fact('Cross-references', n.xrefs?.length
    ? h('ul', { class: 'curies' }, n.xrefs.map((x) => h('li', null, h('code', null, x.curie))))
    : null);

  const actions = [];
  const inView = el.nonempty();
  actions.push(h('button', { type: 'button', onclick: () => { selectTab('explore', false); loadNeighborhood(n.id, { push: true }); } }, 'Centre neighbourhood here'));
  if (inView && state.mode === 'node') {
    actions.push(h('button', { type: 'button', onclick: () => expand(n.id) }, 'Add its neighbours'));
  }
  if (n.category === 'Drug' || n.category === 'Mechanism') {
    actions.push(h('button', { type: 'button', onclick: () => { selectTab('paths', false); setSelect('#path-from', n.id); $('#path-from').focus(); } }, 'Paths from here'));
  }
  if (n.category === 'Outcome' || n.category === 'Symptom') {
    actions.push(h('button', { type: 'button', onclick: () => { selectTab('paths', false); setSelect('#path-to', n.id); $('#path-to').focus(); } }, 'Paths to here'));
  }

  const incident = inView ? el.connectedEdges() : cy.collection();
  fill(panel,
    h('h2', null, n.name),
    categoryLine(n.category, n.id),
    n.description ? h('p', { class: 'description' }, n.description) : null,
    h('dl', { class: 'facts' }, facts),
    h('div', { class: 'actions' }, actions),
    incident.nonempty()
      ? h('section', null,
        h('h3', null, `Claims in view (${incident.length})`),
        h('ul', { class: 'plain' }, incident.map((e) => h('li', null, claimButton(e)))))
      : null,
  );
}

function categoryLine(category, id) {
  return h('p', { class: 'category-line' }, swatch(category, 16),
    h('span', { class: 'category-name' }, categoryStyle(category).label),
    h('code', { class: 'node-id' }, id));
}

async function showClaimDetails(id) {
  const seq = ++detailsSeq;
  const panel = $('#details');
  const el = cy.getElementById(id);
  fill(panel,
    h('h2', null, el.nonempty() ? `${el.source().data('name')} → ${el.target().data('name')}` : 'Claim'),
    h('p', { class: 'hint' }, 'Loading evidence…'),
  );
  const data = await request('details', CLAIM_QUERY, { id });
  if (seq !== detailsSeq || !data) return;
  const c = data.claim;
  if (!c) return;
  const q = c.qualifiers ?? {};
  const qual = [];
  const qv = (k, v) => {
    if (v == null || v === '' || (Array.isArray(v) && !v.length)) return;
    qual.push(h('dt', null, k), h('dd', null, v));
  };
  const valueText = (v) => (v ? (v.node ? `${v.node.name} (${v.text})` : v.text) : null);
  qv('Mechanism', q.mechanism);
  qv('Aspect', q.aspect);
  qv('Time point', q.timePoint);
  qv('Effect size', q.effectSize);
  qv('Comparator', valueText(q.comparator));
  const combined = (q.combinedWithIds ?? []).map((cid) => q.combinedWith?.find((x) => x.id === cid)?.name ?? cid);
  qv('Combined with', combined.join(', '));
  qv('Disorder', q.disorder ? `${q.disorder.name} (${q.disorder.id})` : q.disorderId);
  qv('Population', valueText(q.population));
  qv('Location', valueText(q.location));

  const sign = (c.sign ?? 'none').toLowerCase();
  fill(panel,
    h('p', { class: 'eyebrow' }, 'Claim'),
    h('h2', null, `${c.subject.name} → ${c.object.name}`),
    h('p', { class: 'claim-sentence' },
      nodeLink(c.subject), ' ',
      h('span', { class: `pred sign-${sign}` }, edgeLabel(c)), ' ',
      nodeLink(c.object)),
    h('ul', { class: 'chips' },
      h('li', { class: `chip sign-${sign}` }, c.sign ? signWord(c.sign) : 'unsigned'),
      h('li', { class: `chip origin-${(c.origin ?? 'none').toLowerCase()}` }, c.origin === 'INFERRED' ? 'inferred by curator' : c.origin === 'STATED' ? 'stated by the review' : 'text structure'),
      h('li', { class: 'chip' }, `score ${fmtScore(c.score)}`),
      c.negated ? h('li', { class: 'chip negated' }, 'negated: no effect') : null,
      c.knowledgeLevel ? h('li', { class: 'chip muted' }, c.knowledgeLevel.replaceAll('_', ' ')) : null),
    c.note ? h('p', { class: 'note' }, h('strong', null, 'Curator’s note: '), c.note) : null,
    qual.length ? h('section', null, h('h3', null, 'Qualifiers'), h('dl', { class: 'facts' }, qual)) : null,
    h('section', { class: 'evidence' },
      h('h3', null, `Evidence (${c.evidence.length})`),
      c.evidence.length === 0
        ? h('p', { class: 'hint' }, c.origin === 'INFERRED' ? 'No sentence: a curator inferred this claim to bridge two stated ones.' : 'No sentence recorded.')
        : h('ol', { class: 'evidence-list' }, c.evidence.map(evidenceItem))),
    h('section', { class: 'concerns' },
      h('h3', null, `Citation concerns (${c.concerns.length})`),
      c.concerns.length === 0
        ? h('p', { class: 'hint' }, 'None raised.')
        : h('ul', { class: 'concern-list' }, c.concerns.map((k) => h('li', null,
          h('span', { class: 'concern-kind' }, k.kind), ' ',
          h('span', { class: 'concern-message' }, k.message))))),
    h('dl', { class: 'facts small' },
      h('dt', null, 'Biolink'), h('dd', null, h('code', null, c.biolink)),
      h('dt', null, 'Claim id'), h('dd', null, h('code', { class: 'wrap' }, c.id)),
      h('dt', null, 'Review'), h('dd', null, h('code', null, c.document))),
  );
}

function nodeLink(n) {
  return h('button', { type: 'button', class: 'link-button node-link', onclick: () => selectElement(n.id) }, swatch(n.category, 12), ` ${n.name}`);
}

function evidenceItem(ev) {
  return h('li', null,
    h('blockquote', { class: 'quote' }, ev.quote),
    h('p', { class: 'evidence-meta' },
      h('span', { class: 'section-title' }, `§ ${ev.sectionTitle}`),
      ev.citations.length ? h('span', { class: 'citations' }, ` · cites ${ev.citations.join(', ')}`) : h('span', { class: 'citations' }, ' · cites nothing')),
    ev.studies.length
      ? h('ul', { class: 'study-list' }, ev.studies.map((s) => h('li', null,
        h('button', { type: 'button', class: 'link-button', onclick: () => selectElement(s.id) }, s.name),
        h('span', { class: 'study-design' }, ` — ${s.design ?? 'design unknown'}`),
        h('span', { class: `level level-${s.evidenceLevel ?? 'unknown'}` }, s.evidenceLevel != null ? `evidence level ${s.evidenceLevel}` : 'level unknown'))))
      : null);
}

// ---------------------------------------------------------------- export

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportName(ext) {
  let base = 'kapgraph';
  if (state.mode === 'node') base += `-${state.nodeName}`;
  else if (state.mode === 'path') base += `-path-${names.get(state.from) ?? state.from}-${state.to ? names.get(state.to) ?? state.to : 'outcomes'}`;
  return `${base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '')}.${ext}`;
}

function savePNG() {
  if (cy.nodes().empty()) return;
  const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000 });
  download(blob, exportName('png'));
}

function saveSVG() {
  if (cy.nodes().empty()) return;
  download(new Blob([toSVG()], { type: 'image/svg+xml' }), exportName('svg'));
}

const xml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = (x) => (Math.round(x * 100) / 100).toString();

// Unit polygons as cytoscape.js draws them (x, y in [-1, 1], y down).
function ngon(sides, rotation) {
  const inc = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + inc / 2 : Math.PI / 2) + rotation;
  const pts = [];
  for (let i = 0; i < sides; i++) {
    const a = i * inc + start;
    pts.push(Math.cos(a), Math.sin(-a));
  }
  return pts;
}

function fitToSquare(pts) {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...out.filter((_, i) => i % 2 === 1));
  if (minY < -1) for (let i = 1; i < out.length; i += 2) out[i] += -1 - minY;
  return out;
}

function starPoints() {
  const outer = ngon(5, 0);
  const inner = ngon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const pts = [];
  for (let i = 0; i < 5; i++) pts.push(outer[2 * i], outer[2 * i + 1], inner[2 * i], inner[2 * i + 1]);
  return fitToSquare(pts);
}

const POLYGONS = {
  triangle: fitToSquare(ngon(3, 0)),
  pentagon: fitToSquare(ngon(5, 0)),
  hexagon: fitToSquare(ngon(6, 0)),
  heptagon: fitToSquare(ngon(7, 0)),
  octagon: fitToSquare(ngon(8, 0)),
  star: starPoints(),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
};

// shapeSVG returns the markup of a node shape centred on (cx, cy).
function shapeSVG(shape, cx, cy, w, h, attrs) {
  if (shape === 'ellipse') return `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${attrs}/>`;
  if (shape === 'rectangle' || shape === 'round-rectangle') {
    const r = shape === 'round-rectangle' ? Math.min(w / 4, h / 4, 8) : 0;
    return `<rect x="${num(cx - w / 2)}" y="${num(cy - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ${attrs}/>`;
  }
  const unit = POLYGONS[shape] ?? POLYGONS.diamond;
  const pts = [];
  for (let i = 0; i < unit.length; i += 2) pts.push(`${num(cx + (unit[i] * w) / 2)},${num(cy + (unit[i + 1] * h) / 2)}`);
  return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
}

let measureCtx = null;
function measure(text, font) {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

function wrapLines(text, font, maxWidth) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && measure(next, font) > maxWidth) {
      lines.push(cur);
      cur = w;
    } else {
      cur = next;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

const px = (v) => Number.parseFloat(v) || 0;

// toSVG writes the view as a standalone SVG from the laid-out model: node
// shapes, edges with arrowheads and labels, and a legend. (Written here
// rather than taken from cytoscape-svg, which is GPL-3.0.)
function toSVG() {
  const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: true });
  const pad = 24;
  const legendCats = Object.keys(CATEGORIES).filter((c) => cy.nodes().some((n) => n.data('category') === c));
  const legendH = 28;
  const x0 = bb.x1 - pad;
  const y0 = bb.y1 - pad;
  const w = Math.max(bb.w + 2 * pad, 420);
  const hgt = bb.h + 2 * pad + legendH + 8;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(hgt)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(hgt)}" font-family="${xml(FONT)}">`);
  out.push(`<title>${xml($('#graph-title').textContent)}</title>`);
  out.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(hgt)}" fill="#ffffff"/>`);
  const colors = [...new Set(cy.edges().map((e) => e.style('line-color')))];
  out.push('<defs>');
  colors.forEach((c, i) => out.push(`<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto"><path d="M0,0 L10,5 L0,10 Z" fill="${xml(c)}"/></marker>`));
  out.push('</defs>');

  // Edges below nodes, as on screen.
  out.push('<g class="edges">');
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints();
    let d = `M${num(s.x)},${num(s.y)}`;
    if (cps && cps.length) {
      for (let i = 0; i < cps.length; i++) {
        const end = i + 1 < cps.length ? { x: (cps[i].x + cps[i + 1].x) / 2, y: (cps[i].y + cps[i + 1].y) / 2 } : t;
        d += ` Q${num(cps[i].x)},${num(cps[i].y)} ${num(end.x)},${num(end.y)}`;
      }
    } else {
      d += ` L${num(t.x)},${num(t.y)}`;
    }
    const color = e.style('line-color');
    const width = px(e.style('width'));
    const opacity = px(e.style('opacity'));
    const dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
    if (e.hasClass('path-on') || e.selected()) {
      out.push(`<path d="${d}" fill="none" stroke="${e.selected() ? '#ffd54f' : '#ffcc33'}" stroke-opacity="0.6" stroke-width="${num(width + 10)}" stroke-linecap="round"/>`);
    }
    out.push(`<path d="${d}" fill="none" stroke="${xml(color)}" stroke-width="${num(width)}" opacity="${num(opacity)}"${dash} marker-end="url(#arrow${colors.indexOf(color)})"/>`);
  });
  cy.edges().forEach((e) => {
    const label = e.hasClass('hide-label') ? '' : e.data('label');
    if (!label) return;
    const mid = e.midpoint();
    const m = { x: mid.x + px(e.style('text-margin-x')), y: mid.y + px(e.style('text-margin-y')) };
    const size = px(e.style('font-size'));
    const weight = e.style('font-weight');
    const font = `${weight} ${size}px ${FONT}`;
    const tw = measure(label, font);
    const bw = tw + 6;
    const bh = size + 5;
    const opacity = px(e.style('opacity'));
    out.push(`<g opacity="${num(opacity)}"><rect x="${num(m.x - bw / 2)}" y="${num(m.y - bh / 2)}" width="${num(bw)}" height="${num(bh)}" rx="3" fill="#ffffff" fill-opacity="0.9" stroke="${xml(e.style('line-color'))}" stroke-opacity="0.6" stroke-width="0.8"/>`
      + `<text x="${num(m.x)}" y="${num(m.y)}" font-size="${num(size)}" font-weight="${xml(weight)}" fill="#30363d" text-anchor="middle" dominant-baseline="central">${xml(label)}</text></g>`);
  });
  out.push('</g>');

  out.push('<g class="nodes">');
  cy.nodes().forEach((n) => {
    const p = n.position();
    const nw = n.width();
    const nh = n.height();
    const bw = px(n.style('border-width'));
    const opacity = px(n.style('opacity'));
    out.push(`<g opacity="${num(opacity)}">`);
    if (n.selected()) out.push(`<ellipse cx="${num(p.x)}" cy="${num(p.y)}" rx="${num(nw / 2 + 7)}" ry="${num(nh / 2 + 7)}" fill="#ffd54f" fill-opacity="0.7"/>`);
    out.push(shapeSVG(n.data('shape'), p.x, p.y, nw, nh, `fill="${xml(n.data('color'))}" stroke="${xml(n.style('border-color'))}" stroke-width="${num(bw)}"`));
    const size = px(n.style('font-size'));
    const weight = n.style('font-weight');
    const font = `${weight} ${size}px ${FONT}`;
    const lines = wrapLines(n.data('label'), font, px(n.style('text-max-width')));
    const lh = size * 1.15;
    const top = n.style('text-valign') === 'top';
    const margin = Math.abs(px(n.style('text-margin-y')));
    const y1 = top ? p.y - nh / 2 - margin - lh * lines.length : p.y + nh / 2 + margin;
    out.push(`<text font-size="${num(size)}" font-weight="${xml(weight)}" fill="#1c2330" stroke="#ffffff" stroke-width="5" stroke-linejoin="round" paint-order="stroke" text-anchor="middle">`);
    lines.forEach((line, i) => out.push(`<tspan x="${num(p.x)}" y="${num(y1 + lh * i + size * 0.85)}">${xml(line)}</tspan>`));
    out.push('</text></g>');
  });
  out.push('</g>');

  // Legend: one row of categories, then the edge key.
  let lx = x0 + pad;
  const ly = y0 + hgt - legendH / 2 - 4;
  out.push(`<g class="legend" font-size="11" fill="#30363d">`);
  for (const c of legendCats) {
    const st = categoryStyle(c);
    out.push(shapeSVG(st.shape, lx + 6, ly, 12, 12, `fill="${st.color}" stroke="#333" stroke-width="0.6"`));
    out.push(`<text x="${num(lx + 16)}" y="${num(ly)}" dominant-baseline="central">${xml(st.label)}</text>`);
    lx += 24 + measure(st.label, `11px ${FONT}`);
  }
  for (const [sign, text] of [['INCREASES', '+ increases'], ['DECREASES', `${MINUS} decreases`]]) {
    if (!cy.edges().some((e) => e.data('sign') === sign)) continue;
    out.push(`<line x1="${num(lx)}" y1="${num(ly)}" x2="${num(lx + 18)}" y2="${num(ly)}" stroke="${SIGN_COLORS[sign]}" stroke-width="2"/>`);
    out.push(`<text x="${num(lx + 22)}" y="${num(ly)}" dominant-baseline="central">${xml(text)}</text>`);
    lx += 32 + measure(text, `11px ${FONT}`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}

// ---------------------------------------------------------------- wiring

function setupGraphEvents() {
  cy.on('tap', 'node', (ev) => selectElement(ev.target.id()));
  cy.on('tap', 'edge', (ev) => selectElement(ev.target.id()));
  cy.on('tap', (ev) => {
    if (ev.target === cy) clearSelection();
  });
  cy.on('dbltap', 'node', (ev) => expand(ev.target.id()));
  cy.on('dragfree', 'node', () => declutterLabels());

  const box = $('#cy');
  box.addEventListener('keydown', (ev) => {
    const step = 60;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[ev.key]) {
      cy.panBy({ x: moves[ev.key][0], y: moves[ev.key][1] });
    } else if (ev.key === '+' || ev.key === '=') {
      zoomBy(1.25);
    } else if (ev.key === '-' || ev.key === '_') {
      zoomBy(0.8);
    } else if (ev.key === '0') {
      fitView();
    } else if (ev.key === 'Escape') {
      clearSelection();
    } else {
      return;
    }
    ev.preventDefault();
  });
}

function zoomBy(f) {
  const w = cy.width();
  const ht = cy.height();
  cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: w / 2, y: ht / 2 } });
}

function setupControls() {
  $('#error-close').addEventListener('click', clearErrors);
  $('#search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    doSearch($('#search-input').value);
  });
  $('#depth-select').addEventListener('change', () => {
    if (state.mode === 'node') loadNeighborhood(state.node, { push: true, expanded: state.expanded });
  });
  $('#edge-types').addEventListener('change', onTypesChanged);
  $('#types-curated').addEventListener('click', () => {
    setCheckedTypes(curatedTypes());
    onTypesChanged();
  });
  $('#types-signed').addEventListener('click', () => {
    setCheckedTypes(predicates.filter((p) => p.signed).map((p) => p.predicate));
    onTypesChanged();
  });
  $('#path-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runPaths({
      from: $('#path-from').value,
      to: $('#path-to').value || null,
      hops: clampInt($('#path-hops').value, 1, 6, 6),
      index: 0,
      push: true,
    });
  });
  $('#path-alternatives').addEventListener('change', () => {
    if (state.mode === 'path' && paths.length) {
      drawChosenPath();
      if (state.sel && cy.getElementById(state.sel).nonempty()) cy.getElementById(state.sel).select();
    }
  });
  $('#btn-fit').addEventListener('click', fitView);
  $('#btn-zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('#btn-zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('#btn-relayout').addEventListener('click', () => {
    layoutSeed += 1;
    runLayout();
  });
  $('#edge-labels').addEventListener('change', (ev) => {
    cy.edges().toggleClass('hide-label', !ev.target.checked);
  });
  $('#btn-png').addEventListener('click', savePNG);
  $('#btn-svg').addEventListener('click', saveSVG);
  window.addEventListener('hashchange', onHistory);
  window.addEventListener('popstate', onHistory);
}

async function init() {
  setupTabs();
  setupControls();
  setupResultKeys();
  setupGraphEvents();
  renderEdgeTypes();
  renderLegend();
  const data = await request('init', INIT_QUERY, {});
  if (data?.predicates?.length) {
    predicates = data.predicates;
    renderEdgeTypes();
  }
  fillPathSelects(data);
  if (location.hash.length > 1) await applyHash();
  ready = true;
  document.body.dataset.ready = 'true';
}

// The test hook: browser tests read cytoscape's state through it.
window.kapExplorer = {
  cy,
  get state() { return { ...state }; },
  get paths() { return paths; },
  get ready() { return ready; },
  get busy() { return busyCount > 0; },
  select: selectElement,
  toSVG,
};

init();
