// Alerts that reach the user: flights, aircraft and airports followed from the pages are kept in a
// watchlist in localStorage, and the alert stream, filtered to that watchlist, raises a browser
// notification for each of their takeoffs, landings, delays and emergency squawks (an in-page
// toast where notifications are not allowed), told in the same sentences as the live map's events.

import { t, messages } from './messages.js';
import { sentence } from './live/sentences.js';

const STORAGE = 'airlines.watchlist';
const NOTIFIED = new Set(['takeoff', 'landing', 'delay', 'emergency']);
const PARAM = { flight: 'flight', aircraft: 'aircraft', airport: 'airport' };
const $ = id => document.getElementById(id);
const listeners = new Set();

export function watchlist() {
  try {
    const items = JSON.parse(localStorage.getItem(STORAGE) || '[]');
    return Array.isArray(items) ? items.filter(i => i && PARAM[i.kind] && i.id) : [];
  } catch (e) {
    return [];
  }
}

function save(items) {
  localStorage.setItem(STORAGE, JSON.stringify(items));
  listeners.forEach(l => l(items));
}

export function onWatchlistChange(listener) {
  listeners.add(listener);
}

export function isWatched(kind, id) {
  return watchlist().some(i => i.kind === kind && i.id === id);
}

/** The first follow asks for permission to notify: it runs in the click that follows. */
export function watch(kind, id, label) {
  if (!isWatched(kind, id)) save([...watchlist(), { kind, id, label: label || id }]);
  if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission();
}

export function unwatch(kind, id) {
  save(watchlist().filter(i => !(i.kind === kind && i.id === id)));
}

export function clearWatchlist() {
  save([]);
}

/** The alert stream's URL for a watchlist, or null when it is empty. */
export function streamUrl(items) {
  if (!items.length) return null;
  const query = new URLSearchParams();
  for (const kind of Object.keys(PARAM)) {
    const ids = items.filter(i => i.kind === kind).map(i => i.id);
    if (ids.length) query.set(PARAM[kind], ids.join(','));
  }
  return `/api/v1/alerts/stream?${query}`;
}

function toast(message) {
  const box = $('alert-toasts');
  if (!box) return;
  const div = document.createElement('div');
  div.className = 'toast';
  div.setAttribute('role', 'status');
  div.textContent = message;
  box.append(div);
  setTimeout(() => div.remove(), 10_000);
}

function tell(alert) {
  const body = sentence(alert, messages);
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(t('alerts.title'), { body, tag: alert.id });
      return;
    } catch (e) { /* some browsers only notify from a service worker: the toast says it instead */ }
  }
  toast(body);
}

/** Keeps one alert stream open for the current watchlist, reopened when it changes. */
export function startAlerts() {
  const state = { source: null, open: false };
  const connect = items => {
    state.source?.close();
    state.source = null;
    state.open = false;
    const url = streamUrl(items);
    if (!url) return;
    const source = new EventSource(url);
    source.addEventListener('open', () => { state.open = true; });
    source.addEventListener('alert', e => {
      const alert = JSON.parse(e.data);
      if (NOTIFIED.has(alert.type)) tell(alert);
    });
    state.source = source;
  };
  onWatchlistChange(connect);
  window.addEventListener('storage', e => { if (e.key === STORAGE) connect(watchlist()); });
  connect(watchlist());
  renderWatchlist();
  // For tests: whether the stream is open.
  window.airlinesAlerts = { connected: () => state.open, watchlist };
  return state;
}

/** The watchlist panel, where present: each item with a remove button, and a button to clear all. */
function renderWatchlist() {
  const list = $('watchlist');
  if (!list) return;
  const draw = items => {
    list.replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      li.dataset.kind = item.kind;
      li.dataset.id = item.id;
      const name = document.createElement('span');
      name.textContent = `${t(`alerts.kind.${item.kind}`)} ${item.label}`;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${t('alerts.remove')} ${item.label}`);
      remove.addEventListener('click', () => unwatch(item.kind, item.id));
      li.append(name, ' ', remove);
      return li;
    }));
    $('watchlist-none').hidden = items.length > 0;
    $('watchlist-clear').hidden = items.length === 0;
  };
  $('watchlist-clear').addEventListener('click', clearWatchlist);
  onWatchlistChange(draw);
  draw(watchlist());
}

/** A bell button that follows or stops following one item; {@code current} says which, or null. */
export function bindWatchButton(button, kind, current) {
  const label = button.textContent;
  const refresh = () => {
    const item = current();
    button.hidden = !item;
    const on = !!item && isWatched(kind, item.id);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? t('alerts.unwatch') : label;
  };
  button.addEventListener('click', () => toggle(kind, current()));
  onWatchlistChange(refresh);
  refresh();
  return refresh;
}

/** A bell of one item among many (a board's flight): pressed while followed, its tooltip saying what a click does. */
export function bindBell(button, kind, item) {
  const refresh = () => {
    const on = isWatched(kind, item.id);
    button.setAttribute('aria-pressed', String(on));
    button.title = on ? t('alerts.unwatch') : t(`alerts.watch.${kind}`);
  };
  button.addEventListener('click', () => toggle(kind, item));
  onWatchlistChange(refresh);
  refresh();
}

function toggle(kind, item) {
  if (!item) return;
  if (isWatched(kind, item.id)) unwatch(kind, item.id); else watch(kind, item.id, item.label);
}
