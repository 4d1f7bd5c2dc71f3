import { sentence, airportCode } from './sentences.js';
import { messages, lang, t, moment } from '../messages.js';

// Events (takeoff, landing, emergency, signal lost, delay) as a list of sentences with their date
// and zone, and a banner while any aircraft squawks an emergency code.

const $ = id => document.getElementById(id);

export class EventsView {
  constructor({ onPick }) {
    this.onPick = onPick;
    this.list = $('events');
    this.seen = new Set();
    this.airportNames = new Map();
    this.banner = $('banner');
    this.bannerKey = null;
    $('banner-show').addEventListener('click', () => this.bannerKey && this.onPick(this.bannerKey));
  }

  async load() {
    try {
      const r = await fetch('/api/v1/events?limit=50');
      if (r.ok) ((await r.json()).events || []).slice().reverse().forEach(e => this.add(e));
    } catch (e) { /* the feed's alerts still arrive */ }
  }

  add(event) {
    const id = event.id || `${event.type}-${event.key}-${event.time}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.querySelector('li.none')?.remove();
    const li = document.createElement('li');
    li.className = event.type;
    const time = document.createElement('time');
    time.dateTime = new Date(event.time).toISOString();
    time.textContent = moment(new Date(event.time));
    const button = document.createElement('button');
    button.type = 'button';
    button.addEventListener('click', () => this.onPick(event.key));
    const tell = name => { button.textContent = sentence({ ...event, airportName: name }, messages); };
    tell(null);
    this.nameOf(airportCode(event))?.then(name => name && tell(name));
    li.append(time, ' ', button);
    this.list.prepend(li);
    while (this.list.children.length > 100) this.list.lastChild.remove();
  }

  /** The airport's city in the page's language (its own name when it has no city), asked once per code. */
  nameOf(code) {
    if (!code) return null;
    if (!this.airportNames.has(code)) {
      const json = async path => { const r = await fetch(path); return r.ok ? r.json() : null; };
      this.airportNames.set(code, (async () => {
        const airport = await json(`/api/v1/airports/${encodeURIComponent(code)}`);
        const city = airport?.city_code ? await json(`/api/v1/cities/${encodeURIComponent(airport.city_code)}`) : null;
        return city ? city.names?.[lang.toUpperCase()] || city.name : airport?.airport_name;
      })().catch(() => null));
    }
    return this.airportNames.get(code);
  }

  /** The banner names the aircraft squawking an emergency right now and what their code means. */
  showEmergencies(aircraft) {
    if (!aircraft.length) { this.banner.hidden = true; this.bannerKey = null; return; }
    const first = aircraft[0];
    this.bannerKey = first.key;
    $('banner-text').textContent = `${t('live.emergency')}: ` + aircraft.slice(0, 3)
        .map(a => `${a.callsign || a.key} (${a.squawk}, ${t('js.squawk.' + a.squawk)})`).join(', ')
        + (aircraft.length > 3 ? ` +${aircraft.length - 3}` : '');
    this.banner.hidden = false;
  }
}
