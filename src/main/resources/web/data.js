'use strict';
// The Data page: pipeline status and history (GET /api/status) and the semantic model (GET /api/model).
(function () {
  const {api, el, table} = window.Aurum;
  const main = document.getElementById('main');
  const pipeline = el('section', {id: 'pipeline'}, el('p', {className: 'working'}, 'Loading the pipeline status…'));
  const semantic = el('section', {id: 'semantic-model'});
  main.append(el('h1', {}, 'Data'), pipeline, semantic);

  const columnsOf = (rows) => rows.length ? Object.keys(rows[0]).map(name => ({name, type: typeof rows[0][name] === 'number' ? 'bigint' : 'string'})) : [];
  const asTable = (rows) => rows.length ? table(columnsOf(rows), rows.map(r => Object.values(r).map(v => v !== null && typeof v === 'object' ? JSON.stringify(v) : v)), {}) : el('p', {className: 'meta'}, 'none');

  api('GET', '/api/status').then(status => {
    const p = status.pipeline || {};
    const pending = Object.entries(p.pending_files || {}).map(([entity, files]) => entity + ' ' + files).join(', ') || 'none';
    pipeline.replaceChildren(
      el('h2', {}, 'Pipeline'),
      el('p', {className: 'meta'}, 'Landing drops pending: ' + pending + (p.full_refresh_pending ? ' · an interrupted full refresh is pending' : '')),
      el('h3', {}, 'Tables'), asTable(p.tables || []),
      el('h3', {}, 'Recent runs'), asTable(p.runs || []),
      el('p', {className: 'meta'}, 'Server started ' + status.server.started + ' · ' + status.server.dashboard_queries_run + ' dashboard queries run'));
  }).catch(error => pipeline.replaceChildren(el('p', {className: 'error'}, error.message)));

  api('GET', '/api/model').then(response => {
    const model = response.model;
    semantic.append(el('h2', {}, 'Semantic model: ' + model.name), model.description ? el('p', {}, model.description) : '');
    for (const t of model.tables) {
      const rows = [];
      for (const d of t.dimensions || []) rows.push({kind: 'dimension', name: d.name, type: d.data_type, synonyms: (d.synonyms || []).join(', '), description: d.description});
      for (const d of t.time_dimensions || []) rows.push({kind: 'time', name: d.name, type: d.data_type || 'date', synonyms: (d.synonyms || []).join(', '), description: d.description || ''});
      for (const m of t.metrics || []) rows.push({kind: 'metric', name: m.name, type: m.format, synonyms: (m.synonyms || []).join(', '), description: m.description});
      for (const f of t.filters || []) rows.push({kind: 'filter', name: f.name, type: '', synonyms: (f.synonyms || []).join(', '), description: f.description || ''});
      semantic.append(el('details', {className: 'model-table'}, el('summary', {}, t.base_table || t.name), el('p', {className: 'meta'}, t.description || ''), asTable(rows)));
    }
    semantic.append(el('h3', {}, 'Verified queries'), asTable((model.verified_queries || []).map(q => ({name: q.name, question: q.question, sql: q.sql}))));
  }).catch(error => semantic.replaceChildren(el('p', {className: 'error'}, error.message)));
})();
