// Playback of the sky: the map shows a past instant from the stored tracks. Frames of every
// aircraft (GET /api/v1/history/sky) are fetched a few seconds of simulated time apart and the
// map is fed positions interpolated between the two around the simulated time, through the same
// store and layer as live data.

export const SPEEDS = [1, 10, 60, 600];
const TICK_MS = 250;

async function fetchFrame(t) {
  const r = await fetch(`/api/v1/history/sky?at=${encodeURIComponent(new Date(t).toISOString())}`);
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).detail || `HTTP ${r.status}`);
  const m = await r.json();
  const key = m.fields.indexOf('key');
  return { time: m.time, fields: m.fields, byKey: new Map(m.rows.map(row => [row[key], row])) };
}

/** The row of an aircraft at t between its rows in two frames. */
function between(a, b, f, fields) {
  const row = (f < 0.5 ? a : b).slice();
  const lat = fields.lat, lon = fields.lon;
  row[lat] = a[lat] + (b[lat] - a[lat]) * f;
  let dLon = b[lon] - a[lon];
  if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360;
  row[lon] = a[lon] + dLon * f;
  if (a[fields.altitude] != null && b[fields.altitude] != null) {
    row[fields.altitude] = a[fields.altitude] + (b[fields.altitude] - a[fields.altitude]) * f;
  }
  return row;
}

/**
 * A playback from `at` (epoch ms): calls apply(message, snapshot) every tick with every aircraft
 * at the simulated time, and onTime(t) as it moves; onError(text) when a frame cannot be had.
 */
export class Playback {
  constructor({ apply, onTime, onError }) {
    this.apply = apply;
    this.onTime = onTime;
    this.onError = onError;
    this.time = null;
    this.speed = 60;
    this.playing = false;
    this.frames = [];
    this.pending = null;
    this.timer = null;
    this.lastTick = 0;
  }

  /** Simulated time between two frames: a few seconds, more at high speed so a fetch is due about once a second. */
  step() { return Math.max(5_000, this.speed * 1_000); }

  async seek(t) {
    this.time = t;
    this.frames = [];
    this.pending = null;
    await this.ensureFrames();
    this.render();
    this.onTime(this.time);
  }

  /** The frames already fetched stay: only the next ones come further apart. */
  setSpeed(speed) { this.speed = speed; }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.lastTick = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  pause() {
    this.playing = false;
    clearInterval(this.timer);
    this.timer = null;
    this.render();
  }

  stop() { this.pause(); this.frames = []; this.time = null; }

  tick() {
    const now = performance.now();
    const next = Math.min(this.time + (now - this.lastTick) * this.speed, Date.now());
    this.lastTick = now;
    const frames = this.frames;
    // Waits at the last frame while the next one is on its way: the map holds still rather than guess.
    this.time = frames.length > 1 ? Math.min(next, frames[frames.length - 1].time) : this.time;
    while (this.frames.length > 2 && this.frames[1].time <= this.time) this.frames.shift();
    this.ensureFrames();
    this.render();
    this.onTime(this.time);
  }

  /** Keeps a frame at or before the simulated time and the next one after it. */
  async ensureFrames() {
    if (this.pending) return this.pending;
    const frames = this.frames;
    let want = null;
    if (!frames.length) want = this.time;
    else if (frames.length < 3 && frames[frames.length - 1].time < Date.now() - 1_000) {
      want = Math.min(frames[frames.length - 1].time + this.step(), Date.now() - 1_000);
    }
    if (want == null) return null;
    this.pending = fetchFrame(want).then(frame => {
      if (this.frames === frames) frames.push(frame);
    }).catch(e => this.onError(e.message)).finally(() => { this.pending = null; });
    return this.pending;
  }

  /** Every aircraft at the simulated time, as one snapshot of the live store. */
  render() {
    const [a, b] = this.frames;
    if (!a) return;
    const fields = {};
    a.fields.forEach((name, i) => { fields[name] = i; });
    const rows = [];
    if (!b || this.time <= a.time) {
      for (const row of a.byKey.values()) rows.push(between(row, row, 0, fields));
    } else {
      const f = Math.min(1, (this.time - a.time) / (b.time - a.time));
      for (const [key, ra] of a.byKey) {
        const rb = b.byKey.get(key);
        if (rb) rows.push(between(ra, rb, f, fields));
        else if (f < 0.5) rows.push(between(ra, ra, 0, fields));
      }
      if (f >= 0.5) for (const [key, rb] of b.byKey) if (!a.byKey.has(key)) rows.push(between(rb, rb, 0, fields));
    }
    // The layer extrapolates along the track between ticks: at the played-back speed, still when paused.
    this.apply({ time: this.time, total: rows.length, fields: a.fields, rows, removed: [], rate: this.playing ? this.speed : 0 }, true);
  }
}
