'use strict';
// The Ask page: a conversation with the assistant over POST /api/conversations/{id}/messages.
(function () {
  const {api, el, table, chart, model, formatsOf} = window.Aurum;
  const main = document.getElementById('main');
  const log = el('div', {id: 'log', 'aria-live': 'polite'});
  const input = el('input', {id: 'question', type: 'text', placeholder: 'Ask about your orders, e.g. revenue by month in 2018', autocomplete: 'off', maxlength: 2000});
  const askButton = el('button', {id: 'ask', type: 'submit', className: 'primary'}, 'Ask');
  const form = el('form', {className: 'ask', id: 'ask-form'}, input, askButton,
    el('button', {type: 'button', id: 'new-conversation', onclick: () => newConversation(true)}, 'New conversation'));
  const samples = el('div', {className: 'samples', id: 'samples'});
  let conversationId = null;
  let formats = {};
  let busy = false;

  main.append(el('h1', {}, 'Ask'), samples, log, form);

  async function newConversation(clear) {
    const created = await api('POST', '/api/conversations', {});
    conversationId = created.id;
    if (clear) log.replaceChildren();
  }

  async function ask(text) {
    if (busy || !text.trim()) return;
    busy = true;
    askButton.disabled = true;
    const started = Date.now();
    const seconds = el('span', {}, '0');
    const cancel = el('button', {type: 'button', className: 'cancel', onclick: () => api('POST', '/api/conversations/' + conversationId + '/cancel', {})}, 'Cancel');
    const working = el('div', {className: 'working', id: 'working'}, 'Working… ', seconds, ' s ', cancel);
    const timer = setInterval(() => seconds.textContent = String(Math.round((Date.now() - started) / 1000)), 500);
    log.append(el('div', {className: 'question'}, text), working);
    working.scrollIntoView({block: 'end'});
    try {
      if (!conversationId) await newConversation(false);
      const answer = await api('POST', '/api/conversations/' + conversationId + '/messages', {text});
      const card = render(answer);
      working.replaceWith(card);
      card.scrollIntoView({block: 'nearest'});
    } catch (error) {
      working.replaceWith(el('div', {className: 'card error'}, error.message));
    } finally {
      clearInterval(timer);
      busy = false;
      askButton.disabled = false;
      input.focus();
    }
  }

  function render(answer) {
    const card = el('div', {className: 'card answer', dataset: {status: answer.status, answerId: answer.id}});
    card.append(el('div', {},
      el('span', {className: 'status ' + answer.status}, answer.status),
      answer.route ? el('span', {className: 'status'}, 'route: ' + answer.route) : null));
    if (answer.summary) card.append(el('p', {className: 'summary'}, answer.summary));
    if (answer.message) card.append(el('p', {className: answer.status === 'answered' ? 'meta' : 'summary'}, answer.message));
    if (answer.choices && answer.choices.length) {
      card.append(el('div', {className: 'choices'}, answer.choices.map(choice =>
        el('button', {type: 'button', className: 'choice', onclick: () => ask(choice)}, choice))));
    }
    if (answer.columns && answer.rows) {
      if (answer.rows.length > 1) {
        const chartBox = el('div', {className: 'chart'});
        card.append(chartBox);
        // drawn after the card is in the page, so the canvas has a size
        requestAnimationFrame(() => { if (!chart(chartBox, answer.chart, answer.columns, answer.rows)) chartBox.remove(); });
      }
      card.append(table(answer.columns, answer.rows, formats));
      if (answer.truncated) card.append(el('p', {className: 'meta'}, 'Showing the first ' + answer.row_count + ' rows.'));
    }
    if (answer.sql) {
      const copy = el('button', {type: 'button', onclick: () => navigator.clipboard && navigator.clipboard.writeText(answer.sql).then(() => copy.textContent = 'Copied')}, 'Copy');
      card.append(el('details', {className: 'sql'}, el('summary', {}, 'SQL'), el('pre', {className: 'sql'}, answer.sql), copy));
    }
    if (answer.provenance) card.append(why(answer.provenance));
    card.append(actions(answer));
    return card;
  }

  function why(provenance) {
    const list = el('dl', {className: 'why'});
    const add = (label, value) => { if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) list.append(el('dt', {}, label), el('dd', {}, value)); };
    (provenance.understood || []).forEach(u => add('"' + u.text + '"', 'taken as ' + u.as));
    add('metrics', (provenance.metrics || []).join(', '));
    add('dimensions', (provenance.dimensions || []).join(', '));
    add('filters', (provenance.filters || []).join(', '));
    add('joins', (provenance.joins || []).join(', '));
    add('verified query', provenance.verified_query);
    add('data date', provenance.data_date);
    if (provenance.table_versions) add('Gold versions', Object.entries(provenance.table_versions).map(([t, v]) => t + ' v' + v).join(', '));
    (provenance.attempts || []).forEach((a, i) => add('attempt ' + (i + 1), a.error));
    return el('details', {className: 'why'}, el('summary', {}, 'Why this answer'), list);
  }

  function actions(answer) {
    const bar = el('div', {className: 'actions'});
    const t = answer.timings;
    if (t) bar.append(el('span', {className: 'meta'}, t.total_ms + ' ms' + (t.execute_ms !== null ? ' (query ' + t.execute_ms + ' ms)' : '')));
    const rated = el('span', {className: 'meta'});
    const rate = rating => api('POST', '/api/conversations/' + conversationId + '/feedback', {answer_id: answer.id, rating})
      .then(() => rated.textContent = 'Thanks, noted.', e => rated.textContent = e.message);
    bar.append(el('button', {type: 'button', title: 'Good answer', className: 'rate-good', onclick: () => rate('good')}, 'Good answer'),
      el('button', {type: 'button', title: 'Bad answer', className: 'rate-bad', onclick: () => rate('bad')}, 'Bad answer'), rated);
    if (answer.status === 'answered' && answer.sql) {
      const pinBox = el('div', {className: 'pin-box'});
      bar.append(el('button', {type: 'button', className: 'pin', onclick: () => pinForm(answer, pinBox)}, 'Pin to dashboard'), pinBox);
    }
    return bar;
  }

  async function pinForm(answer, box) {
    if (box.childElementCount) return;
    const list = await api('GET', '/api/dashboards');
    const select = el('select', {className: 'pin-dashboard'},
      list.map(d => el('option', {value: d.name}, d.title)), el('option', {value: ''}, 'New dashboard…'));
    const newName = el('input', {className: 'pin-new', placeholder: 'new-dashboard-name', pattern: '[a-z0-9][a-z0-9_-]*'});
    const title = el('input', {className: 'pin-title', value: answer.question || 'Pinned answer'});
    const chartType = el('select', {className: 'pin-chart'}, ['bar', 'line', 'pie', 'table'].map(type => el('option', {value: type}, type)));
    chartType.value = answer.chart && ['bar', 'line', 'pie'].includes(answer.chart.type) ? answer.chart.type : 'table';
    const result = el('span', {className: 'meta pin-result'});
    const save = el('button', {type: 'button', className: 'pin-save primary', onclick: async () => {
      const name = select.value || newName.value.trim();
      try {
        await api('POST', '/api/dashboards/' + encodeURIComponent(name) + '/tiles', {
          title: title.value, question: answer.question, sql: answer.sql, chart: chartType.value,
          x: answer.chart ? answer.chart.x : null, y: answer.chart ? answer.chart.y : null, dashboard_title: name});
        result.replaceChildren('Pinned. ', el('a', {href: '/dashboards?name=' + encodeURIComponent(name)}, 'Open the dashboard'));
      } catch (error) {
        result.textContent = error.message;
      }
    }}, 'Pin');
    box.append(el('div', {className: 'pin-form'}, select, newName, title, chartType, save, result));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value;
    input.value = '';
    ask(text);
  });

  model().then(response => {
    formats = formatsOf(response);
    samples.replaceChildren(el('span', {className: 'meta'}, 'Try: '), ...(response.sample_questions || []).slice(0, 8).map(q =>
      el('button', {type: 'button', className: 'sample', onclick: () => ask(q)}, q)));
  }).catch(error => samples.textContent = error.message);
  input.focus();
})();
