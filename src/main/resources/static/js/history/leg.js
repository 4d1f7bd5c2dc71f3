import { basemapLayer, mapControls, TRAIL_STYLE } from '../basemap.js';
import { project } from '../live/store.js';
import { hhmm, hhmmss, num, delay, statusText, flightName, route, aircraft, actualDeparture, actualArrival } from './format.js';
import { t } from '../messages.js';
import { ProfileChart } from './profile.js';

// One leg opened from the list: its facts, its track on the map with a marker that the time
// slider moves along it, and its altitude and speed profile.

const $ = id => document.getElementById(id);

const MARKER_STYLE = new ol.style.Style({
  image: new ol.style.Circle({ radius: 7, fill: new ol.style.Fill({ color: '#0b5fff' }),
    stroke: new ol.style.Stroke({ color: '#fff', width: 2 }) }),
});

export class LegView {
  constructor({ onClose }) {
    this.panel = $('leg');
    this.id = null;
    this.points = [];
    this.map = null;
    this.profile = new ProfileChart($('leg-profile'));
    $('leg-close').addEventListener('click', () => { this.close(); onClose(); });
    this.panel.addEventListener('keydown', e => { if (e.key === 'Escape') { this.close(); onClose(); } });
    $('leg-time').addEventListener('input', () => this.moveTo(Number($('leg-time').value) * 1000));
  }

  /** The map is made once the panel shows: a map in a hidden element has no size. */
  ensureMap() {
    if (this.map) return;
    this.track = new ol.source.Vector();
    this.marker = new ol.Feature(new ol.geom.Point([0, 0]));
    this.marker.setStyle(MARKER_STYLE);
    this.markerSource = new ol.source.Vector({ features: [] });
    this.map = new ol.Map({
      target: 'leg-map',
      layers: [basemapLayer(), new ol.layer.Vector({ source: this.track, style: TRAIL_STYLE }),
        new ol.layer.Vector({ source: this.markerSource, zIndex: 10 })],
      view: new ol.View({ center: project(10, 48), zoom: 4, maxZoom: 14, minZoom: 2 }),
      controls: mapControls(),
    });
  }

  async open(id) {
    this.id = id;
    this.panel.hidden = false;
    this.ensureMap();
    this.map.updateSize();
    const [leg, track] = await Promise.all([json(`/api/v1/history/flights/${encodeURIComponent(id)}`),
      json(`/api/v1/history/flights/${encodeURIComponent(id)}/track`)]);
    if (this.id !== id) return;
    this.showFacts(leg);
    this.showTrack(track?.points || []);
    // On a phone the panel is below the list: bring it up. Beside the list, the page stays put.
    if (this.panel.getBoundingClientRect().top > innerHeight / 2) this.panel.scrollIntoView({ block: 'start' });
    this.panel.focus({ preventScroll: true });
  }

  close() {
    this.id = null;
    this.panel.hidden = true;
    this.points = [];
  }

  showFacts(leg) {
    if (!leg) {
      $('leg-title').textContent = this.id;
      return;
    }
    $('leg-title').textContent = [flightName(leg), leg.callsign !== flightName(leg) ? leg.callsign : null,
      leg.airlineName].filter(Boolean).join(' · ');
    $('leg-route').textContent = route(leg);
    $('leg-aircraft').textContent = aircraft(leg);
    $('leg-departure').textContent = times(leg.scheduledDeparture, actualDeparture(leg));
    $('leg-arrival').textContent = times(leg.scheduledArrival, actualArrival(leg));
    $('leg-status').textContent = statusText(leg.status)
      + (leg.delayMinutes ? ` (${delay(leg.delayMinutes)})` : '');
    $('leg-distance').textContent = `${num(leg.distanceKm)} km`;
  }

  showTrack(points) {
    this.points = points;
    this.track.clear();
    this.markerSource.clear();
    const coords = points.map(p => project(p.lon, p.lat));
    if (coords.length >= 2) {
      const line = new ol.geom.LineString(coords);
      this.track.addFeature(new ol.Feature(line));
      this.map.getView().fit(line.getExtent(), { padding: [30, 30, 30, 30], maxZoom: 10 });
    }
    const drawn = this.track.getFeatures()[0];
    $('leg-map').dataset.trackPoints = String(drawn ? drawn.getGeometry().getCoordinates().length : 0);
    $('leg-no-track').hidden = points.length > 0;
    const slider = $('leg-time');
    slider.disabled = points.length === 0;
    if (!points.length) {
      slider.max = '0';
      $('leg-readout').textContent = '—';
      this.profile.show([]);
      return;
    }
    slider.min = String(Math.floor(points[0].time / 1000));
    slider.max = String(Math.ceil(points[points.length - 1].time / 1000));
    slider.value = slider.min;
    this.markerSource.addFeature(this.marker);
    this.profile.show(points);
    this.moveTo(points[0].time);
  }

  /** Puts the marker where the aircraft was at a time, between the two points around it. */
  moveTo(time) {
    const at = pointAt(this.points, time);
    if (!at) return;
    this.marker.getGeometry().setCoordinates(project(at.lon, at.lat));
    const mapEl = $('leg-map');
    mapEl.dataset.markerLat = at.lat.toFixed(4);
    mapEl.dataset.markerLon = at.lon.toFixed(4);
    $('leg-readout').textContent = `${hhmmss(time)} ${t('history.utc')} · ${num(at.altitude)} m · ${num(at.speed)} km/h`;
    this.profile.mark(time);
  }
}

/** The position at a time, linearly between the stored points around it (tracks may be thinned). */
export function pointAt(points, time) {
  if (!points.length) return null;
  if (time <= points[0].time) return points[0];
  for (let i = 1; i < points.length; i++) {
    const b = points[i];
    if (b.time >= time) {
      const a = points[i - 1];
      const f = b.time === a.time ? 1 : (time - a.time) / (b.time - a.time);
      const mix = (x, y) => x == null || y == null ? (y ?? x) : x + (y - x) * f;
      return { lat: mix(a.lat, b.lat), lon: mix(a.lon, b.lon), altitude: mix(a.altitude, b.altitude), speed: mix(a.speed, b.speed) };
    }
  }
  return points[points.length - 1];
}

function times(scheduled, actual) {
  const parts = [];
  if (scheduled) parts.push(`${t('history.scheduled')} ${hhmm(scheduled)}`);
  parts.push(`${t('history.actual')} ${actual ? hhmm(actual) : '—'}`);
  return `${parts.join(', ')} ${t('history.utc')}`;
}

async function json(url) {
  try {
    const r = await fetch(url);
    return r.ok ? await r.json() : null;
  } catch (e) {
    return null;
  }
}
