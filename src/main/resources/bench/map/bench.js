import { AircraftStore, project } from '/js/live/store.js';
import { createMap } from '/js/live/map.js';
import { decodeFrame, NUMBERS, SCALES, WIDTHS, BYTES_PER_ROW } from '/js/live/frame.js';

// Renderer benchmark: N synthetic aircraft (and 4,500 airports) in the live map's own store and layers, continuous pan
// and zoom, one full update per second as the SSE feed would deliver; frame times from
// requestAnimationFrame.

const FIELDS = ['key', 'lat', 'lon', 'altitude', 'track', 'speed', 'verticalRate', 'callsign', 'squawk', 'airline',
  'origin', 'destination', 'onGround', 'source'];
const AIRLINES = ['DLH', 'AFR', 'BAW', 'UAL', 'KLM', 'RYR', 'EZY', 'DAL', 'AAL', 'THY', 'UAE', 'QTR'];

function random(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
}

// Where the world's traffic is (share, centre, spread in degrees): roughly as on a busy day's map.
const REGIONS = [
  [0.25, 50, 10, 7, 12],     // Europe
  [0.30, 38, -95, 8, 18],    // North America
  [0.15, 32, 115, 9, 15],    // East Asia
  [0.08, 25, 60, 8, 15],     // Middle East, India
  [0.06, -15, -55, 12, 10],  // South America
];

function somewhereBusy(rnd) {
  let pick = rnd();
  for (const [share, lat, lon, sdLat, sdLon] of REGIONS) {
    if (pick < share) {
      const r = Math.sqrt(-2 * Math.log(1 - rnd())), a = 2 * Math.PI * rnd();   // Box–Muller
      return [Math.max(-75, Math.min(75, lat + sdLat * r * Math.cos(a))), lon + sdLon * r * Math.sin(a)];
    }
    pick -= share;
  }
  return [-50 + rnd() * 115, -180 + rnd() * 360];   // the rest: oceanic and everywhere else
}

/** A delta message in the SSE format where every one of n aircraft has moved (the worst case). */
export function syntheticDelta(n, step, seed = 42) {
  const rnd = random(seed);
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const [lat0, lon0] = somewhereBusy(rnd);
    const track = rnd() * 360;
    const speed = 700 + rnd() * 200;
    const d = step * speed / 3.6 / 111320;
    const lat = Math.max(-80, Math.min(80, lat0 + d * Math.cos(track * Math.PI / 180)));
    const lon = ((lon0 + d * Math.sin(track * Math.PI / 180) + 540) % 360) - 180;
    const airline = AIRLINES[i % AIRLINES.length];
    rows[i] = [(0x100000 + i).toString(16), +lat.toFixed(5), +lon.toFixed(5), Math.round(rnd() * 12500), +track.toFixed(1),
      Math.round(speed), 0, airline + (100 + i % 9000), i % 997 === 0 ? '7700' : '1000', airline, 'FRA', 'JFK', 0, 'simulator'];
  }
  return { time: Date.now(), total: n, fields: FIELDS, rows, removed: [] };
}

const TEXTS = ['key', 'callsign', 'squawk', 'airline', 'origin', 'destination', 'source', 'registration', 'aircraftType'];

function base64(bytes) {
  if (bytes.toBase64) return bytes.toBase64();
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * A synthetic message in the stream's frame format, as the server writes it: aircraft i in slot i,
 * the texts of every aircraft in a snapshot, none in a delta where only positions changed.
 */
export function frameText(message, snapshot) {
  const f = {};
  message.fields.forEach((name, i) => { f[name] = i; });
  const n = message.rows.length;
  const bytes = new Uint8Array(n * BYTES_PER_ROW);
  new Int32Array(bytes.buffer, 0, n).forEach((_, i, slots) => { slots[i] = i; });
  let offset = 4 * n;
  NUMBERS.forEach((name, c) => {
    const values = new (WIDTHS[c] === 4 ? Int32Array : Int16Array)(bytes.buffer, offset, n);
    message.rows.forEach((row, i) => { values[i] = Math.round(row[f[name]] * SCALES[c]); });
    offset += WIDTHS[c] * n;
  });
  message.rows.forEach((row, i) => { bytes[offset + i] = row[f.onGround] ? 1 : 0; });
  const named = snapshot ? message.rows.map((row, i) => [i, ...TEXTS.map(name => row[f[name]] ?? null)]) : [];
  return JSON.stringify({ time: message.time, total: n, removed: [], texts: TEXTS, named, count: n, columns: base64(bytes) });
}

/** As many airports as the live map gets from the shipped data, where the traffic is, busiest first. */
export function syntheticAirports(n = 4500, seed = 7) {
  const rnd = random(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [lat, lon] = somewhereBusy(rnd);
    rows.push([String.fromCharCode(65 + i % 26, 65 + (i / 26 | 0) % 26, 65 + (i / 676 | 0) % 26), 'Airport ' + i, lat, lon, i + 1]);
  }
  return { fields: ['code', 'name', 'lat', 'lon', 'rank'], rows };
}

const store = new AircraftStore();
const { map, renderer, context } = createMap('map', store, { center: [10, 45], zoom: 4, airportsUrl: null });
context.setAirports(syntheticAirports());

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const nextFrame = () => new Promise(resolve => requestAnimationFrame(resolve));

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

const median = values => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One full update (every aircraft moved), median of 10, in the stream's frame format and, side by
 * side, in the JSON rows it replaced: parse, then apply to the store + pack + upload to the GPU
 * (drawing is in the frame time). Also a frame snapshot's parse: texts for every aircraft.
 */
async function updateTimes(frames, texts) {
  const json = await timed(JSON.parse(texts[0]), texts, text => JSON.parse(text), m => store.apply(m, false), m => store.apply(m, true));
  const snapshotStarted = performance.now();
  const snapshot = decodeFrame(frames.snapshot);
  const snapshotParseMs = performance.now() - snapshotStarted;
  const frame = await timed(snapshot, frames.deltas, decodeFrame, m => store.applyFrame(m, false), m => store.applyFrame(m, true));
  return {
    parseMs: frame.parseMs, parseBestMs: frame.parseBestMs, applyMs: frame.applyMs,
    jsonParseMs: json.parseMs, jsonParseBestMs: json.parseBestMs, jsonApplyMs: json.applyMs, snapshotParseMs,
  };
}

async function timed(first, texts, parse, applyDelta, applySnapshot) {
  const parseTimes = [], applyTimes = [];
  applySnapshot(first);
  const cycle = [...texts.slice(1), texts[0]];
  for (const text of [...cycle, ...cycle]) {
    const t0 = performance.now();
    const message = parse(text);
    const t1 = performance.now();
    applyDelta(message);
    renderer.upload();
    applyTimes.push(performance.now() - t1);
    parseTimes.push(t1 - t0);
    map.renderSync();
    // the feed's messages are a second apart: the page's idle time (collecting the last one's garbage) comes between
    await pause(200);
  }
  // the best of 10 as well: on a loaded machine the median measures the scheduler as much as the parse
  return { parseMs: median(parseTimes), parseBestMs: Math.min(...parseTimes), applyMs: median(applyTimes) };
}

async function run({ aircraft = 25000, seconds = 10, basemap = true, aircraftLayer = true, contextLayer = true, iconScale = 1 } = {}) {
  renderer.sizeScale = iconScale;
  map.getLayers().item(0).setVisible(basemap);
  map.getLayers().item(2).setVisible(aircraftLayer);
  map.getLayers().item(3).setVisible(contextLayer);
  const deltas = [0, 1, 2, 3, 4].map(step => syntheticDelta(aircraft, step));
  const texts = deltas.map(m => JSON.stringify(m));
  const encoded = { snapshot: frameText(deltas[0], true), deltas: deltas.map(m => frameText(m, false)) };
  const sse = text => text.length + 'event: delta\ndata: \n\n'.length;
  const updates = await updateTimes(encoded, texts);
  const view = map.getView();
  const frames = [];
  // As while a person drags and wheels the map: OpenLayers then reuses the basemap image until the gesture ends.
  view.beginInteraction();
  let last = await nextFrame();
  const start = last;
  let nextUpdate = start + 1000, step = 5;
  while (last - start < seconds * 1000) {
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
    const t = (now - start) / 1000;
    // A loop over Europe and the Atlantic, zooming in and out between levels 3 and 6.
    view.setCenter(project(-10 + 25 * Math.cos(t * 0.6), 45 + 10 * Math.sin(t * 0.6)));
    view.setZoom(4.5 + 1.5 * Math.sin(t * 0.9));
    if (now >= nextUpdate) {
      store.applyFrame(decodeFrame(encoded.deltas[step++ % encoded.deltas.length]), false);
      nextUpdate += 1000;
    }
  }
  view.endInteraction();
  const sorted = frames.slice().sort((a, b) => a - b);
  return {
    aircraft, seconds, frames: frames.length,
    medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), maxMs: sorted[sorted.length - 1],
    ...updates, sseBytesPerSecond: sse(encoded.deltas[1]), jsonSseBytesPerSecond: sse(texts[1]), renderer: renderer.renderer(), drawn: store.visible.length,
  };
}

// ?aircraft=N shows N synthetic aircraft at once, to look at a crowded map.
const shown = Number(new URLSearchParams(location.search).get('aircraft'));
if (shown > 0) store.apply(syntheticDelta(shown, 0), true);

window.mapBench = {
  run,
  renderer: () => renderer.renderer(),
  get ready() { return map.getLayers().item(0).getSource().getFeatures().length > 0; },
};
