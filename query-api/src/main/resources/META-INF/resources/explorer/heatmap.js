// A slope image as a zoomable heat map on a canvas: one canvas pixel per detector pixel, scaled by CSS with
// pixelated rendering, so zooming costs nothing and a full frame (1032 x 1024) draws in one pass.
import { el } from './common.js';

// Viridis anchors (perceptually uniform, colour-blind safe), interpolated to 256 entries.
const ANCHORS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
const LUT = Array.from({ length: 256 }, (_, i) => {
  const t = (i / 255) * (ANCHORS.length - 1);
  const k = Math.min(ANCHORS.length - 2, Math.floor(t));
  const f = t - k;
  return ANCHORS[k].map((a, c) => Math.round(a + f * (ANCHORS[k + 1][c] - a)));
});
const OVERLAY = [255, 0, 80];

/** The sorted finite values of an image, once per image: every choice of percentile limits reads it. */
export function sortedFinite(values) {
  const sorted = Float32Array.from(values).sort(); // NaN sorts last, -Infinity first, +Infinity before NaN
  let first = 0;
  let end = sorted.length;
  while (end > 0 && !Number.isFinite(sorted[end - 1])) end--;
  while (first < end && !Number.isFinite(sorted[first])) first++;
  return sorted.subarray(first, end);
}

/** The values at the given percentiles (0-100) of sorted finite values. */
export function percentiles(sorted, ...ps) {
  return ps.map((p) => (sorted.length === 0 ? 0
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))))]));
}

/**
 * image: {width, height, firstRow, firstCol, sci, dq}; options: {scale: 'linear'|'log', low, high, mask (DQ bits to
 * overlay), zoom, onHover(row, col, index | -1), onPick(row, col), onSelect(rows, cols)}.
 */
export function heatmap(image, options) {
  const canvas = el('canvas', { width: image.width, height: image.height, class: 'heatmap', tabindex: 0,
    role: 'img', 'aria-label': 'slope image, ' + image.width + ' by ' + image.height + ' pixels' });
  const frame = el('div', { class: 'heatframe' }, canvas);
  const ctx = canvas.getContext('2d');
  const pixels = ctx.createImageData(image.width, image.height);
  let selecting = null;

  function draw() {
    const { low, high, scale, mask } = options;
    const log = scale === 'log';
    const lo = log ? Math.log10(Math.max(low, 1e-6)) : low;
    const span = (log ? Math.log10(Math.max(high, 1e-6)) : high) - lo || 1;
    const out = pixels.data;
    for (let y = 0; y < image.height; y++) {
      // FITS rows go up: the first image row is drawn at the bottom, as ds9 and matplotlib's origin='lower'.
      const src = y * image.width;
      const dst = (image.height - 1 - y) * image.width;
      for (let x = 0; x < image.width; x++) {
        const v = image.sci[src + x];
        const o = 4 * (dst + x);
        let rgb;
        if (mask && (image.dq[src + x] & mask) !== 0) rgb = OVERLAY;
        else if (!Number.isFinite(v)) rgb = [128, 128, 128];
        else {
          const t = ((log ? Math.log10(Math.max(v, 1e-6)) : v) - lo) / span;
          rgb = LUT[Math.max(0, Math.min(255, Math.round(t * 255)))];
        }
        out[o] = rgb[0]; out[o + 1] = rgb[1]; out[o + 2] = rgb[2]; out[o + 3] = 255;
      }
    }
    ctx.putImageData(pixels, 0, 0);
    canvas.style.width = image.width * options.zoom + 'px';
    canvas.style.height = image.height * options.zoom + 'px';
  }

  function at(event) {
    const box = canvas.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * image.width);
    const y = image.height - 1 - Math.floor(((event.clientY - box.top) / box.height) * image.height);
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return null;
    return { row: image.firstRow + y, col: image.firstCol + x, index: y * image.width + x };
  }

  canvas.addEventListener('mousemove', (e) => {
    const p = at(e);
    if (p) options.onHover(p.row, p.col, p.index);
  });
  canvas.addEventListener('mousedown', (e) => {
    if (e.shiftKey) selecting = at(e);
  });
  canvas.addEventListener('mouseup', (e) => {
    const p = at(e);
    if (selecting && p) {
      options.onSelect([Math.min(selecting.row, p.row), Math.max(selecting.row, p.row)],
        [Math.min(selecting.col, p.col), Math.max(selecting.col, p.col)]);
    } else if (p && !e.shiftKey) options.onPick(p.row, p.col);
    selecting = null;
  });
  // Keyboard: + and - zoom, as the zoom buttons; the arrows move a pixel cursor (shown in the read-out, as a hover),
  // Enter opens that pixel.
  let key = { x: 0, y: 0 };
  const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
  canvas.addEventListener('keydown', (e) => {
    if (e.key === '+' || e.key === '=') options.onZoom(options.zoom * 2);
    else if (e.key === '-') options.onZoom(Math.max(0.25, options.zoom / 2));
    else if (moves[e.key]) {
      const step = e.shiftKey ? 10 : 1;
      key = { x: Math.max(0, Math.min(image.width - 1, key.x + step * moves[e.key][0])),
        y: Math.max(0, Math.min(image.height - 1, key.y + step * moves[e.key][1])) };
      options.onHover(image.firstRow + key.y, image.firstCol + key.x, key.y * image.width + key.x);
    } else if (e.key === 'Enter') options.onPick(image.firstRow + key.y, image.firstCol + key.x);
    else return;
    e.preventDefault();
  });
  draw();
  return { node: frame, canvas, draw };
}
