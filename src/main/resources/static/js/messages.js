// The page's texts (rendered by the server in the page's language) and number, date and time
// formats of that language: scripts hold no words of their own.

import { fill } from './fill.js';

const holder = document.getElementById('page-messages');
export const messages = holder?.dataset.messages ? JSON.parse(holder.dataset.messages) : {};
export const lang = document.documentElement.lang || 'en';

/** The text of a key with {0}, {1}… filled in; the key itself when the page has no such text. */
export function t(key, ...args) {
  return fill(messages[key] ?? key, args);
}


/** A name from the data (a source, a state) in the page's language when the page has a word for it, else as it is. */
export function word(prefix, name) {
  return messages[prefix + name] ?? name;
}

const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
export const number = v => numbers.format(v);
const tenths = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const decimal = v => tenths.format(v);

/** 24-hour "14:07" in the given IANA zone (the browser's when none). */
export function clock(date, timeZone) {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
}

/** "5 Dec, 14:07 UTC": a moment said with its date and its zone. */
export function moment(date, timeZone) {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short', timeZone }).format(date);
}
