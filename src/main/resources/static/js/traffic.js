// Traffic statistics on the stats page (/api/v1/stats/traffic): flights now by airline and by
// country of registration, today's busiest airports and departure delays, as uPlot bar charts,
// refreshed every 30 s.

import { t, lang } from './messages.js';

const root = document.getElementById('traffic');
const charts = new Map();

function width(el) { return Math.max(260, el.clientWidth - 8); }

function countryName(iso) {
  try { return new Intl.DisplayNames([lang], { type: 'region' }).of(iso) || iso; } catch (e) { return iso; }
}

function delayLabel(b) {
  if (b.fromMinutes == null) return t('traffic.delay.early');
  if (b.toMinutes == null) return t('traffic.delay.over', b.fromMinutes);
  return `${b.fromMinutes}–${b.toMinutes}`;
}

/** Each chart: category labels, then one or two series of values. */
function figures(traffic) {
  return {
    byAirline: { labels: traffic.byAirline.map(s => s.code), series: [[t('traffic.flights'), traffic.byAirline.map(s => s.flights)]],
      titles: traffic.byAirline.map(s => s.name || s.code) },
    byCountry: { labels: traffic.byCountry.map(s => s.code), series: [[t('traffic.flights'), traffic.byCountry.map(s => s.flights)]],
      titles: traffic.byCountry.map(s => countryName(s.code)) },
    busiestAirports: { labels: traffic.busiestAirports.map(a => a.code),
      series: [[t('traffic.departures'), traffic.busiestAirports.map(a => a.departures)], [t('traffic.arrivals'), traffic.busiestAirports.map(a => a.arrivals)]],
      titles: traffic.busiestAirports.map(a => a.name || a.code) },
    delays: { labels: traffic.delays.map(delayLabel), series: [[t('traffic.departures'), traffic.delays.map(b => b.departures)]],
      titles: traffic.delays.map(delayLabel) },
  };
}

const AXIS_FONT = '11px system-ui, sans-serif';
const COLORS = [['#0b5fff', 'rgba(11,95,255,0.55)'], ['#d97706', 'rgba(217,119,6,0.55)']];

function draw(traffic) {
  document.getElementById('traffic-now').textContent = Number(traffic.flightsNow).toLocaleString(lang);
  document.getElementById('traffic-day').textContent = traffic.day;
  const all = figures(traffic);
  root.querySelectorAll('.traffic-chart').forEach(section => {
    const name = section.dataset.traffic;
    const f = all[name];
    const xs = f.labels.map((_, i) => i);
    // two series side by side: the second's bars shifted half a bar
    const data = [xs, ...f.series.map(([, values]) => values)];
    section.dataset.labels = f.labels.join(',');
    section.dataset.values = f.series.map(([, values]) => values.join(',')).join(';');
    section.title = f.titles.join(', ');
    charts.get(name)?.destroy();
    const chart = new uPlot({
      width: width(section), height: 200,
      scales: { x: { time: false, range: () => [-0.5, Math.max(0.5, xs.length - 0.5)] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [{ splits: () => xs, values: (u, splits) => splits.map(i => f.labels[i] ?? ''), gap: 4, size: 36, font: AXIS_FONT },
        { size: 50, font: AXIS_FONT, values: (u, splits) => splits.map(v => Number.isInteger(v) ? v.toLocaleString(lang) : '') }],
      series: [{}, ...f.series.map(([label], i) => ({
        label, stroke: COLORS[i][0], fill: COLORS[i][1], width: 1, points: { show: false },
        paths: uPlot.paths.bars({ size: [f.series.length > 1 ? 0.4 : 0.7, 48], align: f.series.length > 1 ? (i === 0 ? -1 : 1) : 0 }),
      }))],
      legend: { show: f.series.length > 1, live: false },
    }, data, section.querySelector('.plot'));
    charts.set(name, chart);
  });
}

async function refresh() {
  try {
    const r = await fetch('/api/v1/stats/traffic');
    if (!r.ok) return;
    draw(await r.json());
    document.body.dataset.trafficLoaded = 'true';
  } catch (e) { /* the pipeline charts still show */ }
}

window.addEventListener('resize', () => charts.forEach((c, name) =>
  c.setSize({ width: width(root.querySelector(`[data-traffic="${name}"]`)), height: 200 })));
refresh();
setInterval(refresh, 30_000);
