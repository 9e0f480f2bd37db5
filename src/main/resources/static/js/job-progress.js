// A job's page, kept up to date while the job runs: every few seconds the page is fetched again and its progress
// section replaced (read out politely by screen readers). Without JavaScript the "See the latest progress" link does
// the same by hand; nothing refreshes the whole page by itself (WCAG 2.2.1).
(function () {
  var progress = document.getElementById('job-progress');
  if (!progress || progress.getAttribute('data-finished') === 'true' || !window.fetch || !window.DOMParser) {
    return;
  }
  var timer = window.setInterval(function () {
    window.fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new window.DOMParser().parseFromString(html, 'text/html').getElementById('job-progress');
        if (!fresh) { return; }
        progress.innerHTML = fresh.innerHTML;
        if (fresh.getAttribute('data-finished') === 'true') {
          progress.setAttribute('data-finished', 'true');
          window.clearInterval(timer);
        }
      })
      .catch(function () { /* tried again at the next tick */ });
  }, 3000);
}());
