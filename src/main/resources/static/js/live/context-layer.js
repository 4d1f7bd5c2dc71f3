import { WORLD, project } from './store.js';
import { fitCanvas } from './webgl-layer.js';

// The map's context under the aircraft, on one canvas 2D: airports, busiest first, as many as the
// zoom has room for, and callsign labels next to the aircraft once few enough are in view. Each
// marker and label is drawn once into a small sprite and then only copied, and the airports are
// redrawn only when the view moved: at 25,000 aircraft a frame stays one GPU draw plus this copy.

/** Zoom from which callsigns are written next to the aircraft. */
export const LABEL_MIN_ZOOM = 7;
/** Most aircraft in view that get a label: past this the view is too crowded to read, and drawing would cost frames. */
export const LABEL_LIMIT = 250;
/** Airports by rank shown up to each zoom (world: the 30 busiest; from zoom 8 every one). */
const AIRPORTS_BY_ZOOM = [[3, 30], [4, 80], [5, 200], [6, 500], [7, 1200], [8, 3000]];
const MAX_SPRITES = 4000;
/** New sprites made in one frame at most: a view full of new airports fills in over a few frames instead of stalling one. */
const SPRITES_PER_FRAME = 16;

export function airportsShown(zoom) {
  for (const [below, count] of AIRPORTS_BY_ZOOM) if (zoom < below) return count;
  return Infinity;
}

export class ContextLayer {
  constructor(store) {
    this.store = store;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'context-layer';
    this.ctx = this.canvas.getContext('2d');
    this.airports = [];
    this.sprites = new Map();
    this.drawnAirports = [];       // [{code, x, y}] in CSS pixels: what the last frame drew (tests read it)
    this.drawnLabels = [];         // [{key, callsign, x, y}]
    this.viewKey = '';
    this.newSprites = 0;
    this.dots = { big: airportSprite('', true), small: airportSprite('', false) };
  }

  /** Rows of GET /api/v1/airports/map ({fields, rows}), busiest first. */
  setAirports({ fields, rows }) {
    const f = Object.fromEntries(fields.map((name, i) => [name, i]));
    this.airports = rows.map(r => {
      const [x, y] = project(r[f.lon], r[f.lat]);
      return { code: r[f.code], name: r[f.name], rank: r[f.rank], x, y };
    }).sort((a, b) => a.rank - b.rank);
    this.viewKey = '';
  }

  async load(url) {
    try {
      const r = await fetch(url);
      if (r.ok) this.setAirports(await r.json());
    } catch (e) { /* the map works without airports */ }
  }

  render(frameState) {
    const [cw, ch] = fitCanvas(this.canvas, frameState);
    const vs = frameState.viewState;
    const zoom = Math.log2(156543.03392804097 / vs.resolution);
    const labels = zoom >= LABEL_MIN_ZOOM ? this.aircraftInView(frameState, LABEL_LIMIT) : null;
    const key = `${vs.center[0]},${vs.center[1]},${vs.resolution},${vs.rotation},${cw},${ch},${this.airports.length}`;
    if (key === this.viewKey && !labels && this.drawnLabels.length === 0) return this.canvas;
    this.viewKey = key;
    this.newSprites = 0;
    const ctx = this.ctx;
    const ratio = frameState.pixelRatio;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, cw, ch);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.drawAirports(frameState, zoom);
    this.drawLabels(labels || []);
    // sprites still to be made: draw again next frame, when their turn comes
    if (this.newSprites >= SPRITES_PER_FRAME) this.viewKey = '';
    return this.canvas;
  }

  drawAirports(frameState, zoom) {
    const [w, h] = frameState.size;
    const limit = airportsShown(zoom);
    const toPixel = pixelMapper(frameState);
    const placed = [];
    this.drawnAirports = [];
    for (const a of this.airports) {
      if (a.rank > limit) break;
      const [px, py] = toPixel(a.x, a.y);
      if (px < -20 || py < -20 || px > w + 20 || py > h + 20) continue;
      const big = a.rank <= 30;
      const sprite = this.sprite('airport:' + a.code + (big ? '+' : ''), () => airportSprite(a.code, big));
      // a marker whose code would cover a busier airport's is drawn without its code
      const box = sprite && [px - 5, py - 8, px + sprite.cssWidth - 5, py + 8];
      const free = !!sprite && !placed.some(b => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]);
      if (free) {
        placed.push(box);
        place(this.ctx, sprite, px - sprite.anchor, py - sprite.cssHeight / 2);
      } else {
        const dot = big ? this.dots.big : this.dots.small;
        place(this.ctx, dot, px - dot.anchor, py - dot.cssHeight / 2);
      }
      this.drawnAirports.push({ code: a.code, x: px, y: py, labelled: free });
    }
  }

  /** The aircraft inside the view with where they are in CSS pixels, or null past {@code limit}. */
  aircraftInView(frameState, limit) {
    const [w, h] = frameState.size;
    const toPixel = pixelMapper(frameState);
    const now = performance.now() / 1000;
    const found = [];
    for (const a of this.store.visible) {
      const [x, y] = this.store.positionNow(a, now);
      const [px, py] = toPixel(x, y);
      if (px < 0 || py < 0 || px > w || py > h) continue;
      if (found.length === limit) return null;
      found.push({ a, px, py });
    }
    return found;
  }

  drawLabels(inView) {
    this.drawnLabels = [];
    for (const { a, px, py } of inView) {
      const text = a.callsign || a.registration || a.key;
      const sprite = this.sprite('label:' + text, () => labelSprite(text));
      if (!sprite) continue;
      place(this.ctx, sprite, px + 11, py - sprite.cssHeight / 2 - 8);
      this.drawnLabels.push({ key: a.key, callsign: text, x: px, y: py });
    }
  }

  /** A cached sprite, made now if this frame may still make one (a new canvas each costs), else null. */
  sprite(key, make) {
    let s = this.sprites.get(key);
    if (!s) {
      if (this.newSprites >= SPRITES_PER_FRAME) return null;
      this.newSprites++;
      if (this.sprites.size > MAX_SPRITES) this.sprites.clear();
      s = make();
      this.sprites.set(key, s);
    }
    return s;
  }
}

/** Projected metres to CSS pixels for this frame, on the copy of the world nearest the centre. */
export function pixelMapper(frameState) {
  const t = frameState.coordinateToPixelTransform;
  const [cx, cy] = frameState.viewState.center;
  const [w, h] = frameState.size;
  return (x, y) => {
    let dx = x - cx;
    dx -= WORLD * Math.floor(dx / WORLD + 0.5);
    const dy = y - cy;
    return [w / 2 + t[0] * dx + t[2] * dy, h / 2 + t[1] * dx + t[3] * dy];
  };
}

const SPRITE_SCALE = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
const measure = document.createElement('canvas').getContext('2d');

function spriteCanvas(width, height) {
  const c = document.createElement('canvas');
  c.width = Math.ceil(width * SPRITE_SCALE);
  c.height = Math.ceil(height * SPRITE_SCALE);
  const ctx = c.getContext('2d');
  ctx.scale(SPRITE_SCALE, SPRITE_SCALE);
  return { c, ctx, width, height };
}

/** A marker (a ringed dot, larger for the busiest airports) with its code to the right. */
function airportSprite(code, big) {
  const r = big ? 4.5 : 3;
  const font = big ? 'bold 11px system-ui, sans-serif' : '10px system-ui, sans-serif';
  measure.font = font;
  const textWidth = code ? measure.measureText(code).width + 6 : 0;
  const { c, ctx, width, height } = spriteCanvas(Math.ceil(2 * r + 4 + textWidth), 16);
  ctx.fillStyle = '#37474f';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 1.5;
  ctx.beginPath(); ctx.arc(r + 2, 8, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  if (code) {
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.strokeText(code, 2 * r + 6, 8.5);
    ctx.fillStyle = '#263238';
    ctx.fillText(code, 2 * r + 6, 8.5);
  }
  return cssSized(c, width, height, r + 2);
}

/** A callsign on a light box, readable over land, sea and other aircraft. */
function labelSprite(text) {
  const font = '11px system-ui, sans-serif';
  measure.font = font;
  const { c, ctx, width, height } = spriteCanvas(Math.ceil(measure.measureText(text).width + 8), 15);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(0, 0, width, height);
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#102a43';
  ctx.fillText(text, 4, 8);
  return cssSized(c, width, height, 0);
}

/** Marks a sprite canvas with its size in CSS pixels and the x of its anchor (the marker's centre). */
function cssSized(canvas, width, height, anchor) {
  return Object.assign(canvas, { cssWidth: width, cssHeight: height, anchor });
}

function place(ctx, sprite, x, y) {
  ctx.drawImage(sprite, Math.round(x), Math.round(y), sprite.cssWidth, sprite.cssHeight);
}
