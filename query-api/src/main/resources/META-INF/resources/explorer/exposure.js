// /exposures/{name}: metadata, products with provenance, the ingest log, and the slope image as a heat map with a
// chosen integration, a stretchable colour scale, DQ overlays, hover read-out, click to a pixel, region downloads.
import { api, apiBytes, apiUrl, el, f32, field, flagNames, numbers, pathParts, pixelLink, run, setState, show,
  state } from './common.js';
import { readFits } from './fits.js';
import { heatmap, percentiles, sortedFinite } from './heatmap.js';

const SLOPES = ['RATEINTS', 'RATE', 'QUICKLOOK'];
const TABLE_LIMIT = 10000;
// Bands of FITS planes (4 bytes a pixel each) stay well under the API's default 16 MB response limit.
const BAND_BYTES = 8 * 1024 * 1024;

run(async () => {
  const [name] = pathParts('/exposures/');
  const path = '/exposures/' + encodeURIComponent(name);
  const [detail, flags] = await Promise.all([api(path), api('/flags')]);
  performance.mark('exposure read');
  const e = detail.exposure;
  const s = state();
  const loaded = SLOPES.filter((p) => e.productsLoaded.includes(p));
  const image = el('section', { id: 'image' });
  show(el('h1', {}, e.name), metadata(e), el('h2', {}, 'Slope image'), image,
    el('h2', {}, 'Products'), products(detail.products), el('h2', {}, 'Ingest log'), ingest(detail.ingest));
  if (loaded.length === 0) {
    image.append(el('p', {}, 'No slopes are loaded for this exposure yet (RATEINTS, RATE or the quick look).'));
    return;
  }
  const product = loaded.includes(s.get('product')) ? s.get('product') : loaded[0];
  const integrations = product === 'RATE' ? 1 : e.nints;
  const integration = Math.min(integrations, Math.max(1, Number(s.get('integration')) || 1));
  await slopeImage(image, path, e, product, loaded, integration, integrations, flags, s);
});

function metadata(e) {
  const keys = ['detector', 'scaId', 'subarray', 'substrt1', 'substrt2', 'subsize1', 'subsize2', 'readpatt', 'nints',
    'ngroups', 'nframes', 'tframe', 'tgroup', 'dateObs', 'dateEnd', 'expType', 'origin', 'productsLoaded'];
  return el('dl', { class: 'meta' }, keys.flatMap((k) => [el('dt', {}, k),
    el('dd', {}, k === 'detector' ? el('a', { href: '/detectors/' + e.detector + '/health' }, e.detector)
      : Array.isArray(e[k]) ? e[k].join(', ') : e[k] === null ? '—' : String(e[k]))]));
}

function products(list) {
  return el('div', {}, list.map((p) => el('details', { class: 'product' },
    el('summary', {}, el('strong', {}, p.kind), ' ', p.state, ' · ', p.sourceKey, ' · ',
      p.ramps === null ? '' : p.ramps + ' ramps', p.calVer ? ' · jwst ' + p.calVer : '',
      p.crdsCtx ? ' · ' + p.crdsCtx : ''),
    el('dl', { class: 'meta' }, ['checksum', 'sourceSize', 'splitAt', 'loadedAt', 'chunkCount', 'calVcs', 'crdsVer']
      .flatMap((k) => [el('dt', {}, k), el('dd', {}, p[k] === null ? '—' : String(p[k]))])),
    keyValues('Steps', p.steps), keyValues('Reference files', p.referenceFiles),
    el('details', {}, el('summary', {}, 'Primary header (' + (p.header || []).length + ' cards)'),
      el('pre', { class: 'header' }, (p.header || []).map((c) => c.keyword.padEnd(8) + ' = ' + c.value
        + (c.comment ? ' / ' + c.comment : '')).join('\n'))))));
}

function keyValues(title, map) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return null;
  return el('table', { class: 'list' }, el('caption', {}, title),
    el('tbody', {}, entries.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v)))));
}

function ingest(log) {
  return el('table', { class: 'list' }, el('thead', {}, el('tr', {}, ['object', 'product', 'state', 'reason', 'received',
    'updated'].map((c) => el('th', { scope: 'col' }, c)))), el('tbody', {}, (log || []).map((i) => el('tr', {},
    [i.objectKey, i.productKind, i.state, i.reason || '', i.receivedAt || '', i.updatedAt || ''].map((c) => el('td', {}, c))))));
}

async function slopeImage(section, path, e, product, loaded, integration, integrations, flags, s) {
  const img = Object.assign({ width: e.subsize1, height: e.subsize2, firstRow: e.substrt2, firstCol: e.substrt1,
    dq: new Uint32Array(e.subsize1 * e.subsize2) }, await slopePlanes(path, e, product, integration, ['SCI']));
  performance.mark('SCI read');
  const sorted = sortedFinite(sample(img.sci));
  const [p1, p99] = percentiles(sorted, 1, 99);
  performance.mark('percentiles');
  const opts = {
    scale: s.get('scale') === 'log' ? 'log' : 'linear',
    low: s.has('low') ? Number(s.get('low')) : p1,
    high: s.has('high') ? Number(s.get('high')) : p99,
    zoom: Number(s.get('zoom')) || Math.max(1, Math.min(8, Math.floor(640 / Math.max(img.width, img.height)))),
    mask: 0,
  };
  const readout = el('p', { class: 'readout', 'aria-live': 'polite' }, 'Hover over the image (or focus it and use the'
    + ' arrow keys) for a pixel\'s value; click (Enter) opens the pixel; shift-drag selects a region.');
  const map = heatmap(img, Object.assign(opts, {
    onHover: (row, col, i) => readout.replaceChildren('row ' + row + ', column ' + col + ': ' + f32(img.sci[i])
      + (img.err ? ' ± ' + f32(img.err[i]) : '') + ' DN/s', img.dq[i] ? ' · DQ ' + img.dq[i] + ' ' + flagNames(img.dq[i], flags).join(' ')
      : ''),
    onPick: (row, col) => { location.href = '/pixels/' + e.detector + '/' + row + '/' + col; },
    onSelect: (rows, cols) => { setState({ rows: rows.join(':'), cols: cols.join(':') }); location.reload(); },
    onZoom: (zoom) => { opts.zoom = zoom; setState({ zoom }); map.draw(); },
  }));
  const redraw = (changes) => { Object.assign(opts, changes); setState(changes); map.draw(); };
  const pick = (label, name, values, current, onchange) => field(label, el('select', { name, onchange },
    values.map((v) => el('option', { value: v, selected: String(v) === String(current) }, String(v)))));
  const low = el('input', { name: 'low', value: f32(opts.low), size: 10 });
  const high = el('input', { name: 'high', value: f32(opts.high), size: 10 });
  const controls = el('form', { class: 'controls', onsubmit: (ev) => {
    ev.preventDefault();
    redraw({ low: Number(low.value), high: Number(high.value) });
  } },
  pick('product', 'product', loaded, product, (ev) => { setState({ product: ev.target.value }); location.reload(); }),
  product === 'RATE' ? null : pick('integration', 'integration', Array.from({ length: integrations }, (_, i) => i + 1),
    integration, (ev) => { setState({ integration: ev.target.value }); location.reload(); }),
  pick('scale', 'scale', ['linear', 'log'], opts.scale, (ev) => redraw({ scale: ev.target.value })),
  pick('limits', 'limits', ['custom', '1-99', '0.5-99.5', '5-95', 'min-max'], 'custom', (ev) => {
    if (ev.target.value === 'custom') return;
    const [l, h] = ev.target.value === 'min-max' ? extremes(img.sci)
      : percentiles(sorted, ...ev.target.value.split('-').map(Number));
    low.value = f32(l); high.value = f32(h);
    redraw({ low: l, high: h });
  }),
  field('low', low), field('high', high), el('button', {}, 'Stretch'),
  el('span', { class: 'zoom' }, 'zoom ', [0.5, 1, 2, 4, 8].map((z) => el('button', { type: 'button',
    onclick: () => { opts.zoom = z; setState({ zoom: z }); map.draw(); } }, z + '×'))));
  const overlays = el('fieldset', { class: 'overlays' }, el('legend', {}, 'DQ overlay'), 'reading the DQ plane…');
  performance.mark('image drawn');
  // DQ and ERR come after the image is drawn: the overlays, the read-out and the table need them, the picture not.
  const planes = slopePlanes(path, e, product, integration, ['DQ', 'ERR']).then((p) => {
    Object.assign(img, p);
    const perBit = bitCounts(img.dq);
    const present = flags.filter((f) => perBit[f.bit] > 0);
    const wanted = (s.get('overlay') || '').split(',');
    overlays.replaceChildren(el('legend', {}, 'DQ overlay'), ...(present.length === 0 ? ['no DQ flag is set in this image']
      : present.map((f) => el('label', {}, el('input', { type: 'checkbox', value: f.name,
        checked: wanted.includes(f.name), onchange: () => {
          const on = [...overlays.querySelectorAll('input:checked')].map((i) => i.value);
          redraw({ mask: present.filter((x) => on.includes(x.name)).reduce((m, x) => m | x.value, 0) });
          setState({ overlay: on.join(',') });
        } }), ' ' + f.name + ' (' + perBit[f.bit] + ')'))));
    opts.mask = present.filter((f) => wanted.includes(f.name)).reduce((m, f) => m | f.value, 0);
    if (opts.mask) map.draw();
    section.dataset.planes = 'read';
    return img.err;
  });
  section.replaceChildren(controls, overlays, map.node, readout, region(path, e, img, planes, product, integration, s,
    flags));
}

/** The smallest and largest finite values. */
function extremes(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  return [low, high];
}

/** Every k-th value, so that limits are chosen from at most 262,144 values (a full frame: every 5th pixel). */
function sample(values) {
  const step = Math.max(1, Math.ceil(values.length / 262144));
  if (step === 1) return values;
  const out = new Float32Array(Math.ceil(values.length / step));
  for (let i = 0, j = 0; i < values.length; i += step, j++) out[j] = values[i];
  return out;
}

/**
 * Planes of the slope image of one integration as FITS (planes=...): SCI to draw (4.2 MB for a full frame, against
 * 21 MB with every plane), DQ and ERR afterwards; in row bands fetched at once, each under the API's response limit.
 */
async function slopePlanes(path, e, product, integration, planes) {
  const bands = Math.ceil((e.subsize1 * e.subsize2 * 4 * planes.length) / BAND_BYTES);
  const height = Math.ceil(e.subsize2 / bands);
  const requests = [];
  for (let first = e.substrt2; first < e.substrt2 + e.subsize2; first += height) {
    const last = Math.min(first + height, e.substrt2 + e.subsize2) - 1;
    requests.push(apiBytes(path + '/slopes', { product, rows: first + ':' + last,
      integration: product === 'RATE' ? undefined : integration, planes: planes.join(','), format: 'fits' })
      .then(readFits));
  }
  const parts = await Promise.all(requests);
  const image = {};
  for (const name of planes) {
    const first = parts[0].find((h) => h.extname === name).data;
    const whole = new first.constructor(e.subsize1 * e.subsize2);
    let at = 0;
    for (const hdus of parts) {
      const data = hdus.find((h) => h.extname === name).data;
      whole.set(data, at);
      at += data.length;
    }
    image[name.toLowerCase()] = whole;
  }
  return image;
}

/** How many pixels carry each of the 32 DQ bits, in one pass (most pixels carry none). */
function bitCounts(dq) {
  const counts = new Array(32).fill(0);
  for (let i = 0; i < dq.length; i++) {
    for (let v = dq[i], bit = 0; v !== 0; bit++, v >>>= 1) {
      if (v & 1) counts[bit]++;
    }
  }
  return counts;
}

/** The selected region (default the whole image): download links and its values as a table. */
function region(path, e, img, errors, product, integration, s, flags) {
  const rows = s.get('rows') || img.firstRow + ':' + (img.firstRow + img.height - 1);
  const cols = s.get('cols') || img.firstCol + ':' + (img.firstCol + img.width - 1);
  const [r0, r1] = rows.split(':').map(Number);
  const [c0, c1] = cols.split(':').map(Number);
  const q = { rows, cols };
  const link = (label, p, extra) => el('a', { href: apiUrl(path + p, Object.assign({}, q, extra)), download: '' }, label);
  const inside = (r, c) => r >= img.firstRow && r < img.firstRow + img.height && c >= img.firstCol
    && c < img.firstCol + img.width;
  const pixels = (r1 - r0 + 1) * (c1 - c0 + 1);
  const values = async () => {
    const err = await errors;
    const list = [];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (!inside(r, c)) continue;
        const i = (r - img.firstRow) * img.width + (c - img.firstCol);
        list.push([r, c, f32(img.sci[i]), f32(err[i]), img.dq[i], flagNames(img.dq[i], flags).join(' ')]);
      }
    }
    return list;
  };
  const shown = (Math.min(r1, img.firstRow + img.height - 1) - Math.max(r0, img.firstRow) + 1)
    * (Math.min(c1, img.firstCol + img.width - 1) - Math.max(c0, img.firstCol) + 1);
  return el('div', { class: 'region' }, el('h3', {}, 'Region rows ' + rows + ', columns ' + cols),
    el('p', {}, 'Download: ramps ', link('FITS', '/ramps', { format: 'fits' }), ' · ', link('CSV', '/ramps',
      { format: 'csv' }), ' · corrected ramps ', link('FITS', '/ramps', { kind: 'corrected', format: 'fits' }), ' · ',
    link('CSV', '/ramps', { kind: 'corrected', format: 'csv' }), ' · slopes ', link('FITS', '/slopes',
      { product, format: 'fits' }), ' · ', link('CSV', '/slopes', { product, format: 'csv' }),
    s.get('rows') ? el('a', { href: '?' + without(['rows', 'cols']), class: 'reset' }, ' · whole image') : ''),
    pixels <= TABLE_LIMIT ? numbers('slopes', ['row', 'col', 'SCI', 'ERR', 'DQ', 'flags'], values,
      product + (product === 'RATE' ? '' : ' integration ' + integration), Math.max(0, shown))
      : el('p', {}, 'Select a region of at most ' + TABLE_LIMIT + ' pixels (shift-drag) to list its values.'),
    el('p', {}, 'Corner pixels: ', pixelLink(e.detector, r0, c0), ' · ', pixelLink(e.detector, r1, c1)));
}

function without(keys) {
  const s = state();
  keys.forEach((k) => s.delete(k));
  return s.toString();
}
