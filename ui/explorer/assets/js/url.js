// URL state: the view worth sharing lives in the hash (README "Explorer"):
//   #node=GO:0031929&depth=2&types=AFFECTS&expand=ID,ID&sel=<claim id>
//   #from=CHEBI:6121&to=KAP:abstinence&hops=6&path=2&alt=1&tab=table
// path counts chains (1 the best), alt the chain's alternatives (1 the
// first; omitted for the chain's best path). A new view pushes a history
// entry; a selection replaces it. The controller reads the hash (parseHash)
// and has it written (writeHash); this module only translates.

import { clampInt } from './dom.js';
import { LIMITS } from './limits.js';
import { state, chainOf } from './state.js';

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
    const c = chainOf(state.pathIndex);
    if (c.rank > 0) parts.push(`path=${c.rank}`);
    if (c.alt > 0) parts.push(`alt=${c.alt}`);
  }
  if (state.sel && state.mode !== 'none') parts.push(`sel=${enc(state.sel)}`);
  if (state.tab === 'table' && state.mode !== 'none') parts.push('tab=table');
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

// hashChanged says whether the URL's hash is not the one last written or
// read: Back, Forward or an edited address.
export function hashChanged() {
  return location.hash !== lastHash;
}

// parseHash reads the view the URL names: { kind: 'node', ... },
// { kind: 'path', ... } or { kind: 'none' }, with bounds from LIMITS.
export function parseHash() {
  const hash = location.hash;
  lastHash = hash;
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const common = { sel: p.get('sel'), tab: p.get('tab') === 'table' ? 'table' : null };
  if (p.get('node')) {
    return {
      ...common,
      kind: 'node',
      node: p.get('node'),
      depth: clampInt(p.get('depth'), 1, LIMITS.maxDepth, LIMITS.defaultDepth),
      types: p.get('types') ? p.get('types').split(',').filter(Boolean) : null,
      expanded: p.get('expand') ? p.get('expand').split(',').filter(Boolean) : [],
    };
  }
  if (p.get('from')) {
    return {
      ...common,
      kind: 'path',
      from: p.get('from'),
      to: p.get('to') || null,
      hops: clampInt(p.get('hops'), 1, LIMITS.maxHops, LIMITS.defaultMechanismHops),
      rank: clampInt(p.get('path'), 1, LIMITS.maxPathResults, 1),
      alt: clampInt(p.get('alt'), 0, LIMITS.maxPathResults, 0),
    };
  }
  return { ...common, kind: 'none' };
}
