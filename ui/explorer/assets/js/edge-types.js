// The edge-type checkboxes: curated predicates first, the text's
// structure folded away; a change redraws the neighbourhood (through
// the controller).

import { $, h, fill } from './dom.js';
import { nav } from './nav.js';
import { predicates, isCuratedPredicate } from './state.js';

export function renderEdgeTypes() {
  const make = (p) => {
    const id = `type-${p.predicate}`;
    const title = [p.biolink, p.signed ? 'signed: carries a direction' : ''].filter(Boolean).join('; ');
    return h('label', { class: 'check', for: id, title },
      h('input', { type: 'checkbox', id, value: p.predicate, checked: p.curated }),
      h('span', null, p.predicate),
      p.signed ? h('span', { class: 'tag', 'aria-label': 'signed' }, '±') : null);
  };
  fill($('#edge-types-curated'), ...predicates.filter((p) => p.curated).map(make));
  fill($('#edge-types-lexical'), ...predicates.filter((p) => !p.curated).map(make));
}

export function setCheckedTypes(types) {
  for (const c of document.querySelectorAll('#edge-types input[type=checkbox]')) {
    c.checked = types.includes(c.value);
  }
  if (types.some((t) => !isCuratedPredicate(t))) $('#edge-types-lexical-box').open = true;
}

let typesTimer = 0;
export function onTypesChanged() {
  clearTimeout(typesTimer);
  typesTimer = setTimeout(() => nav.typesChanged(), 250);
}
