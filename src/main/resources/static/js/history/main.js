import { makeSortable } from '../sortable.js';
import { hhmm, num, delay, dayOffset, statusText, flightName, route, aircraft, actualDeparture, actualArrival } from './format.js';
import { t } from '../messages.js';
import { LegView } from './leg.js';

// The legs of a UTC day from GET /api/v1/history/flights, a page at a time; the form's values,
// the page and the opened leg are kept in the query string, so a link restores the view.

const PAGE = 50;
const $ = id => document.getElementById(id);
const form = $('history-form');
const fields = ['date', 'q', 'airport', 'airline'];
const params = new URLSearchParams(location.search);
const state = { offset: Math.max(0, Number(params.get('offset')) || 0), total: 0, legs: [] };

const legView = new LegView({ onClose: () => { $('h-leg').value = ''; writeUrl(); } });

function filters() {
  const data = new FormData(form);
  return Object.fromEntries(fields.map(f => [f, String(data.get(f) || '').trim()]));
}

function writeUrl() {
  const query = new URLSearchParams();
  Object.entries(filters()).forEach(([k, v]) => { if (v) query.set(k, v); });
  if (state.offset) query.set('offset', String(state.offset));
  if ($('h-leg').value) query.set('leg', $('h-leg').value);
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

function timeCell(day, scheduled, actual) {
  const td = document.createElement('td');
  td.className = 'times';
  td.dataset.sort = actual || scheduled || '';
  const line = (label, iso, className) => {
    const span = document.createElement('span');
    span.className = className;
    const small = document.createElement('small');
    small.textContent = label + ' ';
    span.append(small, iso ? hhmm(iso) : '—');
    const offset = dayOffset(day, iso);
    if (offset) {
      const sup = document.createElement('sup');
      sup.className = 'day-offset';
      sup.textContent = (offset > 0 ? '+' : '') + offset;
      span.append(sup);
    }
    return span;
  };
  td.append(line(t('history.scheduled'), scheduled, 'sched'), line(t('history.actual'), actual, 'actual'));
  return td;
}

function cell(content, { sort, className } = {}) {
  const td = document.createElement('td');
  td.append(content);
  if (sort != null) td.dataset.sort = String(sort);
  if (className) td.className = className;
  return td;
}

function row(leg, day) {
  const tr = document.createElement('tr');
  tr.dataset.leg = leg.id;
  const link = document.createElement('a');
  link.href = `/history?date=${day}&leg=${encodeURIComponent(leg.id)}`;
  link.textContent = flightName(leg);
  link.title = t('history.open', flightName(leg));
  link.addEventListener('click', e => { e.preventDefault(); openLeg(leg.id); });
  const badge = document.createElement('span');
  badge.className = 'ls';
  badge.dataset.status = leg.status;
  badge.textContent = statusText(leg.status);
  // On a phone the route column gives way to a line under the flight, so that the times stay in view.
  const inlineRoute = document.createElement('span');
  inlineRoute.className = 'route-inline';
  inlineRoute.textContent = route(leg);
  const flight = cell(link, { sort: flightName(leg), className: 'flight' });
  flight.append(inlineRoute);
  tr.append(
    flight,
    cell(route(leg), { className: 'route' }),
    timeCell(day, leg.scheduledDeparture, actualDeparture(leg)),
    timeCell(day, leg.scheduledArrival, actualArrival(leg)),
    cell(delay(leg.delayMinutes),
      { sort: leg.delayMinutes ?? -1e9, className: 'opt' }),
    cell(badge, { sort: leg.status, className: 'state' }),
    cell(aircraft(leg), { className: 'opt' }));
  tr.classList.toggle('selected', leg.id === $('h-leg').value);
  return tr;
}

function showError(message, field) {
  form.querySelectorAll('[aria-invalid]').forEach(i => i.removeAttribute('aria-invalid'));
  $('h-error').hidden = !message;
  $('h-error').textContent = message || '';
  if (field) form.elements[field]?.setAttribute('aria-invalid', 'true');
}

async function load() {
  const f = filters();
  const query = new URLSearchParams({ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)),
    offset: String(state.offset), limit: String(PAGE) });
  let r;
  try {
    r = await fetch(`/api/v1/history/flights?${query}`);
  } catch (e) {
    showError(t('history.failed'));
    return;
  }
  if (!r.ok) {
    const problem = await r.json().catch(() => ({}));
    showError(problem.field ? t(`history.bad.${problem.field}`) : t('history.failed'), problem.field);
    render([], 0, f.date);
    return;
  }
  showError(null);
  render(await r.json(), Number(r.headers.get('X-Total-Count') || 0), f.date);
}

function render(legs, total, day) {
  state.legs = legs;
  state.total = total;
  const table = $('legs');
  table.querySelectorAll('th').forEach(th => th.removeAttribute('aria-sort'));
  table.tBodies[0].replaceChildren(...legs.map(leg => row(leg, day)));
  $('h-wrap').hidden = legs.length === 0;
  $('h-none').hidden = legs.length > 0;
  $('h-count').textContent = t('history.count', num(total));
  $('h-range').textContent = total ? t('history.range', num(state.offset + 1), num(state.offset + legs.length), num(total)) : '';
  $('h-prev').disabled = state.offset === 0;
  $('h-next').disabled = state.offset + legs.length >= total;
  document.body.dataset.historyLoaded = String(Date.now());
}

function openLeg(id) {
  $('h-leg').value = id;
  document.querySelectorAll('#legs tbody tr').forEach(tr => tr.classList.toggle('selected', tr.dataset.leg === id));
  writeUrl();
  legView.open(id);
}

form.addEventListener('submit', e => {
  e.preventDefault();
  state.offset = 0;
  writeUrl();
  load();
});
$('h-date').addEventListener('change', () => form.requestSubmit());
$('h-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); writeUrl(); load(); });
$('h-next').addEventListener('click', () => { state.offset += PAGE; writeUrl(); load(); });

makeSortable($('legs'));
writeUrl();
load();
if ($('h-leg').value) legView.open($('h-leg').value);

// For tests: the page's state.
window.airlinesHistory = { state, leg: legView };
