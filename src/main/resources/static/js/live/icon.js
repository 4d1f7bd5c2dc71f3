// The aircraft silhouette, drawn once: red channel = body, green channel = outline, pointing north.
export const ICON_PX = 64;

export function planePath(ctx, s) {
  const p = (x, y) => [x * s / 64, y * s / 64];
  const pts = [[32, 3], [36, 10], [36, 24], [60, 38], [60, 43], [36, 36], [35, 52], [44, 58], [44, 61], [32, 58],
    [20, 61], [20, 58], [29, 52], [28, 36], [4, 43], [4, 38], [28, 24], [28, 10]];
  ctx.beginPath();
  pts.forEach(([x, y], i) => { const [px, py] = p(x, y); i ? ctx.lineTo(px, py) : ctx.moveTo(px, py); });
  ctx.closePath();
}

export function iconCanvas(size = ICON_PX) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  planePath(ctx, size);
  ctx.lineJoin = 'round';
  ctx.lineWidth = size / 10;
  ctx.strokeStyle = 'rgb(0,255,0)';
  ctx.stroke();
  ctx.fillStyle = 'rgb(255,0,0)';
  ctx.fill();
  return canvas;
}

/** Altitude (m) → colour, as the legend shows: orange near the ground through green and blue to magenta at 12 km. */
export function altitudeHue(altitude) {
  if (altitude == null || altitude < 0) return -1;
  const t = Math.min(altitude, 12000) / 12000;
  return 20 + t * 280;
}

export function hslToRgb(h, s, l) {
  const k = n => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = n => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}
