import { makeAllSortable } from './sortable.js';

// Type-ahead for From/To over /api/v1/places, on a native <datalist> so keyboard and screen
// readers behave as with any input; the form itself still works without JavaScript.
const form = document.getElementById('search-form');
const placesUrl = form.dataset.placesUrl;

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function attachTypeAhead(input) {
  const list = document.getElementById(input.getAttribute('list'));
  let controller;
  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (q.length < 2 || /\([A-Z]{3}\)/.test(q)) return;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${placesUrl}?q=${encodeURIComponent(q)}&limit=10`, { signal: controller.signal });
      if (!response.ok) return;
      const places = await response.json();
      list.replaceChildren(...places.map(p => {
        const option = document.createElement('option');
        option.value = p.label || `${p.name} (${p.code})`;
        return option;
      }));
    } catch (e) {
      if (e.name !== 'AbortError') list.replaceChildren();
    }
  }, 150);
  input.addEventListener('input', lookup);
}

attachTypeAhead(document.getElementById('from'));
attachTypeAhead(document.getElementById('to'));

// The return date can't be before departure: guide the date picker.
const date = document.getElementById('date');
const back = document.getElementById('return');
const syncMin = () => { back.min = date.value || ''; };
date.addEventListener('change', syncMin);
syncMin();

makeAllSortable();
const results = document.getElementById('results');
if (results) results.querySelector('h2')?.setAttribute('tabindex', '-1');
