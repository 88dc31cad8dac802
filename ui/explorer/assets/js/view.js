// The view's title, its note and its legend.

import { $, h, fill, swatch, fmtScore } from './dom.js';
import { cy } from './graph.js';
import { MINUS, CATEGORIES, SIGN_COLORS, categoryStyle } from './palette.js';
import { state, paths, chainOf } from './state.js';

export function updateTitle() {
  const n = cy.nodes().length;
  const e = cy.edges().length;
  const counts = `${n} node${n === 1 ? '' : 's'}, ${e} claim${e === 1 ? '' : 's'}`;
  let title = 'No graph yet';
  if (state.mode === 'node') {
    title = `Neighbourhood of ${state.nodeName} · ${state.depth} hop${state.depth === 1 ? '' : 's'}${state.expanded.length ? ` + ${state.expanded.length} expanded` : ''} · ${counts}`;
  } else if (state.mode === 'path' && paths.length) {
    const p = paths[state.pathIndex];
    const c = chainOf(state.pathIndex);
    title = `Chain ${c.rank} of ${c.count}${c.alt ? `, alternative ${c.alt}` : ''}: ${p.nodes[0].name} → ${p.nodes[p.nodes.length - 1].name} · ${p.length} hop${p.length === 1 ? '' : 's'} · score ${fmtScore(p.score)}`;
  }
  $('#graph-title').textContent = title;
}

export function setNote(text) {
  $('#graph-note').textContent = text;
  $('#graph-note').hidden = !text;
}

export function renderLegend() {
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
