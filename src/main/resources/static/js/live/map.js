import { WebGLAircraftLayer } from './webgl-layer.js';
import { CanvasAircraftLayer } from './canvas-layer.js';
import { ContextLayer, pixelMapper } from './context-layer.js';
import { WORLD, project } from './store.js';

// The OpenLayers map: offline Natural Earth basemap (rendered as an image, so panning and zooming
// don't re-stroke every coastline), the aircraft layer on top, a vector layer for the trail, and
// under the aircraft the airports and callsign labels (from airportsUrl; none without it).

export function createMap(target, store, { center = [10, 48], zoom = 4, airportsUrl = '/api/v1/airports/map' } = {}) {
  const countries = new ol.source.Vector({
    url: '/basemap/countries-50m.json', format: new ol.format.TopoJSON({ layers: ['countries'] }), overlaps: false,
  });
  countries.on('featuresloadend', e => e.features.forEach(f => unwrapAntimeridian(f.getGeometry())));
  const basemap = new ol.layer.VectorImage({
    source: countries,
    style: new ol.style.Style({
      fill: new ol.style.Fill({ color: '#eef0e6' }),
      stroke: new ol.style.Stroke({ color: '#9aa39a', width: 0.8 }),
    }),
    imageRatio: 1.5,
  });
  const renderer = WebGLAircraftLayer.supported() ? safeWebGL(store) : new CanvasAircraftLayer(store);
  const state = { frame: null };
  const aircraft = new ol.layer.Layer({
    render: frameState => { state.frame = frameState; return renderer.render(frameState); },
    zIndex: 10,
  });
  const trailSource = new ol.source.Vector();
  const trail = new ol.layer.Vector({
    source: trailSource,
    style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#d0103a', width: 2.5 }) }),
    zIndex: 5,
  });
  const context = new ContextLayer(store);
  if (airportsUrl) context.load(airportsUrl).then(() => map.render());
  const contextLayer = new ol.layer.Layer({ render: frameState => context.render(frameState), zIndex: 8 });
  const map = new ol.Map({
    target,
    layers: [basemap, trail, aircraft, contextLayer],
    view: new ol.View({ center: project(center[0], center[1]), zoom, maxZoom: 14, minZoom: 2 }),
    controls: ol.control.defaults.defaults({ attribution: false, rotate: false }).extend([new ol.control.ScaleLine()]),
  });
  return { map, renderer, aircraft, basemap, trailSource, context, frame: () => state.frame };
}

/**
 * Natural Earth cuts Russia and Fiji at ±180°, so some of their rings jump from one edge of the
 * world to the other and would be filled as a band across the map: move their western part east
 * of 180° instead. Antarctica really spans the whole world and is left alone.
 */
function unwrapAntimeridian(geometry) {
  if (!geometry || geometry.getExtent()[1] < -8e6) return;
  const polygons = geometry.getType() === 'MultiPolygon' ? geometry.getCoordinates() : [geometry.getCoordinates()];
  let changed = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let min = Infinity, max = -Infinity;
      for (const c of ring) { min = Math.min(min, c[0]); max = Math.max(max, c[0]); }
      if (max - min > WORLD / 2) {
        for (const c of ring) if (c[0] < 0) c[0] += WORLD;
        changed = true;
      }
    }
  }
  if (changed) geometry.setCoordinates(geometry.getType() === 'MultiPolygon' ? polygons : polygons[0]);
}

function safeWebGL(store) {
  try { return new WebGLAircraftLayer(store); } catch (e) { return new CanvasAircraftLayer(store); }
}

/** The aircraft under a pixel (CSS px), nearest within a few pixels, or null. */
export function aircraftAt(frame, store, pixel, tolerance = 12) {
  if (!frame) return null;
  const toPixel = pixelMapper(frame);
  const now = performance.now() / 1000;
  let best = null, bestD = tolerance * tolerance;
  for (const a of store.visible) {
    const [x, y] = store.positionNow(a, now);
    const [px, py] = toPixel(x, y);
    const d = (px - pixel[0]) ** 2 + (py - pixel[1]) ** 2;
    if (d < bestD) { bestD = d; best = a; }
  }
  return best;
}

/** Aircraft inside the current view extent (for export). */
export function inView(map, store) {
  const extent = map.getView().calculateExtent(map.getSize());
  const now = performance.now() / 1000;
  return store.visible.filter(a => {
    const [x, y] = store.positionNow(a, now);
    const wrapped = x + WORLD * Math.round(((extent[0] + extent[2]) / 2 - x) / WORLD);
    return wrapped >= extent[0] && wrapped <= extent[2] && y >= extent[1] && y <= extent[3];
  });
}
