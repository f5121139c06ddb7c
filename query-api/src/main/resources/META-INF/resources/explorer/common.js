// What every explorer view shares: API calls with errors in words, DOM building without innerHTML (a value from the
// database can never become markup), view state in the URL, number tables behind a toggle, and uPlot charts.

const TOKEN_KEY = 'pixeldb.token';

/** An error answer of the API, or a network failure, told in words. */
export class ApiFailure extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

function headers(accept) {
  const h = { Accept: accept };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) h.Authorization = 'Bearer ' + token;
  return h;
}

/** The URL of an API path (under /api/v1) with its query; empty and undefined parameters are left out. */
export function apiUrl(path, params = {}) {
  const url = new URL('/api/v1' + path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const one of [].concat(v)) {
      if (one !== undefined && one !== null && one !== '') url.searchParams.append(k, one);
    }
  }
  return url.pathname + url.search;
}

async function request(url, accept) {
  let response;
  try {
    response = await fetch(url, { headers: headers(accept) });
  } catch (e) {
    throw new ApiFailure(0, 'the query API did not answer (' + e.message + '); is the stack up?');
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch (ignored) { /* not JSON: say the status */ }
    const message = body && body.message ? body.message : response.status + ' ' + response.statusText;
    throw new ApiFailure(response.status, message, body && body.parameter);
  }
  return response;
}

/** GET an API path as JSON. */
export async function api(path, params) {
  return (await request(apiUrl(path, params), 'application/json')).json();
}

/** GET an API path as bytes (FITS). */
export async function apiBytes(path, params) {
  return (await request(apiUrl(path, params), 'application/fits')).arrayBuffer();
}

/** Builds an element: attributes (on* are listeners) and children (strings become text, never markup). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

/** Replaces the view's content. */
export function show(...nodes) {
  const view = document.getElementById('view');
  view.replaceChildren(...nodes);
  return view;
}

/** An error box: the API's words, and for 401 a place to give a token (kept for this tab only). */
export function errorBox(error) {
  const box = el('div', { class: 'error', role: 'alert' },
    el('strong', {}, error.status ? 'The API answered ' + error.status + ': ' : 'Error: '),
    error.message, error.parameter ? ' (parameter ' + error.parameter + ')' : '');
  if (error.status === 401) {
    const input = el('input', { type: 'password', 'aria-label': 'API token', placeholder: 'bearer token' });
    box.append(el('form', { class: 'token', onsubmit: (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      location.reload();
    } }, input, el('button', {}, 'Use token')));
  }
  return box;
}

/** Runs a view's loader, showing any failure in words instead of a blank page. */
export async function run(load) {
  performance.mark('modules loaded');
  try {
    await load();
  } catch (e) {
    console.error(e);
    show(errorBox(e));
  }
  // Charts draw on the next frame: two frames later everything is on screen. drawnAt is milliseconds since the
  // navigation began (performance.now's origin), the figure the browser tests report.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  document.body.dataset.drawnAt = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
}

/** The view's state: the URL's query parameters. */
export function state() {
  return new URLSearchParams(location.search);
}

/** Writes the view's state into the URL (no reload), so a copied link reproduces the view. */
export function setState(changes) {
  const params = state();
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '' || v === false) params.delete(k);
    else params.set(k, v);
  }
  const search = params.toString();
  history.replaceState(null, '', location.pathname + (search ? '?' + search : ''));
}

/** The decoded path segments after the given prefix, e.g. pathParts('/pixels/') → ['MIRIMAGE', '10', '20']. */
export function pathParts(prefix) {
  return location.pathname.slice(prefix.length).split('/').filter((p) => p !== '').map(decodeURIComponent);
}

/** The shortest text that reads back to the same float32 (as the API writes it); '' for NaN and null. */
export function f32(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const x = Math.fround(value);
  for (let p = 1; p <= 9; p++) {
    const text = x.toPrecision(p);
    if (Math.fround(Number(text)) === x) return String(Number(text));
  }
  return String(x);
}

/**
 * A table of numbers behind a "Numbers" toggle: the accessible form of a plot, and what the browser tests read.
 * cells are strings or numbers; name becomes data-table. The rows become DOM only when the toggle is first opened:
 * a pixel's life at 100 exposures has 25,000 raw samples, which would otherwise cost more than the plots.
 */
export function numbers(name, columns, rows, caption, count) {
  const tbody = el('tbody');
  const table = el('table', { class: 'numbers', dataset: { table: name } },
    caption ? el('caption', { class: 'hidden' }, caption) : null,
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c)))), tbody);
  const size = count === undefined ? rows.length : count;
  const details = el('details', { class: 'numbers', dataset: { numbers: name } },
    el('summary', {}, 'Numbers' + (caption ? ': ' + caption : '') + ' (' + size + ' rows)'),
    el('div', { class: 'scroll' }, table));
  // rows may be a function returning the rows or their promise: they are then made only when first shown.
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.filling) return;
    details.dataset.filling = 'true';
    const fragment = document.createDocumentFragment();
    for (const r of await (typeof rows === 'function' ? rows() : rows)) {
      fragment.append(el('tr', {}, r.map((c) => el('td', {}, c))));
    }
    tbody.append(fragment);
    details.dataset.filled = 'true';
  });
  return details;
}

/** A uPlot chart in a figure; series: [{label, stroke, points?}], data: [xs, ys...]. */
export function chart(title, xLabel, yLabel, series, data, extra = {}) {
  const figure = el('figure', { class: 'chart' }, el('figcaption', {}, title));
  const width = Math.max(320, Math.min(900, (document.getElementById('view').clientWidth || 900) - 24));
  const options = Object.assign({
    width, height: 260,
    scales: { x: { time: false } },
    axes: [{ label: xLabel }, { label: yLabel }],
    series: [{ label: xLabel }].concat(series),
    cursor: { drag: { x: true, y: true, uni: 20 } },
  }, extra);
  // uPlot draws into a node that must be in the document to be measured: draw on the next frame.
  requestAnimationFrame(() => new uPlot(options, data, figure));
  return figure;
}

/** Distinct, colour-blind-safe strokes (Okabe-Ito). */
export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/** The names of the flags set in a DQ value, from /api/v1/flags. */
export function flagNames(value, flags) {
  if (!value) return [];
  return flags.filter((f) => (value & f.value) !== 0 || (f.bit === 31 && value >= 2147483648)).map((f) => f.name);
}

/** A link to a pixel's page. */
export function pixelLink(detector, row, col, text) {
  return el('a', { href: '/pixels/' + encodeURIComponent(detector) + '/' + row + '/' + col }, text || row + ', ' + col);
}

/** A link to an exposure's page. */
export function exposureLink(name) {
  return el('a', { href: '/exposures/' + encodeURIComponent(name) }, name);
}

/** A labelled form control. */
export function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}
