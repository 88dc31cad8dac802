// Search: the results list, and moving through it by keyboard.

import { request, clearErrors } from './api.js';
import { $, h, fill, swatch } from './dom.js';
import { nav } from './nav.js';
import { categoryStyle } from './palette.js';
import { SEARCH_QUERY } from './queries.js';
import { state, names } from './state.js';

export async function doSearch(text) {
  text = text.trim();
  if (!text) return;
  clearErrors();
  $('#search-status').textContent = 'Searching…';
  const data = await request('search', SEARCH_QUERY, { text, first: 20 });
  if (!data) {
    $('#search-status').textContent = '';
    return;
  }
  const hits = data.search ?? [];
  $('#search-status').textContent = hits.length
    ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”. Choose one to draw its neighbourhood.`
    : `Nothing matches “${text}”. Every word must start a word of a name or synonym.`;
  fill($('#search-results'), ...hits.map((hit) => {
    const n = hit.node;
    names.set(n.id, n.name);
    const synonym = hit.matched && hit.matched.toLowerCase() !== n.name.toLowerCase();
    return h('li', null, h('button', {
      type: 'button',
      class: 'result',
      'data-id': n.id,
      onclick: () => nav.openNode(n.id, { push: true }),
    },
    swatch(n.category),
    h('span', { class: 'result-main' },
      h('span', { class: 'result-name' }, n.name),
      h('span', { class: 'result-meta' }, `${categoryStyle(n.category).label} · ${n.id}`),
      synonym ? h('span', { class: 'result-meta' }, `matched “${hit.matched}”`) : null)));
  }));
  markCurrentResult(state.node);
}

export function markCurrentResult(id) {
  for (const b of document.querySelectorAll('#search-results button.result')) {
    if (b.dataset.id === id) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
}

// Arrow keys move between results; from the search box, ArrowDown enters
// the list.
export function setupResultKeys() {
  $('#search-input').addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = $('#search-results button');
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  });
  $('#search-results').addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
    const buttons = [...document.querySelectorAll('#search-results button')];
    const i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    ev.preventDefault();
    if (ev.key === 'ArrowDown' && i + 1 < buttons.length) buttons[i + 1].focus();
    else if (ev.key === 'ArrowUp') (i > 0 ? buttons[i - 1] : $('#search-input')).focus();
  });
}
