// /detectors/{detector}/health: counts per state over time, per-amplifier trends, and the pixels whose state changed
// in a chosen exposure, each linking to its page.
import { api, chart, COLOURS, el, exposureLink, f32, field, numbers, pathParts, pixelLink, run, setState, show,
  state } from './common.js';

const STATES = ['HOT', 'WARM', 'DEAD', 'NOISY', 'JUMPY'];

run(async () => {
  const [detector] = pathParts('/detectors/');
  const s = state();
  const trends = await api('/detectors/' + encodeURIComponent(detector) + '/amplifiers',
    { from: s.get('from') || undefined, to: s.get('to') || undefined, readpatt: s.get('readpatt') || undefined,
      limit: 1000 });
  const exposures = trends.exposures;
  const picker = el('select', { name: 'detector', onchange: () => { location.href = '/detectors/' + picker.value
    + '/health'; } }, ['MIRIMAGE', 'MIRIFULONG', 'MIRIFUSHORT'].map((d) => el('option', { value: d,
    selected: d === trends.detector }, d)));
  if (exposures.length === 0) {
    show(el('h1', {}, trends.detector + ' health'), field('detector', picker), el('p', {}, 'No exposure of '
      + trends.detector + ' has been evaluated yet: health is computed once an exposure\'s slopes (RATEINTS, RATE or'
      + ' the quick look from its raw ramps) are loaded.'));
    return;
  }
  const integration = Number(s.get('integration')) || 1;
  const chosen = exposures.some((e) => e.exposure === s.get('exposure')) ? s.get('exposure')
    : exposures[exposures.length - 1].exposure;
  const changes = el('section', { id: 'changes' }, el('p', { class: 'loading' }, 'Loading…'));
  show(el('h1', {}, trends.detector + ' health'), field('detector', picker),
    el('p', {}, exposures.length + ' evaluated exposure' + (exposures.length === 1 ? '' : 's')
      + ', oldest first by DATE-OBS (rules: decision 0014).'),
    el('h2', {}, 'Pixels per state'), counts(exposures),
    el('h2', {}, 'Amplifier trends'), amplifiers(exposures, integration),
    el('h2', {}, 'Pixels that changed state'), changes);
  const exposurePick = el('select', { name: 'exposure', onchange: () => { setState({ exposure: exposurePick.value });
    location.reload(); } }, exposures.map((e) => el('option', { value: e.exposure, selected: e.exposure === chosen },
    e.exposure + ' (' + (e.dateObs || 'no DATE-OBS') + ')')));
  const page = await api('/detectors/' + encodeURIComponent(detector) + '/health/changes',
    { exposure: chosen, limit: 10000 });
  changes.replaceChildren(field('in exposure', exposurePick), changeList(trends.detector, page));
});

function xsOf(exposures) {
  return exposures.map((e, i) => (e.dateObs ? Date.parse(e.dateObs) / 1000 : i));
}

/** Counts per state and exposure: the amplifiers' counts of the first integration, summed. */
function counts(exposures) {
  const rows = exposures.map((e) => {
    const first = e.amplifiers.filter((a) => a.integration === 1);
    return [e.exposure, e.dateObs || ''].concat(STATES.map((st) => first.reduce((n, a) => n + (a.counts[st] || 0), 0)));
  });
  const series = STATES.map((st, i) => ({ label: st, stroke: COLOURS[i], width: 1.5 }));
  const data = [xsOf(exposures)].concat(STATES.map((st, i) => rows.map((r) => r[2 + i])));
  return el('div', {}, chart('Pixels per state', 'DATE-OBS', 'pixels', series, data,
    { scales: { x: { time: true } }, axes: [{}, { label: 'pixels' }] }),
  numbers('counts', ['exposure', 'DATE-OBS'].concat(STATES), rows, 'Pixels per state'));
}

/** Each amplifier's sigma-clipped median slope of one integration, with its clipped standard deviation. */
function amplifiers(exposures, integration) {
  const amps = [...new Set(exposures.flatMap((e) => e.amplifiers.map((a) => a.amplifier)))].sort();
  const rows = [];
  for (const e of exposures) {
    for (const a of e.amplifiers) {
      rows.push([e.exposure, e.dateObs || '', a.integration, a.amplifier, f32(a.median), f32(a.std), a.pixels]);
    }
  }
  const of = (e, amp) => e.amplifiers.find((a) => a.amplifier === amp && a.integration === integration);
  const series = amps.map((amp, i) => ({ label: 'amplifier ' + amp, stroke: COLOURS[i], width: 1.5 }));
  const data = [xsOf(exposures)].concat(amps.map((amp) => exposures.map((e) => (of(e, amp) ? of(e, amp).median
    : null))));
  const ints = Math.max(1, ...exposures.flatMap((e) => e.amplifiers.map((a) => a.integration)));
  const pick = el('select', { name: 'integration', onchange: () => { setState({ integration: pick.value });
    location.reload(); } }, Array.from({ length: ints }, (_, i) => el('option', { value: i + 1,
    selected: i + 1 === integration }, String(i + 1))));
  return el('div', {}, field('integration', pick), chart('Median slope per amplifier, integration ' + integration,
    'DATE-OBS', 'DN/s', series, data, { scales: { x: { time: true } }, axes: [{}, { label: 'DN/s' }] }),
  numbers('amplifiers', ['exposure', 'DATE-OBS', 'integration', 'amplifier', 'median', 'std', 'pixels'], rows,
    'Amplifier statistics'));
}

function changeList(detector, page) {
  if (page.count === 0) return el('p', {}, 'No pixel changed state in ' + page.exposure + '.');
  const rows = page.changes.map((c) => [c.row, c.col, c.previousStates.join(' ') || 'healthy',
    c.states.join(' ') || 'healthy', c.previousExposure || '']);
  return el('div', {}, el('p', {}, page.count + ' pixels changed state in ', exposureLink(page.exposure),
    page.truncated ? ' (the first ' + page.changes.length + ' listed)' : ''),
  el('div', { class: 'scroll' }, el('table', { class: 'list', dataset: { table: 'changes' } }, el('thead', {}, el('tr', {}, ['pixel', 'before', 'now',
    'previous exposure'].map((c) => el('th', { scope: 'col' }, c)))),
  el('tbody', {}, page.changes.map((c, i) => el('tr', {}, el('td', {}, pixelLink(detector, c.row, c.col)),
    el('td', {}, rows[i][2]), el('td', {}, rows[i][3]), el('td', {}, c.previousExposure
      ? exposureLink(c.previousExposure) : 'none')))))));
}
