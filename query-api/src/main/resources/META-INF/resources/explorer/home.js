// /: the exposures (filtered as /api/v1/exposures), the latest ingests, and a jump to a pixel.
import { api, apiUrl, el, exposureLink, field, run, setState, show, state } from './common.js';

const FILTERS = ['detector', 'subarray', 'readpatt', 'origin', 'expType', 'from', 'to', 'loaded', 'sort', 'limit'];

run(async () => {
  const s = state();
  const query = Object.fromEntries(FILTERS.map((k) => [k, s.get(k) || undefined]));
  query.cursor = s.get('cursor') || undefined;
  const [page, ingests] = await Promise.all([api('/exposures', query), api('/ingest', { limit: 10 })]);
  show(el('h1', {}, 'Exposures'), jump(), filters(s),
    el('table', { class: 'list', dataset: { table: 'exposures' } },
      el('thead', {}, el('tr', {}, ['name', 'detector', 'subarray', 'readout', 'ints × groups', 'DATE-OBS', 'origin',
        'products'].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, page.exposures.map((e) => el('tr', {}, el('td', {}, exposureLink(e.name)), el('td', {}, e.detector),
        el('td', {}, e.subarray), el('td', {}, e.readpatt), el('td', {}, e.nints + ' × ' + e.ngroups),
        el('td', {}, e.dateObs || '—'), el('td', {}, e.origin), el('td', {}, e.productsLoaded.join(', ')))))),
    page.exposures.length === 0 ? el('p', {}, 'No exposure matches. Drop FITS files into the bucket, or run'
      + ' ./pixeldb ingest FILE.fits.') : null,
    page.next ? el('p', {}, el('a', { rel: 'next', href: '?' + next(page.next) }, 'next page →')) : null,
    el('p', { class: 'links' }, 'As JSON: ', el('a', { href: apiUrl('/exposures', query) }, apiUrl('/exposures', query))),
    el('h2', {}, 'Latest ingests'),
    el('table', { class: 'list', dataset: { table: 'ingests' } },
      el('thead', {}, el('tr', {}, ['file', 'product', 'state', 'updated'].map((c) => el('th', { scope: 'col' }, c)))),
      el('tbody', {}, ingests.products.map((p) => el('tr', {}, el('td', {}, p.exposure
        ? el('a', { href: '/exposures/' + encodeURIComponent(p.exposure) }, p.objectKey) : p.objectKey),
      el('td', {}, p.product), el('td', { class: 'state ' + p.state }, p.state), el('td', {}, p.updatedAt || ''))))),
    el('p', {}, el('a', { href: '/ingest' }, 'All ingests →')));
});

function next(link) {
  const s = state();
  s.set('cursor', new URL(link, location.origin).searchParams.get('cursor'));
  return s.toString();
}

function filters(s) {
  const inputs = {};
  const box = (name, label, placeholder) => field(label,
    inputs[name] = el('input', { name, value: s.get(name) || '', placeholder, size: 11 }));
  return el('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    setState(Object.assign({ cursor: '' }, Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()]))));
    location.reload();
  } }, box('detector', 'detector', 'MIRIMAGE'), box('subarray', 'subarray', 'FULL'), box('readpatt', 'readout', 'FAST'),
  box('origin', 'origin', 'JPL'), box('expType', 'EXP_TYPE', 'MIR_DARK'), box('from', 'DATE-OBS from', '2018-01-01'),
  box('to', 'to', '2026-12-31'), box('loaded', 'products loaded', 'RAW,RATEINTS'), box('sort', 'sort', '-dateObs'),
  box('limit', 'per page', '100'), el('button', {}, 'Filter'));
}

/** Row and column, or the prototype's pixel id ((row - 1) * 1032 + col). */
function jump() {
  const detector = el('select', { name: 'detector', 'aria-label': 'detector' },
    ['MIRIMAGE', 'MIRIFULONG', 'MIRIFUSHORT'].map((d) => el('option', { value: d }, d)));
  const row = el('input', { name: 'row', type: 'number', min: 1, max: 1024, size: 5, 'aria-label': 'row' });
  const col = el('input', { name: 'col', type: 'number', min: 1, max: 1032, size: 5, 'aria-label': 'column' });
  const id = el('input', { name: 'pixelId', type: 'number', min: 1, max: 1024 * 1032, size: 8, 'aria-label': 'pixel id' });
  const message = el('span', { class: 'hint', role: 'status' });
  return el('form', { class: 'jump', onsubmit: (e) => {
    e.preventDefault();
    let r = Number(row.value);
    let c = Number(col.value);
    if (id.value) {
      const n = Number(id.value);
      r = Math.floor((n - 1) / 1032) + 1;
      c = n - (r - 1) * 1032;
    }
    if (!(r >= 1 && r <= 1024 && c >= 1 && c <= 1032 && Number.isInteger(r) && Number.isInteger(c))) {
      message.textContent = 'rows are 1 to 1024, columns 1 to 1032, pixel ids 1 to 1056768';
      return;
    }
    location.href = '/pixels/' + detector.value + '/' + r + '/' + c;
  } }, el('strong', {}, 'Go to pixel '), field('detector', detector), field('row', row), field('column', col),
  field('or pixel id', id), el('button', {}, 'Open'), message);
}
