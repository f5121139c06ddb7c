// /ingest: every file by state with its progress, refreshed every 2 s, and each rejection's reason.
import { api, el, field, run, setState, show, state } from './common.js';

const STATES = ['', 'IN_FLIGHT', 'RECEIVED', 'SPLITTING', 'LOADING', 'LOADED', 'REJECTED', 'FAILED'];
const REFRESH_MS = 2000;

run(async () => {
  const s = state();
  const select = el('select', { name: 'state', onchange: () => { setState({ state: select.value }); refresh(); } },
    STATES.map((v) => el('option', { value: v, selected: v === (s.get('state') || '') }, v || 'any')));
  const live = el('input', { type: 'checkbox', name: 'live', checked: s.get('live') !== 'off',
    onchange: () => setState({ live: live.checked ? '' : 'off' }) });
  const body = el('div', { id: 'ingests' });
  show(el('h1', {}, 'Ingest'), el('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    field('state', select), field('refresh live', live)), body);
  async function refresh() {
    const page = await api('/ingest', { state: state().get('state') || undefined, limit: 200 });
    body.replaceChildren(table(page.products), el('p', { class: 'hint' }, 'Updated ' + new Date().toISOString()));
  }
  await refresh();
  setInterval(() => { if (live.checked && !document.hidden) refresh().catch((e) => console.error(e)); }, REFRESH_MS);
});

function table(products) {
  if (products.length === 0) return el('p', {}, 'No file in this state.');
  return el('table', { class: 'list', dataset: { table: 'ingest' } },
    el('thead', {}, el('tr', {}, ['file', 'exposure', 'product', 'state', 'progress', 'reason', 'updated']
      .map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, products.map((p) => el('tr', {}, el('td', {}, p.objectKey),
      el('td', {}, p.exposure ? el('a', { href: '/exposures/' + encodeURIComponent(p.exposure) }, p.exposure) : '—'),
      el('td', {}, p.product || '—'), el('td', { class: 'state ' + p.state }, p.state),
      el('td', {}, p.chunkCount ? el('progress', { max: p.chunkCount, value: p.chunksLoaded }) : '',
        p.chunkCount ? ' ' + p.chunksLoaded + ' / ' + p.chunkCount + ' chunks' : ''),
      el('td', { class: 'reason' }, p.reason || ''), el('td', {}, p.updatedAt || '')))));
}
