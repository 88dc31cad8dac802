// URL state: the view worth sharing lives in the hash, e.g.
//   #node=GO:0031929&depth=2&sel=<claim id>
//   #from=CHEBI:6121&to=KAP:abstinence&hops=6&path=2
// A new view pushes a history entry; a selection replaces it.

import { $, clampInt } from './dom.js';
import { setCheckedTypes } from './edge-types.js';
import { loadNeighborhood } from './neighbourhood.js';
import { PATHS_FIRST, runPaths } from './paths.js';
import { state, curatedTypes } from './state.js';
import { selectTab } from './tabs.js';

let lastHash = '';

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
export function writeHash(push) {
  const hash = stateToHash();
  if (hash === lastHash) return;
  lastHash = hash;
  const url = location.pathname + location.search + hash;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export async function applyHash() {
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

export function onHistory() {
  if (location.hash === lastHash) return;
  applyHash();
}
