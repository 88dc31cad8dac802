// The view's state: what is drawn (a neighbourhood or a path), the
// predicates the server knows, the paths found, and names seen so far.

import { LIMITS } from './limits.js';
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
  hops: LIMITS.defaultMechanismHops,
  pathIndex: 0,
  tab: 'explore', // the side panel's tab: 'explore' | 'paths' | 'table'

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

// detailsSeq numbers the details panel's loads, node and claim alike: an
// answer that arrives after a later load started is dropped.
let detailsSeq = 0;

export function nextDetailsSeq() {
  return ++detailsSeq;
}

export function isCurrentDetails(seq) {
  return seq === detailsSeq;
}

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
// claims), ranked by its best path. rank is 1-based; alt is 0 for a
// chain's best path and k for its k-th alternative (in rank order), and
// alternative is alt > 0.
export function chainOf(i) {
  const keys = paths.map((p) => p.nodes.map((n) => n.id).join('\u0000'));
  const chains = [...new Set(keys)];
  const members = keys.flatMap((k, j) => (k === keys[i] ? [j] : []));
  const alt = members.indexOf(i);
  return { rank: chains.indexOf(keys[i]) + 1, count: chains.length, alt, alternative: alt > 0 };
}

// pathAt is the index in paths of chain rank (1-based) and its alt-th
// alternative (0: the chain's best path); -1 when there is none.
export function pathAt(rank, alt = 0) {
  const keys = paths.map((p) => p.nodes.map((n) => n.id).join('\u0000'));
  const chains = [...new Set(keys)];
  const key = chains[rank - 1];
  if (key === undefined) return -1;
  const members = keys.flatMap((k, j) => (k === key ? [j] : []));
  return members[alt] ?? -1;
}
