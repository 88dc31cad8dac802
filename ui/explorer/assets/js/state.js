// The view's state: what is drawn (a neighbourhood or a path), the
// predicates the server knows, the paths found, and names seen so far.

import { FALLBACK_PREDICATES } from './palette.js';

export const state = {
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
export let predicates = FALLBACK_PREDICATES;
export let paths = [];

// The setters exist because a module's bindings are read-only elsewhere.
export function setPredicates(p) {
  predicates = p;
}

export function setPaths(p) {
  paths = p;
}

export const names = new Map(); // id -> name, for titles of nodes not drawn

export function isCuratedPredicate(p) {
  const info = predicates.find((x) => x.predicate === p);
  return info ? info.curated : true;
}

export function curatedTypes() {
  return predicates.filter((p) => p.curated).map((p) => p.predicate);
}

export function checkedTypes() {
  return [...document.querySelectorAll('#edge-types input[type=checkbox]:checked')].map((c) => c.value);
}

// typesParam is what to send as edgeTypes: null for the server's default
// (every curated predicate).
export function typesParam(types) {
  const cur = curatedTypes();
  if (types.length === cur.length && cur.every((t) => types.includes(t))) return null;
  return types;
}

// chainOf places path i among the chains the list shows: paths through the
// same nodes in the same order are one chain (they differ only in parallel
// claims), ranked by its best path. rank is 1-based; alternative is true
// when path i is not its chain's best.
export function chainOf(i) {
  const keys = paths.map((p) => p.nodes.map((n) => n.id).join('\u0000'));
  const chains = [...new Set(keys)];
  return { rank: chains.indexOf(keys[i]) + 1, count: chains.length, alternative: keys.indexOf(keys[i]) !== i };
}
