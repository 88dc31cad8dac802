// Neighbourhoods: drawing a node's surroundings, and expanding a node of
// the view by its direct neighbours. What to select and what the URL says
// afterwards is the controller's.

import { request, showErrors, clearErrors } from './api.js';
import { $, clampInt } from './dom.js';
import { cy, addElements } from './graph.js';
import { withSeed, layoutSeed, fcoseLayout, runLayout, settle } from './layout.js';
import { LIMITS } from './limits.js';
import { NEIGHBORHOOD_QUERY } from './queries.js';
import { state, setPaths, names, checkedTypes, typesParam } from './state.js';
import { updateTitle, setNote, renderLegend } from './view.js';

const NEIGHBORHOOD_LIMIT = Math.min(200, LIMITS.maxNeighborhood);

// drawNeighbourhood draws the neighbourhood of id at the depth and edge
// types of the controls, re-applying expansions; it returns whether it
// drew (false after an error, shown in the error box).
export async function drawNeighbourhood(id, { expanded = [] } = {}) {
  const types = checkedTypes();
  if (types.length === 0) {
    showErrors([{ message: 'Choose at least one edge type to draw a neighbourhood.', code: 'NO_EDGE_TYPES' }]);
    return false;
  }
  clearErrors();
  const depth = clampInt($('#depth-select').value, 1, LIMITS.maxDepth, LIMITS.defaultDepth);
  const edgeTypes = typesParam(types);
  const data = await request('graph', NEIGHBORHOOD_QUERY, { id, depth, edgeTypes, limit: NEIGHBORHOOD_LIMIT });
  const sg = data?.neighborhood;
  if (!sg) return false;

  Object.assign(state, { mode: 'node', node: id, depth, types: edgeTypes, expanded: [], sel: null, pathIndex: 0 });
  setPaths([]);
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
  return true;
}

// expandNode adds a node's direct neighbours to the neighbourhood drawn
// (double-click); it returns whether it drew.
export async function expandNode(id) {
  const edgeTypes = typesParam(checkedTypes());
  const data = await request('graph', NEIGHBORHOOD_QUERY, { id, depth: 1, edgeTypes, limit: NEIGHBORHOOD_LIMIT });
  const sg = data?.neighborhood;
  if (!sg) return false;
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
  return true;
}
