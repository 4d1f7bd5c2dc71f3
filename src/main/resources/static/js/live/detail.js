import { project, unproject } from './store.js';
import { trackGeoJson, trackCsv, download } from './exporter.js';
import { t, word, number, decimal, moment } from '../messages.js';

// The panel of the selected aircraft: live figures from the feed, the rest (flight number,
// airline name, phase, ETA, delay) from GET /api/v1/flights/{key}, and its trail from the store.

const $ = id => document.getElementById(id);

export class DetailPanel {
  constructor({ store, trailSource, onClose }) {
    this.store = store;
    this.trailSource = trailSource;
    this.panel = $('detail');
    this.key = null;
    this.state = null;
    this.points = [];
    this.moment = null;
    $('detail-close').addEventListener('click', onClose);
    $('export-track-geojson').addEventListener('click', () =>
      download(`track-${this.key}.geojson`, 'application/geo+json', JSON.stringify(trackGeoJson(this.key, this.points))));
    $('export-track-csv').addEventListener('click', () => download(`track-${this.key}.csv`, 'text/csv', trackCsv(this.points)));
    this.panel.addEventListener('keydown', e => { if (e.key === 'Escape') onClose(); });
  }

  async open(key) {
    this.key = key;
    this.state = null;
    this.points = [];
    this.trailSource.clear();
    this.panel.hidden = false;
    this.refresh();
    await Promise.all([this.loadState(key), this.loadTrail(key)]);
  }

  /** In playback, the trail ends at the instant shown (epoch ms); null back to live. */
  setMoment(t) { this.moment = t; }

  close() {
    this.key = null;
    this.panel.hidden = true;
    this.trailSource.clear();
  }

  async loadState(key) {
    try {
      const r = await fetch(`/api/v1/flights/${encodeURIComponent(key)}`);
      if (r.ok && this.key === key) { this.state = await r.json(); this.refresh(); }
    } catch (e) { /* the live figures still show */ }
  }

  /** The current leg's trail only: from its first point, or the last 20 minutes while no leg is known. */
  async loadTrail(key) {
    if (this.moment != null) return this.loadTrailUntil(key, this.moment);
    try {
      const leg = await fetch(`/api/v1/flights/${encodeURIComponent(key)}/leg`);
      const since = leg.status === 200 ? (await leg.json()).firstSeen : new Date(Date.now() - 20 * 60_000).toISOString();
      const r = await fetch(`/api/v1/flights/${encodeURIComponent(key)}/track?from=${encodeURIComponent(since)}`);
      if (!r.ok || this.key !== key) return;
      const body = await r.json();
      this.points = body.points || [];
      this.drawTrail();
    } catch (e) { /* no trail */ }
  }

  /** In playback: the half hour of track up to the instant shown. */
  async loadTrailUntil(key, t) {
    const range = `from=${encodeURIComponent(new Date(t - 30 * 60_000).toISOString())}&to=${encodeURIComponent(new Date(t).toISOString())}`;
    try {
      const r = await fetch(`/api/v1/flights/${encodeURIComponent(key)}/track?${range}`);
      if (!r.ok || this.key !== key) return;
      this.points = (await r.json()).points || [];
      this.drawTrail();
    } catch (e) { /* no trail */ }
  }

  /** The stored track, joined to where the aircraft is now. */
  drawTrail() {
    const a = this.store.byKey.get(this.key);
    const coords = this.points.map(p => project(p.lon, p.lat));
    if (a) coords.push(this.store.positionNow(a));
    this.trailSource.clear();
    if (coords.length >= 2) this.trailSource.addFeature(new ol.Feature(new ol.geom.LineString(coords)));
    $('d-trail').textContent = `${number(this.points.length)} ${t('live.detail.points')}`;
    $('d-trail').dataset.points = String(this.points.length);
  }

  /** Called after every feed update while open. */
  refresh() {
    if (!this.key) return;
    const live = this.store.byKey.get(this.key) || {};
    const s = { ...(this.state || {}), ...stripNulls(live) };
    $('detail-callsign').textContent = s.callsign || s.key || this.key;
    $('d-flight').textContent = s.flightNumber || '—';
    $('d-airline').textContent = s.airlineName ? `${s.airlineName} (${s.airline})` : (s.airline || '—');
    $('d-route').textContent = `${s.origin || '?'} → ${s.destination || '?'}`;
    $('d-aircraft').textContent = [s.aircraftType, s.registration].filter(Boolean).join(' · ') || '—';
    $('d-country').textContent = countryName(s.country);
    $('d-altitude').textContent = s.onGround ? t('live.detail.ground') : num(s.altitude, ' m');
    $('d-speed').textContent = num(s.speed, ' km/h');
    $('d-heading').textContent = num(s.track, '°');
    $('d-vrate').textContent = s.verticalRate == null ? '—' : `${s.verticalRate > 0 ? '+' : ''}${decimal(s.verticalRate)} m/s`;
    $('d-squawk').textContent = s.squawk || '—';
    $('d-phase').textContent = s.phase ? t('js.phase.' + s.phase) : '—';
    $('d-eta').textContent = s.eta ? moment(new Date(s.eta)) : '—';
    $('d-delay').textContent = s.delayMinutes == null ? '—' : `${s.delayMinutes} min`;
    $('d-source').textContent = s.source ? word('js.source.', s.source) : '—';
    if (this.points.length) this.drawTrail();
  }

  position() {
    const a = this.store.byKey.get(this.key);
    return a ? this.store.positionNow(a) : null;
  }

  lonLat() {
    const p = this.position();
    return p ? unproject(p[0], p[1]) : null;
  }
}

function stripNulls(o) {
  const r = {};
  for (const [k, v] of Object.entries(o)) if (v != null) r[k] = v;
  return r;
}

/** The country of registration in the page's language, from its ISO code. */
function countryName(iso) {
  if (!iso) return '—';
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' }).of(iso) || iso;
  } catch (e) {
    return iso;
  }
}

function num(v, unit) {
  return v == null ? '—' : number(v) + unit;
}
