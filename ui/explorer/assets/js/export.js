// Export: the view as PNG (cytoscape's renderer) or as a standalone SVG
// written from the laid-out model.

import { $, h, measure } from './dom.js';
import { cy } from './graph.js';
import { FONT, MINUS, CATEGORIES, SIGN_COLORS, categoryStyle } from './palette.js';
import { xml, num, shapeSVG } from './shapes.js';
import { state, names } from './state.js';

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportName(ext) {
  let base = 'kapgraph';
  if (state.mode === 'node') base += `-${state.nodeName}`;
  else if (state.mode === 'path') base += `-path-${names.get(state.from) ?? state.from}-${state.to ? names.get(state.to) ?? state.to : 'outcomes'}`;
  return `${base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '')}.${ext}`;
}

export function savePNG() {
  if (cy.nodes().empty()) return;
  const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000 });
  download(blob, exportName('png'));
}

export function saveSVG() {
  if (cy.nodes().empty()) return;
  download(new Blob([toSVG()], { type: 'image/svg+xml' }), exportName('svg'));
}

function wrapLines(text, font, maxWidth) {
  const words = String(text).split(/\s+/).filter(Boolean);
  const lines = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && measure(next, font) > maxWidth) {
      lines.push(cur);
      cur = w;
    } else {
      cur = next;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

const px = (v) => Number.parseFloat(v) || 0;

// toSVG writes the view as a standalone SVG from the laid-out model: node
// shapes, edges with arrowheads and labels, and a legend. (Written here
// rather than taken from cytoscape-svg, which is GPL-3.0.)
export function toSVG() {
  const bb = cy.elements().boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: true });
  const pad = 24;
  const legendCats = Object.keys(CATEGORIES).filter((c) => cy.nodes().some((n) => n.data('category') === c));
  const legendH = 28;
  const x0 = bb.x1 - pad;
  const y0 = bb.y1 - pad;
  const w = Math.max(bb.w + 2 * pad, 420);
  const hgt = bb.h + 2 * pad + legendH + 8;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(hgt)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(hgt)}" font-family="${xml(FONT)}">`);
  out.push(`<title>${xml($('#graph-title').textContent)}</title>`);
  out.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(hgt)}" fill="#ffffff"/>`);
  const colors = [...new Set(cy.edges().map((e) => e.style('line-color')))];
  out.push('<defs>');
  colors.forEach((c, i) => out.push(`<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto"><path d="M0,0 L10,5 L0,10 Z" fill="${xml(c)}"/></marker>`));
  out.push('</defs>');

  // Edges below nodes, as on screen.
  out.push('<g class="edges">');
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = e.controlPoints();
    let d = `M${num(s.x)},${num(s.y)}`;
    if (cps && cps.length) {
      for (let i = 0; i < cps.length; i++) {
        const end = i + 1 < cps.length ? { x: (cps[i].x + cps[i + 1].x) / 2, y: (cps[i].y + cps[i + 1].y) / 2 } : t;
        d += ` Q${num(cps[i].x)},${num(cps[i].y)} ${num(end.x)},${num(end.y)}`;
      }
    } else {
      d += ` L${num(t.x)},${num(t.y)}`;
    }
    const color = e.style('line-color');
    const width = px(e.style('width'));
    const opacity = px(e.style('opacity'));
    const dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
    if (e.hasClass('path-on') || e.selected()) {
      out.push(`<path d="${d}" fill="none" stroke="${e.selected() ? '#ffd54f' : '#ffcc33'}" stroke-opacity="0.6" stroke-width="${num(width + 10)}" stroke-linecap="round"/>`);
    }
    out.push(`<path d="${d}" fill="none" stroke="${xml(color)}" stroke-width="${num(width)}" opacity="${num(opacity)}"${dash} marker-end="url(#arrow${colors.indexOf(color)})"/>`);
  });
  cy.edges().forEach((e) => {
    const label = e.hasClass('hide-label') ? '' : e.data('label');
    if (!label) return;
    const mid = e.midpoint();
    const m = { x: mid.x + px(e.style('text-margin-x')), y: mid.y + px(e.style('text-margin-y')) };
    const size = px(e.style('font-size'));
    const weight = e.style('font-weight');
    const font = `${weight} ${size}px ${FONT}`;
    const tw = measure(label, font);
    const bw = tw + 6;
    const bh = size + 5;
    const opacity = px(e.style('opacity'));
    out.push(`<g opacity="${num(opacity)}"><rect x="${num(m.x - bw / 2)}" y="${num(m.y - bh / 2)}" width="${num(bw)}" height="${num(bh)}" rx="3" fill="#ffffff" fill-opacity="0.9" stroke="${xml(e.style('line-color'))}" stroke-opacity="0.6" stroke-width="0.8"/>`
      + `<text x="${num(m.x)}" y="${num(m.y)}" font-size="${num(size)}" font-weight="${xml(weight)}" fill="#30363d" text-anchor="middle" dominant-baseline="central">${xml(label)}</text></g>`);
  });
  out.push('</g>');

  out.push('<g class="nodes">');
  cy.nodes().forEach((n) => {
    const p = n.position();
    const nw = n.width();
    const nh = n.height();
    const bw = px(n.style('border-width'));
    const opacity = px(n.style('opacity'));
    out.push(`<g opacity="${num(opacity)}">`);
    if (n.selected()) out.push(`<ellipse cx="${num(p.x)}" cy="${num(p.y)}" rx="${num(nw / 2 + 7)}" ry="${num(nh / 2 + 7)}" fill="#ffd54f" fill-opacity="0.7"/>`);
    out.push(shapeSVG(n.data('shape'), p.x, p.y, nw, nh, `fill="${xml(n.data('color'))}" stroke="${xml(n.style('border-color'))}" stroke-width="${num(bw)}"`));
    const size = px(n.style('font-size'));
    const weight = n.style('font-weight');
    const font = `${weight} ${size}px ${FONT}`;
    const lines = wrapLines(n.data('label'), font, px(n.style('text-max-width')));
    const lh = size * 1.15;
    const top = n.style('text-valign') === 'top';
    const margin = Math.abs(px(n.style('text-margin-y')));
    const y1 = top ? p.y - nh / 2 - margin - lh * lines.length : p.y + nh / 2 + margin;
    out.push(`<text font-size="${num(size)}" font-weight="${xml(weight)}" fill="#1c2330" stroke="#ffffff" stroke-width="5" stroke-linejoin="round" paint-order="stroke" text-anchor="middle">`);
    lines.forEach((line, i) => out.push(`<tspan x="${num(p.x)}" y="${num(y1 + lh * i + size * 0.85)}">${xml(line)}</tspan>`));
    out.push('</text></g>');
  });
  out.push('</g>');

  // Legend: one row of categories, then the edge key.
  let lx = x0 + pad;
  const ly = y0 + hgt - legendH / 2 - 4;
  out.push(`<g class="legend" font-size="11" fill="#30363d">`);
  for (const c of legendCats) {
    const st = categoryStyle(c);
    out.push(shapeSVG(st.shape, lx + 6, ly, 12, 12, `fill="${st.color}" stroke="#333" stroke-width="0.6"`));
    out.push(`<text x="${num(lx + 16)}" y="${num(ly)}" dominant-baseline="central">${xml(st.label)}</text>`);
    lx += 24 + measure(st.label, `11px ${FONT}`);
  }
  for (const [sign, text] of [['INCREASES', '+ increases'], ['DECREASES', `${MINUS} decreases`]]) {
    if (!cy.edges().some((e) => e.data('sign') === sign)) continue;
    out.push(`<line x1="${num(lx)}" y1="${num(ly)}" x2="${num(lx + 18)}" y2="${num(ly)}" stroke="${SIGN_COLORS[sign]}" stroke-width="2"/>`);
    out.push(`<text x="${num(lx + 22)}" y="${num(ly)}" dominant-baseline="central">${xml(text)}</text>`);
    lx += 32 + measure(text, `11px ${FONT}`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}
