// Layouts: a seeded fcose for neighbourhoods (with a ring for a pure
// star), fitting the view, and moving edge labels off each other.

import { measure } from './dom.js';
import { cy, labelScale, resetLabelScale, edgeFont, updateZoomStyles } from './graph.js';
import { FONT, CATEGORIES } from './palette.js';
import { state } from './state.js';

// withSeed runs fn with Math.random replaced by a seeded generator
// (mulberry32), so that fcose's randomised start draws the same picture
// for the same graph every time; "Re-layout" moves to the next seed.
export function withSeed(seed, fn) {
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
export let layoutSeed = 1;

// nextLayoutSeed moves "Re-layout" to the next picture.
export function nextLayoutSeed() {
  layoutSeed += 1;
}

export function fcoseLayout(opts = {}) {
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

export function runLayout() {
  const nodes = cy.nodes();
  if (nodes.length === 0) return;
  // A path has its own drawing (paths.js), which the controller redoes.
  if (state.mode === 'path') return;
  if (nodes.length === 1) {
    nodes.position({ x: 0, y: 0 });
    fitView();
    return;
  }
  settle(neighbourhoodLayout);
}

// settle lays out at the labels' natural size (layouts leave room for
// them), then fits; fitting may enlarge the labels a little.
export function settle(layout) {
  resetLabelScale();
  layout();
  fitView();
}

// fitView fits the graph without blowing a small one up. The container may
// have changed size (legend, note), so cytoscape measures it again first;
// once the labels are rescaled for the new zoom, it fits once more.
export function fitView() {
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

// declutterLabels keeps labels off each other. Node labels are placed
// first, the most important first (the centre, a path's nodes, then by
// number of edges); one that would overlap a label already placed is left
// out (class crowded) until its node is selected or zoomed into. Then each
// edge label slides along its edge (up to a third of its length either
// way) to the first place free of labels and nodes, or is left out when
// there is none. Crossing edges and dense neighbourhoods (depth 2) would
// otherwise stack their labels into an unreadable heap.
export function declutterLabels() {
  // Labels are measured as drawn, so everything is reset first and the
  // measuring is done outside a batch (a batch defers the style).
  cy.elements().removeClass('crowded');
  cy.edges().removeStyle('text-margin-x text-margin-y');
  const labelBox = (el) => {
    const bb = el.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    return bb && Number.isFinite(bb.w) && bb.w > 0 ? { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, w: bb.w + 2, h: bb.h + 2 } : null;
  };
  const hit = (a, b) => Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
  const placed = cy.nodes().map((n) => ({ x: n.position().x, y: n.position().y, w: n.width() + 6, h: n.height() + 6, node: n.id() }));
  const rank = (n) => (n.hasClass('centre') || n.hasClass('path-on') || n.selected() ? 1e6 : 0) + n.degree(false);
  const nodes = cy.nodes().toArray().sort((a, b) => rank(b) - rank(a) || a.id().localeCompare(b.id()));
  const crowded = [];
  for (const n of nodes) {
    const box = labelBox(n);
    if (!box) continue;
    if (rank(n) < 1e6 && placed.some((b) => b.node !== n.id() && hit(box, b))) {
      crowded.push(n);
      continue;
    }
    placed.push(box);
  }
  const margins = [];
  cy.edges().forEach((e) => {
    if (e.hasClass('hide-label') || e.hasClass('path-off')) return;
    const box = labelBox(e);
    if (!box) return;
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
      if (shift) margins.push([e, { 'text-margin-x': dx * shift, 'text-margin-y': dy * shift }]);
      placed.push(cand);
      return;
    }
    // No free place: leave it out, unless it is what the reader is
    // looking at (a path's hop, the selection), which keeps its label.
    if (e.hasClass('path-on') || e.selected() || e.hasClass('near')) placed.push(box);
    else crowded.push(e);
  });
  cy.batch(() => {
    for (const el of crowded) el.addClass('crowded');
    for (const [e, m] of margins) e.style(m);
  });
}
