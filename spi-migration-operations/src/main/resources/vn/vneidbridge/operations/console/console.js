/*
 * VNeID Bridge operators' pages: the migration dashboard and the review queue.
 * Logs the operator in with the realm's public client (authorization code + PKCE S256), keeps the tokens in this
 * script's memory only (never in storage; a reload logs in again through Keycloak's session), and calls the admin REST
 * with the bearer token. No dependency, no inline script, no HTML built from strings: every text goes in as a text node.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('ops-config').textContent);
  var M = config.messages || {};
  var PKCE_KEY = 'vneidOps.login';
  var tokens = null;
  var me = null;
  var refreshTimer = null;
  var locale = config.language === 'vi' ? 'vi-VN' : 'en-GB';
  var numbers = new Intl.NumberFormat(locale);
  var percents = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var dates = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  function t(key) {
    var text = Object.prototype.hasOwnProperty.call(M, key) ? M[key] : key;
    for (var i = 1; i < arguments.length; i++) {
      text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return text;
  }

  /* el('p', {class: 'note'}, 'text', child, ...): attributes by setAttribute, children as nodes or text nodes. */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    var attrs = attributes || {};
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      node.setAttribute(name, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
      return;
    }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function svg(tag, attributes) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    for (var i = 2; i < arguments.length; i++) {
      if (typeof arguments[i] === 'string') {
        node.appendChild(document.createTextNode(arguments[i]));
      } else if (arguments[i]) {
        node.appendChild(arguments[i]);
      }
    }
    return node;
  }

  function status(text) {
    document.getElementById('ops-status').textContent = text || '';
  }

  function view() {
    return document.getElementById('ops-view');
  }

  function replaceView() {
    var target = view();
    while (target.firstChild) {
      target.removeChild(target.firstChild);
    }
    for (var i = 0; i < arguments.length; i++) {
      append(target, arguments[i]);
    }
  }

  function fmtNumber(n) {
    return n === null || n === undefined ? '—' : numbers.format(n);
  }

  function fmtPercent(p) {
    return percents.format(p || 0) + ' %';
  }

  function fmtDate(iso) {
    if (!iso) {
      return '—';
    }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : dates.format(d);
  }

  function fmtDuration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '—';
    }
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var rest = s % 60;
    if (h > 0) {
      return t('vneidOpsDurationHours', h, m);
    }
    if (m > 0) {
      return t('vneidOpsDurationMinutes', m, rest);
    }
    return t('vneidOpsDurationSeconds', rest);
  }

  /* ---------- login: authorization code + PKCE S256, tokens in memory ---------- */

  function base64Url(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random(size) {
    var bytes = new Uint8Array(size);
    crypto.getRandomValues(bytes);
    return base64Url(bytes);
  }

  function redirectUri() {
    return config.pageUrl + '?lang=' + encodeURIComponent(config.language);
  }

  function login() {
    var verifier = random(48);
    var state = random(24);
    var nonce = random(24);
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier: verifier, state: state, nonce: nonce, hash: location.hash }));
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (digest) {
      var query = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri(),
        response_type: 'code',
        response_mode: 'query',
        scope: 'openid',
        state: state,
        nonce: nonce,
        code_challenge: base64Url(new Uint8Array(digest)),
        code_challenge_method: 'S256',
        ui_locales: config.language
      });
      location.assign(config.oidc + 'auth?' + query.toString());
    });
  }

  function claims(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var json = decodeURIComponent(Array.prototype.map.call(atob(part), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join(''));
      return JSON.parse(json);
    } catch (e) {
      return {};
    }
  }

  function keep(answer) {
    tokens = {
      access: answer.access_token,
      refresh: answer.refresh_token,
      id: answer.id_token || (tokens && tokens.id),
      expiresAt: Date.now() + (answer.expires_in || 60) * 1000
    };
  }

  function tokenRequest(form) {
    return fetch(config.oidc + 'token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
      cache: 'no-store'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('token ' + response.status);
      }
      return response.json();
    });
  }

  function finishLogin(params) {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', redirectUri() + (saved && saved.hash ? saved.hash : ''));
    if (!saved || saved.state !== params.get('state')) {
      return Promise.reject(new Error('state'));
    }
    return tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: saved.verifier
    }).then(function (answer) {
      if (answer.id_token && claims(answer.id_token).nonce !== saved.nonce) {
        throw new Error('nonce');
      }
      keep(answer);
    });
  }

  function accessToken() {
    if (tokens && tokens.expiresAt - Date.now() > 30000) {
      return Promise.resolve(tokens.access);
    }
    if (!tokens || !tokens.refresh) {
      return login().then(function () { return new Promise(function () {}); });
    }
    return tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: config.clientId })
      .then(function (answer) {
        keep(answer);
        return tokens.access;
      }, function () {
        tokens = null;
        return login().then(function () { return new Promise(function () {}); });
      });
  }

  function api(method, path, body) {
    return accessToken().then(function (token) {
      var headers = { Authorization: 'Bearer ' + token, Accept: 'application/json', 'Accept-Language': config.language };
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
      }
      return fetch(config.api + path, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store'
      });
    });
  }

  function json(response) {
    return response.text().then(function (text) {
      try {
        return text ? JSON.parse(text) : {};
      } catch (e) {
        return {};
      }
    });
  }

  function logout() {
    var query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
    if (tokens && tokens.id) {
      query.set('id_token_hint', tokens.id);
    }
    tokens = null;
    location.assign(config.oidc + 'logout?' + query.toString());
  }

  /* ---------- routing ---------- */

  function route() {
    if (refreshTimer) {
      clearTimeout(refreshTimer);
      refreshTimer = null;
    }
    var page = location.hash === '#review' ? 'review' : 'dashboard';
    ['dashboard', 'review'].forEach(function (name) {
      var link = document.getElementById('nav-' + name);
      if (name === page) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    var heading = document.getElementById('ops-heading');
    heading.textContent = page === 'review' ? t('vneidOpsReviewTitle') : t('vneidOpsDashboardTitle');
    document.title = heading.textContent + ' — ' + t('vneidOpsTitle');
    return page === 'review' ? showReview() : showDashboard();
  }

  function focusHeading() {
    var heading = document.getElementById('ops-heading');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  /* ---------- dashboard ---------- */

  var STATES = ['linked', 'verifiedNotLinked', 'pending'];

  function showDashboard(keepFocus) {
    status(t('vneidOpsLoading'));
    return api('GET', 'console/dashboard').then(function (response) {
      if (!response.ok) {
        return failed(response);
      }
      return json(response).then(function (data) {
        replaceView(dashboard(data));
        status(t('vneidOpsUpdatedAt', fmtDate(data.at)));
        if (!keepFocus) {
          focusHeading();
        }
        var active = (data.jobs || []).some(function (job) { return job.state === 'RUNNING' || job.state === 'QUEUED'; });
        if (active) {
          refreshTimer = setTimeout(function () { showDashboard(true); }, 10000);
        }
      });
    });
  }

  function dashboard(data) {
    var parts = [];
    if (data.legacyDatabase === 'unavailable') {
      parts.push(el('p', { class: 'warning' }, t('vneidOpsLegacyUnavailable')));
    }
    parts.push(el('p', { class: 'note' }, t('vneidOpsAccountsTotal', fmtNumber(data.accounts)), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'ops-refresh' }, t('vneidOpsRefresh'))));
    var cards = el('ul', { class: 'cards', 'aria-label': t('vneidOpsSummaryLabel') });
    STATES.concat(['conflicts', 'refused']).forEach(function (key) {
      var figure = data.totals[key];
      var note = null;
      if (key === 'refused') {
        note = figure ? t('vneidOpsRefusedFromJob', shortId(data.refusedFromJob)) : t('vneidOpsRefusedNoJob');
      }
      cards.appendChild(el('li', { class: 'card ' + key, id: 'ops-total-' + key },
        el('span', { class: 'label' }, t('vneidOpsState_' + key)),
        el('span', { class: 'value' }, figure ? fmtNumber(figure.count) : '—'),
        el('span', { class: 'share' }, figure ? t('vneidOpsShareOfAccounts', fmtPercent(figure.percent)) : ''),
        note ? el('span', { class: 'share' }, note) : null));
    });
    parts.push(el('h2', {}, t('vneidOpsSummaryTitle')), cards);
    parts.push(el('h2', {}, t('vneidOpsByTypeTitle')),
      breakdown('ops-by-type', t('vneidOpsByTypeCaption'), t('vneidOpsColumnType'), data.byAccountType, false));
    parts.push(el('h2', {}, t('vneidOpsByProvinceTitle')),
      breakdown('ops-by-province', t('vneidOpsByProvinceCaption'), t('vneidOpsColumnProvince'), data.byProvince, true),
      el('p', { class: 'note' }, t('vneidOpsByProvinceNote')));
    parts.push(el('h2', {}, t('vneidOpsHistoryTitle')), chart(data.history));
    parts.push(el('h2', { id: 'ops-jobs-title' }, t('vneidOpsJobsTitle')));
    if (me.access.startJobs) {
      parts.push(startForm());
    }
    parts.push(jobs(data.jobs || []));
    var root = el('div', {}, parts);
    root.querySelector('#ops-refresh').addEventListener('click', function () { showDashboard(true); });
    return root;
  }

  function shortId(id) {
    return id ? String(id).slice(0, 8) : '—';
  }

  function typeName(key) {
    return t('vneidOpsType_' + key);
  }

  function breakdown(id, caption, firstColumn, rows, provinces) {
    var head = el('tr', {}, el('th', { scope: 'col' }, firstColumn), el('th', { scope: 'col', class: 'num' }, t('vneidOpsColumnTotal')));
    STATES.forEach(function (state) {
      head.appendChild(el('th', { scope: 'col', class: 'num' }, t('vneidOpsState_' + state)));
    });
    if (provinces) {
      head.appendChild(el('th', { scope: 'col', class: 'num' }, t('vneidOpsState_conflicts')));
    }
    var body = el('tbody');
    (rows || []).forEach(function (row) {
      var name = provinces ? (row.key === 'none' ? t('vneidOpsProvinceNone') : row.key + (row.name ? ' — ' + row.name : ''))
        : typeName(row.key);
      var tr = el('tr', {}, el('th', { scope: 'row' }, name), el('td', { class: 'num' }, fmtNumber(row.total)));
      STATES.forEach(function (state) {
        var figure = row[state];
        tr.appendChild(el('td', { class: 'num' }, fmtNumber(figure.count), el('br'),
          el('span', { class: 'share-inline' }, fmtPercent(figure.percent))));
      });
      if (provinces) {
        tr.appendChild(el('td', { class: 'num' }, fmtNumber(row.conflicts)));
      }
      body.appendChild(tr);
    });
    if (!rows || rows.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: provinces ? 6 : 5 }, t('vneidOpsNoAccounts'))));
    }
    return el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-labelledby': id + '-caption' },
      el('table', { id: id }, el('caption', { id: id + '-caption' }, caption), el('thead', {}, head), body));
  }

  var SERIES = ['linked', 'verified', 'conflicts'];

  function chart(history) {
    var days = history.days || [];
    var series = history.series || {};
    var width = 640;
    var height = 260;
    var left = 56;
    var right = 16;
    var top = 16;
    var bottom = 36;
    var max = 1;
    SERIES.forEach(function (name) {
      (series[name] || []).forEach(function (v) { max = Math.max(max, v); });
    });
    var x = function (i) { return left + (days.length <= 1 ? 0 : i * (width - left - right) / (days.length - 1)); };
    var y = function (v) { return top + (height - top - bottom) * (1 - v / max); };
    var graph = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': 'ops-chart-title ops-chart-desc', focusable: 'false' });
    graph.appendChild(svg('title', { id: 'ops-chart-title' }, t('vneidOpsHistoryChart')));
    var last = days.length - 1;
    graph.appendChild(svg('desc', { id: 'ops-chart-desc' }, t('vneidOpsHistoryDescription', days[0] || '', days[last] || '',
      fmtNumber(last >= 0 ? (series.linked || [])[last] : 0), fmtNumber(last >= 0 ? (series.verified || [])[last] : 0),
      fmtNumber(last >= 0 ? (series.conflicts || [])[last] : 0))));
    [0, 0.5, 1].forEach(function (f) {
      var value = Math.round(max * f);
      graph.appendChild(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(value), y2: y(value) }));
      graph.appendChild(svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, fmtNumber(value)));
    });
    graph.appendChild(svg('line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }));
    if (days.length > 0) {
      graph.appendChild(svg('text', { x: left, y: height - 12, 'text-anchor': 'start' }, shortDay(days[0])));
      graph.appendChild(svg('text', { x: width - right, y: height - 12, 'text-anchor': 'end' }, shortDay(days[last])));
    }
    SERIES.forEach(function (name) {
      var values = series[name] || [];
      if (values.length === 0) {
        return;
      }
      var d = values.map(function (v, i) { return (i === 0 ? 'M' : 'L') + x(i).toFixed(1) + ' ' + y(v).toFixed(1); }).join(' ');
      graph.appendChild(svg('path', { class: 'line series-' + name, d: d }));
    });
    var legend = el('ul', { class: 'legend' });
    SERIES.forEach(function (name) {
      legend.appendChild(el('li', {}, el('span', { class: 'swatch series-' + name, 'aria-hidden': 'true' }), t('vneidOpsSeries_' + name)));
    });
    var head = el('tr', {}, el('th', { scope: 'col' }, t('vneidOpsColumnDay')));
    SERIES.forEach(function (name) { head.appendChild(el('th', { scope: 'col', class: 'num' }, t('vneidOpsSeries_' + name))); });
    var body = el('tbody');
    days.forEach(function (day, i) {
      var tr = el('tr', {}, el('th', { scope: 'row' }, shortDay(day)));
      SERIES.forEach(function (name) { tr.appendChild(el('td', { class: 'num' }, fmtNumber((series[name] || [])[i]))); });
      body.appendChild(tr);
    });
    return el('figure', { id: 'ops-history' },
      el('figcaption', {}, t('vneidOpsHistoryCaption', days.length)),
      graph, legend,
      el('details', {}, el('summary', {}, t('vneidOpsHistoryTable')),
        el('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': t('vneidOpsHistoryTable') },
          el('table', {}, el('thead', {}, head), body))));
  }

  function shortDay(day) {
    var parts = String(day).split('-');
    return parts.length === 3 ? parts[2] + '/' + parts[1] + '/' + parts[0] : day;
  }

  /* ---------- bulk jobs ---------- */

  function startForm() {
    var form = el('form', { class: 'panel', id: 'ops-start-job', novalidate: true, 'aria-labelledby': 'ops-start-title' });
    var types = el('fieldset', {}, el('legend', {}, t('vneidOpsStartTypes')));
    ['CITIZEN', 'ORGANISATION', 'BUSINESS'].forEach(function (type) {
      var id = 'ops-type-' + type.toLowerCase();
      types.appendChild(el('div', { class: 'choice' }, el('input', { type: 'checkbox', id: id, name: 'accountTypes', value: type }),
        el('label', { for: id }, typeName(type.toLowerCase()))));
    });
    form.appendChild(el('h3', { id: 'ops-start-title' }, t('vneidOpsStartTitle')));
    form.appendChild(el('p', { class: 'note' }, t('vneidOpsStartNote')));
    form.appendChild(el('div', { class: 'form-grid' },
      el('div', {}, el('label', { for: 'ops-provinces' }, t('vneidOpsStartProvinces')),
        el('span', { class: 'hint', id: 'ops-provinces-hint' }, t('vneidOpsStartProvincesHint')),
        el('input', { type: 'text', id: 'ops-provinces', name: 'provinces', inputmode: 'numeric', autocomplete: 'off',
          'aria-describedby': 'ops-provinces-hint' })),
      el('div', {}, el('label', { for: 'ops-created-from' }, t('vneidOpsStartCreatedFrom')),
        el('input', { type: 'date', id: 'ops-created-from', name: 'createdFrom' })),
      el('div', {}, el('label', { for: 'ops-created-to' }, t('vneidOpsStartCreatedTo')),
        el('input', { type: 'date', id: 'ops-created-to', name: 'createdTo' })),
      el('div', {}, el('label', { for: 'ops-rate' }, t('vneidOpsStartRate')),
        el('input', { type: 'number', id: 'ops-rate', name: 'ratePerSecond', min: '1', max: '5000', inputmode: 'numeric' })),
      el('div', {}, el('label', { for: 'ops-concurrency' }, t('vneidOpsStartConcurrency')),
        el('input', { type: 'number', id: 'ops-concurrency', name: 'concurrency', min: '1', max: '32', inputmode: 'numeric' }))));
    form.appendChild(types);
    form.appendChild(el('div', { id: 'ops-start-message', role: 'alert' }));
    form.appendChild(el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'ops-start' }, t('vneidOpsStartButton'))));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      startJob(form);
    });
    return form;
  }

  function startJob(form) {
    var body = {};
    var provinces = form.querySelector('#ops-provinces').value.split(/[\s,;]+/).filter(Boolean);
    if (provinces.length) {
      body.provinces = provinces;
    }
    var types = Array.prototype.filter.call(form.querySelectorAll('input[name="accountTypes"]'), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    if (types.length) {
      body.accountTypes = types;
    }
    ['createdFrom', 'createdTo'].forEach(function (name) {
      var value = form.querySelector('[name="' + name + '"]').value;
      if (value) {
        body[name] = value;
      }
    });
    ['ratePerSecond', 'concurrency'].forEach(function (name) {
      var value = form.querySelector('[name="' + name + '"]').value;
      if (value) {
        body[name] = Number(value);
      }
    });
    var message = form.querySelector('#ops-start-message');
    var button = form.querySelector('#ops-start');
    button.disabled = true;
    return api('POST', 'bulk-verification/jobs', body).then(function (response) {
      return json(response).then(function (answer) {
        button.disabled = false;
        if (response.status === 201) {
          return showDashboard(true).then(function () {
            status(t('vneidOpsJobStarted', shortId(answer.id)));
          });
        }
        message.className = 'error';
        message.textContent = '';
        var problems = answer.problems || [];
        if (problems.length === 0) {
          message.textContent = refusalText(response.status, answer);
        } else {
          append(message, el('ul', {}, problems.map(function (p) { return el('li', {}, p.message || p.key); })));
        }
      });
    });
  }

  function jobs(list) {
    if (list.length === 0) {
      return el('p', { class: 'note', id: 'ops-no-jobs' }, t('vneidOpsNoJobs'));
    }
    var items = el('ul', { class: 'jobs', 'aria-labelledby': 'ops-jobs-title' });
    list.forEach(function (job) { items.appendChild(jobItem(job)); });
    return items;
  }

  function jobItem(job) {
    var id = 'ops-job-' + job.id;
    var item = el('li', { class: 'job', id: id, 'data-state': job.state });
    var title = t('vneidOpsJobTitle', shortId(job.id));
    item.appendChild(el('h3', { id: id + '-title' }, title, ' ', el('span', { class: 'badge' }, t('vneidOpsJobState_' + job.state))));
    var percent = job.percent === undefined || job.percent === null ? null : job.percent;
    item.appendChild(el('label', { for: id + '-progress' }, t('vneidOpsJobProgress',
      fmtNumber(job.processed), job.total === null || job.total === undefined ? '?' : fmtNumber(job.total),
      percent === null ? '—' : fmtPercent(percent))));
    item.appendChild(el('progress', { id: id + '-progress', max: '100', value: percent === null ? false : String(percent) }));
    var facts = el('dl', { class: 'facts' });
    var counts = job.counts || {};
    ['verified', 'mismatch', 'notFound', 'conflict', 'registryError', 'skipped'].forEach(function (key) {
      facts.appendChild(el('dt', {}, t('vneidOpsJobCount_' + key)));
      facts.appendChild(el('dd', {}, fmtNumber(counts[key])));
    });
    if (job.state === 'RUNNING') {
      facts.appendChild(el('dt', {}, t('vneidOpsJobEta')));
      facts.appendChild(el('dd', {}, fmtDuration(job.etaSeconds)));
    }
    facts.appendChild(el('dt', {}, t('vneidOpsJobFilter')));
    facts.appendChild(el('dd', {}, filterText(job.definition || {})));
    facts.appendChild(el('dt', {}, t('vneidOpsJobCreated')));
    facts.appendChild(el('dd', {}, t('vneidOpsJobCreatedBy', fmtDate(job.createdAt), job.createdBy || '—')));
    if (job.finishedAt) {
      facts.appendChild(el('dt', {}, t('vneidOpsJobFinished')));
      facts.appendChild(el('dd', {}, fmtDate(job.finishedAt)));
    }
    item.appendChild(facts);
    var message = el('p', { id: id + '-message', role: 'status' });
    var actions = el('div', { class: 'actions' });
    var a = me.access;
    if (a.pauseJobs && (job.state === 'RUNNING' || job.state === 'QUEUED')) {
      actions.appendChild(commandButton(job, 'pause', 'secondary', title, message));
    }
    if (a.resumeAndCancelJobs && job.state === 'PAUSED') {
      actions.appendChild(commandButton(job, 'resume', '', title, message));
    }
    if (a.resumeAndCancelJobs && (job.state === 'RUNNING' || job.state === 'QUEUED' || job.state === 'PAUSED')) {
      actions.appendChild(commandButton(job, 'cancel', 'danger', title, message));
    }
    if (a.downloadReports && job.processed > 0) {
      var report = el('button', { type: 'button', class: 'secondary', 'aria-label': t('vneidOpsJobReportFor', title) }, t('vneidOpsJobReport'));
      report.addEventListener('click', function () { downloadReport(job, message); });
      actions.appendChild(report);
    }
    if (actions.childNodes.length) {
      item.appendChild(actions);
    }
    item.appendChild(message);
    return item;
  }

  function filterText(definition) {
    var parts = [];
    if (definition.provinces && definition.provinces.length) {
      parts.push(t('vneidOpsFilterProvinces', definition.provinces.join(', ')));
    }
    if (definition.accountTypes && definition.accountTypes.length) {
      parts.push(definition.accountTypes.map(function (type) { return typeName(String(type).toLowerCase()); }).join(', '));
    }
    if (definition.createdFrom || definition.createdTo) {
      parts.push(t('vneidOpsFilterCreated', definition.createdFrom || '…', definition.createdTo || '…'));
    }
    parts.push(t('vneidOpsFilterRate', definition.ratePerSecond, definition.concurrency));
    return parts.join(' · ') || t('vneidOpsFilterAll');
  }

  function commandButton(job, command, style, title, message) {
    var button = el('button', { type: 'button', class: style || null, 'data-command': command,
      'aria-label': t('vneidOpsJobCommandFor_' + command, title) }, t('vneidOpsJobCommand_' + command));
    button.addEventListener('click', function () {
      button.disabled = true;
      api('POST', 'bulk-verification/jobs/' + encodeURIComponent(job.id) + '/' + command).then(function (response) {
        return json(response).then(function (answer) {
          if (response.ok) {
            return showDashboard(true).then(function () { status(t('vneidOpsJobDone_' + command, shortId(job.id))); });
          }
          button.disabled = false;
          message.className = 'error';
          message.textContent = refusalText(response.status, answer);
        });
      });
    });
    return button;
  }

  function downloadReport(job, message) {
    api('GET', 'bulk-verification/jobs/' + encodeURIComponent(job.id) + '/report.csv').then(function (response) {
      if (!response.ok) {
        return json(response).then(function (answer) {
          message.className = 'error';
          message.textContent = refusalText(response.status, answer);
        });
      }
      return response.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el('a', { href: url, download: 'bulk-verification-' + job.id + '.csv', hidden: true });
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        message.className = 'success';
        message.textContent = t('vneidOpsJobReportDone');
      });
    });
  }

  /* ---------- review queue ---------- */

  function showReview(keepFocus, message) {
    status(t('vneidOpsLoading'));
    var filter = sessionStorage.getItem('vneidOps.reviewStatus') || 'OPEN';
    return api('GET', 'console/review-entries?status=' + encodeURIComponent(filter)).then(function (response) {
      if (!response.ok) {
        return failed(response);
      }
      return json(response).then(function (entries) {
        replaceView(review(entries, filter, message));
        status(t('vneidOpsReviewCount', entries.length));
        if (!keepFocus) {
          focusHeading();
        }
      });
    });
  }

  function review(entries, filter, message) {
    var root = el('div', {});
    if (message) {
      root.appendChild(el('p', { class: 'success', id: 'ops-review-done', role: 'status' }, message));
    }
    var select = el('select', { id: 'ops-review-status' });
    ['OPEN', 'LINKED', 'DISMISSED'].forEach(function (value) {
      select.appendChild(el('option', { value: value, selected: value === filter }, t('vneidOpsEntryStatus_' + value)));
    });
    select.addEventListener('change', function () {
      sessionStorage.setItem('vneidOps.reviewStatus', select.value);
      showReview(true);
    });
    root.appendChild(el('div', { class: 'panel' }, el('label', { for: 'ops-review-status' }, t('vneidOpsReviewFilter')), select,
      el('p', { class: 'note' }, me.access.resolve ? t('vneidOpsReviewIntroResolver') : t('vneidOpsReviewIntroReader')),
      me.access.fullNumbers ? null : el('p', { class: 'note' }, t('vneidOpsNumbersMasked'))));
    if (entries.length === 0) {
      root.appendChild(el('p', { class: 'note', id: 'ops-review-empty' }, t('vneidOpsReviewEmpty')));
      return root;
    }
    var list = el('ul', { class: 'entries', 'aria-label': t('vneidOpsReviewTitle') });
    entries.forEach(function (entry) { list.appendChild(entryItem(entry)); });
    root.appendChild(list);
    return root;
  }

  function yesNo(value) {
    return value ? t('vneidOpsYes') : t('vneidOpsNo');
  }

  function entryItem(entry) {
    var id = 'ops-entry-' + entry.id;
    var item = el('li', { class: 'entry', id: id, 'data-status': entry.status });
    var title = t('vneidOpsEntryTitle', entry.idNumber);
    item.appendChild(el('h2', { id: id + '-title' }, title, ' ', el('span', { class: 'badge' }, t('vneidOpsEntryStatus_' + entry.status))));
    var facts = el('dl', { class: 'facts' },
      el('dt', {}, t('vneidOpsEntrySource')), el('dd', {}, entry.linkable ? t('vneidOpsEntrySourceLogin', entry.vneidUsername || '—')
        : t('vneidOpsEntrySourceBulk')),
      el('dt', {}, t('vneidOpsEntryCreated')), el('dd', {}, fmtDate(entry.createdAt)),
      el('dt', {}, t('vneidOpsEntryAttempts')), el('dd', {}, fmtNumber(entry.loginAttempts)));
    if (entry.resolvedAt) {
      facts.appendChild(el('dt', {}, t('vneidOpsEntryResolved')));
      facts.appendChild(el('dd', {}, t('vneidOpsEntryResolvedBy', fmtDate(entry.resolvedAt), entry.resolvedBy || '—')));
    }
    if (entry.note) {
      facts.appendChild(el('dt', {}, t('vneidOpsEntryReason')));
      facts.appendChild(el('dd', {}, entry.note));
    }
    item.appendChild(facts);
    var open = entry.status === 'OPEN';
    var canLink = open && me.access.resolve && entry.linkable;
    var accounts = el('fieldset', { class: 'accounts' }, el('legend', {}, t('vneidOpsEntryAccounts')));
    (entry.candidates || []).forEach(function (candidate, index) {
      var cid = id + '-account-' + index;
      var description = t('vneidOpsCandidate', candidate.username || t('vneidOpsUnknownAccount'), candidate.legacyAccountId || '—',
        yesNo(candidate.imported), yesNo(candidate.cccdVerified));
      if (canLink) {
        accounts.appendChild(el('div', { class: 'choice' },
          el('input', { type: 'radio', id: cid, name: id + '-account', value: candidate.id, disabled: !candidate.cccdVerified }),
          el('label', { for: cid }, description)));
      } else {
        accounts.appendChild(el('p', { class: 'choice' }, description));
      }
    });
    item.appendChild(accounts);
    if (open && me.access.resolve) {
      item.appendChild(resolveForm(entry, id, canLink, title));
    } else if (open) {
      item.appendChild(el('p', { class: 'note' }, t('vneidOpsReadOnly')));
    }
    return item;
  }

  function resolveForm(entry, id, canLink, title) {
    var form = el('form', { novalidate: true, 'aria-label': t('vneidOpsResolveFor', title) });
    var reasonId = id + '-reason';
    form.appendChild(el('label', { for: reasonId }, t('vneidOpsReasonLabel')));
    form.appendChild(el('span', { class: 'hint', id: reasonId + '-hint' }, t('vneidOpsReasonHint')));
    form.appendChild(el('textarea', { id: reasonId, name: 'reason', required: true, maxlength: '1000',
      'aria-describedby': reasonId + '-hint ' + id + '-message' }));
    if (!entry.linkable) {
      form.appendChild(el('p', { class: 'note' }, t('vneidOpsNotLinkable')));
    }
    var message = el('div', { id: id + '-message', role: 'alert' });
    var actions = el('div', { class: 'actions' });
    if (canLink) {
      var link = el('button', { type: 'button', 'data-action': 'link' }, t('vneidOpsLinkButton'));
      link.addEventListener('click', function () { resolve(entry, id, 'link', form, message); });
      actions.appendChild(link);
    }
    var dismiss = el('button', { type: 'button', class: 'danger', 'data-action': 'dismiss' }, t('vneidOpsDismissButton'));
    dismiss.addEventListener('click', function () { resolve(entry, id, 'dismiss', form, message); });
    actions.appendChild(dismiss);
    form.appendChild(actions);
    form.appendChild(message);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    return form;
  }

  function resolve(entry, id, action, form, message) {
    var reason = form.querySelector('textarea[name="reason"]');
    var chosen = document.querySelector('input[name="' + id + '-account"]:checked');
    message.className = '';
    message.textContent = '';
    reason.removeAttribute('aria-invalid');
    if (!reason.value.trim()) {
      reason.setAttribute('aria-invalid', 'true');
      message.className = 'error';
      message.textContent = t('vneidOpsReasonRequired');
      reason.focus();
      return;
    }
    if (action === 'link' && !chosen) {
      message.className = 'error';
      message.textContent = t('vneidOpsAccountRequired');
      var first = document.querySelector('input[name="' + id + '-account"]:not([disabled])');
      if (first) {
        first.focus();
      }
      return;
    }
    var body = { action: action, reason: reason.value.trim() };
    if (action === 'link') {
      body.accountId = chosen.value;
    }
    Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = true; });
    api('POST', 'console/review-entries/' + encodeURIComponent(entry.id) + '/resolve', body).then(function (response) {
      return json(response).then(function (answer) {
        if (response.ok) {
          return showReview(false, action === 'link' ? t('vneidOpsLinked', entry.idNumber) : t('vneidOpsDismissed', entry.idNumber));
        }
        Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = false; });
        message.className = 'error';
        message.textContent = refusalText(response.status, answer);
        if (response.status === 409) {
          append(message, [' ', reloadButton()]);
        }
      });
    });
  }

  function reloadButton() {
    var button = el('button', { type: 'button', class: 'secondary' }, t('vneidOpsReload'));
    button.addEventListener('click', function () { showReview(false); });
    return button;
  }

  function refusalText(statusCode, answer) {
    if (answer && answer.error && Object.prototype.hasOwnProperty.call(M, 'vneidOpsRefused_' + answer.error)) {
      return t('vneidOpsRefused_' + answer.error);
    }
    if (statusCode === 403) {
      return t('vneidOpsForbidden');
    }
    if (answer && answer.message) {
      return answer.message;
    }
    return t('vneidOpsFailed', statusCode);
  }

  function failed(response) {
    return json(response).then(function (answer) {
      replaceView(el('p', { class: 'error', id: 'ops-failed' }, refusalText(response.status, answer)));
      status('');
    });
  }

  /* ---------- start ---------- */

  function showIdentity() {
    var user = document.getElementById('ops-user');
    user.textContent = t('vneidOpsSignedInAs', me.username);
    user.hidden = false;
    var button = document.getElementById('ops-logout');
    button.hidden = false;
    button.addEventListener('click', logout);
  }

  function start() {
    var params = new URLSearchParams(location.search);
    var ready;
    if (params.get('code') && params.get('state')) {
      ready = finishLogin(params);
    } else if (params.get('error')) {
      sessionStorage.removeItem(PKCE_KEY);
      history.replaceState(null, '', redirectUri());
      replaceView(el('p', { class: 'error', id: 'ops-login-failed' }, t('vneidOpsLoginFailed')), retryButton());
      status('');
      return;
    } else {
      login();
      return;
    }
    ready.then(function () {
      return api('GET', 'console/me');
    }).then(function (response) {
      if (!response.ok) {
        return failed(response);
      }
      return json(response).then(function (answer) {
        me = answer;
        showIdentity();
        if (!me.access || !me.access.read) {
          replaceView(el('p', { class: 'warning', id: 'ops-no-access' }, t('vneidOpsNoAccess', me.username)));
          status('');
          return;
        }
        document.getElementById('ops-nav').hidden = false;
        window.addEventListener('hashchange', route);
        return route();
      });
    }).catch(function () {
      replaceView(el('p', { class: 'error', id: 'ops-login-failed' }, t('vneidOpsLoginFailed')), retryButton());
      status('');
    });
  }

  function retryButton() {
    var button = el('button', { type: 'button' }, t('vneidOpsLogin'));
    button.addEventListener('click', login);
    return el('p', {}, button);
  }

  start();
}());
