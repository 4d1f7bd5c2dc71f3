// The live feed: one EventSource; each snapshot or delta is applied to the store as one batch.

export function connect(url, { onSnapshot, onDelta, onAlert, onState }) {
  const source = new EventSource(url);
  onState('connecting');
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => onState(source.readyState === EventSource.CLOSED ? 'lost' : 'lost'));
  source.addEventListener('snapshot', e => { onState('live'); onSnapshot(JSON.parse(e.data), e.data.length); });
  source.addEventListener('delta', e => onDelta(JSON.parse(e.data), e.data.length));
  source.addEventListener('alert', e => onAlert(JSON.parse(e.data)));
  return source;
}
