// The evidence panel: a claim with its qualifiers, the sentences behind it,
// the studies they cite and the concerns raised about those citations.

import { request } from './api.js';
import { $, h, fill, swatch, edgeLabel, signWord, fmtScore } from './dom.js';
import { cy } from './graph.js';
import { nav } from './nav.js';
import { CLAIM_QUERY } from './queries.js';
import { nextDetailsSeq, isCurrentDetails } from './state.js';

export async function showClaimDetails(id) {
  const seq = nextDetailsSeq();
  const panel = $('#details');
  const el = cy.getElementById(id);
  fill(panel,
    h('h2', null, el.nonempty() ? `${el.source().data('name')} → ${el.target().data('name')}` : 'Claim'),
    h('p', { class: 'hint' }, 'Loading evidence…'),
  );
  const data = await request('details', CLAIM_QUERY, { id });
  if (!isCurrentDetails(seq) || !data) return;
  const c = data.claim;
  if (!c) return;
  const q = c.qualifiers ?? {};
  const qual = [];
  const qv = (k, v) => {
    if (v == null || v === '' || (Array.isArray(v) && !v.length)) return;
    qual.push(h('dt', null, k), h('dd', null, v));
  };
  const valueText = (v) => (v ? (v.node ? `${v.node.name} (${v.text})` : v.text) : null);
  qv('Mechanism', q.mechanism);
  qv('Aspect', q.aspect);
  qv('Time point', q.timePoint);
  qv('Effect size', q.effectSize);
  qv('Comparator', valueText(q.comparator));
  const combined = (q.combinedWithIds ?? []).map((cid) => q.combinedWith?.find((x) => x.id === cid)?.name ?? cid);
  qv('Combined with', combined.join(', '));
  qv('Disorder', q.disorder ? `${q.disorder.name} (${q.disorder.id})` : q.disorderId);
  qv('Population', valueText(q.population));
  qv('Location', valueText(q.location));

  const sign = (c.sign ?? 'none').toLowerCase();
  fill(panel,
    h('p', { class: 'eyebrow' }, 'Claim'),
    h('h2', null, `${c.subject.name} → ${c.object.name}`),
    h('p', { class: 'claim-sentence' },
      nodeLink(c.subject), ' ',
      h('span', { class: `pred sign-${sign}` }, edgeLabel(c)), ' ',
      nodeLink(c.object)),
    h('ul', { class: 'chips' },
      h('li', { class: `chip sign-${sign}` }, c.sign ? signWord(c.sign) : 'unsigned'),
      h('li', { class: `chip origin-${(c.origin ?? 'none').toLowerCase()}` }, c.origin === 'INFERRED' ? 'inferred by curator' : c.origin === 'STATED' ? 'stated by the review' : c.origin === 'EXTRACTED' ? 'extracted by rule, unreviewed' : 'text structure'),
      h('li', { class: 'chip' }, `score ${fmtScore(c.score)}`),
      c.negated ? h('li', { class: 'chip negated' }, 'negated: no effect') : null,
      c.knowledgeLevel ? h('li', { class: 'chip muted' }, c.knowledgeLevel.replaceAll('_', ' ')) : null),
    c.note ? h('p', { class: 'note' }, h('strong', null, 'Curator’s note: '), c.note) : null,
    qual.length ? h('section', null, h('h3', null, 'Qualifiers'), h('dl', { class: 'facts' }, qual)) : null,
    h('section', { class: 'evidence' },
      h('h3', null, `Evidence (${c.evidence.length})`),
      c.evidence.length === 0
        ? h('p', { class: 'hint' }, c.origin === 'INFERRED' ? 'No sentence: a curator inferred this claim to bridge two stated ones.' : 'No sentence recorded.')
        : h('ol', { class: 'evidence-list' }, c.evidence.map(evidenceItem))),
    h('section', { class: 'concerns' },
      h('h3', null, `Citation concerns (${c.concerns.length})`),
      c.concerns.length === 0
        ? h('p', { class: 'hint' }, 'None raised.')
        : h('ul', { class: 'concern-list' }, c.concerns.map((k) => h('li', null,
          h('span', { class: 'concern-kind' }, k.kind), ' ',
          h('span', { class: 'concern-message' }, k.message))))),
    h('dl', { class: 'facts small' },
      h('dt', null, 'Biolink'), h('dd', null, h('code', null, c.biolink)),
      h('dt', null, 'Claim id'), h('dd', null, h('code', { class: 'wrap' }, c.id)),
      h('dt', null, 'Review'), h('dd', null, h('code', null, c.document))),
  );
}

function nodeLink(n) {
  return h('button', { type: 'button', class: 'link-button node-link', onclick: () => nav.select(n.id) }, swatch(n.category, 12), ` ${n.name}`);
}

function evidenceItem(ev) {
  return h('li', null,
    h('blockquote', { class: 'quote' }, ev.quote),
    h('p', { class: 'evidence-meta' },
      h('span', { class: 'section-title' }, `§ ${ev.sectionTitle}`),
      ev.citations.length ? h('span', { class: 'citations' }, ` · cites ${ev.citations.join(', ')}`) : h('span', { class: 'citations' }, ' · cites nothing')),
    ev.studies.length
      ? h('ul', { class: 'study-list' }, ev.studies.map((s) => h('li', null,
        h('button', { type: 'button', class: 'link-button', onclick: () => nav.select(s.id) }, s.name),
        h('span', { class: 'study-design' }, ` — ${s.design ?? 'design unknown'}`),
        h('span', { class: `level level-${s.evidenceLevel ?? 'unknown'}` }, s.evidenceLevel != null ? `evidence level ${s.evidenceLevel}` : 'level unknown'))))
      : null);
}
