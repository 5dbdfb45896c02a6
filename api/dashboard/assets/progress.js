// Live progress of a run started from the dashboard: polls GET /workflows/{id} (the API's own status route) every
// second until the run closes, and fills <div id="run" data-status-url="..."> with its status and counts.
(function () {
  'use strict';
  var el = document.getElementById('run');
  if (!el) return;
  var url = el.getAttribute('data-status-url');
  var bar = el.querySelector('.progress > div');
  var text = el.querySelector('.run-status');
  function show(run) {
    var p = run.progress;
    var done = p ? p.done : 0;
    var total = p ? p.total : 0;
    var pct = run.status === 'COMPLETED' ? 100 : total > 0 ? Math.round((100 * done) / total) : 0;
    bar.style.width = pct + '%';
    var counts = p ? done + ' of ' + total + ' keyword-platform pairs' : 'progress unknown (no worker answered)';
    // a collection reports failures per platform; a keyword pipeline reports its step (collect, process, analyze)
    var failed =
      p && p.platforms
        ? p.platforms.reduce(function (n, x) {
            return n + x.failed;
          }, 0)
        : 0;
    var step = p && p.step && run.status === 'RUNNING' ? ' · ' + p.step : '';
    text.textContent =
      run.status + step + ' · ' + counts + (failed ? ' · ' + failed + ' failed' : '') + (run.failure ? ' · ' + run.failure.message : '');
    el.setAttribute('data-status', run.status === 'COMPLETED' ? 'done' : run.status.toLowerCase());
  }
  function poll() {
    fetch(url, { headers: { accept: 'application/json' } })
      .then(function (res) {
        return res.json();
      })
      .then(function (run) {
        if (!run.status) throw new Error(run.message || 'no status');
        show(run);
        if (run.status === 'RUNNING') setTimeout(poll, 1000);
      })
      .catch(function (err) {
        text.textContent = 'could not read the run: ' + err.message;
        setTimeout(poll, 3000);
      });
  }
  poll();
})();
