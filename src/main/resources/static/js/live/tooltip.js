import { aircraftAt } from './map.js';
import { t, number } from '../messages.js';

// A tooltip for the aircraft under the pointer, from the same hit-testing as a click: callsign,
// route and altitude, next to the pointer; the pointer becomes a hand over an aircraft.

export function hoverTooltip({ map, store, frame, element }) {
  const hide = () => { element.hidden = true; delete element.dataset.key; };
  map.on('pointermove', e => {
    if (e.dragging) return;
    const f = frame();
    const hit = f && aircraftAt(f, store, e.pixel);
    map.getTargetElement().style.cursor = hit ? 'pointer' : '';
    if (!hit) { hide(); return; }
    element.querySelector('.tt-callsign').textContent = hit.callsign || hit.registration || hit.key;
    element.querySelector('.tt-route').textContent = `${hit.origin || '?'} → ${hit.destination || '?'}`;
    element.querySelector('.tt-altitude').textContent = hit.onGround ? t('js.phase.ground')
        : hit.altitude == null ? '—' : `${number(hit.altitude)} m`;
    element.dataset.key = hit.key;
    element.hidden = false;
    const [w] = map.getSize();
    const flip = e.pixel[0] > w - 180;
    element.style.left = `${flip ? e.pixel[0] - 14 - element.offsetWidth : e.pixel[0] + 14}px`;
    element.style.top = `${e.pixel[1] + 14}px`;
  });
  map.getViewport().addEventListener('pointerleave', hide);
}
