// The cytoscape.js instance: its style, label sizes that follow the zoom,
// and turning GraphQL nodes and claims into elements.

import { $, edgeLabel } from './dom.js';
import { FONT, LEXICAL_CATEGORIES, SIGN_COLORS, categoryStyle } from './palette.js';
import { isCuratedPredicate } from './state.js';

const cytoscape = globalThis.cytoscape;
// The fcose layout registers itself only under CommonJS or AMD; as a plain
// script it leaves a global to hand to cytoscape.use.
if (globalThis.cytoscapeFcose) cytoscape.use(globalThis.cytoscapeFcose);

// Labels keep a legible size on screen when a large graph is zoomed out to
// fit: their model size grows by labelScale (see updateZoomStyles).
export let labelScale = 1;
const isPathOn = (el) => el.hasClass('path-on');
const nodeFont = (n) => (n.hasClass('centre') || isPathOn(n) ? 14 : n.hasClass('lexical') ? 10 : 12) * labelScale;
const nodeTextWidth = (n) => (isPathOn(n) ? 150 : n.hasClass('lexical') ? 100 : 120) * labelScale;
// Edge labels grow further when zoomed out (up to twice their size, by
// edgeLabelScale) so that, when shown, they stay near 8px on screen.
let edgeLabelScale = 1;
export const edgeFont = (e) => (e.selected() || isPathOn(e) ? 11 : 9.5) * Math.max(labelScale, edgeLabelScale);

export const cy = cytoscape({
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
    // Labels that found no free place (declutterLabels) are left out;
    // those around the selection (and of a path) show anyway.
    { selector: 'node.crowded', style: { label: '' } },
    { selector: 'edge.crowded', style: { label: '' } },
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
// edge labels towards 8px (up to twice their size); declutterLabels then
// leaves out the labels that would overlap.
// resetLabelScale returns labels to their natural size, at which the
// layouts leave room for them.
export function resetLabelScale() {
  if (labelScale !== 1 || edgeLabelScale !== 1) {
    labelScale = 1;
    edgeLabelScale = 1;
    cy.style().update();
  }
}

export function updateZoomStyles() {
  const z = cy.zoom();
  const scale = Math.min(1.3, Math.max(1, 10 / (12 * z)));
  const edgeScale = Math.min(2, Math.max(1, 8 / (9.5 * z)));
  if (Math.abs(scale - labelScale) / labelScale > 0.04 || Math.abs(edgeScale - edgeLabelScale) / edgeLabelScale > 0.04) {
    labelScale = scale;
    edgeLabelScale = edgeScale;
    cy.style().update();
  }
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
export function addElements(nodes, edges, nodeClasses = () => [], edgeClasses = () => []) {
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
