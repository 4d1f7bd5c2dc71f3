// Downloads of what is on screen: aircraft or a track as GeoJSON or CSV.

export function aircraftGeoJson(list) {
  return {
    type: 'FeatureCollection',
    features: list.map(a => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
      properties: pick(a),
    })),
  };
}

export function aircraftCsv(list) {
  return csv(AIRCRAFT_COLUMNS, list.map(a => AIRCRAFT_COLUMNS.map(c => a[c])));
}

export function trackGeoJson(key, points) {
  return {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: points.map(p => [p.lon, p.lat, p.altitude ?? 0]) },
      properties: { key, times: points.map(p => p.time) },
    }],
  };
}

export function trackCsv(points) {
  const cols = ['time', 'lat', 'lon', 'altitude', 'speed', 'track'];
  return csv(cols, points.map(p => cols.map(c => c === 'time' ? new Date(p.time).toISOString() : p[c])));
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const AIRCRAFT_COLUMNS = ['key', 'callsign', 'airline', 'origin', 'destination', 'lat', 'lon', 'altitude', 'speed',
  'track', 'verticalRate', 'squawk', 'onGround', 'source'];

function pick(a) {
  const o = {};
  for (const c of AIRCRAFT_COLUMNS) if (c !== 'lat' && c !== 'lon') o[c] = a[c] ?? null;
  return o;
}

function csv(columns, rows) {
  const cell = v => v == null ? '' : /[",\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v);
  return [columns.join(','), ...rows.map(r => r.map(cell).join(','))].join('\n') + '\n';
}
