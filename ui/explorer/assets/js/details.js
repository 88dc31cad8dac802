// Selection and the details panel: a node's facts and actions, or an
// overview of the view when nothing is selected.

import { request } from './api.js';
import { $, h, fill, swatch } from './dom.js';
import { cy } from './graph.js';
import { declutterLabels } from './layout.js';
import { nav } from './nav.js';
import { CATEGORIES, categoryStyle } from './palette.js';
import { NODE_QUERY } from './queries.js';
import { state, names, nextDetailsSeq, isCurrentDetails } from './state.js';

// highlight marks a selected node or claim in the graph (el, possibly
// empty: nothing drawn is selected): what is not adjacent to a selected
// node is dimmed (on a neighbourhood of more than a handful of nodes) and
// the labels of its edges show.
export function highlight(el) {
  cy.elements().unselect();
  if (el.nonempty()) el.select();
  cy.batch(() => {
    cy.elements().removeClass('dim near');
    if (el.empty()) return;
    const near = el.isNode() ? el.connectedEdges() : el;
    near.addClass('near');
    if (el.isNode() && state.mode === 'node' && cy.nodes().length > 8) {
      cy.elements().difference(el.closedNeighborhood()).addClass('dim');
    }
  });
  declutterLabels(); // a selected edge's label is larger
}

export function showOverview() {
  const panel = $('#details');
  if (cy.nodes().empty()) {
    fill(panel, h('h2', null, 'Details'), h('p', { class: 'hint' }, 'Nothing drawn yet.'));
    return;
  }
  const byCat = new Map();
  cy.nodes().forEach((n) => {
    const c = n.data('category');
    if (!byCat.has(c)) byCat.set(c, []);
    byCat.get(c).push(n);
  });
  const cats = [...byCat.keys()].sort((a, b) => Object.keys(CATEGORIES).indexOf(a) - Object.keys(CATEGORIES).indexOf(b));
  fill(panel,
    h('h2', null, 'In this view'),
    h('p', { class: 'hint' }, 'Click a node or an edge in the graph, or choose one below.'),
    h('details', { open: true }, h('summary', null, `Nodes (${cy.nodes().length})`),
      cats.map((c) => h('div', { class: 'cat-group' },
        h('h3', null, swatch(c), ` ${categoryStyle(c).label}`),
        h('ul', { class: 'plain' }, byCat.get(c).sort((a, b) => a.data('name').localeCompare(b.data('name'))).map((n) =>
          h('li', null, h('button', { type: 'button', class: 'link-button', onclick: () => nav.select(n.id()) }, n.data('name')))))))),
    h('details', null, h('summary', null, `Claims (${cy.edges().length})`),
      h('ul', { class: 'plain' }, cy.edges().map((e) => h('li', null, claimButton(e))))),
  );
}

function claimButton(e) {
  return h('button', { type: 'button', class: 'link-button', onclick: () => nav.select(e.id()) },
    `${e.source().data('name')} `,
    h('span', { class: `pred sign-${(e.data('sign') ?? 'none').toLowerCase()}` }, e.data('label')),
    ` ${e.target().data('name')}`,
    e.data('origin') === 'INFERRED' ? h('span', { class: 'tag' }, 'inferred') : e.data('origin') === 'EXTRACTED' ? h('span', { class: 'tag' }, 'extracted') : null);
}

export async function showNodeDetails(id) {
  const seq = nextDetailsSeq();
  const panel = $('#details');
  const el = cy.getElementById(id);
  const cat = el.nonempty() ? el.data('category') : '';
  fill(panel,
    h('h2', null, el.nonempty() ? el.data('name') : names.get(id) ?? id),
    cat ? categoryLine(cat, id) : null,
    h('p', { class: 'hint' }, 'Loading…'),
  );
  const data = await request('details', NODE_QUERY, { id });
  if (!isCurrentDetails(seq) || !data) return;
  const n = data.node;
  if (!n) return;
  names.set(n.id, n.name);
  const facts = [];
  const fact = (k, v) => {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return;
    facts.push(h('dt', null, k), h('dd', null, v));
  };
  fact('Biolink', h('code', null, n.biolink));
  fact('Kind', n.category === 'CitationConcern' ? null : n.kind);
  if (n.category === 'Study') {
    fact('Design', n.design ?? 'not assigned');
    fact('Evidence level', n.evidenceLevel != null ? `${n.evidenceLevel} of 5 (1 is strongest)` : 'unknown');
    fact('Why this design', n.designBasis);
    fact('Authors', n.authors?.join(', '));
    fact('Year', n.year != null ? String(n.year) : null);
    fact('Title', n.studyTitle);
    fact('Journal', [n.journal, n.volume && `${n.volume}${n.issue ? `(${n.issue})` : ''}`, n.pages].filter(Boolean).join(', '));
    fact('Reference', n.refNumber != null ? `[${n.refNumber}] ${n.citation ?? ''}` : n.citation);
  }
  if (n.category === 'CitationConcern') {
    fact('Concern', n.concernKind);
    fact('Message', n.message);
    fact('Line', n.line != null ? String(n.line) : null);
  }
  if (n.category === 'Passage') fact('Text', h('q', null, n.text));
  if (n.category === 'Section') fact('Title', n.title);
  if (n.category === 'Review') {
    fact('Title', n.title);
    fact('Authors', n.authors?.join(', '));
    fact('Citation', n.citation);
  }
  fact('Synonyms', n.synonyms?.length ? n.synonyms.join('; ') : null);
  fact('Cross-references', n.xrefs?.length
    ? h('ul', { class: 'curies' }, n.xrefs.map((x) => h('li', null, h('code', null, x.curie))))
    : null);

  const actions = [];
  const inView = el.nonempty();
  actions.push(h('button', { type: 'button', onclick: () => nav.openNode(n.id, { push: true }) }, 'Centre neighbourhood here'));
  if (inView && state.mode === 'node') {
    actions.push(h('button', { type: 'button', onclick: () => nav.expand(n.id) }, 'Add its neighbours'));
  }
  if (n.category === 'Drug' || n.category === 'Mechanism') {
    actions.push(h('button', { type: 'button', onclick: () => nav.pathsFrom(n.id) }, 'Paths from here'));
  }
  if (n.category === 'Outcome' || n.category === 'Symptom') {
    actions.push(h('button', { type: 'button', onclick: () => nav.pathsTo(n.id) }, 'Paths to here'));
  }

  const incident = inView ? el.connectedEdges() : cy.collection();
  fill(panel,
    h('h2', null, n.name),
    categoryLine(n.category, n.id),
    n.description ? h('p', { class: 'description' }, n.description) : null,
    h('dl', { class: 'facts' }, facts),
    h('div', { class: 'actions' }, actions),
    incident.nonempty()
      ? h('section', null,
        h('h3', null, `Claims in view (${incident.length})`),
        h('ul', { class: 'plain' }, incident.map((e) => h('li', null, claimButton(e)))))
      : null,
  );
}

function categoryLine(category, id) {
  return h('p', { class: 'category-line' }, swatch(category, 16),
    h('span', { class: 'category-name' }, categoryStyle(category).label),
    h('code', { class: 'node-id' }, id));
}
