// The controller owns navigation: it alone opens a view (a neighbourhood,
// the paths), selects, switches tabs, and reads and writes the URL. The
// feature modules it drives (neighbourhood, paths, details, evidence,
// search, edge types, table) draw and fetch, import no other feature, and
// ask for navigation through nav.js, which this module implements.

import { $ } from './dom.js';
import { highlight, showNodeDetails, showOverview } from './details.js';
import { setCheckedTypes } from './edge-types.js';
import { showClaimDetails } from './evidence.js';
import { cy } from './graph.js';
import { fitView, nextLayoutSeed, runLayout } from './layout.js';
import { implementNavigation } from './nav.js';
import { drawNeighbourhood, expandNode } from './neighbourhood.js';
import { drawChosenPath, findPaths, setSelect, showPath, showPathDetails } from './paths.js';
import { markCurrentResult } from './search.js';
import { state, paths, pathAt, curatedTypes } from './state.js';
import { loadTable } from './table.js';
import { selectTab } from './tabs.js';
import { hashChanged, parseHash, writeHash } from './url.js';

// setTab shows a tab; the Table tab loads the claims in view.
function setTab(name) {
  const fromTable = state.tab === 'table';
  state.tab = name;
  selectTab(name, false);
  if (name === 'table') loadTable();
  // The graph was hidden behind the table, and drawn there at no size.
  else if (fromTable && cy.nodes().nonempty()) fitView();
}

// tabChosen follows a tab the user chose.
export function tabChosen(name) {
  setTab(name);
  if (state.mode !== 'none') writeHash(false);
}

// afterDraw keeps the table, when shown, on the claims drawn.
function afterDraw() {
  if (state.tab === 'table') loadTable();
}

export async function openNode(id, { push = true, expanded = [], sel = null } = {}) {
  if (state.tab === 'paths') setTab('explore');
  if (!(await drawNeighbourhood(id, { expanded }))) return;
  markCurrentResult(id);
  if (sel && cy.getElementById(sel).nonempty()) select(sel, { push: false });
  else {
    highlight(cy.collection());
    showNodeDetails(id);
  }
  afterDraw();
  writeHash(push);
}

export async function expand(id) {
  if (state.mode === 'path') {
    // A path view has its own layout: open the node's neighbourhood instead.
    await openNode(id, { push: true });
    return;
  }
  if (state.mode !== 'node') return;
  if (!(await expandNode(id))) return;
  select(id, { push: false });
  afterDraw();
  writeHash(true);
}

// select selects a node or claim of the view and shows its details; an id
// not drawn (a study cited by a claim, say) shows details only.
export function select(id, { push = false } = {}) {
  const el = cy.getElementById(id);
  highlight(el);
  state.sel = id;
  const isEdge = el.nonempty() ? el.isEdge() : id.includes('.claim.') || id.includes('/claim/');
  if (isEdge) showClaimDetails(id);
  else showNodeDetails(id);
  if (state.mode !== 'none') writeHash(push);
}

export function clearSelection() {
  highlight(cy.collection());
  state.sel = null;
  if (!(state.mode === 'path' && showPathDetails())) showOverview();
  if (state.mode !== 'none') writeHash(false);
}

// openPaths finds the paths and draws chain rank (1-based) or its alt-th
// alternative.
export async function openPaths({ from, to, hops, rank = 1, alt = 0, push = true, sel = null }) {
  if (state.tab === 'explore') setTab('paths');
  if (!(await findPaths({ from, to, hops }))) {
    showOverview();
    afterDraw();
    writeHash(push);
    return;
  }
  let i = pathAt(rank, alt);
  if (i < 0) i = Math.max(0, pathAt(rank, 0));
  showPath(i);
  if (sel && cy.getElementById(sel).nonempty()) select(sel, { push: false });
  else showPathDetails();
  afterDraw();
  writeHash(push);
}

export function choosePath(i) {
  if (i < 0 || i >= paths.length) return;
  state.sel = null;
  showPath(i);
  showPathDetails();
  afterDraw();
  writeHash(true);
}

function prepareEnd(which, id) {
  setTab('paths');
  setSelect(which, id);
  $(which).focus();
}

function typesChanged() {
  if (state.mode !== 'node') return;
  openNode(state.node, { push: true, expanded: state.expanded, sel: state.sel });
}

// redraw lays the view out again: the next seed for a neighbourhood, the
// chosen path (with or without the others) in path mode.
export function redraw({ nextSeed = false } = {}) {
  if (state.mode === 'path' && paths.length) {
    drawChosenPath();
    if (state.sel && cy.getElementById(state.sel).nonempty()) cy.getElementById(state.sel).select();
  } else {
    if (nextSeed) nextLayoutSeed();
    runLayout();
  }
  afterDraw();
}

// applyHash opens the view the URL names.
export async function applyHash() {
  const v = parseHash();
  if (v.tab === 'table') setTab('table');
  if (v.kind === 'node') {
    if (!v.tab) setTab('explore');
    $('#depth-select').value = String(v.depth);
    setCheckedTypes(v.types ?? curatedTypes());
    await openNode(v.node, { push: false, expanded: v.expanded, sel: v.sel });
  } else if (v.kind === 'path') {
    if (!v.tab) setTab('paths');
    await openPaths({ from: v.from, to: v.to, hops: v.hops, rank: v.rank, alt: v.alt, push: false, sel: v.sel });
  }
}

// onHistory follows Back, Forward and an edited address.
export function onHistory() {
  if (hashChanged()) applyHash();
}

implementNavigation({
  openNode,
  expand,
  select,
  choosePath,
  pathsFrom: (id) => prepareEnd('#path-from', id),
  pathsTo: (id) => prepareEnd('#path-to', id),
  typesChanged,
});
