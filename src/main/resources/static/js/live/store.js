// The browser's copy of the live view: one record per aircraft, updated in batches from the SSE
// snapshot/delta frames (or a playback's rows), and packed into one Float32Array for the GPU.

import { numberAt } from './frame.js';

export const R = 6378137;                       // EPSG:3857 sphere radius
export const WORLD = 2 * Math.PI * R;           // width of the world in projected metres
export const STRIDE = 8;                        // floats per aircraft in the GPU buffer
export const FLAG_SELECTED = 1, FLAG_EMERGENCY = 2, FLAG_GROUND = 4;
const EMERGENCY = new Set(['7500', '7600', '7700']);
const MAX_LAT = 85.05;

export function project(lon, lat) {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  return [lon * Math.PI / 180 * R, Math.log(Math.tan(Math.PI / 4 + phi / 2)) * R];
}

export function unproject(x, y) {
  return [x / R * 180 / Math.PI, (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * 180 / Math.PI];
}

export const isEmergency = squawk => EMERGENCY.has(squawk);

/** Seconds on the page's own clock: positions are extrapolated from when they arrived here. */
export const nowSeconds = () => performance.now() / 1000;

export class AircraftStore {
  constructor() {
    this.byKey = new Map();
    this.bySlot = [];                     // the frame format's slots
    this.total = 0;
    this.filter = () => true;
    this.selected = null;
    this.visible = [];                    // aircraft passing the filter, in buffer order
    this.buffer = new Float32Array(0);
    this.version = 0;                     // bumped whenever buffer changes
    this.sources = new Set();
  }

  /**
   * Applies one SSE message ({fields, rows, removed, total}); snapshot replaces everything. A
   * played-back message carries `rate`, how fast its time runs: the layer extrapolates at it.
   */
  apply(message, snapshot, receivedAt = nowSeconds()) {
    const f = indexOf(message.fields);
    if (snapshot) this.clear();
    for (const row of message.rows) {
      const key = row[f.key];
      let a = this.byKey.get(key);
      if (!a) { a = { key }; this.byKey.set(key, a); }
      a.lat = row[f.lat]; a.lon = row[f.lon];
      a.altitude = val(row, f.altitude); a.track = val(row, f.track); a.speed = val(row, f.speed);
      a.verticalRate = val(row, f.verticalRate); a.callsign = val(row, f.callsign); a.squawk = val(row, f.squawk);
      a.airline = val(row, f.airline); a.origin = val(row, f.origin); a.destination = val(row, f.destination);
      a.onGround = !!val(row, f.onGround); a.source = val(row, f.source);
      a.registration = val(row, f.registration); a.aircraftType = val(row, f.aircraftType);
      if (a.source) this.sources.add(a.source);
      place(a, receivedAt, message.rate ?? 1);
    }
    for (const key of message.removed || []) this.byKey.delete(key);
    this.total = this.byKey.size;
    this.rebuild();
  }

  /** Applies one decoded frame (frame.js): slots that left, then texts, then numbers; snapshot replaces everything. */
  applyFrame(frame, snapshot, receivedAt = nowSeconds()) {
    if (snapshot) this.clear();
    for (const slot of frame.removed) {
      const a = this.bySlot[slot];
      if (a) this.byKey.delete(a.key);
      this.bySlot[slot] = undefined;
    }
    const texts = frame.texts;
    for (const row of frame.named) {
      let a = this.bySlot[row[0]];
      if (!a) {
        a = {};
        this.bySlot[row[0]] = a;
      }
      for (let t = 0; t < texts.length; t++) a[texts[t]] = row[t + 1];
      this.byKey.set(a.key, a);
      if (a.source) this.sources.add(a.source);
    }
    const [lat, lon, altitude, track, speed, verticalRate] = frame.numbers;
    for (let i = 0; i < frame.count; i++) {
      const a = this.bySlot[frame.slot[i]];
      a.lat = numberAt(lat, 0, i); a.lon = numberAt(lon, 1, i); a.altitude = numberAt(altitude, 2, i);
      a.track = numberAt(track, 3, i); a.speed = numberAt(speed, 4, i); a.verticalRate = numberAt(verticalRate, 5, i);
      a.onGround = frame.onGround[i] === 1;
      place(a, receivedAt, 1);
    }
    this.total = this.byKey.size;
    this.rebuild();
  }

  clear() {
    this.byKey.clear();
    this.bySlot = [];
  }

  setFilter(predicate) { this.filter = predicate; this.rebuild(); }

  select(key) { this.selected = key; this.rebuild(); }

  /** Re-packs the filtered aircraft: x, y, vx, vy, t0, track, altitude, flags. */
  rebuild() {
    const visible = [];
    for (const a of this.byKey.values()) if (this.filter(a)) visible.push(a);
    if (this.buffer.length < visible.length * STRIDE || this.buffer.length > visible.length * STRIDE * 4) {
      this.buffer = new Float32Array(Math.max(1024, visible.length * STRIDE * 1.5 | 0));
    }
    const b = this.buffer;
    let o = 0;
    for (const a of visible) {
      b[o] = a.x; b[o + 1] = a.y; b[o + 2] = a.vx; b[o + 3] = a.vy; b[o + 4] = a.t0;
      b[o + 5] = (a.track ?? 0) * Math.PI / 180;
      b[o + 6] = a.altitude ?? -1;
      b[o + 7] = (a.key === this.selected ? FLAG_SELECTED : 0) | (isEmergency(a.squawk) ? FLAG_EMERGENCY : 0)
          | (a.onGround ? FLAG_GROUND : 0);
      o += STRIDE;
    }
    this.visible = visible;
    this.version++;
  }

  /** Where an aircraft is now, extrapolated along its track (same formula as the shader). */
  positionNow(a, now = nowSeconds()) {
    const dt = Math.min(Math.max(now - a.t0, 0), MAX_EXTRAPOLATION);
    return [a.x + a.vx * dt, a.y + a.vy * dt];
  }

  emergencies() {
    const list = [];
    for (const a of this.byKey.values()) if (isEmergency(a.squawk)) list.push(a);
    return list;
  }
}

export const MAX_EXTRAPOLATION = 30;

function place(a, receivedAt, rate) {
  const [x, y] = project(a.lon, a.lat);
  a.x = x; a.y = y; a.t0 = receivedAt;
  // Dead reckoning: ground speed along the track, scaled by the Mercator stretch at this latitude.
  const v = a.onGround || a.speed == null || a.track == null ? 0 : a.speed / 3.6 * rate;
  const k = 1 / Math.cos(Math.min(MAX_LAT, Math.abs(a.lat)) * Math.PI / 180);
  const t = (a.track ?? 0) * Math.PI / 180;
  a.vx = v * Math.sin(t) * k;
  a.vy = v * Math.cos(t) * k;
}

function val(row, index) { return index === undefined ? null : row[index] ?? null; }

function indexOf(fields) {
  const f = {};
  fields.forEach((name, i) => { f[name] = i; });
  return f;
}
