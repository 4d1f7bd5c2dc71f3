import { makeAllSortable } from './sortable.js';

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
      const cells = [link, a.origin || '—', a.destination || '—', a.altitude == null ? '—' : Math.round(a.altitude),
        a.speed == null ? '—' : Math.round(a.speed), a.km.toFixed(0)];
      tr.append(...cells.map(c => { const td = document.createElement('td'); td.append(c); return td; }));
      return tr;
    }));
    document.getElementById('nearby-wrap').hidden = aircraft.length === 0;
    document.getElementById('nearby-none').hidden = aircraft.length > 0;
  } catch (e) { /* try again at the next refresh */ }
}

makeAllSortable();
if (Number.isFinite(lat) && Number.isFinite(lon) && main.dataset.lat) {
  nearby();
  setInterval(nearby, 5000);
}
