import { makeAllSortable } from './sortable.js';
import { lang, clock } from './messages.js';

// One uPlot chart per pipeline figure over the last hour (/api/v1/stats history, one sample per
// 10 s), refreshed every 10 s.

const charts = new Map();
const figures = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
const figure = v => figures.format(v);

function width(el) { return Math.max(260, el.clientWidth - 8); }

function draw(history, latest) {
  const times = history.map(s => s.time / 1000);
  document.querySelectorAll('.chart').forEach(section => {
    const metric = section.dataset.metric;
    const values = history.map(s => s[metric] ?? null);
    section.querySelector('.value').textContent = figure(Number(latest[section.dataset.now] ?? 0));
    const data = [times, values];
    const plot = section.querySelector('.plot');
    let chart = charts.get(metric);
    if (!chart) {
      chart = new uPlot({
        width: width(section), height: 160,
        series: [{}, { label: section.querySelector('h2').textContent, stroke: '#0b5fff', fill: 'rgba(11,95,255,0.08)', width: 1.5 }],
        // the page's language and a 24-hour clock, not uPlot's English names and AM/PM
        axes: [{ values: (u, splits) => splits.map(s => clock(new Date(s * 1000))) },
          { size: 50, values: (u, splits) => splits.map(figure) }],
        legend: { show: false },
      }, data, plot);
      charts.set(metric, chart);
    } else {
      chart.setData(data);
    }
  });
}

async function refresh() {
  try {
    const r = await fetch('/api/v1/stats');
    if (!r.ok) throw new Error(String(r.status));
    const stats = await r.json();
    document.getElementById('stats-unavailable').hidden = true;
    draw(stats.history || [], stats);
    document.body.dataset.statsLoaded = 'true';
  } catch (e) {
    document.getElementById('stats-unavailable').hidden = false;
  }
}

window.addEventListener('resize', () => charts.forEach((c, metric) =>
  c.setSize({ width: width(document.querySelector(`.chart[data-metric="${metric}"]`)), height: 160 })));
// For tests: the labels the charts' axes print (drawn on canvas, so not in the page's text).
window.airlinesStats = { axisLabels: () => [...charts.values()].flatMap(c => c.axes.flatMap(a => a._values || [])) };
makeAllSortable();
refresh();
setInterval(refresh, 10_000);
