// Node shapes as SVG markup, drawn the way cytoscape.js draws them: for
// the category swatches and the SVG export.

export const xml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
export const num = (x) => (Math.round(x * 100) / 100).toString();

// Unit polygons as cytoscape.js draws them (x, y in [-1, 1], y down).
function ngon(sides, rotation) {
  const inc = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + inc / 2 : Math.PI / 2) + rotation;
  const pts = [];
  for (let i = 0; i < sides; i++) {
    const a = i * inc + start;
    pts.push(Math.cos(a), Math.sin(-a));
  }
  return pts;
}

function fitToSquare(pts) {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...out.filter((_, i) => i % 2 === 1));
  if (minY < -1) for (let i = 1; i < out.length; i += 2) out[i] += -1 - minY;
  return out;
}

function starPoints() {
  const outer = ngon(5, 0);
  const inner = ngon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const pts = [];
  for (let i = 0; i < 5; i++) pts.push(outer[2 * i], outer[2 * i + 1], inner[2 * i], inner[2 * i + 1]);
  return fitToSquare(pts);
}

const POLYGONS = {
  triangle: fitToSquare(ngon(3, 0)),
  pentagon: fitToSquare(ngon(5, 0)),
  hexagon: fitToSquare(ngon(6, 0)),
  heptagon: fitToSquare(ngon(7, 0)),
  octagon: fitToSquare(ngon(8, 0)),
  star: starPoints(),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
};

// shapeSVG returns the markup of a node shape centred on (cx, cy).
export function shapeSVG(shape, cx, cy, w, h, attrs) {
  if (shape === 'ellipse') return `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${attrs}/>`;
  if (shape === 'rectangle' || shape === 'round-rectangle') {
    const r = shape === 'round-rectangle' ? Math.min(w / 4, h / 4, 8) : 0;
    return `<rect x="${num(cx - w / 2)}" y="${num(cy - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ${attrs}/>`;
  }
  const unit = POLYGONS[shape] ?? POLYGONS.diamond;
  const pts = [];
  for (let i = 0; i < unit.length; i += 2) pts.push(`${num(cx + (unit[i] * w) / 2)},${num(cy + (unit[i + 1] * h) / 2)}`);
  return `<polygon points="${pts.join(' ')}" ${attrs}/>`;
}
