// Path mode: mechanism-to-outcome chains, ranked; the chosen one drawn left
// to right, the others optionally faded around it.

import { request, clearErrors } from './api.js';
import { $, h, fill, signSymbol, edgeLabel, signWord, fmtScore } from './dom.js';
import { cy, addElements } from './graph.js';
import { fitView } from './layout.js';
import { LIMITS } from './limits.js';
import { nav } from './nav.js';
import { PATHS_QUERY } from './queries.js';
import { state, paths, setPaths, names, chainOf } from './state.js';
import { updateTitle, setNote, renderLegend } from './view.js';

export const PATHS_FIRST = LIMITS.defaultPathResults;

// fillHopSelect offers every chain length graph allows, the default chosen.
export function fillHopSelect() {
  fill($('#path-hops'), ...Array.from({ length: LIMITS.maxHops }, (_, i) => i + 1).map((n) =>
    h('option', { value: String(n), selected: n === LIMITS.defaultMechanismHops ? '' : null }, `${n} hop${n === 1 ? '' : 's'}`)));
  $('#path-hops').value = String(LIMITS.defaultMechanismHops);
}

export function fillPathSelects(data) {
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
export function setSelect(sel, value) {
  const el = $(sel);
  if (value == null) value = '';
  if (![...el.options].some((o) => o.value === value)) {
    el.append(h('option', { value }, names.get(value) ?? value));
  }
  el.value = value;
}

// findPaths asks for the ranked paths and lists them; it returns whether
// any was found (the controller then draws the chosen one, or clears the
// view).
export async function findPaths({ from, to, hops }) {
  if (!from) return false;
  clearErrors();
  setSelect('#path-from', from);
  setSelect('#path-to', to ?? '');
  $('#path-hops').value = String(hops);
  $('#path-status').textContent = 'Looking for chains…';
  const data = await request('graph', PATHS_QUERY, { from, to: to || null, maxHops: hops, first: PATHS_FIRST });
  if (!data) {
    $('#path-status').textContent = '';
    return false;
  }
  setPaths(data.mechanismToOutcomePaths ?? []);
  Object.assign(state, { mode: 'path', from, to: to || null, hops, node: null, expanded: [], sel: null, pathIndex: 0 });
  for (const p of paths) for (const n of p.nodes) names.set(n.id, n.name);
  const fromName = names.get(from) ?? from;
  const toName = to ? names.get(to) ?? to : 'any outcome';
  renderPathList();
  if (!paths.length) {
    $('#path-status').textContent = `No signed chain from ${fromName} to ${toName} within ${hops} hops.`;
    cy.elements().remove();
    $('#graph-title').textContent = 'No path';
    renderLegend();
    return false;
  }
  const chains = chainOf(0).count;
  const parallel = paths.length > chains ? ` (${paths.length} paths: some differ only in parallel claims)` : '';
  $('#path-status').textContent = `${chains} chain${chains === 1 ? '' : 's'} from ${fromName} to ${toName}, best supported first${parallel}.`;
  $('#empty-state').hidden = true;
  return true;
}

// showPath draws path i (an index into paths) and marks it in the list.
export function showPath(i) {
  if (i < 0 || i >= paths.length) return;
  state.pathIndex = i;
  for (const b of document.querySelectorAll('#path-results button.path-item, #path-results button.path-alt')) {
    if (Number(b.dataset.index) === i) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  drawChosenPath();
}

// groupPaths groups ranked paths that pass through the same nodes in the
// same order: they differ only in which of the parallel claims between two
// nodes each hop takes, so they are one chain for a reader. Each group
// keeps the ranks of its paths (best first; the first is the one shown)
// and the claims its other paths take that the first does not, with the
// path to draw for each. The groups stay in the order of their best path.
export function groupPaths(ps) {
  const groups = [];
  const byKey = new Map();
  ps.forEach((p, i) => {
    const key = p.nodes.map((n) => n.id).join('\u0000');
    let g = byKey.get(key);
    if (!g) {
      g = { key, members: [], alternatives: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.members.push(i);
  });
  for (const g of groups) {
    const first = ps[g.members[0]];
    const seen = new Set(first.hops.map((hp) => hp.claim.id));
    for (const i of g.members.slice(1)) {
      ps[i].hops.forEach((hp, k) => {
        if (seen.has(hp.claim.id)) return;
        seen.add(hp.claim.id);
        g.alternatives.push({ index: i, hop: k, claim: hp.claim, forward: hp.forward });
      });
    }
  }
  return groups;
}

function renderPathList() {
  const groups = groupPaths(paths);
  fill($('#path-results'), ...groups.map((g, rank) => {
    const i = g.members[0];
    const p = paths[i];
    const current = g.members.includes(state.pathIndex);
    const n = g.alternatives.length;
    return h('li', { class: 'path-group', 'data-members': g.members.join(' ') },
      h('button', {
        type: 'button',
        class: 'path-item',
        'data-index': i,
        'aria-current': i === state.pathIndex ? 'true' : null,
        onclick: () => nav.choosePath(i),
      },
      h('span', { class: 'path-head' },
        h('span', { class: 'rank' }, `#${rank + 1}`),
        h('span', { class: `sign-badge sign-${(p.sign ?? 'none').toLowerCase()}` }, p.sign ? `net ${signWord(p.sign)}` : 'unsigned'),
        h('span', { class: 'score' }, `score ${fmtScore(p.score)}`),
        h('span', { class: 'hops' }, `${p.length} hop${p.length === 1 ? '' : 's'}`)),
      summaryText(p.summary)),
      n ? h('details', { class: 'alt-claims', open: current && i !== state.pathIndex ? '' : null },
        h('summary', null, `+${n} alternative claim${n === 1 ? '' : 's'}`),
        h('p', { class: 'hint' }, 'The same chain through other claims between the same nodes:'),
        h('ul', null, g.alternatives.map((alt) => {
          const c = alt.claim;
          const fromName = names.get(alt.forward ? c.subject.id : c.object.id) ?? '';
          const toName = names.get(alt.forward ? c.object.id : c.subject.id) ?? '';
          return h('li', null, h('button', {
            type: 'button',
            class: 'path-alt link-button',
            'data-index': alt.index,
            'data-claim': c.id,
            'aria-current': alt.index === state.pathIndex ? 'true' : null,
            onclick: () => nav.choosePath(alt.index),
          }, h('span', { class: 'rank' }, `#${rank + 1}.${chainOf(alt.index).alt}`), ` hop ${alt.hop + 1}: ${fromName} `, h('span', { class: `pred sign-${(c.sign ?? 'none').toLowerCase()}` }, edgeLabel(c)),
          ` ${toName}`, h('span', { class: 'score' }, ` (path score ${fmtScore(paths[alt.index].score)})`)));
        }))) : null);
  }));
}

// summaryText shows a path's summary with each step kept whole when the
// line wraps (the text itself is the server's summary, unchanged).
function summaryText(summary, cls = 'summary') {
  const parts = summary.split(' ');
  return h('span', { class: cls }, parts.flatMap((part, i) => [h('span', { class: 'nowrap' }, part), i < parts.length - 1 ? ' ' : null]));
}

// drawChosenPath draws the chosen path left to right on one row, and the
// other paths (when asked) faded in lanes above and below it, each of their
// detours spread between the nodes it shares with what is already placed.
export function drawChosenPath() {
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

// showPathDetails shows the chosen path in the details panel; false when
// there is none.
export function showPathDetails() {
  const p = paths[state.pathIndex];
  if (!p) return false;
  const panel = $('#details');
  fill(panel,
    h('h2', null, (({ rank, count, alt }) => `Chain ${rank} of ${count}${alt ? `, alternative ${alt}` : ''}`)(chainOf(state.pathIndex))),
    p.netEffect ? h('p', { class: 'net-effect' }, p.netEffect) : null,
    h('p', null, summaryText(p.summary, 'summary-line')),
    h('dl', { class: 'facts' },
      h('dt', null, 'Net sign'), h('dd', null, p.sign ? `${signWord(p.sign)} (${signSymbol(p.sign)})` : 'unsigned (a hop has no direction)'),
      h('dt', null, 'Score'), h('dd', null, p.scoreExplained ?? fmtScore(p.score)),
      h('dt', null, 'Hops'), h('dd', null, String(p.length))),
    h('h3', null, 'Hops'),
    h('p', { class: 'hint' }, 'Open a hop for the sentences behind it.'),
    h('ol', { class: 'hop-list' }, p.hops.map((hp) => {
      const c = hp.claim;
      const fromName = names.get(hp.forward ? c.subject.id : c.object.id);
      const toName = names.get(hp.forward ? c.object.id : c.subject.id);
      return h('li', null, h('button', { type: 'button', class: 'link-button', onclick: () => nav.select(c.id) },
        `${fromName} `, h('span', { class: `pred sign-${(c.sign ?? 'none').toLowerCase()}` }, edgeLabel(c)), ` ${toName}`,
        c.origin === 'INFERRED' ? h('span', { class: 'tag' }, 'inferred') : c.origin === 'EXTRACTED' ? h('span', { class: 'tag' }, 'extracted') : null));
    })),
  );
  return true;
}
