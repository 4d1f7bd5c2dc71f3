// Events (takeoff, landing, emergency, signal lost, delay) as a list, and a banner while any
// aircraft squawks an emergency code.

const $ = id => document.getElementById(id);

export class EventsView {
  constructor({ text, onPick }) {
    this.text = text;
    this.onPick = onPick;
    this.list = $('events');
    this.seen = new Set();
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
    const time = new Date(event.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${time} ${event.type} ${event.callsign || event.key}${event.squawk ? ' ' + event.squawk : ''}`;
    button.addEventListener('click', () => this.onPick(event.key));
    li.appendChild(button);
    this.list.prepend(li);
    while (this.list.children.length > 100) this.list.lastChild.remove();
  }

  /** The banner names the aircraft squawking an emergency right now. */
  showEmergencies(aircraft) {
    if (!aircraft.length) { this.banner.hidden = true; this.bannerKey = null; return; }
    const first = aircraft[0];
    this.bannerKey = first.key;
    $('banner-text').textContent = `${this.text.emergency}: ` + aircraft.slice(0, 3)
        .map(a => `${a.callsign || a.key} (${a.squawk})`).join(', ') + (aircraft.length > 3 ? ` +${aircraft.length - 3}` : '');
    this.banner.hidden = false;
  }
}
