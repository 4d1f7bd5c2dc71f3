// Click (or Enter/Space on) a column header to sort a server-rendered table; cells may carry
// data-sort with a machine value (ISO time, minutes) while showing a human one.
export function makeSortable(table) {
  const headers = [...table.querySelectorAll('thead th')];
  headers.forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => sortBy(table, headers, index, th.dataset.type === 'number'));
  });
}

function sortBy(table, headers, index, numeric) {
  const th = headers[index];
  const ascending = th.getAttribute('aria-sort') !== 'ascending';
  headers.forEach(h => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const body = table.tBodies[0];
  const value = row => {
    const cell = row.cells[index];
    const raw = cell.dataset.sort ?? cell.textContent.trim();
    return numeric ? Number(raw) : raw;
  };
  const rows = [...body.rows].sort((a, b) => {
    const x = value(a), y = value(b);
    const order = numeric ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  });
  body.append(...rows);
}

export function makeAllSortable(root = document) {
  root.querySelectorAll('table.sortable').forEach(makeSortable);
}
