// Import job page: polls the JSON status and moves the progress bar; reloads for the result when done.
// Without JavaScript the page refreshes itself (meta refresh in <noscript>).
(function () {
  'use strict';
  var box = document.getElementById('import-voortgang');
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute('data-status-url');
  var bar = document.getElementById('import-progress');
  var percent = document.getElementById('import-percent');
  var processed = document.getElementById('import-processed');

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (status) {
        bar.max = status.total;
        bar.value = status.processed;
        bar.textContent = status.percent + '%';
        percent.textContent = status.percent;
        processed.textContent = status.processed;
        if (status.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 300);
}());
