// How the history page writes times, numbers and words: UTC, 24-hour clock, in the page's language.

import { t, word, lang } from '../messages.js';

const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const clockSeconds = new Intl.DateTimeFormat(lang,
  { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });

/** HH:mm in UTC, or '' when there is no time. */
export const hhmm = iso => iso ? clock.format(new Date(iso)) : '';

export const hhmmss = millis => clockSeconds.format(new Date(millis));

/** HH:mm, with seconds when the times are minutes apart or less (a short track's chart axis). */
export const clockFor = spanMillis => spanMillis > 20 * 60_000 ? hhmm : hhmmss;

export const num = v => v == null ? '—' : numbers.format(v);

/** A delay with its sign: +25 min late, −5 min early. */
export const delay = minutes => minutes == null ? '—'
  : t('history.minutes', (minutes > 0 ? '+' : minutes < 0 ? '−' : '') + numbers.format(Math.abs(minutes)));

/** Days between a UTC day (yyyy-MM-dd) and an instant's UTC day: the "+1" of an arrival after midnight. */
export function dayOffset(day, iso) {
  if (!iso) return 0;
  return Math.round((Date.parse(iso.slice(0, 10)) - Date.parse(day)) / 86_400_000);
}

export const statusText = status => status ? word('history.status.', status) : '—';

export const flightName = leg => leg.flightNumber || leg.callsign || leg.transponder;

export const route = leg => `${leg.origin || '?'} → ${leg.destination || '?'}`;

export const aircraft = leg => [leg.aircraftType, leg.registration].filter(Boolean).join(' · ') || leg.transponder;

/** Off block, else takeoff: when the flight left (as the boards count it). */
export const actualDeparture = leg => leg.offBlock || leg.takeoff;

/** Landing, else on block: when the flight arrived (as the boards count it). */
export const actualArrival = leg => leg.landing || leg.onBlock;
