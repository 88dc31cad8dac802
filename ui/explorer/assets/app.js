// kapgraph explorer: search the graph, draw a node's neighbourhood, read the
// evidence behind each claim, follow mechanism-to-outcome paths.
//
// Native ES modules, no build step. This entry module wires the page's
// controls and starts it. js/controller.js owns navigation (what is drawn,
// selected and in the URL); the feature modules are leaves that import no
// other feature and ask for navigation through js/nav.js:
//   controller.js     opening views, selection, tabs, the URL and history
//   nav.js            the navigation interface the features call
//   search.js         search and its results
//   neighbourhood.js  a node's neighbourhood, and expanding nodes
//   paths.js          path mode
//   details.js        the node details panel and the selection highlight
//   evidence.js       the claim panel: evidence, studies, concerns
//   table.js          the Table tab: the claims in view, CSV, BibTeX, RIS
//   edge-types.js     the edge-type checkboxes
//   export.js         PNG and SVG export
// and the base modules they share:
//   api.js            the GraphQL client (POST /graphql, errors, busy)
//   queries.js        the GraphQL documents
//   state.js          what is drawn, the predicates, the paths, names seen
//   url.js            the view in the URL hash (parse and write)
//   limits.js         bounds and defaults, generated from graph's constants
//   graph.js          the cytoscape.js instance, its style and elements
//   layout.js         layouts, fitting, label placement
//   view.js, tabs.js  the title, note and legend; the side panel's tabs
//   palette.js, shapes.js, dom.js  colours, shapes and DOM helpers
// ui/explorer's Go tests check that the imports have no loop and that no
// feature imports another.
//
// It talks to /graphql like any client (POST application/json) and runs
// under a strict CSP: no inline code, no eval, no style attributes written
// as strings (CSSOM only). cytoscape.js comes from vendor/cytoscape.min.js,
// a classic script that runs before the modules.
//
// The state worth sharing lives in the URL hash (see js/url.js and the
// README), e.g.
//   #node=GO:0031929&depth=2&sel=<claim id>
//   #from=CHEBI:6121&to=KAP:abstinence&hops=6&path=2&tab=table
// Tests reach the graph through window.kapExplorer (see the end).

import { request, clearErrors, busyCount } from './js/api.js';
import { applyHash, clearSelection, expand, onHistory, openNode, openPaths, redraw, select, tabChosen } from './js/controller.js';
import { $, clampInt, h, fill } from './js/dom.js';
import { renderEdgeTypes, setCheckedTypes, onTypesChanged } from './js/edge-types.js';
import { savePNG, saveSVG, toSVG } from './js/export.js';
import { cy } from './js/graph.js';
import { fitView, declutterLabels } from './js/layout.js';
import { LIMITS } from './js/limits.js';
import { fillHopSelect, fillPathSelects } from './js/paths.js';
import { INIT_QUERY } from './js/queries.js';
import { doSearch, setupResultKeys } from './js/search.js';
import { state, predicates, setPredicates, paths, curatedTypes } from './js/state.js';
import { setupTable } from './js/table.js';
import { setupTabs } from './js/tabs.js';
import { renderLegend } from './js/view.js';

let ready = false;

function setupGraphEvents() {
  cy.on('tap', 'node', (ev) => select(ev.target.id()));
  cy.on('tap', 'edge', (ev) => select(ev.target.id()));
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
    if (state.mode === 'node') openNode(state.node, { push: true, expanded: state.expanded });
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
    openPaths({
      from: $('#path-from').value,
      to: $('#path-to').value || null,
      hops: clampInt($('#path-hops').value, 1, LIMITS.maxHops, LIMITS.defaultMechanismHops),
      push: true,
    });
  });
  $('#path-alternatives').addEventListener('change', () => {
    if (state.mode === 'path') redraw();
  });
  $('#btn-fit').addEventListener('click', fitView);
  $('#btn-zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('#btn-zoom-out').addEventListener('click', () => zoomBy(0.8));
  $('#btn-relayout').addEventListener('click', () => redraw({ nextSeed: true }));
  $('#edge-labels').addEventListener('change', (ev) => {
    cy.edges().toggleClass('hide-label', !ev.target.checked);
    declutterLabels();
  });
  $('#btn-png').addEventListener('click', savePNG);
  $('#btn-svg').addEventListener('click', saveSVG);
  window.addEventListener('hashchange', onHistory);
  window.addEventListener('popstate', onHistory);
}

// fillDepthSelect offers every depth graph allows, the default chosen.
function fillDepthSelect() {
  fill($('#depth-select'), ...Array.from({ length: LIMITS.maxDepth }, (_, i) => i + 1).map((n) =>
    h('option', { value: String(n) }, `${n} hop${n === 1 ? '' : 's'}`)));
  $('#depth-select').value = String(LIMITS.defaultDepth);
}

async function init() {
  fillDepthSelect();
  fillHopSelect();
  setupTabs(tabChosen);
  setupTable();
  setupControls();
  setupResultKeys();
  setupGraphEvents();
  renderEdgeTypes();
  renderLegend();
  const data = await request('init', INIT_QUERY, {});
  if (data?.predicates?.length) {
    setPredicates(data.predicates);
    renderEdgeTypes();
  }
  fillPathSelects(data);
  if (location.hash.length > 1) await applyHash();
  else await openDefault(data);
  ready = true;
  document.body.dataset.ready = 'true';
}

// openDefault opens, when the URL names no view, on something to read
// rather than an empty canvas: the neighbourhood of the drug with the most
// claims (the subject of a single-drug review). It replaces the history
// entry, so Back leaves the explorer instead of returning to a blank page.
async function openDefault(data) {
  const drugs = (data?.drugs?.edges ?? []).map((e) => e.node);
  if (drugs.length === 0) return;
  const claims = (d) => d.claims?.totalCount ?? 0;
  const best = drugs.reduce((a, b) => (claims(b) > claims(a) ? b : a));
  await openNode(best.id, { push: false });
}

// The test hook: browser tests read cytoscape's state through it.
window.kapExplorer = {
  cy,
  get state() { return { ...state }; },
  get paths() { return paths; },
  get ready() { return ready; },
  get busy() { return busyCount > 0; },
  select,
  toSVG,
};

init();
