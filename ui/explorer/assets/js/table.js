// The Table tab: every claim in view (a neighbourhood, or the hops of the
// paths drawn) as an evidence table, sortable by any column and filtered
// by a text, and its downloads: the table as CSV, the studies behind it as
// BibTeX and RIS. The rows are the server's CSV (POST /export/claims.csv
// with the claims' ids), parsed, so the table shows what the download
// holds, and the files are the /export/ endpoints' own.

import { showErrors } from './api.js';
import { $, h, fill } from './dom.js';
import { cy } from './graph.js';
import { nav } from './nav.js';

const EXPORTS = { csv: 'claims.csv', bib: 'studies.bib', ris: 'studies.ris' };
const HEADINGS = {
  subject: 'Subject', predicate: 'Predicate', sign: 'Sign', object: 'Object', modality: 'Modality', score: 'Score',
  quote: 'Quote', section: 'Section', study: 'Study', design: 'Design', evidence_level: 'Evidence level',
};

let table = { ids: [], columns: [], rows: [], text: '' };
let sortBy = { column: 'score', descending: true };
let loadSeq = 0;

// claimsInView are the ids of the claims drawn.
export function claimsInView() {
  return cy.edges().map((e) => e.id()).sort();
}

async function post(file, ids) {
  const res = await fetch(`/export/${file}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ids: ids.join(',') }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(text.trim() || `${file}: status ${res.status}`);
  return text;
}

// loadTable fetches the rows of the claims in view, unless they are the
// rows shown already, and renders them.
export async function loadTable() {
  const ids = claimsInView();
  if (ids.join(',') === table.ids.join(',') && table.text) {
    render();
    return;
  }
  const seq = ++loadSeq;
  $('#table-status').textContent = ids.length ? 'Loading the table…' : 'No claim in view: draw a neighbourhood or paths first.';
  if (!ids.length) {
    table = { ids, columns: [], rows: [], text: '' };
    render();
    return;
  }
  try {
    const text = await post(EXPORTS.csv, ids);
    if (seq !== loadSeq) return;
    const [columns, ...rows] = parseCSV(text);
    table = { ids, columns, rows, text };
    render();
  } catch (err) {
    showErrors([{ message: err.message, code: 'EXPORT_FAILED' }]);
  }
}

// parseCSV reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks
// inside quotes).
export function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function shownColumns() {
  return table.columns.filter((c) => HEADINGS[c]);
}

function visibleRows() {
  const col = (name) => table.columns.indexOf(name);
  const needle = $('#table-filter').value.trim().toLowerCase();
  let rows = table.rows;
  if (needle) rows = rows.filter((r) => r.some((v) => v.toLowerCase().includes(needle)));
  const i = col(sortBy.column);
  if (i >= 0) {
    const numeric = sortBy.column === 'score';
    rows = [...rows].sort((a, b) => {
      const d = numeric ? Number(a[i]) - Number(b[i]) : a[i].localeCompare(b[i]);
      return sortBy.descending ? -d : d;
    });
  }
  return rows;
}

function render() {
  const cols = shownColumns();
  const rows = visibleRows();
  const id = table.columns.indexOf('claim_id');
  $('#table-status').textContent = table.rows.length
    ? `${rows.length} of ${table.rows.length} claim${table.rows.length === 1 ? '' : 's'} in view${rows.length < table.rows.length ? ' match the filter' : ''}.`
    : $('#table-status').textContent;
  for (const b of document.querySelectorAll('#panel-table button[data-export]')) b.disabled = !table.rows.length;
  fill($('#table-view'),
    h('table', { class: 'evidence-table', 'aria-label': 'Claims in view' },
      h('thead', null, h('tr', null, cols.map((c) => h('th', {
        scope: 'col',
        'aria-sort': sortBy.column === c ? (sortBy.descending ? 'descending' : 'ascending') : null,
      }, h('button', { type: 'button', class: 'sort', 'data-column': c, onclick: () => sortOn(c) }, HEADINGS[c]))))),
      h('tbody', null, rows.map((r) => h('tr', { 'data-claim': r[id] }, cols.map((c) => {
        const v = r[table.columns.indexOf(c)];
        if (c === 'predicate') return h('td', null, h('button', { type: 'button', class: 'link-button', onclick: () => nav.select(r[id]) }, v));
        return h('td', { class: `col-${c}` }, v);
      }))))));
}

function sortOn(column) {
  sortBy = { column, descending: sortBy.column === column ? !sortBy.descending : column === 'score' };
  render();
}

async function download(kind) {
  const ids = table.ids;
  if (!ids.length) return;
  try {
    const text = kind === 'csv' ? table.text : await post(EXPORTS[kind], ids);
    const type = { csv: 'text/csv', bib: 'application/x-bibtex', ris: 'application/x-research-info-systems' }[kind];
    const a = h('a', { href: URL.createObjectURL(new Blob([text], { type })), download: `kapgraph-${EXPORTS[kind]}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (err) {
    showErrors([{ message: err.message, code: 'EXPORT_FAILED' }]);
  }
}

export function setupTable() {
  $('#table-filter').addEventListener('input', render);
  for (const b of document.querySelectorAll('#panel-table button[data-export]')) {
    b.addEventListener('click', () => download(b.dataset.export));
  }
}
