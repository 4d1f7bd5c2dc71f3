import { nowSeconds } from './store.js';

// Replay of a past time window from the stored tracks of the aircraft in view: their tracks are
// fetched once, then played back through the same store and layer as live data.

const FIELDS = ['key', 'lat', 'lon', 'altitude', 'track', 'speed', 'callsign', 'airline', 'origin', 'destination', 'source'];
const MAX_AIRCRAFT = 300;

export async function loadTracks(aircraft, from, to) {
  const chosen = aircraft.slice(0, MAX_AIRCRAFT);
  const query = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const tracks = await Promise.all(chosen.map(async a => {
    try {
      const r = await fetch(`/api/v1/flights/${encodeURIComponent(a.key)}/track?${query}`);
      return r.ok ? { a, points: (await r.json()).points || [] } : null;
    } catch (e) { return null; }
  }));
  return tracks.filter(t => t && t.points.length);
}

/** Plays tracks from `from` at `speed`× real time; calls apply(message) a few times per second. */
export function play(tracks, from, to, speed, apply, onEnd) {
  const start = nowSeconds();
  const t0 = from.getTime(), t1 = to.getTime();
  const cursor = new Map();
  const tick = () => {
    const t = t0 + (nowSeconds() - start) * 1000 * speed;
    if (t > t1) { stop(); onEnd(); return; }
    const rows = [];
    for (const { a, points } of tracks) {
      let i = cursor.get(a.key) || 0;
      while (i + 1 < points.length && points[i + 1].time <= t) i++;
      cursor.set(a.key, i);
      const p = points[i];
      if (p.time > t || (i === points.length - 1 && t - p.time > 60000)) continue;
      const n = points[Math.min(i + 1, points.length - 1)];
      const f = n.time > p.time ? (t - p.time) / (n.time - p.time) : 0;
      rows.push([a.key, p.lat + (n.lat - p.lat) * f, p.lon + (n.lon - p.lon) * f, p.altitude, p.track,
        // speeded-up playback: the shader extrapolates at the played-back speed between ticks
        p.speed == null ? null : p.speed * speed, a.callsign, a.airline, a.origin, a.destination, a.source]);
    }
    apply({ time: t, fields: FIELDS, rows, removed: [] });
  };
  const timer = setInterval(tick, 250);
  const stop = () => clearInterval(timer);
  tick();
  return stop;
}
