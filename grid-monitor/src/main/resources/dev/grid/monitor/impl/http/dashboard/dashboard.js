// grid monitor dashboard: polls this member's JSON API every 2 s and draws tables and SVG charts.
// No libraries, no CDN: everything is in this file.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var token = params.get('token');
  var SVG = 'http://www.w3.org/2000/svg';
  var opsHistory = [];
  var lastOps = null;
  var appendHistory = [];
  var lagHistory = {};
  var HISTORY = 60;
  var queryRunning = false;
  var jobsHistory = {};
  var lastJobsIn = {};

  function fetchJson(path) {
    var headers = token ? { 'Authorization': 'Bearer ' + token } : {};
    return fetch(path, { headers: headers, cache: 'no-store' }).then(function (r) {
      if (!r.ok) { return r.json().then(function (e) { throw new Error(path + ': HTTP ' + r.status + ' ' + (e.error || '')); }); }
      return r.json();
    });
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function fillTable(id, rows, emptyText, columns) {
    var body = document.querySelector('#' + id + ' tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (rows.length === 0) {
      var tr = el('tr', null, 'empty');
      var td = el('td', emptyText);
      td.colSpan = document.querySelectorAll('#' + id + ' thead th').length;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    rows.forEach(function (row) {
      var tr = el('tr', null, row.cls || '');
      if (row.key) { tr.setAttribute('data-key', row.key); }
      columns(row.value).forEach(function (cell) {
        var td = (cell !== null && typeof cell === 'object') ? el('td', cell.text, cell.cls) : el('td', cell);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function bytes(n) {
    if (!n) { return '0 B'; }
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = Math.min(units.length - 1, Math.floor(Math.log(n) / Math.log(1024)));
    return (n / Math.pow(1024, i)).toFixed(i === 0 ? 0 : 1) + ' ' + units[i];
  }

  function duration(ms) {
    if (ms < 1000) { return ms + ' ms'; }
    var s = Math.floor(ms / 1000);
    if (s < 120) { return s + ' s'; }
    var m = Math.floor(s / 60);
    if (m < 120) { return m + ' min'; }
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function time(ms) { return ms ? new Date(ms).toLocaleTimeString() : ''; }
  function num(n) { return (n === undefined || n === null) ? '' : Number(n).toLocaleString(); }
  function fixed(n, d) { return (n === undefined || n === null) ? '' : Number(n).toFixed(d); }

  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function drawPartitions(p) {
    var svg = document.getElementById('partitions-chart');
    clear(svg);
    var w = 640, h = 160, pad = 24;
    var members = p.members || [];
    document.getElementById('partitions-info').textContent = p.partitionCount + ' partitions, ideal ' + fixed(p.ideal, 1)
      + ' per member, min ' + p.min + ', max ' + p.max + ', unassigned ' + p.unassigned
      + ', migrations in progress ' + p.migrationsInProgress + ', completed ' + p.migrationsCompleted;
    if (members.length === 0) { return; }
    var max = Math.max(p.max, Math.ceil(p.ideal), 1);
    var bw = Math.min(80, (w - 2 * pad) / members.length - 8);
    members.forEach(function (m, i) {
      var bh = (h - 2 * pad) * m.owned / max;
      var x = pad + i * (bw + 8);
      var over = m.owned > p.ideal * 1.1;
      svg.appendChild(svgEl('rect', { x: x, y: h - pad - bh, width: bw, height: bh, 'class': over ? 'bar over' : 'bar', 'data-member': m.address }));
      svg.appendChild(svgEl('text', { x: x, y: h - pad - bh - 3 }, String(m.owned)));
      svg.appendChild(svgEl('text', { x: x, y: h - 8 }, m.address));
    });
    var iy = h - pad - (h - 2 * pad) * p.ideal / max;
    svg.appendChild(svgEl('line', { x1: pad - 4, x2: w - pad, y1: iy, y2: iy, 'class': 'ideal' }));
    svg.appendChild(svgEl('text', { x: w - pad - 40, y: iy - 3 }, 'ideal'));
  }

  // Draws one polyline per series (each a list of values, one per poll, the last HISTORY polls) on a shared scale.
  function drawLines(id, series, unit) {
    var svg = document.getElementById(id);
    clear(svg);
    var w = 640, h = 120, pad = 20;
    var longest = 0, max = 1;
    series.forEach(function (s) {
      longest = Math.max(longest, s.values.length);
      max = Math.max.apply(null, s.values.concat([max]));
    });
    if (longest < 2) { return; }
    var step = (w - 2 * pad) / (HISTORY - 1);
    series.forEach(function (s, n) {
      var offset = longest - s.values.length;
      var points = s.values.map(function (v, i) {
        return (pad + (offset + i) * step).toFixed(1) + ',' + (h - pad - (h - 2 * pad) * v / max).toFixed(1);
      }).join(' ');
      svg.appendChild(svgEl('polyline', { points: points, 'class': 'line l' + (n % 6), 'data-series': s.name }));
    });
    svg.appendChild(svgEl('text', { x: 2, y: 12 }, Math.round(max).toLocaleString() + ' ' + unit));
    svg.appendChild(svgEl('text', { x: w - 90, y: h - 4 }, 'last ' + longest * 2 + ' s'));
  }

  function drawOps() {
    drawLines('ops-chart', [{ name: 'ops', values: opsHistory }], 'ops/s');
  }

  function remember(history, value) {
    history.push(value);
    if (history.length > HISTORY) { history.shift(); }
  }

  function memoryBar(used, reserved) {
    var svg = svgEl('svg', { width: 120, height: 10, 'class': 'membar-svg' });
    svg.appendChild(svgEl('rect', { x: 0, y: 0, width: 120, height: 10, 'class': 'membar-bg' }));
    var fraction = reserved > 0 ? Math.min(1, used / reserved) : 0;
    svg.appendChild(svgEl('rect', { x: 0, y: 0, width: 120 * fraction, height: 10, 'class': 'membar' }));
    return svg;
  }

  function render(data) {
    var members = data.members, maps = data.maps, locks = data.locks, txns = data.transactions, alerts = data.alerts, log = data.log;
    document.getElementById('cluster').textContent = members.cluster;
    document.getElementById('summary').textContent = members.count + ' members · ' + maps.maps.length + ' maps · '
      + locks.locks.length + ' locks held · ' + txns.inFlightCount + ' transactions in flight (' + txns.inDoubtCount + ' in doubt)';

    var badge = document.getElementById('alerts-count');
    badge.textContent = alerts.firing + ' firing';
    badge.className = alerts.firing > 0 ? 'badge hot' : 'badge';
    fillTable('alerts', alerts.alerts.map(function (a) { return { value: a, key: a.id, cls: a.state === 'FIRING' ? 'firing' : 'resolved' }; }),
      'no alerts', function (a) {
        return [a.state, { text: a.severity, cls: 'sev-' + a.severity }, a.rule, a.summary, a.scope, fixed(a.value, 2),
          time(a.state === 'FIRING' ? a.firedAt : a.resolvedAt)];
      });

    fillTable('members', members.members.map(function (m) { return { value: m, key: m.address }; }), 'no members', function (m) {
      var roles = [];
      if (m.oldest) { roles.push('oldest'); }
      if (m.cpLeader) { roles.push('CP leader'); }
      if (m.local) { roles.push('this member'); }
      return [m.address, num(m.partitionsOwned), num(m.entries), num(m.backupEntries),
        bytes(m.offHeapUsed) + ' / ' + bytes(m.offHeapReserved) + (m.offHeapBudget ? ' (budget ' + bytes(m.offHeapBudget) + ')' : ''),
        bytes(m.heapUsed) + ' / ' + bytes(m.heapMax), roles.join(', ')];
    });

    drawPartitions(data.partitions);

    var totalOps = 0;
    maps.maps.forEach(function (m) { totalOps += m.gets + m.puts + m.removes + m.otherOperations; });
    if (lastOps !== null) {
      opsHistory.push(Math.max(0, (totalOps - lastOps) / 2));
      if (opsHistory.length > 60) { opsHistory.shift(); }
    }
    lastOps = totalOps;
    drawOps();

    fillTable('maps', maps.maps.map(function (m) { return { value: m, key: m.name }; }), 'no maps yet', function (m) {
      return [m.name, num(m.entries), bytes(m.offHeapUsed) + ' / ' + bytes(m.offHeapReserved), { text: '', cls: 'mem' }, num(m.gets),
        num(m.puts), fixed(m.hitRatio * 100, 1) + ' %', fixed(m.meanGetMicros, 1), fixed(m.p99GetMicros, 0), fixed(m.meanPutMicros, 1)];
    });
    document.querySelectorAll('#maps tbody tr').forEach(function (tr, i) {
      var m = maps.maps[i];
      var cell = tr.querySelector('td.mem');
      if (m && cell) { cell.appendChild(memoryBar(m.offHeapUsed, m.offHeapReserved)); }
    });

    document.getElementById('locks-problem').textContent = locks.problem || '';
    fillTable('locks', locks.locks.map(function (l) { return { value: l, key: l.name }; }), 'no lock held', function (l) {
      return [l.name, l.fence, l.holder.ownerName, l.holder.threadId, duration(l.heldMillis),
        l.waiters.map(function (w) { return w.ownerName + ' #' + w.threadId + ' (' + duration(w.waitingMillis) + ')'; }).join(', ')];
    });

    var tc = document.getElementById('txn-count');
    tc.textContent = txns.inDoubtCount + ' in doubt';
    tc.className = txns.inDoubtCount > 0 || txns.heuristics.length > 0 ? 'badge hot' : 'badge';
    fillTable('heuristics', txns.heuristics.map(function (h) { return { value: h, key: h.txId, cls: 'heuristic' }; }), 'no heuristic outcome',
      function (h) { return [h.outcome, h.txId, h.node, h.resources.join(', '), time(h.at)]; });
    fillTable('transactions', txns.inFlight.map(function (t) { return { value: t, key: t.txId, cls: t.inDoubt ? 'indoubt' : '' }; }),
      'no transaction in flight', function (t) {
        return [t.inDoubt ? 'IN DOUBT' : t.state, t.txId, t.node, t.resources.join(', '), duration(t.ageMillis),
          t.inDoubt ? duration(t.inDoubtMillis) : '', t.publisher];
      });

    fillTable('log', log.entries.map(function (e) { return { value: e, key: String(e.sequence) }; }), 'nothing logged', function (e) {
      return [time(e.time), e.member, { text: e.severity, cls: e.severity }, e.source, { text: e.message, cls: 'message' }];
    });
  }

  function renderTopics(doc) {
    var topics = doc.topics;
    document.getElementById('topics-count').textContent = topics.length + (topics.length === 1 ? ' topic' : ' topics');
    document.getElementById('topics-problem').textContent = doc.problem || '';
    fillTable('topics', topics.map(function (t) { return { value: t, key: t.name }; }), 'no topics', function (t) {
      return [t.name, num(t.partitionCount), num(t.records), bytes(t.sizeBytes), fixed(t.recordsPerSecond, 1), bytes(t.bytesPerSecond) + '/s',
        t.groups.map(function (g) { return g.group + ' (' + num(g.lag) + ')'; }).join(', ')];
    });

    var partitions = [];
    var groups = [];
    var appendRate = 0;
    topics.forEach(function (t) {
      appendRate += t.recordsPerSecond;
      t.partitions.forEach(function (p) { partitions.push({ topic: t.name, p: p }); });
      t.groups.forEach(function (g) { groups.push({ topic: t.name, g: g }); });
    });
    fillTable('topic-partitions', partitions.map(function (r) { return { value: r, key: r.topic + '#' + r.p.partition }; }), 'no partitions',
      function (r) {
        var p = r.p;
        return [r.topic, p.partition, p.owner || '', num(p.startOffset), num(p.highWatermark), num(p.endOffset), num(p.records),
          bytes(p.sizeBytes), num(p.segments), p.fromOwner ? fixed(p.recordsPerSecond, 1) : '',
          Object.keys(p.lag).map(function (g) { return g + ': ' + num(p.lag[g]); }).join(', ')];
      });
    fillTable('groups', groups.map(function (r) { return { value: r, key: r.g.group + '/' + r.topic }; }), 'no consumer groups', function (r) {
      var g = r.g;
      return [g.group, r.topic, num(g.lag), g.coordinator,
        g.partitions.map(function (p) { return p.partition + ': ' + num(p.lag); }).join(', ')];
    });

    remember(appendHistory, appendRate);
    drawLines('append-chart', [{ name: 'appends', values: appendHistory }], 'records/s');
    var seen = {};
    groups.forEach(function (r) {
      var name = r.g.group + ' / ' + r.topic;
      seen[name] = true;
      if (!lagHistory[name]) { lagHistory[name] = []; }
      remember(lagHistory[name], r.g.lag);
    });
    Object.keys(lagHistory).forEach(function (name) { if (!seen[name]) { delete lagHistory[name]; } });
    var names = Object.keys(lagHistory).sort();
    drawLines('lag-chart', names.map(function (name) { return { name: name, values: lagHistory[name] }; }), 'records');
    var legend = document.getElementById('lag-legend');
    clear(legend);
    names.forEach(function (name, n) {
      var item = el('span');
      item.appendChild(el('i', null, 'l' + (n % 6)));
      item.appendChild(document.createTextNode(name));
      legend.appendChild(item);
    });
  }

  var TABS = ['cluster', 'topics', 'jobs', 'query'];

  function currentTab() {
    var tab = window.location.hash.substring(1);
    return TABS.indexOf(tab) >= 0 ? tab : 'cluster';
  }

  function showTab() {
    var tab = currentTab();
    TABS.forEach(function (t) {
      document.getElementById('page-' + t).hidden = tab !== t;
      document.getElementById('tab-' + t).className = tab === t ? 'tab active' : 'tab';
    });
  }

  // The query page: runs one statement at a time (GET api/sql/run), lists the cluster's running queries, cancels one (POST).
  function request(method, path) {
    var headers = token ? { 'Authorization': 'Bearer ' + token } : {};
    return fetch(path, { method: method, headers: headers, cache: 'no-store' }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
    });
  }

  function renderRunning(doc) {
    document.getElementById('sql-problem').textContent = doc.available ? '' : doc.problem;
    document.getElementById('sql-run').disabled = !doc.available || queryRunning;
    document.getElementById('sql-max-rows').textContent = String(doc.maxRows);
    document.getElementById('sql-running-count').textContent = doc.queries.length + ' running';
    fillTable('sql-running', doc.queries.map(function (q) { return { value: q, key: q.id }; }), 'no query running', function (q) {
      return [q.id, { text: q.sql, cls: 'sql' }, q.origin, duration(q.ageMillis), num(q.rows), { text: '', cls: 'cancel' }];
    });
    document.querySelectorAll('#sql-running tbody tr[data-key]').forEach(function (tr) {
      var id = tr.getAttribute('data-key');
      var q = doc.queries.filter(function (x) { return x.id === id; })[0];
      var button = el('button', q && q.cancelledBy ? 'cancelling…' : 'Cancel', 'cancel-button');
      button.disabled = !!(q && q.cancelledBy);
      button.addEventListener('click', function () {
        button.disabled = true;
        button.textContent = 'cancelling…';
        request('POST', 'api/sql/cancel?id=' + encodeURIComponent(id)).then(function (r) {
          if (!r.ok) { document.getElementById('sql-problem').textContent = r.body.error || ('HTTP ' + r.status); }
          pollRunning();
        });
      });
      tr.querySelector('td.cancel').appendChild(button);
    });
  }

  function pollRunning() {
    return fetchJson('api/sql/running').then(renderRunning).catch(function (e) {
      document.getElementById('sql-problem').textContent = 'cannot list the running queries: ' + e.message;
    });
  }

  function showResult(doc) {
    var head = document.querySelector('#sql-rows thead tr');
    clear(head);
    doc.columns.forEach(function (c, i) { var th = el('th', c); th.title = doc.types[i]; head.appendChild(th); });
    fillTable('sql-rows', doc.rows.map(function (r, i) { return { value: r, key: String(i) }; }), 'no rows', function (r) {
      return r.map(function (v) { return v === null ? { text: 'NULL', cls: 'null' } : v; });
    });
    document.getElementById('sql-status').textContent = 'query ' + doc.id + ': ' + doc.rows.length + (doc.rows.length === 1 ? ' row' : ' rows')
      + (doc.complete ? '' : ' (the first ' + doc.maxRows + ' only: the query was stopped there, it may have more)') + ' in ' + doc.millis + ' ms';
    document.getElementById('sql-plan').textContent = doc.plan.join('\n');
  }

  function runQuery(event) {
    event.preventDefault();
    var sql = document.getElementById('sql-text').value;
    var error = document.getElementById('sql-error');
    var status = document.getElementById('sql-status');
    error.hidden = true;
    error.textContent = '';
    status.textContent = 'running…';
    clear(document.querySelector('#sql-rows thead tr'));
    clear(document.querySelector('#sql-rows tbody'));
    document.getElementById('sql-plan').textContent = '';
    document.getElementById('sql-run').disabled = true;
    queryRunning = true;
    setTimeout(pollRunning, 300); // the running list shows it while it runs
    request('GET', 'api/sql/run?sql=' + encodeURIComponent(sql)).then(function (r) {
      if (r.ok) {
        showResult(r.body);
      } else {
        status.textContent = '';
        error.textContent = r.body.error || ('HTTP ' + r.status);
        error.hidden = false;
      }
    }).catch(function (e) {
      status.textContent = '';
      error.textContent = 'the monitor did not answer: ' + e.message;
      error.hidden = false;
    }).then(function () {
      queryRunning = false;
      document.getElementById('sql-run').disabled = false;
      pollRunning();
    });
  }

  // The jobs page: the cluster's Jet jobs with their figures; Suspend/Resume/Restart/Cancel POST to api/jobs/<action>.
  var JOB_ACTIONS = { RUNNING: ['suspend', 'restart', 'cancel'], SUSPENDED: ['resume', 'cancel'], STARTING: ['cancel'],
    NOT_RUNNING: ['cancel'], SUSPENDED_EXPORTING_SNAPSHOT: ['cancel'] };

  function renderJobs(doc) {
    var now = Date.now();
    document.getElementById('jobs-count').textContent = doc.count + (doc.count === 1 ? ' job' : ' jobs');
    if (!document.getElementById('jobs-problem').getAttribute('data-action')) {
      document.getElementById('jobs-problem').textContent = doc.problem || '';
    }
    var rates = {};
    doc.jobs.forEach(function (j) {
      var last = lastJobsIn[j.id];
      rates[j.id] = last && now > last.at ? Math.max(0, (j.itemsIn - last.items) * 1000 / (now - last.at)) : null;
      lastJobsIn[j.id] = { items: j.itemsIn, at: now };
    });
    fillTable('jobs', doc.jobs.map(function (j) { return { value: j, key: j.id, cls: j.status === 'FAILED' ? 'firing' : '' }; }), 'no jobs',
      function (j) {
        return [j.name, j.id, j.status, time(j.submissionTime), num(j.restarts), num(j.itemsIn), num(j.itemsOut),
          rates[j.id] === null ? '' : num(Math.round(rates[j.id])), j.watermarkLatencyMillis < 0 ? '' : duration(j.watermarkLatencyMillis),
          bytes(j.snapshotBytes), num(j.snapshotKeys), j.lastSnapshotMillis < 0 ? '' : duration(j.lastSnapshotMillis), j.reason || '',
          { text: '', cls: 'actions' }];
      });
    document.querySelectorAll('#jobs tbody tr[data-key]').forEach(function (tr) {
      var id = tr.getAttribute('data-key');
      var job = doc.jobs.filter(function (x) { return x.id === id; })[0];
      (JOB_ACTIONS[job.status] || []).forEach(function (action) {
        var button = el('button', action.charAt(0).toUpperCase() + action.substring(1), 'job-' + action);
        button.addEventListener('click', function () {
          button.disabled = true;
          request('POST', 'api/jobs/' + action + '?id=' + encodeURIComponent(id)).then(function (r) {
            var problem = document.getElementById('jobs-problem');
            problem.textContent = r.ok ? '' : (r.body.error || ('HTTP ' + r.status));
            if (r.ok) { problem.removeAttribute('data-action'); } else { problem.setAttribute('data-action', action); }
          });
        });
        tr.querySelector('td.actions').appendChild(button);
      });
    });
    var vertices = [];
    doc.jobs.forEach(function (j) { j.vertices.forEach(function (v) { vertices.push({ job: j, v: v }); }); });
    fillTable('job-vertices', vertices.map(function (r) { return { value: r, key: r.job.id + '/' + r.v.name }; }), 'no vertices', function (r) {
      return [r.job.name, r.v.name, num(r.v.received), num(r.v.emitted)];
    });
    var seen = {};
    doc.jobs.forEach(function (j) {
      if (j.status !== 'RUNNING' && !jobsHistory[j.name]) { return; }
      seen[j.name] = true;
      jobsHistory[j.name] = jobsHistory[j.name] || [];
      remember(jobsHistory[j.name], rates[j.id] === null ? 0 : rates[j.id]);
    });
    Object.keys(jobsHistory).forEach(function (name) { if (!seen[name]) { delete jobsHistory[name]; } });
    var names = Object.keys(jobsHistory).sort();
    drawLines('jobs-chart', names.map(function (name) { return { name: name, values: jobsHistory[name] }; }), 'items/s');
    var legend = document.getElementById('jobs-legend');
    clear(legend);
    names.forEach(function (name, n) {
      var item = el('span');
      item.appendChild(el('i', null, 'l' + (n % 6)));
      item.appendChild(document.createTextNode(name));
      legend.appendChild(item);
    });
  }

  function poll() {
    if (currentTab() === 'query') { pollRunning(); }
    var names = ['members', 'partitions', 'maps', 'locks', 'transactions', 'alerts', 'log'];
    if (currentTab() === 'topics') { names.push('topics'); } // described on demand: only while the page shows them
    if (currentTab() === 'jobs') { names.push('jobs'); }
    Promise.all(names.map(function (n) { return fetchJson('api/' + n + (n === 'log' ? '?limit=50' : '')); })).then(function (results) {
      var data = {};
      names.forEach(function (n, i) { data[n] = results[i]; });
      render(data);
      if (data.topics) { renderTopics(data.topics); }
      if (data.jobs) { renderJobs(data.jobs); }
      var status = document.getElementById('status');
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
      status.className = 'status';
      document.body.setAttribute('data-updated', String(Date.now()));
    }).catch(function (e) {
      var status = document.getElementById('status');
      status.textContent = 'cannot reach the monitor: ' + e.message;
      status.className = 'status error';
    }).then(function () { setTimeout(poll, 2000); });
  }

  window.addEventListener('hashchange', function () { showTab(); if (currentTab() === 'query') { pollRunning(); } });
  document.getElementById('sql-form').addEventListener('submit', runQuery);
  showTab();
  poll();
}());
