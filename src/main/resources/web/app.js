'use strict';
// Shared helpers of the Aurum pages. Every value from the API is put in the page as text (textContent, text nodes),
// never as HTML, and charts draw on a canvas with canvas tooltips, so a value such as <img onerror=...> is shown, not run.
(function () {
  const NUMERIC = /^(tinyint|smallint|int|integer|bigint|long|float|double|decimal)/;

  async function api(method, path, body) {
    const options = {method, headers: {}, credentials: 'same-origin'};
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const payload = await response.json().catch(() => null);
    if (response.status === 401) {
      location.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
      throw new Error('Sign in first.');
    }
    if (!response.ok) {
      throw new Error(payload && payload.error ? payload.error : 'The server answered ' + response.status + '.');
    }
    return payload;
  }

  /** el('div', {className: 'x', onclick: f}, 'text', childNode, ...): text children become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null) continue;
      if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function isNumeric(column) {
    return NUMERIC.test(String(column.type || '').toLowerCase());
  }

  let modelPromise = null;
  /** The semantic model and sample questions (GET /api/model), loaded once per page. */
  function model() {
    if (!modelPromise) modelPromise = api('GET', '/api/model');
    return modelPromise;
  }

  /** Column name → money | integer | decimal | percent, from the semantic model's metrics. */
  function formatsOf(modelResponse) {
    const formats = {};
    for (const table of (modelResponse && modelResponse.model && modelResponse.model.tables) || []) {
      for (const metric of table.metrics || []) formats[metric.name] = metric.format;
    }
    return formats;
  }

  function formatCell(value, column, formats) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object') return JSON.stringify(value);
    if (typeof value !== 'number') return String(value);
    const format = formats[column.name] || (/(revenue|value|spend|price|charges)/.test(column.name) ? 'money' : null);
    if (format === 'money') return value.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
    if (format === 'percent') return value.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2}) + ' %';
    if (format === 'integer' || Number.isInteger(value)) return value.toLocaleString('en-US', {maximumFractionDigits: 0});
    return value.toLocaleString('en-US', {maximumFractionDigits: 4});
  }

  /** A sortable table: click a header to sort by it, again to reverse. */
  function table(columns, rows, formats) {
    const wrap = el('div', {className: 'table-wrap'});
    const body = el('tbody');
    let sortColumn = -1;
    let ascending = true;
    const headers = columns.map((column, index) => el('th', {
      scope: 'col',
      onclick: () => {
        ascending = sortColumn === index ? !ascending : true;
        sortColumn = index;
        headers.forEach((header, i) => header.className = i === index ? (ascending ? 'sorted-asc' : 'sorted-desc') : '');
        fill([...rows].sort((a, b) => compare(a[index], b[index]) * (ascending ? 1 : -1)));
      }
    }, column.name));
    function fill(sorted) {
      body.replaceChildren(...sorted.map(row => el('tr', {}, row.map((value, i) =>
        el('td', {className: isNumeric(columns[i]) ? 'num' : ''}, formatCell(value, columns[i], formats))))));
    }
    fill(rows);
    wrap.appendChild(el('table', {className: 'data'}, el('thead', {}, el('tr', {}, headers)), body));
    return wrap;
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
  }

  /** Which columns a chart plots: the requested ones, else the first non-numeric (or first) and the first numeric other one. */
  function axes(chart, columns) {
    const names = columns.map(c => c.name);
    let x = chart && chart.x && names.includes(chart.x) ? chart.x : null;
    let y = chart && chart.y && names.includes(chart.y) ? chart.y : null;
    if (!x) {
      const category = columns.find(c => !isNumeric(c));
      x = category ? category.name : names[0];
    }
    if (!y) {
      const measure = columns.find(c => isNumeric(c) && c.name !== x);
      y = measure ? measure.name : null;
    }
    return {x, y};
  }

  /**
   * Draws a line, bar or pie chart of one result into container (an ECharts canvas; tooltips in canvas, never HTML).
   * Returns false when there is nothing to plot (one row, no numeric column, type none or table).
   */
  function chart(container, spec, columns, rows) {
    const type = spec && spec.type ? spec.type : 'bar';
    if (!window.echarts || type === 'none' || type === 'table' || rows.length < 2 || columns.length < 2) return false;
    const {x, y} = axes(spec, columns);
    if (!y) return false;
    const xi = columns.findIndex(c => c.name === x);
    const yi = columns.findIndex(c => c.name === y);
    const labels = rows.map(row => row[xi] === null ? '(none)' : String(row[xi]));
    const values = rows.map(row => row[yi]);
    const instance = echarts.init(container, null, {renderer: 'canvas'});
    const option = {
      animation: false,
      tooltip: {renderMode: 'richText', trigger: type === 'pie' ? 'item' : 'axis'},
      grid: {left: 60, right: 16, top: 24, bottom: 48, containLabel: true}
    };
    if (type === 'pie') {
      option.series = [{type: 'pie', radius: '65%', data: labels.map((name, i) => ({name, value: values[i]}))}];
    } else {
      option.xAxis = {type: 'category', data: labels, name: x, nameLocation: 'middle', nameGap: 30, axisLabel: {hideOverlap: true}};
      option.yAxis = {type: 'value', name: y};
      option.series = [{type: type === 'line' ? 'line' : 'bar', data: values, name: y}];
    }
    instance.setOption(option);
    container.dataset.chartType = type;
    new ResizeObserver(() => instance.resize()).observe(container);
    return true;
  }

  function navigation() {
    const page = document.body.dataset.page;
    document.querySelectorAll('[data-nav]').forEach(link => {
      if (link.dataset.nav === page) link.classList.add('active');
    });
  }

  window.Aurum = {api, el, table, chart, model, formatsOf, formatCell, isNumeric};
  document.addEventListener('DOMContentLoaded', navigation);
})();
