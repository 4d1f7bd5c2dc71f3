import { WORLD } from './live/store.js';
import { t } from './messages.js';

// What every map page shares: the offline Natural Earth basemap (rendered as an image, so panning
// and zooming don't re-stroke every coastline), the controls, and the style of a flight's trail.

export const TRAIL_STYLE = new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#d0103a', width: 2.5 }) });

/** Zoom buttons with their tooltips in the page's language (OpenLayers' own are English), and a scale. */
export function mapControls() {
  return ol.control.defaults.defaults({ attribution: false, rotate: false,
    zoomOptions: { zoomInTipLabel: t('js.map.zoomIn'), zoomOutTipLabel: t('js.map.zoomOut') } })
    .extend([new ol.control.ScaleLine()]);
}

export function basemapLayer() {
  const countries = new ol.source.Vector({
    url: '/basemap/countries-50m.json', format: new ol.format.TopoJSON({ layers: ['countries'] }), overlaps: false,
  });
  countries.on('featuresloadend', e => e.features.forEach(f => unwrapAntimeridian(f.getGeometry())));
  return new ol.layer.VectorImage({
    source: countries,
    style: new ol.style.Style({
      fill: new ol.style.Fill({ color: '#eef0e6' }),
      stroke: new ol.style.Stroke({ color: '#9aa39a', width: 0.8 }),
    }),
    imageRatio: 1.5,
  });
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
