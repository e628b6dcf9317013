// Usage: node assets/scripts/make-art.mjs
//
// Regenerates every file in assets/art/ (SVG backgrounds, character bodies,
// face overlays and manifest.json). Deterministic, no dependencies: all art is
// drawn procedurally here, so edit this script rather than the SVG outputs.
//
// Conventions
// - Backgrounds are 1280x720 and contain no characters.
// - Character images are CHAR_W x CHAR_H with the feet on the ground line
//   (y = GROUND) at the horizontal centre. Bodies have no facial features.
// - Face overlays are FACE x FACE; manifest `face` is the face centre in the
//   pose image's own pixel coordinates (place the overlay centred there).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'art');

// ---------------------------------------------------------------- helpers --

const num = (v) => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};
const pts = (...p) => p.map(([x, y]) => `${num(x)} ${num(y)}`).join(' ');

const ZERO_DEFAULT = new Set(['x', 'y', 'cx', 'cy']);
/** Build an element; numeric attribute values are rounded to 0.1. */
const el = (tag, attrs = {}, inner = null) => {
  let s = `<${tag}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (v === 0 && ZERO_DEFAULT.has(k)) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : v}"`;
  }
  return inner === null ? `${s}/>` : `${s}>${inner}</${tag}>`;
};
const rect = (x, y, w, h, fill, a = {}) => el('rect', { x, y, width: w, height: h, fill, ...a });
const circ = (cx, cy, r, fill, a = {}) => el('circle', { cx, cy, r, fill, ...a });
const ell = (cx, cy, rx, ry, fill, a = {}) => el('ellipse', { cx, cy, rx, ry, fill, ...a });
const path = (d, fill, a = {}) => el('path', { d, fill, ...a });
const line = (d, stroke, w, a = {}) =>
  el('path', {
    d,
    fill: 'none',
    stroke,
    'stroke-width': w,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    ...a,
  });
const g = (inner, a = {}) => el('g', a, inner);
const poly = (p, fill, a = {}) => path(`M${pts(...p)}Z`, fill, a);
/** Collects many axis-aligned rectangles and emits one <path> per fill colour. */
const rectBatch = () => {
  const m = new Map();
  return {
    add(x, y, w, h, fill) {
      m.set(fill, `${m.get(fill) || ''}M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}z`);
    },
    out(a = {}) {
      let s = '';
      for (const [f, d] of m) s += path(d, f, a);
      return s;
    },
  };
};
const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x, y, str, size, fill, a = {}) =>
  el(
    'text',
    {
      x,
      y,
      'font-family': 'Arial,Helvetica,sans-serif',
      'font-weight': 700,
      'font-size': size,
      fill,
      ...a,
    },
    esc(str),
  );

const svgDoc = (w, h, body, defs = '', title = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${
    title ? `<title>${title}</title>` : ''
  }${defs ? `<defs>${defs}</defs>` : ''}${body}</svg>\n`;

// colours
const hx = (c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
const toHex = (a) =>
  `#${a
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
const mix = (a, b, t) => {
  const A = hx(a);
  const B = hx(b);
  return toHex(A.map((v, i) => v + (B[i] - v) * t));
};
const dk = (c, t = 0.2) => mix(c, '#2a1a2e', t);
const lt = (c, t = 0.25) => mix(c, '#fffaf0', t);

// deterministic PRNG (mulberry32)
const rng = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];

// vector maths
const sub = (a, b) => [a[0] - b[0], a[1] - b[1]];
const add = (a, b) => [a[0] + b[0], a[1] + b[1]];
const mul = (a, k) => [a[0] * k, a[1] * k];
const len = (a) => Math.hypot(a[0], a[1]);
const unit = (a) => mul(a, 1 / (len(a) || 1));
const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const deg = (v) => (Math.atan2(v[1], v[0]) * 180) / Math.PI;

// ------------------------------------------------------------------ palette --

const PAL = {
  ink: '#2e2430',
  cream: '#f3ebdd',
  wall: '#ece1cf',
  ceiling: '#f6efe3',
  floor: '#d9cbb5',
  floorLine: '#c7b79e',
  slate: '#3f5663',
  slateDk: '#2f414c',
  petrol: '#1f4e5f',
  teal: '#2a9d8f',
  orange: '#f08a4b',
  amber: '#f4b942',
  red: '#d64541',
  back: '#d9d0c2',
  lip: '#f2eee7',
  metal: '#b8bcc2',
};
const PRODUCT_COLOURS = [
  '#d64541',
  '#e8743b',
  '#f2b134',
  '#5fa55a',
  '#3c8d6e',
  '#2f7fa8',
  '#4a5fa8',
  '#8e5ea2',
  '#c94f7c',
  '#7a4b3a',
  '#e9d8b4',
  '#1f4e5f',
];

// ============================================================ BACKGROUNDS ==

const W = 1280;
const H = 720;
const VP = [640, 300]; // floor vanishing point
const FLOOR_Y = 482; // where the main gondola meets the floor
const FAR_FLOOR_Y = 418; // floor line of the distant aisles

/** Shared <defs> for the store backgrounds. */
const storeDefs = () =>
  [
    el(
      'linearGradient',
      { id: 'cyl', x1: 0, x2: 1, y1: 0, y2: 0 },
      [
        el('stop', { offset: 0, 'stop-color': '#fff', 'stop-opacity': 0.05 }),
        el('stop', { offset: 0.22, 'stop-color': '#fff', 'stop-opacity': 0.38 }),
        el('stop', { offset: 0.5, 'stop-color': '#fff', 'stop-opacity': 0 }),
        el('stop', { offset: 1, 'stop-color': '#201028', 'stop-opacity': 0.28 }),
      ].join(''),
    ),
    el(
      'linearGradient',
      { id: 'box', x1: 0, x2: 1, y1: 0, y2: 0 },
      [
        el('stop', { offset: 0.7, 'stop-color': '#201028', 'stop-opacity': 0 }),
        el('stop', { offset: 1, 'stop-color': '#201028', 'stop-opacity': 0.22 }),
      ].join(''),
    ),
    el(
      'linearGradient',
      { id: 'shelfShade', x1: 0, x2: 0, y1: 0, y2: 1 },
      [
        el('stop', { offset: 0, 'stop-color': '#3a2a30', 'stop-opacity': 0.35 }),
        el('stop', { offset: 1, 'stop-color': '#3a2a30', 'stop-opacity': 0 }),
      ].join(''),
    ),
    el(
      'linearGradient',
      { id: 'floorG', x1: 0, x2: 0, y1: 0, y2: 1 },
      [
        el('stop', { offset: 0, 'stop-color': '#cdbda5' }),
        el('stop', { offset: 0.35, 'stop-color': PAL.floor }),
        el('stop', { offset: 1, 'stop-color': '#e2d6c3' }),
      ].join(''),
    ),
    el(
      'linearGradient',
      { id: 'under', x1: 0, x2: 0, y1: 0, y2: 1 },
      [
        el('stop', { offset: 0, 'stop-color': '#3a2a30', 'stop-opacity': 0.3 }),
        el('stop', { offset: 1, 'stop-color': '#3a2a30', 'stop-opacity': 0 }),
      ].join(''),
    ),
    el(
      'radialGradient',
      { id: 'glow', cx: 0.5, cy: 0.5, r: 0.5 },
      [
        el('stop', { offset: 0, 'stop-color': '#fffbe9', 'stop-opacity': 0.55 }),
        el('stop', { offset: 1, 'stop-color': '#fffbe9', 'stop-opacity': 0 }),
      ].join(''),
    ),
    el(
      'radialGradient',
      { id: 'vig', cx: 0.5, cy: 0.42, r: 0.75 },
      [
        el('stop', { offset: 0.6, 'stop-color': '#3a2030', 'stop-opacity': 0 }),
        el('stop', { offset: 1, 'stop-color': '#3a2030', 'stop-opacity': 0.22 }),
      ].join(''),
    ),
    el(
      'pattern',
      { id: 'peg', width: 16, height: 16, patternUnits: 'userSpaceOnUse' },
      rect(0, 0, 16, 16, PAL.back) + circ(8, 8, 1.6, '#bfb4a4'),
    ),
    priceTagDefs(),
  ].join('');

// ---- product symbols (origin = bottom-left, drawn upward) ----

/** A tin can of width w, height h. */
const tinDef = (id, w, h, label, accent, style) => {
  const lid = '#c9ccd1';
  let s = rect(0, -h, w, h, '#a9adb4', { rx: 2 });
  s += rect(0, -h + 3, w, h - 6, label);
  if (style === 0) s += rect(0, -h * 0.62, w, h * 0.2, accent);
  else if (style === 1) s += ell(w / 2, -h / 2, w * 0.3, h * 0.2, accent);
  else if (style === 2) s += rect(0, -h + 3, w, (h - 6) * 0.45, accent);
  else s += rect(0, -h * 0.42, w, 3, accent) + rect(0, -h * 0.7, w, 3, accent);
  s += rect(0, -h, w, h, 'url(#cyl)', { rx: 2 });
  s += ell(w / 2, -h, w / 2, 2.2, lid);
  return g(s, { id });
};

/** A glass jar with coloured contents, lid and label. */
const jarDef = (id, w, h, contents, lidC, labelC) => {
  let s = rect(0, -h + 6, w, h - 6, contents, { rx: 5 });
  s += rect(1, -h, w - 2, 8, lidC, { rx: 2 });
  s += rect(1, -h + 6, w - 2, 2, dk(lidC, 0.3));
  s += rect(2, -h * 0.62, w - 4, h * 0.34, labelC, { rx: 2 });
  s += rect(4, -h * 0.5, w - 8, 3, dk(contents, 0.1));
  s += rect(3, -h + 10, 3, h - 16, '#fff', { opacity: 0.35, rx: 1.5 });
  s += rect(0, -h + 6, w, h - 6, 'url(#box)', { rx: 5 });
  return g(s, { id });
};

/** A carton/box with a stripe and a small roundel. */
const boxDef = (id, w, h, c, accent, style) => {
  let s = rect(0, -h, w, h, c, { rx: 1.5 });
  if (style === 0) s += rect(0, -h * 0.35, w, h * 0.14, accent);
  else
    s += path(`M0 ${num(-h * 0.3)}Q${num(w / 2)} ${num(-h * 0.55)} ${num(w)} ${num(-h * 0.4)}V0H0Z`, accent);
  s += circ(w / 2, -h * 0.68, Math.min(w, h) * 0.17, lt(c, 0.7));
  s += rect(0, -h, w, 3, dk(c, 0.15));
  s += rect(0, -h, w, h, 'url(#box)');
  return g(s, { id });
};

/** A detergent bottle with handle and cap. */
const bottleDef = (id, w, h, c, capC, labelC) => {
  const neck = w * 0.28;
  let s = path(
    `M0 -4Q0 0 4 0H${num(w - 4)}Q${num(w)} 0 ${num(w)} -4V${num(-h + 18)}Q${num(w)} ${num(-h + 10)} ${num(
      w - 8,
    )} ${num(-h + 8)}H${num(neck + 6)}L${num(neck)} ${num(-h + 4)}H6Q0 ${num(-h + 6)} 0 ${num(-h + 16)}Z`,
    c,
  );
  s += path(`M${num(w - 6)} ${num(-h + 14)}V${num(-h * 0.55)}`, 'none', {
    stroke: dk(c, 0.25),
    'stroke-width': 3,
    'stroke-linecap': 'round',
  });
  s += rect(neck - 2, -h - 2, Math.min(neck + 4, 14), 7, capC, { rx: 2 });
  s += rect(3, -h * 0.58, w - 10, h * 0.36, labelC, { rx: 3 });
  s += circ(w * 0.42, -h * 0.4, h * 0.09, c);
  s += rect(0, -h + 8, w, h - 8, 'url(#box)', { rx: 3 });
  s += rect(3, -h + 14, 3, h * 0.3, '#fff', { opacity: 0.35, rx: 1.5 });
  return g(s, { id });
};

/** Big washing-powder box with a swirl. */
const powderDef = (id, w, h, c, accent) => {
  let s = rect(0, -h, w, h, c, { rx: 2 });
  s += path(`M0 ${num(-h * 0.28)}Q${num(w * 0.5)} ${num(-h * 0.5)} ${num(w)} ${num(-h * 0.3)}V0H0Z`, accent);
  s += circ(w * 0.5, -h * 0.62, w * 0.24, '#fff', { opacity: 0.9 });
  s += path(
    `M${num(w * 0.38)} ${num(-h * 0.62)}a${num(w * 0.12)} ${num(w * 0.12)} 0 1 1 ${num(w * 0.12)} ${num(
      w * 0.12,
    )}`,
    'none',
    { stroke: accent, 'stroke-width': 3, 'stroke-linecap': 'round' },
  );
  s += rect(w * 0.3, -h + 3, w * 0.4, 4, '#fff', { opacity: 0.6, rx: 2 });
  s += rect(0, -h, w, h, 'url(#box)', { rx: 2 });
  return g(s, { id });
};

// ---- store structure ----

function ceiling(rand) {
  let s = rect(0, 0, W, 66, PAL.ceiling);
  // ceiling panel joints converging on the vanishing point
  let d = '';
  for (let k = -8; k <= 8; k++) {
    const xb = VP[0] + k * 150;
    const xt = VP[0] + (xb - VP[0]) * (300 / (300 - 66));
    d += `M${num(xt)} 0L${num(xb)} 66`;
  }
  for (const y of [20, 40, 56]) d += `M0 ${y}H${W}`;
  s += line(d, '#e4dacb', 1.5);
  // fluorescent strip lights, nearer = larger
  const lights = rectBatch();
  const tubes = rectBatch();
  for (const [y, h, w, n] of [
    [6, 9, 190, 4],
    [30, 6, 130, 5],
    [48, 4, 90, 7],
  ]) {
    const gap = W / n;
    for (let i = 0; i < n; i++) {
      const x = gap * (i + 0.5) - w / 2 + (rand() - 0.5) * 8;
      lights.add(x - 4, y - 2, w + 8, h + 4, '#d8cfc0');
      tubes.add(x, y, w, h, '#fffdf3');
    }
  }
  s += lights.out() + tubes.out();
  s += rect(0, 64, W, 4, '#d6cab8');
  return s;
}

function backWall() {
  let s = rect(0, 66, W, FLOOR_Y - 66, PAL.wall);
  s += rect(0, 70, W, 22, '#cfdccf');
  s += rect(0, 92, W, 3, PAL.orange, { opacity: 0.8 });
  return s;
}

/** Perspective floor tiles from y0 down to the bottom of the canvas. */
function floor(y0) {
  let s = rect(0, y0, W, H - y0, 'url(#floorG)');
  let d = '';
  const k0 = FLOOR_Y - VP[1];
  for (let k = -14; k <= 14; k++) {
    const xb = VP[0] + k * 86 + 43;
    const xTop = VP[0] + ((xb - VP[0]) * (y0 - VP[1])) / k0;
    const xBot = VP[0] + ((xb - VP[0]) * (H - VP[1])) / k0;
    d += `M${num(xTop)} ${y0}L${num(xBot)} ${H}`;
  }
  for (let n = -8; n <= 8; n++) {
    const y = VP[1] + k0 / (1 - n * 0.088);
    if (y < y0 || y > H) continue;
    d += `M0 ${num(y)}H${W}`;
  }
  s += line(d, PAL.floorLine, 1.6, { 'stroke-linecap': 'butt' });
  // soft sheen from the lights
  s += ell(VP[0], 560, 560, 60, 'url(#glow)');
  return s;
}

/**
 * Distant part of the store seen past the end of the gondola.
 * x0..x1 is the visible gap.
 */
function distantAisles(x0, x1, rand) {
  const bg = '#e6dccb';
  let s = rect(x0, 66, x1 - x0, FLOOR_Y - 66, bg);
  s += rect(x0, 96, x1 - x0, 20, '#cfdccf', { opacity: 0.7 });
  // two rows of far gondolas, receding and hazed
  for (const [top, bot, hz] of [
    [196, FAR_FLOOR_Y - 18, 0.5],
    [176, FAR_FLOOR_Y + 14, 0.32],
  ]) {
    const B = rectBatch();
    s += rect(x0, top - 6, x1 - x0, 8, mix(PAL.slate, bg, hz));
    s += rect(x0, top, x1 - x0, bot - top, mix(PAL.back, bg, hz));
    const rows = 4;
    const rh = (bot - top) / rows;
    for (let r = 0; r < rows; r++) {
      let x = x0;
      const base = top + (r + 1) * rh;
      while (x < x1) {
        const col = mix(pick(rand, PRODUCT_COLOURS), bg, hz);
        const w = 7 + rand() * 7;
        const hh = rh * (0.4 + rand() * 0.35);
        const n = 2 + Math.floor(rand() * 4);
        for (let i = 0; i < n && x < x1; i++) {
          B.add(x, base - hh, Math.min(w, x1 - x), hh, col);
          x += w + 1;
        }
        x += 3;
      }
      B.add(x0, base - 1, x1 - x0, 3, mix(PAL.lip, bg, hz));
    }
    s += B.out();
    s += rect(x0, bot, x1 - x0, 6, mix(PAL.slateDk, bg, hz));
  }
  return s;
}

/** A hanging aisle sign. (x, y) = top-left of panel. */
function hangSign(x, y, w, h, n, label, sub, { haze = 0, top = 0 } = {}) {
  const H2 = (c) => mix(c, '#e6dccb', haze);
  const u = h / 56;
  let s = line(
    `M${num(x + w * 0.2)} ${top}V${num(y)}M${num(x + w * 0.8)} ${top}V${num(y)}`,
    H2('#8a8f96'),
    2 * u,
  );
  s += rect(x, y + 3 * u, w, h, H2('#13323d'), { rx: 8 * u, opacity: 0.35 });
  s += rect(x, y, w, h, H2(PAL.petrol), { rx: 8 * u });
  s += rect(x + 3 * u, y + 3 * u, w - 6 * u, h - 6 * u, 'none', {
    rx: 6 * u,
    stroke: H2('#3f7a87'),
    'stroke-width': 1.5 * u,
  });
  const r = h * 0.36;
  s += circ(x + h * 0.52, y + h / 2, r, H2(PAL.orange));
  s += text(x + h * 0.52, y + h / 2 + r * 0.5, String(n), r * 1.45, H2('#fff'), { 'text-anchor': 'middle' });
  const tx = x + h * 1.02;
  const tw = w - h * 1.02 - 12 * u;
  s += text(tx, y + h * (sub ? 0.52 : 0.64), label, h * (sub ? 0.36 : 0.42), H2('#fffaf0'), {
    textLength: num(tw * (sub ? 0.86 : 0.95)),
    lengthAdjust: 'spacingAndGlyphs',
  });
  if (sub) {
    s += text(tx, y + h * 0.8, sub, h * 0.18, H2('#f7c9a8'), {
      textLength: num(tw * 0.86),
      lengthAdjust: 'spacingAndGlyphs',
      'font-weight': 400,
    });
  }
  return g(`<title>${esc(`${n} · ${label}`)}</title>${s}`);
}

/**
 * A gondola (wall of shelving) from x0 to x1.
 * levels: y of each shelf board top (last = base deck).
 * stock(bayIndex, levelIndex, xa, xb, yBoard, maxH) -> { items, tags }
 */
function gondola(x0, x1, levels, stock) {
  const top = 96;
  const bay = (x1 - x0) / 5;
  let s = rect(x0, top, x1 - x0, FLOOR_Y - top, 'url(#peg)');
  // shade under each shelf above
  for (let i = 0; i < levels.length; i++) {
    const y = i === 0 ? top + 18 : levels[i - 1] + 9;
    s += rect(x0, y, x1 - x0, 22, 'url(#shelfShade)');
  }
  let prod = '';
  let tags = '';
  for (let b = 0; b < 5; b++) {
    const xa = x0 + b * bay + 9;
    const xb = x0 + (b + 1) * bay - 3;
    for (let l = 0; l < levels.length; l++) {
      const floorY = levels[l];
      const ceilY = l === 0 ? top + 18 : levels[l - 1] + 9;
      const res = stock(b, l, xa, xb, floorY, floorY - ceilY - 4);
      if (res.items) prod += g(res.items, { transform: `translate(0 ${floorY})` });
      tags += res.tags || '';
    }
  }
  s += prod;
  // header
  s += rect(x0, top, x1 - x0, 18, PAL.slate);
  s += rect(x0, top + 14, x1 - x0, 4, PAL.slateDk);
  for (let b = 0; b < 5; b++)
    s += rect(x0 + b * bay + bay / 2 - 30, top + 5, 60, 5, '#fff', { opacity: 0.25, rx: 2.5 });
  // shelf lips with price strips
  for (let l = 0; l < levels.length; l++) {
    const y = levels[l];
    s += rect(x0, y, x1 - x0, 10, PAL.lip);
    s += rect(x0, y + 8, x1 - x0, 2.5, '#b9ae9f');
  }
  s += tags;
  // uprights
  const U = rectBatch();
  for (let b = 0; b <= 5; b++) {
    const x = Math.min(Math.max(x0 + b * bay - 5, x0), x1 - 10);
    U.add(x, top, 10, FLOOR_Y - top, PAL.slate);
  }
  for (let b = 0; b <= 5; b++) {
    const x = Math.min(Math.max(x0 + b * bay - 5, x0), x1 - 10);
    U.add(x + 7, top, 3, FLOOR_Y - top, PAL.slateDk);
  }
  s += U.out();
  // base / kick plate
  const base = levels[levels.length - 1] + 10;
  s += rect(x0, base, x1 - x0, FLOOR_Y - base, PAL.slateDk);
  s += rect(x0, base, x1 - x0, 3, PAL.slate);
  // shadow on floor
  s += rect(x0 - 10, FLOOR_Y, x1 - x0 + 20, 16, 'url(#under)');
  return s;
}

const priceTag = (x, y, promo) => el('use', { href: promo ? '#pp' : '#pt', x: Math.round(x), y });
const priceTagDefs = () =>
  g(rect(0, 1, 22, 8, '#f6d32d', { rx: 1 }) + rect(3, 4, 12, 2, PAL.red), { id: 'pp' }) +
  g(rect(0, 1, 18, 8, '#fff', { rx: 1 }) + rect(3, 4, 9, 2, '#4a4a52'), { id: 'pt' });

/**
 * Fill a shelf span with facings of products chosen from `kinds`
 * ([{id, w, h}]), respecting maxH. Returns uses + price tags.
 */
function facings(rand, kinds, xa, xb, y, maxH, { from = xa, to = xb, gapAfter = null } = {}) {
  let items = '';
  let tags = '';
  let x = from;
  const fit = kinds.filter((k) => k.h <= maxH);
  while (x < to - 14) {
    const k = pick(rand, fit);
    const n = 2 + Math.floor(rand() * 4);
    const startX = x;
    let placed = 0;
    for (let i = 0; i < n; i++) {
      if (x + k.w > to) break;
      items += el('use', { href: `#${k.id}`, x: Math.round(x) });
      x += k.w + 1.5;
      placed++;
    }
    if (placed) tags += priceTag(startX + 2, y, rand() < 0.12);
    if (!placed) break;
    x += 4 + rand() * 6;
    if (gapAfter && x > gapAfter[0] && x < gapAfter[1]) x = gapAfter[1];
  }
  return { items, tags };
}

// ---- roll cage of shrink-wrapped tin trays ----

function rollCage(x, yb, w, h) {
  const post = '#8e959e';
  let s = ell(x + w / 2, yb + 4, w * 0.62, 8, '#3a2a30', { opacity: 0.22 });
  // back mesh
  s += rect(x, yb - h, w, h - 12, '#7d858f', { opacity: 0.55 });
  let d = '';
  for (let i = 1; i < 6; i++) d += `M${num(x + (w * i) / 6)} ${num(yb - h)}V${num(yb - 12)}`;
  for (let j = 1; j < 8; j++) d += `M${num(x)} ${num(yb - 12 - ((h - 12) * j) / 8)}H${num(x + w)}`;
  s += line(d, '#c3c8ce', 2);
  // trays of tins
  const tiers = 3;
  const th = (h - 24) / tiers;
  for (let t = 0; t < tiers; t++) {
    const by = yb - 14 - t * th;
    const full = t < 2 ? 1 : 0.6;
    const tw = (w - 12) * full;
    const tx = x + 6;
    let tins = '';
    const cols = Math.floor(tw / 19);
    const tinH = th - 16;
    for (let c = 0; c < cols; c++) {
      tins += el('use', { href: t === 1 ? '#rc2' : '#rc1', x: tx + 2 + c * 19, y: by - 8 });
    }
    s += tins;
    s += rect(tx, by - 12, tw, 12, '#c99a5e');
    s += rect(tx, by - 12, tw, 3, '#a87a45');
    // shrink wrap
    s += rect(tx - 1, by - 10 - tinH, tw + 2, tinH + 10, '#eaf4ff', { opacity: 0.22, rx: 4 });
    s += line(
      `M${num(tx + 6)} ${num(by - tinH)}l${num(tw * 0.3)} ${num(tinH * 0.6)}M${num(tx + tw * 0.55)} ${num(by - tinH - 4)}l${num(
        tw * 0.25,
      )} ${num(tinH * 0.5)}`,
      '#fff',
      3,
      { opacity: 0.55 },
    );
  }
  // base and wheels
  s += rect(x - 2, yb - 14, w + 4, 8, '#6c737c', { rx: 2 });
  for (const wx of [x + 8, x + w - 8]) s += circ(wx, yb - 2, 6, '#3b3f46') + circ(wx, yb - 2, 2.2, '#9aa1aa');
  // front posts
  s += rect(x - 3, yb - h - 4, 6, h - 6, post, { rx: 2 });
  s += rect(x + w - 3, yb - h - 4, 6, h - 6, post, { rx: 2 });
  s += rect(x - 3, yb - h - 6, w + 6, 6, post, { rx: 3 });
  return s;
}

/** Open cardboard delivery box with tins inside (seen slightly from above-right). */
function cardboardBox(x, yb, w, h) {
  const c = '#d2a066';
  const cd = '#b07e48';
  const cl = '#e2b77e';
  const top = yb - h;
  const dx = 16;
  const dy = -12;
  let s = ell(x + w / 2 + 8, yb + 2, w * 0.66, 7, '#3a2a30', { opacity: 0.22 });
  // back flap standing up, side flaps folded out
  s += poly(
    [
      [x + dx, top + dy],
      [x + w + dx, top + dy],
      [x + w + dx + 4, top + dy - 26],
      [x + dx + 6, top + dy - 28],
    ],
    cd,
  );
  s += poly(
    [
      [x, top],
      [x + dx, top + dy],
      [x + dx - 22, top + dy - 8],
      [x - 22, top + 4],
    ],
    cl,
  );
  // interior + tins
  s += poly(
    [
      [x, top],
      [x + dx, top + dy],
      [x + w + dx, top + dy],
      [x + w, top],
    ],
    '#6e4a2a',
  );
  for (let i = 0; i < 4; i++) s += el('use', { href: '#rc1', x: x + 5 + i * 19, y: top + 4 });
  // right side face
  s += poly(
    [
      [x + w, top],
      [x + w + dx, top + dy],
      [x + w + dx, yb + dy],
      [x + w, yb],
    ],
    cd,
  );
  s += poly(
    [
      [x + w, top],
      [x + w + dx, top + dy],
      [x + w + dx + 24, top + dy + 4],
      [x + w + 22, top + 10],
    ],
    '#c48f56',
  );
  // front face with tape and print
  s += rect(x, top, w, h, c);
  s += rect(x + w / 2 - 7, top, 14, h * 0.42, '#ead0a0', { opacity: 0.85 });
  s += line(
    `M${num(x + 12)} ${num(top + h * 0.72)}l5 -7l5 7M${num(x + 17)} ${num(top + h * 0.72 - 7)}v12`,
    '#7a5330',
    2,
  );
  s += rect(x + w - 34, top + h * 0.58, 24, 4, '#7a5330', { opacity: 0.7 });
  s += rect(x + w - 34, top + h * 0.58 + 7, 16, 3, '#7a5330', { opacity: 0.5 });
  // front flap folded down
  s += poly(
    [
      [x, top],
      [x + w, top],
      [x + w + 2, top + 14],
      [x - 2, top + 14],
    ],
    cl,
  );
  s += rect(x + w / 2 - 7, top, 14, 14, '#f0dcb2', { opacity: 0.85 });
  return s;
}

const tinSymbols = (rand, count) => {
  const kinds = [];
  let defs = '';
  for (let i = 0; i < count; i++) {
    const size = pick(rand, [
      [24, 32],
      [26, 36],
      [28, 40],
      [30, 44],
      [32, 24],
      [22, 30],
    ]);
    const label = PRODUCT_COLOURS[(i * 5 + 3) % PRODUCT_COLOURS.length];
    let accent = pick(rand, PRODUCT_COLOURS);
    if (accent === label) accent = '#f3ebdd';
    defs += tinDef(`t${i}`, size[0], size[1], label, accent, i % 4);
    kinds.push({ id: `t${i}`, w: size[0], h: size[1] });
  }
  return { defs, kinds };
};

// ---------------------------------------------------------------- aisle 7 --

function aisleSvg() {
  const rand = rng(7);
  let defs = storeDefs();
  const tins = tinSymbols(rand, 12);
  defs += tins.defs;
  const jars = [];
  const jarSpecs = [
    ['#b8322e', '#d9b44a', '#f3ebdd'],
    ['#6c8f3a', '#2f6b4a', '#f3e3b5'],
    ['#e0a23a', '#b8322e', '#fff6e0'],
    ['#7a2f4a', '#f3ebdd', '#d64541'],
    ['#d97a2b', '#1f4e5f', '#f3ebdd'],
  ];
  jarSpecs.forEach(([c, l, lab], i) => {
    const w = 26 + (i % 3) * 4;
    const h = 38 + (i % 2) * 8;
    defs += jarDef(`j${i}`, w, h, c, l, lab);
    jars.push({ id: `j${i}`, w, h });
  });
  const boxes = [];
  [
    ['#f2b134', '#d64541', 34, 48],
    ['#3c8d6e', '#f3ebdd', 30, 40],
    ['#c94f7c', '#f2b134', 40, 30],
    ['#2f7fa8', '#f3ebdd', 28, 44],
  ].forEach(([c, a, w, h], i) => {
    defs += boxDef(`b${i}`, w, h, c, a, i % 2);
    boxes.push({ id: `b${i}`, w, h });
  });
  // small tins for the roll cage
  defs += tinDef('rc1', 18, 24, '#d64541', '#f3ebdd', 0);
  defs += tinDef('rc2', 18, 24, '#3c8d6e', '#f2b134', 2);

  const levels = [172, 244, 316, 388, 458];
  const GX0 = 0;
  const GX1 = 1010;
  const stock = (b, l, xa, xb, y, maxH) => {
    let kinds = tins.kinds;
    if (l === 0) kinds = [...boxes, ...tins.kinds.slice(0, 4)];
    else if (l === 1 || (l === 2 && b > 2)) kinds = jars;
    // the restocking gap: bay 1, lower two shelves (and half of the middle one)
    if (b === 1 && l >= 3) {
      let tagsOnly = '';
      for (let x = xa + 10; x < xb - 20; x += 58) tagsOnly += priceTag(x, y, false);
      const left =
        l === 3
          ? el('use', { href: '#t3', x: Math.round(xb - 60) }) +
            el('use', { href: '#t3', x: Math.round(xb - 31) })
          : '';
      return { items: left, tags: tagsOnly };
    }
    if (b === 1 && l === 2) return facings(rand, kinds, xa, xb, y, maxH, { to: xa + (xb - xa) * 0.32 });
    return facings(rand, kinds, xa, xb, y, maxH);
  };

  let s = backWall();
  s += distantAisles(GX1, W, rand);
  s += hangSign(1092, 150, 150, 30, 4, 'Laundry', '', { haze: 0.35, top: 66 });
  s += floor(FAR_FLOOR_Y);
  s += gondola(GX0, GX1, levels, stock);
  // promo wobbler
  s += line('M700 320v10', '#888', 2);
  s += circ(700, 340, 13, '#f6d32d') + text(700, 344, '2 for', 7, PAL.red, { 'text-anchor': 'middle' });
  s += ceiling(rand);
  s += hangSign(300, 30, 330, 56, 7, 'Tins & Jars', 'Soups · Beans · Preserves');
  s += rollCage(24, 500, 130, 190);
  s += cardboardBox(430, 500, 84, 46);
  s += rect(0, 0, W, H, 'url(#vig)');
  return svgDoc(W, H, s, defs, 'Aisle 7 · Tins &amp; Jars');
}

// ---------------------------------------------------------------- aisle 4 --

function laundrySvg() {
  const rand = rng(4);
  let defs = storeDefs();
  const powders = [];
  [
    ['#2f7fa8', '#f2b134', 56, 60],
    ['#5fa55a', '#f3ebdd', 50, 56],
    ['#d64541', '#2f7fa8', 54, 60],
    ['#8e5ea2', '#f6d55c', 48, 54],
    ['#e8743b', '#1f4e5f', 52, 58],
  ].forEach(([c, a, w, h], i) => {
    defs += powderDef(`p${i}`, w, h, c, a);
    powders.push({ id: `p${i}`, w, h });
  });
  const smallBoxes = [];
  [
    ['#2f7fa8', '#f3ebdd', 34, 40],
    ['#3c8d6e', '#f2b134', 30, 44],
    ['#c94f7c', '#f3ebdd', 36, 38],
    ['#f2b134', '#4a5fa8', 32, 42],
  ].forEach(([c, a, w, h], i) => {
    defs += powderDef(`s${i}`, w, h, c, a);
    smallBoxes.push({ id: `s${i}`, w, h });
  });
  const bottles = [];
  [
    ['#3a7bd5', '#f3ebdd', '#fff'],
    ['#f08a4b', '#1f4e5f', '#fff6e0'],
    ['#9bd3c7', '#2a9d8f', '#fff'],
    ['#e7a6c8', '#8e5ea2', '#fff'],
    ['#c7e08a', '#3c8d6e', '#fff'],
    ['#8e5ea2', '#f6d55c', '#f3ebdd'],
  ].forEach(([c, cap, lab], i) => {
    const w = 28 + (i % 3) * 4;
    const h = 50 + (i % 2) * 8;
    defs += bottleDef(`l${i}`, w, h, c, cap, lab);
    bottles.push({ id: `l${i}`, w, h });
  });
  const tubs = tinSymbols(rand, 4);
  defs += tubs.defs;

  const levels = [182, 256, 326, 394, 458];
  const GX0 = 270;
  const GX1 = W;
  const stock = (b, l, xa, xb, y, maxH) => {
    if (l === 0) return facings(rand, powders, xa, xb, y, maxH);
    if (l === 1 || l === 2) return facings(rand, bottles, xa, xb, y, maxH);
    if (l === 3) return facings(rand, [...smallBoxes, ...tubs.kinds], xa, xb, y, maxH);
    // bottom shelf: bay 2 has the non-bio gap
    if (b === 2) {
      const a = facings(rand, smallBoxes, xa, xb, y, maxH, { to: xa + 50 });
      const c = facings(rand, smallBoxes, xa, xb, y, maxH, { from: xb - 44 });
      const gx = xa + 58;
      const label =
        rect(gx, y - 2, 76, 26, '#f6d32d', { rx: 2, stroke: '#c9a41a', 'stroke-width': 1 }) +
        text(gx + 38, y + 9, 'OUT OF STOCK', 9, '#2e2430', {
          'text-anchor': 'middle',
          textLength: 66,
          lengthAdjust: 'spacingAndGlyphs',
        }) +
        text(gx + 38, y + 19, 'Non-bio powder', 7, '#2e2430', {
          'text-anchor': 'middle',
          'font-weight': 400,
          textLength: 58,
          lengthAdjust: 'spacingAndGlyphs',
        });
      return { items: a.items + c.items, tags: a.tags + c.tags + label };
    }
    return facings(rand, smallBoxes, xa, xb, y, maxH);
  };
  let s = backWall();
  s += distantAisles(0, GX0, rand);
  s += hangSign(50, 150, 170, 30, 7, 'Tins & Jars', '', { haze: 0.35, top: 66 });
  s += floor(FAR_FLOOR_Y);
  s += gondola(GX0, GX1, levels, stock);
  s += ceiling(rand);
  s += hangSign(640, 30, 330, 56, 4, 'Laundry', 'Detergent · Softener · Care');
  s += rect(0, 0, W, H, 'url(#vig)');
  return svgDoc(W, H, s, defs, 'Aisle 4 · Laundry');
}

// -------------------------------------------------------------------- menu --

function menuSvg() {
  const rand = rng(11);
  const defs = [
    el(
      'linearGradient',
      { id: 'sky', x1: 0, x2: 0, y1: 0, y2: 1 },
      [
        el('stop', { offset: 0, 'stop-color': '#262447' }),
        el('stop', { offset: 0.45, 'stop-color': '#5d4474' }),
        el('stop', { offset: 0.72, 'stop-color': '#c96f6a' }),
        el('stop', { offset: 0.86, 'stop-color': '#f2a765' }),
      ].join(''),
    ),
    el(
      'linearGradient',
      { id: 'win', x1: 0, x2: 0, y1: 0, y2: 1 },
      [
        el('stop', { offset: 0, 'stop-color': '#ffe6a6' }),
        el('stop', { offset: 1, 'stop-color': '#f6b35e' }),
      ].join(''),
    ),
    el(
      'radialGradient',
      { id: 'spill', cx: 0.5, cy: 0.5, r: 0.5 },
      [
        el('stop', { offset: 0, 'stop-color': '#ffd58a', 'stop-opacity': 0.35 }),
        el('stop', { offset: 1, 'stop-color': '#ffd58a', 'stop-opacity': 0 }),
      ].join(''),
    ),
  ].join('');
  let s = rect(0, 0, W, H, 'url(#sky)');
  // stars
  for (let i = 0; i < 40; i++) {
    s += circ(rand() * W, rand() * 260, 0.6 + rand() * 1.3, '#fff4dc', { opacity: 0.3 + rand() * 0.5 });
  }
  // moon
  s += circ(250, 130, 34, '#fbe3b8', { opacity: 0.9 });
  s += circ(236, 122, 34, '#3a3158', { opacity: 0.25 });
  // distant skyline
  let x = 0;
  const bld = rectBatch();
  const lit = rectBatch();
  while (x < W) {
    const w = 40 + rand() * 90;
    const h = 60 + rand() * 120;
    bld.add(x, 560 - h, w, h, '#4a3a63');
    if (rand() < 0.6) {
      for (let k = 0; k < 3; k++) lit.add(x + 10 + k * 14, 560 - h + 18, 6, 8, '#9b7468');
    }
    x += w + 4 + rand() * 20;
  }
  s += g(bld.out() + lit.out(), { opacity: 0.55 });
  // pavement
  s += rect(0, 560, W, 160, '#3d3150');
  s += rect(0, 560, W, 8, '#5b4a6e');
  s += line('M0 640H1280', '#4a3c5e', 3, { 'stroke-dasharray': '60 40' });
  // storefront
  const sx = 720;
  s += rect(sx, 250, 560, 312, '#b9715c');
  s += rect(sx, 250, 560, 312, '#2a1a2e', { opacity: 0.18 });
  s += rect(sx - 10, 232, 580, 26, '#7e4b44');
  // sign board
  s += rect(sx + 140, 180, 300, 56, PAL.petrol, { rx: 10 });
  s += rect(sx + 146, 186, 288, 44, 'none', { rx: 7, stroke: '#3f7a87', 'stroke-width': 2 });
  s += circ(sx + 176, 208, 16, PAL.orange);
  s += path(`M${sx + 168} 204h16l-2 10h-12z`, '#fff') + line(`M${sx + 171} 204q5 -10 10 0`, '#fff', 2);
  s += text(sx + 202, 218, 'CORNER MARKET', 26, '#fffaf0', {
    textLength: 220,
    lengthAdjust: 'spacingAndGlyphs',
  });
  // windows with shelves inside
  const win = (wx, wy, ww, wh) => {
    let t = rect(wx, wy, ww, wh, 'url(#win)');
    const goods = rectBatch();
    for (let r = 0; r < 3; r++) {
      const y = wy + 40 + r * 48;
      let xx = wx + 6;
      while (xx < wx + ww - 10) {
        const w = 8 + rand() * 10;
        const h = 14 + rand() * 18;
        goods.add(xx, y - h, w, h, pick(rand, ['#d88a4a', '#c46a4a', '#b8814a', '#e3a35a']));
        xx += w + 2;
      }
      goods.add(wx, y, ww, 4, '#b56a3e');
    }
    t += goods.out({ opacity: 0.8 });
    t += line(`M${wx + 20} ${wy + 10}l40 ${wh - 30}M${wx + 48} ${wy + 10}l24 ${wh - 60}`, '#fff', 6, {
      opacity: 0.18,
    });
    t += rect(wx, wy, ww, wh, 'none', { stroke: '#5c3a3e', 'stroke-width': 8 });
    return t;
  };
  s += win(sx + 30, 330, 180, 200);
  s += win(sx + 340, 330, 190, 200);
  // door
  s += rect(sx + 232, 340, 88, 222, '#5c3a3e');
  s += rect(sx + 240, 348, 72, 214, 'url(#win)', { opacity: 0.85 });
  s += line(`M${sx + 276} 348V562`, '#5c3a3e', 4);
  s +=
    rect(sx + 250, 360, 52, 20, PAL.red, { rx: 4 }) +
    text(sx + 276, 375, 'OPEN', 13, '#fff', { 'text-anchor': 'middle' });
  // awning
  let aw = '';
  for (let i = 0; i < 14; i++) {
    const ax = sx + i * 40;
    aw += path(`M${ax} 262h40v40q-10 12 -20 0q-10 12 -20 0z`, i % 2 ? '#f3ebdd' : PAL.teal);
  }
  s += aw + rect(sx, 258, 560, 8, '#1f6f66');
  // light spilling onto pavement
  s += el('ellipse', { cx: sx + 280, cy: 580, rx: 360, ry: 70, fill: 'url(#spill)' });
  // trolley
  const tx = 1120;
  s += line(
    `M${tx} 520h90l-12 48h-70zM${tx - 10} 510l10 10M${tx + 14} 568v10M${tx + 84} 568v10`,
    '#d8dde4',
    4,
  );
  s += line(`M${tx + 14} 530h72M${tx + 18} 546h66`, '#d8dde4', 2);
  s += circ(tx + 14, 584, 6, '#2a2238') + circ(tx + 84, 584, 6, '#2a2238');
  // floating conversation motif
  const bubble = (bx, by, bw, bh, c, tail) =>
    path(
      `M${bx + 14} ${by}h${bw - 28}q14 0 14 14v${bh - 28}q0 14 -14 14h${tail > 0 ? -(bw - 60) : -24}l${
        tail > 0 ? -14 : 8
      } 18l${tail > 0 ? -2 : -4} -18h${tail > 0 ? -16 : -(bw - 64)}q-14 0 -14 -14v${-(bh - 28)}q0 -14 14 -14z`,
      c,
    );
  s += g(
    bubble(800, 44, 190, 96, '#fffaf0', 1) +
      circ(860, 92, 7, PAL.teal) +
      circ(886, 92, 7, PAL.teal) +
      circ(912, 92, 7, PAL.teal),
    { opacity: 0.92 },
  );
  s += g(
    bubble(1010, 62, 170, 84, PAL.orange, -1) +
      // headset icon
      line('M1067 110v-10a28 28 0 0 1 56 0v10', '#fffaf0', 5) +
      rect(1059, 102, 14, 22, '#fffaf0', { rx: 5 }) +
      rect(1117, 102, 14, 22, '#fffaf0', { rx: 5 }) +
      line('M1124 124q0 14 -20 14', '#fffaf0', 3),
    { opacity: 0.95 },
  );
  // tiny basket bubble
  s += g(
    circ(1226, 176, 28, PAL.teal) +
      path('M1210 172h32l-4 18h-24z', '#fffaf0') +
      line('M1214 172q12 -18 24 0', '#fffaf0', 3),
    { opacity: 0.9 },
  );
  // street lamp at far left
  s += rect(76, 300, 8, 262, '#2a2238') + path('M66 300h28l-6 -16h-16z', '#2a2238');
  s += el('ellipse', { cx: 80, cy: 304, rx: 70, ry: 70, fill: 'url(#spill)' }) + circ(80, 300, 8, '#ffe6a6');
  s += el('ellipse', { cx: 80, cy: 566, rx: 90, ry: 16, fill: 'url(#spill)' });
  return svgDoc(W, H, s, defs, 'Beyond the Script');
}

// ============================================================ CHARACTERS ==

const CHAR_W = 320;
const CHAR_H = 420;
const CX = 160;
const GROUND = 410;
const FACE = 64;

const SKIN_OUT = PAL.ink;

const CHARS = {
  clerk: {
    L: 0,
    sw: 40,
    ww: 33,
    hw: 33,
    skin: '#f1c6a0',
    hair: '#7b4a2c',
    hairStyle: 'short',
    outfit: 'uniform',
    top: PAL.teal,
    apron: PAL.petrol,
    legs: '#33363f',
    shoes: '#2b2528',
    poses: ['kneel', 'stand', 'point', 'arms-crossed'],
  },
  shopper: {
    L: -8,
    sw: 37,
    ww: 35,
    hw: 38,
    skin: '#f3d2bd',
    hair: '#d9d6de',
    hairStyle: 'curls',
    outfit: 'coat',
    top: '#c8955e',
    scarf: '#b8433a',
    legs: '#4a3f4e',
    shoes: '#6b4a3a',
    poses: ['stand', 'arms-crossed', 'point'],
  },
  manager: {
    L: 2,
    sw: 37,
    ww: 30,
    hw: 33,
    skin: '#7a4b35',
    hair: '#231815',
    hairStyle: 'bun',
    outfit: 'shirt',
    top: '#d3e3f3',
    legs: '#2b3a55',
    shoes: '#221c22',
    poses: ['stand', 'arms-crossed', 'point'],
  },
  colleague: {
    L: -4,
    sw: 35,
    ww: 29,
    hw: 33,
    skin: '#b87a55',
    hair: '#1f1614',
    hairStyle: 'long',
    outfit: 'uniform',
    top: PAL.teal,
    apron: PAL.petrol,
    legs: '#26272d',
    shoes: '#2b2528',
    poses: ['stand', 'arms-crossed', 'point'],
  },
  bystander: {
    L: 6,
    sw: 43,
    ww: 37,
    hw: 35,
    skin: '#d6a27a',
    hair: '#2a201c',
    hairStyle: 'beanie',
    outfit: 'hoodie',
    top: '#e0a43a',
    hat: '#2a4d4a',
    legs: '#3d5a80',
    shoes: '#f1efe9',
    poses: ['stand', 'arms-crossed', 'point'],
  },
};

/** Skeleton for a character in a pose. */
function skeleton(c, pose) {
  const kneel = pose === 'kneel';
  const oy = kneel ? 318 - (250 - c.L) : 0;
  const sy = 130 - c.L + oy; // L > 0 = taller
  const S = {
    cx: CX,
    sy,
    fy: sy - 46,
    wy: sy + 82,
    hy: sy + 120,
    sw: c.sw,
    ww: c.ww,
    hw: c.hw,
    kneel,
  };
  S.sL = [CX - c.sw + 11, sy + 12];
  S.sR = [CX + c.sw - 11, sy + 12];
  return S;
}

// ---- body parts ----

function head(c, S) {
  const { cx: fx, fy } = S;
  const sk = c.skin;
  let s = '';
  s += ell(fx - 28, fy + 1, 6, 9, dk(sk, 0.12)) + ell(fx + 28, fy + 1, 6, 9, dk(sk, 0.12));
  s += ell(fx - 28.5, fy + 1, 2.5, 5, dk(sk, 0.25)) + ell(fx + 28.5, fy + 1, 2.5, 5, dk(sk, 0.25));
  s += path(
    `M${fx - 29} ${fy - 6}C${fx - 29} ${fy - 30} ${fx - 16} ${fy - 38} ${fx} ${fy - 38}C${fx + 16} ${fy - 38} ${
      fx + 29
    } ${fy - 30} ${fx + 29} ${fy - 6}C${fx + 29} ${fy + 14} ${fx + 16} ${fy + 30} ${fx} ${fy + 30}C${fx - 16} ${
      fy + 30
    } ${fx - 29} ${fy + 14} ${fx - 29} ${fy - 6}Z`,
    sk,
  );
  // soft second tone on the shadow side of the face
  s += path(
    `M${fx + 29} ${fy - 6}C${fx + 29} ${fy + 14} ${fx + 16} ${fy + 30} ${fx} ${fy + 30}C${fx + 14} ${fy + 24} ${
      fx + 24
    } ${fy + 10} ${fx + 25} ${fy - 6}C${fx + 26} ${fy - 20} ${fx + 20} ${fy - 30} ${fx + 12} ${fy - 35}C${fx + 24} ${
      fy - 32
    } ${fx + 29} ${fy - 22} ${fx + 29} ${fy - 6}Z`,
    dk(sk, 0.1),
  );
  return s;
}

function neck(c, S) {
  const { cx, fy, sy } = S;
  return (
    rect(cx - 11, fy + 14, 22, sy - fy - 4, c.skin) +
    path(
      `M${cx - 11} ${fy + 22}Q${cx} ${fy + 34} ${cx + 11} ${fy + 22}V${fy + 14}H${cx - 11}Z`,
      dk(c.skin, 0.18),
    )
  );
}

function hair(c, S) {
  const { cx: fx, fy } = S;
  const h = c.hair;
  const hd = dk(h, 0.25);
  const hl = lt(h, 0.25);
  let back = '';
  let front = '';
  switch (c.hairStyle) {
    case 'short':
      back = path(
        `M${fx - 30} ${fy}C${fx - 34} ${fy - 30} ${fx - 20} ${fy - 46} ${fx} ${fy - 46}C${fx + 22} ${fy - 46} ${fx + 34} ${fy - 30} ${fx + 30} ${fy}Z`,
        hd,
      );
      front = path(
        `M${fx - 30} ${fy - 2}C${fx - 33} ${fy - 26} ${fx - 22} ${fy - 47} ${fx + 2} ${fy - 48}C${fx + 25} ${fy - 48} ${
          fx + 35
        } ${fy - 32} ${fx + 31} ${fy - 4}L${fx + 28} ${fy - 12}C${fx + 27} ${fy - 20} ${fx + 22} ${fy - 25} ${fx + 14} ${
          fy - 23
        }C${fx + 6} ${fy - 21} ${fx - 2} ${fy - 24} ${fx - 8} ${fy - 31}C${fx - 12} ${fy - 23} ${fx - 20} ${fy - 21} ${
          fx - 25
        } ${fy - 16}C${fx - 28} ${fy - 12} ${fx - 28} ${fy - 8} ${fx - 30} ${fy - 2}Z`,
        h,
      );
      front += path(
        `M${fx - 8} ${fy - 31}C${fx - 4} ${fy - 40} ${fx + 8} ${fy - 44} ${fx + 20} ${fy - 40}C${fx + 10} ${fy - 38} ${fx} ${fy - 34} ${fx - 8} ${fy - 31}Z`,
        hl,
      );
      front += line(`M${fx - 20} ${fy - 38}q6 -6 14 -6M${fx + 14} ${fy - 30}q8 2 12 10`, hd, 2);
      break;
    case 'long':
      back = path(
        `M${fx - 30} ${fy - 24}C${fx - 42} ${fy + 10} ${fx - 44} ${fy + 60} ${fx - 36} ${fy + 86}Q${fx} ${fy + 96} ${fx + 36} ${fy + 86}C${fx + 44} ${fy + 60} ${fx + 42} ${fy + 10} ${fx + 30} ${fy - 24}Z`,
        hd,
      );
      front = path(
        `M${fx} ${fy - 42}C${fx - 22} ${fy - 43} ${fx - 34} ${fy - 28} ${fx - 33} ${fy - 4}C${fx - 33} ${fy + 16} ${fx - 35} ${
          fy + 32
        } ${fx - 39} ${fy + 46}L${fx - 27} ${fy + 40}C${fx - 26} ${fy + 18} ${fx - 27} ${fy - 4} ${fx - 22} ${fy - 15}C${
          fx - 16
        } ${fy - 24} ${fx - 6} ${fy - 26} ${fx} ${fy - 33}C${fx + 6} ${fy - 26} ${fx + 16} ${fy - 24} ${fx + 22} ${fy - 15}C${
          fx + 27
        } ${fy - 4} ${fx + 26} ${fy + 18} ${fx + 27} ${fy + 40}L${fx + 39} ${fy + 46}C${fx + 35} ${fy + 32} ${fx + 33} ${
          fy + 16
        } ${fx + 33} ${fy - 4}C${fx + 34} ${fy - 28} ${fx + 22} ${fy - 43} ${fx} ${fy - 42}Z`,
        h,
      );
      front += line(
        `M${fx - 4} ${fy - 38}C${fx - 18} ${fy - 34} ${fx - 28} ${fy - 20} ${fx - 29} ${fy + 4}M${fx + 6} ${fy - 38}C${fx + 18} ${fy - 34} ${fx + 26} ${fy - 24} ${fx + 28} ${fy - 8}`,
        lt(h, 0.18),
        2.2,
      );
      break;
    case 'curls': {
      const ring = (rx, ry, r0, col, n) => {
        let t = '';
        for (let i = 0; i <= n; i++) {
          const th = -0.5 + ((Math.PI + 1) * i) / n;
          t += circ(fx + rx * Math.cos(th), fy - 8 - ry * Math.sin(th), r0 + (i % 2) * 1.2, col);
        }
        return t;
      };
      back = ell(fx, fy - 8, 31, 33, hd) + ring(30, 34, 8, hd, 14);
      front = ring(27.5, 32, 7.5, h, 16);
      front +=
        circ(fx - 17, fy - 28, 8, h) +
        circ(fx - 5, fy - 32, 8.5, h) +
        circ(fx + 8, fy - 31, 8, h) +
        circ(fx + 19, fy - 26, 7.5, h);
      front += line(
        `M${fx - 22} ${fy - 34}a5 5 0 0 1 8 -2M${fx - 4} ${fy - 40}a5 5 0 0 1 8 -1M${fx + 14} ${fy - 36}a5 5 0 0 1 7 1M${fx - 31} ${fy - 14}a5 5 0 0 1 3 -7M${
          fx + 29
        } ${fy - 20}a5 5 0 0 1 3 7`,
        lt(h, 0.6),
        1.8,
      );
      break;
    }
    case 'bun':
      back =
        circ(fx + 2, fy - 50, 17, h) +
        line(`M${fx - 8} ${fy - 56}q10 -8 20 0M${fx - 6} ${fy - 46}q10 -6 18 0`, lt(h, 0.15), 2);
      front = path(
        `M${fx - 30} ${fy - 4}C${fx - 32} ${fy - 30} ${fx - 16} ${fy - 42} ${fx} ${fy - 42}C${fx + 16} ${fy - 42} ${
          fx + 32
        } ${fy - 30} ${fx + 30} ${fy - 4}C${fx + 27} ${fy - 14} ${fx + 22} ${fy - 22} ${fx + 12} ${fy - 24}C${fx + 4} ${
          fy - 26
        } ${fx - 4} ${fy - 26} ${fx - 12} ${fy - 24}C${fx - 22} ${fy - 22} ${fx - 27} ${fy - 14} ${fx - 30} ${fy - 4}Z`,
        h,
      );
      front += line(
        `M${fx - 18} ${fy - 30}Q${fx - 6} ${fy - 40} ${fx + 8} ${fy - 38}M${fx + 8} ${fy - 30}q10 0 16 8`,
        lt(h, 0.18),
        2,
      );
      front += ell(fx + 2, fy - 40, 9, 3.5, PAL.orange);
      break;
    case 'beanie': {
      const hat = c.hat;
      back = rect(fx - 30, fy - 22, 60, 26, h, { rx: 8 });
      front = rect(fx - 30, fy - 20, 6, 18, h, { rx: 2 }) + rect(fx + 24, fy - 20, 6, 18, h, { rx: 2 });
      front += path(
        `M${fx - 32} ${fy - 22}C${fx - 34} ${fy - 48} ${fx - 18} ${fy - 58} ${fx} ${fy - 58}C${fx + 18} ${fy - 58} ${fx + 34} ${fy - 48} ${fx + 32} ${fy - 22}Z`,
        hat,
      );
      front += path(
        `M${fx + 10} ${fy - 57}C${fx + 26} ${fy - 52} ${fx + 33} ${fy - 40} ${fx + 32} ${fy - 22}H${fx + 20}C${fx + 22} ${fy - 38} ${fx + 18} ${fy - 50} ${fx + 10} ${fy - 57}Z`,
        dk(hat, 0.2),
      );
      front += rect(fx - 34, fy - 33, 68, 14, lt(hat, 0.08), { rx: 5 });
      front += line(`M${fx - 31} ${fy - 26}H${fx + 31}`, dk(hat, 0.12), 10, {
        'stroke-dasharray': '2 3',
        'stroke-linecap': 'butt',
      });
      front += rect(fx + 12, fy - 31, 10, 7, PAL.orange, { rx: 1 });
      break;
    }
    default:
      break;
  }
  return { back, front };
}

/** Hand at wrist p, pointing along dir. */
function hand(c, p, dir, type, side) {
  const sk = c.skin;
  const ctr = add(p, mul(dir, 7));
  const a = deg(dir) - 90;
  const T = (inner) => g(inner, { transform: `translate(${num(ctr[0])} ${num(ctr[1])}) rotate(${num(a)})` });
  if (type === 'point') {
    return T(
      line('M0 2V20', dk(sk, 0.12), 6.5) +
        circ(0, 0, 8.5, sk) +
        ell(-side * 6, -2, 3.5, 6, dk(sk, 0.08)) +
        line('M0 2V19', sk, 5),
    );
  }
  if (type === 'fist')
    return T(
      circ(0, 0, 9.5, sk) + path('M-6 2q6 5 12 0', 'none', { stroke: dk(sk, 0.18), 'stroke-width': 1.5 }),
    );
  // relaxed hand
  return T(
    ell(0, 1, 8.5, 10.5, sk) +
      ell(side * 7, -3, 3.4, 6.5, dk(sk, 0.08)) +
      path('M-5 6q5 4 10 0', 'none', { stroke: dk(sk, 0.15), 'stroke-width': 1.3 }),
  );
}

/**
 * Draw an arm. a = { p: [shoulder, elbow, wrist], hand, side }.
 * side: -1 = viewer-left arm, +1 = viewer-right arm.
 */
function arm(c, a) {
  const [s, e, w] = a.p;
  const d = `M${pts(s)}L${pts(e)}L${pts(w)}`;
  const dir = unit(sub(w, e));
  let out = '';
  const sk = c.skin;
  if (c.outfit === 'uniform') {
    const mid = lerp(s, e, 0.55);
    out += line(d, dk(sk, 0.22), 19);
    out += line(d, sk, 16);
    out += line(`M${pts(s)}L${pts(mid)}`, dk(c.top, 0.22), 27);
    out += line(`M${pts(s)}L${pts(mid)}`, c.top, 24);
    const m2 = lerp(s, e, 0.5);
    out += line(`M${pts(m2)}L${pts(mid)}`, dk(c.top, 0.18), 24, { 'stroke-linecap': 'butt' });
  } else {
    const wr = sub(w, mul(dir, 3));
    const dd = `M${pts(s)}L${pts(e)}L${pts(wr)}`;
    const wid = c.outfit === 'coat' ? 25 : c.outfit === 'hoodie' ? 26 : 22;
    out += line(dd, dk(c.top, 0.28), wid + 3);
    out += line(dd, c.top, wid);
    // cuff
    const cuffA = sub(wr, mul(dir, 8));
    const cuffC =
      c.outfit === 'coat' || c.outfit === 'cardigan'
        ? dk(c.top, 0.22)
        : c.outfit === 'hoodie'
          ? dk(c.top, 0.15)
          : lt(c.top, 0.4);
    out += line(`M${pts(cuffA)}L${pts(wr)}`, cuffC, wid - 1);
  }
  out += a.hand === 'none' ? '' : hand(c, w, dir, a.hand || 'rest', a.side);
  return out;
}

function legs(c, S) {
  const { cx, hy } = S;
  const col = c.legs;
  const wd = c.outfit === 'coat' ? 21 : 28;
  let s = '';
  const shoe = (x, y, dirx, rot = 0) => {
    const f = dirx;
    const col2 = c.shoes;
    let t = path(
      `M${x - 13 * f} ${y - 3}Q${x - 13 * f} ${y - 12} ${x - 3 * f} ${y - 12}H${x + 4 * f}Q${x + 18 * f} ${y - 10} ${x + 20 * f} ${y - 1}Q${
        x + 20 * f
      } ${y + 3} ${x + 15 * f} ${y + 3}H${x - 11 * f}Q${x - 13 * f} ${y + 3} ${x - 13 * f} ${y - 3}Z`,
      col2,
    );
    t += rect(Math.min(x - 13 * f, x + 20 * f), y, 33, 3, dk(col2, 0.35), { rx: 1.5 });
    if (c.outfit === 'hoodie') t += line(`M${x - 2 * f} ${y - 7}l${10 * f} 3`, PAL.red, 2.5);
    return rot ? g(t, { transform: `rotate(${rot} ${x} ${y})` }) : t;
  };
  /** one trouser leg: hip -> knee -> ankle, slightly tapered, with a shadow seam */
  const leg = (hip, knee, ank, shadeSide = 1, tone = col) => {
    let t = line(`M${pts(hip)}L${pts(knee)}L${pts(ank)}`, dk(tone, 0.3), wd + 3, {
      'stroke-linecap': 'butt',
    });
    t += line(`M${pts(hip)}L${pts(knee)}`, tone, wd + 2, { 'stroke-linecap': 'round' });
    t += line(`M${pts(knee)}L${pts(ank)}`, tone, wd - 2, { 'stroke-linecap': 'butt' });
    t += circ(knee[0], knee[1], wd / 2, tone);
    const o = [shadeSide * (wd / 2 - 5), 0];
    t += line(
      `M${pts(add(lerp(hip, knee, 0.15), o))}L${pts(add(knee, o))}L${pts(add(ank, mul(o, 0.85)))}`,
      dk(tone, 0.16),
      6,
      {
        'stroke-linecap': 'butt',
      },
    );
    return t;
  };
  if (S.kneel) {
    // viewer-left: knee on the floor, shin running back; viewer-right: knee up, foot flat
    const hipL = [cx - 14, hy];
    const kneeL = [cx - 30, GROUND - 13];
    const ankL = [cx - 70, GROUND - 16];
    s += shoe(cx - 78, GROUND - 6, 1, -22);
    s += line(`M${pts(kneeL)}L${pts(ankL)}`, dk(col, 0.3), wd + 1);
    s += line(`M${pts(kneeL)}L${pts(ankL)}`, dk(col, 0.14), wd - 3);
    s += leg(hipL, lerp(hipL, kneeL, 0.5), kneeL, 1, dk(col, 0.06));
    const hipR = [cx + 14, hy];
    const kneeR = [cx + 62, hy - 10];
    const ankR = [cx + 66, GROUND - 14];
    s += shoe(ankR[0] + 3, GROUND - 2, 1);
    s += line(`M${pts(hipR)}L${pts(kneeR)}`, dk(col, 0.3), wd + 5);
    s += line(`M${pts(hipR)}L${pts(kneeR)}`, col, wd + 2);
    s += leg(kneeR, lerp(kneeR, ankR, 0.4), ankR, 1);
    s += path(`M${cx + 44} ${hy - 20}Q${cx + 62} ${hy - 28} ${cx + 74} ${hy - 14}`, 'none', {
      stroke: lt(col, 0.12),
      'stroke-width': 3,
      'stroke-linecap': 'round',
    });
    s += rect(cx - S.hw, S.wy + 10, 2 * S.hw, hy - S.wy + 4, col, { rx: 8 });
    return s;
  }
  const top = hy - 4;
  const ank = GROUND - 14;
  for (const f of [-1, 1]) {
    const hip = [cx + f * 16, top];
    const knee = [cx + f * 17, hy + 78];
    const a = [cx + f * 18, ank];
    s += shoe(a[0] + f * 2, GROUND - 2, f);
    s += leg(hip, knee, a, 1);
  }
  // pelvis
  s += path(
    `M${cx - S.hw} ${S.wy + 10}H${cx + S.hw}L${cx + S.hw + 1} ${hy + 10}Q${cx + 8} ${hy + 14} ${cx} ${hy + 22}Q${cx - 8} ${hy + 14} ${cx - S.hw - 1} ${hy + 10}Z`,
    col,
  );
  return s;
}

/** Generic torso silhouette with shoulder rounding. */
const torsoPath = (S, { hemY, hemW, waistW }) => {
  const { cx, sy, sw, wy } = S;
  const ww = waistW ?? S.ww;
  return `M${cx - sw + 12} ${sy}Q${cx - sw} ${sy} ${cx - sw} ${sy + 16}L${cx - ww} ${wy}L${cx - hemW} ${hemY}Q${cx} ${
    hemY + 4
  } ${cx + hemW} ${hemY}L${cx + ww} ${wy}L${cx + sw} ${sy + 16}Q${cx + sw} ${sy} ${cx + sw - 12} ${sy}Z`;
};
const torsoShade = (S, { hemY, hemW, waistW }, col) => {
  const { cx, sy, sw, wy } = S;
  const ww = waistW ?? S.ww;
  return path(
    `M${cx + sw - 12} ${sy}Q${cx + sw} ${sy} ${cx + sw} ${sy + 16}L${cx + ww} ${wy}L${cx + hemW} ${hemY}L${cx + hemW - 14} ${
      hemY + 1
    }L${cx + ww - 12} ${wy}L${cx + sw - 14} ${sy + 18}Z`,
    col,
  );
};

function torso(c, S) {
  const { cx, sy, wy, hy } = S;
  const t = c.top;
  let s = '';
  if (c.outfit === 'uniform') {
    const tp = { hemY: hy + 2, hemW: S.hw + 2 };
    s += path(torsoPath(S, tp), t) + torsoShade(S, tp, dk(t, 0.15));
    // collar + placket
    s += poly(
      [
        [cx - 15, sy - 2],
        [cx - 1, sy + 14],
        [cx - 18, sy + 10],
      ],
      dk(t, 0.2),
    );
    s += poly(
      [
        [cx + 15, sy - 2],
        [cx + 1, sy + 14],
        [cx + 18, sy + 10],
      ],
      dk(t, 0.2),
    );
    s += rect(cx - 3, sy + 6, 6, 22, dk(t, 0.12), { rx: 2 });
    // apron
    const a = c.apron;
    const skirtY = S.kneel ? hy + 16 : hy + 64;
    const skirtW = S.kneel ? S.hw + 8 : S.hw + 6;
    const ap = `M${cx - 22} ${sy + 22}H${cx + 22}L${cx + S.ww - 3} ${wy}L${cx + skirtW} ${skirtY}Q${cx} ${skirtY + 4} ${cx - skirtW} ${skirtY}L${cx - S.ww + 3} ${wy}Z`;
    s += line(`M${cx - 20} ${sy + 24}L${cx - 12} ${sy}M${cx + 20} ${sy + 24}L${cx + 12} ${sy}`, a, 5);
    s += path(ap, a);
    s += path(
      `M${cx + 22} ${sy + 22}L${cx + S.ww - 3} ${wy}L${cx + skirtW} ${skirtY}L${cx + skirtW - 14} ${skirtY + 1}L${cx + S.ww - 14} ${wy}L${cx + 12} ${sy + 22}Z`,
      dk(a, 0.2),
    );
    s += rect(cx - S.ww - 4, wy - 4, 2 * S.ww + 8, 7, dk(a, 0.15), { rx: 3 });
    // pocket
    const py = S.kneel ? hy - 10 : hy + 6;
    s += rect(cx - S.hw + 4, py, 2 * S.hw - 8, 22, lt(a, 0.08), { rx: 2 });
    s += line(`M${cx} ${py}v22M${cx - S.hw + 6} ${py + 3}H${cx + S.hw - 6}`, lt(a, 0.25), 1.2, {
      'stroke-dasharray': '3 2',
    });
    // name badge
    s +=
      rect(cx + 6, sy + 32, 22, 14, '#fffaf0', { rx: 2 }) +
      rect(cx + 6, sy + 32, 22, 4, PAL.orange, { rx: 1 });
    s += rect(cx + 9, sy + 39, 14, 2, '#6b6b75') + rect(cx + 9, sy + 42.5, 9, 1.5, '#a0a0aa');
    // small store logo on the bib
    s += circ(cx - 12, sy + 40, 5, PAL.orange, { opacity: 0.9 });
  } else if (c.outfit === 'coat') {
    const tp = { hemY: hy + 88, hemW: S.hw + 12, waistW: S.ww + 1 };
    s += path(torsoPath(S, tp), t) + torsoShade(S, tp, dk(t, 0.16));
    // lapels + front edge
    s += poly(
      [
        [cx - 16, sy],
        [cx + 2, sy + 58],
        [cx - 20, sy + 34],
      ],
      dk(t, 0.12),
    );
    s += poly(
      [
        [cx + 16, sy],
        [cx + 4, sy + 58],
        [cx + 22, sy + 34],
      ],
      dk(t, 0.2),
    );
    s += line(`M${cx + 4} ${sy + 58}L${cx + 6} ${hy + 90}`, dk(t, 0.3), 2);
    for (let i = 0; i < 3; i++) s += circ(cx + 14, sy + 70 + i * 30, 3.2, dk(t, 0.45));
    // belt
    s += path(`M${cx - S.ww - 1} ${wy - 4}H${cx + S.ww + 1}V${wy + 5}H${cx - S.ww - 1}Z`, dk(t, 0.12));
    s += line(`M${cx - 4} ${wy}l-6 22M${cx - 2} ${wy}l2 20`, dk(t, 0.14), 5);
    // pockets
    s +=
      rect(cx - S.hw - 2, hy + 12, 22, 5, dk(t, 0.2), { rx: 2 }) +
      rect(cx + S.hw - 18, hy + 12, 22, 5, dk(t, 0.28), { rx: 2 });
    // scarf
    const sc = c.scarf;
    s += path(
      `M${cx - 20} ${sy - 4}Q${cx} ${sy + 14} ${cx + 20} ${sy - 4}L${cx + 18} ${sy + 8}Q${cx} ${sy + 26} ${cx - 18} ${sy + 8}Z`,
      sc,
    );
    s += path(
      `M${cx - 10} ${sy + 12}L${cx - 16} ${sy + 66}L${cx - 4} ${sy + 68}L${cx + 2} ${sy + 16}Z`,
      dk(sc, 0.12),
    );
    s += line(`M${cx - 14} ${sy + 50}l11 1M${cx - 13} ${sy + 40}l11 1`, '#f2d08a', 2.2);
    s += line(`M${cx - 16} ${sy + 66}v5M${cx - 12} ${sy + 67}v5M${cx - 8} ${sy + 67}v5`, sc, 1.6);
  } else if (c.outfit === 'shirt') {
    const tp = { hemY: wy + 8, hemW: S.ww + 2 };
    s += path(torsoPath(S, tp), t) + torsoShade(S, tp, dk(t, 0.12));
    s += line(`M${cx} ${sy + 12}V${wy + 8}`, dk(t, 0.15), 1.5);
    for (let i = 0; i < 4; i++) s += circ(cx + 3, sy + 24 + i * 18, 1.8, '#fff');
    s += poly(
      [
        [cx - 14, sy - 4],
        [cx, sy + 12],
        [cx - 18, sy + 16],
      ],
      '#f4f8fc',
    );
    s += poly(
      [
        [cx + 14, sy - 4],
        [cx, sy + 12],
        [cx + 18, sy + 16],
      ],
      '#e4ecf5',
    );
    s += rect(cx - S.sw + 14, sy + 34, 16, 14, 'none', { stroke: dk(t, 0.15), 'stroke-width': 1.3, rx: 1 });
    // belt
    s += rect(cx - S.ww - 2, wy + 5, 2 * S.ww + 4, 7, '#4a3428', { rx: 2 });
    s += rect(cx - 5, wy + 4, 10, 9, '#c9a86a', { rx: 2 }) + rect(cx - 2.5, wy + 6.5, 5, 4, '#4a3428');
    // lanyard + card
    s += line(
      `M${cx - 11} ${sy - 1}L${cx - 3} ${sy + 52}M${cx + 11} ${sy - 1}L${cx + 3} ${sy + 52}`,
      PAL.orange,
      4,
    );
    s +=
      rect(cx - 9, sy + 50, 18, 24, '#fffaf0', { rx: 2 }) +
      rect(cx - 9, sy + 50, 18, 6, PAL.petrol, { rx: 1 });
    s +=
      rect(cx - 5, sy + 59, 7, 8, '#b8c4cf') +
      rect(cx + 3, sy + 60, 4, 2, '#888') +
      rect(cx + 3, sy + 64, 4, 2, '#aaa');
  } else if (c.outfit === 'hoodie') {
    const tp = { hemY: hy + 12, hemW: S.hw + 4, waistW: S.ww + 1 };
    s += path(torsoPath(S, tp), t) + torsoShade(S, tp, dk(t, 0.15));
    s += rect(cx - S.hw - 4, hy, 2 * S.hw + 8, 13, dk(t, 0.12), { rx: 4 });
    // pocket
    s += path(`M${cx - 26} ${wy + 4}H${cx + 26}L${cx + 34} ${hy - 4}H${cx - 34}Z`, dk(t, 0.08));
    s += line(
      `M${cx - 26} ${wy + 4}L${cx - 34} ${hy - 4}M${cx + 26} ${wy + 4}L${cx + 34} ${hy - 4}`,
      dk(t, 0.22),
      2,
    );
    // hood bunched round the neck + drawstrings
    s += path(
      `M${cx - 28} ${sy - 2}Q${cx} ${sy + 34} ${cx + 28} ${sy - 2}L${cx + 20} ${sy - 8}Q${cx} ${sy + 14} ${cx - 20} ${sy - 8}Z`,
      dk(t, 0.18),
    );
    s += line(`M${cx - 8} ${sy + 14}l-2 44M${cx + 8} ${sy + 14}l2 40`, '#f3ebdd', 2.5);
    s +=
      rect(cx - 12, sy + 56, 4, 7, '#b0a898', { rx: 1 }) + rect(cx + 8, sy + 52, 4, 7, '#b0a898', { rx: 1 });
  }
  return s;
}

function hoodBack(c, S) {
  if (c.outfit !== 'hoodie') return '';
  const { cx, sy } = S;
  return path(
    `M${cx - 34} ${sy + 6}Q${cx - 36} ${sy - 26} ${cx} ${sy - 28}Q${cx + 36} ${sy - 26} ${cx + 34} ${sy + 6}Z`,
    dk(c.top, 0.22),
  );
}

// ---- props ----

function basket(hx, hy, withHandle = true, goods = 'shopper') {
  const w = 76;
  const top = hy + 20;
  const x = hx - w / 2;
  const red = PAL.red;
  let s = '';
  if (withHandle)
    s += line(
      `M${x + 10} ${top}Q${x + 8} ${hy - 6} ${hx} ${hy - 4}Q${x + w - 8} ${hy - 6} ${x + w - 10} ${top}`,
      dk(red, 0.3),
      4,
    );
  // contents
  if (goods === 'shopper') {
    s += rect(x + 10, top - 18, 16, 24, '#2f7fa8', { rx: 1 }) + rect(x + 10, top - 12, 16, 5, '#f3ebdd');
    s +=
      circ(x + 38, top - 4, 9, '#8cbf4a') +
      path(`M${x + 38} ${top - 13}q2 -5 6 -4`, 'none', { stroke: '#6b4a2a', 'stroke-width': 2 });
    s += rect(x + 46, top - 26, 14, 34, '#e3b06a', { rx: 7, transform: `rotate(18 ${x + 53} ${top - 9})` });
  } else {
    s += rect(x + 8, top - 14, 26, 20, '#f2b134', { rx: 2 }) + rect(x + 8, top - 8, 26, 4, PAL.red);
    s +=
      rect(x + 38, top - 22, 12, 28, '#3c8d6e', { rx: 4 }) +
      rect(x + 41, top - 28, 6, 8, '#3c8d6e', { rx: 2 });
    s += rect(x + 52, top - 16, 16, 22, '#4a5fa8', { rx: 3 });
  }
  s += path(`M${x} ${top}H${x + w}L${x + w - 7} ${top + 44}Q${hx} ${top + 47} ${x + 7} ${top + 44}Z`, red);
  s += path(
    `M${x + w} ${top}L${x + w - 7} ${top + 44}Q${x + w - 14} ${top + 45} ${x + w - 20} ${top + 45}L${x + w - 14} ${top}Z`,
    dk(red, 0.18),
  );
  let holes = '';
  for (let r = 0; r < 3; r++)
    for (let i = 0; i < 6; i++) holes += `M${num(x + 10 + i * 10.5 + r * 0.8)} ${top + 12 + r * 10}h5`;
  s += line(holes, dk(red, 0.35), 4);
  s += rect(x - 2, top - 2, w + 4, 7, dk(red, 0.12), { rx: 3 });
  return s;
}

function clipboard(x, y, ang) {
  let s = rect(-23, -30, 46, 60, '#a8733f', { rx: 4 });
  s += rect(-19, -22, 38, 48, '#fffaf0', { rx: 1 });
  s += line('M-14 -12h28M-14 -4h28M-14 4h22M-14 12h28M-14 20h16', '#b8c4cf', 2);
  s += rect(-10, -34, 20, 10, '#9aa1aa', { rx: 3 }) + rect(-5, -36, 10, 5, '#7d848d', { rx: 2 });
  return g(s, { transform: `translate(${num(x)} ${num(y)}) rotate(${ang})` });
}

function handbag(x, y, strapFrom) {
  const c = '#6d3f63';
  let s = line(
    `M${pts(strapFrom)}Q${num(x - 14)} ${num(y - 10)} ${num(x - 12)} ${num(y)}M${pts(strapFrom)}Q${num(x + 14)} ${num(y - 10)} ${num(x + 12)} ${num(y)}`,
    dk(c, 0.3),
    3,
  );
  s += path(
    `M${x - 20} ${y}H${x + 20}Q${x + 24} ${y + 30} ${x + 18} ${y + 32}H${x - 18}Q${x - 24} ${y + 30} ${x - 20} ${y}Z`,
    c,
  );
  s += path(`M${x - 20} ${y}H${x + 20}L${x + 18} ${y + 14}Q${x} ${y + 18} ${x - 18} ${y + 14}Z`, dk(c, 0.18));
  s += rect(x - 3, y + 12, 6, 5, '#e3c27a', { rx: 1 });
  return s;
}

function list(x, y, ang) {
  return g(
    rect(-9, -13, 18, 26, '#fffaf0', { rx: 1 }) + line('M-5 -7h10M-5 -2h8M-5 3h10M-5 8h6', '#7a8a9a', 1.4),
    {
      transform: `translate(${num(x)} ${num(y)}) rotate(${ang})`,
    },
  );
}

/** A tin gripped by a hand: fingers wrap across the front from the right. */
function heldTin(c, x, y) {
  const sk = c.skin;
  let s = rect(x - 13, y - 16, 26, 32, '#a9adb4', { rx: 2 });
  s += rect(x - 13, y - 13, 26, 26, PAL.red) + rect(x - 13, y - 4, 26, 7, '#f3ebdd');
  s += rect(x + 4, y - 13, 9, 26, '#201028', { opacity: 0.15 });
  s += ell(x, y - 16, 13, 2.8, '#d2d5da');
  s += rect(x - 4, y - 6, 22, 16, sk, { rx: 7 });
  s += line(`M${x - 1} ${y - 1}h10M${x - 1} ${y + 4}h10`, dk(sk, 0.2), 1.3);
  s += ell(x + 14, y - 9, 4, 6, dk(sk, 0.06));
  return s;
}

// ---- pose definitions ----

function arms(c, S, pose, name) {
  const { cx, sy, sw, sL, sR } = S;
  const relaxed = (sh, f, out = 0) => [sh, add(sh, [f * (7 + out), 58]), add(sh, [f * (9 + out * 1.8), 112])];
  const L = { side: -1, p: relaxed(sL, -1), hand: 'rest' };
  const R = { side: 1, p: relaxed(sR, 1), hand: 'rest' };
  const seq = []; // strings in draw order
  const before = []; // drawn after torso, before arms
  if (pose === 'arms-crossed') {
    L.p = [sL, [cx - sw + 3, sy + 70], [cx + sw - 18, sy + 64]];
    L.hand = 'fist';
    R.p = [sR, [cx + sw - 3, sy + 72], [cx - sw + 20, sy + 54]];
    R.hand = 'rest';
  } else if (pose === 'point') {
    R.p = [sR, add(sR, [40, 14]), add(sR, [84, 2])];
    R.hand = 'point';
  } else if (pose === 'kneel') {
    L.p = [sL, add(sL, [-28, 42]), add(sL, [-44, 8])];
    L.hand = 'fist';
    R.p = [sR, add(sR, [12, 53]), add(sR, [28, 100])];
  }
  let extraBack = '';
  if (name === 'shopper') {
    if (pose === 'stand' || pose === 'point') {
      L.p = relaxed(sL, -1, 6);
      L.hand = 'fist';
      const hp = add(L.p[2], [0, 6]);
      L.after = basket(hp[0], hp[1], true, 'shopper');
      L.basketFirst = true;
    }
    if (pose === 'stand') {
      R.p = [sR, add(sR, [18, 54]), add(sR, [-6, 70])];
      R.hand = 'fist';
      const e = R.p[1];
      R.pre = handbag(e[0] + 4, e[1] + 30, add(e, [-2, 2])) + list(R.p[2][0] - 8, R.p[2][1] - 8, -14);
    }
    if (pose === 'point') {
      const e = R.p[1];
      R.post = handbag(e[0], e[1] + 30, add(e, [0, 4]));
    }
    if (pose === 'arms-crossed') {
      extraBack += basket(cx - 84, GROUND - 62, false, 'shopper');
      const e = R.p[1];
      R.post = handbag(e[0] - 6, e[1] + 28, add(e, [-8, -4]));
    }
  }
  if (name === 'manager') {
    if (pose === 'stand') {
      R.p = [sR, add(sR, [10, 58]), [cx + 14, sy + 64]];
      R.hand = 'none';
      R.post = clipboard(cx + 2, sy + 58, 8) + hand(c, [cx + 27, sy + 62], unit([-1, 0.3]), 'rest', -1);
    }
    if (pose === 'arms-crossed') before.push(clipboard(cx - 4, sy + 50, -16));
    if (pose === 'point') {
      L.p = relaxed(sL, -1, 4);
      L.hand = 'rest';
      const w = L.p[2];
      L.pre = clipboard(w[0] - 10, w[1] + 30, 6);
    }
  }
  if (name === 'bystander') {
    if (pose === 'stand') {
      R.p = relaxed(sR, 1, 6);
      R.hand = 'fist';
      const hp = add(R.p[2], [0, 6]);
      R.after = basket(hp[0], hp[1], true, 'bystander');
      R.basketFirst = true;
    }
    if (pose === 'point') {
      L.p = relaxed(sL, -1, 6);
      L.hand = 'fist';
      const hp = add(L.p[2], [0, 6]);
      L.after = basket(hp[0], hp[1], true, 'bystander');
      L.basketFirst = true;
    }
    if (pose === 'arms-crossed') extraBack += basket(cx + 88, GROUND - 62, false, 'bystander');
  }
  if (pose === 'kneel') {
    const w = L.p[2];
    L.tin = heldTin(c, w[0] - 6, w[1] - 4);
  }
  for (const A of [L, R]) {
    let s = A.pre || '';
    if (A.basketFirst) s += A.after;
    if (A.tin) {
      // tin sits in the fist: draw arm, tin, then the fist again on top
      s += arm(c, { ...A, hand: 'none' }) + A.tin;
    } else s += arm(c, A);
    s += A.post || '';
    seq.push(s);
  }
  return { before: before.join(''), arms: seq.join(''), back: extraBack };
}

function characterSvg(name, pose) {
  const c = CHARS[name];
  const S = skeleton(c, pose);
  const hr = hair(c, S);
  const A = arms(c, S, pose, name);
  let fig = '';
  fig += hr.back;
  fig += hoodBack(c, S);
  fig += legs(c, S);
  fig += neck(c, S);
  fig += torso(c, S);
  fig += head(c, S);
  fig += hr.front;
  fig += A.before;
  fig += A.arms;
  const defs = el(
    'filter',
    { id: 'o', x: '-10%', y: '-10%', width: '120%', height: '120%' },
    `<feMorphology in="SourceAlpha" operator="dilate" radius="1.6" result="d"/><feFlood flood-color="${SKIN_OUT}" flood-opacity="0.9"/><feComposite in2="d" operator="in" result="o"/><feMerge><feMergeNode in="o"/><feMergeNode in="SourceGraphic"/></feMerge>`,
  );
  const shadowW = S.kneel ? 78 : 58;
  let body = ell(CX + (S.kneel ? 10 : 0), GROUND, shadowW, 9, '#2a1a2e', { opacity: 0.22 });
  body += g(A.back + fig, { filter: 'url(#o)' });
  return {
    svg: svgDoc(CHAR_W, CHAR_H, body, defs),
    face: { x: S.cx, y: S.fy },
  };
}

// ================================================================= FACES ==

const FACE_INK = '#2b1e1b';
const MOUTH = '#7a2e2a';

function faceSvg(expr) {
  // eyes at (21,29) & (43,29); brows ~y19; mouth ~y45
  const eye = (x, y, rx = 3.4, ry = 4.4) => ell(x, y, rx, ry, FACE_INK) + circ(x + 1.1, y - 1.5, 1.1, '#fff');
  const brow = (d, w = 3.2) => line(d, FACE_INK, w, { opacity: 0.9 });
  const blush = (o = 0.35) =>
    ell(15, 39, 5.5, 3.2, '#e8707a', { opacity: o }) + ell(49, 39, 5.5, 3.2, '#e8707a', { opacity: o });
  const drop = (x, y) =>
    path(`M${x} ${y}q-5 7 -5 10a5 5 0 0 0 10 0q0 -3 -5 -10z`, '#8fd0f0', {
      stroke: '#4f9cc4',
      'stroke-width': 1,
    });
  let s = '';
  switch (expr) {
    case 'neutral':
      s += eye(21, 29) + eye(43, 29);
      s += brow('M15 19.5q6 -2.5 11 -0.5M38 19q5 -2 11 0.5');
      s += line('M27 45.5q5 1.2 10 0', MOUTH, 2.4);
      break;
    case 'pleased':
      s += line('M16.5 30q4.5 -6 9 0M38.5 30q4.5 -6 9 0', FACE_INK, 2.8);
      s += brow('M15 17.5q6 -4 11 -1.5M38 16q5 -2.5 11 1.5');
      s += path('M23.5 41.5q8.5 3 17 0q-1 10 -8.5 10.5q-7.5 -0.5 -8.5 -10.5z', MOUTH);
      s += path('M27.5 48.5q4.5 -3 9 0q-2 3 -4.5 3q-2.5 0 -4.5 -3z', '#e07a78');
      s += path('M25 42.2q7 2 14 0v1.8q-7 2 -14 0z', '#fff');
      s += blush(0.4);
      break;
    case 'annoyed':
      s +=
        path('M17.4 28h7.2v1.2a3.6 3.8 0 0 1 -7.2 0z', FACE_INK) +
        path('M39.4 28h7.2v1.2a3.6 3.8 0 0 1 -7.2 0z', FACE_INK);
      s += line('M16 27.2h10M38 27.2h10', FACE_INK, 1.6);
      s += brow('M15 21.5l11 1.8M38 23.3l11 -1.8', 3.4);
      s += line('M26 46.5q6 -2.5 12 0.8', MOUTH, 2.4);
      break;
    case 'angry':
      s +=
        path('M17.2 27.8l7.4 2.2v0.6a3.7 3.6 0 0 1 -7.4 0z', FACE_INK) +
        path('M46.8 27.8l-7.4 2.2v0.6a3.7 3.6 0 0 0 7.4 0z', FACE_INK);
      s += brow('M14 18.5l12.5 6M50 18.5l-12.5 6', 3.8);
      s += path('M22 50q10 -13 20 0q-10 2.5 -20 0z', MOUTH);
      s += path('M24.6 46.6q7.4 -6.4 14.8 0l-1 1.2q-6.4 -4 -12.8 0z', '#fff');
      s +=
        ell(15, 39, 6, 3.4, '#e0434a', { opacity: 0.35 }) + ell(49, 39, 6, 3.4, '#e0434a', { opacity: 0.35 });
      break;
    case 'confused':
      s += eye(21, 29, 3.2, 4.2) + eye(43, 29.5, 3.8, 4.8);
      s += brow('M15 22.5q6 -1 11 1M37 16q6 -4.5 12 -0.5');
      s += line('M25 46q2.5 -2.5 5 0t5 0t5 -1', MOUTH, 2.3);
      s += drop(55, 19);
      break;
    case 'relieved':
      s += line('M16.5 29q4.5 4.5 9 0M38.5 29q4.5 4.5 9 0', FACE_INK, 2.6);
      s += brow('M15 19q5 -3 11 -4M38 15q6 1 11 4');
      s += path('M26 44q6 4 12 0q-1.5 4 -6 4q-4.5 0 -6 -4z', MOUTH);
      s += blush(0.28);
      s += drop(55, 21);
      break;
    default:
      break;
  }
  return svgDoc(FACE, FACE, s);
}

// ================================================================== DESK ==
//
// The contact-centre scene: the trainee's desk seen from across it, the floor
// behind. In the game a dialogue panel covers x >= 768, so everything that
// matters sits in the left 60%. The agent sits behind the desk facing us; the
// agent image is cut where the desk top hides the body (AGENT_CUT), which lines
// up with the desk's far edge (DESK.back) when placed at AGENT_STAGE.

const DESK = { back: 498, front: 606, lip: 626 };
const AGENT_W = 320;
const AGENT_H = 280;
const AGENT_SY = 138; // shoulder line in the agent image
const AGENT_CUT = AGENT_SY + 70;
/** Bottom-centre of the agent image in desk.svg coordinates. */
const AGENT_STAGE = { x: 380, y: DESK.back + AGENT_H - AGENT_CUT };
/** desk.svg point -> agent image point */
const toAgent = ([x, y]) => [x - AGENT_STAGE.x + AGENT_W / 2, y - AGENT_STAGE.y + AGENT_H];
// the desk phone (desk.svg coordinates)
const PHONE = { x0: 462, x1: 604, top: 503, bot: 550 };
const PHONE_C = [Math.round((PHONE.x0 + PHONE.x1) / 2), Math.round((PHONE.top + PHONE.bot) / 2 + 2)];
const HOLD_BTN = [479, 541];
const RING_W = 180;
const RING_H = 120;
const HOLD_W = 40;

const deskDefs = () =>
  [
    el(
      'linearGradient',
      { id: 'dsky', x1: 0, x2: 0, y1: 100, y2: 338, gradientUnits: 'userSpaceOnUse' },
      [
        el('stop', { offset: 0, 'stop-color': '#3a3566' }),
        el('stop', { offset: 0.38, 'stop-color': '#7a5283' }),
        el('stop', { offset: 0.7, 'stop-color': '#d77b74' }),
        el('stop', { offset: 1, 'stop-color': '#f7b86c' }),
      ].join(''),
    ),
    el(
      'radialGradient',
      { id: 'sun', cx: 0.5, cy: 0.5, r: 0.5 },
      el('stop', { offset: 0, 'stop-color': '#ffe0a0', 'stop-opacity': 0.85 }) +
        el('stop', { offset: 1, 'stop-color': '#ffd08a', 'stop-opacity': 0 }),
    ),
    el(
      'linearGradient',
      { id: 'dtop', x1: 0, x2: 0, y1: 0, y2: 1 },
      el('stop', { offset: 0, 'stop-color': '#dcc39c' }) + el('stop', { offset: 1, 'stop-color': '#ecdcbf' }),
    ),
    el(
      'linearGradient',
      { id: 'carpet', x1: 0, x2: 0, y1: 0, y2: 1 },
      el('stop', { offset: 0, 'stop-color': '#8f8390' }) + el('stop', { offset: 1, 'stop-color': '#a8998f' }),
    ),
    el(
      'linearGradient',
      { id: 'under', x1: 0, x2: 0, y1: 0, y2: 1 },
      el('stop', { offset: 0, 'stop-color': '#2a1a2e', 'stop-opacity': 0.35 }) +
        el('stop', { offset: 1, 'stop-color': '#2a1a2e', 'stop-opacity': 0 }),
    ),
    el(
      'radialGradient',
      { id: 'glow', cx: 0.5, cy: 0.5, r: 0.5 },
      el('stop', { offset: 0, 'stop-color': '#fffbe9', 'stop-opacity': 0.55 }) +
        el('stop', { offset: 1, 'stop-color': '#fffbe9', 'stop-opacity': 0 }),
    ),
    el(
      'radialGradient',
      { id: 'vig', cx: 0.42, cy: 0.45, r: 0.78 },
      el('stop', { offset: 0.6, 'stop-color': '#3a2030', 'stop-opacity': 0 }) +
        el('stop', { offset: 1, 'stop-color': '#3a2030', 'stop-opacity': 0.24 }),
    ),
  ].join('');

function deskCeiling() {
  let s = rect(0, 0, W, 80, '#f1e8da');
  s += line('M0 26H1280M0 50H1280M0 66H1280', '#e4d9c8', 1.5);
  const L = rectBatch();
  for (const [y, h, w, n] of [
    [8, 8, 170, 4],
    [36, 6, 120, 5],
    [56, 4, 84, 7],
  ]) {
    for (let i = 0; i < n; i++) {
      const x = (W / n) * (i + 0.5) - w / 2;
      L.add(x - 4, y - 2, w + 8, h + 4, '#d6cab8');
      L.add(x, y, w, h, '#fffdf3');
    }
  }
  s += L.out();
  // hanging acoustic baffles
  const B = rectBatch();
  for (let i = 0; i < 11; i++) {
    const x = 40 + i * 30;
    B.add(x, 44, 12, 30, i % 3 === 1 ? '#d9824f' : '#3f6f78');
    B.add(x + 9, 44, 3, 30, '#2a1a2e');
  }
  for (let i = 0; i < 12; i++) {
    const x = 790 + i * 38;
    B.add(x, 40, 14, 34, i % 3 === 2 ? '#d9824f' : '#3f6f78');
    B.add(x + 10, 40, 4, 34, '#2a1a2e');
  }
  s += B.out();
  s += rect(0, 76, W, 5, '#d8cbb8');
  return s;
}

function deskWindows(rand) {
  const top = 100;
  const bot = 338;
  let s = rect(0, 80, W, 336, '#e9dccb');
  s += rect(0, top, W, bot - top, 'url(#dsky)');
  s += ell(190, 318, 300, 130, 'url(#sun)');
  s += circ(190, 322, 24, '#ffe4ad', { opacity: 0.9 });
  s += ell(420, 168, 130, 6, '#f2b39e', { opacity: 0.5 }) + ell(520, 184, 80, 4, '#f2b39e', { opacity: 0.4 });
  s += ell(960, 150, 150, 7, '#c98a9c', { opacity: 0.45 }) + ell(90, 200, 90, 5, '#f6c39a', { opacity: 0.5 });
  const far = rectBatch();
  const near = rectBatch();
  const lit = rectBatch();
  let x = 0;
  while (x < W) {
    const w = 30 + rand() * 60;
    const h = 40 + rand() * 80;
    far.add(x, bot - h, w, h, '#9a7392');
    x += w + rand() * 8;
  }
  x = -10;
  while (x < W) {
    const w = 44 + rand() * 60;
    const h = 20 + rand() * 56;
    near.add(x, bot - h, w, h, '#5d4870');
    for (let yy = bot - h + 8; yy < bot - 8; yy += 12)
      for (let xx = x + 6; xx < x + w - 8; xx += 11) if (rand() < 0.35) lit.add(xx, yy, 5, 6, '#f6c978');
    x += w + 3 + rand() * 14;
  }
  s += far.out({ opacity: 0.75 }) + near.out() + lit.out({ opacity: 0.85 });
  // glass sheen
  s += line('M40 330L150 104M90 330L190 124M700 330L800 104M740 330L830 124', '#fff', 12, { opacity: 0.08 });
  // frames: head, sill, transom, mullions
  const F = rectBatch();
  F.add(0, top - 4, W, 6, '#6f6470');
  F.add(0, 150, W, 4, '#6f6470');
  for (let i = 0; i < 4; i++) F.add(i * 320 + 158, top, 5, bot - top, '#6f6470');
  F.add(0, bot - 2, W, 4, '#6f6470');
  F.add(0, bot + 2, W, 8, '#e2d4bf');
  F.add(0, bot + 10, W, 3, '#c8b59c');
  F.add(0, 404, W, 10, '#c8b59c');
  s += F.out();
  // pillars clad in fabric acoustic panels
  const fab = ['#4f8c88', '#e08a5a', '#56688c', '#4f8c88', '#e08a5a'];
  for (let i = 0; i <= 4; i++) {
    const px = i * 320 - 30;
    s += rect(px, 80, 60, 334, '#e3d4c0');
    s += rect(px + 52, 80, 8, 334, '#cdbda7');
    s +=
      rect(px + 8, 112, 40, 96, fab[i], { rx: 3 }) + rect(px + 8, 216, 40, 96, dk(fab[i], 0.12), { rx: 3 });
    s += rect(px + 12, 116, 32, 88, 'none', {
      rx: 2,
      stroke: lt(fab[i], 0.3),
      'stroke-width': 1.2,
      'stroke-dasharray': '3 3',
    });
  }
  return s;
}

/** The queue board hanging from the ceiling. */
function queueBoard() {
  const x = 410;
  const y = 100;
  let s = line(`M${x + 40} 80V${y}M${x + 266} 80V${y}`, '#8a8f96', 2);
  s += rect(x + 4, y + 6, 306, 106, '#13202a', { rx: 10, opacity: 0.25 });
  s += rect(x, y, 306, 106, '#1d2b36', { rx: 10 });
  s += rect(x + 7, y + 7, 292, 92, '#243c4c', { rx: 6 });
  s += text(x + 18, y + 24, 'QUEUE · CUSTOMER CARE', 11, '#9fc3cf', { 'letter-spacing': 1.2 });
  s +=
    circ(x + 286, y + 20, 5, '#ef5b4a') +
    text(x + 276, y + 24, 'LIVE', 10, '#ef8b7a', { 'text-anchor': 'end' });
  const tile = (tx, label, value, col) =>
    rect(tx, y + 32, 136, 60, '#2d5064', { rx: 5 }) +
    text(tx + 10, y + 49, label, 13, '#e6eef2', { 'font-weight': 400 }) +
    text(tx + 10, y + 85, value, 34, col);
  s += tile(x + 14, 'Calls waiting', '7', PAL.amber);
  s += tile(x + 156, 'Longest wait', '12:40', '#ff8a6b');
  s += rect(x + 40, y + 62, 90, 20, 'none');
  // little bar chart beside the 7
  const bars = [10, 16, 12, 22, 26];
  let d = '';
  bars.forEach((h, i) => {
    d += `M${x + 100 + i * 8} ${y + 86}v${-h}`;
  });
  s += line(d, '#f4b94280', 5, { 'stroke-linecap': 'butt' });
  return g(`<title>Calls waiting 7 · Longest wait 12:40</title>${s}`);
}

/** A colleague seen over their desk screen: unit figure scaled by s, origin at (x, y). */
function deskPerson(x, y, s, c, haze) {
  const H2 = (col) => mix(col, '#b9a9a6', haze);
  let t = path('M-46 40V-8Q-46 -30 -20 -32H20Q46 -30 46 -8V40Z', H2(c.top));
  t += rect(-9, -46, 18, 18, H2(dk(c.skin, 0.1)));
  t += ell(0, -64, 22, 26, H2(c.skin));
  if (c.hair === 'long')
    t += path('M-24 -60Q-28 -94 0 -94Q28 -94 24 -60V-26H14V-64Q0 -80 -14 -64V-26H-24Z', H2(c.hc));
  else if (c.hair === 'bun')
    t +=
      circ(0, -96, 11, H2(c.hc)) +
      path('M-23 -60Q-24 -92 0 -92Q24 -92 23 -60Q12 -80 0 -80Q-12 -80 -23 -60Z', H2(c.hc));
  else t += path('M-23 -58Q-26 -94 0 -94Q26 -94 23 -58Q18 -76 2 -80Q-14 -76 -23 -58Z', H2(c.hc));
  if (c.face) t += circ(-8, -62, 2.6, H2(FACE_INK)) + circ(8, -62, 2.6, H2(FACE_INK));
  const hs = H2('#30343b');
  t += line('M-25 -62C-27 -104 27 -104 25 -62', hs, 5);
  t += rect(-30, -72, 10, 20, hs, { rx: 4 }) + rect(20, -72, 10, 20, hs, { rx: 4 });
  t += line('M-26 -54Q-24 -40 -8 -40', hs, 3);
  return g(t, { transform: `translate(${num(x)} ${num(y)}) scale(${s})` });
}

const DESK_PEOPLE = [
  { top: '#2a9d8f', skin: '#f1c6a0', hc: '#7b4a2c', hair: 'short', face: true },
  { top: '#e8743b', skin: '#8a5a3c', hc: '#231815', hair: 'bun', face: true },
  { top: '#4a5fa8', skin: '#e3b594', hc: '#c9a25a', hair: 'long', face: true },
  { top: '#c94f7c', skin: '#b87a55', hc: '#1f1614', hair: 'long', face: true },
  { top: '#f2b134', skin: '#f3d2bd', hc: '#4a3426', hair: 'short', face: true },
  { top: '#3c8d6e', skin: '#6e452f', hc: '#1a1210', hair: 'short', face: true },
];

/** A row of bench desks with colleagues, seen from the front. */
function deskRow(rand, top, floorY, s, haze, seats) {
  const H2 = (col) => mix(col, '#b9a9a6', haze);
  let out = '';
  // desk top edge behind the screen
  out += rect(0, top - 8 * s, W, 8 * s, H2('#cdb28c'));
  for (const [i, x] of seats.entries()) {
    const p = DESK_PEOPLE[(i * 5 + seats.length) % DESK_PEOPLE.length];
    const busy = rand() < 0.8;
    if (busy) out += deskPerson(x + (rand() - 0.5) * 10 * s, top, s, p, haze);
    else out += rect(x - 30 * s, top - 58 * s, 60 * s, 58 * s, H2('#4a4f57'), { rx: 10 * s }); // empty chair back
    // monitor back, off to one side so the face shows
    const mx = x + (i % 2 ? 1 : -1) * 52 * s;
    out += rect(mx - 34 * s, top - 46 * s, 68 * s, 44 * s, H2('#3a3f47'), { rx: 4 * s });
    out += rect(mx - 30 * s, top - 42 * s, 60 * s, 4 * s, H2('#50565f'), { rx: 2 * s });
  }
  // the fabric screen along the front of the desks, then the modesty panel
  const scr = top + 30 * s;
  out += rect(0, top, W, scr - top, H2('#4f7d86'));
  out += rect(0, top, W, 5 * s, H2('#36545c'));
  out += rect(0, scr, W, floorY - scr, H2('#b8a68f'));
  const seam = rectBatch();
  for (let x = 160; x < W; x += 320) seam.add(x - 2 * s, top, 4 * s, floorY - top, H2('#36545c'));
  out += seam.out();
  out += rect(0, floorY, W, 12 * s, 'url(#under)');
  return out;
}

/** The CRM screen: an abstract layout in a 204 x 120 box at (x, y). */
function crmScreen(x, y) {
  const B = rectBatch();
  const r = (a, b, w, h, c) => B.add(x + a, y + b, w, h, c);
  r(0, 0, 204, 120, '#f4f1ea');
  r(0, 0, 204, 12, PAL.petrol);
  r(150, 3, 48, 6, '#3f7a87');
  for (let i = 0; i < 3; i++) r(6 + i * 7, 4, 4, 4, '#fff');
  r(0, 12, 28, 108, '#dfe6e8');
  for (let i = 0; i < 5; i++) r(8, 20 + i * 16, 12, 9, i === 1 ? PAL.orange : '#9fb3bd');
  // customer card
  r(34, 18, 82, 40, '#fffdf8');
  r(66, 24, 42, 6, '#2e2430');
  r(66, 34, 34, 4, '#a9b3bb');
  r(66, 41, 40, 4, '#a9b3bb');
  r(40, 49, 30, 5, PAL.teal);
  // call status + timer
  r(122, 18, 76, 18, PAL.teal);
  r(128, 24, 34, 6, '#e9fbf7');
  r(170, 24, 22, 6, '#bdeee6');
  r(122, 40, 76, 18, '#fffdf8');
  r(128, 46, 50, 5, '#c7cfd4');
  // case history rows with status pills
  const pills = [PAL.amber, PAL.red, PAL.teal, '#9fb3bd'];
  for (let i = 0; i < 4; i++) {
    r(34, 64 + i * 13, 164, 11, i % 2 ? '#ebe6dc' : '#fffdf8');
    r(38, 67 + i * 13, 70, 4, '#a9b3bb');
    r(114, 67 + i * 13, 40, 4, '#cdd3d8');
    r(170, 66 + i * 13, 22, 6, pills[i]);
  }
  let s = B.out();
  s += circ(x + 51, y + 33, 10, PAL.orange) + circ(x + 51, y + 30, 4, '#fde4cf');
  s += path(`M${x + 44} ${y + 40}q7 -7 14 0`, '#fde4cf');
  s += line(`M${x + 4} ${y + 116}L${x + 60} ${y + 4}M${x + 40} ${y + 116}L${x + 96} ${y + 4}`, '#fff', 10, {
    opacity: 0.12,
  });
  return s;
}

const sticky = (x, y, w, col, rot, lines = 3) =>
  g(
    rect(0, 0, w, w, col, { rx: 1 }) +
      rect(0, 0, w, 4, dk(col, 0.12)) +
      line(
        Array.from(
          { length: lines },
          (_, i) => `M4 ${num(9 + i * ((w - 12) / lines))}h${num(w - 8 - (i % 2) * 6)}`,
        ).join(''),
        '#6b5a7a',
        1.3,
      ),
    { transform: `translate(${x} ${y}) rotate(${rot})` },
  );

function deskProps() {
  let s = '';
  // soft shadows
  s +=
    ell(188, 528, 70, 8, '#2a1a2e', { opacity: 0.16 }) +
    ell(PHONE_C[0], PHONE.bot + 4, 82, 7, '#2a1a2e', {
      opacity: 0.16,
    });
  s += ell(380, 548, 78, 6, '#2a1a2e', { opacity: 0.14 });
  // glow of the screen on the desk
  s += ell(188, 512, 140, 26, 'url(#glow)');
  // monitor
  s += rect(176, 478, 24, 46, '#4a4f57') + rect(194, 478, 6, 46, '#3a3f47');
  s += ell(188, 524, 46, 9, '#3a3f47') + ell(188, 522, 44, 7, '#4a4f57');
  s += rect(78, 338, 222, 146, '#2b2f36', { rx: 7 });
  s += rect(296, 342, 8, 138, '#1f2228', { rx: 3 });
  s += crmScreen(87, 347);
  s += circ(189, 476, 2.5, '#6c737c');
  s +=
    sticky(70, 332, 26, '#f6d55c', -8) +
    sticky(282, 414, 24, '#f7a8b8', 7, 2) +
    sticky(268, 444, 22, '#9fe0c8', -4, 2);
  // notepad + pen, sticky note on the desk
  s += poly(
    [
      [96, 556],
      [190, 554],
      [198, 598],
      [90, 600],
    ],
    '#fffaf0',
  );
  s += rect(94, 552, 96, 6, PAL.petrol, { rx: 2 });
  s += line('M104 568h78M103 576h82M102 584h60M101 592h80', '#b8c4cf', 1.6);
  s += line('M150 596l54 -30', '#2e2430', 5) + line('M150 596l54 -30', PAL.orange, 3);
  s += g(
    poly(
      [
        [0, 0],
        [26, -2],
        [30, 24],
        [2, 26],
      ],
      '#f6d55c',
    ) + line('M6 8h16M7 14h18M8 20h10', '#6b5a7a', 1.3),
    { transform: 'translate(222 566) rotate(-6)' },
  );
  // keyboard
  s += poly(
    [
      [320, 508],
      [440, 508],
      [448, 546],
      [312, 546],
    ],
    '#3a3f47',
  );
  s += rect(312, 546, 136, 4, '#2a2d33');
  let keys = '';
  for (let r = 0; r < 5; r++) {
    const y = 513 + r * 6.8;
    const inset = 6 - r * 1.6;
    keys += `M${num(324 - r * 1.6 + inset)} ${num(y)}H${num(436 + r * 1.6 - inset)}`;
  }
  s += line(keys, '#666c76', 4.6, { 'stroke-dasharray': '7.4 1.6', 'stroke-linecap': 'butt' });
  s += line('M358 542H404', '#666c76', 4.2, { 'stroke-linecap': 'butt' });
  // phone
  const { x0, x1, top, bot } = PHONE;
  s += poly(
    [
      [x0 + 4, top],
      [x1 - 4, top],
      [x1, bot],
      [x0, bot],
    ],
    '#3b3f46',
  );
  s += rect(x0, bot, x1 - x0, 6, '#2a2d33', { rx: 2 });
  // display + row of line buttons with LEDs
  s +=
    rect(x0 + 12, top + 5, 46, 13, '#bfe3d4', { rx: 2 }) +
    line(`M${x0 + 16} ${top + 10}h28M${x0 + 16} ${top + 14}h18`, '#5c7f72', 1.4);
  const lb = rectBatch();
  for (let i = 0; i < 5; i++) {
    const bx = x0 + 12 + i * 17;
    lb.add(bx, top + 24, 13, 6, '#d8d4cc');
    lb.add(bx + 1, top + 21, 4, 2, i === 0 ? '#5fd38a' : i === 2 ? PAL.amber : '#70757d');
  }
  // keypad
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 3; c++) lb.add(x0 + 30 + c * 12, top + 34 + r * 3.6, 9, 2.6, '#9aa1aa');
  s += lb.out();
  // hold button
  s += rect(HOLD_BTN[0] - 9, HOLD_BTN[1] - 6, 18, 12, '#d64541', { rx: 3 });
  s +=
    rect(HOLD_BTN[0] - 3.5, HOLD_BTN[1] - 3.5, 2.5, 7, '#fff') +
    rect(HOLD_BTN[0] + 1, HOLD_BTN[1] - 3.5, 2.5, 7, '#fff');
  // handset in its cradle + coiled cord
  const hx0 = x0 + 96;
  s += rect(hx0 - 4, top + 2, 46, bot - top - 2, '#2f3339', { rx: 6 });
  s += path(
    `M${hx0} ${top + 7}q0 -8 9 -8h20q9 0 9 8v4q0 3 -5 3h-3q-3 6 -3 10q0 4 3 10h3q5 0 5 3v4q0 8 -9 8h-20q-9 0 -9 -8z`,
    '#464b53',
  );
  s += line(`M${hx0 + 9} ${top + 2}h20M${hx0 + 9} ${bot - 3}h20`, '#5a6069', 2);
  s += line(
    `M${x1 - 2} ${bot - 4}q8 2 6 8q-6 2 -4 -6q8 -2 8 6q-6 3 -4 -6q8 -1 7 8q-6 3 -4 -6q8 0 6 10`,
    '#2f3339',
    2,
  );
  // mouse
  s +=
    ell(640, 580, 34, 12, '#d9cbb0') + ell(636, 576, 9, 12, '#4a4f57') + line('M636 566v7', '#2a2d33', 1.4);
  // mug with steam
  s += ell(678, 554, 20, 5, '#2a1a2e', { opacity: 0.18 });
  s += path('M690 526q14 0 14 12q0 12 -14 12', 'none', { stroke: PAL.teal, 'stroke-width': 5 });
  s += rect(658, 516, 34, 38, PAL.teal, { rx: 4 }) + rect(658, 530, 34, 7, PAL.orange);
  s += ell(675, 516, 17, 4.5, '#5a3a2a') + rect(682, 518, 6, 34, dk(PAL.teal, 0.15));
  s += line('M668 506q-6 -8 0 -14t0 -14M680 504q-6 -8 0 -14t0 -12', '#fff', 2.6, { opacity: 0.55 });
  // headset hook (empty: the agent is wearing it)
  s += ell(736, 558, 18, 5, '#3a3f47') + rect(733, 470, 6, 88, '#6c737c');
  s += line('M736 472q0 -14 -14 -14q-10 0 -12 10', '#4a4f57', 6);
  return s;
}

function deskFront() {
  let s = rect(0, DESK.back, W, DESK.front - DESK.back, 'url(#dtop)');
  s += rect(0, DESK.back, W, 2, '#b89a74');
  s += rect(0, DESK.front, W, DESK.lip - DESK.front, '#c29d72') + rect(0, DESK.front, W, 3, '#f4e4c6');
  s += rect(0, DESK.lip, W, H - DESK.lip, '#8d7b6e') + rect(0, DESK.lip, W, 34, 'url(#under)');
  const p = rectBatch();
  for (let x = 0; x < W; x += 420) p.add(x + 416, DESK.lip, 4, H - DESK.lip, '#7a6a5e');
  for (let x = 40; x < W; x += 24) p.add(x, 690, 10, 4, '#7a6a5e');
  s += p.out();
  // name plate on the desk edge
  s += rect(548, 609, 92, 14, '#fffaf0', { rx: 2 }) + rect(548, 609, 8, 14, PAL.orange, { rx: 1 });
  s += text(600, 620, 'TRAINEE', 10, PAL.petrol, {
    'text-anchor': 'middle',
    'letter-spacing': 1.5,
  });
  return s;
}

function deskSvg() {
  const rand = rng(14);
  let s = deskWindows(rand);
  s += deskCeiling();
  s += queueBoard();
  s += rect(0, 412, W, 308, 'url(#carpet)');
  s += line('M0 440H1280M0 470H1280', '#9c8f93', 1.2, { opacity: 0.6 });
  s += deskRow(rand, 370, 424, 0.36, 0.45, [30, 140, 250, 520, 630, 740, 860, 980, 1100, 1220]);
  s += deskRow(rand, 404, 470, 0.52, 0.2, [70, 200, 560, 700, 870, 1030, 1190]);
  // warm evening light from the low sun on the left
  s += ell(150, 400, 520, 240, 'url(#sun)', { opacity: 0.3 });
  s += deskFront();
  s += deskProps();
  s += rect(0, 0, W, H, 'url(#vig)');
  return svgDoc(W, H, s, deskDefs(), 'Contact centre · Your desk');
}

// ---------------------------------------------------------------- agent --

const AGENT = {
  sw: 38,
  ww: 32,
  hw: 34,
  skin: '#a8694a',
  hair: '#2b1d18',
  hairStyle: 'curls',
  outfit: 'cardigan',
  top: '#7d5a94',
  tee: '#f3ebdd',
};

function headset(S) {
  const { cx: fx, fy } = S;
  const hs = '#30343b';
  let s = line(
    `M${fx - 33} ${fy - 6}C${fx - 35} ${fy - 68} ${fx + 35} ${fy - 68} ${fx + 33} ${fy - 6}`,
    hs,
    6,
  );
  s += line(
    `M${fx - 24} ${fy - 36}C${fx - 14} ${fy - 50} ${fx + 14} ${fy - 50} ${fx + 24} ${fy - 36}`,
    '#5a6069',
    2,
  );
  for (const f of [-1, 1]) {
    s += rect(fx + f * 31 - 8, fy - 13, 16, 28, hs, { rx: 7 });
    s += rect(fx + f * 31 - 4, fy - 7, 8, 16, '#4a4f57', { rx: 4 });
  }
  s += circ(fx + 31, fy + 1, 2.5, PAL.orange);
  // mic boom to the corner of the mouth
  s += line(`M${fx - 33} ${fy + 8}Q${fx - 30} ${fy + 28} ${fx - 16} ${fy + 26}`, hs, 3.5);
  s += ell(fx - 13, fy + 26, 5, 4, '#1f2228');
  return s;
}

function agentTorso(c, S) {
  const { cx, sy, hy } = S;
  const t = c.top;
  const tp = { hemY: hy, hemW: S.hw };
  let s = path(torsoPath(S, tp), t) + torsoShade(S, tp, dk(t, 0.14));
  // tee in the V of the cardigan
  s += path(`M${cx - 17} ${sy - 2}L${cx - 2} ${sy + 44}H${cx + 2}L${cx + 17} ${sy - 2}Z`, c.tee);
  s += path(`M${cx - 12} ${sy - 2}Q${cx} ${sy + 8} ${cx + 12} ${sy - 2}Z`, dk(c.skin, 0.12));
  s += line(
    `M${cx - 17} ${sy - 2}L${cx - 2} ${sy + 44}V${hy}M${cx + 17} ${sy - 2}L${cx + 2} ${sy + 44}`,
    dk(t, 0.25),
    2,
  );
  for (let i = 0; i < 2; i++) s += circ(cx - 6, sy + 54 + i * 14, 2.2, lt(t, 0.45));
  // lanyard + badge
  s += line(
    `M${cx - 12} ${sy - 1}L${cx - 4} ${sy + 40}M${cx + 12} ${sy - 1}L${cx + 4} ${sy + 40}`,
    PAL.teal,
    3.5,
  );
  s +=
    rect(cx - 10, sy + 38, 20, 24, '#fffaf0', { rx: 2 }) +
    rect(cx - 10, sy + 38, 20, 7, PAL.orange, { rx: 1 });
  s +=
    rect(cx - 6, sy + 48, 8, 9, '#b8c4cf') +
    rect(cx + 3, sy + 49, 4, 2, '#888') +
    rect(cx + 3, sy + 53, 4, 2, '#aaa');
  // headset cord from the left ear cup down to the desk
  s += line(
    `M${cx - 36} ${S.fy + 14}Q${cx - 44} ${sy + 20} ${cx - 24} ${sy + 40}T${cx - 20} ${AGENT_CUT + 4}`,
    '#30343b',
    2.2,
  );
  return s;
}

function agentArms(pose, S) {
  const { cx, sy, sL, sR } = S;
  const L = { side: -1, p: [sL, [cx - 40, sy + 62], [cx - 24, sy + 98]], hand: 'rest' };
  const R = { side: 1, p: [sR, [cx + 40, sy + 62], [cx + 24, sy + 98]], hand: 'rest' };
  if (pose === 'hold') {
    const btn = toAgent(HOLD_BTN);
    const elbow = [cx + 62, sy + 50];
    const dir = unit(sub(btn, elbow));
    R.p = [sR, elbow, sub(btn, mul(dir, 25))];
    R.hand = 'point';
  } else if (pose === 'listening') {
    const cup = [S.cx + 31, S.fy + 4];
    const elbow = [cx + 72, sy + 2];
    const dir = unit(sub(cup, elbow));
    R.p = [sR, elbow, sub(cup, mul(dir, 8))];
  }
  return arm(AGENT, L) + arm(AGENT, R);
}

function agentSvg(pose) {
  const c = AGENT;
  const sy = AGENT_SY;
  const S = { cx: CX, sy, fy: sy - 46, wy: sy + 82, hy: sy + 120, sw: c.sw, ww: c.ww, hw: c.hw };
  S.sL = [CX - c.sw + 11, sy + 12];
  S.sR = [CX + c.sw - 11, sy + 12];
  const hr = hair(c, S);
  const arms = agentArms(pose, S);
  // office chair back
  let fig = path(
    `M${CX - 56} ${AGENT_CUT + 10}V${sy - 4}Q${CX - 56} ${sy - 24} ${CX - 36} ${sy - 24}H${CX + 36}Q${CX + 56} ${sy - 24} ${CX + 56} ${sy - 4}V${AGENT_CUT + 10}Z`,
    '#3a4550',
  );
  fig += rect(CX - 46, sy - 16, 92, 120, '#485562', { rx: 12 });
  fig += hr.back + neck(c, S) + agentTorso(c, S) + head(c, S) + hr.front + headset(S) + arms;
  const defs =
    el(
      'filter',
      { id: 'o', x: '-10%', y: '-10%', width: '120%', height: '120%' },
      `<feMorphology in="SourceAlpha" operator="dilate" radius="1.6" result="d"/><feFlood flood-color="${SKIN_OUT}" flood-opacity="0.9"/><feComposite in2="d" operator="in" result="o"/><feMerge><feMergeNode in="o"/><feMergeNode in="SourceGraphic"/></feMerge>`,
    ) +
    el('clipPath', { id: 'ca' }, rect(0, 0, AGENT_W, AGENT_CUT)) +
    el('clipPath', { id: 'cb' }, rect(0, AGENT_CUT, AGENT_W, AGENT_H - AGENT_CUT));
  // shadow of the body on the desk top, then the body (cut at the desk) and the arms over the desk
  let body = ell(CX, AGENT_CUT + 5, 74, 8, '#2a1a2e', { opacity: 0.2 });
  body += g(g(fig, { filter: 'url(#o)' }), { 'clip-path': 'url(#ca)' });
  body += g(g(arms, { filter: 'url(#o)' }), { 'clip-path': 'url(#cb)' });
  return { svg: svgDoc(AGENT_W, AGENT_H, body, defs), face: { x: CX, y: S.fy } };
}

// ---------------------------------------------------------- desk props --

function phoneRingSvg() {
  const cx = RING_W / 2;
  const cy = RING_H / 2;
  const defs = el(
    'radialGradient',
    { id: 'rg', cx: 0.5, cy: 0.5, r: 0.5 },
    el('stop', { offset: 0, 'stop-color': '#ffd27a', 'stop-opacity': 0.55 }) +
      el('stop', { offset: 1, 'stop-color': '#ffd27a', 'stop-opacity': 0 }),
  );
  let s = ell(cx, cy, 88, 46, 'url(#rg)');
  let d = '';
  for (const f of [-1, 1]) {
    for (const [r, h] of [
      [76, 18],
      [84, 28],
    ])
      d += `M${cx + f * (r - 6)} ${cy - h}Q${cx + f * r} ${cy} ${cx + f * (r - 6)} ${cy + h}`;
  }
  // little jolts above the handset
  d += `M${cx + 36} ${cy - 34}l4 -16M${cx + 50} ${cy - 32}l10 -12M${cx + 22} ${cy - 32}l-2 -14`;
  s += line(d, '#fffaf0', 7, { opacity: 0.9 });
  s += line(d, PAL.orange, 3.5);
  return svgDoc(RING_W, RING_H, s, defs);
}

function holdLightSvg() {
  const c = HOLD_W / 2;
  const defs = el(
    'radialGradient',
    { id: 'hg', cx: 0.5, cy: 0.5, r: 0.5 },
    el('stop', { offset: 0, 'stop-color': '#ffc23d', 'stop-opacity': 0.95 }) +
      el('stop', { offset: 0.45, 'stop-color': '#f4a52a', 'stop-opacity': 0.5 }) +
      el('stop', { offset: 1, 'stop-color': '#f4a52a', 'stop-opacity': 0 }),
  );
  return svgDoc(HOLD_W, HOLD_W, circ(c, c, c, 'url(#hg)') + circ(c, c, 5, '#fff3c4'), defs);
}

// ================================================================= WRITE ==

function main() {
  mkdirSync(OUT, { recursive: true });
  const files = {};
  files['aisle.svg'] = aisleSvg();
  files['laundry.svg'] = laundrySvg();
  files['menu.svg'] = menuSvg();
  files['desk.svg'] = deskSvg();
  const manifest = {
    backgrounds: { aisle: 'aisle.svg', laundry: 'laundry.svg', menu: 'menu.svg', desk: 'desk.svg' },
    faces: {},
    faceSize: { width: FACE, height: FACE },
    characters: {},
  };
  for (const ex of ['neutral', 'pleased', 'annoyed', 'angry', 'confused', 'relieved']) {
    const f = `face-${ex}.svg`;
    files[f] = faceSvg(ex);
    manifest.faces[ex] = f;
  }
  for (const [name, c] of Object.entries(CHARS)) {
    const poses = {};
    for (const pose of c.poses) {
      const { svg, face } = characterSvg(name, pose);
      const f = `${name}-${pose}.svg`;
      files[f] = svg;
      poses[pose] = { file: f, width: CHAR_W, height: CHAR_H, face };
    }
    manifest.characters[name] = { poses };
  }
  const agentPoses = {};
  for (const pose of ['seated', 'hold', 'listening']) {
    const { svg, face } = agentSvg(pose);
    const f = `agent-${pose}.svg`;
    files[f] = svg;
    agentPoses[pose] = { file: f, width: AGENT_W, height: AGENT_H, face };
  }
  manifest.characters.agent = { poses: agentPoses };
  // where things go on a background, in its pixels: characters by their bottom-centre, props by their centre
  manifest.stage = { desk: { agent: { ...AGENT_STAGE } } };
  files['phone-ring.svg'] = phoneRingSvg();
  files['hold-light.svg'] = holdLightSvg();
  manifest.props = {
    phoneRing: { file: 'phone-ring.svg', x: PHONE_C[0], y: PHONE_C[1], width: RING_W, height: RING_H },
    holdLight: { file: 'hold-light.svg', x: HOLD_BTN[0], y: HOLD_BTN[1], width: HOLD_W, height: HOLD_W },
  };
  files['manifest.json'] = `${JSON.stringify(manifest, null, '\t')}\n`;
  let total = 0;
  for (const [f, data] of Object.entries(files)) {
    writeFileSync(join(OUT, f), data);
    total += Buffer.byteLength(data);
  }
  console.log(`wrote ${Object.keys(files).length} files to ${OUT} (${(total / 1024).toFixed(1)} KB)`);
}

main();
