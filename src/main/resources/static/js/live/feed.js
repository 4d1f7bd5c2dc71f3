// The live feed: one EventSource in the frame format; each snapshot or delta is applied to the store as one batch.

import { decodeFrame } from './frame.js';

export const STREAM_URL = '/api/v1/live/stream?format=frames';

export function connect({ onSnapshot, onDelta, onAlert, onState }) {
  const source = new EventSource(STREAM_URL);
  onState('connecting');
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => onState('lost'));
  source.addEventListener('snapshot', e => { onState('live'); onSnapshot(decodeFrame(e.data), e.data.length); });
  source.addEventListener('delta', e => onDelta(decodeFrame(e.data), e.data.length));
  source.addEventListener('alert', e => onAlert(JSON.parse(e.data)));
  return source;
}
