// A flight event told as a sentence in the page's language ("DLH4AB landed at Hamburg (HAM)"),
// from the event as the API and the live feed give it and the page's messages. Pure: no page, no
// fetch, so the events panel and the alerts can both use it.

import { fill } from '../fill.js';

const SQUAWK_MEANINGS = new Set(['7500', '7600', '7700']);

/**
 * event: {type, key, callsign, squawk, detail, airport?, airportName?} and, for an alert, flight and
 * delayMinutes; messages: key → text with {0}, {1}… placeholders (the js.event.* and js.squawk.* keys).
 * The flight is named by its flight number when known, else its callsign, else its transponder.
 */
export function sentence(event, messages) {
  const who = event.flight || event.callsign || event.key;
  const text = (key, ...args) => fill(messages[key] ?? key, args);
  switch (event.type) {
    case 'takeoff':
    case 'landing': {
      const place = airport(event);
      return place ? text(`js.event.${event.type}.at`, who, place) : text(`js.event.${event.type}`, who);
    }
    case 'emergency': {
      const squawk = event.squawk || firstMatch(event.detail, /\b(7[567]00)\b/);
      return SQUAWK_MEANINGS.has(squawk)
        ? text('js.event.emergency', who, squawk, text(`js.squawk.${squawk}`)) : text('js.event.emergency.unknown', who);
    }
    case 'delay': {
      const minutes = event.delayMinutes ?? firstMatch(event.detail, /(\d+)\s*min/);
      return minutes ? text('js.event.delay', who, minutes) : text('js.event.delay.unknown', who);
    }
    case 'signal_lost': {
      const seconds = firstMatch(event.detail, /(\d+)\s*s\b/);
      return seconds ? text('js.event.signal_lost', who, Math.round(Number(seconds) / 60)) : text('js.event.signal_lost.unknown', who);
    }
    default:
      return text('js.event.other', who);
  }
}

/** "Hamburg (HAM)" when the name is known, else "HAM"; the event names its airport's code after "from"/"at". */
function airport(event) {
  const code = event.airport || firstMatch(event.detail, /\b([A-Z]{3})\s*$/);
  if (!code) return null;
  return event.airportName ? `${event.airportName} (${code})` : code;
}

/** The airport code of a takeoff or landing, for looking its name up. */
export function airportCode(event) {
  if (event.type !== 'takeoff' && event.type !== 'landing') return null;
  return event.airport || firstMatch(event.detail, /\b([A-Z]{3})\s*$/);
}

function firstMatch(text, pattern) {
  const m = pattern.exec(text || '');
  return m ? m[1] : null;
}
