import { makeAllSortable } from './sortable.js';
import { t, number, clock } from './messages.js';
import { startAlerts, bindWatchButton, bindBell } from './alerts.js';

// Aircraft within 150 km of the airport, from the live API, refreshed every 5 s.

const main = document.getElementById('main');
const lat = Number(main.dataset.lat), lon = Number(main.dataset.lon);
const RADIUS_KM = 150;

function distanceKm(aLat, aLon, bLat, bLon) {
  const r = Math.PI / 180;
  const h = Math.sin((bLat - aLat) * r / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin((bLon - aLon) * r / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

async function nearby() {
  const dLat = RADIUS_KM / 111, dLon = RADIUS_KM / (111 * Math.max(0.1, Math.cos(lat * Math.PI / 180)));
  const bbox = [lon - dLon, lat - dLat, lon + dLon, lat + dLat].map(v => v.toFixed(4)).join(',');
  try {
    const r = await fetch(`/api/v1/live?bbox=${bbox}&limit=500`);
    if (!r.ok) return;
    const aircraft = (await r.json()).aircraft
      .map(a => ({ ...a, km: distanceKm(lat, lon, a.lat, a.lon) }))
      .filter(a => a.km <= RADIUS_KM)
      .sort((a, b) => a.km - b.km);
    const body = document.querySelector('#nearby tbody');
    body.replaceChildren(...aircraft.map(a => {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.href = `/live?sel=${encodeURIComponent(a.key)}&lat=${a.lat.toFixed(3)}&lon=${a.lon.toFixed(3)}&z=8`;
      link.textContent = a.callsign || a.key;
      const cells = [link, a.origin || '—', a.destination || '—', a.altitude == null ? '—' : number(a.altitude),
        a.speed == null ? '—' : number(a.speed), number(a.km)];
      tr.append(...cells.map(c => { const td = document.createElement('td'); td.append(c); return td; }));
      return tr;
    }));
    document.getElementById('nearby-wrap').hidden = aircraft.length === 0;
    document.getElementById('nearby-none').hidden = aircraft.length > 0;
  } catch (e) { /* try again at the next refresh */ }
}

// The board's live status, FIDS-like: the rows stay, their status, time and map link change in place.
const BOARD_REFRESH_MS = 30000;
const hhmm = iso => iso ? clock(new Date(iso), main.dataset.tz || 'UTC') : '';

function updateRow(tr, row, updatedTime) {
  const status = row.status || 'no_data';
  const badge = tr.querySelector('.fs');
  badge.dataset.status = status;
  badge.textContent = t('board.status.' + status);
  const cell = tr.querySelector('.flight-status');
  cell.querySelector('.delay')?.remove();
  if (row.delayMinutes > 0) {
    const delay = document.createElement('span');
    delay.className = 'delay';
    delay.textContent = ' ' + t('board.delay', row.delayMinutes);
    cell.append(delay);
  }
  tr.querySelector('.updated').textContent = hhmm(updatedTime(row));
  const name = document.createElement(row.transponder ? 'a' : 'span');
  name.className = 'fn';
  name.textContent = row.flightNumber;
  if (row.transponder) {
    name.href = `/live?sel=${encodeURIComponent(row.transponder)}`;
    name.title = t('board.onMap');
  }
  tr.querySelector('.flight .fn').replaceWith(name);
}

function updateTable(id, rows, updatedTime) {
  const byKey = new Map(rows.map(r => [r.flightNumber + '|' + r.timeLocal, r]));
  for (const tr of document.querySelectorAll(`#${id} tbody tr`)) {
    const row = byKey.get(tr.dataset.flight + '|' + tr.dataset.time);
    if (row) updateRow(tr, row, updatedTime);
  }
}

async function refreshBoard() {
  try {
    const r = await fetch(`/api/v1/airports/${encodeURIComponent(main.dataset.code)}/board?date=${main.dataset.date}`);
    if (!r.ok) return;
    const board = await r.json();
    updateTable('departures', board.departures, row => row.actualDeparture || row.estimatedDeparture);
    updateTable('arrivals', board.arrivals, row => row.actualArrival || row.estimatedArrival);
    document.getElementById('board-updated').textContent = t('js.board.updated', hhmm(new Date().toISOString()), main.dataset.code, main.dataset.offset);
  } catch (e) { /* try again at the next refresh */ }
}

makeAllSortable();
if (main.dataset.tz) {
  setInterval(refreshBoard, BOARD_REFRESH_MS);
}
// For tests: refresh now instead of at the next tick.
window.airlinesBoard = { refresh: refreshBoard };
if (Number.isFinite(lat) && Number.isFinite(lon) && main.dataset.lat) {
  nearby();
  setInterval(nearby, 5000);
}

const watchAirport = document.getElementById('watch-airport');
if (watchAirport) bindWatchButton(watchAirport, 'airport', () => ({ id: main.dataset.code, label: main.dataset.code }));
// Each flight of the boards is followed as the live map's "watch this flight" does: by its flight number.
document.querySelectorAll('.board-table tbody tr').forEach(tr =>
  bindBell(tr.querySelector('.bell'), 'flight', { id: tr.dataset.flight, label: tr.dataset.flight }));
startAlerts();
