// /pixels/{detector}/{row}/{col}: a pixel's life. Every exposure holding it (a page of them at a time): raw and
// corrected ramps with GROUPDQ markers, slopes with errors over time, PIXELDQ per exposure and the health timeline.
import { api, apiUrl, chart, COLOURS, el, errorBox, exposureLink, f32, field, numbers, pathParts, run, setState, show,
  state } from './common.js';

const FILTERS = ['from', 'to', 'subarray', 'readpatt', 'expType', 'origin', 'flag', 'noflag', 'integration', 'limit'];
const MARKED = ['JUMP_DET', 'SATURATED', 'DO_NOT_USE'];
const MARKS = { JUMP_DET: '▲', SATURATED: '■', DO_NOT_USE: '✕' };

run(async () => {
  const [detector, row, col] = pathParts('/pixels/');
  const s = state();
  const query = Object.fromEntries(FILTERS.map((k) => [k, s.get(k) || undefined]));
  query.cursor = s.get('cursor') || undefined;
  const path = '/pixels/' + encodeURIComponent(detector) + '/' + encodeURIComponent(row) + '/' + encodeURIComponent(col);
  // The health timeline is asked for at once, beside the life: it fills its section when it comes.
  const health = api(path + '/health').catch((e) => e);
  const life = await api(path, query);
  performance.mark('life read');
  const exposures = life.exposures;
  const overlay = s.get('layout') !== 'side';
  const ramps = el('section', { class: 'ramps' });
  show(
    el('h1', {}, life.detector + ' row ' + life.row + ', column ' + life.col,
      el('small', {}, ' pixel id ' + life.pixelId)),
    filterForm(s),
    el('p', { class: 'links' }, 'The same data: ',
      el('a', { href: apiUrl(path, Object.assign({}, query, { format: 'json' })) }, 'JSON'), ' · ',
      el('a', { href: apiUrl(path, Object.assign({}, query, { format: 'csv' })) }, 'CSV'), ' · ',
      el('a', { href: apiUrl(path, Object.assign({}, query, { format: 'fits' })) }, 'FITS'), ' · ',
      el('a', { href: apiUrl(path + '/slopes', query) }, 'slopes')),
    el('p', {}, exposures.length + ' exposure' + (exposures.length === 1 ? '' : 's') + ' on this page',
      life.next ? ' · ' : '', life.next ? el('a', { href: nextPage(life.next), rel: 'next' }, 'next page →') : ''),
    el('h2', {}, 'Ramps'),
    el('p', {}, el('a', { href: '?' + withState({ layout: overlay ? 'side' : '' }) },
      overlay ? 'Show exposures side by side' : 'Overlay the exposures'),
    ' · markers: ▲ jump, ■ saturated, ✕ do not use (GROUPDQ)'),
    ramps,
    el('h2', {}, 'Slopes over time'), slopes(exposures),
    el('h2', {}, 'Pixel DQ per exposure'), pixelDq(exposures),
    el('h2', {}, 'Health'), el('div', { id: 'health' }, el('p', { class: 'loading' }, 'Loading…')));
  drawRamps(ramps, exposures, overlay);
  performance.mark('page built');
  const h = await health;
  performance.mark('health read');
  document.getElementById('health').replaceChildren(h instanceof Error
    ? (h.status === 404 ? el('p', {}, 'No detector health for this pixel yet.') : errorBox(h)) : healthView(h));
});

function withState(changes) {
  const s = state();
  for (const [k, v] of Object.entries(changes)) {
    if (v) s.set(k, v); else s.delete(k);
  }
  return s.toString();
}

function nextPage(next) {
  const cursor = new URL(next, location.origin).searchParams.get('cursor');
  return '?' + withState({ cursor });
}

function filterForm(s) {
  const inputs = {};
  const box = (name, label, placeholder) => {
    inputs[name] = el('input', { name, value: s.get(name) || '', placeholder, size: 12 });
    return field(label, inputs[name]);
  };
  return el('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const changes = { cursor: '' };
    for (const [k, input] of Object.entries(inputs)) changes[k] = input.value.trim();
    setState(changes);
    location.reload();
  } }, box('from', 'DATE-OBS from', '2018-01-01'), box('to', 'to', '2026-12-31'), box('subarray', 'subarray', 'FULL'),
  box('readpatt', 'readout', 'FAST'), box('origin', 'origin', 'JPL'), box('integration', 'integration', 'all'),
  box('flag', 'any of flags', 'JUMP_DET'), box('noflag', 'none of flags', 'SATURATED'), box('limit', 'per page', '25'),
  el('button', {}, 'Apply'));
}

/** The ramps: per exposure, raw (DN) and corrected (SCI) samples against group number, overlaid or side by side. */
function drawRamps(section, exposures, overlay) {
  const groups = Math.max(1, ...exposures.map((e) => e.ngroups));
  const xs = Array.from({ length: groups }, (_, i) => i + 1);
  const rawRows = [];
  const correctedRows = [];
  const collect = (e, kind) => (e[kind] || []).map((r, i) => ({ e, r, colour: COLOURS[i % COLOURS.length] }));
  for (const e of exposures) {
    for (const r of e.raw || []) r.samples.forEach((v, g) => rawRows.push([e.name, r.integration, g + 1, v]));
    for (const r of e.corrected || []) {
      r.sci.forEach((v, g) => correctedRows.push([e.name, r.integration, g + 1, f32(v), r.err ? f32(r.err[g]) : '',
        r.groupdq[g], r.groupdqFlags[g].join(' ')]));
    }
  }
  const plots = el('div', { class: overlay ? 'plots' : 'plots side' });
  const groupsOf = overlay ? [exposures] : exposures.map((e) => [e]);
  for (const set of groupsOf) {
    for (const [kind, label, value] of [['raw', 'raw', (r) => r.samples], ['corrected', 'corrected SCI', (r) => r.sci]]) {
      const lines = set.flatMap((e) => collect(e, kind).map((x) => Object.assign(x, { label: e.name + ' int ' + x.r.integration })));
      if (lines.length === 0) continue;
      const data = [xs].concat(lines.map((l) => xs.map((g) => pad(value(l.r), g))));
      const series = lines.map((l, i) => ({ label: l.label, stroke: COLOURS[i % COLOURS.length], width: 1,
        points: { show: false } }));
      const flagged = kind === 'corrected' ? markers(lines, xs) : null;
      const title = (set.length === 1 ? set[0].name + ': ' : '') + label + ' ramps';
      plots.append(chart(title, 'group', kind === 'raw' ? 'DN' : 'DN (corrected)', series.concat(flagged ? flagged.series
        : []), data.concat(flagged ? flagged.data : []), many(lines.length)));
    }
  }
  section.replaceChildren(plots,
    numbers('raw', ['exposure', 'integration', 'group', 'DN'], rawRows, 'Raw samples'),
    numbers('corrected', ['exposure', 'integration', 'group', 'SCI', 'ERR', 'GROUPDQ', 'flags'], correctedRows,
      'Corrected samples'));
}

/**
 * Options for a chart of many lines (the life of a pixel in 100 exposures has 500 raw ramps): no legend and no cursor
 * point per line, each a DOM element uPlot would otherwise make and move on every mouse move.
 */
function many(count) {
  return count <= 12 ? {} : { legend: { show: false },
    cursor: { drag: { x: true, y: true, uni: 20 }, points: { show: false } } };
}

function pad(values, group) {
  const v = values[group - 1];
  return v === undefined || v === null ? null : v;
}

/** GROUPDQ markers as point-only series: one per marked flag, at the sample carrying it. */
function markers(lines, xs) {
  const series = [];
  const data = [];
  for (const flag of MARKED) {
    const ys = xs.map(() => null);
    let any = false;
    for (const l of lines) {
      l.r.groupdqFlags.forEach((names, g) => {
        if (names.includes(flag) && l.r.sci[g] !== null) {
          ys[g] = l.r.sci[g];
          any = true;
        }
      });
    }
    if (!any) continue;
    series.push({ label: MARKS[flag] + ' ' + flag, stroke: '#d00', width: 0, paths: () => null,
      points: { show: true, size: 9, fill: flag === 'DO_NOT_USE' ? '#fff' : '#d00', stroke: '#d00' } });
    data.push(ys);
  }
  return { series, data };
}

/** Slopes (SCI with ERR as a band) against DATE-OBS, one series per slope product. */
function slopes(exposures) {
  const rows = [];
  for (const e of exposures) {
    for (const sl of e.slopes || []) {
      rows.push([e.name, e.dateObs || '', sl.kind, sl.integration === null ? '' : sl.integration, f32(sl.sci),
        f32(sl.err), sl.dq, (sl.dqFlags || []).join(' ')]);
    }
  }
  if (rows.length === 0) return el('p', {}, 'No slopes for these exposures.');
  const points = rows.filter((r) => r[1] && r[4] !== '');
  const kinds = [...new Set(points.map((r) => r[2]))];
  const xs = [...new Set(points.map((r) => Date.parse(r[1]) / 1000 + (Number(r[3]) || 0)))].sort((a, b) => a - b);
  const series = [];
  const data = [xs];
  kinds.forEach((kind, k) => {
    const at = new Map(points.filter((r) => r[2] === kind).map((r) => [Date.parse(r[1]) / 1000 + (Number(r[3]) || 0), r]));
    for (const [suffix, pick] of [['', (r) => Number(r[4])], [' − err', (r) => Number(r[4]) - Number(r[5] || 0)],
      [' + err', (r) => Number(r[4]) + Number(r[5] || 0)]]) {
      series.push({ label: kind + suffix, stroke: COLOURS[k % COLOURS.length], width: suffix ? 0.5 : 0,
        dash: suffix ? [4, 4] : undefined, points: { show: !suffix, size: 5 }, paths: suffix ? undefined : () => null });
      data.push(xs.map((x) => (at.has(x) ? pick(at.get(x)) : null)));
    }
  });
  return el('div', {}, chart('Slopes (DN/s) by DATE-OBS, each integration a point', 'DATE-OBS', 'DN/s', series, data,
    { scales: { x: { time: true } }, axes: [{}, { label: 'DN/s' }] }),
  numbers('slopes', ['exposure', 'DATE-OBS', 'product', 'integration', 'SCI', 'ERR', 'DQ', 'flags'], rows, 'Slopes'));
}

function pixelDq(exposures) {
  const rows = exposures.map((e) => [e.name, e.dateObs || '', e.pixeldq === null ? '' : e.pixeldq,
    (e.pixeldqFlags || []).join(' ')]);
  return el('div', {}, el('table', { class: 'list' },
    el('thead', {}, el('tr', {}, ['exposure', 'DATE-OBS', 'PIXELDQ', 'flags'].map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, exposures.map((e, i) => el('tr', {}, el('td', {}, exposureLink(e.name)),
      rows[i].slice(1).map((c) => el('td', {}, c)))))),
  numbers('pixeldq', ['exposure', 'DATE-OBS', 'PIXELDQ', 'flags'], rows, 'PIXELDQ'));
}

function healthView(h) {
  if (h.exposures.length === 0) return el('p', {}, 'No evaluated exposure holds this pixel yet.');
  const rows = h.timeline.map((t) => [t.states.length ? t.states.join(' ') : 'healthy', t.fromExposure, t.from || '',
    t.toExposure, t.to || '']);
  return el('div', {}, el('ol', { class: 'timeline' }, h.timeline.map((t) => el('li',
    { class: t.states.length ? 'bad' : 'ok' }, el('strong', {}, t.states.length ? t.states.join(', ') : 'healthy'),
    ' from ', exposureLink(t.fromExposure), ' to ', exposureLink(t.toExposure)))),
  numbers('health', ['states', 'from exposure', 'from', 'to exposure', 'to'], rows, 'Health timeline'));
}
