import { clockFor, num } from './format.js';
import { t } from '../messages.js';

// The altitude and speed of a track over time, one uPlot chart with an axis for each, times in UTC.

const HEIGHT = 180;

export class ProfileChart {
  constructor(element) {
    this.element = element;
    this.chart = null;
    this.time = null;
    window.addEventListener('resize', () => this.chart?.setSize({ width: this.width(), height: HEIGHT }));
  }

  width() {
    return Math.max(260, this.element.clientWidth - 8);
  }

  show(points) {
    this.chart?.destroy();
    this.chart = null;
    this.element.dataset.points = String(points.length);
    if (!points.length) return;
    const clock = clockFor(points[points.length - 1].time - points[0].time);
    const data = [points.map(p => p.time / 1000), points.map(p => p.altitude ?? null), points.map(p => p.speed ?? null)];
    this.chart = new uPlot({
      width: this.width(), height: HEIGHT,
      scales: { x: { time: true }, alt: {}, spd: {} },
      series: [
        { label: t('history.time'), value: (u, v) => v == null ? '—' : clock(v * 1000) },
        { label: t('history.altitude'), scale: 'alt', value: (u, v) => num(v), stroke: '#0b5fff', fill: 'rgba(11,95,255,0.08)', width: 1.5 },
        { label: t('history.speed'), scale: 'spd', value: (u, v) => num(v), stroke: '#d0103a', width: 1.5 },
      ],
      axes: [
        { values: (u, splits) => splits.map(s => clock(s * 1000)) },
        { scale: 'alt', size: 55, stroke: '#0b5fff', values: numbers },
        { scale: 'spd', side: 1, size: 50, stroke: '#d0103a', grid: { show: false }, values: numbers },
      ],
      cursor: { drag: { x: false, y: false } },
      hooks: { ready: [() => this.mark(this.time)] },
    }, data, this.element);
  }

  /** Shows the slider's time on the chart. */
  mark(time) {
    this.time = time;
    if (!this.chart || time == null) return;
    this.chart.setCursor({ left: this.chart.valToPos(time / 1000, 'x'), top: 0 });
  }
}

function numbers(u, splits) {
  return splits.map(num);
}
