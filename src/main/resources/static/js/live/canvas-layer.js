import { WORLD, isEmergency } from './store.js';
import { iconCanvas, altitudeHue, hslToRgb } from './icon.js';
import { iconSize, fitCanvas } from './webgl-layer.js';

// Fallback when the browser has no WebGL2: the same aircraft drawn with canvas 2D, one pre-tinted
// icon per altitude band. Slower at tens of thousands of aircraft, but everything still works.

export class CanvasAircraftLayer {
  constructor(store) {
    this.store = store;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'aircraft-layer';
    this.ctx = this.canvas.getContext('2d');
    this.icons = new Map();
  }

  renderer() { return 'canvas 2D (no WebGL2)'; }

  upload() { /* nothing to upload: drawn from the store each frame */ }

  icon(altitude, onGround) {
    const hue = onGround ? -1 : altitudeHue(altitude);
    const band = hue < 0 ? -1 : Math.round(hue / 10) * 10;
    let icon = this.icons.get(band);
    if (!icon) {
      icon = iconCanvas(32);
      const ctx = icon.getContext('2d');
      const data = ctx.getImageData(0, 0, 32, 32);
      const [r, g, b] = band < 0 ? [140, 140, 140] : hslToRgb(band, 0.85, 0.5).map(v => v * 255);
      for (let i = 0; i < data.data.length; i += 4) {
        const body = data.data[i] / 255, outline = Math.max(0, data.data[i + 1] - data.data[i]) / 255;
        data.data[i] = r * body + 20 * outline; data.data[i + 1] = g * body + 20 * outline; data.data[i + 2] = b * body + 20 * outline;
        data.data[i + 3] = Math.max(body, outline) * 255;
      }
      ctx.putImageData(data, 0, 0);
      this.icons.set(band, icon);
    }
    return icon;
  }

  render(frameState) {
    const ratio = frameState.pixelRatio;
    const [w, h] = frameState.size;
    const [cw, ch] = fitCanvas(this.canvas, frameState);
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, cw, ch);
    const t = frameState.coordinateToPixelTransform;
    const center = frameState.viewState.center;
    const size = iconSize(frameState.viewState.resolution, this.store.visible.length) * ratio;
    const now = performance.now() / 1000;
    for (const a of this.store.visible) {
      const [x, y] = this.store.positionNow(a, now);
      let dx = x - center[0];
      dx -= WORLD * Math.floor(dx / WORLD + 0.5);
      const dy = y - center[1];
      const px = (w / 2 + t[0] * dx + t[2] * dy) * ratio, py = (h / 2 + t[1] * dx + t[3] * dy) * ratio;
      if (px < -size || py < -size || px > cw + size || py > ch + size) continue;
      const angle = (a.track ?? 0) * Math.PI / 180 + frameState.viewState.rotation;
      ctx.setTransform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), px, py);
      if (a.key === this.store.selected || isEmergency(a.squawk)) {
        ctx.strokeStyle = isEmergency(a.squawk) ? '#e01b1b' : '#fff';
        ctx.lineWidth = 2 * ratio;
        ctx.beginPath(); ctx.arc(0, 0, size * 0.7, 0, 2 * Math.PI); ctx.stroke();
      }
      ctx.drawImage(this.icon(a.altitude, a.onGround), -size / 2, -size / 2, size, size);
    }
    return this.canvas;
  }
}
