// DOM helpers: building elements without inline styles or markup from
// data, category swatches, text for signs and scores, text measurement.

import { MINUS, categoryStyle } from './palette.js';
import { shapeSVG } from './shapes.js';

export const $ = (sel) => document.querySelector(sel);

// h builds an element: h('p', { class: 'x' }, 'text', child). Attributes
// go through setAttribute (never `style`, which the CSP would refuse).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// fill replaces an element's children, skipping null and false (which
// replaceChildren would write out as text).
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c != null && c !== false));
}

// swatch draws a category's colour and shape as a small inline SVG.
export function swatch(category, size = 14) {
  const st = categoryStyle(category);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('viewBox', '-1.1 -1.1 2.2 2.2');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  const shape = shapeSVG(st.shape, 0, 0, 2, 2, `fill="${st.color}" stroke="#333" stroke-width="0.12"`);
  svg.innerHTML = shape; // SVG markup built from constants only
  return svg;
}

export function signSymbol(sign) {
  if (sign === 'INCREASES') return '+';
  if (sign === 'DECREASES') return MINUS;
  return '';
}

export function edgeLabel(e) {
  const s = signSymbol(e.sign);
  return `${e.negated ? 'NOT ' : ''}${e.predicate}${s ? ' ' + s : ''}`;
}

export function signWord(sign) {
  if (sign === 'INCREASES') return 'increases';
  if (sign === 'DECREASES') return 'decreases';
  return 'unsigned';
}

export function fmtScore(x) {
  return typeof x === 'number' ? x.toFixed(x < 0.01 && x > 0 ? 4 : 2) : '';
}

let measureCtx = null;
export function measure(text, font) {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

export function clampInt(v, lo, hi, def) {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : def;
}
