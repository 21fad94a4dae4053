'use strict';
// The Dashboards page: GET /api/dashboards lists them, GET /api/dashboards/{name} opens one with its tiles' results
// (cached by the Gold versions they read), PUT /api/dashboards/{name} saves the page's edits.
(function () {
  const {api, el, table, chart, model, formatsOf} = window.Aurum;
  const main = document.getElementById('main');
  const list = el('div', {className: 'dash-list', id: 'dashboard-list'});
  const view = el('div', {id: 'dashboard'});
  main.append(el('h1', {}, 'Dashboards'), list, view);
  let formats = {};

  async function start() {
    formats = formatsOf(await model().catch(() => null));
    const dashboards = await api('GET', '/api/dashboards');
    list.replaceChildren(...dashboards.map(d => el('a', {href: '/dashboards?name=' + encodeURIComponent(d.name), className: 'dashboard-link'}, d.title + ' (' + d.tiles + ')')));
    const name = new URLSearchParams(location.search).get('name') || (dashboards[0] && dashboards[0].name);
    if (name) await open(name);
    else view.replaceChildren(el('p', {}, 'No dashboards yet: pin an answer on the Ask page.'));
  }

  async function open(name) {
    view.replaceChildren(el('p', {className: 'working'}, 'Loading…'));
    let dashboard;
    try {
      dashboard = await api('GET', '/api/dashboards/' + encodeURIComponent(name));
    } catch (error) {
      view.replaceChildren(el('p', {className: 'error'}, error.message));
      return;
    }
    const grid = el('div', {className: 'grid'});
    const editing = {value: false};
    const editButton = el('button', {type: 'button', id: 'edit', onclick: () => { editing.value = !editing.value; draw(); }}, 'Edit');
    const header = el('div', {className: 'actions'},
      el('h2', {id: 'dashboard-title'}, dashboard.title), editButton,
      el('span', {className: 'meta', id: 'dashboard-meta'}, dashboard.tiles.length + ' tiles, ' + dashboard.queries_run + ' queries run, ' + dashboard.ms + ' ms'));
    view.replaceChildren(header, dashboard.description ? el('p', {className: 'meta'}, dashboard.description) : '', grid);

    function draw() {
      editButton.textContent = editing.value ? 'Done' : 'Edit';
      grid.replaceChildren(...dashboard.tiles.map((tile, index) => tileCard(tile, index)));
      if (editing.value) {
        const title = el('input', {value: dashboard.title, id: 'edit-title'});
        const save = el('button', {type: 'button', className: 'primary', id: 'save', onclick: () => saveEdits(title.value)}, 'Save');
        grid.prepend(el('div', {className: 'tile large'}, el('label', {}, 'Title '), title, ' ', save));
      }
    }

    function tileCard(tile, index) {
      const card = el('section', {className: 'tile ' + tile.size, dataset: {tileId: tile.id}});
      card.append(el('h3', {}, tile.title));
      if (tile.error) {
        card.append(el('p', {className: 'error'}, tile.error));
      } else if (tile.result) {
        const box = el('div', {className: 'chart'});
        card.append(box);
        requestAnimationFrame(() => {
          if (!chart(box, {type: tile.chart, x: tile.x, y: tile.y}, tile.result.columns, tile.result.rows)) {
            box.replaceWith(table(tile.result.columns, tile.result.rows, formats));
          }
        });
        if (tile.chart !== 'table') {
          card.append(el('details', {}, el('summary', {}, 'Table'), table(tile.result.columns, tile.result.rows, formats)));
        }
        card.append(el('p', {className: 'meta tile-meta'}, 'data date ' + (tile.result.data_date || '–') + ' · '
          + (tile.cached ? 'cached' : 'ran') + ' · ' + tile.ms + ' ms'));
      }
      card.append(el('details', {}, el('summary', {}, 'SQL'), el('pre', {className: 'sql'}, tile.sql)));
      if (editing.value) card.append(editControls(tile, index));
      return card;
    }

    function editControls(tile, index) {
      const size = el('select', {onchange: e => { tile.size = e.target.value; draw(); }}, ['small', 'medium', 'large'].map(s => el('option', {value: s}, s)));
      size.value = tile.size;
      const type = el('select', {onchange: e => { tile.chart = e.target.value; draw(); }}, ['bar', 'line', 'pie', 'table'].map(s => el('option', {value: s}, s)));
      type.value = tile.chart;
      const title = el('input', {value: tile.title, onchange: e => { tile.title = e.target.value; }});
      const move = delta => {
        const target = index + delta;
        if (target < 0 || target >= dashboard.tiles.length) return;
        [dashboard.tiles[index], dashboard.tiles[target]] = [dashboard.tiles[target], dashboard.tiles[index]];
        draw();
      };
      return el('div', {className: 'tile-edit'}, title, size, type,
        el('button', {type: 'button', onclick: () => move(-1)}, '←'),
        el('button', {type: 'button', onclick: () => move(1)}, '→'),
        el('button', {type: 'button', onclick: () => { dashboard.tiles.splice(index, 1); draw(); }}, 'Remove'));
    }

    async function saveEdits(title) {
      const body = {title, description: dashboard.description, tiles: dashboard.tiles.map(t => ({
        id: t.id, title: t.title, question: t.question, sql: t.sql, chart: t.chart, x: t.x, y: t.y, size: t.size}))};
      try {
        await api('PUT', '/api/dashboards/' + encodeURIComponent(dashboard.name), body);
        await open(dashboard.name);
      } catch (error) {
        document.getElementById('dashboard-meta').textContent = error.message;
      }
    }
    draw();
  }

  start().catch(error => view.replaceChildren(el('p', {className: 'error'}, error.message)));
})();
