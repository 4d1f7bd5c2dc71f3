// The live stream's frame format (/api/v1/live/stream?format=frames): aircraft in numbered slots,
// their texts only when new or changed, their numbers as little-endian base64 columns that become
// typed arrays without a number being parsed.

// After the slot (4 bytes): each number's column, its scale (the integers are the value times it) and width in bytes.
export const NUMBERS = ['lat', 'lon', 'altitude', 'track', 'speed', 'verticalRate'];
export const SCALES = [1e5, 1e5, 1, 10, 1, 10];
export const WIDTHS = [4, 4, 4, 2, 2, 2];
const UNKNOWN = { 4: -2147483648, 2: -32768 };       // the lowest value of a column says unknown
const TYPES = { 4: Int32Array, 2: Int16Array };
export const BYTES_PER_ROW = 4 + WIDTHS.reduce((a, b) => a + b, 0) + 1;   // and one on-ground byte
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// One buffer for every frame: a new 0.5 MB buffer each second costs more than decoding into it.
let scratch = new Uint8Array(0);

function bytesOf(base64, length) {
  if (scratch.length < length) scratch = new Uint8Array(Math.ceil(length * 1.25));
  const bytes = scratch.subarray(0, length);
  if (bytes.setFromBase64) {
    const { read, written } = bytes.setFromBase64(base64);
    if (read !== base64.length || written !== length) throw new Error(`a frame's columns are not ${length} bytes`);
    return bytes;
  }
  const s = atob(base64);
  if (s.length !== length) throw new Error(`a frame's columns are ${s.length} bytes, not ${length}`);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

function column(bytes, offset, count, width) {
  const Type = TYPES[width];
  if (LITTLE_ENDIAN) return new Type(bytes.buffer, bytes.byteOffset + offset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
  const values = new Type(count);
  for (let i = 0; i < count; i++) values[i] = width === 4 ? view.getInt32(i * 4, true) : view.getInt16(i * 2, true);
  return values;
}

/**
 * One event's data as {time, total, removed: [slot], texts: [name], named: [[slot, ...texts]],
 * count, slot: Int32Array, numbers: a typed array per NUMBERS, onGround: Uint8Array}. The typed
 * arrays share one buffer: they hold this frame until the next one is decoded, so apply it first.
 */
export function decodeFrame(text) {
  const m = JSON.parse(text);
  const n = m.count;
  const bytes = bytesOf(m.columns, n * BYTES_PER_ROW);
  let offset = 4 * n;
  const numbers = WIDTHS.map(width => {
    const values = column(bytes, offset, n, width);
    offset += width * n;
    return values;
  });
  return {
    time: m.time, total: m.total, removed: m.removed, texts: m.texts, named: m.named, count: n,
    slot: column(bytes, 0, n, 4), numbers, onGround: bytes.subarray(offset, offset + n),
  };
}

/** The value of row i of number column c. */
export const numberAt = (values, c, i) => values[i] === UNKNOWN[WIDTHS[c]] ? null : values[i] / SCALES[c];
