import { WebGLAircraftLayer } from './webgl-layer.js';
import { CanvasAircraftLayer } from './canvas-layer.js';
import { ContextLayer, pixelMapper } from './context-layer.js';
import { WORLD, project } from './store.js';
import { basemapLayer, mapControls, TRAIL_STYLE } from '../basemap.js';

// The OpenLayers map: the offline basemap, the aircraft layer on top, a vector layer for the trail,
// and under the aircraft the airports and callsign labels (from airportsUrl; none without it).

export function createMap(target, store, { center = [10, 48], zoom = 4, airportsUrl = '/api/v1/airports/map' } = {}) {
  const basemap = basemapLayer();
  const renderer = WebGLAircraftLayer.supported() ? safeWebGL(store) : new CanvasAircraftLayer(store);
  const state = { frame: null };
  const aircraft = new ol.layer.Layer({
    render: frameState => { state.frame = frameState; return renderer.render(frameState); },
    zIndex: 10,
  });
  const trailSource = new ol.source.Vector();
  const trail = new ol.layer.Vector({
    source: trailSource,
    style: TRAIL_STYLE,
    zIndex: 5,
  });
  const context = new ContextLayer(store);
  if (airportsUrl) context.load(airportsUrl).then(() => map.render());
  const contextLayer = new ol.layer.Layer({ render: frameState => context.render(frameState), zIndex: 8 });
  const map = new ol.Map({
    target,
    layers: [basemap, trail, aircraft, contextLayer],
    view: new ol.View({ center: project(center[0], center[1]), zoom, maxZoom: 14, minZoom: 2 }),
    controls: mapControls(),
  });
  return { map, renderer, aircraft, basemap, trailSource, context, frame: () => state.frame };
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
