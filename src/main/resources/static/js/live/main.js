import { AircraftStore, project, unproject } from './store.js';
import { createMap, aircraftAt, inView } from './map.js';
import { connect } from './feed.js';
import { readParams, predicate, bindForm, offerSources, writeUrl } from './filters.js';
import { DetailPanel } from './detail.js';
import { EventsView } from './events.js';
import { aircraftGeoJson, aircraftCsv, download } from './exporter.js';
import { Playback, SPEEDS } from './replay.js';
import { altitudeHue, hslToRgb } from './icon.js';
import { hoverTooltip } from './tooltip.js';
import { t } from '../messages.js';
import { startAlerts, bindWatchButton } from '../alerts.js';

const $ = id => document.getElementById(id);
const params = new URLSearchParams(location.search);

const store = new AircraftStore();
let filters = readParams();
store.setFilter(predicate(filters));

const center = params.has('lat') && params.has('lon') ? [Number(params.get('lon')), Number(params.get('lat'))] : undefined;
const zoom = params.has('z') ? Number(params.get('z')) : undefined;
const { map, renderer, aircraft, trailSource, frame, context } = createMap('map', store, { center, zoom });
$('renderer').textContent = renderer.renderer();

const detail = new DetailPanel({ store, trailSource, onClose: () => select(null) });
const events = new EventsView({ onPick: key => select(key, true) });
const stats = { updates: 0, lastApplyMs: 0, bytes: 0, firstUpdateAt: null, lastUpdateAt: null };

function counts() {
  $('shown-count').textContent = store.visible.length;
  $('total-count').textContent = store.total;
}

/** One message = one batch (frames live, rows in playback): store, buffer, counts, panel, banner; then one redraw. */
function apply(message, snapshot, bytes = 0) {
  const started = performance.now();
  if (message.rows) store.apply(message, snapshot);
  else store.applyFrame(message, snapshot);
  stats.lastApplyMs = performance.now() - started;
  stats.updates++;
  stats.bytes += bytes;
  stats.lastUpdateAt = Date.now();
  stats.firstUpdateAt ??= stats.lastUpdateAt;
  counts();
  offerSources($('f-source'), store.sources);
  detail.refresh();
  events.showEmergencies(store.emergencies());
  aircraft.changed();
}

function setStatus(state) {
  const s = $('status');
  s.dataset.state = state;
  s.textContent = t('live.status.' + state);
}

let source = null;
function goLive() {
  source = connect({
    onSnapshot: (m, bytes) => apply(m, true, bytes),
    onDelta: (m, bytes) => apply(m, false, bytes),
    onAlert: e => events.add(e),
    onState: setStatus,
  });
}

// Watch the selected aircraft's flight (by callsign) or the aircraft itself (by transponder address).
const selected = () => detail.key ? (store.byKey.get(detail.key) || { key: detail.key }) : null;
const watchButtons = [
  bindWatchButton($('watch-flight'), 'flight', () => {
    const a = selected();
    return a && a.callsign ? { id: a.callsign, label: a.callsign } : null;
  }),
  bindWatchButton($('watch-aircraft'), 'aircraft', () => {
    const a = selected();
    return a ? { id: a.key, label: a.registration ? `${a.registration} (${a.key})` : a.key } : null;
  }),
];

function select(key, center = false) {
  store.select(key);
  aircraft.changed();
  writeUrl(filters, { sel: key || '', follow: key && $('follow').checked ? '1' : '' });
  if (!key) { detail.close(); watchButtons.forEach(refresh => refresh()); return; }
  detail.open(key);
  watchButtons.forEach(refresh => refresh());
  const p = detail.position();
  if (center && p) map.getView().animate({ center: p, duration: 300 });
}

bindForm($('filters'), filters, f => {
  filters = f;
  store.setFilter(predicate(f));
  counts();
  aircraft.changed();
  writeUrl(filters, {});
});

map.on('singleclick', e => {
  const f = frame();
  const hit = f && aircraftAt(f, store, e.pixel);
  select(hit ? hit.key : null);
});
hoverTooltip({ map, store, frame, element: $('tooltip') });
map.on('moveend', () => {
  const view = map.getView();
  const [lon, lat] = unproject(...view.getCenter());
  writeUrl(filters, { lat: lat.toFixed(3), lon: lon.toFixed(3), z: view.getZoom().toFixed(1) });
});

$('follow').addEventListener('change', () => writeUrl(filters, { follow: $('follow').checked ? '1' : '' }));
$('follow').checked = params.get('follow') === '1';

// Keep drawing while aircraft move: positions are extrapolated on the GPU, so each frame is one draw.
function animate() {
  if ($('follow').checked && detail.key) {
    const p = detail.position();
    if (p) map.getView().setCenter(p);
  }
  aircraft.changed();
  requestAnimationFrame(animate);
}
requestAnimationFrame(animate);

$('export-geojson').addEventListener('click', () =>
  download('aircraft.geojson', 'application/geo+json', JSON.stringify(aircraftGeoJson(inView(map, store)))));
$('export-csv').addEventListener('click', () => download('aircraft.csv', 'text/csv', aircraftCsv(inView(map, store))));

// Playback of a past instant: the same store, layer, filters and panel, fed from stored tracks.
const localInput = d => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
const playback = new Playback({
  apply: (m, snapshot) => apply(m, snapshot),
  onTime: t => {
    $('p-clock').textContent = new Date(t).toLocaleString(document.documentElement.lang || undefined,
      { dateStyle: 'medium', timeStyle: 'medium' });
    $('p-clock').dataset.time = String(Math.round(t));
    urlTime(t);
  },
  onError: detail => { $('p-error').textContent = detail; $('p-error').hidden = false; },
});
let urlWritten = 0;
function urlTime(t, force = false) {
  if (!force && Math.abs(t - urlWritten) < 1000 * playback.speed) return;
  urlWritten = t;
  writeUrl(filters, { at: new Date(Math.round(t / 1000) * 1000).toISOString() });
}
function showPlaying(playing) {
  $('p-play').hidden = playing;
  $('p-pause').hidden = !playing;
}
async function goTo(t) {
  source?.close();
  source = null;
  $('p-error').hidden = true;
  setStatus('playback');
  document.body.dataset.mode = 'playback';
  $('p-controls').hidden = false;
  detail.setMoment(t);
  await playback.seek(t);
  urlTime(t, true);
}
$('p-at').value = localInput(new Date(Date.now() - 3600_000));
$('p-speed').value = params.get('speed') && SPEEDS.includes(Number(params.get('speed'))) ? params.get('speed') : '60';
playback.speed = Number($('p-speed').value);
$('playback').addEventListener('submit', async e => {
  e.preventDefault();
  const t = new Date($('p-at').value).getTime();
  if (!(t < Date.now())) { $('p-at').setAttribute('aria-invalid', 'true'); return; }
  $('p-at').removeAttribute('aria-invalid');
  playback.pause();
  showPlaying(false);
  await goTo(t);
});
$('p-play').addEventListener('click', () => { playback.play(); showPlaying(true); });
$('p-pause').addEventListener('click', () => {
  playback.pause();
  showPlaying(false);
  urlTime(playback.time, true);
});
$('p-speed').addEventListener('change', () => {
  playback.setSpeed(Number($('p-speed').value));
  writeUrl(filters, { speed: $('p-speed').value === '60' ? '' : $('p-speed').value });
});
function backToLive() {
  playback.stop();
  showPlaying(false);
  $('p-controls').hidden = true;
  $('p-error').hidden = true;
  delete document.body.dataset.mode;
  detail.setMoment(null);
  writeUrl(filters, { at: '' });
  goLive();
}
$('p-live').addEventListener('click', backToLive);

// Altitude legend, from the same colour scale as the icons.
$('legend').append(...[0, 1500, 3000, 4500, 6000, 7500, 9000, 10500, 12000].map(alt => {
  const span = document.createElement('span');
  const [r, g, b] = hslToRgb(altitudeHue(alt), 0.85, 0.5).map(v => Math.round(v * 255));
  span.style.background = `rgb(${r},${g},${b})`;
  return span;
}));

events.load();
const startAt = params.has('at') ? Date.parse(params.get('at')) : NaN;
if (Number.isFinite(startAt)) {
  $('p-at').value = localInput(new Date(startAt));
  goTo(startAt);
} else {
  goLive();
}
startAlerts();
if (params.get('sel')) {
  const wanted = params.get('sel');
  const waitForIt = () => store.byKey.has(wanted) ? select(wanted, !center) : setTimeout(waitForIt, 200);
  waitForIt();
}

// For tests and the benchmark: the page's state and a way to feed it, without the backend.
window.airlinesLive = {
  store, map, stats, apply, select, project, context,
  renderer: () => renderer.renderer(),
  shown: () => store.visible.length,
  total: () => store.total,
  pixelOf: key => {
    const a = store.byKey.get(key);
    return a ? map.getPixelFromCoordinate(store.positionNow(a)) : null;
  },
  stopFeed: () => source?.close(),
  playbackTime: () => playback.time,
};
