// Inactivity warning: two minutes before the session ends, offer 继续 (continue), which renews it.
// Any request to the server renews the session too; pages announce that with a "session:renewed" event.
(function () {
  "use strict";
  var body = document.body;
  var total = parseInt(body.dataset.sessionSeconds || "0", 10);
  if (!total) { return; }
  var warnBefore = parseInt(body.dataset.sessionWarningSeconds || "120", 10);
  var warning = document.getElementById("session-warning");
  var expired = document.getElementById("session-expired");
  var warnTimer = null;
  var endTimer = null;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warning.classList.add("d-none");
    warnTimer = setTimeout(function () { warning.classList.remove("d-none"); },
      Math.max(0, (total - warnBefore) * 1000));
    endTimer = setTimeout(function () {
      warning.classList.add("d-none");
      expired.classList.remove("d-none");
      document.dispatchEvent(new CustomEvent("session:expired"));
    }, total * 1000);
  }

  warning.querySelector("[data-session-continue]").addEventListener("click", function () {
    fetch(body.dataset.keepaliveUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (response.ok && !response.redirected) { schedule(); }
        else { expired.classList.remove("d-none"); warning.classList.add("d-none"); }
      });
  });
  document.addEventListener("session:renewed", schedule);
  document.body.addEventListener("htmx:afterRequest", schedule);
  schedule();
})();
