import { word } from '../messages.js';

// Filters of the live map, read from and written to the URL so a link reproduces the view.

export const FILTER_KEYS = ['callsign', 'airline', 'route', 'minAlt', 'maxAlt', 'source'];

export function readParams(search = location.search) {
  const params = new URLSearchParams(search);
  const f = {};
  for (const k of FILTER_KEYS) f[k] = (params.get(k) || '').trim();
  return f;
}

/** A predicate over store records for the given filter values (all optional, combined with AND). */
export function predicate(f) {
  const callsign = f.callsign.toUpperCase(), airline = f.airline.toUpperCase(), route = f.route.toUpperCase();
  const minAlt = f.minAlt === '' ? null : Number(f.minAlt), maxAlt = f.maxAlt === '' ? null : Number(f.maxAlt);
  const source = f.source, mark = registration(callsign);
  if (!callsign && !airline && !route && minAlt == null && maxAlt == null && !source) return () => true;
  return a => {
    if (callsign && !(a.callsign || '').toUpperCase().includes(callsign) && !a.key.toUpperCase().includes(callsign)
        && !(mark && registration(a.registration).includes(mark))) return false;
    if (airline && (a.airline || '').toUpperCase() !== airline && !(a.callsign || '').toUpperCase().startsWith(airline)) return false;
    if (route && (a.origin || '').toUpperCase() !== route && (a.destination || '').toUpperCase() !== route) return false;
    if (minAlt != null && (a.altitude == null || a.altitude < minAlt)) return false;
    if (maxAlt != null && (a.altitude == null || a.altitude > maxAlt)) return false;
    if (source && a.source !== source) return false;
    return true;
  };
}

/** Registrations compare without their dash: D-AIMA, DAIMA and daima are one aircraft. */
function registration(text) { return (text || '').toUpperCase().replace(/-/g, ''); }

export function bindForm(form, initial, onChange) {
  for (const k of FILTER_KEYS) {
    const input = form.elements[k];
    if (k === 'source' && initial[k] && ![...input.options].some(o => o.value === initial[k])) {
      input.add(new Option(initial[k], initial[k]));
    }
    input.value = initial[k];
  }
  const read = () => {
    const f = {};
    for (const k of FILTER_KEYS) f[k] = String(form.elements[k].value || '').trim();
    return f;
  };
  let timer;
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => onChange(read()), 120); });
  form.addEventListener('change', () => onChange(read()));
  form.addEventListener('reset', () => setTimeout(() => onChange(read()), 0));
  form.addEventListener('submit', e => { e.preventDefault(); onChange(read()); });
}

/** Keeps new source names selectable as they appear in the feed. */
export function offerSources(select, sources) {
  const known = new Set([...select.options].map(o => o.value));
  for (const s of sources) if (!known.has(s)) select.add(new Option(word('js.source.', s), s));
}

export function writeUrl(filters, extra) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v === '' || v == null || v === false) params.delete(k); else params.set(k, v);
  }
  params.delete('lang');
  const query = params.toString();
  history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
}
