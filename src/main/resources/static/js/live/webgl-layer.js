import { STRIDE, WORLD, MAX_EXTRAPOLATION, nowSeconds } from './store.js';
import { iconCanvas } from './icon.js';

// All aircraft in one WebGL2 point-sprite draw call: one interleaved buffer (position, velocity,
// time of fix, track, altitude, flags); the vertex shader extrapolates each position to "now" and
// projects it with the map's current view, so moving aircraft cost no CPU work per frame.

const VERTEX = `#version 300 es
precision highp float;
layout(location=0) in vec2 a_pos;
layout(location=1) in vec2 a_vel;
layout(location=2) in float a_t0;
layout(location=3) in float a_track;
layout(location=4) in float a_alt;
layout(location=5) in float a_flags;
uniform vec2 u_center;
uniform mat2 u_linear;       // projected metres -> CSS pixels (scale, rotation, y flip)
uniform vec2 u_viewport;     // CSS pixels
uniform float u_now;
uniform float u_rotation;
uniform float u_size;        // device pixels
uniform float u_world;
uniform float u_maxDt;
flat out vec3 v_color;
flat out vec2 v_rot;
flat out int v_flags;
vec3 hsl(float h, float s, float l) {
  vec3 k = mod(vec3(0.0, 8.0, 4.0) + h / 30.0, 12.0);
  float a = s * min(l, 1.0 - l);
  return l - a * max(vec3(-1.0), min(k - 3.0, min(9.0 - k, vec3(1.0))));
}
void main() {
  float dt = clamp(u_now - a_t0, 0.0, u_maxDt);
  vec2 d = a_pos + a_vel * dt - u_center;
  d.x -= u_world * floor(d.x / u_world + 0.5);            // nearest copy of the world
  vec2 px = u_viewport * 0.5 + u_linear * d;
  gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
  int flags = int(a_flags + 0.5);
  bool selected = (flags & 1) != 0, emergency = (flags & 2) != 0;
  gl_PointSize = u_size * (selected || emergency ? 1.6 : 1.0);
  v_color = a_alt < 0.0 ? vec3(0.55) : hsl(20.0 + min(a_alt, 12000.0) / 12000.0 * 280.0, 0.85, 0.5);
  if ((flags & 4) != 0) v_color = vec3(0.6, 0.6, 0.6);
  float angle = a_track + u_rotation;
  v_rot = vec2(cos(angle), sin(angle));
  v_flags = flags;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform sampler2D u_icon;
flat in vec3 v_color;
flat in vec2 v_rot;
flat in int v_flags;
out vec4 color;
void main() {
  vec2 p = gl_PointCoord - 0.5;
  bool ring = (v_flags & 3) != 0;
  float r2 = dot(p, p);
  if (!ring && r2 > 0.25) discard;                        // outside the icon's circle: no texture fetch
  vec2 q = ring ? p * 1.6 : p;                            // icon keeps its size inside the halo
  vec2 uv = vec2(v_rot.x * q.x + v_rot.y * q.y, -v_rot.y * q.x + v_rot.x * q.y) + 0.5;
  vec4 t = texture(u_icon, uv);
  float body = t.r, outline = max(t.g - t.r, 0.0);
  vec4 plane = vec4(v_color * body + vec3(0.08) * outline, max(body, outline));
  if (ring) {
    float r = sqrt(r2);
    vec3 ringColor = (v_flags & 2) != 0 ? vec3(0.9, 0.1, 0.1) : vec3(1.0);
    float band = smoothstep(0.5, 0.46, r) * smoothstep(0.38, 0.42, r);
    plane = mix(plane, vec4(ringColor, 1.0), band * (1.0 - plane.a * 0.5));
  }
  if (plane.a < 0.02) discard;
  color = vec4(plane.rgb * plane.a, plane.a);             // premultiplied
}`;

export class WebGLAircraftLayer {
  static supported() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  constructor(store) {
    this.store = store;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'aircraft-layer';
    const gl = this.canvas.getContext('webgl2', { premultipliedAlpha: true, antialias: false, alpha: true });
    if (!gl) throw new Error('WebGL2 unavailable');
    this.gl = gl;
    this.program = program(gl, VERTEX, FRAGMENT);
    this.u = {};
    for (const name of ['u_center', 'u_linear', 'u_viewport', 'u_now', 'u_rotation', 'u_size', 'u_world', 'u_maxDt', 'u_icon']) {
      this.u[name] = gl.getUniformLocation(this.program, name);
    }
    this.vbo = gl.createBuffer();
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.vbo);
    const bytes = STRIDE * 4;
    const attr = (loc, size, offset) => {
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, gl.FLOAT, false, bytes, offset * 4);
    };
    attr(0, 2, 0); attr(1, 2, 2); attr(2, 1, 4); attr(3, 1, 5); attr(4, 1, 6); attr(5, 1, 7);
    gl.bindVertexArray(null);
    this.texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, iconCanvas(32));
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.uploaded = -1;
    this.count = 0;
    this.sizeScale = 1;
  }

  renderer() {
    const gl = this.gl;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return 'WebGL2 ' + (info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  }

  /** Sends the store's packed buffer to the GPU if it changed since the last frame. */
  upload() {
    if (this.uploaded === this.store.version) return;
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.vbo);
    gl.bufferData(gl.ARRAY_BUFFER, this.store.buffer, gl.DYNAMIC_DRAW);
    this.count = this.store.visible.length;
    this.uploaded = this.store.version;
  }

  /** Draws the aircraft for an OpenLayers frame; returns the canvas OpenLayers places over the map. */
  render(frameState) {
    const gl = this.gl;
    const [w, h] = frameState.size;
    const [cw, ch] = fitCanvas(this.canvas, frameState);
    const ratio = frameState.pixelRatio;
    this.upload();
    gl.viewport(0, 0, cw, ch);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    if (this.count === 0) return this.canvas;
    const vs = frameState.viewState;
    const t = frameState.coordinateToPixelTransform;  // [a, b, c, d, e, f]
    gl.useProgram(this.program);
    gl.uniform2f(this.u.u_center, vs.center[0], vs.center[1]);
    gl.uniformMatrix2fv(this.u.u_linear, false, [t[0], t[1], t[2], t[3]]);
    gl.uniform2f(this.u.u_viewport, w, h);
    gl.uniform1f(this.u.u_now, nowSeconds());
    gl.uniform1f(this.u.u_rotation, vs.rotation);
    gl.uniform1f(this.u.u_size, iconSize(vs.resolution, this.count) * this.sizeScale * ratio);
    gl.uniform1f(this.u.u_world, WORLD);
    gl.uniform1f(this.u.u_maxDt, MAX_EXTRAPOLATION);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.texture);
    gl.uniform1i(this.u.u_icon, 0);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, 0, this.count);
    gl.bindVertexArray(null);
    return this.canvas;
  }
}

/** Sizes a layer's canvas to the map's viewport in device pixels; returns [width, height]. */
export function fitCanvas(canvas, frameState) {
  const [w, h] = frameState.size;
  const cw = Math.round(w * frameState.pixelRatio), ch = Math.round(h * frameState.pixelRatio);
  if (canvas.width !== cw || canvas.height !== ch) {
    canvas.width = cw; canvas.height = ch;
    canvas.style.width = w + 'px'; canvas.style.height = h + 'px';
  }
  return [cw, ch];
}

/**
 * Icons grow as one zooms in, and shrink when tens of thousands are in a zoomed-out view, as
 * tar1090's do: software GL pays per pixel drawn, and at 25,000 aircraft full-size icons would
 * halve the frame rate (measured by the map benchmark) while overlapping into a blur anyway.
 */
export function iconSize(resolution, count = 0) {
  const zoom = Math.log2(156543.03392804097 / resolution);
  const closer = Math.min(1, Math.max(0, (zoom - 6) / 3));
  const crowd = count > 10000 ? 0.4 + 0.6 * closer : count > 4000 ? 0.7 + 0.3 * closer : 1;
  return Math.max(7, Math.min(30, (12 + zoom * 1.6) * crowd));
}

function program(gl, vertexSource, fragmentSource) {
  const compile = (type, source) => {
    const shader = gl.createShader(type);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader));
    return shader;
  };
  const p = gl.createProgram();
  gl.attachShader(p, compile(gl.VERTEX_SHADER, vertexSource));
  gl.attachShader(p, compile(gl.FRAGMENT_SHADER, fragmentSource));
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(p));
  return p;
}
